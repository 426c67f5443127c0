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


@dataclass(frozen=True, eq=False)
class _SizeClass:
    """Absorbed groups whose scope has k variables, laid out for one vectorised pass."""

    k: int
    groups: np.ndarray  # group indices
    rows: np.ndarray  # member rows (global), grouped
    starts: np.ndarray  # start of each group within ``rows``
    edges: np.ndarray  # absorbed-edge indices of the class
    edge_local: np.ndarray  # each edge's row within ``rows``
    off: np.ndarray  # (edges, 2^k) bool: the edge's auxiliary bit is 0 in state u


@dataclass(frozen=True, eq=False)
class Layout:
    """What factorising depends on apart from the numbers: computed once per network shape."""

    aux_of: np.ndarray  # (n,) auxiliary variable of each factorised gate, or -1
    n_vars: int
    absorbed: np.ndarray  # (n,) bool
    sel: np.ndarray  # edges out of absorbed roots
    fire1: np.ndarray  # per absorbed edge: the child is noisy-OR (fires when the root is 1)
    scopes: tuple[tuple[int, ...], ...]
    members: tuple[np.ndarray, ...]  # roots of each group
    classes: tuple[_SizeClass, ...]


def layout(net: BayesNet, keep: np.ndarray | None = None) -> Layout:
    """The shape of the factorisation of ``net``: auxiliary variables and root groups."""
    n = net.n_nodes
    order = np.argsort(net.edge_child, kind="stable")
    starts = np.searchsorted(net.edge_child[order], np.arange(n + 1))
    is_root = (net.gate == ROOT) | (starts[1:] == starts[:-1])
    aux_of = np.full(n, -1)
    n_vars = n
    for i in np.flatnonzero(~is_root):
        edges = order[starts[i] : starts[i + 1]]
        inputs = set(net.edge_parent[edges].tolist()) | {
            c for c in net.edge_condition[edges].tolist() if c >= 0
        }
        if len(inputs) > SMALL_GATE:
            aux_of[i] = n_vars
            n_vars += 1
    absorbed = _absorbable(net, aux_of, keep)
    sel = np.flatnonzero(absorbed[net.edge_parent])
    root = net.edge_parent[sel]
    aux = aux_of[net.edge_child[sel]]
    by_root = np.argsort(root, kind="stable")
    roots_u, first = np.unique(root[by_root], return_index=True)
    bounds = [*first.tolist(), by_root.size]
    signature: dict[tuple[int, ...], list[int]] = {}
    for m, r in enumerate(roots_u.tolist()):
        key = tuple(sorted(set(aux[by_root[bounds[m] : bounds[m + 1]]].tolist())))
        signature.setdefault(key, []).append(r)
    scopes = tuple(signature)
    classes = []
    if scopes:
        members = np.array([r for sc in scopes for r in signature[sc]])
        row_of = np.zeros(n, dtype=np.int64)
        row_of[members] = np.arange(members.size)
        sizes = np.array([len(sc) for sc in scopes])
        counts = np.array([len(signature[sc]) for sc in scopes])
        gstart = np.concatenate([[0], np.cumsum(counts)])
        group_of_row = np.repeat(np.arange(len(scopes)), counts)
        scope_arr = np.full((len(scopes), int(sizes.max())), np.iinfo(np.int64).max)
        for g, sc in enumerate(scopes):
            scope_arr[g, : len(sc)] = sc
        edge_row = row_of[root]
        edge_group = group_of_row[edge_row]
        edge_pos = (scope_arr[edge_group] < aux[:, None]).sum(axis=1)
        for k in np.unique(sizes, return_index=True)[0].tolist():
            gs = np.flatnonzero(sizes == k)
            rows = np.concatenate([np.arange(gstart[g], gstart[g + 1]) for g in gs])
            local = np.empty(members.size, dtype=np.int64)
            local[rows] = np.arange(rows.size)
            es = np.flatnonzero(sizes[edge_group] == k)
            bits = ((np.arange(2**k)[None, :] >> np.arange(k)[:, None]) & 1) == 0
            classes.append(
                _SizeClass(
                    k,
                    gs,
                    rows,
                    np.concatenate([[0], np.cumsum(counts[gs])[:-1]]),
                    es,
                    local[edge_row[es]],
                    bits[edge_pos[es]],
                )
            )
    return Layout(
        aux_of=aux_of,
        n_vars=n_vars,
        absorbed=absorbed,
        sel=sel,
        fire1=net.gate[net.edge_child[sel]] != NOISY_AND,
        scopes=scopes,
        members=tuple(np.array(signature[sc]) for sc in scopes),
        classes=tuple(classes),
    )


def factorise(
    net: BayesNet,
    log_l1: np.ndarray,
    log_l0: np.ndarray,
    keep: np.ndarray | None = None,
    shape: Layout | None = None,
) -> Factorisation:
    """Factors of P(x, e) for ``net`` with evidence; roots not in ``keep`` may be absorbed.

    ``shape`` reuses the :func:`layout` of a network with the same nodes and edges.
    """
    n = net.n_nodes
    shape = shape or layout(net, keep)
    l1, l0 = normalised_likelihood(np.asarray(log_l1, float), np.asarray(log_l0, float))
    order = np.argsort(net.edge_child, kind="stable")
    starts = np.searchsorted(net.edge_child[order], np.arange(n + 1))
    unary = np.stack([l0, l1], axis=1)  # (n, 2), multiplied by priors below
    is_root = (net.gate == ROOT) | (starts[1:] == starts[:-1])
    unary[is_root] *= np.stack([1.0 - net.base[is_root], net.base[is_root]], axis=1)
    aux_of, absorbed = shape.aux_of, shape.absorbed
    factors: list[Factor] = []
    for i in np.flatnonzero(~is_root):
        edges = order[starts[i] : starts[i + 1]]
        if aux_of[i] < 0:
            factors.append(_full_table(net, int(i), edges))
        else:
            kept = edges[~absorbed[net.edge_parent[edges]]]
            factors.extend(_gate_factors(net, int(i), kept, int(aux_of[i])))
    for i in np.flatnonzero(~absorbed):
        factors.append(Factor((int(i),), unary[i].copy()))
    groups = _groups(net, shape, unary)
    return _with_groups(n, shape, factors, groups, absorbed)


def _with_groups(n: int, shape: Layout, factors: list, groups: list, absorbed: np.ndarray) -> Factorisation:
    """The factorisation: ``factors``, then one factor per summed-out group of roots."""
    gfactors = []
    for g, table in groups:
        gfactors.append(len(factors))
        factors.append(Factor(g.scope, table))
    return Factorisation(
        n,
        shape.n_vars,
        tuple(factors),
        tuple(g for g, _ in groups),
        tuple(gfactors),
        np.flatnonzero(absorbed).astype(np.int64),
    )


def _absorbable(net: BayesNet, aux_of: np.ndarray, keep: np.ndarray | None) -> np.ndarray:
    """(n,) bool: roots whose every link is an unconditioned edge into a factorised gate."""
    n = net.n_nodes
    ok = net.gate == ROOT
    if keep is not None:
        ok[np.asarray(keep, dtype=np.int64)] = False
    good_edge = (aux_of[net.edge_child] >= 0) & (net.edge_condition < 0)
    out_edges = np.bincount(net.edge_parent, minlength=n)
    good = np.bincount(net.edge_parent, weights=good_edge, minlength=n)
    ok &= (out_edges > 0) & (good == out_edges)
    conds = net.edge_condition[net.edge_condition >= 0]
    ok[conds] = False
    into_aux = aux_of[net.edge_child] >= 0
    width = int(aux_of.max(initial=0)) + 1
    keys = net.edge_parent[into_aux] * width + aux_of[net.edge_child[into_aux]]
    # np.unique(keys) without return_index imports numpy.ma (numpy 2.x): 10-20 ms of a fresh process
    distinct = np.unique(keys, return_index=True)[0] // width
    ok &= np.bincount(distinct, minlength=n) <= MAX_GROUP_SCOPE  # the group table has 2^scope entries
    return ok


def _groups(net: BayesNet, shape: Layout, unary: np.ndarray) -> list[tuple[AbsorbedGroup, np.ndarray]]:
    """Absorbed roots and their product factor per group, vectorised per scope size."""
    if not shape.scopes:
        return []
    log_q = np.log1p(-np.clip(net.edge_strength[shape.sel], 0.0, 1.0 - 1e-12))
    pi = unary / unary.sum(axis=1, keepdims=True)
    members = np.concatenate(shape.members)
    out: list = [None] * len(shape.scopes)
    for c in shape.classes:
        size = 2**c.k
        contrib = log_q[c.edges, None] * c.off
        f1e = shape.fire1[c.edges]
        log_f1 = np.zeros((c.rows.size, size))
        log_f0 = np.zeros((c.rows.size, size))
        np.add.at(log_f1, c.edge_local[f1e], contrib[f1e])
        np.add.at(log_f0, c.edge_local[~f1e], contrib[~f1e])
        roots = members[c.rows]
        pi0, pi1 = pi[roots, 0], pi[roots, 1]
        f0, f1 = np.exp(log_f0), np.exp(log_f1)
        log_phi = np.add.reduceat(np.log(pi0[:, None] * f0 + pi1[:, None] * f1), c.starts, axis=0)
        tables = np.exp(log_phi - log_phi.max(axis=1, keepdims=True))
        ends = [*c.starts[1:].tolist(), c.rows.size]
        for j, g in enumerate(c.groups.tolist()):
            a, b = int(c.starts[j]), ends[j]
            group = AbsorbedGroup(roots[a:b], shape.scopes[g], pi0[a:b], pi1[a:b], f0[a:b], f1[a:b])
            out[g] = (group, tables[j].reshape((2,) * c.k, order="F"))
    return out


def factorise_many(
    nets: list[BayesNet], log_l1: list[np.ndarray], log_l0: list[np.ndarray], shape: Layout
) -> Factorisation:
    """:func:`factorise` of many networks of one shape at once: every table gets a batch axis.

    The networks (e.g. parameter points) share nodes, edges and ``shape``; only their numbers
    differ. Factor ``k``'s table is ``(B, 2, ..., 2)``, each absorbed group's ``pi0``, ``pi1``
    ``(B, r)`` and ``f0``, ``f1`` ``(B, r, 2^k)``; row ``b`` equals ``factorise(nets[b], ...)``
    (the same arithmetic, element by element), so the structure is walked once for all points.
    """
    net = nets[0]
    n, batch = net.n_nodes, len(nets)
    base = np.stack([x.base for x in nets])  # (B, n)
    on = np.stack([x.edge_strength for x in nets])  # (B, E)
    off = np.stack([x.edge_strength_off for x in nets])
    l1, l0 = normalised_likelihood(np.stack(log_l1).astype(float), np.stack(log_l0).astype(float))
    order = np.argsort(net.edge_child, kind="stable")
    starts = np.searchsorted(net.edge_child[order], np.arange(n + 1))
    unary = np.stack([l0, l1], axis=2)  # (B, n, 2)
    is_root = (net.gate == ROOT) | (starts[1:] == starts[:-1])
    unary[:, is_root] *= np.stack([1.0 - base[:, is_root], base[:, is_root]], axis=2)
    aux_of, absorbed = shape.aux_of, shape.absorbed
    factors: list[Factor] = []
    for i in np.flatnonzero(~is_root):
        edges = order[starts[i] : starts[i + 1]]
        if aux_of[i] < 0:
            factors.append(_full_table_many(net, base, on, off, int(i), edges))
        else:
            kept = edges[~absorbed[net.edge_parent[edges]]]
            factors.extend(_gate_factors_many(net, base, on, off, int(i), kept, int(aux_of[i])))
    for i in np.flatnonzero(~absorbed):
        factors.append(Factor((int(i),), unary[:, i].copy()))
    groups = _groups_many(on, shape, unary, batch)
    return _with_groups(n, shape, factors, groups, absorbed)


def _full_table_many(
    net: BayesNet, base: np.ndarray, on: np.ndarray, off: np.ndarray, child: int, edges: np.ndarray
) -> Factor:
    """:func:`_full_table` with a batch axis: strengths and bases are (B,) per edge and node."""
    parents = {int(net.edge_parent[e]) for e in edges}
    conds = {int(net.edge_condition[e]) for e in edges if net.edge_condition[e] >= 0}
    scope_vars = tuple(sorted(parents | conds))
    pos = {v: k for k, v in enumerate(scope_vars)}
    batch = base.shape[0]
    table = np.empty((batch, *(2,) * (len(scope_vars) + 1)))
    is_and = net.gate[child] == NOISY_AND
    b = base[:, child]
    for states in product((0, 1), repeat=len(scope_vars)):
        prod = np.ones(batch)
        for e in edges:
            pa = states[pos[int(net.edge_parent[e])]]
            c = int(net.edge_condition[e])
            s = on[:, e] if c < 0 or states[pos[c]] == 1 else off[:, e]
            fires = (pa == 0) if is_and else (pa == 1)
            prod = prod * (1.0 - s * fires)
        p1 = b * prod if is_and else 1.0 - (1.0 - b) * prod
        table[(slice(None), *states, 1)] = p1
        table[(slice(None), *states, 0)] = 1.0 - p1
    return Factor((*scope_vars, child), table)


def _gate_factors_many(
    net: BayesNet, base: np.ndarray, on: np.ndarray, off: np.ndarray, child: int, edges: np.ndarray, aux: int
) -> list[Factor]:
    """:func:`_gate_factors` with a batch axis."""
    b = base[:, child]
    batch = b.shape[0]
    is_and = net.gate[child] == NOISY_AND
    h = np.empty((batch, 2, 2))
    if is_and:
        h[:, 0, 0], h[:, 0, 1], h[:, 1, 0], h[:, 1, 1] = -b, 1.0, b, 0.0
    else:
        h[:, 0, 0], h[:, 0, 1], h[:, 1, 0], h[:, 1, 1] = 1 - b, 0.0, b - 1, 1.0
    out = [Factor((child, aux), h)]
    fire_state = 0 if is_and else 1
    for e in edges:
        pa, c = int(net.edge_parent[e]), int(net.edge_condition[e])
        if c < 0 or c == pa:
            t = np.ones((batch, 2, 2))
            s_fire = on[:, e] if c < 0 else (on[:, e] if fire_state == 1 else off[:, e])
            t[:, fire_state, 0] = 1.0 - s_fire
            out.append(Factor((pa, aux), t))
        else:
            t = np.ones((batch, 2, 2, 2))  # (B, pa, c, aux)
            t[:, fire_state, 1, 0] = 1.0 - on[:, e]
            t[:, fire_state, 0, 0] = 1.0 - off[:, e]
            out.append(Factor((pa, c, aux), t))
    return out


def _added_at(rows: int, index: np.ndarray, values: np.ndarray) -> np.ndarray:
    """(B, rows, S) zeros with ``values[:, e]`` added at row ``index[e]``: ``np.add.at`` along
    the rows, the same additions in the same order (edge by edge), in a few passes.

    Pass j adds the j-th edge of every row (edges stably sorted by row), so no row repeats
    within a pass and every row still adds its edges in their order.

    >>> v = np.arange(8.0).reshape(1, 4, 2)
    >>> _added_at(3, np.array([2, 0, 2, 2]), v)[0].tolist()
    [[2.0, 3.0], [0.0, 0.0], [10.0, 13.0]]
    """
    out = np.zeros((values.shape[0], rows, values.shape[2]))
    if not index.size:
        return out
    order = np.argsort(index, kind="stable")
    sorted_rows = index[order]
    start = np.ones(order.size, dtype=bool)
    start[1:] = sorted_rows[1:] != sorted_rows[:-1]
    rank = np.arange(order.size) - np.maximum.accumulate(np.where(start, np.arange(order.size), 0))
    for j in range(int(rank.max()) + 1):
        edges = order[rank == j]
        out[:, index[edges]] += values[:, edges]
    return out


def _groups_many(
    on: np.ndarray, shape: Layout, unary: np.ndarray, batch: int
) -> list[tuple[AbsorbedGroup, np.ndarray]]:
    """:func:`_groups` with a batch axis (first) on every array."""
    if not shape.scopes:
        return []
    log_q = np.log1p(-np.clip(on[:, shape.sel], 0.0, 1.0 - 1e-12))  # (B, absorbed edges)
    pi = unary / unary.sum(axis=2, keepdims=True)
    members = np.concatenate(shape.members)
    out: list = [None] * len(shape.scopes)
    for c in shape.classes:
        contrib = log_q[:, c.edges, None] * c.off  # (B, edges, 2^k)
        f1e = shape.fire1[c.edges]
        log_f1 = _added_at(c.rows.size, c.edge_local[f1e], contrib[:, f1e])
        log_f0 = _added_at(c.rows.size, c.edge_local[~f1e], contrib[:, ~f1e])
        roots = members[c.rows]
        pi0, pi1 = pi[:, roots, 0], pi[:, roots, 1]
        f0, f1 = np.exp(log_f0), np.exp(log_f1)
        log_phi = np.add.reduceat(np.log(pi0[:, :, None] * f0 + pi1[:, :, None] * f1), c.starts, axis=1)
        tables = np.exp(log_phi - log_phi.max(axis=2, keepdims=True))  # (B, groups, 2^k)
        ends = [*c.starts[1:].tolist(), c.rows.size]
        # F order over the scope: the first variable's bit is the fastest, as in _groups
        axes = (0, *range(c.k, 0, -1))
        for j, g in enumerate(c.groups.tolist()):
            a, b = int(c.starts[j]), ends[j]
            group = AbsorbedGroup(
                roots[a:b], shape.scopes[g], pi0[:, a:b], pi1[:, a:b], f0[:, a:b], f1[:, a:b]
            )
            out[g] = (group, tables[:, j].reshape(batch, *(2,) * c.k).transpose(axes))
    return out
