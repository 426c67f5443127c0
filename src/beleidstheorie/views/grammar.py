"""The one visual grammar of verdicts: how every view draws what the engine concluded.

A score colour is a claim that the evidence supports a number. So only a node
whose own evidence suffices for a verdict is filled with its score colour
(``supported``, ``indications``, ``not-supported``). The others get a mark of
their own and never a score colour:

=================  ===============================  ======  ==========================
verdict            fill                             glyph   border
=================  ===============================  ======  ==========================
supported          score colour                     ✓       solid, heavy
indications        score colour                     ~       solid
not-supported      score colour                     ✗       solid, heavy
conflicting        white                            ±       double, dark
undecided          light neutral grey               ≈       dotted, dark
insufficient       white (unfilled)                 ?       thin dashed, neutral grey
=================  ===============================  ======  ==========================

Glyph, fill *and* border differ, so no verdict depends on colour alone. The
score is printed with its interval where the result has one (``0,74
[0,61–0,83]``); a verdict that does not hold over the whole parameter range
(``robust`` false) says ``fragiel``. An insufficient node shows no score at
all: that number comes from the theory and upstream evidence, not from its own.

The engine's notes (``NodeScore.note``) become numbered footnotes: one number
per kind of note, carried by each node it concerns.

Both the graphviz diagrams (:func:`dot_style`) and the interactive page
(:func:`vis_style`) take their look from here; legends list only the
verdicts a figure uses (:func:`used_verdicts`).

>>> from beleidstheorie.reasoning.result import NodeScore
>>> n = NodeScore("x", "x", "mechanism", "X", "X", 0.96, 0.5, 0.0, "insufficient")
>>> mark_of(n).filled, verdict_line(n, "nl")
(False, '? onvoldoende bewijs')
>>> s = NodeScore("y", "y", "mechanism", "Y", "Y", 0.96, 0.5, 3.0, "supported")
>>> dot_style(s)["fillcolor"], verdict_line(s, "nl")
('#fde725', '✓ 0,96 · ondersteund')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from beleidstheorie.reasoning.result import NodeScore, ScoreResult
from beleidstheorie.reasoning.score import NOTES as ENGINE_NOTES
from beleidstheorie.reasoning.verdict import (
    CONFLICTING,
    INDICATIONS,
    INSUFFICIENT,
    NOT_SUPPORTED,
    SUPPORTED,
    UNDECIDED,
    VERDICTS,
)
from beleidstheorie.views.palette import score_colour, text_colour
from beleidstheorie.views.tables import NOTES as NOTE_WORDS
from beleidstheorie.views.wording import format_score, word

NEUTRAL = "#8c8c8c"
"""The neutral grey of 'we do not know': never one of the score colours."""
UNDECIDED_FILL = "#ececec"
FRAGILE = {"nl": "fragiel", "en": "fragile"}


@dataclass(frozen=True)
class Mark:
    """How one verdict looks: fill, glyph and border, in both renderers' terms."""

    verdict: str
    filled: bool  # True: the score colour fills the node
    glyph: str
    border: str  # colour
    dot_border: str  # graphviz style word added to the node's style: solid | dashed | dotted
    width: float  # border width in pt
    peripheries: int = 1  # 2: a double border
    fill: str = "#ffffff"  # the fill when not filled by score
    text: str = "#000000"
    vis_dashes: tuple[int, ...] = ()


MARKS: dict[str, Mark] = {
    SUPPORTED: Mark(SUPPORTED, True, "✓", "#1a1a1a", "solid", 2.4),
    INDICATIONS: Mark(INDICATIONS, True, "~", "#1a1a1a", "solid", 1.2),
    NOT_SUPPORTED: Mark(NOT_SUPPORTED, True, "✗", "#1a1a1a", "solid", 2.4),
    CONFLICTING: Mark(CONFLICTING, False, "±", "#1a1a1a", "solid", 1.4, peripheries=2),
    UNDECIDED: Mark(UNDECIDED, False, "≈", "#333333", "dotted", 2.0, fill=UNDECIDED_FILL, vis_dashes=(2, 3)),
    INSUFFICIENT: Mark(INSUFFICIENT, False, "?", NEUTRAL, "dashed", 1.2, text="#4d4d4d", vis_dashes=(6, 4)),
}
"""One mark per verdict of :data:`beleidstheorie.reasoning.verdict.VERDICTS`."""

ORDER = (SUPPORTED, INDICATIONS, CONFLICTING, NOT_SUPPORTED, UNDECIDED, INSUFFICIENT)

EXPLAIN: dict[str, tuple[str, str]] = {
    SUPPORTED: (
        "eigen bewijs sterk genoeg; vlak = score",
        "own evidence strong enough; fill = score",
    ),
    INDICATIONS: (
        "eigen bewijs positief maar zwakker; vlak = score",
        "own evidence positive but weaker; fill = score",
    ),
    NOT_SUPPORTED: (
        "eigen bewijs wijst ertegen; vlak = score",
        "own evidence points against; fill = score",
    ),
    CONFLICTING: (
        "veel bewijs vóór én tegen; dubbele rand, geen vlak",
        "much evidence for and against; double border, no fill",
    ),
    UNDECIDED: (
        "interval snijdt de drempel; grijs vlak, gestippelde rand",
        "interval straddles the threshold; grey fill, dotted border",
    ),
    INSUFFICIENT: (
        "geen of verwaarloosbaar eigen bewijs; geen vlak, geen score",
        "no or negligible own evidence; no fill, no score",
    ),
}

NOTE_CODES = tuple(ENGINE_NOTES)
"""The engine's note codes (``reasoning.score.NOTES``), in the order that numbers their footnotes."""


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def mark_of(node: NodeScore) -> Mark:
    """The mark of a node's verdict (an unknown verdict is drawn as insufficient).

    >>> from beleidstheorie.reasoning.result import NodeScore
    >>> mark_of(NodeScore("x", "x", "mechanism", "X", "X", 0.2, 0.5, 2.0, "conflicting")).peripheries
    2
    """
    return MARKS.get(node.verdict, MARKS[INSUFFICIENT])


def interval_of(node: NodeScore) -> tuple[float, float] | None:
    """The node's score interval, when the result carries one."""
    interval = getattr(node, "interval", None)
    return None if interval is None else (float(interval[0]), float(interval[1]))


def is_fragile(node: NodeScore) -> bool:
    """True when the result says the verdict does not hold over the whole parameter range."""
    return getattr(node, "robust", None) is False


def fill_of(node: NodeScore) -> str:
    """The fill colour: the score colour only where the verdict rests on enough evidence."""
    m = mark_of(node)
    return score_colour(node.score) if m.filled else m.fill


def score_text(node: NodeScore, lang: str = "nl") -> str:
    """'0,74 [0,61–0,83]', or '' for an insufficient node (its number is not its own).

    >>> from beleidstheorie.reasoning.result import NodeScore
    >>> score_text(NodeScore("x", "x", "mechanism", "X", "X", 0.7412, 0.5, 2.0, "indications"), "en")
    '0.74'
    """
    if node.verdict == INSUFFICIENT:
        return ""
    text = format_score(node.score, lang)
    interval = interval_of(node)
    if interval is not None:
        text += f" [{format_score(interval[0], lang)}–{format_score(interval[1], lang)}]"
    return text


def verdict_line(node: NodeScore, lang: str = "nl") -> str:
    """The line printed under a node's label: glyph, score with interval, verdict, fragility, note number."""
    m = mark_of(node)
    score = score_text(node, lang)
    label = VERDICTS[node.verdict].en if lang == "en" else VERDICTS[node.verdict].nl
    parts = [m.glyph, f"{score} · {label}" if score else label]
    if is_fragile(node):
        parts.append(f"({FRAGILE['en' if lang == 'en' else 'nl']})")
    line = " ".join(parts)
    return line + footnote_marker(node)


def dot_style(node: NodeScore, base_style: str = "filled") -> dict[str, str]:
    """Graphviz attributes (fill, border, text colour) of a scored node.

    ``base_style`` is the node kind's own style (``filled,rounded``); its dashes
    and boldness are replaced by the verdict's border.
    """
    m = mark_of(node)
    fill = fill_of(node)
    drop = ("dashed", "dotted", "bold", "solid", "filled")
    kept = [w for w in base_style.split(",") if w and w not in drop]
    style = ",".join(["filled", *kept, *([m.dot_border] if m.dot_border != "solid" else [])])
    return {
        "style": style,
        "fillcolor": fill,
        "color": m.border,
        "penwidth": f"{m.width:g}",
        "peripheries": str(m.peripheries),
        "fontcolor": text_colour(fill) if m.filled else m.text,
    }


def vis_style(node: NodeScore) -> dict[str, object]:
    """vis-network node options of a scored node: the same grammar as :func:`dot_style`.

    >>> from beleidstheorie.reasoning.result import NodeScore
    >>> vis_style(NodeScore("x", "x", "mechanism", "X", "X", 0.9, 0.5, 0.0, "insufficient"))["color"]
    {'background': '#ffffff', 'border': '#8c8c8c'}
    """
    m = mark_of(node)
    fill = fill_of(node)
    return {
        "color": {"background": fill, "border": m.border},
        "borderWidth": m.width * (2 if m.peripheries == 2 else 1),
        "shapeProperties": {"borderDashes": list(m.vis_dashes) if m.vis_dashes else False},
        "font": {"color": text_colour(fill) if m.filled else m.text},
    }


def used_verdicts(nodes: Iterable[NodeScore]) -> list[str]:
    """The verdicts among ``nodes``, in legend order.

    >>> from beleidstheorie.reasoning.result import NodeScore
    >>> nodes = [NodeScore("x", "x", "m", "X", "X", 0.1, 0.5, 0.0, v) for v in ("insufficient", "supported")]
    >>> used_verdicts(nodes)
    ['supported', 'insufficient']
    """
    seen = {n.verdict for n in nodes}
    return [v for v in ORDER if v in seen]


def explain(verdict: str, lang: str = "nl") -> str:
    """What a verdict's mark means, for the legend."""
    return _pick(EXPLAIN[verdict], lang)


def note_text(code: str, lang: str = "nl") -> str:
    """An engine note in words.

    >>> note_text("upstream-only", "en").startswith("what feeds this goal")
    True
    >>> note_text("a-new-code")
    'a-new-code'
    """
    return NOTE_WORDS["en" if lang == "en" else "nl"].get(code, code)


@dataclass(frozen=True)
class Footnotes:
    """Numbered notes of a figure: the fixed number of each note code it uses."""

    numbers: dict[str, int]  # note code -> number
    by_node: dict[str, str]  # node IRI -> its superscript marker ('' when none)

    def lines(self, lang: str = "nl") -> list[str]:
        """'¹ text' for each note, in number order."""
        return [f"{superscript(n)} {note_text(code, lang)}" for code, n in self.numbers.items()]


SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(n: int) -> str:
    """``n`` in superscript digits.

    >>> superscript(12)
    '¹²'
    """
    return str(n).translate(SUPERSCRIPTS)


def footnote_marker(node: NodeScore) -> str:
    """The superscript number of the node's engine note ('' without one).

    Every note code has one fixed number (its place in :data:`NOTE_CODES`), so a
    note carries the same number in every figure.

    >>> from beleidstheorie.reasoning.result import NodeScore
    >>> n = NodeScore("a", "a", "main_goal", "A", "A", 0.9, 0.5, 0.0, "supported", note="upstream-only")
    >>> footnote_marker(n)
    '⁷'
    """
    if not node.note:
        return ""
    return superscript(_number(node.note))


def _number(code: str) -> int:
    return NOTE_CODES.index(code) + 1 if code in NOTE_CODES else len(NOTE_CODES) + 1


def footnotes(nodes: Sequence[NodeScore]) -> Footnotes:
    """Footnotes for the engine's notes on ``nodes``, in number order.

    >>> from beleidstheorie.reasoning.result import NodeScore
    >>> a = NodeScore("a", "a", "mechanism", "A", "A", 0.5, 0.5, 0.0, "insufficient", note="delivery-only")
    >>> b = NodeScore("b", "b", "main_goal", "B", "B", 0.9, 0.5, 0.0, "supported", note="upstream-only")
    >>> f = footnotes([b, a])
    >>> f.by_node["a"], f.numbers
    ('²', {'delivery-only': 2, 'upstream-only': 7})
    >>> f.lines("en")[0].startswith("² initiatives deliver")
    True
    """
    used = sorted({n.note for n in nodes if n.note}, key=_number)
    numbers = {c: _number(c) for c in used}
    by_node = {n.id: footnote_marker(n) for n in nodes if n.note}
    return Footnotes(numbers, by_node)


def result_nodes(result: ScoreResult) -> tuple[NodeScore, ...]:
    """The nodes of a result in reading order: main goal, sub-goals, mechanisms, initiatives."""
    return (result.main_goal, *result.subgoals, *result.mechanisms, *result.initiatives)


def fragile_used(nodes: Iterable[NodeScore]) -> bool:
    """Whether any of ``nodes`` has a fragile verdict (the legend then explains 'fragiel')."""
    return any(is_fragile(n) for n in nodes)


def has_intervals(nodes: Iterable[NodeScore]) -> bool:
    """Whether any of ``nodes`` carries a score interval (the legend then explains it)."""
    return any(interval_of(n) is not None for n in nodes)


LEGEND_WORDS: dict[str, tuple[str, str]] = {
    "verdicts": ("Oordeel (op eigen bewijs)", "Verdict (on own evidence)"),
    "interval": (
        "[a–b]: bandbreedte van de score over de parameterbereiken",
        "[a–b]: range of the score over the parameter ranges",
    ),
    "fragile": (
        "(fragiel): oordeel houdt niet over het hele parameterbereik",
        "(fragile): verdict does not hold over the whole parameter range",
    ),
    "notes": ("Toelichting van de rekenmachine", "Notes from the engine"),
    "scale_note": (
        "kleur alleen bij ✓ ~ ✗; hoger = lichter",
        "colour only with ✓ ~ ✗; higher = lighter",
    ),
}


def legend_word(key: str, lang: str = "nl") -> str:
    """A legend text of the grammar (falls back to :func:`beleidstheorie.views.wording.word`)."""
    pair = LEGEND_WORDS.get(key)
    return word(key, lang) if pair is None else _pick(pair, lang)
