"""The ``beleidstheorie`` command line: a thin layer over the library.

Each command loads a theory, calls one library function and prints one view.
Library errors become a clear message and exit status 1, never a traceback.
Commands live in one module per topic; importing this package registers them all.
"""

from __future__ import annotations

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
