"""Small random theories in the authoring model, for exactness and property tests."""

from __future__ import annotations

import random

from beleidstheorie.authoring.models import Theory
from beleidstheorie.authoring.vocab import EvidenceKind, IndicatorType, ProgressStatus

REF = {"section": "test", "page": 1}
STATUSES = [s.value for s in ProgressStatus]
KINDS = [k.value for k in EvidenceKind if k != EvidenceKind.NONE]
TYPES = [t.value for t in IndicatorType]


def random_theory(rng: random.Random, max_initiatives: int = 5, max_mechanisms: int = 5) -> Theory:
    """A valid random theory: 1-3 sub-goals, 1-5 mechanisms, 1-5 initiatives."""
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
            "initiatives": initiatives,
        }
    )
