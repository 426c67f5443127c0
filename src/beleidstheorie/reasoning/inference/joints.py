"""Every node's posterior with one query node clamped, from one calibrated junction tree.

Clamping a query node Y = 1 changes only the messages that point *away* from the clique
that eliminates Y; every message pointing towards it is the plain calibrated one. So,
given a plain :class:`~.elimination.Calibration`, the clamped beliefs follow from one
sweep up and one down in which the clamped messages of all query nodes travel together
(one row per query node) and each is contracted with a table of plain factors and
messages that has no batch axis: ``out[b, S_out] = Σ F[clique] · M[b, S_in]``, a batched
matrix product over the separators instead of a product of (rows × clique) tables.
At each clique the rows split by the direction their clamp lies in (the parent's side,
a child's subtree, or the clique's own variable), and each direction has its own F.

This gives the same numbers as recalibrating the whole tree once per clamp
(``Calibration(plan, factors, clamps)``, the general method, against which
``tests/reasoning/test_inference.py`` checks it) at a fraction of the cost.

>>> import numpy as np
>>> from beleidstheorie.reasoning.inference.elimination import Calibration, plan, interaction_graph
>>> factors = [(np.array([0.5, 0.5]), (0,)), (np.array([[0.9, 0.1], [0.4, 0.6]]), (0, 1))]
>>> p = plan(interaction_graph(2, [s for _, s in factors]), [s for _, s in factors])
>>> j = Joints(Calibration(p, factors), [1], [(v,) for v in p.order])
>>> round(float(j.marginal(0)[0]), 4)            # P(x0 = 1 | x1 = 1) = 0.3 / 0.35
0.8571
"""

from __future__ import annotations

import numpy as np

from beleidstheorie.reasoning.inference.elimination import Calibration, sum_onto

_ON = np.array([[0.0, 1.0]])  # the clamp Y = 1 as a message over (Y,)


def _full(clique: tuple[int, ...], pairs: list[tuple[np.ndarray, tuple[int, ...]]]) -> np.ndarray:
    """The product of batch-free tables over ``clique`` (a full (2,)*K array)."""
    label = {v: k for k, v in enumerate(clique)}
    out = np.ones((1,) * len(clique))
    for table, s in pairs:
        pos = [label[v] for v in s]
        order = np.argsort(pos)
        t = np.transpose(table, [int(k) for k in order]) if len(s) > 1 else table
        shape = [1] * len(clique)
        for k in pos:
            shape[k] = 2
        out = out * t.reshape(shape)
    return np.broadcast_to(out, (2,) * len(clique))


def _contract(
    f: np.ndarray, clique: tuple[int, ...], m: np.ndarray, m_scope: tuple[int, ...], target: tuple[int, ...]
) -> np.ndarray:
    """``out[b, target] = Σ_{clique \\ target} f[clique] · m[b, m_scope]`` as a batched matmul."""
    label = {v: k for k, v in enumerate(clique)}
    shared = [v for v in m_scope if v in target]
    summed = [v for v in m_scope if v not in target]
    new = [v for v in target if v not in m_scope]
    na, nb, nc = len(shared), len(summed), len(new)
    e = np.einsum(f, list(range(len(clique))), [label[v] for v in (*shared, *summed, *new)])
    e = e.reshape(2**na, 2**nb, 2**nc)
    rows = m.shape[0]
    mpos = {v: k + 1 for k, v in enumerate(m_scope)}
    mt = np.transpose(m, [*(mpos[v] for v in shared), 0, *(mpos[v] for v in summed)])
    out = np.matmul(mt.reshape(2**na, rows, 2**nb), e)  # (2^a, rows, 2^c)
    out = out.reshape((2,) * na + (rows,) + (2,) * nc)
    return np.transpose(
        out, [na, *(shared.index(v) if v in shared else na + 1 + new.index(v) for v in target)]
    )


def _scaled(t: np.ndarray) -> np.ndarray:
    """``t`` with each row divided by its largest |entry| (in place), against underflow."""
    if t.size == 0 or t.ndim < 2:
        return t
    flat = t.reshape(t.shape[0], -1)
    top = np.abs(flat).max(axis=1)
    flat /= np.where(top > 0, top, 1.0)[:, None]
    return t


def _stack(pieces: list[tuple[list[int], np.ndarray]], rows: list[int], shape: tuple[int, ...]) -> np.ndarray:
    """Rows of the pieces (each with its columns) in the order of ``rows``."""
    if len(pieces) == 1 and pieces[0][0] == rows:
        return np.ascontiguousarray(pieces[0][1])
    out = np.empty((len(rows), *shape))
    where = {c: i for i, c in enumerate(rows)}
    for cols, table in pieces:
        out[[where[c] for c in cols]] = table
    return out


def _all_but_one(tables: list[np.ndarray], base: np.ndarray) -> list[np.ndarray]:
    """For each i, ``base`` times the product of every table except ``tables[i]``."""
    prefix, prefixes = base, []
    for t in tables:
        prefixes.append(prefix)
        prefix = prefix * t
    out: list = [None] * len(tables)
    suffix = None
    for i in reversed(range(len(tables))):
        out[i] = prefixes[i] if suffix is None else prefixes[i] * suffix
        suffix = tables[i] if suffix is None else suffix * tables[i]
    return out


class Joints:
    """Reduced clique beliefs with query variable ``ys[b]`` clamped to 1 in row b.

    ``targets[k]`` is the scope (a subset of clique k holding the variable it eliminates)
    onto which clique k's clamped beliefs are kept (None: not needed); :meth:`marginal` and
    :meth:`belief_over` read them like those of a batched :class:`Calibration`.
    """

    def __init__(self, cal: Calibration, ys: list[int], targets: list[tuple[int, ...]]) -> None:
        """Sweep the clamped messages of every query variable up and down the tree."""
        p = cal.plan
        n = len(p.order)
        batch = len(ys)
        seps = p.separators
        own: list[list[int]] = [[] for _ in range(n)]
        for b, y in enumerate(ys):
            own[p.position[y]].append(b)
        sub: list[list[int]] = [[] for _ in range(n)]
        for k in range(n):  # a child's index is below its parent's
            sub[k] = sorted([*own[k], *(c for kid in p.children[k] for c in sub[kid])])
        everyone = set(range(batch))
        outside = [sorted(everyone - set(s)) for s in sub]
        pot = [t[0] for t in cal.pots]
        up = [None if t is None else t[0] for t in cal.up]
        down = [None if t is None else t[0] for t in cal.down]
        clamped_up: list = [None] * n
        full_up: list = [None] * n  # plain messages expanded over their parent clique
        for k in range(n):
            clique, kids = p.cliques[k], p.children[k]
            ups = [_full(clique, [(up[c], seps[c])]) for c in kids]
            for c, u in zip(kids, ups, strict=True):
                full_up[c] = u
            if p.parent[k] < 0 or not sub[k]:
                continue
            base = np.asarray(pot[k]).reshape((2,) * len(clique))
            pieces = []
            if own[k]:
                f = base
                for u in ups:
                    f = f * u
                m = np.broadcast_to(_ON, (len(own[k]), 2))
                pieces.append((own[k], _contract(f, clique, m, (clique[0],), seps[k])))
            for c, f in zip(kids, _all_but_one(ups, base), strict=True):
                if sub[c]:
                    pieces.append((sub[c], _contract(f, clique, clamped_up[c], seps[c], seps[k])))
            clamped_up[k] = _scaled(_stack(pieces, sub[k], (2,) * len(seps[k])))
        clamped_down: list = [None] * n
        reduced: list = [None] * n
        for k in reversed(range(n)):
            clique, kids = p.cliques[k], p.children[k]
            base = np.asarray(pot[k]).reshape((2,) * len(clique))
            ups = [full_up[c] for c in kids]
            has_down = p.parent[k] >= 0
            d_plain = _full(clique, [(down[k], seps[k])]) if has_down else None
            if has_down:
                d_rows, d_scope = clamped_down[k], seps[k]
            else:  # a root: clamps in other trees leave this one's beliefs as they are
                d_rows, d_scope = np.ones((len(outside[k]),)), ()
            # the plain inputs per direction; None marks the clamp of the clique's own variable
            inputs = [d_plain if has_down else np.ones((1,) * len(clique)), *ups]
            rows_of = [outside[k], *(sub[c] for c in kids)]
            msg_of = [(d_rows, d_scope), *((clamped_up[c], seps[c]) for c in kids)]
            wanted = [] if targets[k] is None else [(None, targets[k], list(range(batch)))]
            outs = wanted + [(j, seps[c], outside[c]) for j, c in enumerate(kids, start=1)]
            for o, scope, rows in outs:
                if not rows:
                    continue
                dirs = [i for i in range(len(inputs)) if i != o]
                excl = _all_but_one([inputs[i] for i in dirs], base)
                pieces = []
                for i, f in zip(dirs, excl, strict=True):
                    if rows_of[i]:
                        m, ms = msg_of[i]
                        pieces.append((rows_of[i], _contract(f, clique, m, ms, scope)))
                if own[k]:
                    f = excl[0] * inputs[dirs[0]] if dirs else base
                    m = np.broadcast_to(_ON, (len(own[k]), 2))
                    pieces.append((own[k], _contract(f, clique, m, (clique[0],), scope)))
                table = _stack(pieces, rows, (2,) * len(scope))
                if o is None:
                    reduced[k] = table
                else:
                    clamped_down[kids[o - 1]] = _scaled(table)
        self.plan = p
        self.targets = targets
        self.reduced = reduced
        self.batch = batch

    def marginal(self, v: int) -> np.ndarray:
        """(B,) P(v = 1 | evidence, Y_b = 1)."""
        k = self.plan.position[v]
        m = sum_onto(self.reduced[k], self.targets[k], (v,))
        total = m.sum(axis=-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(total > 0, m[..., 1] / total, np.nan)

    def belief_over(self, k: int, scope: tuple[int, ...]) -> np.ndarray:
        """(B, 2, ..., 2) clique k's clamped beliefs summed onto ``scope`` (within its target)."""
        return sum_onto(self.reduced[k], self.targets[k], scope)
