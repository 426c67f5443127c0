"""The evidence plan and its rows, made with arrays, are what the loop over observations made.

The reference is ``_plan`` and ``_rows`` as they were (one observation and one target at a
time, facts keyed by each observation's fields): the same chosen observations, the same
facts in the same order, and the same items (observation, node, fact, split) whichever
facts the rules move to delivery — on the shipped theories and random ones, every round,
item by item and from the counted groups.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidstheorie.graph.load import load_theory, theory_from_model
from beleidstheorie.reasoning.evidence import (
    _bears_on,
    _plan,
    _rows,
    observation_facts,
    select_observations,
)
from beleidstheorie.reasoning.network import Network, read_evidence_groups, read_network
from tests.conftest import EXAMPLE, FLAGSHIP
from tests.reasoning.strategies import theories
from tests.reasoning.test_evidence_groups import EVERY_FIELD


def looped_plan(net: Network, round_number: int) -> tuple[list, list, list, list]:
    """(chosen, owners, targets, facts) as the loop made them."""
    counting, latest = select_observations(net, round_number)
    have = set(net.obs_indicator[counting].tolist())
    gaps = [int(o) for o in latest if int(net.obs_indicator[o]) not in have]
    chosen = sorted([*counting.tolist(), *gaps])
    by_indicator: dict[int, list[int]] = {}
    for ind, node in zip(net.tgt_indicator.tolist(), net.tgt_node.tolist(), strict=True):
        by_indicator.setdefault(ind, []).append(node)
    ids: dict = {}
    owners, targets = [], []
    for o in chosen:
        ind = int(net.obs_indicator[o])
        owner = int(net.ind_initiative[ind])
        owners.append(owner)
        targets.append(
            [
                (node, ids.setdefault(observation_facts(net, o, _bears_on(net, node)), len(ids)))
                for node in by_indicator.get(ind) or [owner]
            ]
        )
    return chosen, owners, targets, list(ids)


def looped_rows(net: Network, chosen, owners, targets, to_delivery) -> tuple[list, list, list, list]:
    obs, nodes, fids, split = [], [], [], []
    for o, owner, per_node in zip(chosen, owners, targets, strict=True):
        distinct: dict[int, int] = {}
        for node, fid in per_node:
            if to_delivery[fid] and node != owner and owner < net.n_initiatives:
                node = owner
            distinct.setdefault(node, fid)
        for node, fid in distinct.items():
            obs.append(o)
            nodes.append(node)
            fids.append(fid)
            split.append(1.0 / len(distinct))
    return obs, nodes, fids, split


def assert_same_plan(net: Network, seed: int) -> None:
    rounds = [r.number for r in net.rounds] if net.grouped_round is None else [net.grouped_round]
    rng = random.Random(seed)
    for rnd in rounds:
        plan = _plan(net, rnd)
        chosen, owners, targets, facts = looped_plan(net, rnd)
        assert plan.chosen.tolist() == chosen and plan.owner.tolist() == owners
        assert plan.facts == facts
        n = len(facts)
        for to_delivery in ((False,) * n, (True,) * n, tuple(rng.random() < 0.5 for _ in range(n))):
            got = _rows(net, plan, to_delivery)
            want = looped_rows(net, chosen, owners, targets, to_delivery)
            for a, b in zip(got, want, strict=True):
                assert a.tolist() == b
            assert got[3].tobytes() == np.array(want[3], dtype=float).tobytes()


def networks(theory) -> list[Network]:
    net = read_network(theory.store)
    return [net, read_evidence_groups(theory.store, net.round_number(None))]


@pytest.mark.parametrize("path", [FLAGSHIP, EXAMPLE, EVERY_FIELD], ids=["flagship", "example", "every-field"])
def test_the_plan_and_its_rows_are_what_the_loop_made(path):
    for net in networks(load_theory(path)):
        assert_same_plan(net, seed=1)


@settings(max_examples=40, deadline=None)
@given(theories(max_initiatives=5, max_mechanisms=5, v2=True), st.integers(0, 2**32 - 1))
def test_the_plan_of_a_random_theory_is_what_the_loop_made(model, seed):
    for net in networks(theory_from_model(model)):
        assert_same_plan(net, seed)


def test_rows_too_wide_for_one_key_get_the_codes_of_the_rows_themselves(monkeypatch):
    from beleidstheorie.reasoning import ranks
    from beleidstheorie.reasoning.evidence import _row_codes

    fields = np.array([[3, -1, 7], [0, 2, 7], [3, -1, 7], [0, 2, 8]], dtype=np.int64)
    same = [[(a == b).all() for b in fields] for a in fields]
    keyed = _row_codes(fields)
    monkeypatch.setattr(ranks, "_INT64_MAX", 1)  # every key refused
    for codes in (keyed, _row_codes(fields)):
        assert sorted(set(codes.tolist())) == [0, 1, 2]  # dense
        assert [[a == b for b in codes] for a in codes] == same  # equal exactly for equal rows
