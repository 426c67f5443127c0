"""The Bayesian network the engine reasons over: binary nodes with causal-independence gates.

This is the one interface between *building* a network from a theory
(:mod:`beleidstheorie.reasoning.model`) and *inference* on it
(:mod:`beleidstheorie.reasoning.inference`). Every node is binary (1 = active /
delivered / reached / present). Nodes are numbered so that every parent precedes
its children. A node is a root with a prior, or a gate over its parents:

* ``NOISY_OR``  — parents are alternative routes:
  ``P(X=0 | pa) = (1 − base) · ∏_e (1 − s_e · [pa_e = 1])``; ``base`` is the leak,
  P(X=1) when no parent is active.
* ``NOISY_AND`` — parents are jointly needed; each missing one blocks X with its
  strength: ``P(X=1 | pa) = base · ∏_e (1 − s_e · [pa_e = 0])``; ``base`` is
  P(X=1) when every parent is active.

An edge may have a *condition* node C (a context factor that enables or inhibits
the link): its strength is ``s_e`` when C = 1 and ``s_off_e`` when C = 0. Because
C is shared by all links it conditions, their failures become correlated.

Evidence enters as a likelihood pair per node, ``(ln L(X=1), ln L(X=0))``: the
summed log-likelihoods of the observations that bear on that node.

:func:`enumerate_marginals` is the brute-force reference (all 2^n joint states);
it is exact by construction and meant for tests on networks of at most ~20 nodes.

>>> import numpy as np
>>> net = BayesNet(
...     names=("d", "m"), gate=np.array([ROOT, NOISY_OR]), base=np.array([0.5, 0.05]),
...     edge_parent=np.array([0]), edge_child=np.array([1]), edge_strength=np.array([0.5]),
...     edge_condition=np.array([-1]), edge_strength_off=np.array([0.0]))
>>> p = enumerate_marginals(net, np.zeros(2), np.zeros(2))
>>> [round(float(x), 4) for x in p]      # P(m) = 1 − 0.95 · (1 − 0.5 · 0.5)
[0.5, 0.2875]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

ROOT, NOISY_OR, NOISY_AND = 0, 1, 2
GATE_NAMES = ("root", "noisy-or", "noisy-and")


@dataclass(frozen=True, eq=False)
class BayesNet:
    """A network of binary nodes in topological order (see the module docstring)."""

    names: tuple[str, ...]
    gate: np.ndarray  # (n,) ROOT | NOISY_OR | NOISY_AND
    base: np.ndarray  # (n,) prior (ROOT), leak (NOISY_OR), P(X=1 | all parents on) (NOISY_AND)
    edge_parent: np.ndarray  # (m,) node index, < edge_child
    edge_child: np.ndarray  # (m,) node index
    edge_strength: np.ndarray  # (m,) strength, used when there is no condition or it is 1
    edge_condition: np.ndarray  # (m,) node index of the condition, or -1
    edge_strength_off: np.ndarray  # (m,) strength when the condition node is 0

    def __post_init__(self) -> None:
        n = len(self.names)
        if self.gate.shape != (n,) or self.base.shape != (n,):
            raise ValueError("gate and base need one entry per node")
        m = self.edge_parent.shape
        for name in ("edge_child", "edge_strength", "edge_condition", "edge_strength_off"):
            if getattr(self, name).shape != m:
                raise ValueError(f"{name} needs one entry per edge")
        if m[0] and not np.all(self.edge_parent < self.edge_child):
            raise ValueError("nodes must be in topological order (every parent before its child)")
        if m[0] and np.any(self.edge_condition >= self.edge_child):
            raise ValueError("a condition node must precede the child of its edge")
        if np.any(self.gate[self.edge_child] == ROOT):
            raise ValueError("a root node cannot have parents")

    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return len(self.names)

    def index(self, name: str) -> int:
        """The index of the node called ``name``."""
        return self.names.index(name)

    def p_active(self, states: np.ndarray) -> np.ndarray:
        """P(X_i = 1 | parents) for each node i, for each row of ``states`` (k, n) in {0, 1}.

        Used by samplers and the brute-force reference; roots return their prior.
        """
        states = np.asarray(states)
        k, n = states.shape
        strength = np.where(
            self.edge_condition < 0,
            self.edge_strength,
            np.where(
                states[:, np.maximum(self.edge_condition, 0)] == 1,
                self.edge_strength,
                self.edge_strength_off,
            ),
        )  # (k, m)
        parent_on = states[:, self.edge_parent] == 1  # (k, m)
        is_and = self.gate[self.edge_child] == NOISY_AND
        # per edge: the factor it multiplies into its child's product
        fires = np.where(is_and, ~parent_on, parent_on)
        prod = np.ones((k, n))
        np.multiply.at(prod, (slice(None), self.edge_child), 1.0 - strength * fires)
        base = np.broadcast_to(self.base, (k, n))
        out = np.where(
            self.gate == ROOT,
            base,
            np.where(self.gate == NOISY_OR, 1.0 - (1.0 - base) * prod, base * prod),
        )
        return out


def enumerate_marginals(
    net: BayesNet, log_l1: np.ndarray, log_l0: np.ndarray, query_pairs: bool = False
) -> np.ndarray:
    """Exact P(X = 1 | evidence) for every node by summing all 2^n joint states.

    With ``query_pairs`` it returns the (n, n) matrix of P(X_i = 1, X_j = 1 | e),
    whose diagonal is the marginals. A reference for tests: cost O(2^n · n).
    """
    n = net.n_nodes
    if n > 22:
        raise ValueError("brute-force enumeration is for networks of at most 22 nodes")
    states = ((np.arange(2**n)[:, None] >> np.arange(n)[None, :]) & 1).astype(np.int8)
    p1 = net.p_active(states)
    p = np.where(states == 1, p1, 1.0 - p1)
    top = np.maximum(log_l1, log_l0)
    lik = np.where(states == 1, np.exp(log_l1 - top), np.exp(log_l0 - top))
    w = np.prod(p * lik, axis=1)
    z = w.sum()
    if query_pairs:
        s = states.astype(float)
        return (s * w[:, None]).T @ s / z
    return (states * w[:, None]).sum(axis=0) / z
