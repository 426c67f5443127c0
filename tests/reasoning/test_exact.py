"""The scores are exact: they equal pgmpy's variable elimination on the model's own network.

This checks the arithmetic (model → inference → result), not the semantics; the
semantic reference is tests/reasoning/test_semantics.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

from beleidstheorie.graph.load import theory_from_model
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.score import evaluate
from tests.reasoning.strategies import theories
from tests.reasoning.test_inference import pgmpy_marginals


def max_error(theory, round_id: str) -> float:
    ev = evaluate(theory, load_config(), round_id, explain=False)
    m = ev.model
    ref = pgmpy_marginals(m.net, m.log_l1, m.log_l0)
    return float(np.abs(ev.bn_post - ref).max())


@pytest.mark.parametrize("round_id", ["monitor-2021", "evaluatie-2022"])
def test_flagship_posteriors_equal_pgmpy_exact_inference(flagship_theory, round_id):
    assert max_error(flagship_theory, round_id) < 1e-6


def test_example_posteriors_equal_pgmpy_exact_inference(example_theory):
    assert max_error(example_theory, "meting-2025") < 1e-6


@settings(max_examples=8, deadline=None)
@given(theories(v2=True))
def test_random_theory_posteriors_equal_pgmpy_exact_inference(model):
    """With every v2 field drawn: gates, a sub-goal serving another, context factors."""
    assert max_error(theory_from_model(model), model.rounds[-1].id) < 1e-6
