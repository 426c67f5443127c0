"""Tiny theories written inline, for the semantic reference and the property tests."""

from __future__ import annotations

from typing import Any

from beleidstheorie.authoring.models import Theory
from beleidstheorie.graph.load import theory_from_model

REF = {"section": "t", "page": 1}


def observation(status: str = "progressie-geboekt", kind: str = "quantitative", **extra: Any) -> dict:
    """One observation in round r1."""
    return {
        "round": "r1",
        "status": status,
        "evidence_kind": kind,
        "text": "t",
        "rationale": "r",
        "ref": REF,
        **extra,
    }


def indicator(
    ident: str, *observations: dict, type_: str = "effect-problematiek", **evidence_for: Any
) -> dict:
    """An indicator; ``evidence_for`` defaults to delivery."""
    ev = {"rationale": "r", **(evidence_for or {"delivery": True})}
    return {
        "id": ident,
        "label": ident,
        "type": type_,
        "ref": REF,
        "evidence_for": ev,
        "observations": list(observations),
    }


def initiative(
    ident: str, number: int, mechanisms: tuple[str, ...] = ("m",), *indicators: dict, strength: str = "strong"
) -> dict:
    """An initiative contributing (stated) to ``mechanisms``."""
    return {
        "id": ident,
        "number": number,
        "label": ident.upper(),
        "beoogd_effect": "e",
        "ref": REF,
        "contributions": [
            {"mechanism": m, "strength": strength, "provenance": "stated", "quote": "q", "ref": REF}
            for m in mechanisms
        ],
        "indicators": list(indicators),
    }


def theory(
    initiatives: list[dict],
    *,
    subgoals: list[dict] | None = None,
    mechanisms: list[dict] | None = None,
    context: list[dict] | None = None,
    main_goal: dict | None = None,
) -> Theory:
    """A theory with main goal g, sub-goal s and mechanism m unless given."""
    return Theory.model_validate(
        {
            "id": "t",
            "base_iri": "https://example.org/t/",
            "label": "T",
            "main_goal": {"id": "g", "label": "G", "ref": REF, **(main_goal or {})},
            "subgoals": subgoals or [{"id": "s", "number": 1, "label": "S", "ref": REF}],
            "mechanisms": mechanisms or [{"id": "m", "label": "M", "subgoal": "s", "ref": REF}],
            "context_factors": context or [],
            "rounds": [{"id": "r1", "number": 1, "label": "R1", "date": "2022-01-01"}],
            "initiatives": initiatives,
        }
    )


def loaded(model: Theory):
    """The model as a loaded theory (graph built and validated)."""
    return theory_from_model(model)
