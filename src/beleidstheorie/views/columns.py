"""Column positions for the interactive view: the report's left-to-right layout.

Each kind of node has a column (its *level*): input, initiatives, mechanisms,
sub-goals, main goal. Initiatives and mechanisms are stacked one row each
(:data:`ROW_HEIGHT`) in theory order (mechanisms grouped per sub-goal), each
column centred on the tallest; a sub-goal sits level with the middle of its
mechanisms, the main goal with the middle of the sub-goals. Context factors form a band beneath,
one row per level, as in the report's figure.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.views.structure import read_structure
>>> s = read_structure(load_theory(EXAMPLE).store)
>>> layout = column_layout(s)
>>> sorted({x for x, _ in layout.positions.values()})
[0, 330, 660, 990, 1320]
>>> [h.text for h in layout.headers][:2]
['Input', 'Activiteiten']
"""

from __future__ import annotations

from dataclasses import dataclass

from beleidstheorie.views.structure import CONTEXT_LEVELS, Structure
from beleidstheorie.views.wording import word

COLUMN_WIDTH = 330
ROW_HEIGHT = {"input": 90, "initiative": 92, "mechanism": 100, "subgoal": 120, "main_goal": 200}
"""The rows of each column (px on the canvas); an initiative's box with three label lines and its
verdict line is 88 px high in Chromium, so its row leaves a gap to the next."""
BAND_GAP = 170
BAND_ROW = 150
LEVELS = {"input": 0, "initiative": 1, "mechanism": 2, "subgoal": 3, "main_goal": 4}


@dataclass(frozen=True)
class Header:
    """A text drawn on the canvas above a column or a row of the context band."""

    text: str
    x: float
    y: float
    align: str = "center"


@dataclass(frozen=True)
class ColumnLayout:
    """Positions of every node (by IRI) and the headers to draw."""

    positions: dict[str, tuple[float, float]]
    headers: tuple[Header, ...]


def _stack(iris: list[str], row: float, height: float) -> dict[str, float]:
    top = (height - row * len(iris)) / 2
    return {iri: top + row * (i + 0.5) for i, iri in enumerate(iris)}


def _spread(iris: list[str], height: float) -> dict[str, float]:
    if not iris:
        return {}
    step = height / len(iris)
    return {iri: step * (i + 0.5) for i, iri in enumerate(iris)}


def column_height(s: Structure) -> int:
    """The height of the columns: that of the tallest (see :func:`column_layout`).

    >>> from beleidstheorie.graph.load import load_theory
    >>> from beleidstheorie.views.structure import read_structure
    >>> column_height(read_structure(load_theory(EXAMPLE).store))
    400
    """
    return max(
        len(s.initiatives) * ROW_HEIGHT["initiative"],
        len(s.mechanisms) * ROW_HEIGHT["mechanism"],
        len(s.subgoals) * ROW_HEIGHT["subgoal"],
        ROW_HEIGHT["main_goal"],
    )


def column_layout(s: Structure) -> ColumnLayout:
    """Where to put each node of ``s`` (see the module docstring).

    Grouped, the page lays out its columns itself from the same rows
    (:mod:`beleidstheorie.views.page.groups`).
    """
    initiatives = [i.iri for i in s.initiatives]
    mechanisms = [m.iri for sg in s.subgoals for m in s.mechanisms_of(sg)]
    height = column_height(s)
    y = {
        **_stack(initiatives, ROW_HEIGHT["initiative"], height),
        **_stack(mechanisms, ROW_HEIGHT["mechanism"], height),
    }
    for sg in s.subgoals:
        own = [y[m.iri] for m in s.mechanisms_of(sg)]
        y[sg.iri] = sum(own) / len(own) if own else height / 2
    y.update(_spread([sg.iri for sg in s.subgoals if not s.mechanisms_of(sg)], height))
    subgoal_ys = [y[sg.iri] for sg in s.subgoals]
    y[s.main_goal.iri] = sum(subgoal_ys) / len(subgoal_ys) if subgoal_ys else height / 2
    y.update(_spread([i.iri for i in s.inputs], height))

    positions: dict[str, tuple[float, float]] = {}
    for node in (*s.inputs, *s.initiatives, *s.mechanisms, *s.subgoals, s.main_goal):
        positions[node.iri] = (LEVELS[node.kind] * COLUMN_WIDTH, y[node.iri])
    titles = ("input", "initiatives", "mechanisms", "subgoals", "main_goal")
    headers = [Header(word(t, s.lang), k * COLUMN_WIDTH, -60) for k, t in enumerate(titles)]

    row_y = height + BAND_GAP
    if s.context_factors:
        headers.append(Header(word("context", s.lang), 2 * COLUMN_WIDTH, row_y - 90))
    for level in CONTEXT_LEVELS:
        factors = s.context_at(level)
        if not factors:
            continue
        headers.append(Header(word(level, s.lang), -COLUMN_WIDTH / 2, row_y - 45, "left"))
        step = 4 * COLUMN_WIDTH / max(len(factors) - 1, 1)
        for i, f in enumerate(factors):
            positions[f.iri] = (i * step, row_y + 15)
        row_y += BAND_ROW
    return ColumnLayout(positions, tuple(headers))
