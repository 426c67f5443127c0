"""Scoring a theory beyond the exact budget: impacts and intervals from the sampler, held to their bounds.

The same theories are scored exactly (they fit the budget) and sampled (``budget=1``), so
every sampled number can be checked against the exact one it estimates.
"""

from __future__ import annotations

import numpy as np
import pytest

from beleidstheorie.reasoning.analysis.intervals import (
    DEFAULT_POINTS,
    apply,
    latin_hypercube,
    parameter_ranges,
)
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.inference import SAMPLED, infer
from beleidstheorie.reasoning.inference.sampling import min_samples
from beleidstheorie.reasoning.score import (
    INTERVAL_TOLERANCE,
    assemble,
    evaluate,
    score_configs,
    score_intervals,
)


@pytest.fixture(scope="module", params=["example_theory", "flagship_theory"])
def both(request):
    """(exact evaluation, sampled evaluation) of one theory, with impacts."""
    theory = request.getfixturevalue(request.param)
    return evaluate(theory, explain=True), evaluate(theory, explain=True, budget=1)


def goal_columns(ev) -> list[int]:
    net = ev.net
    return [*range(net.mechanism_offset, net.mechanism_offset + net.n_mechanisms),
            *range(net.subgoal_offset, net.subgoal_offset + net.n_subgoals), net.main_goal_index]  # fmt: skip


def test_a_theory_beyond_the_budget_is_sampled_and_says_so(both):
    exact, sampled = both
    assert exact.posterior.exact and sampled.posterior.method == SAMPLED
    assert float(sampled.error.max()) <= 0.005


def test_impacts_from_the_samples_equal_the_exact_impacts_within_their_own_bound(both):
    exact, sampled = both
    imp, ref = sampled.impacts, exact.impacts
    assert imp.columns_error is not None and imp.own_error is not None
    assert ref.columns_error is None  # exact: no bound to report
    errors, bounds = [], []
    for j in goal_columns(sampled):
        mine = sampled.impacts.column(j)
        errors.append(np.abs(mine - ref.column(j)))
        bounds.append(imp.column_error(j))
    err, bound = np.concatenate(errors), np.concatenate(bounds)
    assert np.isfinite(bound).all()
    assert np.mean(err <= bound) >= 0.95  # Z = 3 standard errors each
    assert err.max() <= 1.5 * bound.max()
    own = np.abs(imp.own - ref.own)
    assert np.mean(own <= imp.own_error) >= 0.95 and own.max() <= 1.5 * imp.own_error.max()


def test_sampled_impacts_are_not_zero_where_the_exact_ones_are_large(both):
    # a bound test alone would pass with impacts of zero and huge bounds: the bounds are tight
    exact, sampled = both
    mine = np.concatenate([sampled.impacts.column(j) for j in goal_columns(sampled)])
    ref = np.concatenate([exact.impacts.column(j) for j in goal_columns(exact)])
    bound = np.concatenate([sampled.impacts.column_error(j) for j in goal_columns(sampled)])
    big = np.abs(ref) > 0.02
    assert big.any()
    assert np.all(np.sign(mine[big]) == np.sign(ref[big]))
    assert float(np.median(bound)) < 0.01


def test_the_impact_error_is_reported_on_the_evidence_items_of_a_sampled_result(both):
    exact, sampled = both
    result = assemble(sampled)
    listed = [c for n in (result.main_goal, *result.mechanisms) for c in n.contributions]
    assert listed and all(c.impact_error is not None and c.impact_error >= 0 for c in listed)
    assert all(c.impact_error is None for n in assemble(exact).mechanisms for c in n.contributions)


def test_the_sampled_interval_contains_the_exact_posterior_at_every_parameter_point(both):
    exact, sampled = both
    iv = score_intervals(sampled)
    config = load_config()
    points = latin_hypercube(parameter_ranges(config), DEFAULT_POINTS)
    configs = [c for c in (apply(config, v) for v in points) if c is not None]
    assert len(configs) >= DEFAULT_POINTS // 2
    exact_points = [p for p, _, _ in score_configs(exact, configs)] + [exact.post]
    nodes = np.array(goal_columns(sampled) + list(range(sampled.net.n_initiatives)))
    for p in exact_points:
        assert np.all(iv.low[nodes] <= p[nodes] + 1e-12) and np.all(p[nodes] <= iv.high[nodes] + 1e-12)


def test_each_sampled_parameter_point_stops_at_the_interval_tolerance_on_the_theory_nodes(both):
    _, sampled = both
    config = load_config()
    configs = [c for c in (apply(config, v) for v in latin_hypercube(parameter_ranges(config), 4)) if c]
    for _, bound, _ in score_configs(sampled, configs):
        assert 0.0 < float(bound.max()) <= INTERVAL_TOLERANCE


def test_the_first_check_of_the_stopping_rule_scales_with_the_tolerance():
    assert min_samples(0.005) == 16_384
    assert min_samples(0.01) == 4_096
    assert min_samples(0.0025) == 65_536


def test_a_remembered_sampled_prior_is_the_prior_sampling_anew_gives(flagship_theory, example_theory):
    first = evaluate(flagship_theory, explain=False, budget=1)
    evaluate(example_theory, explain=False, budget=1)  # another network in between
    again = evaluate(flagship_theory, explain=False, budget=1)
    zeros = np.zeros(again.model.n_nodes)
    fresh = infer(again.model.net, zeros, zeros, query=again.query, budget=1).marginal
    assert np.array_equal(first.bn_prior, fresh) and np.array_equal(again.bn_prior, fresh)
    assert not first.posterior.exact


def test_what_to_measure_next_is_planned_on_a_sampled_theory_with_context_factors(flagship_theory):
    # the joints' columns must hold every node `next` decides on, context factors included
    from dataclasses import replace

    from beleidstheorie.reasoning.analysis.next import plan_measurements

    ev = evaluate(flagship_theory, explain=True, budget=1)
    assert ev.net.n_context > 0
    planned = plan_measurements(replace(ev, intervals=score_intervals(ev)))
    assert any(step.kind == "context" for step in planned.steps)


def test_what_to_measure_next_is_planned_on_a_network_beyond_full_impacts(flagship_theory, monkeypatch):
    # beyond FULL_IMPACT_NODES the joints have the decided nodes' columns only: context factors
    # are decided on too (regression: `next` raised KeyError on a context factor's column)
    from dataclasses import replace

    import beleidstheorie.reasoning.score as scoring
    from beleidstheorie.reasoning.analysis.next import plan_measurements

    monkeypatch.setattr(scoring, "FULL_IMPACT_NODES", 10)
    ev = evaluate(flagship_theory, explain=True)
    assert ev.posterior.exact and len(ev.query) < ev.model.n_nodes
    planned = plan_measurements(replace(ev, intervals=score_intervals(ev)))
    assert any(step.kind == "context" for step in planned.steps)
