"""``beleidstheorie next``: what to measure in the next monitoring round."""

from __future__ import annotations

import click

from beleidstheorie.cli.common import (
    _config,
    _load,
    _table_format,
    _write,
    announce,
    graph_argument,
    library_errors,
    output_options,
    reasoning_options,
)
from beleidstheorie.cli.group import main


@main.command("next")
@graph_argument
@reasoning_options
@click.option("--top", default=5, show_default=True, help="Measurements listed per undecided node.")
@output_options
@library_errors
def next_(graph, round_, config_path, top, fmt, csv_dialect, lang, output) -> None:
    """For every undecided mechanism and goal, the measurements that would most change it.

    Candidates are existing indicators without an informative observation and
    mechanisms or goals no indicator observes; each is ranked by the probability that
    its outcome flips the verdict, with who would measure it and which evidence kinds
    would matter.

    \b
    Example:
      beleidstheorie next --format csv -o volgende-meting.csv
    """
    from beleidstheorie.reasoning.analysis.next import next_measurements
    from beleidstheorie.views.next_table import render_next

    fmt = _table_format(fmt, output)
    theory = _load(graph)
    result = next_measurements(theory, _config(config_path), round_, top=top)
    announce(theory, result.round, lang)
    _write(render_next(result, fmt, lang, csv_dialect), output)
