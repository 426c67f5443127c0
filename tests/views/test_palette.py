"""The colour scale survives greyscale printing; text stays readable on every fill."""

from __future__ import annotations

import itertools

from beleidstheorie.views.palette import (
    KIND_STYLES,
    SCORE_SCALE,
    relative_luminance,
    score_colour,
    text_colour,
)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_score_scale_gets_strictly_lighter_with_the_score():
    lums = [relative_luminance(score_colour(x / 100)) for x in range(0, 101)]
    assert lums == sorted(lums)
    steps = [relative_luminance(c) for c in SCORE_SCALE]
    assert all(b - a > 0.05 for a, b in itertools.pairwise(steps))  # tell-apart in grey


def test_text_on_every_scale_colour_has_enough_contrast():
    assert all(contrast(c, text_colour(c)) >= 4.5 for c in SCORE_SCALE)


def test_node_kinds_have_different_fills_and_shapes():
    kinds = [k for k in KIND_STYLES if k != "result"]
    assert len({KIND_STYLES[k].fill for k in kinds}) == len(kinds)
    assert len({KIND_STYLES[k].vis_shape for k in kinds}) >= 3
