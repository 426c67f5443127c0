"""Small random theories in the authoring model, for exactness and property tests."""

from __future__ import annotations

import random

from beleidstheorie.authoring.models import Theory
from beleidstheorie.authoring.vocab import EvidenceKind, IndicatorType, ProgressStatus

REF = {"section": "test", "page": 1}
STATUSES = [s.value for s in ProgressStatus]
KINDS = [k.value for k in EvidenceKind if k != EvidenceKind.NONE]
TYPES = [t.value for t in IndicatorType]


BASES = [None, "realised", "estimate", "expectation", "description"]
SOURCES = [None, "self-report", "administrative", "independent", "external-statistics"]


def _v2_fields(rng: random.Random) -> dict:
    out = {}
    if (basis := rng.choice(BASES)) is not None:
        out["basis"] = basis
    if (source := rng.choice(SOURCES)) is not None:
        out["source"] = source
    if rng.random() < 0.1:
        se = rng.uniform(0.3, 0.95)
        out["elicited"] = {"sensitivity": se, "false_positive": rng.uniform(0.05, se), "rationale": "r"}
    return out


def random_theory(
    rng: random.Random, max_initiatives: int = 5, max_mechanisms: int = 5, v2: bool = True
) -> Theory:
    """A valid random theory: 1-3 sub-goals, 1-5 mechanisms, 1-5 initiatives.

    With ``v2`` it also draws the v2 fields: basis, source and elicited values of
    observations, gates, a sub-goal that serves another, and context factors that
    are rival causes or enabling/inhibiting conditions, with observations.
    """
    n_sub = rng.randint(1, 3)
    n_mech = rng.randint(n_sub, max(n_sub, max_mechanisms))
    n_ini = rng.randint(1, max_initiatives)
    subgoals = [{"id": f"s{k}", "number": k + 1, "label": f"S{k}", "ref": REF} for k in range(n_sub)]
    mechanisms = [
        {"id": f"m{j}", "label": f"M{j}", "subgoal": f"s{j % n_sub}", "ref": REF} for j in range(n_mech)
    ]
    goals = [s["id"] for s in subgoals] + ["g"]
    initiatives = []
    for i in range(n_ini):
        mechs = rng.sample(range(n_mech), rng.randint(0, min(3, n_mech)))
        contributions = [
            {
                "mechanism": f"m{j}",
                "strength": rng.choice(["strong", "moderate", "weak"]),
                "provenance": rng.choice(["stated", "inferred"]),
                "quote": "q",
                "ref": REF,
            }
            for j in mechs
        ]
        indicators = []
        for k in range(rng.randint(0, 4)):
            targets = rng.sample(range(n_mech), rng.randint(0, min(2, n_mech)))
            goal_targets = rng.sample(goals, 1) if rng.random() < 0.2 else []
            delivery = rng.random() < 0.7 or not (targets or goal_targets)
            observations = []
            for r in ("r1", "r2"):
                if rng.random() < 0.7:
                    status = rng.choice(STATUSES)
                    kind = rng.choice(KINDS) if status in STATUSES[:2] else "none"
                    observations.append(
                        {
                            "round": r,
                            "status": status,
                            "evidence_kind": kind,
                            "text": "t",
                            "rationale": "r",
                            "ref": REF,
                            **(_v2_fields(rng) if v2 else {}),
                        }
                    )
            indicators.append(
                {
                    "id": f"i{i}-{k}",
                    "label": f"I{i}.{k}",
                    "type": rng.choice(TYPES),
                    "evidence_for": {
                        "delivery": delivery,
                        "mechanisms": [f"m{j}" for j in targets],
                        "goals": goal_targets,
                        "rationale": "r",
                    },
                    "ref": REF,
                    "observations": observations,
                }
            )
        initiatives.append(
            {
                "id": f"d{i}",
                "number": i + 1,
                "label": f"D{i}",
                "beoogd_effect": "e",
                "ref": REF,
                "contributions": contributions,
                "indicators": indicators,
            }
        )
    context = []
    main_goal = {"id": "g", "label": "G", "ref": REF}
    if v2:
        if n_sub >= 2 and rng.random() < 0.4:
            subgoals[1]["serves"] = ["s0"]
        for sg in subgoals:
            if rng.random() < 0.3:
                sg["gate"] = rng.choice(["noisy-or", "noisy-and"])
        if rng.random() < 0.3:
            main_goal["gate"] = rng.choice(["noisy-or", "noisy-and"])
        for c in range(rng.choice([0, 0, 1, 2])):
            role = rng.choice(["rival", "enabling", "inhibiting"])
            target = rng.choice(goals) if role == "rival" else f"m{rng.randrange(n_mech)}"
            factor = {
                "id": f"c{c}",
                "label": f"C{c}",
                "level": "samenleving",
                "ref": REF,
                "roles": [
                    {
                        "role": role,
                        "target": target,
                        "strength": rng.choice(["strong", "moderate", "weak"]),
                        "provenance": rng.choice(["stated", "inferred"]),
                        "quote": "q",
                        "ref": REF,
                    }
                ],
            }
            if rng.random() < 0.6:
                status = rng.choice(STATUSES[:2])
                factor["indicators"] = [
                    {
                        "id": f"ci{c}",
                        "label": f"CI{c}",
                        "type": "effect-problematiek",
                        "evidence_for": {"context": True, "rationale": "r"},
                        "ref": REF,
                        "observations": [
                            {
                                "round": "r2",
                                "status": status,
                                "evidence_kind": rng.choice(KINDS),
                                "text": "t",
                                "rationale": "r",
                                "ref": REF,
                                "source": "external-statistics",
                                "basis": "realised",
                            }
                        ],
                    }
                ]
            context.append(factor)
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
            "initiatives": initiatives,
        }
    )
