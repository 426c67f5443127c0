"""Commands for writing a theory: init, schema."""

from __future__ import annotations

from pathlib import Path

import click

from beleidstheorie.cli.common import (
    _write,
    lang_option,
    library_errors,
    message_lang,
    optional_output,
    status,
)
from beleidstheorie.cli.group import main
from beleidstheorie.messages import message


@main.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@lang_option
@library_errors
def init(folder: Path, lang: str) -> None:
    """Write a commented starter theory into FOLDER that validates and scores.

    The starter has a main goal, two sub-goals, two mechanisms, a context factor,
    two measurement rounds and two initiatives (in initiatives/) with indicators,
    and the JSON Schemas its files name for editor completion. Replace the
    content with your own programme.

    \b
    Example:
      beleidstheorie init mijn-theorie
      cd mijn-theorie && beleidstheorie validate && beleidstheorie score
    """
    from beleidstheorie.authoring.schema import write_starter

    for path in write_starter(folder):
        status("wrote", path=path)
    command = f"cd {folder} && beleidstheorie validate && beleidstheorie score"
    click.echo(message("next_steps", message_lang(), command=command))


@main.command()
@click.argument("document", type=click.Choice(["theory", "initiative"]), default="theory", required=False)
@optional_output
@library_errors
def schema(document: str, output: Path | None) -> None:
    """Print the JSON Schema of a theory.yaml or of one initiative file.

    Editors with the YAML language server complete and check fields when a file
    starts with `# yaml-language-server: $schema=PATH` (the starter's files do).

    \b
    Example:
      beleidstheorie schema -o theory.schema.json
      beleidstheorie schema initiative
    """
    from beleidstheorie.authoring.schema import generate_json_schema

    _write(generate_json_schema(document), output)
