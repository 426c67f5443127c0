"""The one visual grammar of verdicts: every verdict its own mark, colour only with enough evidence."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from beleidstheorie.reasoning.result import NodeScore
from beleidstheorie.reasoning.verdict import VERDICTS
from beleidstheorie.views import grammar
from beleidstheorie.views.palette import SCORE_SCALE

FILLED = {"supported", "indications", "not-supported"}


def node(verdict: str, score: float = 0.96, **extra) -> NodeScore:
    return NodeScore("urn:x", "x", "mechanism", "X", "X", score, 0.5, 1.0, verdict, **extra)


def test_every_verdict_of_the_vocabulary_has_a_mark():
    assert set(grammar.MARKS) == set(VERDICTS)
    assert set(grammar.ORDER) == set(VERDICTS)


def test_no_two_verdicts_look_the_same_in_glyph_or_in_fill_and_border():
    looks = {(m.filled, m.fill, m.dot_border, m.peripheries, m.border) for m in grammar.MARKS.values()}
    glyphs = {m.glyph for m in grammar.MARKS.values()}
    # the three filled verdicts share fill-by-score; their glyphs and widths tell them apart
    assert len(glyphs) == len(grammar.MARKS)
    assert len(looks) >= len(grammar.MARKS) - 2


@pytest.mark.parametrize("verdict", sorted(VERDICTS))
@pytest.mark.parametrize("score", [0.04, 0.5, 0.96])
def test_only_verdicts_resting_on_enough_evidence_get_a_score_colour(verdict, score):
    fill = grammar.dot_style(node(verdict, score))["fillcolor"]
    assert (fill in SCORE_SCALE) == (verdict in FILLED)
    vis_fill = grammar.vis_style(node(verdict, score))["color"]["background"]
    assert (vis_fill in SCORE_SCALE) == (verdict in FILLED)


def test_insufficient_evidence_shows_no_score_and_a_neutral_dashed_border():
    n = node("insufficient", 0.96)
    style = grammar.dot_style(n, "filled,rounded")
    assert "0,96" not in grammar.verdict_line(n)
    assert style["fillcolor"] == "#ffffff" and style["color"] == grammar.NEUTRAL
    assert "dashed" in style["style"] and "rounded" in style["style"]


def test_conflicting_has_a_double_border_and_undecided_a_dotted_one():
    assert grammar.dot_style(node("conflicting"))["peripheries"] == "2"
    assert "dotted" in grammar.dot_style(node("undecided"))["style"]


@dataclass(frozen=True)
class IntervalScore(NodeScore):
    """A node score with the interval fields of the inference branch's result (JSON contract v2)."""

    interval: tuple[float, float] | None = None
    robust: bool | None = None


def test_the_score_is_shown_with_its_interval_and_fragile_verdicts_say_so():
    n = IntervalScore("urn:x", "x", "mechanism", "X", "X", 0.74, 0.5, 1.0, "supported")
    assert grammar.verdict_line(n) == "✓ 0,74 · ondersteund"
    fragile = replace(n, interval=(0.61, 0.83), robust=False)
    assert grammar.verdict_line(fragile) == "✓ 0,74 [0,61–0,83] · ondersteund (fragiel)"
    assert grammar.verdict_line(replace(fragile, robust=True), "en") == "✓ 0.74 [0.61–0.83] · supported"


def test_a_note_carries_the_same_footnote_number_in_every_figure():
    a = node("insufficient", note="delivery-only")
    b = replace(a, id="urn:y", note="upstream-only")
    one, two = grammar.footnotes([a, b]), grammar.footnotes([b])
    assert one.numbers["upstream-only"] == two.numbers["upstream-only"]
    assert grammar.verdict_line(b).endswith(grammar.superscript(two.numbers["upstream-only"]))
