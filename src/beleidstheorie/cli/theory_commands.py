"""Commands on a theory as data: validate, export."""

from __future__ import annotations

from pathlib import Path

import click

from beleidstheorie.cli.common import (
    _load,
    _write,
    graph_argument,
    library_errors,
    optional_output,
)
from beleidstheorie.cli.group import main


@main.command()
@graph_argument
@library_errors
def validate(graph: Path | None) -> None:
    """Check a theory: authoring model, references and SHACL shapes.

    Every problem is printed with its file, its place (line and YAML path, or node
    and property) and a plain-language message. Exit status 1 on any problem. A valid
    theory's report ends with the width of its network and the inference method that
    scoring will run (exact elimination, or importance sampling beyond the budget).

    \b
    Example:
      beleidstheorie validate graphs/intensiveringsaanpak
    """
    from beleidstheorie.errors import ValidationError
    from beleidstheorie.graph.shacl import validate_graph

    theory = _load(graph)
    problems = validate_graph(theory.graph, theory.source)
    if problems:
        raise ValidationError(problems)
    model = theory.model
    from beleidstheorie.authoring.checks import unstated_semantics

    unstated = unstated_semantics(model)
    if unstated:
        # a warning, not an error: v1 files keep validating and scoring
        click.echo(
            f"warning: {theory.source}: {len(unstated)} observations do not say what they show "
            f"(basis, source); the conservative defaults apply (see docs/method.md §3.5), "
            f"e.g. {unstated[0]}",
            err=True,
        )
    lines = [ini for top in model.initiatives for ini in (top, *top.action_lines)]
    indicators = [ind for ini in lines for ind in ini.indicators]
    observations = sum(len(ind.observations) for ind in indicators)
    click.echo(
        f"ok: {theory.label}: {len(theory.graph)} triples, {len(model.initiatives)} initiatives, "
        f"{len(model.mechanisms)} mechanisms, {len(indicators)} indicators, "
        f"{observations} observations"
    )
    from beleidstheorie.reasoning.inference import SAMPLED
    from beleidstheorie.reasoning.inference.engine import DEFAULT_BUDGET
    from beleidstheorie.reasoning.score import inference_structure

    shape = inference_structure(theory)
    if shape.method == SAMPLED:
        click.echo(
            f"inference: {shape.method} — the width exceeds the exact budget of {DEFAULT_BUDGET:,} table "
            "entries; every score carries its standard error"
        )
    else:
        entries = 2 ** (shape.width + 1)
        click.echo(f"inference: {shape.method}, width {shape.width} (largest table {entries:,} entries)")


EXPORT_FORMATS = ("ttl", "jsonld", "nt", "yaml", "graphml")


@main.command()
@graph_argument
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="ttl", show_default=True)
@optional_output
@library_errors
def export(graph: Path | None, fmt: str, output: Path | None) -> None:
    """Write the theory's graph as Turtle, JSON-LD, N-Triples, YAML or GraphML.

    \b
    Example:
      beleidstheorie export examples/buurtbudget --format jsonld -o buurtbudget.jsonld
    """
    theory = _load(graph)
    if fmt == "yaml":
        from beleidstheorie.io.theory_yaml import generate_theory_yaml

        text = generate_theory_yaml(theory.model)
    elif fmt == "graphml":
        from beleidstheorie.io.graphml import generate_graphml

        text = generate_graphml(theory.graph)
    else:
        from beleidstheorie.io.rdf import generate_rdf

        text = generate_rdf(theory.graph, fmt)
    _write(text, output)
