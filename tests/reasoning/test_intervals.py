"""Every score's interval holds the score at every sampled parameter point, recomputed from scratch."""

from __future__ import annotations

import numpy as np

from beleidstheorie.reasoning.analysis.intervals import (
    DEFAULT_POINTS,
    apply,
    latin_hypercube,
    parameter_ranges,
)
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.score import score


def scores(result) -> dict[str, float]:
    return {n.key: n.score for n in (result.main_goal, *result.subgoals, *result.mechanisms)}


def test_intervals_contain_every_sampled_parameter_point(example_theory):
    config = load_config()
    result = score(example_theory, config)
    nodes = {n.key: n for n in (result.main_goal, *result.subgoals, *result.mechanisms)}
    checked = 0
    for values in latin_hypercube(parameter_ranges(config), DEFAULT_POINTS, seed=0):
        cfg = apply(config, values)
        if cfg is None:
            continue
        for key, value in scores(score(example_theory, cfg, intervals=False, explain=False)).items():
            low, high = nodes[key].interval
            assert low - 1e-12 <= value <= high + 1e-12
        checked += 1
    assert checked >= DEFAULT_POINTS // 2


def test_the_latin_hypercube_puts_one_point_in_every_stratum_of_every_range():
    ranges = {"a": (0.0, 1.0), "b": (10.0, 20.0)}
    points = latin_hypercube(ranges, 8, seed=3)
    for name, (lo, hi) in ranges.items():
        strata = sorted(int((p[name] - lo) / (hi - lo) * 8) for p in points)
        assert strata == list(range(8))


def test_a_verdict_is_robust_only_when_it_holds_at_every_point(example_theory):
    config = load_config()
    result = score(example_theory, config)
    for node in (*result.subgoals, *result.mechanisms):
        verdicts = {node.verdict}
        for values in latin_hypercube(parameter_ranges(config), DEFAULT_POINTS, seed=0):
            cfg = apply(config, values)
            if cfg is not None:
                verdicts.add(
                    score(example_theory, cfg, intervals=False, explain=False).node(node.key).verdict
                )
        assert node.robust == (len(verdicts) == 1)


def test_the_interval_is_in_the_json_contract(example_theory):
    data = score(example_theory).to_dict()
    for node in data["mechanisms"]:
        assert len(node["interval"]) == 2 and isinstance(node["robust"], bool)
        assert np.isfinite(node["interval"]).all()


def test_configurations_that_share_numbers_share_one_inference_and_score_as_if_scored_anew(flagship_theory):
    from beleidstheorie.reasoning.score import evaluate, score_configs

    cfg = load_config()
    ev = evaluate(flagship_theory, cfg, explain=False)
    configs = [
        cfg.replace({"verdict.posterior": 0.6}),  # a threshold: the nominal numbers
        cfg.replace({"verdict.negligible": 0.01}),
        cfg.replace({"link.strong": 0.6}),  # a link strength: new numbers
        cfg.replace({"link.strong": 0.6, "verdict.posterior": 0.6}),
    ]
    got = score_configs(ev, configs)
    for (post, err, verdicts), c in zip(got, configs, strict=True):
        anew = evaluate(flagship_theory, c, explain=False)
        assert np.allclose(post, anew.post, atol=1e-12, rtol=0)
        assert not np.any(err)
        assert verdicts == verdicts_of_all(anew)
    assert not np.allclose(got[0][0], got[2][0])  # the link strength did move the scores


def verdicts_of_all(ev):
    from beleidstheorie.reasoning.score import verdicts_of

    return verdicts_of(ev, list(range(ev.net.n_nodes)))
