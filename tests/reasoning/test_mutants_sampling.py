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


def longest_paths(net: BayesNet) -> np.ndarray:
    """Each node's depth: 0 for a root, else one more than its deepest parent or condition."""
    depth: dict[int, int] = {}

    def of(v: int) -> int:
        if v not in depth:
            into = np.flatnonzero(net.edge_child == v)
            sources = [int(net.edge_parent[e]) for e in into]
            sources += [int(net.edge_condition[e]) for e in into if net.edge_condition[e] >= 0]
            depth[v] = 1 + max(map(of, sources)) if sources else 0
        return depth[v]

    return np.array([of(v) for v in range(net.n_nodes)])


@pytest.mark.parametrize("seed", range(6))
def test_the_sampling_levels_are_the_longest_path_depths(seed):
    """A node is drawn in the first level after all its parents and conditions: no later, no earlier."""
    from beleidstheorie.reasoning.inference.sampling import _levels
    from tests.reasoning.random_nets import random_net

    net = random_net(np.random.default_rng(seed), n_roots=3, n_gated=9, p_cond=0.5)
    level = np.full(net.n_nodes, -1)
    for d, lv in enumerate(_levels(net)):
        level[lv.nodes] = d
    assert level.tolist() == longest_paths(net).tolist()


def test_the_joint_moments_are_scaled_like_the_marginal_ones():
    """x·x = x: a node's joint moment with itself is its marginal moment (Σ w² x / (Σ w)²)."""
    from tests.reasoning.random_nets import random_evidence, random_net

    rng = np.random.default_rng(8)
    net = random_net(rng)
    l1, l0 = random_evidence(rng, net.n_nodes)
    cols = np.arange(net.n_nodes)
    est = importance_sample(net, l1, l0, cols, joints=True, tolerance=0.02, seed=2, proposal="prior")
    assert est.moments.total == pytest.approx(1 / est.ess)
    assert np.allclose(np.diag(est.moments.joint), est.moments.marginal, rtol=1e-12, atol=0)
    assert np.allclose(np.diag(est.joint11), est.marginal, rtol=1e-12, atol=0)


def test_the_stopping_rule_is_checked_after_every_batch_once_the_floor_is_drawn():
    """Not converged at the floor of samples, it stops as soon as it is, far below the cap."""
    from beleidstheorie.reasoning.inference.sampling import MAX_SAMPLES, min_samples

    rng = np.random.default_rng(21)
    net = tree(12, NOISY_OR, rng)
    l1, l0 = rng.normal(0, 2, 12), rng.normal(0, 2, 12)
    est = importance_sample(net, l1, l0, np.arange(12), tolerance=0.01, seed=5, proposal="prior")
    assert min_samples(0.01) < est.samples < MAX_SAMPLES // 8
