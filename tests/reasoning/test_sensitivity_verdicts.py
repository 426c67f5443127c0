"""Verdicts without inference: where no asked verdict reads a posterior, none is computed.

``score_verdicts`` (what sensitivity's flip-point search asks) judges a point on its evidence
alone when no asked node's own evidence is strong (``verdict.reads_posterior``); the oracle is
``score_configs``, which infers every point. Sensitivity as a whole must come out the same to
the bit as with every point inferred.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from beleidstheorie.reasoning import sensitivity as sensitivity_module
from beleidstheorie.reasoning.analysis.intervals import scalar_parameters, with_parameter
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.network import read_network
from beleidstheorie.reasoning.score import evaluate, score_configs, score_verdicts
from beleidstheorie.reasoning.sensitivity import sensitivity
from beleidstheorie.reasoning.verdict import reads_posterior, verdicts

CONFIG = load_config()


@pytest.fixture(scope="module")
def flagship(flagship_theory):
    net = read_network(flagship_theory.store)
    ev = evaluate(None, CONFIG, net.round_number(None), explain=False, network=net)
    return net, ev


def moved_configs():
    """Every parameter moved far both ways: some nodes' evidence becomes strong, some weak."""
    out = []
    for path, value in scalar_parameters(CONFIG):
        for rel in (-0.9, -0.6, -0.3, 0.3, 0.6, 0.9):
            cfg = with_parameter(CONFIG, path, value * (1 + rel))
            if cfg is not None:
                out.append(cfg)
    return out


def test_verdicts_of_every_node_equal_the_inferred_ones(flagship):
    net, ev = flagship
    nodes = np.arange(net.mechanism_offset, net.main_goal_index + 1)
    configs = moved_configs()
    inferred = [[every[i] for i in nodes] for _, _, every in score_configs(ev, configs)]
    assert score_verdicts(ev, configs, [nodes] * len(configs)) == inferred
    # the case the shortcut is for and the case it must not take both occur
    reads = [
        bool(reads_posterior(p.in_favour[nodes], p.against[nodes], c).any())
        for p, c in zip(_points(ev, configs), configs, strict=True)
    ]
    assert any(reads) and not all(reads)


def test_the_verdict_of_one_node_equals_the_inferred_one(flagship):
    net, ev = flagship
    configs = moved_configs()
    inferred = score_configs(ev, configs)
    for node in range(net.mechanism_offset, net.main_goal_index + 1):
        got = score_verdicts(ev, configs, [np.array([node])] * len(configs))
        assert got == [[every[node]] for _, _, every in inferred], net.nodes[node].id


def _points(ev, configs):
    from beleidstheorie.reasoning.model.points import model_points

    return model_points(ev.net, configs, ev.round_number)


@given(
    st.lists(st.floats(0, 4), min_size=6, max_size=6),
    st.lists(st.floats(0, 4), min_size=6, max_size=6),
    st.lists(st.floats(0, 1), min_size=6, max_size=6),
)
def test_a_verdict_that_reads_no_posterior_is_the_same_at_any_posterior(fav, against, posterior):
    fav_a, against_a = np.array(fav), np.array(against)
    unread = ~reads_posterior(fav_a, against_a, CONFIG)
    zero = np.zeros(6)
    at_zero = verdicts(fav_a, against_a, zero, zero, CONFIG)
    at_given = verdicts(fav_a, against_a, np.array(posterior), np.full(6, 0.05), CONFIG)
    assert [a for a, u in zip(at_zero, unread, strict=True) if u] == [
        b for b, u in zip(at_given, unread, strict=True) if u
    ]


def test_sensitivity_equals_every_point_inferred(flagship_theory, monkeypatch):
    fast = sensitivity(flagship_theory, CONFIG)

    def every_point_inferred(ev, configs, asked):
        inferred = score_configs(ev, configs)
        return [[every[i] for i in nodes] for (_, _, every), nodes in zip(inferred, asked, strict=True)]

    monkeypatch.setattr(sensitivity_module, "score_verdicts", every_point_inferred)
    assert sensitivity(flagship_theory, CONFIG) == fast
    assert any(n.flip is not None for n in fast.nodes)
