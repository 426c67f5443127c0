"""Commands on stores and scale: load, generate, cache."""

from __future__ import annotations

from pathlib import Path

import click

from beleidstheorie.cli.common import lang_option, library_errors, message_lang, required_output, status
from beleidstheorie.cli.group import main
from beleidstheorie.messages import message


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--store",
    "store",
    required=True,
    metavar="STORE",
    help="A store directory (created when new) or sparql+http(s)://host/path of a SPARQL 1.1 server.",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=0.0,
    show_default=True,
    help="Seconds to wait when another process is loading into the same store directory.",
)
@lang_option
@library_errors
def load(graph: Path, store: str, wait: float, lang: str) -> None:
    """Load a theory (YAML, Turtle, JSON-LD, N-Triples, N-Quads) into a store.

    The theory goes into its own named graph, its observations into one graph per
    measurement round; a theory loaded before is replaced, other theories stay.
    Every reading command then takes --store STORE.

    \b
    Example:
      beleidstheorie load graphs/intensiveringsaanpak --store data/theories
      beleidstheorie score --store data/theories intensiveringsaanpak
    """
    from beleidstheorie.graph.load import load_into

    report = load_into(store, graph, wait=wait)
    said = message(
        "loaded",
        message_lang(),
        theory=report.theory,
        store=report.store,
        triples=report.triples,
        graphs=len(report.graphs),
    )
    click.echo(said)


@main.command()
@click.option("--initiatives", type=click.IntRange(min=1), default=19, show_default=True)
@click.option("--indicators-per-initiative", type=click.IntRange(min=1), default=4, show_default=True)
@click.option("--mechanisms", type=click.IntRange(min=1), default=12, show_default=True)
@click.option("--rounds", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@required_output("File to write: .yaml (authoring format) or .nt (N-Triples).")
@library_errors
def generate(initiatives, indicators_per_initiative, mechanisms, rounds, seed, output) -> None:
    """Write a seeded synthetic theory of realistic shape, for benchmarks and scale tests.

    3–5 sub-goals, MECHANISMS mechanisms, contributions of 1–4 mechanisms per
    initiative, every status, basis and source. The same options give the same file.

    \b
    Example:
      beleidstheorie generate --initiatives 2000 --indicators-per-initiative 6 --rounds 4 -o big.nt
    """
    from beleidstheorie.errors import RenderError, problem
    from beleidstheorie.graph.generate import generate_ntriples, generate_theory
    from beleidstheorie.io.files import os_problem

    if output.suffix not in (".yaml", ".yml", ".nt"):
        raise RenderError([problem("generate_format", output=output)])
    theory = generate_theory(initiatives, indicators_per_initiative, mechanisms, rounds, seed)
    try:
        if output.suffix == ".nt":
            import os
            import tempfile

            # streamed (a large theory does not fit one bytes object), yet atomic: a temporary
            # file beside the target replaces it only when it is complete
            fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as out:
                    for part in generate_ntriples(theory):
                        out.write(part)
                    out.flush()
                    os.fsync(out.fileno())
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 is not what a plain write gives
                os.replace(tmp, output)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        else:
            from beleidstheorie.io.files import atomic_write
            from beleidstheorie.io.theory_yaml import generate_theory_yaml

            atomic_write(output, generate_theory_yaml(theory))
    except OSError as exc:
        raise RenderError([os_problem(str(output), exc)]) from None
    status("wrote", path=output)


@main.command()
@click.option("--clear", is_flag=True, help="Remove every entry; the next commands make them again.")
@lang_option
@library_errors
def cache(clear: bool, lang: str) -> None:
    """Show where the cache is, what it holds and its bounds, or clear it.

    The cache keeps each YAML theory's store, the validity of its files and the
    output of score and sensitivity, so an unchanged theory answers at once. It is
    bounded: every write removes the least recently used entries beyond
    BELEIDSTHEORIE_CACHE_MAX_MB megabytes (default 1024) or 5000 entries; a removed
    entry is simply made again. BELEIDSTHEORIE_CACHE_DIR moves it and
    BELEIDSTHEORIE_NO_CACHE=1 switches it off.

    \b
    Example:
      beleidstheorie cache
      beleidstheorie cache --clear
    """
    from beleidstheorie.graph import cache_folder

    lang = message_lang()
    if cache_folder.cache_dir() is None:
        click.echo(message("cache_off", lang))
        return
    if clear:
        gone = cache_folder.clear()
        said = message(
            "cache_cleared", lang, entries=gone.entries, size=_megabytes(gone.bytes), folder=gone.folder
        )
    else:
        now = cache_folder.usage()
        said = message(
            "cache_usage",
            lang,
            folder=now.folder,
            entries=now.entries,
            size=_megabytes(now.bytes),
            limit=_megabytes(now.max_bytes),
            max_entries=now.max_entries,
        )
    click.echo(said)


def _megabytes(size: int) -> str:
    """``size`` bytes in megabytes, one decimal (``0.0`` for an empty cache).

    >>> _megabytes(2_345_678)
    '2.3 MB'
    """
    return f"{size / 1_000_000:.1f} MB"
