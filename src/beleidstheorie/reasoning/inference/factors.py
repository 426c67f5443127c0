"""A :class:`BayesNet` as a product of small factors (causal-independence factorisation).

A noisy gate over many parents has a conditional table of 2^(parents+1) entries; the
factorisation of Díez & Galán (2003) — the multiplicative form of Zhang & Poole's causal
independence (1996) — replaces it by one auxiliary binary variable X' per gated node and
one factor per edge:

* noisy-OR:  ``f_e(pa, c, x'=0) = 1 − s_e(c)·[pa = 1]``, ``f_e(·, x'=1) = 1``,
  ``h(x, x') = [[1−b, 0], [−(1−b), 1]]`` (rows x = 0, 1), so that
  ``Σ_x' h(x, x') ∏_e f_e(x') = P(x | pa)``;
* noisy-AND: the same with ``[pa = 0]`` and ``h = [[−b, 1], [b, 0]]``.

Every factor then has at most three variables (parent, condition, X'), and the
network's treewidth — not the number of parents — sets the cost. Nodes whose
parents and conditions number at most :data:`SMALL_GATE` get their full table
instead (no auxiliary variable, no negative entries).

Roots whose only links are such edge factors (the delivery nodes) are summed out here,
vectorised: a root ``r`` becomes ``φ_r(x') = π_r(0) ∏ f_e(0, x') + π_r(1) ∏ f_e(1, x')``
over its children's auxiliary variables, and roots with the same children share one
product factor. This is the factor form of the Quickscore identity; it keeps the
cost linear in the number of initiatives. :class:`AbsorbedRoots` keeps what is needed
to recover each root's posterior from the belief over its children.

>>> import numpy as np
>>> from beleidstheorie.reasoning.model.bayesnet import BayesNet, ROOT, NOISY_OR
>>> net = BayesNet(
...     names=("d", "m"), gate=np.array([ROOT, NOISY_OR]), base=np.array([0.5, 0.05]),
...     edge_parent=np.array([0]), edge_child=np.array([1]), edge_strength=np.array([0.5]),
...     edge_condition=np.array([-1]), edge_strength_off=np.array([0.0]))
>>> fs = factorise(net, np.zeros(2), np.zeros(2))
>>> fs.n_vars, sorted(len(f.scope) for f in fs.factors)
(2, [1, 1, 2])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product

import numpy as np

from beleidstheorie.reasoning.model.bayesnet import NOISY_AND, ROOT, BayesNet

SMALL_GATE = 3  # gates over at most this many distinct parent/condition nodes get a full table
MAX_GROUP_SCOPE = 12  # absorbed roots: at most this many children variables per group


@dataclass(frozen=True, eq=False)
class Factor:
    """A table over binary variables: axis k of ``table`` is variable ``scope[k]``."""

    scope: tuple[int, ...]
    table: np.ndarray


@dataclass(frozen=True, eq=False)
class AbsorbedGroup:
    """Roots summed out into one factor over the same children variables."""

    roots: np.ndarray  # (r,) node indices
    scope: tuple[int, ...]  # the variables of the group's factor
    pi0: np.ndarray  # (r,) P(root = 0) × its evidence, normalised with pi1
    pi1: np.ndarray  # (r,)
    f0: np.ndarray  # (r, 2^k) ∏_e f_e(root = 0, x') over the scope's states
    f1: np.ndarray  # (r, 2^k) ∏_e f_e(root = 1, x')


@dataclass(frozen=True, eq=False)
class Factorisation:
    """The factors of a network, the auxiliary variables and the absorbed roots."""

    n_nodes: int
    n_vars: int  # nodes plus auxiliary variables
    factors: tuple[Factor, ...]
    groups: tuple[AbsorbedGroup, ...] = ()
    group_factor: tuple[int, ...] = ()  # index into factors of each group's product factor
    absorbed: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


def normalised_likelihood(log_l1: np.ndarray, log_l0: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(L1, L0) scaled so that the larger of each pair is 1.

    >>> normalised_likelihood(np.array([0.0]), np.array([np.log(0.25)]))
    (array([1.]), array([0.25]))
    """
    top = np.maximum(log_l1, log_l0)
    with np.errstate(invalid="ignore"):  # both -inf: impossible evidence, kept as (0, 0)
        return np.nan_to_num(np.exp(log_l1 - top)), np.nan_to_num(np.exp(log_l0 - top))


def _edge_strength(net: BayesNet, e: int, cond_state: int | None) -> float:
    if cond_state is None or cond_state == 1:
        return float(net.edge_strength[e])
    return float(net.edge_strength_off[e])


def _full_table(net: BayesNet, child: int, edges: np.ndarray) -> Factor:
    """The full conditional table of ``child`` over its parents and conditions."""
    parents = {int(net.edge_parent[e]) for e in edges}
    conds = {int(net.edge_condition[e]) for e in edges if net.edge_condition[e] >= 0}
    scope_vars = tuple(sorted(parents | conds))
    pos = {v: k for k, v in enumerate(scope_vars)}
    shape = (2,) * (len(scope_vars) + 1)
    table = np.empty(shape)
    is_and = net.gate[child] == NOISY_AND
    base = float(net.base[child])
    for states in product((0, 1), repeat=len(scope_vars)):
        prod = 1.0
        for e in edges:
            pa = states[pos[int(net.edge_parent[e])]]
            c = int(net.edge_condition[e])
            s = _edge_strength(net, int(e), states[pos[c]] if c >= 0 else None)
            fires = (pa == 0) if is_and else (pa == 1)
            prod *= 1.0 - s * fires
        p1 = base * prod if is_and else 1.0 - (1.0 - base) * prod
        table[(*states, 1)] = p1
        table[(*states, 0)] = 1.0 - p1
    return Factor((*scope_vars, child), table)


def _gate_factors(net: BayesNet, child: int, edges: np.ndarray, aux: int) -> list[Factor]:
    """h(child, aux) and one factor per edge over (parent, condition, aux)."""
    base = float(net.base[child])
    is_and = net.gate[child] == NOISY_AND
    h = np.array([[-base, 1.0], [base, 0.0]]) if is_and else np.array([[1 - base, 0.0], [base - 1, 1.0]])
    out = [Factor((child, aux), h)]
    for e in edges:
        pa, c = int(net.edge_parent[e]), int(net.edge_condition[e])
        on, off = float(net.edge_strength[e]), float(net.edge_strength_off[e])
        fire_state = 0 if is_and else 1
        if c < 0 or c == pa:
            t = np.ones((2, 2))
            s_fire = on if c < 0 else (on if fire_state == 1 else off)
            t[fire_state, 0] = 1.0 - s_fire
            out.append(Factor((pa, aux), t))
        else:
            t = np.ones((2, 2, 2))  # (pa, c, aux)
            t[fire_state, 1, 0] = 1.0 - on
            t[fire_state, 0, 0] = 1.0 - off
            out.append(Factor((pa, c, aux), t))
    return out


def factorise(
    net: BayesNet, log_l1: np.ndarray, log_l0: np.ndarray, keep: np.ndarray | None = None
) -> Factorisation:
    """Factors of P(x, e) for ``net`` with evidence; roots not in ``keep`` may be absorbed."""
    n = net.n_nodes
    l1, l0 = normalised_likelihood(np.asarray(log_l1, float), np.asarray(log_l0, float))
    order = np.argsort(net.edge_child, kind="stable")
    starts = np.searchsorted(net.edge_child[order], np.arange(n + 1))
    factors: list[Factor] = []
    unary = np.stack([l0, l1], axis=1)  # (n, 2), multiplied by priors below
    n_vars = n
    for i in range(n):
        edges = order[starts[i] : starts[i + 1]]
        if net.gate[i] == ROOT or edges.size == 0:
            p1 = float(net.base[i])
            unary[i] *= (1.0 - p1, p1)
            continue
        n_inputs = len(
            {int(net.edge_parent[e]) for e in edges}
            | {int(net.edge_condition[e]) for e in edges if net.edge_condition[e] >= 0}
        )
        if n_inputs <= SMALL_GATE:
            factors.append(_full_table(net, i, edges))
        else:
            factors.extend(_gate_factors(net, i, edges, n_vars))
            n_vars += 1
    groups, absorbed = _absorb_roots(net, factors, unary, keep)
    for i in range(n):
        if i not in absorbed:
            factors.append(Factor((i,), unary[i].copy()))
    gfactors = []
    for g in groups:
        log_phi = np.log(g.pi0[:, None] * g.f0 + g.pi1[:, None] * g.f1).sum(axis=0)
        gfactors.append(len(factors))
        factors.append(
            Factor(g.scope, np.exp(log_phi - log_phi.max()).reshape((2,) * len(g.scope), order="F"))
        )
    return Factorisation(
        n, n_vars, tuple(factors), tuple(groups), tuple(gfactors), np.array(sorted(absorbed), dtype=np.int64)
    )


def _absorb_roots(
    net: BayesNet,
    factors: list[Factor],
    unary: np.ndarray,
    keep: np.ndarray | None,
) -> tuple[list[AbsorbedGroup], set[int]]:
    """Take roots linked only by edge factors (as a parent) out of ``factors``, grouped."""
    n = net.n_nodes
    usable = net.gate == ROOT
    if keep is not None:
        usable[np.asarray(keep, dtype=np.int64)] = False
    # A root qualifies when every factor it appears in is an edge factor (root, aux).
    count = np.zeros(n, dtype=np.int64)
    edge_like = np.zeros(n, dtype=np.int64)
    for f in factors:
        for v in f.scope:
            if v < n:
                count[v] += 1
                if len(f.scope) == 2 and f.scope[0] == v and f.scope[1] >= n:
                    edge_like[v] += 1
    usable &= (count > 0) & (count == edge_like)
    if not usable.any():
        return [], set()
    by_root: dict[int, list[int]] = {}
    rest: list[Factor] = []
    for f in factors:
        if len(f.scope) == 2 and f.scope[0] < n and usable[f.scope[0]]:
            by_root.setdefault(f.scope[0], []).append(len(rest))
            rest.append(f)
        else:
            rest.append(f)
    taken: set[int] = set()
    signature: dict[tuple[int, ...], list[int]] = {}
    for r, fidx in by_root.items():
        scope = tuple(sorted({rest[k].scope[1] for k in fidx}))
        if len(scope) > MAX_GROUP_SCOPE:
            continue
        signature.setdefault(scope, []).append(r)
    groups = []
    drop: set[int] = set()
    for scope, roots in signature.items():
        k = len(scope)
        states = ((np.arange(2**k)[None, :] >> np.arange(k)[:, None]) & 1).astype(np.int64)  # (k, 2^k)
        f0 = np.ones((len(roots), 2**k))
        f1 = np.ones((len(roots), 2**k))
        pos = {v: p for p, v in enumerate(scope)}
        for row, r in enumerate(roots):
            for fi in by_root[r]:
                t = rest[fi].table  # (root, aux)
                p = pos[rest[fi].scope[1]]
                f0[row] *= t[0, states[p]]
                f1[row] *= t[1, states[p]]
                drop.add(fi)
        pi = unary[roots]
        total = pi.sum(axis=1)
        pi0, pi1 = pi[:, 0] / total, pi[:, 1] / total
        if not np.all(pi0[:, None] * f0 + pi1[:, None] * f1 > 0):  # the cavity divides by it
            for r in roots:
                drop.difference_update(by_root[r])
            continue
        groups.append(AbsorbedGroup(np.array(roots), scope, pi0, pi1, f0, f1))
        taken.update(roots)
    factors[:] = [f for k, f in enumerate(rest) if k not in drop]
    return groups, taken
