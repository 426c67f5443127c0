"""`next` values measurements by what their outcome would do, and the claim holds in simulation."""

from __future__ import annotations

import json

import numpy as np
import pytest

from beleidstheorie.reasoning.analysis.next import next_measurements, plan_measurements
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.inference import infer
from beleidstheorie.reasoning.model.likelihood import Facts, likelihood
from beleidstheorie.reasoning.network import read_network
from beleidstheorie.reasoning.score import direct_evidence, evaluate
from beleidstheorie.reasoning.verdict import DirectEvidence, verdict
from tests.conftest import EXAMPLE
from tests.test_cli import run


def simulate(ev, measurement, step, kind: str, draws: int, rng) -> tuple[float, float]:
    """Frequencies of 'verdict flips' and 'supported' when the measurement is actually taken.

    The world is drawn from the posterior (X ~ P(X | e)), the report from the evidence
    kind's Se and α, and the verdict recomputed by full inference with the new item.
    """
    net, cfg = ev.net, ev.config
    x = net.index_of(measurement.observes)
    y = net.index_of(step.node)
    o = next(o for o in measurement.outcomes if o.evidence_kind == kind)
    kind_of = {"initiative": "delivery", "mechanism": "mechanism", "context": "context"}
    bears_on = kind_of.get(net.nodes[x].kind, "goal")
    lk = likelihood(
        Facts("progressie-geboekt", kind, bears_on, measurement.level, "realised", "self-report"), cfg
    )
    se, alpha = lk.l1, lk.l0
    m = ev.model
    l1, l0 = m.log_l1, m.log_l0
    pos, neg = direct_evidence(ev)
    own = DirectEvidence(float(pos[y]), float(neg[y]))
    now = verdict(own, float(ev.post[y]), cfg)
    after = {}
    bx, by = int(m.theory_node[x]), int(m.theory_node[y])
    for progress in (True, False):
        a1, a0 = l1.copy(), l0.copy()
        p1, p0 = (se, alpha) if progress else (1 - se, 1 - alpha)
        a1[bx] += np.log(p1)
        a0[bx] += np.log(p0)
        lr = float(np.log(p1 / p0)) if x == y else 0.0
        e = DirectEvidence(own.in_favour + max(lr, 0.0), own.against + max(-lr, 0.0))
        after[progress] = verdict(e, float(infer(m.net, a1, a0).marginal[by]), cfg)
    assert after[True] == o.verdict_if_progress and after[False] == o.verdict_if_no_progress
    world = rng.random(draws) < ev.post[x]
    report = rng.random(draws) < np.where(world, se, alpha)
    flips = np.array([after[bool(r)] != now for r in report])
    supported = np.array([after[bool(r)] == "supported" for r in report])
    return float(flips.mean()), float(supported.mean())


def test_the_top_measurement_flips_verdicts_as_often_as_claimed(example_theory):
    config = load_config()
    net = read_network(example_theory.store)
    ev = evaluate(None, config, None, explain=True, network=net)
    result = plan_measurements(ev)
    rng = np.random.default_rng(0)
    checked = 0
    for step in result.steps:
        if not step.measurements:
            continue
        top = step.measurements[0]
        for kind in ("quantitative", "qualitative"):
            o = next(o for o in top.outcomes if o.evidence_kind == kind)
            draws = 4000
            flip, sup = simulate(ev, top, step, kind, draws, rng)
            tol = 4 * np.sqrt(0.25 / draws)
            assert abs(flip - o.p_flip) <= tol
            assert abs(sup - o.p_supported) <= tol
            checked += 1
    assert checked >= 4


def test_only_undecided_nodes_get_measurements_and_they_are_ranked(example_theory):
    result = next_measurements(example_theory)
    assert result.steps
    for step in result.steps:
        assert step.verdict in ("insufficient", "undecided") or step.robust is False
        keys = [(-m.p_flip, -m.expected_change) for m in step.measurements]
        assert keys == sorted(keys)


def test_an_unobserved_mechanism_is_offered_as_a_new_indicator_by_its_initiatives(example_theory):
    result = next_measurements(example_theory)
    step = next(s for s in result.steps if s.node == "laagdrempelige-ontmoeting")
    new = [m for m in step.measurements if m.kind == "new-indicator" and m.observes == step.node]
    assert new and new[0].initiatives == ("buurtkamer",)
    # one planned self-report cannot earn "supported" alone (method §3.3); it still moves the score
    assert new[0].expected_change > 0 and 0 <= new[0].p_supported < 1


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_next_runs_from_the_command_line_in_every_format(fmt):
    out = run("next", str(EXAMPLE), "--format", fmt).stdout
    if fmt == "json":
        data = json.loads(out)
        assert data["steps"] and "p_flip" in data["steps"][0]["measurements"][0]
    elif fmt == "csv":
        assert out.splitlines()[0].startswith("node,verdict,score,rank")
    else:
        assert "kans op kanteling" in out  # the column p_flip, headed in Dutch by default


@pytest.mark.parametrize("name", ["example_theory", "flagship_theory"])
def test_score_and_next_from_one_evaluation_equal_the_two_apart(request, name):
    from beleidstheorie.reasoning.analysis.next import score_and_next
    from beleidstheorie.reasoning.score import score

    theory = request.getfixturevalue(name)
    rounds = read_network(theory.store).rounds
    for r in rounds:
        scored, planned = score_and_next(theory, None, r.id)
        assert scored == score(theory, None, r.id)
        assert planned == next_measurements(theory, None, r.id)
