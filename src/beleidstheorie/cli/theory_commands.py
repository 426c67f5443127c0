"""Commands on a theory as data: validate, export, datasets."""

from __future__ import annotations

from pathlib import Path

import click

from beleidstheorie.cli.common import (
    GRAPH_HELP,
    _load,
    _write,
    announce,
    choose_format,
    graph_argument,
    lang_option,
    library_errors,
    message_lang,
    optional_output,
)
from beleidstheorie.cli.group import main
from beleidstheorie.messages import message


@main.command(epilog=GRAPH_HELP)
@graph_argument
@lang_option
@library_errors
def validate(graph: str | None, lang: str) -> None:
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
    from beleidstheorie.graph.shacl import validate_theory

    theory = _load(graph, check=False)
    announce(theory, lang=lang)
    problems = validate_theory(theory)
    if problems:  # only then is the YAML read again, for the lines the problems are on
        from beleidstheorie.graph.places import place_problems

        raise ValidationError(place_problems(problems, theory.source))
    from beleidstheorie.graph.outline import counts

    found = counts(theory)  # for an RDF file or a store: from the store, never the authoring model
    if found.unstated:
        # a warning, not an error: v1 files keep validating and scoring
        in_lang = message_lang()
        example = found.unstated[0][0 if in_lang == "nl" else 1]
        said = message("unstated", in_lang, source=theory.source, n=len(found.unstated), example=example)
        click.echo(f"{message('warning', message_lang())}: {said}", err=True)
    counts = {
        "triples": len(theory.store),
        "initiatives": found.initiatives,
        "mechanisms": found.mechanisms,
        "indicators": found.indicators,
        "observations": found.observations,
    }
    click.echo(message("valid", message_lang(), label=theory.label, **counts))
    from beleidstheorie.reasoning.inference import SAMPLED
    from beleidstheorie.reasoning.inference.engine import DEFAULT_BUDGET
    from beleidstheorie.reasoning.score import inference_structure

    shape = inference_structure(theory)
    if shape.method == SAMPLED:
        click.echo(
            message("inference_sampled", message_lang(), method=shape.method, budget=f"{DEFAULT_BUDGET:,}")
        )
    else:
        entries = 2 ** (shape.width + 1)
        said = message(
            "inference_exact", message_lang(), method=shape.method, width=shape.width, entries=f"{entries:,}"
        )
        click.echo(said)


EXPORT_FORMATS = ("ttl", "jsonld", "nt", "yaml", "graphml")
EXPORT_SUFFIXES = {
    ".ttl": "ttl",
    ".jsonld": "jsonld",
    ".nt": "nt",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".graphml": "graphml",
}


@main.command(epilog=GRAPH_HELP)
@graph_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default=None,
    help="ttl, jsonld, nt, yaml or graphml (default: from the extension of -o, else ttl).",
)
@optional_output
@library_errors
def export(graph: str | None, fmt: str | None, output: Path | None) -> None:
    """Write the theory's graph as Turtle, JSON-LD, N-Triples, YAML or GraphML.

    \b
    Example:
      beleidstheorie export examples/buurtbudget -o buurtbudget.jsonld
    """
    fmt = choose_format(fmt, output, EXPORT_SUFFIXES, "ttl")
    theory = _load(graph)
    announce(theory)
    if fmt == "yaml":
        from beleidstheorie.io.theory_yaml import generate_theory_yaml

        text = generate_theory_yaml(theory.model)
    elif fmt == "graphml":
        from beleidstheorie.io.graphml import generate_graphml

        text = generate_graphml(theory.graph)
    else:
        from beleidstheorie.graph.export import export_rdf

        text = export_rdf(theory, fmt)
    _write(text, output)


@main.command()
def datasets() -> None:
    """List the theories bundled with beleidstheorie, to name as GRAPH.

    \b
    Example:
      beleidstheorie datasets
      beleidstheorie score intensiveringsaanpak
    """
    from beleidstheorie.graph.locate import bundled_datasets, locate_theory
    from beleidstheorie.io.theory_yaml import read_theory_yaml

    for name in bundled_datasets():
        model = read_theory_yaml(locate_theory(name))
        click.echo(f"{name}\t{model.label.nl}")
