"""A 40-mechanism theory — far beyond the old 18-mechanism cap — validates and scores from the CLI."""

from __future__ import annotations

import json
import random

from beleidstheorie.authoring.models import Theory
from beleidstheorie.io.theory_yaml import write_theory_yaml
from tests.test_cli import run

REF = {"section": "test", "page": 1}


def portfolio_theory(
    n_mechanisms: int = 40, n_subgoals: int = 4, n_initiatives: int = 60, seed: int = 0
) -> Theory:
    """Initiatives around one sub-goal each, some also serving the next; indicators on all levels."""
    rng = random.Random(seed)
    per = n_mechanisms // n_subgoals
    initiatives = []
    for i in range(n_initiatives):
        home = i % n_subgoals
        mechs = [home * per + m for m in rng.sample(range(per), rng.randint(1, 3))]
        if rng.random() < 0.1:
            mechs.append(((home + 1) % n_subgoals) * per + rng.randrange(per))
        indicators = []
        for k in range(3):
            target = [f"m{mechs[0]}"] if k == 0 else []
            status = rng.choice(["progressie-geboekt", "geen-progressie", "nog-niet-bekend"])
            indicators.append(
                {
                    "id": f"i{i}-{k}",
                    "label": f"Indicator {i}.{k}",
                    "type": "bereik-burgers" if k else "effect-problematiek",
                    "evidence_for": {"delivery": not target, "mechanisms": target, "rationale": "r"},
                    "ref": REF,
                    "observations": [
                        {
                            "round": "r1",
                            "status": status,
                            "evidence_kind": "quantitative" if status != "nog-niet-bekend" else "none",
                            "text": "t",
                            "rationale": "r",
                            "ref": REF,
                        }
                    ],
                }
            )
        initiatives.append(
            {
                "id": f"d{i}",
                "number": i + 1,
                "label": f"Initiatief {i}",
                "beoogd_effect": "e",
                "ref": REF,
                "contributions": [
                    {
                        "mechanism": f"m{m}",
                        "strength": "moderate",
                        "provenance": "stated",
                        "quote": "q",
                        "ref": REF,
                    }
                    for m in sorted(set(mechs))
                ],
                "indicators": indicators,
            }
        )
    return Theory.model_validate(
        {
            "id": "portfolio",
            "base_iri": "https://example.org/portfolio/",
            "label": "Portfolio",
            "source": {
                "title": "Synthetisch programmaplan (test)",
                "creators": ["test"],
                "date": "2024-01-01",
            },
            "main_goal": {"id": "g", "label": "Hoofddoel", "ref": REF},
            "subgoals": [
                {"id": f"s{k}", "number": k + 1, "label": f"Subdoel {k}", "ref": REF}
                for k in range(n_subgoals)
            ],
            "mechanisms": [
                {"id": f"m{j}", "label": f"Mechanisme {j}", "subgoal": f"s{j // per}", "ref": REF}
                for j in range(n_mechanisms)
            ],
            "rounds": [{"id": "r1", "number": 1, "label": "R1", "date": "2024-01-01"}],
            "initiatives": initiatives,
        }
    )


def test_a_40_mechanism_theory_validates_and_scores_end_to_end(tmp_path):
    path = tmp_path / "portfolio.yaml"
    write_theory_yaml(portfolio_theory(), path)
    out = run("--lang", "en", "validate", str(path)).stdout
    assert "40 mechanisms" in out and "inference: exact-elimination, width" in out
    data = json.loads(run("score", str(path), "--format", "json").stdout)
    assert len(data["mechanisms"]) == 40
    for node in data["mechanisms"]:
        low, high = node["interval"]
        assert low <= node["score"] <= high and isinstance(node["robust"], bool)
    assert "[" in run("score", str(path)).stdout
