"""Benchmark: the views at scale — 200 initiatives, 60 mechanisms (issue #14).

Times, on a synthetic theory shaped like the flagship (each initiative 1-3
contributions, 4 indicators on delivery and on its mechanisms, typed links to
two others, two rounds):

  - scoring the latest round (what `render --evidence` and `interactive` do first);
  - `render schema --evidence` to SVG: building the DOT and running `dot`;
  - `render matrix` to SVG;
  - the interactive page: scoring every round and writing the HTML.

Run: `python benchmarks/bench_views.py [N_INITIATIVES N_MECHANISMS]`; prints a
Markdown table (kept in benchmarks/views-results.md). Targets: page < 5 s,
`render schema --evidence` < 5 s. With `--render-only` it scores both rounds once
and then times each view alone (schema, samenhang, matrix, page), scoring excluded.
"""

from __future__ import annotations

import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import beleidstheorie.reasoning.score as scoring
from beleidstheorie.authoring.models import Theory as TheoryModel
from beleidstheorie.graph.load import theory_from_model
from beleidstheorie.reasoning.analysis.next import score_and_next
from beleidstheorie.reasoning.score import score
from beleidstheorie.views.diagram import render_diagram
from beleidstheorie.views.matrix import render_matrix
from beleidstheorie.views.page import write_interactive

N_SUBGOALS = 6
LINK_TYPES = ("supports", "refers-to", "has-partner", "contributes-to")
STATUSES = ("progressie-geboekt", "geen-progressie", "nog-niet-bekend")


def synthetic_theory(n_ini: int, n_mech: int, seed: int = 0):
    """A loaded theory with ``n_ini`` initiatives and ``n_mech`` mechanisms."""
    rng = random.Random(seed)
    ref = {"section": "s", "page": 1}
    initiatives = []
    for i in range(n_ini):
        mechs = rng.sample(range(n_mech), rng.randint(1, 3))
        indicators = []
        for k in range(4):
            target = {"delivery": True} if k < 2 else {"mechanisms": [f"m{mechs[k % len(mechs)]}"]}
            indicators.append(
                {
                    "id": f"x{i}-{k}",
                    "label": f"Indicator {k} van initiatief {i + 1}",
                    "type": "bereik-burgers",
                    "ref": ref,
                    "evidence_for": {**target, "rationale": "r"},
                    "observations": [
                        {
                            "round": r,
                            "status": rng.choice(STATUSES),
                            "evidence_kind": rng.choice(("quantitative", "qualitative")),
                            "text": "t",
                            "rationale": "r",
                            "ref": ref,
                        }
                        for r in ("r1", "r2")
                    ],
                }
            )
        links = [
            {"target": f"i{j}", "type": rng.choice(LINK_TYPES), "quote": "q", "ref": ref}
            for j in rng.sample(range(n_ini), 2)
            if j != i
        ]
        initiatives.append(
            {
                "id": f"i{i}",
                "number": i + 1,
                "label": f"Initiatief nummer {i + 1} met een naam van gewone lengte",
                "beoogd_effect": "e",
                "ref": ref,
                "indicators": indicators,
                "links": links,
                "contributions": [
                    {
                        "mechanism": f"m{m}",
                        "strength": "moderate",
                        "provenance": "stated",
                        "quote": "q",
                        "ref": ref,
                    }
                    for m in mechs
                ],
            }
        )
    model = TheoryModel.model_validate(
        {
            "id": "synthetic",
            "base_iri": "https://example.org/synthetic/",
            "label": "Synthetisch programma",
            "main_goal": {"id": "g", "label": "Hoofddoel", "ref": ref},
            "subgoals": [
                {"id": f"s{s}", "number": s + 1, "label": f"Subdoel {s + 1}", "ref": ref}
                for s in range(N_SUBGOALS)
            ],
            "mechanisms": [
                {"id": f"m{m}", "label": f"Mechanisme {m + 1}", "subgoal": f"s{m % N_SUBGOALS}", "ref": ref}
                for m in range(n_mech)
            ],
            "rounds": [
                {"id": "r1", "number": 1, "label": "R1", "date": "2021-01-01"},
                {"id": "r2", "number": 2, "label": "R2", "date": "2022-01-01"},
            ],
            "initiatives": initiatives,
        }
    )
    return theory_from_model(model)


def cpu_timed(fn) -> float:
    """CPU seconds of ``fn``, with the child processes it waits for (``dot``)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.process_time()
    fn()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        time.process_time()
        - start
        + (after.ru_utime - children.ru_utime)
        + (after.ru_stime - children.ru_stime)
    )


def main(n_ini: int, n_mech: int) -> str:
    theory = synthetic_theory(n_ini, n_mech)
    out = Path(tempfile.mkdtemp())
    holder = {}
    t_score = cpu_timed(lambda: holder.setdefault("r", score(theory, round="r2")))
    result = holder["r"]
    t_schema = cpu_timed(lambda: render_diagram(theory, "schema", out / "schema.svg", result=result))
    t_expanded = cpu_timed(
        lambda: render_diagram(theory, "schema", out / "schema-all.svg", result=result, expand=True)
    )
    t_matrix = cpu_timed(lambda: render_matrix(theory, result, out / "matrix.svg"))

    def page():
        # as a fresh `interactive` does: a sampled prior remembered from the scorings above is forgotten
        scoring._sampled_prior.clear()
        # and as it does by default, the latest round's score and next steps from one evaluation
        rounds = {"r1": score(theory, round="r1")}
        rounds["r2"], planned = score_and_next(theory, None, "r2")
        write_interactive(
            theory, out / "page.html", result=rounds["r2"], results_by_round=rounds, next_result=planned
        )

    t_page = cpu_timed(page)
    rows = [
        ("scoring one round", t_score),
        ("`render schema --evidence` (scoring + DOT + dot → SVG)", t_score + t_schema),
        ("  of which DOT + dot (CPU, `dot` included; one counted group per sub-goal)", t_schema),
        ("  the same with `--expand` (every initiative drawn; CPU)", t_expanded),
        ("`render matrix` (scoring + SVG)", t_score + t_matrix),
        ("`interactive` (scoring both rounds, the next steps + HTML)", t_page),
    ]
    head = (
        f"Views at {n_ini} initiatives × {n_mech} mechanisms ({platform.python_version()}, "
        f"{platform.machine()}), `python benchmarks/bench_views.py {n_ini} {n_mech}`:\n\n"
        "CPU seconds (this process, plus `dot`'s user+system time), one run each:\n\n"
        "| step | CPU seconds |\n|---|---:|\n"
    )
    return head + "".join(f"| {name} | {t:.2f} |\n" for name, t in rows)


def render_only(n_ini: int, n_mech: int, runs: int = 3) -> str:
    """What the views cost, scoring excluded: both rounds scored once, then each view (median of ``runs``)."""
    theory = synthetic_theory(n_ini, n_mech)
    out = Path(tempfile.mkdtemp())
    rounds = {}
    t_score = cpu_timed(lambda: rounds.update({r: score(theory, round=r) for r in ("r1", "r2")}))
    result = rounds["r2"]

    def median(fn) -> float:
        return statistics.median(cpu_timed(fn) for _ in range(runs))

    rows = [
        ("scoring both rounds (the engine's part, once)", t_score),
        (
            "`render schema --evidence`: DOT + dot → SVG, one counted group per sub-goal",
            median(lambda: render_diagram(theory, "schema", out / "schema.svg", result=result)),
        ),
        (
            "the same with `--expand` (every initiative drawn)",
            median(lambda: render_diagram(theory, "schema", out / "all.svg", result=result, expand=True)),
        ),
        (
            "`render samenhang`: DOT + dot → SVG",
            median(lambda: render_diagram(theory, "samenhang", out / "s.svg")),
        ),
        ("`render matrix` → SVG", median(lambda: render_matrix(theory, result, out / "matrix.svg"))),
        (
            "`interactive`: page data + HTML, both rounds given",
            median(lambda: write_interactive(theory, out / "p.html", result=result, results_by_round=rounds)),
        ),
    ]
    head = (
        f"Views at {n_ini} initiatives × {n_mech} mechanisms, scoring excluded ({platform.python_version()}, "
        f"{platform.machine()}), CPU seconds with `dot` included, median of {runs}, "
        f"`python benchmarks/bench_views.py --render-only {n_ini} {n_mech}`:\n\n"
        "| step | CPU seconds |\n|---|---:|\n"
    )
    return head + "".join(f"| {name} | {t:.2f} |\n" for name, t in rows)


if __name__ == "__main__":
    only = "--render-only" in sys.argv
    args = [int(a) for a in sys.argv[1:] if a.isdigit()][:2] or [200, 60]
    print(render_only(*args) if only else main(*args))
