"""Sensitivity: every range contains the score and a reported flip point really flips the verdict.

Computed once on the example with a coarse grid (``sensitivity.steps = 3``: the ends of the
range and the base) and a wide range (±80 %, so that some mechanisms swap order), which is
enough for the invariants and keeps the test quick. The ranges and order swaps are checked
against a direct evaluation at every end of the range.
"""

from __future__ import annotations

import dataclasses

import pytest

from beleidstheorie import load_theory
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.network import read_network
from beleidstheorie.reasoning.score import evaluate, verdicts_of
from beleidstheorie.reasoning.sensitivity import RESOLUTION, scalar_parameters, sensitivity, with_parameter
from tests.conftest import EXAMPLE

CONFIG = load_config().replace({"sensitivity.steps": 3, "sensitivity.relative_range": 0.8})


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


@pytest.fixture(scope="module")
def ends(net):
    """Posteriors and verdicts at both ends of the range of every parameter that can move that far."""
    r = CONFIG.sensitivity.relative_range
    out = {}
    for path, value in scalar_parameters(CONFIG):
        for rel in (-r, r):
            cfg = with_parameter(CONFIG, path, value * (1 + rel))
            if cfg is not None:
                out[path, rel] = posteriors_and_verdicts(net, cfg)
    return out


def test_each_range_is_exactly_the_extremes_within_the_documented_range(result, ends):
    assert len(ends) > len(result.parameters)  # most parameters can move both ways
    for node in result.nodes:
        seen = [node.score, *(post[node.key] for post, _ in ends.values())]
        assert (node.score_min, node.score_max) == pytest.approx((min(seen), max(seen)), abs=1e-12), node.key


def test_the_order_swaps_are_exactly_the_mechanism_pairs_that_swap_within_the_range(result, net, ends):
    mechanisms = [net.nodes[i].id for i in range(net.mechanism_offset, net.subgoal_offset)]
    base = {n.key: n.score for n in result.nodes}
    swaps = set()
    for (path, _), (post, _) in ends.items():
        for i, a in enumerate(mechanisms):
            for b in mechanisms[i + 1 :]:
                if (base[a] - base[b]) * (post[a] - post[b]) < 0:
                    swaps.add((a, b, path))
    assert swaps, "with ±80 % some mechanisms of the example swap order"
    assert set(result.order_flips) == swaps
    assert list(result.order_flips) == sorted(result.order_flips)


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


def test_a_flip_point_is_exact_one_double_inside_it_the_verdict_still_holds(result, net):
    values = dict(scalar_parameters(CONFIG))
    checked = 0
    for node in (n for n in result.nodes if n.flip is not None):
        flip = node.flip
        # the bracket ends RESOLUTION (relative) apart: just inside it, no flip
        rel = flip.relative_change * (1 - 2 * RESOLUTION)
        _, verdicts = posteriors_and_verdicts(
            net, with_parameter(CONFIG, flip.parameter, values[flip.parameter] * (1 + rel))
        )
        assert verdicts[node.key] == node.verdict, node.key
        checked += 1
    assert checked


def test_no_parameter_flips_a_verdict_nearer_than_its_flip_point(result, net):
    values = dict(scalar_parameters(CONFIG))
    for node in (n for n in result.nodes if n.flip is not None):
        size = abs(node.flip.relative_change) * (1 - 1e-6)
        for path in result.parameters:
            for rel in (size, -size):
                cfg = with_parameter(CONFIG, path, values[path] * (1 + rel))
                if cfg is None:
                    continue
                _, verdicts = posteriors_and_verdicts(net, cfg)
                assert verdicts[node.key] == node.verdict, (node.key, path, rel)


def test_a_sensitivity_result_is_frozen(result):
    for obj, name in ((result, "nodes"), (result.nodes[0], "score_max")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, name, None)
    flip = next(n.flip for n in result.nodes if n.flip is not None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        flip.value = 0.0


def test_nodes_without_a_flip_point_do_not_flip_at_the_ends_of_the_range(result, ends):
    steady = {n.key: n.verdict for n in result.nodes if n.flip is None}
    for where, (_, verdicts) in ends.items():
        assert {k: verdicts[k] for k in steady} == steady, where


def test_a_flip_within_the_range_is_no_larger_than_the_smallest_end_that_flips(result, ends):
    r = result.relative_range
    for node in result.nodes:
        flipping = [abs(rel) for (_, rel), (_, v) in ends.items() if v[node.key] != node.verdict]
        if flipping:
            assert node.flip is not None and node.flip_in_range, node.key
            assert abs(node.flip.relative_change) <= r + 1e-12


def test_the_joint_range_is_score_s_interval_and_contains_the_score(theory):
    from beleidstheorie.reasoning.score import score

    res = sensitivity(theory)
    scored = score(theory)
    assert res.nodes
    for n in res.nodes:
        s = scored.node(n.id)
        assert n.joint_min <= n.score <= n.joint_max
        assert (n.joint_min, n.joint_max) == pytest.approx(s.interval, abs=1e-6)
        assert n.robust == s.robust
    # the example has a verdict that holds one parameter at a time but not jointly
    fragile = [n.key for n in res.nodes if not n.robust]
    assert fragile == ["vaste-contacten"]
