"""Commands that reason over the evidence: score, coverage, explain, compare, sensitivity, query."""

from __future__ import annotations

from pathlib import Path

import click

from beleidstheorie.cli.common import (
    FORMATS,
    _config,
    _load,
    _write,
    config_option,
    graph_argument,
    library_errors,
    optional_output,
    output_options,
    reasoning_options,
)
from beleidstheorie.cli.group import main


@main.command()
@graph_argument
@reasoning_options
@output_options
@library_errors
def score(graph, round_, config_path, fmt, lang, output) -> None:
    """Score every mechanism, sub-goal and the main goal, grouped by sub-goal.

    Each score is the posterior probability that the node is active given the
    evidence; the verdict (supported, indications, conflicting, not supported,
    insufficient) rests on the node's own evidence, net of evidence against.

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
@reasoning_options
@output_options
@library_errors
def coverage(graph, round_, config_path, fmt, lang, output) -> None:
    """The evaluator's tally: initiatives and indicators per mechanism, and the gaps.

    The gaps include the observations that carry no evidence by a rule (an
    expectation, a restatement, a missing answer), each with its rule.

    \b
    Example:
      beleidstheorie coverage --format csv -o coverage.csv
    """
    from beleidstheorie.reasoning.coverage import coverage as coverage_of
    from beleidstheorie.views.tables import render_coverage

    _write(render_coverage(coverage_of(_load(graph), round_, _config(config_path)), fmt, lang), output)


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
