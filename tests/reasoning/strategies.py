"""Hypothesis strategies that build theories from their parts, so failures shrink.

Every choice — how many sub-goals, which mechanisms an initiative contributes to, each
indicator's targets and each observation — is its own draw. When a property fails,
hypothesis removes initiatives, indicators and observations and moves each choice to
its simplest value, and reports a minimal theory rather than an opaque seed.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from beleidstheorie.authoring.models import Theory
from beleidstheorie.authoring.vocab import EvidenceKind, IndicatorType, ProgressStatus

REF = {"section": "test", "page": 1}
STATUSES = [s.value for s in ProgressStatus]
INFORMATIVE = STATUSES[:2]  # progress, no progress
KINDS = [k.value for k in EvidenceKind if k != EvidenceKind.NONE]
TYPES = [t.value for t in IndicatorType]
ROUNDS = ("r1", "r2")
BASES = [None, "realised", "estimate", "expectation", "description"]
SOURCES = [None, "self-report", "administrative", "independent", "external-statistics"]
STRENGTHS = ["strong", "moderate", "weak"]
PROVENANCES = ["stated", "inferred"]


@st.composite
def v2_fields(draw: st.DrawFn) -> dict[str, Any]:
    """The v2 fields of an observation: basis, source and, rarely, elicited likelihoods.

    Left out, each field takes the model's default, so shrinking removes them."""
    out: dict[str, Any] = {}
    if (basis := draw(st.sampled_from(BASES))) is not None:
        out["basis"] = basis
    if (source := draw(st.sampled_from(SOURCES))) is not None:
        out["source"] = source
    if draw(st.integers(0, 9)) == 0:
        se = draw(st.floats(0.3, 0.95))
        fp = draw(st.floats(0.05, se))
        out["elicited"] = {"sensitivity": se, "false_positive": fp, "rationale": "r"}
    return out


@st.composite
def observations(draw: st.DrawFn, rnd: str, v2: bool = False) -> dict[str, Any]:
    """One observation in round ``rnd``: a status, and an evidence kind when it is informative;
    with ``v2`` also its basis, source and perhaps elicited likelihoods."""
    status = draw(st.sampled_from(STATUSES))
    kind = draw(st.sampled_from(KINDS)) if status in INFORMATIVE else "none"
    extra = draw(v2_fields()) if v2 else {}
    return {
        "round": rnd,
        "status": status,
        "evidence_kind": kind,
        "text": "t",
        "rationale": "r",
        "ref": REF,
        **extra,
    }


@st.composite
def indicators(
    draw: st.DrawFn, ident: str, n_mech: int, goals: list[str], v2: bool = False
) -> dict[str, Any]:
    """An indicator for delivery, for up to two mechanisms, or for a goal, with 0-2 observations."""
    targets = draw(st.lists(st.integers(0, n_mech - 1), max_size=min(2, n_mech), unique=True))
    goal_targets = draw(st.lists(st.sampled_from(goals), max_size=1))
    delivery = draw(st.booleans()) or not (targets or goal_targets)
    rounds = draw(st.lists(st.sampled_from(ROUNDS), max_size=2, unique=True).map(sorted))
    return {
        "id": ident,
        "label": ident.upper(),
        "type": draw(st.sampled_from(TYPES)),
        "evidence_for": {
            "delivery": delivery,
            "mechanisms": [f"m{j}" for j in targets],
            "goals": goal_targets,
            "rationale": "r",
        },
        "ref": REF,
        "observations": [draw(observations(r, v2)) for r in rounds],
    }


@st.composite
def initiatives(draw: st.DrawFn, i: int, n_mech: int, goals: list[str], v2: bool = False) -> dict[str, Any]:
    """An initiative contributing to 0-3 mechanisms, with 0-3 indicators."""
    mechs = draw(st.lists(st.integers(0, n_mech - 1), max_size=min(3, n_mech), unique=True))
    contributions = [
        {
            "mechanism": f"m{j}",
            "strength": draw(st.sampled_from(STRENGTHS)),
            "provenance": draw(st.sampled_from(PROVENANCES)),
            "quote": "q",
            "ref": REF,
        }
        for j in mechs
    ]
    n_ind = draw(st.integers(0, 3))
    return {
        "id": f"d{i}",
        "number": i + 1,
        "label": f"D{i}",
        "beoogd_effect": "e",
        "ref": REF,
        "contributions": contributions,
        "indicators": [draw(indicators(f"i{i}-{k}", n_mech, goals, v2)) for k in range(n_ind)],
    }


@st.composite
def context_factors(draw: st.DrawFn, c: int, n_mech: int, goals: list[str]) -> dict[str, Any]:
    """A context factor with one role — a rival cause of a goal, or a condition that enables or
    inhibits a mechanism — and, perhaps, an indicator with one informative observation."""
    role = draw(st.sampled_from(["rival", "enabling", "inhibiting"]))
    target = draw(st.sampled_from(goals)) if role == "rival" else f"m{draw(st.integers(0, n_mech - 1))}"
    factor: dict[str, Any] = {
        "id": f"c{c}",
        "label": f"C{c}",
        "level": "samenleving",
        "ref": REF,
        "roles": [
            {
                "role": role,
                "target": target,
                "strength": draw(st.sampled_from(STRENGTHS)),
                "provenance": draw(st.sampled_from(PROVENANCES)),
                "quote": "q",
                "ref": REF,
            }
        ],
    }
    if draw(st.booleans()):
        observation = {
            "round": "r2",
            "status": draw(st.sampled_from(INFORMATIVE)),
            "evidence_kind": draw(st.sampled_from(KINDS)),
            "text": "t",
            "rationale": "r",
            "ref": REF,
            "source": "external-statistics",
            "basis": "realised",
        }
        factor["indicators"] = [
            {
                "id": f"ci{c}",
                "label": f"CI{c}",
                "type": "effect-problematiek",
                "evidence_for": {"context": True, "rationale": "r"},
                "ref": REF,
                "observations": [observation],
            }
        ]
    return factor


GATES = st.sampled_from([None, "noisy-or", "noisy-and"])


@st.composite
def theories(draw: st.DrawFn, max_initiatives: int = 4, max_mechanisms: int = 4, v2: bool = False) -> Theory:
    """A valid theory: 1-3 sub-goals, as many to ``max_mechanisms`` mechanisms, 1-``max_initiatives``
    initiatives, two rounds. Shrinks towards one sub-goal, one mechanism, one initiative with nothing.

    With ``v2`` it also draws the fields of the v2 model: each observation's basis, source and
    elicited likelihoods, the goals' gates, a sub-goal that serves another, and 0-2 context
    factors (rival causes, enabling or inhibiting conditions) with their observations."""
    n_sub = draw(st.integers(1, 3))
    n_mech = draw(st.integers(n_sub, max(n_sub, max_mechanisms)))
    subgoals: list[dict[str, Any]] = [
        {"id": f"s{k}", "number": k + 1, "label": f"S{k}", "ref": REF} for k in range(n_sub)
    ]
    mechanisms = [
        {"id": f"m{j}", "label": f"M{j}", "subgoal": f"s{j % n_sub}", "ref": REF} for j in range(n_mech)
    ]
    goals = [s["id"] for s in subgoals] + ["g"]
    main_goal: dict[str, Any] = {"id": "g", "label": "G", "ref": REF}
    n_ini = draw(st.integers(1, max_initiatives))
    initiative_list = [draw(initiatives(i, n_mech, goals, v2)) for i in range(n_ini)]
    context: list[dict[str, Any]] = []
    if v2:
        if n_sub >= 2 and draw(st.booleans()):
            subgoals[1]["serves"] = ["s0"]
        for node in (*subgoals, main_goal):
            if (gate := draw(GATES)) is not None:
                node["gate"] = gate
        context = [draw(context_factors(c, n_mech, goals)) for c in range(draw(st.integers(0, 2)))]
    return Theory.model_validate(
        {
            "id": "random",
            "base_iri": "https://example.org/random/",
            "label": "Random",
            "main_goal": main_goal,
            "subgoals": subgoals,
            "mechanisms": mechanisms,
            "context_factors": context,
            "rounds": [
                {"id": "r1", "number": 1, "label": "R1", "date": "2021-01-01"},
                {"id": "r2", "number": 2, "label": "R2", "date": "2022-01-01"},
            ],
            "initiatives": initiative_list,
        }
    )
