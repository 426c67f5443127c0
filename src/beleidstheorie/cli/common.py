"""Shared pieces of the command line: options, loading, writing, error handling."""

from __future__ import annotations

import functools
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from beleidstheorie.errors import BeleidstheorieError, ConfigError, Problem


def _fail(exc: BeleidstheorieError) -> None:
    from beleidstheorie.views.terminal import printable

    for problem in exc.problems:
        click.echo(f"error: {printable(str(problem))}", err=True)
    sys.exit(1)


def library_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into messages on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BeleidstheorieError as exc:
            _fail(exc)
        except RecursionError:  # a last net: every reader caps nesting itself, naming the file
            _fail(BeleidstheorieError("the input is nested too deeply to read"))
        except MemoryError:
            _fail(BeleidstheorieError("out of memory: the input is too large"))

    return wrapper


def _remember_store(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    ctx.meta["beleidstheorie.store"] = value


store_option = click.option(
    "--store",
    metavar="STORE",
    expose_value=False,
    callback=_remember_store,
    envvar="BELEIDSTHEORIE_STORE",
    help="Read the theory from a store: a directory made by `beleidstheorie load`, or "
    "sparql+http(s)://host/path of a SPARQL 1.1 server. GRAPH then names a theory in it (id, IRI or label).",
)
"""--store for every reading command; :func:`_load` picks it up from the click context."""


def graph_argument(func: Callable[..., Any]) -> Callable[..., Any]:
    """The optional GRAPH argument and the --store option that goes with it."""
    func = store_option(func)
    return click.argument("graph", required=False, type=click.Path(path_type=Path), metavar="[GRAPH]")(func)


optional_output = click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File to write (default: stdout)."
)


def _load(graph: Path | None):
    from beleidstheorie.graph.load import load_theory

    ctx = click.get_current_context(silent=True)
    store = ctx.meta.get("beleidstheorie.store") if ctx is not None else None
    return load_theory(graph, store=store)


def _query_store(graph: Path | None):
    """The store a query runs on: with --store and no GRAPH, all the theories in it."""
    ctx = click.get_current_context(silent=True)
    store = ctx.meta.get("beleidstheorie.store") if ctx is not None else None
    if store is not None and graph is None:
        from beleidstheorie.graph.load import whole_store
        from beleidstheorie.graph.stores import connect

        return whole_store(connect(store))
    return _load(graph).store


def _write(text: str, output: Path | None) -> None:
    """Print ``text`` (control characters shown, not obeyed) or write it atomically to ``output``."""
    from beleidstheorie.io.files import atomic_write
    from beleidstheorie.views.terminal import printable

    if output is None:
        click.echo(printable(text), nl=not text.endswith("\n"))
    else:
        atomic_write(output, text)
        click.echo(f"wrote {output}", err=True)


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
    from beleidstheorie.io.files import read_text_file
    from beleidstheorie.reasoning.config import load_config

    if path is not None:
        # refused here before the loader opens the file: a FIFO, a device, a huge file, and
        # TOML nested beyond Python's recursion limit (tomllib is recursive)
        text = read_text_file(path, limit=1024 * 1024)
        try:
            tomllib.loads(text)
        except RecursionError:
            raise ConfigError([Problem(str(path), "", "malformed TOML: nested too deeply")]) from None
        except tomllib.TOMLDecodeError:
            pass  # the loader reports it with its place
    return load_config(path)
