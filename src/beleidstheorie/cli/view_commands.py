"""Commands that draw: render, interactive."""

from __future__ import annotations

import click

from beleidstheorie.cli.common import (
    GRAPH_HELP,
    _config,
    _load,
    announce,
    config_option,
    graph_argument,
    lang_option,
    library_errors,
    reasoning_options,
    required_output,
    status,
    store_option,
)
from beleidstheorie.cli.group import main

# -- views -------------------------------------------------------------------------
DIAGRAM_SUFFIXES = (".svg", ".png", ".pdf", ".dot")


@main.command(epilog=GRAPH_HELP)
@click.argument("kind", type=click.Choice(["schema", "samenhang", "initiative", "matrix"]))
@click.argument("args", nargs=-1, metavar="[NAME] [GRAPH]")
@required_output("File to write: .svg, .png, .pdf or .dot (DOT source); matrix also .xlsx.")
@click.option("--evidence", is_flag=True, help="Draw mechanisms and goals with their verdicts and scores.")
@click.option(
    "--paper",
    "paper_name",
    type=click.Choice(["A4", "A3"], case_sensitive=False),
    help="Fit to this paper (.pdf or .svg), text never below 7 pt; the schema splits per sub-goal if needed.",
)
@click.option("--landscape", is_flag=True, help="With --paper: landscape instead of portrait.")
@click.option(
    "--expand",
    is_flag=True,
    help="Schema: draw every initiative, also above 60 (then one counted group per sub-goal).",
)
@reasoning_options
@lang_option
@store_option
@library_errors
def render(kind, args, output, evidence, paper_name, landscape, expand, round_, config_path, lang) -> None:
    """Draw a diagram with graphviz: the schema, the samenhang, or one initiative.

    KIND is schema (the whole theory: input, initiatives, werkzame mechanismen,
    sub-goals, main goal and context), samenhang (initiatives and their links),
    initiative NAME (one initiative's own theory; NAME is its id, label or a piece of one)
    or matrix (initiatives x mechanisms: each contribution and the state of its
    evidence in the round; always scored). The format follows the suffix of -o.

    \b
    Example:
      beleidstheorie render schema --evidence -o schema.svg
      beleidstheorie render initiative schuldenknooppunt -o skp.png
      beleidstheorie render matrix -o matrix.xlsx
      beleidstheorie render schema --evidence --paper A3 --landscape -o schema.pdf
    """
    from beleidstheorie.errors import NotFoundError, problem

    suffixes = (*DIAGRAM_SUFFIXES, ".xlsx") if kind == "matrix" else DIAGRAM_SUFFIXES
    if landscape and not paper_name:
        raise NotFoundError([problem("landscape_needs_paper")])
    if output.suffix not in suffixes:
        raise NotFoundError([problem("unknown_diagram_format", output=output, known=", ".join(suffixes))])
    name = None
    rest = list(args)
    if kind == "initiative":
        if not rest:
            raise NotFoundError([problem("initiative_needs_name")])
        name = rest.pop(0)
    if len(rest) > 1:
        raise NotFoundError([problem("unexpected_arguments", args=" ".join(rest[1:]))])
    theory = _load(rest[0] if rest else None)
    if name is not None:
        from beleidstheorie.authoring.names import resolve_entry
        from beleidstheorie.graph.outline import outline

        name = resolve_entry(outline(theory).find(("initiatives",)), name, ("initiatives",)).id
    result = None
    if evidence or kind == "matrix":
        from beleidstheorie.reasoning.score import score as score_theory

        result = score_theory(theory, _config(config_path), round_, explain=True)
    announce(theory, result.round if result else None, lang)
    if kind == "matrix":
        from beleidstheorie.views.matrix import render_matrix

        render_matrix(theory, result, output, lang=lang, paper_name=paper_name, landscape=landscape)
        status("wrote", path=output)
        return
    from beleidstheorie.views.diagram import render_diagram

    render_diagram(
        theory,
        kind,
        output,
        result=result,
        lang=lang,
        initiative=name,
        paper_name=paper_name and paper_name.upper(),
        landscape=landscape,
        expand=expand,
    )
    status("wrote", path=output)


@main.command(epilog=GRAPH_HELP)
@graph_argument
@required_output("The HTML file to write.")
@click.option("--physics", is_flag=True, help="Free physics layout instead of left-to-right columns.")
@click.option(
    "--next/--no-next",
    "with_next",
    default=True,
    show_default=True,
    help="Say in each undecided node's panel what to measure next (as `beleidstheorie next`).",
)
@config_option
@lang_option
@library_errors
def interactive(graph, output, physics, with_next, config_path, lang) -> None:
    """Write an interactive graph (one self-contained HTML file, works offline).

    Hover a node for its score, verdict and evidence; click it for a panel with the
    evidence, its impact and what to measure next; filter by sub-goal, initiative,
    round or insufficient evidence.

    \b
    Example:
      beleidstheorie interactive -o intensiveringsaanpak.html
    """
    from beleidstheorie.cli.progress import progress
    from beleidstheorie.reasoning.analysis.next import score_and_next
    from beleidstheorie.reasoning.network import read_network
    from beleidstheorie.reasoning.score import score as score_theory
    from beleidstheorie.views.page import write_interactive

    theory = _load(graph)
    config = _config(config_path)
    network = read_network(theory.store)  # read once for every round's score
    rounds = network.rounds
    with progress(lang, "interactive"):
        last = max(rounds, key=lambda r: r.number).id if rounds else None
        planned = None
        by_round = {
            r.id: score_theory(theory, config, r.id, network=network)
            for r in rounds
            if r.id != last or not with_next
        }
        if last is not None and with_next:  # the latest round's score and plan from one evaluation
            by_round[last], planned = score_and_next(theory, config, last, network=network)
        by_round = {r.id: by_round[r.id] for r in rounds}
        latest = by_round[last] if last is not None else None
    announce(theory, latest.round if latest else None, lang)
    write_interactive(
        theory,
        output,
        result=latest,
        results_by_round=by_round,
        lang=lang,
        physics=physics,
        next_result=planned,
    )
    status("wrote", path=output)
