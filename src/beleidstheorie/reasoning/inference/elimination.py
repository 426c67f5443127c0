"""Exact inference by variable elimination: a min-fill order and its junction tree.

The elimination order is greedy min-fill (ties: fewest neighbours, then lowest
index, so the order is deterministic). Eliminating variable v forms the clique
{v} ∪ neighbours(v); the clique's parent is the clique of the first of those
neighbours to be eliminated. That *elimination tree* is a junction tree, so two
passes of Shafer–Shenoy message passing (no division: the factorised gates have
negative entries) calibrate it and give every variable's posterior at once.

The *width* of the order (largest clique minus one) is measured before any table is
built; :func:`plan` returns None when the largest clique would exceed the budget,
and the caller falls back to sampling.

>>> adj = [{1}, {0, 2}, {1}]          # a chain 0 - 1 - 2
>>> p = plan(adj, [(0, 1), (1, 2)], budget=2**10)
>>> p.width, p.order[0] in (0, 2)
(1, True)
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

FILL_DEGREE_LIMIT = 40  # above this many neighbours the fill is bounded by deg·(deg−1)/2


@dataclass(frozen=True, eq=False)
class Plan:
    """An elimination order and its junction tree (clique k eliminates ``order[k]``)."""

    order: tuple[int, ...]
    cliques: tuple[tuple[int, ...], ...]  # clique k: (order[k], *separator)
    separators: tuple[tuple[int, ...], ...]
    parent: tuple[int, ...]  # clique index, or -1 for a root
    children: tuple[tuple[int, ...], ...]
    home: tuple[int, ...]  # per factor: the clique it is multiplied into
    position: tuple[int, ...]  # per variable: the clique that eliminates it
    width: int

    @property
    def largest_table(self) -> int:
        """Entries of the largest clique table."""
        return 2 ** (self.width + 1)


def interaction_graph(n_vars: int, scopes: list[tuple[int, ...]]) -> list[set[int]]:
    """Variables that share a factor are neighbours.

    >>> interaction_graph(3, [(0, 1), (1, 2)])
    [{1}, {0, 2}, {1}]
    """
    adj: list[set[int]] = [set() for _ in range(n_vars)]
    for scope in scopes:
        for a in scope:
            adj[a].update(b for b in scope if b != a)
    return adj


def _fill(adj: list[set[int]], v: int) -> int:
    nb = list(adj[v])
    d = len(nb)
    if d > FILL_DEGREE_LIMIT:
        return d * (d - 1) // 2
    missing = 0
    for a in range(d):
        na = adj[nb[a]]
        for b in range(a + 1, d):
            if nb[b] not in na:
                missing += 1
    return missing


def min_fill_order(
    adj: list[set[int]], budget: int | None = None, skip: set[int] | None = None
) -> tuple[list[int], list[list[int]]] | None:
    """Greedy min-fill order and each variable's neighbours when eliminated.

    Returns None as soon as a clique would have more than ``budget`` table entries.
    Variables in ``skip`` (in no factor) are left out of the order.

    >>> order, seps = min_fill_order([{1, 2}, {0, 2}, {0, 1}])
    >>> order, [sorted(s) for s in seps]
    ([0, 1, 2], [[1, 2], [2], []])
    """
    adj = [set(a) for a in adj]
    n = len(adj)
    version = [0] * n
    skip = skip or set()
    heap = [(_fill(adj, v), len(adj[v]), v, 0) for v in range(n) if v not in skip]
    heapq.heapify(heap)
    gone = [v in skip for v in range(n)]
    order: list[int] = []
    seps: list[list[int]] = []
    max_vars = None if budget is None else max(1, int(np.floor(np.log2(budget))))
    while heap:
        _, _, v, ver = heapq.heappop(heap)
        if gone[v] or ver != version[v]:
            continue
        nb = sorted(adj[v])
        if max_vars is not None and len(nb) + 1 > max_vars:
            return None
        gone[v] = True
        order.append(v)
        seps.append(nb)
        for a in nb:
            adj[a].discard(v)
        for i, a in enumerate(nb):
            for b in nb[i + 1 :]:
                if b not in adj[a]:
                    adj[a].add(b)
                    adj[b].add(a)
        touched = set(nb)
        for a in nb:
            if len(adj[a]) <= FILL_DEGREE_LIMIT:
                touched.update(adj[a])
        for u in touched:
            if not gone[u]:
                version[u] += 1
                heapq.heappush(heap, (_fill(adj, u), len(adj[u]), u, version[u]))
    return order, seps


def plan(adj: list[set[int]], scopes: list[tuple[int, ...]], budget: int | None = None) -> Plan | None:
    """The junction tree of a min-fill order, or None beyond ``budget`` table entries."""
    present = {v for scope in scopes for v in scope}
    found = min_fill_order(adj, budget, skip={v for v in range(len(adj)) if v not in present})
    if found is None:
        return None
    order, seps = found
    position = [-1] * len(adj)
    for k, v in enumerate(order):
        position[v] = k
    parent = [min(position[u] for u in sep) if sep else -1 for sep in seps]
    children: list[list[int]] = [[] for _ in order]
    for k, p in enumerate(parent):
        if p >= 0:
            children[p].append(k)
    home = tuple(min(position[v] for v in scope) for scope in scopes)
    width = max((len(s) for s in seps), default=0)
    return Plan(
        order=tuple(order),
        cliques=tuple((v, *s) for v, s in zip(order, seps, strict=True)),
        separators=tuple(tuple(s) for s in seps),
        parent=tuple(parent),
        children=tuple(tuple(c) for c in children),
        home=home,
        position=tuple(position),
        width=width,
    )


def _expand(table: np.ndarray, s: tuple[int, ...], scope: tuple[int, ...]) -> np.ndarray:
    """``table`` (optional leading batch axis, then one axis per variable of ``s``) with its
    axes in the order of ``scope`` and size-1 axes for the other variables of ``scope``."""
    nb = table.ndim - len(s)
    axes, shape = _axes(s, scope, nb)
    t = np.transpose(table, axes) if axes is not None else table
    lead = table.shape[:nb] if nb else (1,)
    return t.reshape(*lead, *shape)


Shape = tuple[int, ...]


@lru_cache(maxsize=1 << 16)
def _axes(s: tuple[int, ...], scope: tuple[int, ...], nb: int) -> tuple[tuple[int, ...] | None, Shape]:
    """How :func:`_expand` lays a table over ``s`` into ``scope``: the transposition (None: as it
    is) and the shape after the batch axes. The same few pairs recur at every calibration."""
    label = {v: k for k, v in enumerate(scope)}
    pos = [label[v] for v in s]
    order = sorted(range(len(pos)), key=pos.__getitem__)  # the variables are distinct: no ties
    axes = (*range(nb), *(nb + k for k in order)) if len(s) > 1 else None
    shape = [1] * len(scope)
    for k in pos:
        shape[k] = 2
    return axes, tuple(shape)


def _onto(scope: tuple[int, ...], pairs: list[tuple[np.ndarray, tuple[int, ...]]]) -> np.ndarray:
    """The product of tables (each with its scope, after an optional batch axis) over ``scope``,
    always with one leading batch axis."""
    size = len(scope)
    out = _ONES[size] if size < len(_ONES) else np.ones((1,) * (size + 1))
    for table, s in pairs:
        out = out * _expand(table, s, scope)
    if out.shape[1:] != (2,) * size:
        out = np.broadcast_to(out, (out.shape[0], *((2,) * size))).copy()
    return out.copy() if not pairs else out


_ONES = tuple(np.ones((1,) * (k + 1)) for k in range(32))  # the start of every product (never written)
for _one in _ONES:
    _one.flags.writeable = False


def sum_onto(table: np.ndarray, scope: tuple[int, ...], target: tuple[int, ...]) -> np.ndarray:
    return np.einsum(table, *_subscripts(scope, target))


@lru_cache(maxsize=1 << 16)
def _subscripts(scope: tuple[int, ...], target: tuple[int, ...]) -> tuple[list, list]:
    """The einsum operands of :func:`sum_onto` (kept: the same pairs recur at every point)."""
    label = {v: k for k, v in enumerate(scope)}
    return [Ellipsis, *range(len(scope))], [Ellipsis, *(label[v] for v in target)]


def _scaled(t: np.ndarray, n_axes: int) -> np.ndarray:
    if t.ndim == 0 or t.size == 0:
        return t
    axes = tuple(range(t.ndim - n_axes, t.ndim))
    top = np.max(np.abs(t), axis=axes, keepdims=True) if axes else np.abs(t)
    return t / np.where(top > 0, top, 1.0)


class Calibration:
    """Calibrated clique beliefs of one set of factors on a :class:`Plan`, for a batch of clamps.

    ``clamps`` maps a variable to a (B, 2) table multiplied into its clique: batch b
    calibrates the factors times ``clamps[v][b]``. Batch b = 0 with all-ones rows is the
    plain posterior; a row (0, 1) clamps the variable to 1. All batches share one pass.
    """

    def __init__(
        self,
        p: Plan,
        factors: list[tuple[np.ndarray, tuple[int, ...]]],
        clamps: dict[int, np.ndarray] | None = None,
    ) -> None:
        """Run both passes of Shafer–Shenoy message passing."""
        n = len(p.order)
        pots: list[list[tuple[np.ndarray, tuple[int, ...]]]] = [[] for _ in range(n)]
        for (table, scope), k in zip(factors, p.home, strict=True):
            pots[k].append((table, scope))
        batch = 1
        for v, t in (clamps or {}).items():
            pots[p.position[v]].append((np.asarray(t), (v,)))
            batch = max(batch, np.asarray(t).shape[0])
        self.plan = p
        seps = p.separators
        up: list = [None] * n
        pot_tables = []
        for k in range(n):
            clique = p.cliques[k]
            # multiply the factors in the space of their own variables first: often far smaller
            union = tuple(sorted({v for _, sc in pots[k] for v in sc}))
            pot = (
                _onto(clique, [(_onto(union, pots[k]), union)])
                if len(union) < len(clique)
                else _onto(clique, pots[k])
            )
            pot_tables.append(pot)
            inc = _onto(clique, [(pot, clique)] + [(up[c], seps[c]) for c in p.children[k]])
            up[k] = _scaled(sum_onto(inc, clique, seps[k]), len(seps[k]))
        batch = max([batch, *(t.shape[0] for t in pot_tables)])
        down: list = [None] * n
        beliefs: list = [None] * n
        for k in reversed(range(n)):
            clique = p.cliques[k]
            base = (
                pot_tables[k]
                if p.parent[k] < 0
                else _onto(clique, [(pot_tables[k], clique), (down[k], seps[k])])
            )
            kids = p.children[k]
            expanded = [_onto(clique, [(up[c], seps[c])]) for c in kids]
            prefix = base
            prefixes = []
            for e in expanded:
                prefixes.append(prefix)
                prefix = prefix * e
            beliefs[k] = np.broadcast_to(prefix, (batch, *prefix.shape[1:]))
            suffix = None
            for j in reversed(range(len(kids))):
                inside = prefixes[j] if suffix is None else prefixes[j] * suffix
                down[kids[j]] = _scaled(sum_onto(inside, clique, seps[kids[j]]), len(seps[kids[j]]))
                suffix = expanded[j] if suffix is None else suffix * expanded[j]
        self.beliefs = beliefs
        self.pots, self.up, self.down = pot_tables, up, down
        self.batch = batch

    def marginal(self, v: int) -> np.ndarray:
        """(B,) P(v = 1 | evidence, clamp b) from the clique that eliminates v."""
        k = self.plan.position[v]
        m = sum_onto(self.beliefs[k], self.plan.cliques[k], (v,))
        total = m.sum(axis=-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(total > 0, m[..., 1] / total, np.nan)

    def belief_over(self, k: int, scope: tuple[int, ...]) -> np.ndarray:
        """(B, 2, ..., 2) clique k's belief summed onto ``scope`` (a subset of the clique)."""
        return sum_onto(self.beliefs[k], self.plan.cliques[k], scope)
