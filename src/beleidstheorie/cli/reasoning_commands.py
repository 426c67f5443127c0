"""Commands that reason over the evidence: score, coverage, explain, compare, sensitivity, query."""

from __future__ import annotations

import click

from beleidstheorie.cli.common import (
    GRAPH_HELP,
    _config,
    _load,
    _query_store,
    _table_format,
    _write,
    announce,
    announcement,
    config_option,
    graph_argument,
    library_errors,
    output_key,
    output_options,
    reasoning_options,
    remember_output,
    replay,
)
from beleidstheorie.cli.group import main


def _node_id(theory, name: str) -> str:
    """The id of the goal, mechanism or initiative ``name`` means (id, label or a piece of one)."""
    from beleidstheorie.authoring.names import resolve_entry
    from beleidstheorie.graph.outline import outline

    kinds = ("goals", "mechanisms", "initiatives")
    return resolve_entry(outline(theory).find(kinds), name, kinds).id


def _round_id(theory, round_: str | None) -> str | None:
    """The id of the round ``round_`` names: id, number, label or a piece of one (None: the latest)."""
    from beleidstheorie.authoring.names import resolve_entry
    from beleidstheorie.graph.outline import outline

    found = outline(theory)
    if round_ is None:
        rounds = found.entries["rounds"]
        return rounds[-1].id if rounds else None
    by_number = [r.id for r in found.rounds if round_.isdigit() and r.number == int(round_)]
    if by_number:
        return by_number[0]
    exact = [r.id for r in found.rounds if round_ in (r.id, r.label_nl, r.label_en)]
    if exact or (round_.isdigit() and not any(round_ in r.id or round_ in r.label_nl for r in found.rounds)):
        return exact[0] if exact else round_  # the engine names the rounds there are
    if not found.rounds:
        return round_  # the engine says the theory has no rounds
    return resolve_entry(found.find(("rounds",)), round_, ("rounds",)).id


def _round_or_latest(theory, round_: str | None) -> str | None:
    return None if round_ is None else _round_id(theory, round_)


@main.command(epilog=GRAPH_HELP)
@graph_argument
@reasoning_options
@output_options
@library_errors
def score(graph, round_, config_path, fmt, csv_dialect, lang, output) -> None:
    """Score every mechanism, sub-goal and the main goal, grouped by sub-goal.

    Each score is the posterior probability that the node is active given the
    evidence; the verdict (supported, indications, conflicting, not supported,
    insufficient) rests on the node's own evidence, net of evidence against.

    \b
    Example:
      beleidstheorie score --round monitor-2021 --format json
      beleidstheorie score -o scores.xlsx
    """
    fmt = _table_format(fmt, output)
    # an unchanged theory prints what it printed before (cli/result_cache.py)
    options = {"round": round_, "format": fmt, "csv": csv_dialect, "lang": lang}
    key = output_key("score", graph, config_path, output, **options)
    if replay(key):
        return
    from beleidstheorie.reasoning.score import score as score_theory
    from beleidstheorie.views.tables import render_score

    theory = _load(graph)
    # only json lists the items; the table, csv and xlsx need the store's counted groups
    items = fmt == "json"
    result = score_theory(theory, _config(config_path), _round_or_latest(theory, round_), items=items)
    announce(theory, result.round, lang)
    text = render_score(result, fmt, lang, csv_dialect)
    _write(text, output)
    remember_output(key, text, announcement(theory, result.round, lang))


@main.command(epilog=GRAPH_HELP)
@graph_argument
@reasoning_options
@output_options
@library_errors
def coverage(graph, round_, config_path, fmt, csv_dialect, lang, output) -> None:
    """The evaluator's tally: initiatives and indicators per mechanism, and the gaps.

    The gaps include the observations that carry no evidence by a rule (an
    expectation, a restatement, a missing answer), each with its rule.

    \b
    Example:
      beleidstheorie coverage --format csv --csv excel-nl -o coverage.csv
    """
    from beleidstheorie.reasoning.coverage import coverage as coverage_of
    from beleidstheorie.views.tables import render_coverage

    fmt = _table_format(fmt, output)
    theory = _load(graph)
    cov = coverage_of(theory, _round_or_latest(theory, round_), _config(config_path))
    announce(theory, cov.round, lang)
    _write(render_coverage(cov, fmt, lang, csv_dialect), output)


@main.command(epilog=GRAPH_HELP)
@click.argument("node")
@graph_argument
@reasoning_options
@click.option(
    "--top", type=click.IntRange(min=0), default=None, help="Show only the N strongest items (0: all)."
)
@output_options
@library_errors
def explain(node, graph, round_, config_path, top, fmt, csv_dialect, lang, output) -> None:
    """The evidence trail behind one score, strongest effect first.

    NODE is a mechanism, sub-goal, main goal or initiative: its id, its label, or a
    piece of exactly one label (`beleidstheorie list` shows them all).

    \b
    Example:
      beleidstheorie explain kortere-doorlooptijden --top 5
      beleidstheorie explain Maatwerk intensiveringsaanpak
    """
    from beleidstheorie.reasoning.explain import explain as explain_node
    from beleidstheorie.views.tables import render_explanation

    fmt = _table_format(fmt, output)
    theory = _load(graph)
    exp = explain_node(theory, _node_id(theory, node), _round_or_latest(theory, round_), _config(config_path))
    announce(theory, exp.round, lang)
    _write(render_explanation(exp, fmt, lang, csv_dialect, top or None), output)


@main.command(epilog=GRAPH_HELP)
@graph_argument
@click.option("--from", "round_from", required=True, help="The earlier round (id, number or label).")
@click.option("--to", "round_to", required=True, help="The later round (id, number or label).")
@config_option
@output_options
@library_errors
def compare(graph, round_from, round_to, config_path, fmt, csv_dialect, lang, output) -> None:
    """What changed between two measurement rounds: scores, verdicts, observations.

    \b
    Example:
      beleidstheorie compare --from monitor-2021 --to evaluatie-2022 -o verschil.xlsx
    """
    from beleidstheorie.reasoning.compare import compare as compare_rounds
    from beleidstheorie.views.tables import render_comparison

    fmt = _table_format(fmt, output)
    theory = _load(graph)
    cmp = compare_rounds(
        theory, _round_id(theory, round_from), _round_id(theory, round_to), _config(config_path)
    )
    announce(theory, [cmp.round_from, cmp.round_to], lang)
    _write(render_comparison(cmp, fmt, lang, csv_dialect), output)


@main.command(epilog=GRAPH_HELP)
@graph_argument
@reasoning_options
@output_options
@click.option(
    "--coding",
    is_flag=True,
    help="Also the coding sensitivity: the smallest set of one-step recodings that flips each verdict.",
)
@library_errors
def sensitivity(graph, round_, config_path, fmt, csv_dialect, lang, output, coding) -> None:
    """How robust the verdicts are: perturb each parameter within its range.

    Reports each node's score range, the flip point of its verdict (the smallest
    one-parameter change that flips it) and mechanism pairs whose order swaps.
    With --coding also the coding sensitivity: per verdict, the smallest set of
    one-step recodings of observations (status, basis, evidence kind) that changes
    it, with the observations. Shows progress on a terminal: this takes a while on
    a large theory.

    \b
    Example:
      beleidstheorie sensitivity --format json
    """
    fmt = _table_format(fmt, output)
    options = {"round": round_, "format": fmt, "csv": csv_dialect, "lang": lang, "coding": coding}
    key = output_key("sensitivity", graph, config_path, output, **options)
    if replay(key):  # an unchanged theory prints what it printed before (cli/result_cache.py)
        return
    from beleidstheorie.cli.progress import progress
    from beleidstheorie.reasoning.sensitivity import sensitivity as sensitivity_of
    from beleidstheorie.views.tables import render_sensitivity

    theory = _load(graph)
    announce(theory, _round_id(theory, round_), lang)
    with progress(lang, "sensitivity"):
        res = sensitivity_of(theory, _config(config_path), _round_or_latest(theory, round_))
        recoded = None
        if coding:
            from beleidstheorie.reasoning.analysis.coding import coding_sensitivity

            recoded = coding_sensitivity(theory, _config(config_path), _round_or_latest(theory, round_))
    text = render_sensitivity(res, fmt, lang, csv_dialect, recoded)
    _write(text, output)
    remember_output(key, text, announcement(theory, _round_id(theory, round_), lang))


@main.command(epilog=GRAPH_HELP)
@click.argument("sparql")
@graph_argument
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE: <iri>, bt:Term, 42, text@nl or text. Repeatable.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Stop the query after this many seconds.",
)
@output_options
@library_errors
def query(sparql, graph, params, timeout, fmt, csv_dialect, lang, output) -> None:
    """Run a SPARQL SELECT query on the theory (prefixes bt:, skos:, dcterms: ... predeclared).

    With --store and no GRAPH the query runs over every theory in the store.

    SPARQL is the query text, or @FILE to read it from a file. Values given with
    --param are bound as RDF terms, never pasted into the query. SERVICE
    (federated queries) is disabled.

    \b
    Example:
      beleidstheorie query 'SELECT ?m ?l WHERE { ?m a bt:Mechanism ; skos:prefLabel ?l }'
      beleidstheorie query 'SELECT ?i WHERE { ?c bt:toMechanism ?m ; bt:fromInitiative ?i }' \\
          --param m=<https://w3id.org/beleidstheorie/id/intensiveringsaanpak/mechanism/maatwerk>
    """
    import dataclasses

    from beleidstheorie.errors import StoreError
    from beleidstheorie.graph.query import parse_binding, run_query
    from beleidstheorie.io.files import read_text_file
    from beleidstheorie.views.tables import render_rows

    fmt = _table_format(fmt, output)
    source = sparql[1:] if sparql.startswith("@") else ""
    if source:
        sparql = read_text_file(source, limit=1024 * 1024)
    bindings = dict(parse_binding(p) for p in params)
    store = _query_store(graph)
    try:
        names, rows = run_query(store, sparql, bindings, timeout=timeout)
    except StoreError as exc:  # name the query file in the message
        raise StoreError([dataclasses.replace(p, file=p.file or source) for p in exc.problems]) from None
    _write(render_rows(names, rows, fmt, lang, csv_dialect), output)
