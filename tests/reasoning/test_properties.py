"""Properties the scores must have whatever the theory (hypothesis-generated)."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidstheorie.authoring.models import Theory
from beleidstheorie.graph.load import theory_from_model
from beleidstheorie.reasoning.inference import infer
from beleidstheorie.reasoning.score import evaluate, score
from tests.reasoning.strategies import theories

SETTINGS = settings(max_examples=40, deadline=None)
# Theories with every field of the v2 model: basis, source, elicited values, gates, a sub-goal
# serving another, context factors.
V2_THEORIES = theories(max_initiatives=5, max_mechanisms=5, v2=True)
REF = {"section": "t"}


def scores(model: Theory) -> dict[str, float]:
    result = score(theory_from_model(model), round=model.rounds[-1].id, explain=False)
    nodes = (result.main_goal, *result.subgoals, *result.mechanisms, *result.initiatives)
    return {f"{n.kind}:{n.key}": n.score for n in nodes}


def with_new_observation(model: Theory, data_: st.DataObject, status: str, kind: str):
    """The model plus one new indicator on a drawn initiative; returns (model, downstream keys)."""
    data = model.model_dump(mode="json")
    i = data_.draw(st.integers(0, len(data["initiatives"]) - 1), label="initiative")
    ini = data["initiatives"][i]
    mechs = {m["id"]: m for m in data["mechanisms"]}
    target = data_.draw(st.lists(st.sampled_from(sorted(mechs)), max_size=1), label="target")
    ini["indicators"].append(
        {
            "id": "extra",
            "label": "Extra",
            "type": data_.draw(
                st.sampled_from(["bereik-burgers", "aangesloten-gemeenten", "effect-problematiek"]),
                label="type",
            ),
            "ref": REF,
            "evidence_for": {"delivery": not target, "mechanisms": target, "rationale": "r"},
            "observations": [
                {
                    "round": "r2",
                    "status": status,
                    "evidence_kind": kind,
                    "text": "t",
                    "rationale": "r",
                    "ref": REF,
                }
            ],
        }
    )
    goal = f"main_goal:{data['main_goal']['id']}"
    if target:
        m = mechs[target[0]]
        down = {f"mechanism:{m['id']}", f"subgoal:{m['subgoal']}", goal}
    else:
        down = {f"initiative:{ini['id']}", goal}
        for c in ini["contributions"]:
            m = mechs[c["mechanism"]]
            down |= {f"mechanism:{m['id']}", f"subgoal:{m['subgoal']}"}
    return Theory.model_validate(data), down


@SETTINGS
@given(theories(), st.sampled_from(["quantitative", "qualitative", "anecdotal"]), st.data())
def test_progress_never_lowers_the_node_it_bears_on_or_anything_downstream(model, kind, data):
    before = scores(model)
    extended, downstream = with_new_observation(model, data, "progressie-geboekt", kind)
    after = scores(extended)
    for key in downstream:
        assert after[key] >= before[key] - 1e-12, key


@SETTINGS
@given(theories(), st.sampled_from(["nog-niet-bekend", "niet-meetbaar"]), st.data())
def test_unknown_or_unmeasurable_observations_change_no_score(model, status, data):
    extended, _ = with_new_observation(model, data, status, "none")
    assert scores(extended) == scores(model)


def renamed(model: Theory, rng: random.Random) -> tuple[Theory, dict[str, str]]:
    """Every id replaced by a fresh one and every list shuffled."""
    data = model.model_dump(mode="json")
    ids = [data["main_goal"]["id"]] + [
        x["id"] for key in ("subgoals", "mechanisms", "initiatives") for x in data[key]
    ]
    fresh = [f"n{k:03d}" for k in range(len(ids))]
    rng.shuffle(fresh)
    mapping = dict(zip(ids, fresh, strict=True))

    def walk(value):
        if isinstance(value, dict):
            return {
                k: (
                    mapping.get(v, v)
                    if k in ("id", "subgoal", "mechanism", "target") and isinstance(v, str)
                    else walk(v)
                )
                for k, v in value.items()
            }
        if isinstance(value, list):
            items = [mapping.get(v, v) if isinstance(v, str) else walk(v) for v in value]
            return items
        return value

    data = walk(data)
    for key in ("mechanisms", "context_factors"):
        rng.shuffle(data[key])
    numbers = [ini["number"] for ini in data["initiatives"]]
    rng.shuffle(numbers)
    for ini, n in zip(data["initiatives"], numbers, strict=True):
        ini["number"] = n
        rng.shuffle(ini["contributions"])
        rng.shuffle(ini["indicators"])
    return Theory.model_validate(data), mapping


@SETTINGS
@given(theories(), st.randoms(use_true_random=False))
def test_renaming_and_reordering_nodes_changes_no_score(model, rng):
    before = scores(model)
    other, mapping = renamed(model, rng)
    after = scores(other)
    for key, value in before.items():
        kind, ident = key.split(":")
        assert abs(after[f"{kind}:{mapping[ident]}"] - value) < 1e-12


@SETTINGS
@given(theories())
def test_scores_are_probabilities_and_deterministic(model):
    first, second = scores(model), scores(model)
    assert first == second
    assert all(0.0 <= v <= 1.0 for v in first.values())


def test_progress_on_one_cause_can_lower_a_competing_cause_explaining_away():
    """Documented in docs/method.md §3: correct Bayesian behaviour, not a bug."""

    def theory(with_delivery_evidence: bool) -> Theory:
        obs = {
            "round": "r2",
            "status": "progressie-geboekt",
            "evidence_kind": "quantitative",
            "text": "t",
            "rationale": "r",
            "ref": REF,
        }
        indicators_a = [
            {
                "id": "a-direct",
                "label": "A",
                "type": "effect-problematiek",
                "ref": REF,
                "evidence_for": {"delivery": False, "mechanisms": ["m"], "rationale": "r"},
                "observations": [obs],
            }
        ]
        if with_delivery_evidence:
            indicators_a.append(
                {
                    "id": "a-delivery",
                    "label": "A2",
                    "type": "bereik-burgers",
                    "ref": REF,
                    "evidence_for": {"delivery": True, "rationale": "r"},
                    "observations": [obs],
                }
            )
        con = {"strength": "strong", "provenance": "stated", "quote": "q", "ref": REF}
        return Theory.model_validate(
            {
                "id": "t",
                "base_iri": "https://example.org/t/",
                "label": "T",
                "main_goal": {"id": "g", "label": "G", "ref": REF},
                "subgoals": [{"id": "s", "number": 1, "label": "S", "ref": REF}],
                "mechanisms": [
                    {"id": "m", "label": "M", "subgoal": "s", "ref": REF},
                    {"id": "m2", "label": "M2", "subgoal": "s", "ref": REF},
                ],
                "rounds": [{"id": "r2", "number": 1, "label": "R", "date": "2022-01-01"}],
                "initiatives": [
                    {
                        "id": "a",
                        "number": 1,
                        "label": "A",
                        "beoogd_effect": "e",
                        "ref": REF,
                        "contributions": [{"mechanism": "m", **con}],
                        "indicators": indicators_a,
                    },
                    {
                        "id": "b",
                        "number": 2,
                        "label": "B",
                        "beoogd_effect": "e",
                        "ref": REF,
                        "contributions": [{"mechanism": "m", **con}, {"mechanism": "m2", **con}],
                    },
                ],
            }
        )

    before = scores(theory(False))
    after = scores(theory(True))
    assert after["initiative:a"] > before["initiative:a"]  # the evidence's own node rises
    assert after["mechanism:m"] > before["mechanism:m"]  # and what it feeds
    assert after["initiative:b"] < before["initiative:b"]  # the competing cause is explained away
    assert after["mechanism:m2"] < before["mechanism:m2"]


# -- v2 semantics: one property per defect of issue #8 ---------------------------------


def verdicts(model: Theory) -> list[tuple[str, float, str]]:
    result = score(theory_from_model(model), round=model.rounds[-1].id, explain=False)
    nodes = (result.main_goal, *result.subgoals, *result.mechanisms, *result.initiatives, *result.context)
    return [(n.key, n.direct_log_bf, n.verdict) for n in nodes]


@SETTINGS
@given(V2_THEORIES)
def test_net_negative_direct_evidence_is_never_supported(model):
    for key, log_bf, verdict in verdicts(model):
        if log_bf < 0:
            assert verdict != "supported", key


@given(st.floats(0, 20), st.floats(0, 20), st.floats(0, 1))
def test_the_verdict_rule_never_supports_more_evidence_against_than_for(in_favour, against, posterior):
    from beleidstheorie.reasoning.config import load_config
    from beleidstheorie.reasoning.verdict import DirectEvidence, verdict

    v = verdict(DirectEvidence(in_favour, against), posterior, load_config())
    if in_favour <= against:
        assert v not in ("supported", "indications")


@SETTINGS
@given(V2_THEORIES, st.sampled_from(["quantitative", "qualitative", "anecdotal"]), st.data())
def test_a_new_no_progress_never_raises_the_node_it_bears_on(model, kind, data):
    before = scores(model)
    extended, _ = with_new_observation(model, data, "geen-progressie", kind)
    extra = next(ind for ini in extended.initiatives for ind in ini.indicators if ind.id == "extra")
    owner = next(ini for ini in extended.initiatives if extra in ini.indicators)
    key = (
        f"mechanism:{extra.evidence_for.mechanisms[0]}"
        if extra.evidence_for.mechanisms
        else f"initiative:{owner.id}"
    )
    assert scores(extended)[key] <= before[key] + 1e-12


@SETTINGS
@given(
    V2_THEORIES,
    st.sampled_from(["progressie-geboekt", "geen-progressie"]),
    st.sampled_from(["quantitative", "qualitative", "anecdotal"]),
    st.data(),
)
def test_an_expectation_never_moves_a_goal_or_anything_else(model, status, kind, draws):
    data = model.model_dump(mode="json")
    goal = draws.draw(st.sampled_from([data["main_goal"]["id"], *(s["id"] for s in data["subgoals"])]))
    owner = draws.draw(st.integers(0, len(data["initiatives"]) - 1), label="initiative")
    data["initiatives"][owner]["indicators"].append(
        {
            "id": "vision",
            "label": "Bijdrage aan hoofddoel",
            "type": "effect-problematiek",
            "ref": REF,
            "evidence_for": {"goals": [goal], "rationale": "r"},
            "observations": [
                {
                    "round": "r2",
                    "status": status,
                    "evidence_kind": kind,
                    "text": "kan bijdragen",
                    "rationale": "r",
                    "ref": REF,
                    "basis": "expectation",
                    "source": "independent",
                }
            ],
        }
    )
    assert scores(Theory.model_validate(data)) == scores(model)


def exact_priors(model: Theory) -> dict[str, tuple[float, float]]:
    from beleidstheorie.reasoning.score import evaluate

    ev = evaluate(theory_from_model(model), round=model.rounds[-1].id, explain=False)
    m = ev.model
    caused = [*m.mechanisms.tolist(), *m.subgoals.tolist(), m.main_goal]
    return {m.net.names[x]: (float(ev.bn_prior[x]), float(m.stated_prior[x])) for x in caused}


@SETTINGS
@given(V2_THEORIES, st.integers(1, 4))
def test_copying_initiatives_without_evidence_leaves_every_prior_within_tolerance(model, copies):
    from beleidstheorie.reasoning.config import load_config

    tolerance = load_config().calibration.tolerance
    data = model.model_dump(mode="json")
    extra = []
    for c in range(copies):
        for ini in data["initiatives"]:
            extra.append({**ini, "id": f"{ini['id']}-copy{c}", "number": 100 + len(extra), "indicators": []})
    data["initiatives"] += extra
    before, after = exact_priors(model), exact_priors(Theory.model_validate(data))
    for name, (prior, stated) in after.items():
        assert abs(prior - stated) <= tolerance, name
        assert abs(prior - before[name][0]) <= tolerance, name


@SETTINGS
@given(theories())
def test_one_pass_impacts_equal_leave_one_out_reinference(model: Theory):
    """Every item's impact on every node, from the one batched joint pass, equals the score
    minus the score of a fresh inference with that item's likelihood divided out (1e-9)."""
    ev = evaluate(theory_from_model(model), round=model.rounds[-1].id, explain=True)
    m, tn = ev.model, ev.model.theory_node
    worst = 0.0
    for t in range(len(ev.items)):
        l1, l0 = m.log_l1.copy(), m.log_l0.copy()
        l1[m.item_node[t]] -= ev.items.log_l1[t]
        l0[m.item_node[t]] -= ev.items.log_l0[t]
        without = infer(m.net, l1, l0).marginal[tn]
        worst = max(worst, float(np.abs(ev.post - without - ev.impacts.row(t)).max()))
    assert worst < 1e-9


@settings(max_examples=10, deadline=None)
@given(theories())
def test_sparse_impacts_of_a_large_network_equal_leave_one_out_on_the_goals_and_own_nodes(model: Theory):
    """Beyond FULL_IMPACT_NODES only the decided nodes' columns (mechanisms, sub-goals, main
    goal, context factors) and each item's own node are computed: those equal a fresh inference
    without the item (1e-9), and every other entry is zero."""
    import beleidstheorie.reasoning.score as scoring

    saved = scoring.FULL_IMPACT_NODES
    scoring.FULL_IMPACT_NODES = 0  # treat the theory as large
    try:
        ev = evaluate(theory_from_model(model), round=model.rounds[-1].id, explain=True)
    finally:
        scoring.FULL_IMPACT_NODES = saved
    m, tn = ev.model, ev.model.theory_node
    computed = np.arange(tn.size) >= ev.net.mechanism_offset
    worst = 0.0
    for t in range(len(ev.items)):
        l1, l0 = m.log_l1.copy(), m.log_l0.copy()
        l1[m.item_node[t]] -= ev.items.log_l1[t]
        l0[m.item_node[t]] -= ev.items.log_l0[t]
        without = infer(m.net, l1, l0).marginal[tn]
        own = np.zeros(tn.size, dtype=bool)
        own[int(ev.items.node[t])] = True
        row = ev.impacts.row(t)
        expected = np.where(computed | own, ev.post - without, 0.0)
        worst = max(worst, float(np.abs(row - expected).max()))
        assert all(ev.impacts.at(t, j) == row[j] for j in range(tn.size))
        assert all(ev.impacts.column(j)[t] == row[j] for j in range(tn.size))
    assert worst < 1e-9
