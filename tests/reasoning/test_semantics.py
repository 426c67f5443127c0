"""The semantic reference: one small hand-computed case per rule of docs/method.md.

Each expected number follows from the text of the method (the section is named);
none is read back from the engine. Where the method gives a formula, the test
evaluates that formula itself.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from beleidstheorie.reasoning.config import load_config, parse_config
from beleidstheorie.reasoning.score import evaluate, score
from tests.reasoning.tiny import REF, indicator, initiative, loaded, observation, theory

OUTCOME = "effect-problematiek"  # outcome level: specificity 1
TACTICAL = "inzicht-kennis"  # tactisch: specificity 0.7


def item_of(result, indicator_id: str):
    return next(i for i in result.items if i.indicator == indicator_id)


def one_indicator_theory(*obs: dict, type_: str = OUTCOME, **evidence_for):
    return loaded(theory([initiative("a", 1, ("m",), indicator("x", *obs, type_=type_, **evidence_for))]))


# §3.1 measured: evidence kind on delivery, realised, independent


def test_a_realised_independent_quantitative_delivery_count_has_lr_4_and_moves_delivery_to_0_8():
    result = score(one_indicator_theory(observation(basis="realised", source="independent")))
    item = item_of(result, "x")
    assert item.rule == "measured" and item.likelihood_ratio == pytest.approx(4.0)
    assert result.node("a").score == pytest.approx(0.8)  # odds 1 · 4


# §3.1 + §3.3 level and source


def test_a_self_reported_tactical_finding_on_a_mechanism_follows_level_and_optimism():
    obs = observation(kind="qualitative", basis="realised", source="self-report")
    result = score(one_indicator_theory(obs, type_=TACTICAL, mechanisms=["m"]))
    se1 = 0.35 + 0.7 * (0.70 - 0.35)  # 0.595
    se, alpha = se1 + 0.4 * (1 - se1), 0.35 + 0.4 * (1 - 0.35)  # 0.757, 0.61
    assert item_of(result, "x").likelihood_ratio == pytest.approx(se / alpha)  # 1.241


def test_a_reported_lack_of_progress_keeps_its_strength_whoever_reports_it():
    lrs = []
    for source in ("self-report", "independent"):
        obs = observation("geen-progressie", "qualitative", basis="realised", source=source)
        lrs.append(
            item_of(score(one_indicator_theory(obs, type_=TACTICAL, mechanisms=["m"])), "x").likelihood_ratio
        )
    assert lrs == pytest.approx([0.405 / 0.65] * 2)  # (1 − 0.595) / (1 − 0.35)


def test_an_observation_without_basis_and_source_reads_as_a_self_reported_estimate():
    result = score(
        one_indicator_theory(
            observation("progressie-geboekt", "qualitative"), type_=TACTICAL, mechanisms=["m"]
        )
    )
    se1 = 0.35 + 0.7 * 0.5 * 0.35  # level 0.7, estimate 0.5
    item = item_of(result, "x")
    assert (item.basis, item.source) == ("estimate", "self-report")
    assert item.likelihood_ratio == pytest.approx((se1 + 0.4 * (1 - se1)) / 0.61)


# §3.2 basis


def test_an_estimate_halves_the_gap_between_sensitivity_and_false_positive_rate():
    result = score(one_indicator_theory(observation(basis="estimate", source="independent")))
    assert item_of(result, "x").likelihood_ratio == pytest.approx((0.2 + 0.5 * 0.6) / 0.2)  # 2.5


def test_an_expectation_on_the_main_goal_is_no_evidence_and_moves_nothing():
    with_it = score(one_indicator_theory(observation(basis="expectation"), goals=["g"]))
    item = item_of(with_it, "x")
    assert item.rule == "expectation" and item.likelihood_ratio == 1.0 and not item.informative
    assert with_it.main_goal.score == pytest.approx(with_it.main_goal.prior, abs=1e-12)


def test_numbers_that_are_all_targets_are_never_counted_as_realised():
    values = [{"value": 100, "unit": "gemeenten", "counts": "aangesloten", "kind": "target"}]
    result = score(one_indicator_theory(observation(basis="realised", values=values), goals=["g"]))
    assert item_of(result, "x").rule == "expectation"


def test_a_description_under_a_goal_question_bears_on_delivery():
    result = score(one_indicator_theory(observation(basis="description", source="independent"), goals=["g"]))
    item = item_of(result, "x")
    assert item.rule == "description-is-delivery" and item.node == "a"
    assert item.likelihood_ratio == pytest.approx(4.0)


# §3.4 elicited


@pytest.mark.parametrize(("status", "lr"), [("progressie-geboekt", 9.0), ("geen-progressie", 0.1 / 0.9)])
def test_elicited_sensitivity_and_false_positive_rate_replace_the_rules(status, lr):
    obs = observation(status, elicited={"sensitivity": 0.9, "false_positive": 0.1, "rationale": "r"})
    item = item_of(score(one_indicator_theory(obs, mechanisms=["m"])), "x")
    assert item.rule == "elicited" and item.likelihood_ratio == pytest.approx(lr)


# §3.5 restatement


def test_a_restated_fact_counts_once():
    first = indicator("x", observation(basis="realised", source="independent"))
    again = indicator(
        "y",
        observation(basis="realised", source="independent", derived_from={"indicator": "x", "round": "r1"}),
        goals=["g"],
    )
    result = score(loaded(theory([initiative("a", 1, ("m",), first, again)])))
    assert item_of(result, "y").rule == "restatement" and item_of(result, "y").likelihood_ratio == 1.0
    assert result.node("a").score == pytest.approx(0.8)
    assert result.main_goal.direct_log_bf == 0.0


# §3.6 response model


def test_the_neutral_response_model_makes_a_missing_answer_lr_1_and_the_informative_one_does_not():
    th = one_indicator_theory(observation("nog-niet-bekend", "none"), mechanisms=["m"])
    assert item_of(score(th), "x").likelihood_ratio == 1.0
    cfg = parse_config('[response]\nmodel = "informative"\nif_active = 0.4\nif_inactive = 0.6\n')
    item = item_of(score(th, cfg), "x")
    assert item.rule == "non-response-informative" and item.likelihood_ratio == pytest.approx(0.4 / 0.6)


# §3.7 dependence


def test_a_second_equal_report_of_one_initiative_counts_half():
    obs = observation(basis="realised", source="independent")
    result = score(loaded(theory([initiative("a", 1, ("m",), indicator("x", obs), indicator("y", obs))])))
    assert sorted(i.weight for i in result.items) == [0.5, 1.0]
    assert result.node("a").score == pytest.approx(8 / 9)  # odds 4^1.5 = 8


# §2.3 calibrated priors


def test_one_strong_link_keeps_its_strength_and_the_leak_takes_the_rest_of_the_prior():
    ev = evaluate(loaded(theory([initiative("a", 1)])), explain=False)
    m = ev.model
    x = int(m.mechanisms[0])
    assert m.net.base[x] == pytest.approx(1 - 0.5 / (1 - 0.5 * 0.5))  # 1/3
    assert m.net.edge_strength[m.net.edge_child == x] == pytest.approx([0.5])
    assert ev.bn_prior[x] == pytest.approx(0.5)


def test_thirty_strong_links_are_scaled_down_so_that_the_prior_stays_the_stated_one():
    ev = evaluate(loaded(theory([initiative(f"a{i}", i + 1) for i in range(30)])), explain=False)
    m = ev.model
    x = int(m.mechanisms[0])
    # (1 − 0.5 λ · 0.5)^30 = (1 − 0.5) / (1 − 0.05)
    lam = (1 - (0.5 / 0.95) ** (1 / 30)) / 0.25
    assert m.net.base[x] == pytest.approx(0.05)
    assert m.net.edge_strength[m.net.edge_child == x] == pytest.approx([0.5 * lam] * 30)
    assert ev.bn_prior[x] == pytest.approx(0.5)


def test_a_noisy_and_main_goal_raises_its_strengths_until_the_prior_is_the_stated_one():
    subgoals = [{"id": f"s{k}", "number": k + 1, "label": f"S{k}", "ref": REF} for k in range(2)]
    mechanisms = [{"id": f"m{k}", "label": f"M{k}", "subgoal": f"s{k}", "ref": REF} for k in range(2)]
    model = theory(
        [initiative("a", 1, ("m0",)), initiative("b", 2, ("m1",))], subgoals=subgoals, mechanisms=mechanisms
    )
    m = evaluate(loaded(model), explain=False).model
    paths = m.paths[m.main_goal]
    # P(paths) = (1 − 0.5 λ · (1 − 0.5))^2 must be 1 − (1 − 0.5) / (1 − 0.05)
    lam = (1 - math.sqrt(1 - 0.5 / 0.95)) / 0.25
    assert m.net.edge_strength[m.net.edge_child == paths] == pytest.approx([0.5 * lam] * 2)
    assert m.net.base[m.main_goal] == pytest.approx(0.05)


# §2.4 context factors


def rival_theory(context_evidence: bool, goal_evidence: bool):
    role = {
        "role": "rival",
        "target": "g",
        "strength": "moderate",
        "provenance": "stated",
        "quote": "q",
        "ref": REF,
    }
    cf = {"id": "c", "label": "C", "level": "samenleving", "ref": REF, "roles": [role]}
    if context_evidence:
        obs = observation(basis="realised", source="external-statistics")
        cf["indicators"] = [indicator("cbs", obs, context=True)]
    inds = (
        [indicator("goal", observation(basis="realised", source="independent"), goals=["g"])]
        if goal_evidence
        else []
    )
    return loaded(theory([initiative("a", 1, ("m",), *inds)], context=[cf]))


def test_a_rival_cause_with_evidence_is_scored_and_its_route_reported():
    result = score(rival_theory(context_evidence=True, goal_evidence=False))
    link = result.main_goal.context_factors[0]
    assert link.role == "rival" and link.score == pytest.approx(0.8)  # external statistics: LR 4
    assert link.p_route == pytest.approx(0.8 * 0.3) and result.main_goal.p_rival == pytest.approx(0.24)
    assert result.node("c").score == pytest.approx(0.8)


def test_evidence_for_a_rival_explains_the_goal_away_from_the_theorys_own_paths():
    without = score(rival_theory(context_evidence=False, goal_evidence=True)).main_goal
    with_rival = score(rival_theory(context_evidence=True, goal_evidence=True)).main_goal
    assert with_rival.p_rival > without.p_rival
    assert with_rival.p_contribution < without.p_contribution


def _conditioned(role_kind: str):
    """One initiative's contribution to mechanism m under context factor e in ``role_kind``,
    with progress observed on e: the evaluation, its network, m's index and the edge."""
    role = {"role": role_kind, "target": "m", "strength": "strong", "provenance": "stated",
            "quote": "q", "ref": REF}  # fmt: skip
    obs = observation(basis="realised", source="external-statistics")
    cf = {"id": "e", "label": "E", "level": "organisaties", "ref": REF, "roles": [role],
          "indicators": [indicator("stat", obs, context=True)]}  # fmt: skip
    ev = evaluate(loaded(theory([initiative("a", 1)], context=[cf])), explain=False)
    net = ev.model.net
    x = int(ev.model.mechanisms[0])
    edge = int(np.flatnonzero(net.edge_child == x)[0])
    assert net.names[net.edge_condition[edge]] == "context:e"
    return ev, net, x, edge


def test_an_enabling_condition_weakens_the_link_when_absent_and_evidence_for_it_raises_the_mechanism():
    ev, net, x, edge = _conditioned("enabling")
    assert (net.edge_strength[edge], net.edge_strength_off[edge]) == pytest.approx((0.5, 0.25))
    leak = 1 - 0.5 / (1 - 0.5 * (0.5 * 0.5 + 0.5 * 0.25))
    on, off = 1 - (1 - leak) * (1 - 0.5 * 0.5), 1 - (1 - leak) * (1 - 0.5 * 0.25)
    assert ev.bn_post[x] == pytest.approx(0.8 * on + 0.2 * off)


def test_a_sub_goal_that_serves_another_feeds_its_paths():
    subgoals = [
        {"id": "s1", "number": 1, "label": "S1", "ref": REF},
        {"id": "s2", "number": 2, "label": "S2", "ref": REF, "serves": ["s1"]},
    ]
    mechanisms = [
        {"id": "m", "label": "M", "subgoal": "s1", "ref": REF},
        {"id": "m2", "label": "M2", "subgoal": "s2", "ref": REF},
    ]
    m = evaluate(
        loaded(theory([initiative("a", 1, ("m", "m2"))], subgoals=subgoals, mechanisms=mechanisms)),
        explain=False,
    ).model
    names = m.net.names
    s2, p1 = names.index("subgoal:s2"), names.index("paths:s1")
    edge = np.flatnonzero((m.net.edge_parent == s2) & (m.net.edge_child == p1))
    assert edge.size == 1 and m.net.edge_strength[edge[0]] == pytest.approx(0.3)


# §4 verdicts and coverage


def test_one_realised_independent_outcome_measurement_on_a_mechanism_supports_it_at_0_8():
    node = score(
        one_indicator_theory(observation(basis="realised", source="independent"), mechanisms=["m"])
    ).node("m")
    assert node.direct_log_bf == pytest.approx(math.log(4)) and node.score == pytest.approx(0.8)
    assert node.verdict == "supported" and node.verdict_label == "ondersteund"


def two_answers_on_the_goal(first: str, second: str):
    def ini(name: str, number: int, status: str) -> dict:
        obs = observation(status, "anecdotal", basis="realised", source="independent")
        return initiative(name, number, ("m",), indicator(f"{name}-goal", obs, goals=["g"]))

    return score(loaded(theory([ini("a", 1, first), ini("b", 2, second)]))).main_goal


def test_an_anecdotal_yes_and_no_cancel_to_insufficient_evidence():
    goal = two_answers_on_the_goal("progressie-geboekt", "geen-progressie")
    assert goal.direct_log_bf == pytest.approx(math.log(0.6 / 0.45) + math.log(0.4 / 0.55))  # −0.031
    assert goal.verdict == "insufficient" and goal.note == "evidence-cancels"


def test_two_anecdotal_noes_are_not_support():
    goal = two_answers_on_the_goal("geen-progressie", "geen-progressie")
    assert goal.direct_log_bf == pytest.approx(2 * math.log(0.4 / 0.55))  # −0.637
    assert goal.verdict == "not-supported"


def test_a_verdict_resting_on_one_of_three_targeting_initiatives_says_so():
    obs = observation(basis="realised", source="independent")
    inis = [
        initiative("a", 1, ("m",), indicator("x", obs, mechanisms=["m"])),
        initiative("b", 2),
        initiative("c", 3),
    ]
    node = score(loaded(theory(inis))).node("m")
    assert (node.coverage.targeted, node.coverage.informative) == (3, 1)
    assert node.minority and node.note == "minority"


def test_the_defaults_file_documents_every_parameter_it_sets():
    cfg = load_config()
    ranges = cfg.parameter_ranges()
    assert set(ranges) == set(cfg.scalars())
    for key, (low, high) in ranges.items():
        assert low <= cfg.scalars()[key] <= high, key


def test_the_worked_numbers_in_the_method_are_the_ones_these_tests_compute():
    from tests.conftest import ROOT

    method = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    se1 = 0.35 + 0.7 * 0.35
    figures = [
        f"LR = {se1 + 0.4 * (1 - se1):.3f} / {0.35 + 0.4 * 0.65:.2f} = {(se1 + 0.4 * (1 - se1)) / 0.61:.3f}",
        f"{(1 - se1) / 0.65:.3f} whoever reports it",
        f"/0.25 = {(1 - (0.5 / 0.95) ** (1 / 30)) / 0.25:.4f}",
        f"λ = {(1 - math.sqrt(1 - 0.5 / 0.95)) / 0.25:.3f}",
        f"{math.log(0.6 / 0.45) + math.log(0.4 / 0.55):.3f} → **insufficient**".replace("-", "−"),
        f"{2 * math.log(0.4 / 0.55):.3f} → **not supported**".replace("-", "−"),
        "P = 8/9 = 0.889",
        "LR = 0.5 / 0.2 = 2.5",
        "p_rival = 0.8 · 0.3 = 0.24",
    ]
    for figure in figures:
        assert figure in method, figure


# the rules' building blocks, called as a caller (value of information, scripts) calls them


def test_a_likelihoods_log_ratio_is_the_log_of_its_ratio():
    from beleidstheorie.reasoning.model.likelihood import Facts, likelihood

    lk = likelihood(Facts("progressie-geboekt", "quantitative", "delivery", basis="realised",
                          source="independent"), load_config())  # fmt: skip
    assert lk.log_lr == pytest.approx(math.log(4.0))


def test_numbers_without_a_count_of_realised_ones_read_as_targets():
    from beleidstheorie.reasoning.model.likelihood import Facts, likelihood

    lk = likelihood(
        Facts("progressie-geboekt", "quantitative", "goal", basis="realised", values=2), load_config()
    )
    assert (lk.rule, lk.basis, lk.likelihood_ratio) == ("expectation", "expectation", 1.0)


def test_a_description_read_from_data_at_run_time_bears_on_delivery():
    import json

    from beleidstheorie.reasoning.model.likelihood import Facts, likelihood

    basis = json.loads('{"basis": "description"}')["basis"]  # a string built at run time, not a literal
    lk = likelihood(Facts("progressie-geboekt", "quantitative", "goal", basis=basis, source="independent"),
                    load_config())  # fmt: skip
    assert (lk.rule, lk.bears_on) == ("description-is-delivery", "delivery")


def test_a_gate_without_parents_has_no_paths_and_its_leak_is_the_stated_prior():
    from beleidstheorie.reasoning.model.priors import calibrate

    for gate in ("noisy-or", "noisy-and"):
        c = calibrate(0.3, np.zeros(0), np.zeros((1, 0)), np.array([1.0]), gate, 1.0, 0.05, ())
        assert (c.paths, c.leak, c.prior) == pytest.approx((0.0, 0.3, 0.3)), gate


def test_a_noisy_and_over_near_certain_parents_lowers_its_base_until_the_prior_is_the_stated_one():
    from beleidstheorie.reasoning.model.priors import calibrate

    # at full strength (λ = 2: both links 1) the paths are on with probability 0.9 · 0.8 = 0.72,
    # far above what a prior of 0.2 leaves room for: 1 − 0.8 / 0.95; so the base drops to room / 0.72
    c = calibrate(
        0.2, np.array([0.9, 0.8]), np.array([[0.5, 0.5]]), np.array([1.0]), "noisy-and", 1.0, 0.05, ()
    )
    room = 1 - 0.8 / 0.95
    assert c.base == pytest.approx(room / 0.72)
    assert (c.paths, c.leak, c.prior) == pytest.approx((room, 0.05, 0.2))


def test_an_inhibiting_condition_weakens_the_link_when_present_and_evidence_for_it_lowers_the_mechanism():
    ev, net, x, edge = _conditioned("inhibiting")
    assert (net.edge_strength[edge], net.edge_strength_off[edge]) == pytest.approx((0.25, 0.5))
    leak = 1 - 0.5 / (1 - 0.5 * (0.5 * 0.25 + 0.5 * 0.5))
    on, off = 1 - (1 - leak) * (1 - 0.5 * 0.25), 1 - (1 - leak) * (1 - 0.5 * 0.5)
    assert ev.bn_post[x] == pytest.approx(0.8 * on + 0.2 * off)
    assert ev.bn_post[x] < ev.bn_prior[x]


def test_sub_goals_that_serve_each_other_in_a_cycle_are_refused_with_the_cycle_named():
    from beleidstheorie.errors import BeleidstheorieError

    subgoals = [
        {"id": "s1", "number": 1, "label": "S1", "ref": REF, "serves": ["s2"]},
        {"id": "s2", "number": 2, "label": "S2", "ref": REF, "serves": ["s3"]},
        {"id": "s3", "number": 3, "label": "S3", "ref": REF, "serves": ["s1"]},
    ]
    mechanisms = [{"id": "m", "label": "M", "subgoal": "s1", "ref": REF}]
    # two initiatives and one mechanism put the sub-goals at node 3 onwards
    th = loaded(theory([initiative("a", 1), initiative("b", 2)], subgoals=subgoals, mechanisms=mechanisms))
    with pytest.raises(BeleidstheorieError) as err:
        score(th)
    assert str(err.value) == "sub-goals serve each other in a cycle: s1 → s3 → s2 → s1"
