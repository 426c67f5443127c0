"""Shared pieces of the command line: options, finding and loading the theory, writing output."""

from __future__ import annotations

import dataclasses
import functools
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from beleidstheorie.errors import BeleidstheorieError, ConfigError, NotFoundError, problem
from beleidstheorie.messages import message

LANG_KEY = "beleidstheorie.lang"
QUIET_KEY = "beleidstheorie.quiet"


def message_lang() -> str:
    """The language of messages: the ``--lang`` the user gave (before or after the command).

    Without one (and without ``BELEIDSTHEORIE_LANG``) it is Dutch, like the tables: a
    command says everything in one language, Dutch unless asked otherwise.
    """
    ctx = click.get_current_context(silent=True)
    return (ctx.meta.get(LANG_KEY) if ctx is not None else None) or "nl"


def quiet() -> bool:
    """Whether ``beleidstheorie --quiet`` asked for no progress and no status lines."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get(QUIET_KEY))


def status(key: str, **values: object) -> None:
    """A status line on stderr (``wrote s.csv``) in the language of messages, unless --quiet."""
    from beleidstheorie.cli.progress import pause

    pause()
    if not quiet():
        click.echo(message(key, message_lang(), **values), err=True)


def _fail(exc: BeleidstheorieError) -> None:
    from beleidstheorie.cli.progress import pause
    from beleidstheorie.views.terminal import printable

    pause()
    lang = message_lang()
    for p in exc.problems:
        click.echo(f"{message('error', lang)}: {printable(p.in_language(lang))}", err=True)
    sys.exit(1)


def _with_source(exc: BeleidstheorieError) -> BeleidstheorieError:
    """``exc`` with the theory's file named on every problem that names no file.

    A reasoning error (an unknown node, contradictory evidence) is about the theory
    the command loaded; the message says which one.
    """
    ctx = click.get_current_context(silent=True)
    source = ctx.meta.get("beleidstheorie.source") if ctx is not None else None
    if not source or all(p.file for p in exc.problems):
        return exc
    exc.problems = [p if p.file else dataclasses.replace(p, file=source) for p in exc.problems]
    return exc


def library_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into messages on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from beleidstheorie.cli.progress import progress

        ctx = click.get_current_context(silent=True)
        task = ctx.info_name if ctx is not None and ctx.info_name else ""
        try:
            with progress(kwargs.get("lang") or message_lang(), task):
                return func(*args, **kwargs)
        except BeleidstheorieError as exc:
            _fail(_with_source(exc))
        except RecursionError:  # a last net: every reader caps nesting itself, naming the file
            _fail(BeleidstheorieError([problem("too_deep")]))
        except MemoryError:
            _fail(BeleidstheorieError([problem("out_of_memory")]))

    return wrapper


GRAPH_HELP = (
    "GRAPH is a theory folder (with theory.yaml and initiatives/), a theory.yaml (its folder is "
    "read), a single-file YAML theory, an RDF file (.ttl, .jsonld, .nt) or the name of a bundled "
    "dataset (see `beleidstheorie datasets`). Without GRAPH, the theory of the current folder or "
    "of one of its parents is used."
)


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
    return click.argument("graph", required=False, metavar="[GRAPH]")(func)


optional_output = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File to write (default: stdout); its extension chooses the format.",
)


def _load(graph: str | Path | None, check: bool = True):
    """Find the theory ``graph`` names, load it and refuse it when it is invalid.

    The check is the one ``validate`` runs (authoring model, references and the
    SHACL shapes), so every reading command refuses an invalid theory with the
    same messages.
    """
    from beleidstheorie.errors import ValidationError
    from beleidstheorie.graph.load import load_theory
    from beleidstheorie.graph.locate import locate_theory
    from beleidstheorie.graph.shacl import validate_theory

    ctx = click.get_current_context(silent=True)
    store = ctx.meta.get("beleidstheorie.store") if ctx is not None else None
    if store is not None:
        return load_theory(graph, store=store)  # what a store holds was checked when it was loaded
    from beleidstheorie.io.files import check_input_path

    located = locate_theory(None if graph is None else check_input_path(graph))
    theory = load_theory(located)
    if ctx is not None:
        ctx.meta["beleidstheorie.source"] = theory.source
    if check and (located.is_dir() or located.suffix in (".yaml", ".yml")):  # load_theory checks RDF
        problems = validate_theory(theory)
        if problems:  # only then is the YAML read again, for the lines the problems are on
            from beleidstheorie.graph.places import place_problems

            raise ValidationError(place_problems(problems, theory.source))
    return theory


def _query_store(graph: str | Path | None):
    """The store a query runs on: with --store and no GRAPH, all the theories in it."""
    ctx = click.get_current_context(silent=True)
    store = ctx.meta.get("beleidstheorie.store") if ctx is not None else None
    if store is not None and graph is None:
        from beleidstheorie.graph.load import whole_store
        from beleidstheorie.graph.stores import connect

        return whole_store(connect(store))
    return _load(graph).store


def round_label(theory: Any, round_id: str, lang: str = "nl") -> str:
    """The label of the round ``round_id`` in ``lang`` (its id when the theory has no such round)."""
    for r in theory.rounds:
        if r.id == round_id:
            return r.label_en if lang == "en" and r.label_en else r.label_nl or round_id
    return round_id


def announce(theory: Any, rounds: str | list[str] | None = None, lang: str = "nl") -> None:
    """State on stderr which theory (and round or rounds, by id) a command used."""
    from beleidstheorie.cli.progress import pause

    pause()
    if quiet():
        return
    click.echo(announcement(theory, rounds, lang), err=True)


def announcement(theory: Any, rounds: str | list[str] | None = None, lang: str = "nl") -> str:
    """The line :func:`announce` prints: the theory, where it came from, and the round(s)."""
    from beleidstheorie.graph.locate import bundled_name
    from beleidstheorie.views.wording import word

    name = bundled_name(theory.source)
    where = f"{word('bundled', lang)} {name}" if name else theory.source
    text = f"{word('theory', lang)}: {theory.label} ({where})"
    if rounds:
        ids = [rounds] if isinstance(rounds, str) else rounds
        text += f"; {word('round', lang).lower()}: " + " → ".join(round_label(theory, r, lang) for r in ids)
    return text


def replay(key: str | None) -> bool:
    """Print the output remembered under ``key`` (:mod:`.result_cache`); False when there is none."""
    from beleidstheorie.cli.result_cache import replayed

    found = replayed(key)
    if found is None:
        return False
    stdout, line = found
    from beleidstheorie.cli.progress import pause

    pause()
    if not quiet():
        click.echo(line, err=True)
    _write(stdout, None)
    return True


def output_key(
    command: str, graph: str | Path | None, config_path: Path | None, output: Path | None, **options: object
) -> str | None:
    """The key of this command's output in :mod:`.result_cache`, or None when it is not kept:
    output to a file (``-o``), the xlsx format, or a theory read from ``--store`` (whose content
    no file of ours hashes)."""
    ctx = click.get_current_context(silent=True)
    if output is not None or options.get("format") == "xlsx":
        return None
    if ctx is not None and ctx.meta.get("beleidstheorie.store") is not None:
        return None
    from beleidstheorie.cli.result_cache import output_key as key_of

    return key_of(command, graph, config_path, options)


def remember_output(key: str | None, text: str | bytes, line: str) -> None:
    """Keep ``text`` (printed on stdout) and the status ``line`` under ``key`` (None: nothing)."""
    if key is not None and isinstance(text, str):
        from beleidstheorie.cli.result_cache import remember

        remember(key, text, line)


def _write(text: str | bytes, output: Path | None) -> None:
    """Print ``text`` (control characters shown, not obeyed) or write it atomically to ``output``."""
    from beleidstheorie.cli.progress import pause
    from beleidstheorie.io.files import atomic_write
    from beleidstheorie.views.terminal import printable

    if output is None:
        if isinstance(text, bytes):
            raise NotFoundError([problem("binary_format")])
        pause()
        click.echo(printable(text), nl=not text.endswith("\n"))
        return
    atomic_write(output, text)
    status("wrote", path=output)


def choose_format(fmt: str | None, output: Path | None, by_suffix: dict[str, str], default: str) -> str:
    """The output format: ``--format`` if given, else the extension of ``-o``, else ``default``.

    A ``--format`` that contradicts the extension of ``-o`` is refused, and so is an
    extension that names no format, rather than writing one format under another's name.

    >>> choose_format(None, Path("s.csv"), {".csv": "csv", ".json": "json"}, "table")
    'csv'
    >>> choose_format("json", None, {".csv": "csv"}, "table")
    'json'
    """
    suffix = output.suffix.lower() if output is not None else ""
    from_suffix = by_suffix.get(suffix)
    if output is not None and suffix and from_suffix is None:
        known = ", ".join(sorted(by_suffix))
        if fmt is None:
            raise NotFoundError(
                [problem("no_format_for_extension", output=output, suffix=repr(suffix), known=known)]
            )
        return fmt
    if fmt is not None and from_suffix is not None and fmt != from_suffix:
        raise NotFoundError([problem("format_mismatch", output=output, fmt=fmt, suffix=repr(suffix))])
    return fmt or from_suffix or default


TABLE_FORMATS = ("table", "json", "csv", "xlsx")
TABLE_SUFFIXES = {".txt": "table", ".json": "json", ".csv": "csv", ".xlsx": "xlsx"}
CSV_DIALECTS = ("rfc", "excel-nl")
FORMATS = TABLE_FORMATS  # the formats of every table command


def _table_format(fmt: str | None, output: Path | None) -> str:
    """The format of a table command: ``--format``, else the extension of ``-o``, else ``table``.

    >>> _table_format(None, Path("scores.xlsx"))
    'xlsx'
    """
    return choose_format(fmt, output, TABLE_SUFFIXES, "table")


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="TOML file overriding the reasoning parameters (see docs/method.md).",
)
round_option = click.option(
    "--round", "round_", help="Measurement round (id, number or label); default: the latest."
)


def _remember_lang(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``--lang`` after the command wins; before it (``beleidstheorie --lang en score``) it applies too."""
    if ctx.get_parameter_source(param.name or "lang") is ParameterSource.DEFAULT:
        return ctx.meta.get(LANG_KEY) or value
    ctx.meta[LANG_KEY] = value
    return value


lang_option = click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    callback=_remember_lang,
    help="Language of headers, notes, labels and messages (Dutch unless --lang en).",
)


def required_output(help_text: str) -> Callable[..., Any]:
    """A required -o/--output option for commands that write a file."""
    return click.option(
        "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True, help=help_text
    )


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(TABLE_FORMATS),
    default=None,
    help="table, json, csv or xlsx (default: from the extension of -o, else table).",
)
csv_option = click.option(
    "--csv",
    "csv_dialect",
    type=click.Choice(CSV_DIALECTS),
    default="rfc",
    show_default=True,
    help="CSV dialect: rfc (commas, decimal points) or excel-nl (semicolons, decimal commas, "
    "byte-order mark: opens correctly in Dutch Excel).",
)


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--format, --csv, --lang and -o shared by the commands that print tables."""
    for option in (optional_output, lang_option, csv_option, format_option):
        func = option(func)
    return func


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
            raise ConfigError([problem("toml_nested", str(path))]) from None
        except tomllib.TOMLDecodeError:
            pass  # the loader reports it with its place
    return load_config(path)
