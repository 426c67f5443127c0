"""Random BayesNets with every gate and edge kind, for inference tests and benchmarks."""

from __future__ import annotations

import numpy as np

from beleidstheorie.reasoning.model.bayesnet import NOISY_AND, NOISY_OR, ROOT, BayesNet


def random_net(
    rng: np.random.Generator, n_roots: int = 5, n_gated: int = 7, max_parents: int = 5, p_cond: float = 0.3
) -> BayesNet:
    """Roots, then noisy-OR / noisy-AND nodes over random earlier nodes, some edges conditioned."""
    gate, base = [], []
    ep, ec, es, cond, eoff = [], [], [], [], []
    for _ in range(n_roots):
        gate.append(ROOT)
        base.append(rng.uniform(0.1, 0.9))
    for _ in range(n_gated):
        me = len(gate)
        gate.append(int(rng.choice([NOISY_OR, NOISY_AND])))
        base.append(rng.uniform(0.05, 0.95))
        for p in rng.choice(me, size=int(rng.integers(1, min(me, max_parents) + 1)), replace=False):
            ep.append(int(p))
            ec.append(me)
            es.append(rng.uniform(0.1, 0.9))
            if rng.random() < p_cond:
                cond.append(int(rng.integers(0, me)))
                eoff.append(rng.uniform(0.0, 0.5))
            else:
                cond.append(-1)
                eoff.append(0.0)
    return BayesNet(
        names=tuple(f"x{i}" for i in range(len(gate))),
        gate=np.array(gate),
        base=np.array(base),
        edge_parent=np.array(ep, dtype=np.int64),
        edge_child=np.array(ec, dtype=np.int64),
        edge_strength=np.array(es),
        edge_condition=np.array(cond, dtype=np.int64),
        edge_strength_off=np.array(eoff),
    )


def random_evidence(rng: np.random.Generator, n: int, share: float = 0.7) -> tuple[np.ndarray, np.ndarray]:
    """Log-likelihood pairs on a random share of the nodes."""
    on = rng.random(n) < share
    return (
        np.where(on, np.log(rng.uniform(0.05, 1.0, n)), 0.0),
        np.where(on, np.log(rng.uniform(0.05, 1.0, n)), 0.0),
    )
