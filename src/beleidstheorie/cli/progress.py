"""A sign of life on stderr for work that can take more than two seconds.

Only when stderr is a terminal: pipes, files and CI logs stay clean, and so does
``beleidstheorie --quiet``. The line (``⠙ scores berekenen … 3 s``) appears after two
seconds and is erased when the work ends or when the command writes to the terminal.
Every command runs inside one (see :func:`beleidstheorie.cli.common.library_errors`);
a block inside a running one adds no second line.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

DELAY = 2.0
TICK = 0.5
LABELS = {
    "score": ("scores berekenen", "scoring"),
    "coverage": ("dekking tellen", "counting coverage"),
    "explain": ("bewijs naspeuren", "tracing the evidence"),
    "compare": ("metingen vergelijken", "comparing rounds"),
    "next": ("volgende metingen kiezen", "choosing the next measurements"),
    "sensitivity": ("gevoeligheid berekenen", "computing sensitivity"),
    "render": ("tekenen", "drawing"),
    "interactive": ("scores per meting berekenen", "scoring every round"),
    "validate": ("controleren", "validating"),
    "load": ("in de opslag laden", "loading into the store"),
    "export": ("exporteren", "exporting"),
    "query": ("query uitvoeren", "running the query"),
    "list": ("theorie lezen", "reading the theory"),
    "generate": ("theorie genereren", "generating a theory"),
}
WORKING = ("bezig", "working")
SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


def label(task: str, lang: str = "nl") -> str:
    """The words of the progress line for ``task`` in ``lang``.

    >>> label("score"), label("score", "en"), label("something-new", "en")
    ('scores berekenen', 'scoring', 'working')
    """
    return LABELS.get(task, WORKING)[1 if lang == "en" else 0]


class _Ticker:
    """The thread that redraws the progress line until it is stopped."""

    def __init__(self, stream: TextIO, text: str, delay: float) -> None:
        self.stream, self.text, self.delay = stream, text, delay
        self.done = threading.Event()
        self.shown = False
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        start = time.monotonic()
        if self.done.wait(self.delay):
            return
        k = 0
        while not self.done.is_set():
            elapsed = time.monotonic() - start
            self.stream.write(f"\r{SPINNER[k % len(SPINNER)]} {self.text} … {elapsed:.0f} s ")
            self.stream.flush()
            self.shown = True
            k += 1
            self.done.wait(TICK)

    def stop(self) -> None:
        """End the line (idempotent): wait for the thread, then erase what it drew."""
        self.done.set()
        if self.thread.is_alive():
            self.thread.join()
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


_running: list[_Ticker] = []


def _quiet() -> bool:
    import click

    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get("beleidstheorie.quiet"))


@contextmanager
def progress(
    lang: str = "nl", task: str = "sensitivity", stream: TextIO | None = None, delay: float = DELAY
) -> Iterator[None]:
    """Show elapsed time on ``stream`` (default stderr) while the block runs, if it is a terminal.

    >>> import io
    >>> out = io.StringIO()
    >>> with progress("en", "sensitivity", out):
    ...     pass
    >>> out.getvalue()
    ''
    """
    stream = sys.stderr if stream is None else stream
    busy = any(not t.done.is_set() for t in _running)
    if busy or _quiet() or not getattr(stream, "isatty", lambda: False)():
        yield
        return
    ticker = _Ticker(stream, label(task, lang), delay)
    _running.append(ticker)
    ticker.thread.start()
    try:
        yield
    finally:
        ticker.stop()
        _running.remove(ticker)


def pause() -> None:
    """Erase the progress line for good before the command writes to the terminal."""
    for ticker in _running:
        ticker.stop()
