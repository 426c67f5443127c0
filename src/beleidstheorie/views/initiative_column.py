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


GROUP_ABOVE = 60
"""Above this many initiatives the schema draws one counted group per sub-goal (``expand`` draws all)."""

GROUP_WORDS = {
    "nl": ("{n} initiatieven voor", "nrs. {numbers}", "{n} initiatieven"),
    "en": ("{n} initiatives for", "nos. {numbers}", "{n} initiatives"),
}


def number_ranges(numbers: Iterable[int]) -> str:
    """Initiative numbers as ranges: '1–3, 7, 9–10'.

    >>> number_ranges([9, 1, 2, 3, 7, 10])
    '1–3, 7, 9–10'
    """
    spans: list[list[int]] = []
    for n in sorted(set(numbers)):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in spans)


def group_of(subgoal_key: str) -> str:
    """The DOT name of the counted group of initiatives feeding one sub-goal."""
    return f"group/{subgoal_key}"


def grouped_label(s: Structure, subgoal, lang: str = "nl") -> str:
    """The label of a sub-goal's group: how many initiatives feed it, their numbers and the sub-goal."""
    head, nums, _ = GROUP_WORDS["en" if lang == "en" else "nl"]
    feeding = feeding_initiatives(s, subgoal)
    numbers = number_ranges(s.family(i)[0].number for i in feeding)  # type: ignore[arg-type]
    lines = [head.format(n=len(feeding)), *wrap(subgoal.label, 30), *wrap(nums.format(numbers=numbers), 34)]
    return "<BR/>".join(html_text(line) for line in lines)


def feeding_initiatives(s: Structure, subgoal) -> list[Initiative]:
    """The initiatives (and action lines) that contribute to a mechanism under ``subgoal``."""
    mechs = {m.iri for m in s.mechanisms_of(subgoal)}
    iris = {c.initiative for c in s.contributions if c.mechanism in mechs}
    return number_order(i for i in s.initiatives if i.iri in iris)


def group_edges(s: Structure, subgoal) -> list[tuple[str, int, bool]]:
    """(mechanism IRI, number of contributing initiatives, any stated) per mechanism of ``subgoal``."""
    out = []
    for m in s.mechanisms_of(subgoal):
        cons = [c for c in s.contributions if c.mechanism == m.iri]
        if cons:
            out.append((m.iri, len({c.initiative for c in cons}), any(c.stated for c in cons)))
    return out
