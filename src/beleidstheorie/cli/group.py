"""The ``beleidstheorie`` command group."""

from __future__ import annotations

import click

from beleidstheorie import __version__


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
