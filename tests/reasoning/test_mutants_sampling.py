"""Promises of the importance sampler that its estimates-within-the-bound tests do not reach.

* On a tree (every gated node has one parent and no condition) the upward proposal's
  message ``Σ_c L̃(c) P(c | x)`` from each child is exact, so the proposal *is* the
  posterior: every sample carries the same weight and the effective sample size equals
  the number of samples drawn. Any error in the message (either gate) shows as uneven weights.
* Evidence that no sample can meet ends in the sampler's error, never in NaN estimates.
"""

from __future__ import annotations

import numpy as np
import pytest

from beleidstheorie.reasoning.inference.engine import infer
from beleidstheorie.reasoning.inference.sampling import importance_sample
from beleidstheorie.reasoning.model.bayesnet import NOISY_AND, NOISY_OR, ROOT, BayesNet


def tree(n: int, gate: int | None, rng: np.random.Generator) -> BayesNet:
    """A random tree rooted at node 0; ``gate`` for every other node, or a random gate each."""
    parent = np.array([rng.integers(0, c) for c in range(1, n)])
    gates = [gate if gate is not None else int(rng.choice([NOISY_OR, NOISY_AND])) for _ in range(1, n)]
    return BayesNet(
        names=tuple(f"v{i}" for i in range(n)),
        gate=np.array([ROOT, *gates]),
        base=rng.uniform(0.02, 0.98, n),
        edge_parent=parent,
        edge_child=np.arange(1, n),
        edge_strength=rng.uniform(0.1, 0.95, n - 1),
        edge_condition=np.full(n - 1, -1),
        edge_strength_off=np.zeros(n - 1),
    )


@pytest.mark.parametrize("gate", [NOISY_OR, NOISY_AND, None], ids=["noisy-or", "noisy-and", "mixed"])
def test_on_a_tree_the_upward_proposal_draws_from_the_posterior(gate):
    rng = np.random.default_rng(21)
    for _ in range(3):
        net = tree(12, gate, rng)
        l1, l0 = rng.normal(0, 2, 12), rng.normal(0, 2, 12)
        est = importance_sample(net, l1, l0, np.arange(12), tolerance=0.01, seed=5)
        assert est.ess == pytest.approx(est.samples, rel=1e-9)
        exact = infer(net, l1, l0).marginal
        assert np.all(np.abs(est.marginal - exact) <= 0.01 + 1e-12)


def test_the_prior_proposal_on_the_same_trees_has_uneven_weights():
    # the tree above is not trivially even: without the messages the weights spread
    rng = np.random.default_rng(21)
    net = tree(12, NOISY_OR, rng)
    l1, l0 = rng.normal(0, 2, 12), rng.normal(0, 2, 12)
    est = importance_sample(net, l1, l0, np.arange(12), tolerance=0.01, seed=5, proposal="prior")
    assert est.ess < 0.9 * est.samples


def impossible_evidence(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Evidence that rules out both states of the last node."""
    l1, l0 = np.zeros(n), np.zeros(n)
    l1[-1] = l0[-1] = -np.inf
    return l1, l0


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")  # NaN messages
@pytest.mark.parametrize("proposal", ["upward", "prior"])
def test_evidence_no_sample_can_meet_is_an_error_not_nan(proposal):
    net = tree(4, NOISY_OR, np.random.default_rng(3))
    l1, l0 = impossible_evidence(4)
    with pytest.raises(ValueError, match=r"^no sample is compatible with the evidence$"):
        importance_sample(net, l1, l0, np.arange(4), max_samples=8192, proposal=proposal)
