"""The ``beleidstheorie`` command line: a thin layer over the library.

Each command loads a theory, calls one library function and prints one view.
Library errors become a clear message and exit status 1, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from beleidstheorie import __version__
from beleidstheorie.errors import BeleidstheorieError


def _fail(exc: BeleidstheorieError) -> None:
    for problem in exc.problems:
        click.echo(f"error: {problem}", err=True)
    sys.exit(1)


def library_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into messages on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BeleidstheorieError as exc:
            _fail(exc)

    return wrapper


graph_argument = click.argument(
    "graph", required=False, type=click.Path(path_type=Path), metavar="[GRAPH]"
)
GRAPH_HELP = (
    "GRAPH is a theory directory, a YAML file or an RDF file (.ttl, .jsonld, .nt); "
    "without it, the bundled Intensivering armoede- en schuldenaanpak is used."
)


def _load(graph: Path | None):
    from beleidstheorie.graph.load import load_theory

    return load_theory(graph)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="beleidstheorie")
def main() -> None:
    """Theory-based policy evaluation on an RDF knowledge graph.

    \b
    Example:
      beleidstheorie validate examples/buurtbudget
      beleidstheorie score --format table
    """


@main.command()
@graph_argument
@library_errors
def validate(graph: Path | None) -> None:
    """Check a theory: authoring model, references and SHACL shapes.

    Every problem is printed with its file, its place (line and YAML path, or node
    and property) and a plain-language message. Exit status 1 on any problem.

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
    lines = [ini for top in model.initiatives for ini in (top, *top.sub_lines)]
    indicators = [ind for ini in lines for ind in ini.indicators]
    observations = sum(len(ind.observations) for ind in indicators)
    click.echo(
        f"ok: {theory.label}: {len(theory.graph)} triples, {len(model.initiatives)} initiatives, "
        f"{len(model.mechanisms)} mechanisms, {len(indicators)} indicators, "
        f"{observations} observations"
    )


EXPORT_FORMATS = ("ttl", "jsonld", "nt", "yaml", "graphml")


@main.command()
@graph_argument
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="ttl", show_default=True
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File to write (default: stdout).")
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


if __name__ == "__main__":  # pragma: no cover
    main()
