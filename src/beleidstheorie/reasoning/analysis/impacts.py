"""Every evidence item's impact on every theory node, from the joints of one inference pass.

The impact of item t on node Y is Y's score with all evidence minus its score with t's
likelihood divided out (:func:`~beleidstheorie.reasoning.inference.leave_one_out`).
It is computed for the query nodes of the inference (every node of a small network;
the mechanisms, sub-goals, main goal and context factors of a large or a sampled one)
and, for every item, for its own node, which needs no joint. All other entries are zero:
they were not asked for.

The table is kept in that sparse form — a dense block over the query columns plus one
number per item — because the dense (items × nodes) matrix of a large theory (10^5
items × 2,000 initiatives) would take gigabytes and most of the time of scoring.

Where inference was sampled, the joints are the weighted sample's and every impact gets
its own error bound: the impact is ``P̂(y) − P̂'(y)``, two self-normalised estimates from
the same weights (``P̂'`` reweights each sample by ``1 / l_t(x)``); linearised, its error
is ``Σ_s w_s g(x_s, y_s) / Σ w`` with ``g(x, y) = (y − P(y)) − r(x)(y − P'(y)) / r̄``,
``r = 1/l_t`` and ``r̄ = Σ w r / Σ w``, so its variance is ``Σ_{a,b} g(a, b)² M[a, b]`` from
the second moments ``M`` of the sample (:class:`~..inference.sampling.Moments`). The bound
is ``Z`` of those standard errors, as for the posteriors.

>>> imp = Impacts(np.array([1]), np.array([[0.1], [0.2]]), np.array([0, 1]), np.array([0.3, 0.4]), 3)
>>> imp.column(1).tolist(), imp.column(0).tolist(), imp.row(0).tolist()
([0.1, 0.4], [0.3, 0.0], [0.3, 0.1, 0.0])
>>> float(imp.at(1, 1))
0.4
>>> [a.tolist() for a in imp.moved(0)], [a.tolist() for a in imp.moved(1)]
([[0], [0.3]], [[0, 1], [0.1, 0.4]])
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from beleidstheorie.errors import BeleidstheorieError
from beleidstheorie.reasoning.inference import Posterior
from beleidstheorie.reasoning.inference.sampling import Z
from beleidstheorie.reasoning.model.build import Model


@dataclass(frozen=True, eq=False)
class Impacts:
    """Leave-one-out impacts of the items on the theory nodes (see the module docstring).

    ``columns[t, k]`` is item t's impact on theory node ``nodes[k]``; ``own[t]`` its
    impact on its own theory node ``node[t]``, which takes precedence where both exist.
    """

    nodes: np.ndarray  # (c,) theory nodes with a computed column
    columns: np.ndarray  # (items, c)
    node: np.ndarray  # (items,) the theory node each item bears on
    own: np.ndarray  # (items,) each item's impact on its own node
    n_nodes: int  # theory nodes
    columns_error: np.ndarray | None = None  # (items, c) Z standard errors where sampled
    own_error: np.ndarray | None = None  # (items,) the same for ``own``

    def column_error(self, j: int) -> np.ndarray | None:
        """(items,) the error bounds of :meth:`column` (None where exact; inf where not computed)."""
        if self.columns_error is None or self.own_error is None:
            return None
        hit = np.flatnonzero(self.nodes == j)
        out = self.columns_error[:, int(hit[0])].copy() if hit.size else np.full(self.node.size, np.inf)
        mine = self.node == j
        out[mine] = self.own_error[mine]
        return out

    def error_at(self, t: int, j: int) -> float | None:
        """The error bound of item ``t``'s impact on theory node ``j`` (None where exact)."""
        if self.columns_error is None or self.own_error is None:
            return None
        if int(self.node[t]) == j:
            return float(self.own_error[t])
        hit = np.flatnonzero(self.nodes == j)
        return float(self.columns_error[t, int(hit[0])]) if hit.size else None

    def column(self, j: int) -> np.ndarray:
        """(items,) every item's impact on theory node ``j``."""
        hit = np.flatnonzero(self.nodes == j)
        out = self.columns[:, int(hit[0])].copy() if hit.size else np.zeros(self.node.size)
        mine = self.node == j
        out[mine] = self.own[mine]
        return out

    def moved(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        """(items, impacts): the items that may move theory node ``j`` and their impacts on it.

        Every item where ``j`` has a column (:meth:`column`); elsewhere only the items on ``j``
        itself, found without a pass over all items (every other entry is zero).
        """
        if np.any(self.nodes == j):
            return np.arange(self.node.size), self.column(j)
        order, starts = self._by_node
        on = order[starts[j] : starts[j + 1]] if 0 <= j < self.n_nodes else order[:0]
        return on, self.own[on]

    @cached_property
    def _by_node(self) -> tuple[np.ndarray, np.ndarray]:
        order = np.argsort(self.node, kind="stable")
        return order, np.searchsorted(self.node[order], np.arange(self.n_nodes + 1))

    def at(self, t: int, j: int) -> float:
        """Item ``t``'s impact on theory node ``j``."""
        if int(self.node[t]) == j:
            return float(self.own[t])
        hit = np.flatnonzero(self.nodes == j)
        return float(self.columns[t, int(hit[0])]) if hit.size else 0.0

    def row(self, t: int) -> np.ndarray:
        """(theory nodes,) item ``t``'s impact on every theory node."""
        out = np.zeros(self.n_nodes)
        out[self.nodes] = self.columns[t]
        out[int(self.node[t])] = self.own[t]
        return out


def one_pass_impacts(model: Model, post: Posterior) -> Impacts:
    """The :class:`Impacts` of ``model``'s evidence items from ``post``, its inference with joints
    (``infer(..., joints=True)``)."""
    theory_node, item_node = model.theory_node, model.item_node
    log_l1, log_l0 = model.items.log_l1, model.items.log_l0
    n = theory_node.size
    bn_to_theory = np.full(post.marginal.size, -1, dtype=np.int64)
    bn_to_theory[theory_node] = np.arange(n)
    q = post.query
    keep = np.flatnonzero(bn_to_theory[q] >= 0)
    keep = keep[np.argsort(bn_to_theory[q[keep]], kind="stable")]
    nodes = bn_to_theory[q[keep]]
    if post.joint11 is None:
        raise BeleidstheorieError("impacts need the joints: infer(..., joints=True)")
    # leave_one_out's P'(y) = [J/l1 + (P(y) − J)/l0] / [P(x)/l1 + P(x = 0)/l0] rearranges to
    # P(y) − P'(y) = c_t · (P(x) P(y) − J(x, y)): one covariance per (node, query node), and
    # per item the factor c_t = (1/l1 − 1/l0) / (P(x)/l1 + P(x = 0)/l0)
    used = np.unique(item_node, return_index=True)[0]  # without return_index numpy 2.x imports numpy.ma
    py = post.marginal[q[keep]]
    cov = post.marginal[used][:, None] * py[None, :] - post.joint11[used][:, keep]
    top = np.maximum(log_l1, log_l0)
    inv1, inv0 = np.exp(top - log_l1), np.exp(top - log_l0)  # 1/l1, 1/l0 on one scale
    px = post.marginal[item_node]
    c = (inv1 - inv0) / (px * inv1 + (1.0 - px) * inv0)
    cols = c[:, None] * cov[np.searchsorted(used, item_node)]
    # an item's effect on its own node needs no joint: divide its likelihood out
    a, b = px * inv1, (1.0 - px) * inv0
    own = px - a / (a + b)
    col_err = own_err = None
    mo = post.moments
    if mo is not None and mo.joint is not None:
        ratio = {1: inv1 / (a + b), 0: inv0 / (a + b)}  # r(x) / r̄, on the same 1/l scale
        m11 = mo.joint[used][:, keep][np.searchsorted(used, item_node)]  # Σ w² x y / (Σ w)²
        mx = mo.marginal[item_node][:, None]
        my = mo.marginal[q[keep]][None, :]
        cells = {(1, 1): m11, (1, 0): mx - m11, (0, 1): my - m11, (0, 0): mo.total - mx - my + m11}
        left = py[None, :] - cols  # P'(y), without the item
        var = sum(
            ((yb - py[None, :]) - ratio[xa][:, None] * (yb - left)) ** 2 * np.clip(m, 0.0, None)
            for (xa, yb), m in cells.items()
        )
        col_err = Z * np.sqrt(var)
        own_left = px - own  # P'(x) on the item's own node
        m1 = mo.marginal[item_node]
        var_own = sum(
            ((xa - px) - ratio[xa] * (xa - own_left)) ** 2 * np.clip(m, 0.0, None)
            for xa, m in ((1, m1), (0, mo.total - m1))
        )
        own_err = Z * np.sqrt(var_own)
    return Impacts(nodes, cols, np.asarray(model.items.node, dtype=np.int64), own, n, col_err, own_err)
