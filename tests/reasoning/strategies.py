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


@st.composite
def observations(draw: st.DrawFn, rnd: str) -> dict[str, Any]:
    """One observation in round ``rnd``: a status, and an evidence kind when it is informative."""
    status = draw(st.sampled_from(STATUSES))
    kind = draw(st.sampled_from(KINDS)) if status in INFORMATIVE else "none"
    return {"round": rnd, "status": status, "evidence_kind": kind, "text": "t", "rationale": "r", "ref": REF}


@st.composite
def indicators(draw: st.DrawFn, ident: str, n_mech: int, goals: list[str]) -> dict[str, Any]:
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
        "observations": [draw(observations(r)) for r in rounds],
    }


@st.composite
def initiatives(draw: st.DrawFn, i: int, n_mech: int, goals: list[str]) -> dict[str, Any]:
    """An initiative contributing to 0-3 mechanisms, with 0-3 indicators."""
    mechs = draw(st.lists(st.integers(0, n_mech - 1), max_size=min(3, n_mech), unique=True))
    contributions = [
        {
            "mechanism": f"m{j}",
            "strength": draw(st.sampled_from(["strong", "moderate", "weak"])),
            "provenance": draw(st.sampled_from(["stated", "inferred"])),
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
        "indicators": [draw(indicators(f"i{i}-{k}", n_mech, goals)) for k in range(n_ind)],
    }


@st.composite
def theories(draw: st.DrawFn, max_initiatives: int = 4, max_mechanisms: int = 4) -> Theory:
    """A valid theory: 1-3 sub-goals, as many to ``max_mechanisms`` mechanisms, 1-``max_initiatives``
    initiatives, two rounds. Shrinks towards one sub-goal, one mechanism, one initiative with nothing."""
    n_sub = draw(st.integers(1, 3))
    n_mech = draw(st.integers(n_sub, max(n_sub, max_mechanisms)))
    subgoals = [{"id": f"s{k}", "number": k + 1, "label": f"S{k}", "ref": REF} for k in range(n_sub)]
    mechanisms = [
        {"id": f"m{j}", "label": f"M{j}", "subgoal": f"s{j % n_sub}", "ref": REF} for j in range(n_mech)
    ]
    goals = [s["id"] for s in subgoals] + ["g"]
    n_ini = draw(st.integers(1, max_initiatives))
    return Theory.model_validate(
        {
            "id": "random",
            "base_iri": "https://example.org/random/",
            "label": "Random",
            "main_goal": {"id": "g", "label": "G", "ref": REF},
            "subgoals": subgoals,
            "mechanisms": mechanisms,
            "rounds": [
                {"id": "r1", "number": 1, "label": "R1", "date": "2021-01-01"},
                {"id": "r2", "number": 2, "label": "R2", "date": "2022-01-01"},
            ],
            "initiatives": [draw(initiatives(i, n_mech, goals)) for i in range(n_ini)],
        }
    )
