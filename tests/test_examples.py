"""Everything in examples/ loads, validates and scores."""

from __future__ import annotations

import pytest

from beleidstheorie import load_theory, validate_graph
from beleidstheorie.reasoning.score import score
from tests.conftest import ROOT

EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_validates_and_scores(path):
    theory = load_theory(path)
    assert validate_graph(theory.graph) == []
    result = score(theory)
    assert result.mechanisms and all(0 <= m.score <= 1 for m in result.mechanisms)
