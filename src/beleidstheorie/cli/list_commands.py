"""Commands that show what a theory holds: list."""

from __future__ import annotations

import click

from beleidstheorie.cli.common import (
    GRAPH_HELP,
    TABLE_SUFFIXES,
    _load,
    _write,
    announce,
    choose_format,
    graph_argument,
    library_errors,
    output_options,
)
from beleidstheorie.cli.group import main

LIST_KINDS = ("mechanisms", "goals", "initiatives", "indicators", "rounds")


@main.command("list", epilog=GRAPH_HELP)
@click.argument("what", type=click.Choice(LIST_KINDS), required=False, default="mechanisms")
@graph_argument
@output_options
@library_errors
def list_(what, graph, fmt, csv_dialect, lang, output) -> None:
    """List the ids and labels of the theory's mechanisms, goals, initiatives, indicators or rounds.

    Every command that takes a name accepts the id, the label, or a piece of
    exactly one label.

    \b
    Example:
      beleidstheorie list mechanisms
      beleidstheorie list indicators intensiveringsaanpak --format csv
    """
    from beleidstheorie.graph.outline import outline
    from beleidstheorie.views.tables import render_rows
    from beleidstheorie.views.wording import word

    fmt = choose_format(fmt, output, TABLE_SUFFIXES, "table")
    theory = _load(graph)
    announce(theory, None, lang)
    entries = outline(theory).entries[what]
    headers = ["kind", "id", "label", "parent", "detail"]
    rows = [
        [
            e.kind,
            e.id,
            e.label_en if lang == "en" and e.label_en else e.label,
            e.parent or None,
            e.detail or None,
        ]
        for e in entries
    ]
    if fmt == "table":
        rows = [[word(f"kind_{r[0]}", lang), *r[1:]] for r in rows]
        headers = [word(f"col_{h}", lang) for h in headers]
    _write(render_rows(headers, rows, fmt, lang, csv_dialect, "sheet_list"), output)
