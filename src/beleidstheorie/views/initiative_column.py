"""The schema's column of initiatives, drawn as one table so that it reads in number order.

dot's crossing minimisation reorders the nodes of a rank inside clusters and
ignores flat edges and ``ordering=out`` there, so the initiatives of the
flagship came out as 17, 1, 9, 14, ... Drawn as the rows of one HTML-like
table, each initiative a cell with its own port, the column is in number order
by construction (1, 2, 2.1, 2.2, 2.3, 3, ...): sub-lines sit in a framed box
with their initiative, and every contribution edge leaves from its initiative's
port.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.views.structure import read_structure
>>> s = read_structure(load_theory(EXAMPLE).store)
>>> [port_of(i) for i in number_order(s.initiatives)]
['buurtkamer', 'belcirkel', 'burenhulp-training']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from beleidstheorie.views.dotparts import html_text
from beleidstheorie.views.palette import KIND_STYLES
from beleidstheorie.views.structure import Initiative, Structure
from beleidstheorie.views.wording import wrap

COLUMN = "initiatives"  # the DOT name of the table node
FAMILY_BORDER = "#7f9fbf"


def number_key(ini: Initiative) -> tuple:
    """The sort key of an initiative: its code as numbers ('2.10' after '2.9'), then its id.

    >>> from beleidstheorie.views.structure import Initiative as I
    >>> a = I(iri="a", key="a", kind="initiative", label="A", number=10, code="10")
    >>> b = I(iri="b", key="b", kind="initiative", label="B", number=2, code="2.10")
    >>> c = I(iri="c", key="c", kind="initiative", label="C", number=9, code="2.9")
    >>> [i.code for i in sorted([a, b, c], key=number_key)]
    ['2.9', '2.10', '10']
    """
    return (tuple(int(p) for p in ini.code.split(".")), _natural(ini.key))


def _natural(text: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def number_order(initiatives: Iterable[Initiative]) -> list[Initiative]:
    """``initiatives`` in number order, each initiative followed by its sub-lines."""
    return sorted(initiatives, key=number_key)


def port_of(ini: Initiative) -> str:
    """The port of an initiative's cell in the column table (its key)."""
    return ini.key


def endpoint(ini: Initiative) -> str:
    """The DOT edge end of an initiative's cell: ``initiatives:<key>:e``."""
    return f"{COLUMN}:{port_of(ini)}:e"


def _cell(ini: Initiative, width: int) -> str:
    style = KIND_STYLES["initiative"]
    text = "<BR/>".join(html_text(line) for line in wrap(f"{ini.code} {ini.label}", width))
    return (
        f'<TD PORT="{html_text(port_of(ini))}" BORDER="1" STYLE="rounded" BGCOLOR="{style.fill}" '
        f'COLOR="{style.border}" CELLPADDING="5">{text}</TD>'
    )


def column_label(s: Structure, initiatives: Sequence[Initiative], width: int = 28) -> str:
    """The HTML-like label of the column: one row per top-level initiative, in number order.

    An initiative with sub-lines (in ``initiatives``) is one row holding a framed
    table of the initiative and its sub-lines.
    """
    shown = {i.iri for i in initiatives}
    rows = []
    for top in number_order(i for i in initiatives if i.parent is None or i.parent not in shown):
        subs = number_order(i for i in s.action_lines(top) if i.iri in shown) if top.parent is None else []
        if not subs:
            rows.append(f"<TR>{_cell(top, width)}</TR>")
            continue
        inner = "".join(f"<TR>{_cell(i, width)}</TR>" for i in (top, *subs))
        rows.append(
            f'<TR><TD BORDER="1" STYLE="rounded" COLOR="{FAMILY_BORDER}" CELLPADDING="4">'
            f'<TABLE BORDER="0" CELLSPACING="6" CELLPADDING="0">{inner}</TABLE></TD></TR>'
        )
    return f'<<TABLE BORDER="0" CELLSPACING="8" CELLPADDING="0">{"".join(rows)}</TABLE>>'
