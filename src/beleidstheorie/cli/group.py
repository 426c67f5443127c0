"""The ``beleidstheorie`` command group."""

from __future__ import annotations

import click

from beleidstheorie import __version__
from beleidstheorie.cli.language import LangGroup, context_lang
from beleidstheorie.messages import message


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        said = message("cl_version", context_lang(ctx), prog="beleidstheorie", version=__version__)
        click.echo(said)
        ctx.exit()


@click.group(cls=LangGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    envvar="BELEIDSTHEORIE_LANG",
    help="Language of every table, note and message of the command: Dutch unless en (its own --lang wins).",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    envvar="BELEIDSTHEORIE_QUIET",
    help="No progress line and no status lines on stderr (errors are still printed).",
)
@click.pass_context
def main(ctx: click.Context, lang: str | None, quiet: bool) -> None:
    """Theory-based policy evaluation on an RDF knowledge graph.

    A policy theory (beleidstheorie) links inputs and initiatives through werkzame
    mechanismen to sub-goals and a main goal, with indicators observed per
    measurement round. Commands find the theory as git finds its repository: the
    theory.yaml of the current folder or of one of its parents. Or name one as
    GRAPH: a theory folder, a theory.yaml, a YAML or RDF file (.ttl, .jsonld, .nt),
    or a bundled dataset (`beleidstheorie datasets`). Start your own with
    `beleidstheorie init DIR`.

    \b
    Example:
      beleidstheorie init mijn-theorie && cd mijn-theorie
      beleidstheorie validate
      beleidstheorie score -o scores.xlsx
      beleidstheorie score intensiveringsaanpak
      beleidstheorie --lang en --quiet score -o scores.csv
    """
    ctx.meta["beleidstheorie.lang"] = lang
    ctx.meta["beleidstheorie.quiet"] = quiet
