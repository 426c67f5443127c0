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
from beleidstheorie.errors import BeleidstheorieError, Problem, RenderError


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


graph_argument = click.argument("graph", required=False, type=click.Path(path_type=Path), metavar="[GRAPH]")
optional_output = click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File to write (default: stdout)."
)


def _load(graph: Path | None):
    from beleidstheorie.graph.load import load_theory

    return load_theory(graph)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise RenderError([Problem(str(output), "", exc.strerror or str(exc))]) from None
        click.echo(f"wrote {output}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="beleidstheorie")
def main() -> None:
    """Theory-based policy evaluation on an RDF knowledge graph.

    GRAPH, where a command takes one, is a theory directory, a YAML file or an RDF
    file (.ttl, .jsonld, .nt); without it, the bundled Intensivering armoede- en
    schuldenaanpak is used.

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


# -- reasoning ----------------------------------------------------------------------
FORMATS = ("table", "json", "csv")


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="TOML file overriding the reasoning parameters (see docs/method.md).",
)
round_option = click.option(
    "--round", "round_", help="Measurement round (id or number); default: the latest."
)
lang_option = click.option(
    "--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of labels."
)


def required_output(help_text: str) -> Callable[..., Any]:
    """A required -o/--output option for commands that write a file."""
    return click.option(
        "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True, help=help_text
    )


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--format, --lang and -o shared by the commands that print tables."""
    func = optional_output(func)
    func = lang_option(func)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)(
        func
    )


def reasoning_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--round and --config shared by the reasoning commands."""
    return round_option(config_option(func))


def _config(path: Path | None):
    from beleidstheorie.reasoning.config import load_config

    return load_config(path)


@main.command()
@graph_argument
@reasoning_options
@output_options
@library_errors
def score(graph, round_, config_path, fmt, lang, output) -> None:
    """Score every mechanism, sub-goal and the main goal, grouped by sub-goal.

    Each score is the posterior probability that the node is active given the
    evidence; the verdict is supported, contested or insufficient evidence.

    \b
    Example:
      beleidstheorie score --round monitor-2021 --format json
    """
    from beleidstheorie.reasoning.score import score as score_theory
    from beleidstheorie.views.tables import render_score

    result = score_theory(_load(graph), _config(config_path), round_)
    _write(render_score(result, fmt, lang), output)


@main.command()
@graph_argument
@round_option
@output_options
@library_errors
def coverage(graph, round_, fmt, lang, output) -> None:
    """The evaluator's tally: initiatives and indicators per mechanism, and the gaps.

    \b
    Example:
      beleidstheorie coverage --format csv -o coverage.csv
    """
    from beleidstheorie.reasoning.coverage import coverage as coverage_of
    from beleidstheorie.views.tables import render_coverage

    _write(render_coverage(coverage_of(_load(graph), round_), fmt, lang), output)


@main.command()
@click.argument("node")
@graph_argument
@reasoning_options
@output_options
@library_errors
def explain(node, graph, round_, config_path, fmt, lang, output) -> None:
    """The evidence trail behind one score, strongest effect first.

    NODE is a mechanism, sub-goal, main goal or initiative: its id, IRI or label.

    \b
    Example:
      beleidstheorie explain kortere-doorlooptijden
    """
    from beleidstheorie.reasoning.explain import explain as explain_node
    from beleidstheorie.views.tables import render_explanation

    exp = explain_node(_load(graph), node, round_, _config(config_path))
    _write(render_explanation(exp, fmt, lang), output)


@main.command()
@graph_argument
@click.option("--from", "round_from", required=True, help="The earlier round (id or number).")
@click.option("--to", "round_to", required=True, help="The later round (id or number).")
@config_option
@output_options
@library_errors
def compare(graph, round_from, round_to, config_path, fmt, lang, output) -> None:
    """What changed between two measurement rounds: scores, verdicts, observations.

    \b
    Example:
      beleidstheorie compare --from monitor-2021 --to evaluatie-2022
    """
    from beleidstheorie.reasoning.compare import compare as compare_rounds
    from beleidstheorie.views.tables import render_comparison

    cmp = compare_rounds(_load(graph), round_from, round_to, _config(config_path))
    _write(render_comparison(cmp, fmt, lang), output)


@main.command()
@graph_argument
@reasoning_options
@output_options
@library_errors
def sensitivity(graph, round_, config_path, fmt, lang, output) -> None:
    """How robust the verdicts are: perturb each parameter within its range.

    Reports each node's score range, the flip point of its verdict (the smallest
    one-parameter change that flips it) and mechanism pairs whose order swaps.

    \b
    Example:
      beleidstheorie sensitivity --format json
    """
    from beleidstheorie.reasoning.sensitivity import sensitivity as sensitivity_of
    from beleidstheorie.views.tables import render_sensitivity

    res = sensitivity_of(_load(graph), _config(config_path), round_)
    _write(render_sensitivity(res, fmt, lang), output)


@main.command()
@click.argument("sparql")
@graph_argument
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE: <iri>, bt:Term, 42, text@nl or text. Repeatable.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@optional_output
@library_errors
def query(sparql, graph, params, fmt, output) -> None:
    """Run a SPARQL SELECT query on the theory (prefixes bt:, skos:, dcterms: ... predeclared).

    SPARQL is the query text, or @FILE to read it from a file. Values given with
    --param are bound as RDF terms, never pasted into the query.

    \b
    Example:
      beleidstheorie query 'SELECT ?m ?l WHERE { ?m a bt:Mechanism ; skos:prefLabel ?l }'
      beleidstheorie query 'SELECT ?i WHERE { ?c bt:toMechanism ?m ; bt:fromInitiative ?i }' \\
          --param m=<https://w3id.org/beleidstheorie/id/intensiveringsaanpak/mechanism/maatwerk>
    """
    from beleidstheorie.errors import LoadError, Problem
    from beleidstheorie.graph.query import parse_binding, run_query
    from beleidstheorie.views.tables import render_rows

    if sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            raise LoadError([Problem(sparql[1:], "", exc.strerror or str(exc))]) from None
    bindings = dict(parse_binding(p) for p in params)
    names, rows = run_query(_load(graph).store, sparql, bindings)
    _write(render_rows(names, rows, fmt), output)


# -- views -------------------------------------------------------------------------
DIAGRAM_SUFFIXES = (".svg", ".png", ".pdf", ".dot")


@main.command()
@click.argument("kind", type=click.Choice(["schema", "samenhang", "initiative"]))
@click.argument("args", nargs=-1, metavar="[NAME] [GRAPH]")
@required_output("File to write: .svg, .png, .pdf or .dot (DOT source).")
@click.option("--evidence", is_flag=True, help="Fill mechanisms and goals by their score.")
@reasoning_options
@lang_option
@library_errors
def render(kind, args, output, evidence, round_, config_path, lang) -> None:
    """Draw a diagram with graphviz: the schema, the samenhang, or one initiative.

    KIND is schema (the theory as in section 1.3), samenhang (initiatives and their
    links) or initiative NAME (one initiative's own theory; NAME is its id or label).
    The format follows the suffix of -o.

    \b
    Example:
      beleidstheorie render schema --evidence -o schema.svg
      beleidstheorie render initiative schuldenknooppunt -o skp.png
    """
    from beleidstheorie.errors import NotFoundError

    if output.suffix not in DIAGRAM_SUFFIXES:
        raise NotFoundError(f"{output}: unknown diagram format; use one of {', '.join(DIAGRAM_SUFFIXES)}")
    name = None
    rest = list(args)
    if kind == "initiative":
        if not rest:
            raise NotFoundError("render initiative needs the NAME of an initiative")
        name = rest.pop(0)
    if len(rest) > 1:
        raise NotFoundError(f"unexpected arguments: {' '.join(rest[1:])}")
    theory = _load(Path(rest[0]) if rest else None)
    result = None
    if evidence:
        from beleidstheorie.reasoning.score import score as score_theory

        result = score_theory(theory, _config(config_path), round_, explain=True)
    from beleidstheorie.views.diagram import render_diagram

    render_diagram(theory, kind, output, result=result, lang=lang, initiative=name)
    click.echo(f"wrote {output}", err=True)


@main.command()
@graph_argument
@required_output("The HTML file to write.")
@click.option("--physics", is_flag=True, help="Free physics layout instead of left-to-right columns.")
@config_option
@lang_option
@library_errors
def interactive(graph, output, physics, config_path, lang) -> None:
    """Write an interactive graph (one self-contained HTML file, works offline).

    Hover a node for its score, verdict and evidence; click to highlight its
    neighbourhood; filter by sub-goal, initiative, round or insufficient evidence.

    \b
    Example:
      beleidstheorie interactive -o intensiveringsaanpak.html
    """
    from beleidstheorie.reasoning.network import read_network
    from beleidstheorie.reasoning.score import score as score_theory
    from beleidstheorie.views.interactive import write_interactive

    theory = _load(graph)
    config = _config(config_path)
    rounds = read_network(theory.store).rounds
    by_round = {r.id: score_theory(theory, config, r.id) for r in rounds}
    latest = by_round[max(rounds, key=lambda r: r.number).id] if rounds else None
    write_interactive(theory, output, result=latest, results_by_round=by_round, lang=lang, physics=physics)
    click.echo(f"wrote {output}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
