"""A sign of life on stderr for work that can take more than two seconds.

Only when stderr is a terminal: pipes, files and CI logs stay clean. The line
(``gevoeligheid … 12 s``) appears after two seconds and is erased when the work ends.
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
    "sensitivity": ("gevoeligheid berekenen", "computing sensitivity"),
    "interactive": ("scores per meting berekenen", "scoring every round"),
    "validate": ("controleren", "validating"),
}
SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


@contextmanager
def progress(lang: str = "nl", task: str = "sensitivity", stream: TextIO | None = None) -> Iterator[None]:
    """Show elapsed time on ``stream`` (default stderr) while the block runs, if it is a terminal.

    >>> import io
    >>> out = io.StringIO()
    >>> with progress("en", "sensitivity", out):
    ...     pass
    >>> out.getvalue()
    ''
    """
    stream = sys.stderr if stream is None else stream
    if not getattr(stream, "isatty", lambda: False)():
        yield
        return
    label = LABELS.get(task, (task, task))[1 if lang == "en" else 0]
    done = threading.Event()
    shown = threading.Event()
    start = time.monotonic()

    def tick() -> None:
        if done.wait(DELAY):
            return
        k = 0
        while not done.is_set():
            elapsed = time.monotonic() - start
            stream.write(f"\r{SPINNER[k % len(SPINNER)]} {label} … {elapsed:.0f} s ")
            stream.flush()
            shown.set()
            k += 1
            done.wait(TICK)

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        if shown.is_set():
            stream.write("\r\033[K")
            stream.flush()
