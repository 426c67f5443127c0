"""The ``beleidstheorie`` command line: a thin layer over the library.

Each command loads a theory, calls one library function and prints one view.
Library errors become a clear message and exit status 1, never a traceback.
Commands live in one module per topic; importing this package registers them all.

A command runs with one BLAS thread unless ``OPENBLAS_NUM_THREADS`` (or
``OMP_NUM_THREADS``) says otherwise: the engine's tables are small and OpenBLAS's
worker threads, started when numpy is imported, cost 0.06 s CPU per process spinning
(``/usr/bin/time python -c "import numpy"``: 0.13 s CPU against 0.07 s with one thread,
the same wall time); when sampling, the engine holds BLAS to one thread anyway.
"""

from __future__ import annotations

import os

if "OMP_NUM_THREADS" not in os.environ:  # before numpy is imported by any command
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from beleidstheorie.cli import (
    authoring_commands,
    list_commands,
    next_command,
    reasoning_commands,
    store_commands,
    theory_commands,
    view_commands,
)
from beleidstheorie.cli.group import main

__all__ = [
    "authoring_commands",
    "list_commands",
    "main",
    "next_command",
    "reasoning_commands",
    "store_commands",
    "theory_commands",
    "view_commands",
]

if __name__ == "__main__":  # pragma: no cover
    main()
