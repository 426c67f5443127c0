"""``evidence_sums`` gives the bits it gave when it sorted with ``np.lexsort`` at every point.

The reference is the function as it was (five-key and three-key ``np.lexsort``), on the
shipped theories and random ones, item by item and from the counted groups, at joint
points and one-parameter moves (a small and a zero ``dependence.rho`` among them), and
with the int64 key refused so that the ``np.lexsort`` path runs.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidstheorie.graph.load import load_theory, theory_from_model
from beleidstheorie.reasoning import ranks
from beleidstheorie.reasoning.analysis.intervals import (
    apply,
    latin_hypercube,
    parameter_ranges,
    with_parameter,
)
from beleidstheorie.reasoning.config import Config, load_config
from beleidstheorie.reasoning.evidence import (
    EvidenceSums,
    _likelihoods,
    _plan,
    _repeated,
    _rows,
    evidence_sums,
)
from beleidstheorie.reasoning.network import Network, read_evidence_groups, read_network
from tests.conftest import EXAMPLE, FLAGSHIP
from tests.reasoning.strategies import theories


def lexsorted_sums(net: Network, config: Config, round_number: int) -> EvidenceSums:
    """evidence_sums before the int64 keys: each sort an np.lexsort."""
    n = net.n_nodes
    plan = _plan(net, round_number)
    lks = _likelihoods(plan, config)
    to_delivery = tuple(lk.bears_on == "delivery" for lk in lks)
    obs, node, fid, split = _rows(net, plan, to_delivery)
    if net.ind_count is not None:
        obs, node, fid, split = _repeated(net, plan, to_delivery, obs, node, fid, split)
    if not obs.size:
        zero = np.zeros(n)
        return EvidenceSums(zero, zero, zero, zero)
    ln1 = np.log(np.array([lk.l1 for lk in lks]))
    ln0 = np.log(np.array([lk.l0 for lk in lks]))
    raw = ln1 - ln0
    by_key = np.lexsort((~(raw > 0), -np.abs(raw)))
    new = np.ones(by_key.size, dtype=bool)
    new[1:] = (np.abs(raw[by_key][1:]) != np.abs(raw[by_key][:-1])) | (
        (raw[by_key][1:] > 0) != (raw[by_key][:-1] > 0)
    )
    rank_of = np.empty(by_key.size, dtype=np.int64)
    rank_of[by_key] = np.cumsum(new) - 1
    group = net.ind_initiative[net.obs_indicator[obs]] * (net.n_nodes + 1) + node
    ahead = np.argsort(group, kind="stable")
    g = group[ahead]
    start = np.ones(g.size, dtype=bool)
    start[1:] = g[1:] != g[:-1]
    block = np.empty(g.size, dtype=np.int64)
    block[ahead] = np.cumsum(start) - 1
    l1s = np.array([lk.l1 for lk in lks])[fid[ahead]]
    l0s = np.array([lk.l0 for lk in lks])[fid[ahead]]
    order = ahead[np.lexsort((-l0s, -l1s, -split[ahead], rank_of[fid[ahead]], block[ahead]))]
    g = block[order]
    start = np.ones(g.size, dtype=bool)
    start[1:] = g[1:] != g[:-1]
    first = np.maximum.accumulate(np.where(start, np.arange(g.size), 0))
    discount = np.empty(g.size)
    discount[order] = config.dependence.rho ** (np.arange(g.size) - first).astype(float)
    weight = split * discount
    log_l1 = weight * ln1[fid]
    log_l0 = weight * ln0[fid]
    lr = log_l1 - log_l0
    at = np.lexsort((log_l0, log_l1, node))
    node, log_l1, log_l0, lr = node[at], log_l1[at], log_l0[at], lr[at]
    return EvidenceSums(
        np.bincount(node, weights=log_l1, minlength=n),
        np.bincount(node, weights=log_l0, minlength=n),
        np.bincount(node, weights=np.maximum(lr, 0.0), minlength=n),
        np.bincount(node, weights=np.maximum(-lr, 0.0), minlength=n),
    )


def points(config: Config, n: int, seed: int) -> list[Config]:
    found = [apply(config, v) for v in latin_hypercube(parameter_ranges(config), n, seed)]
    for rho in (0.0, 0.05, 1.0):
        found.append(with_parameter(config, "dependence.rho", rho))
    return [config, *(c for c in found if c is not None)]


def assert_same_bits(net: Network, configs: list[Config]) -> None:
    for rnd in sorted({r.number for r in net.rounds} if net.grouped_round is None else {net.grouped_round}):
        for cfg in configs:
            got, ref = evidence_sums(net, cfg, rnd), lexsorted_sums(net, cfg, rnd)
            for name in ("log_l1", "log_l0", "in_favour", "against"):
                assert getattr(got, name).tobytes() == getattr(ref, name).tobytes(), (rnd, name)


def networks(theory) -> list[Network]:
    net = read_network(theory.store)
    return [net, read_evidence_groups(theory.store, net.round_number(None))]


@pytest.mark.parametrize("path", [FLAGSHIP, EXAMPLE], ids=["flagship", "example"])
def test_the_sums_are_the_lexsorted_sums_to_the_bit_at_every_point(path):
    theory = load_theory(path)
    for net in networks(theory):
        assert_same_bits(net, points(load_config(), 8, seed=2))


def test_without_an_int64_key_the_sums_are_the_same_bits(monkeypatch):
    monkeypatch.setattr(ranks, "_INT64_MAX", 1)  # every key refused: np.lexsort sorts
    theory = load_theory(FLAGSHIP)
    for net in networks(theory):  # read afresh: nothing kept from a run with keys
        assert_same_bits(net, points(load_config(), 4, seed=5))


@settings(max_examples=25, deadline=None)
@given(theories(max_initiatives=5, max_mechanisms=5, v2=True), st.integers(0, 2**32 - 1))
def test_the_sums_of_a_random_theory_are_the_lexsorted_sums_to_the_bit(model, seed):
    theory = theory_from_model(model)
    for net in networks(theory):
        assert_same_bits(net, points(load_config(), 4, seed))
