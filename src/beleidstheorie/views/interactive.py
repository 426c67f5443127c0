"""The interactive page under its first name: the code is the package :mod:`beleidstheorie.views.page`.

>>> from beleidstheorie.views.page import write_interactive as current
>>> write_interactive is current
True
"""

from beleidstheorie.views.page import (
    build_network,
    interactive_html,
    keep_for_initiative,
    keep_for_subgoal,
    keep_insufficient,
    page_data,
    round_changes,
    write_interactive,
)

__all__ = [
    "build_network",
    "interactive_html",
    "keep_for_initiative",
    "keep_for_subgoal",
    "keep_insufficient",
    "page_data",
    "round_changes",
    "write_interactive",
]
