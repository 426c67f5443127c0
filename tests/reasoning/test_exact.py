"""The engine's exact inference agrees with pgmpy on an independently built network."""

from __future__ import annotations

import random

import pytest

from beleidstheorie.graph.load import theory_from_model
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.score import score
from tests.reasoning.random_theories import random_theory
from tests.reasoning.reference import reference_posteriors

PREFIX = {"initiative": "D:", "mechanism": "M:", "subgoal": "S:", "main_goal": "G:"}


def engine_posteriors(result) -> dict[str, float]:
    nodes = (result.main_goal, *result.subgoals, *result.mechanisms, *result.initiatives)
    kinds = {
        "main_goal": "main_goal",
        "subgoal": "subgoal",
        "mechanism": "mechanism",
        "initiative": "initiative",
    }
    return {PREFIX[kinds[n.kind]] + n.key: n.score for n in nodes}


def max_error(theory, round_id: str) -> float:
    config = load_config()
    ours = engine_posteriors(score(theory, config, round_id, explain=False))
    ref = reference_posteriors(theory.model, config, round_id)
    assert set(ours) == set(ref)
    return max(abs(ours[k] - ref[k]) for k in ref)


@pytest.mark.parametrize("round_id", ["monitor-2021", "evaluatie-2022"])
def test_flagship_posteriors_equal_pgmpy_exact_inference(flagship_theory, round_id):
    assert max_error(flagship_theory, round_id) < 1e-6


def test_example_posteriors_equal_pgmpy_exact_inference(example_theory):
    assert max_error(example_theory, "meting-2025") < 1e-6


@pytest.mark.parametrize("seed", range(12))
def test_random_theory_posteriors_equal_pgmpy_exact_inference(seed):
    model = random_theory(random.Random(seed))
    theory = theory_from_model(model)
    assert max_error(theory, model.rounds[-1].id) < 1e-6
