"""Sensitivity: every range contains the score and a reported flip point really flips the verdict.

Computed once on the example with a coarse grid (``sensitivity.steps = 3``: the ends of the
range and the base), which is enough for the invariants and keeps the test quick.
"""

from __future__ import annotations

import pytest

from beleidstheorie import load_theory
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.network import read_network
from beleidstheorie.reasoning.score import evaluate, verdicts_of
from beleidstheorie.reasoning.sensitivity import scalar_parameters, sensitivity, with_parameter
from tests.conftest import EXAMPLE

CONFIG = load_config().replace({"sensitivity.steps": 3})


@pytest.fixture(scope="module")
def theory():
    return load_theory(EXAMPLE)


@pytest.fixture(scope="module")
def result(theory):
    return sensitivity(theory, CONFIG)


@pytest.fixture(scope="module")
def net(theory):
    return read_network(theory.store)


def posteriors_and_verdicts(net, config):
    ev = evaluate(None, config, None, explain=False, network=net)
    nodes = list(range(net.mechanism_offset, net.main_goal_index + 1))
    return {net.nodes[i].id: float(ev.post[i]) for i in nodes}, dict(
        zip((net.nodes[i].id for i in nodes), verdicts_of(ev, nodes), strict=True)
    )


def test_every_range_contains_its_score(result):
    assert result.nodes
    for node in result.nodes:
        assert node.score_min <= node.score <= node.score_max, node.key


def test_the_ends_of_the_range_lie_within_the_reported_range(result, net):
    r = result.relative_range
    lows = {n.key: n.score_min for n in result.nodes}
    highs = {n.key: n.score_max for n in result.nodes}
    moved = set()
    for path, value in list(scalar_parameters(CONFIG))[:6]:
        for rel in (-r, r):
            cfg = with_parameter(CONFIG, path, value * (1 + rel))
            if cfg is None:
                continue
            post, _ = posteriors_and_verdicts(net, cfg)
            for key, p in post.items():
                assert lows[key] - 1e-12 <= p <= highs[key] + 1e-12, (path, rel, key)
                moved.add(p != pytest.approx(next(n.score for n in result.nodes if n.key == key)))
    assert True in moved  # the parameters tried do move some score


def test_the_base_scores_and_verdicts_are_the_unperturbed_ones(result, net):
    post, verdicts = posteriors_and_verdicts(net, CONFIG)
    assert {n.key: (n.score, n.verdict) for n in result.nodes} == {k: (post[k], verdicts[k]) for k in post}


def test_a_reported_flip_point_really_flips_the_verdict(result, net):
    flips = [n for n in result.nodes if n.flip is not None]
    assert flips, "the example has a flip point (see the module's doctest)"
    values = dict(scalar_parameters(CONFIG))
    for node in flips:
        flip = node.flip
        assert flip.value == pytest.approx(values[flip.parameter] * (1 + flip.relative_change))
        _, verdicts = posteriors_and_verdicts(net, with_parameter(CONFIG, flip.parameter, flip.value))
        assert verdicts[node.key] == flip.verdict != node.verdict
        assert node.flip_in_range == (abs(flip.relative_change) <= result.relative_range + 1e-12)


def test_a_flip_point_is_the_edge_of_the_change_that_flips(result, net):
    values = dict(scalar_parameters(CONFIG))
    for node in (n for n in result.nodes if n.flip is not None):
        flip = node.flip
        # a quarter of the way from no change to the flip point the verdict still holds
        cfg = with_parameter(CONFIG, flip.parameter, values[flip.parameter] * (1 + flip.relative_change / 4))
        _, verdicts = posteriors_and_verdicts(net, cfg)
        assert verdicts[node.key] == node.verdict


def test_nodes_without_a_flip_point_do_not_flip_at_the_ends_of_the_range(result, net):
    r = result.relative_range
    steady = {n.key: n.verdict for n in result.nodes if n.flip is None}
    for path, value in list(scalar_parameters(CONFIG))[:6]:
        for rel in (-r, r):
            cfg = with_parameter(CONFIG, path, value * (1 + rel))
            if cfg is None:
                continue
            _, verdicts = posteriors_and_verdicts(net, cfg)
            assert {k: verdicts[k] for k in steady} == steady, (path, rel)
