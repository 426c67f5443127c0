"""Colours, shapes and line styles shared by the diagrams and the interactive view.

Scores are coloured with five steps of viridis: a scale whose lightness rises
monotonically, so it survives greyscale printing and the common forms of colour
blindness. Link types are told apart by colour (Okabe–Ito), line style *and*
arrowhead, so no reader depends on colour alone.

>>> score_colour(0.05), score_colour(0.95)
('#440154', '#fde725')
>>> lums = [relative_luminance(c) for c in SCORE_SCALE]
>>> lums == sorted(lums)
True
>>> text_colour("#440154"), text_colour("#fde725")
('#ffffff', '#000000')
"""

from __future__ import annotations

from dataclasses import dataclass

SCORE_SCALE = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")
"""viridis sampled at 0, 1/4, 1/2, 3/4, 1: one colour per score band of width 0.2."""

FONT = "DejaVu Sans"


@dataclass(frozen=True)
class KindStyle:
    """How a kind of node looks without evidence."""

    fill: str
    border: str
    dot_shape: str  # graphviz shape
    vis_shape: str  # vis-network shape
    dot_style: str = "filled"


KIND_STYLES = {
    "input": KindStyle("#e6e6e6", "#555555", "box", "database"),
    "initiative": KindStyle("#dbe9f6", "#2f5f8a", "box", "box", "filled,rounded"),
    "mechanism": KindStyle("#fde3c4", "#a15c00", "ellipse", "ellipse"),
    "subgoal": KindStyle("#d9efd3", "#2e6b30", "box", "box", "filled,rounded"),
    "main_goal": KindStyle("#9fd39b", "#1b4d1d", "box", "box", "filled,bold"),
    "context": KindStyle("#f6f2e8", "#7a6a4f", "note", "box"),
    "result": KindStyle("#ffffff", "#555555", "box", "box"),
}


@dataclass(frozen=True)
class LineStyle:
    """How an edge of one type looks: colour, dash pattern and arrowhead."""

    colour: str
    style: str  # graphviz: solid | dashed | dotted | bold
    arrowhead: str  # graphviz arrow shape
    both_ends: bool = False  # symmetric relations get the head on both ends

    @property
    def dashes(self) -> list[int] | bool:
        """The vis-network dash pattern of this style."""
        return {"dashed": [8, 5], "dotted": [2, 4]}.get(self.style, False)

    @property
    def width(self) -> float:
        """Line width (bold lines are wider)."""
        return 3.0 if self.style == "bold" else 1.6


LINK_STYLES = {
    "supports": LineStyle("#0072B2", "solid", "normal"),
    "succeeds": LineStyle("#D55E00", "bold", "empty"),
    "shares-consortium": LineStyle("#009E73", "dashed", "odot", both_ends=True),
    "refers-to": LineStyle("#CC79A7", "dashed", "vee"),
    "accredits": LineStyle("#E69F00", "solid", "diamond"),
    "embraces-in-pact": LineStyle("#000000", "bold", "odiamond"),
    "has-partner": LineStyle("#56B4E9", "dotted", "dot"),
    "contributes-to": LineStyle("#117733", "solid", "box"),
    "agenda-setting": LineStyle("#882255", "dotted", "inv"),
    "part-of": LineStyle("#777777", "dotted", "none"),
}
"""One style per LinkType value, plus ``part-of`` for a sub-line and its initiative."""

CONTRIBUTION_STYLES = {
    "stated": LineStyle("#333333", "solid", "normal"),
    "inferred": LineStyle("#777777", "dashed", "normal"),
}
STRUCTURE_EDGE = LineStyle("#555555", "solid", "normal")


def score_band(score: float) -> int:
    """The index of the score band (0..4) that ``score`` falls in.

    >>> [score_band(x) for x in (0.0, 0.2, 0.59, 0.8, 1.0)]
    [0, 1, 2, 4, 4]
    """
    return min(int(max(score, 0.0) * len(SCORE_SCALE)), len(SCORE_SCALE) - 1)


def score_colour(score: float) -> str:
    """The fill colour of a node with this score."""
    return SCORE_SCALE[score_band(score)]


def band_bounds(band: int) -> tuple[float, float]:
    """The score range of a band.

    >>> band_bounds(0), band_bounds(4)
    ((0.0, 0.2), (0.8, 1.0))
    """
    width = 1 / len(SCORE_SCALE)
    return round(band * width, 6), round((band + 1) * width, 6)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour (0 black .. 1 white).

    >>> relative_luminance("#000000"), relative_luminance("#ffffff")
    (0.0, 1.0)
    """
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def text_colour(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill``."""
    lum = relative_luminance(fill)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"
