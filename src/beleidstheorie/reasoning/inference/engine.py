"""One entry point: exact inference where the width allows it, bounded sampling beyond.

:func:`infer` factorises the network's noisy gates (:mod:`.factors`), measures the
width of a min-fill elimination order (:mod:`.elimination`) and, when the largest
clique fits the budget, calibrates the junction tree: every posterior exact. Beyond
the budget it samples (:mod:`.sampling`) and reports each posterior's standard error
and the effective sample size. It never runs loopy belief propagation.

Joints for impacts come from the same pass: clamping a query node Y = 1 and
recalibrating gives P(X = 1 | e, Y = 1) for every X, so one calibration per query
node yields the whole column ``P(X = 1, Y = 1 | e)`` — no per-evidence-item
inference. :func:`leave_one_out` turns that into the posterior of every query node
with any one evidence item removed.

>>> import numpy as np
>>> from beleidstheorie.reasoning.model.bayesnet import BayesNet, ROOT, NOISY_OR
>>> net = BayesNet(
...     names=("d", "m"), gate=np.array([ROOT, NOISY_OR]), base=np.array([0.5, 0.05]),
...     edge_parent=np.array([0]), edge_child=np.array([1]), edge_strength=np.array([0.5]),
...     edge_condition=np.array([-1]), edge_strength_off=np.array([0.0]))
>>> post = infer(net, np.zeros(2), np.array([0.0, np.log(0.25)]))
>>> post.method, [round(float(p), 4) for p in post.marginal]
('exact-elimination', [0.6913, 0.6174])
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from beleidstheorie.errors import BeleidstheorieError, problem
from beleidstheorie.reasoning.inference.elimination import (
    Calibration,
    Plan,
    interaction_graph,
    plan,
    sum_onto,
)
from beleidstheorie.reasoning.inference.factors import (
    MAX_GROUP_SCOPE,
    Factorisation,
    Layout,
    factorise,
    factorise_many,
    layout,
)
from beleidstheorie.reasoning.inference.joints import Joints
from beleidstheorie.reasoning.inference.sampling import MAX_SAMPLES, Moments, Z, importance_sample
from beleidstheorie.reasoning.model.bayesnet import BayesNet

EXACT = "exact-elimination"
CLOSED_FORM = "exact-closed-form"
SAMPLED = "importance-sampling"
DEFAULT_BUDGET = 2**21  # entries of the largest clique table (16 MiB of float64)
JOINT_BATCH = 32  # clamped calibrations run together in one batched pass, at least
JOINT_ENTRIES = 2**23  # ... and up to this many entries (batch x largest clique) per pass
DEFAULT_TOLERANCE = 0.005  # sampling stops when Z standard errors are below this


@dataclass(frozen=True, eq=False)
class Posterior:
    """Posterior marginals, their error and how they were computed."""

    marginal: np.ndarray  # (n,) P(X = 1 | e)
    stderr: np.ndarray  # (n,) 0.0 where exact
    method: str
    width: int | None  # induced width of the elimination order (None when sampled)
    ess: float | None  # effective sample size (None when exact)
    query: np.ndarray  # (q,) node indices: the joints' columns Y
    joint11: np.ndarray | None  # (n, q) P(X = 1, Y = 1 | e)
    moments: Moments | None = None  # sampled joints: the weights' second moments, for error bounds

    @property
    def exact(self) -> bool:
        """Whether every posterior is exact (up to rounding)."""
        return self.method != SAMPLED

    @property
    def error_bound(self) -> np.ndarray:
        """(n,) the half-width within which each posterior is claimed: Z standard errors."""
        return Z * self.stderr


@dataclass(frozen=True, eq=False)
class Structure:
    """What the engine decides once per network shape: the plan, or that it must sample."""

    plan: Plan | None
    width: int | None  # None when the order was abandoned beyond the budget
    method: str
    layout: Layout | None = None  # the factorisation's shape, reused for new numbers


def _factor_list(fz: Factorisation) -> list[tuple[np.ndarray, tuple[int, ...]]]:
    return [(f.table, f.scope) for f in fz.factors]


def structure(
    net: BayesNet, query: np.ndarray | None = None, joints: bool = False, budget: int | None = None
) -> Structure:
    """Measure the width of the factorised network and choose the method.

    The structure depends only on the network's shape (not on evidence or parameters),
    so it can be computed once and passed to :func:`infer` for many parameter points.

    >>> import numpy as np
    >>> from beleidstheorie.reasoning.model.bayesnet import BayesNet, ROOT, NOISY_OR
    >>> net = BayesNet(("a", "b"), np.array([ROOT, NOISY_OR]), np.array([0.5, 0.1]),
    ...     np.array([0]), np.array([1]), np.array([0.5]), np.array([-1]), np.array([0.0]))
    >>> s = structure(net)
    >>> s.method, s.width
    ('exact-elimination', 1)
    """
    budget = DEFAULT_BUDGET if budget is None else budget
    zeros = np.zeros(net.n_nodes)
    lay = layout(net, _keep(net, query, joints))
    fz = factorise(net, zeros, zeros, shape=lay)
    scopes = [f.scope for f in fz.factors]
    p = plan(interaction_graph(fz.n_vars, scopes), scopes, budget)
    if p is None:
        return Structure(None, None, SAMPLED, lay)
    return Structure(p, p.width, EXACT, lay)


def _keep(net: BayesNet, query: np.ndarray | None, joints: bool) -> np.ndarray | None:
    if not joints:
        return None
    return np.arange(net.n_nodes) if query is None else np.asarray(query, dtype=np.int64)


@dataclass(frozen=True, eq=False)
class _Homes:
    """Where the absorbed groups of a factorisation meet a plan: per home clique, its groups,
    the union of their scopes, and each union state's state of each group's scope."""

    homes: tuple[tuple[int, list[int], tuple[int, ...], list[np.ndarray]], ...]  # (k, groups, union, index)


_HOMES: weakref.WeakKeyDictionary[Plan, dict[tuple, _Homes]] = weakref.WeakKeyDictionary()
_STATE_INDEX = np.int16 if MAX_GROUP_SCOPE < 16 else np.int64
"""The dtype of a group scope's state index: a scope has at most MAX_GROUP_SCOPE variables,
so its states 0 .. 2^scope - 1 fit an int16 while that is under 16."""


def _homes(fz: Factorisation, p: Plan) -> _Homes:
    """The homes of ``fz``'s groups on ``p``: they follow from the plan and the groups' scopes
    alone (the network's shape), so every factorisation of one shape shares them."""
    key = (fz.group_factor, tuple(g.scope for g in fz.groups))
    kept = _HOMES.setdefault(p, {})
    if key not in kept:
        at_home: dict[int, list[int]] = {}
        for gi, fi in enumerate(fz.group_factor):
            at_home.setdefault(p.home[fi], []).append(gi)
        homes = []
        for k, gis in at_home.items():
            union = tuple(sorted({v for gi in gis for v in fz.groups[gi].scope}))
            states = np.arange(2 ** len(union))
            bit = {v: (states >> (len(union) - 1 - j)) & 1 for j, v in enumerate(union)}
            # each union state's state of each group's scope (F order, as the group's tables),
            # kept as _STATE_INDEX (int16: a quarter of the memory, the same gathers)
            index = [
                sum(bit[v] << i for i, v in enumerate(scope)).astype(_STATE_INDEX)
                for scope in (fz.groups[gi].scope for gi in gis)
            ]
            homes.append((k, gis, union, index))
        kept[key] = _Homes(tuple(homes))
    return kept[key]


def _marginals(
    fzs: list[Factorisation], p: Plan, cal: Calibration | Joints, *, batched: bool = False
) -> np.ndarray:
    """(B, n) posteriors of every node for each batch of the calibration.

    ``fzs`` holds one factorisation per batch, or one shared by all batches; ``batched``:
    one factorisation whose arrays have the batch axis (:func:`.factors.factorise_many`).
    """
    batch = cal.batch
    fz = fzs[0]
    out = np.empty((batch, fz.n_nodes))
    absorbed = set(fz.absorbed.tolist())
    for v in range(fz.n_nodes):
        if v not in absorbed:
            out[:, v] = cal.marginal(v)
    # sum each home clique's belief once onto the union of its groups' scopes; each root's
    # posterior is that belief times the root's P(r = 1 | scope state): with one ratio for
    # every batch row (the clamps of joints) one contraction per home over the union's states;
    # with one per row (parameter points) the belief is first summed onto each group's scope
    for k, gis, union, index in _homes(fz, p).homes:
        belief = cal.belief_over(k, union).reshape(batch, -1)  # C order over ``union``
        total = belief.sum(axis=1)
        ratios = []
        for gi in gis:
            if batched:
                g = fz.groups[gi]
                pi0, pi1, f0, f1 = g.pi0[:, :, None], g.pi1[:, :, None], g.f0, g.f1
            elif len(fzs) == 1:  # the arrays of the one factorisation, with a batch axis of 1
                g = fz.groups[gi]
                pi0, pi1, f0, f1 = g.pi0[None, :, None], g.pi1[None, :, None], g.f0[None], g.f1[None]
            else:
                gs = [f.groups[gi] for f in fzs]
                pi0 = np.stack([g.pi0 for g in gs])[:, :, None]  # (B or 1, r, 1)
                pi1 = np.stack([g.pi1 for g in gs])[:, :, None]
                f0 = np.stack([g.f0 for g in gs])
                f1 = np.stack([g.f1 for g in gs])
            ratios.append(pi1 * f1 / (pi0 * f0 + pi1 * f1))  # (B or 1, r, 2^k)
        roots = np.concatenate([fz.groups[gi].roots for gi in gis])
        if ratios[0].shape[0] == 1:
            spread = _spread([r[0] for r in ratios], index)
            moved = np.einsum("bu,ru->br", belief, spread)  # c_einsum: no BLAS threads to spin
        else:
            full = belief.reshape(batch, *(2,) * len(union))
            moved = np.concatenate(
                [
                    np.einsum("brk,bk->br", r, _scope_belief(full, union, fz.groups[gi].scope, batch))
                    for r, gi in zip(ratios, gis, strict=True)
                ],
                axis=1,
            )
        out[:, roots] = moved / total[:, None]
    return out


def _spread(ratios: list[np.ndarray], index: list[np.ndarray]) -> np.ndarray:
    """(roots, union states) every root's ratio at each state of the union: ``np.concatenate(
    [r[:, ix] for r, ix in zip(ratios, index)])``, the same values in the same memory layout,
    gathered straight into one array (no copy per group).

    einsum's sums follow its operands' layout (a C-ordered copy of a column-major spread gives
    other last bits), so the layout is the one numpy gives that concatenation, asked of two
    columns of each group (a group's gather is column-major whatever its width).

    >>> r = [np.array([[0.1, 0.2], [0.3, 0.4]]), np.array([[0.5, 0.6]])]
    >>> ix = [np.array([1, 0, 1]), np.array([0, 0, 1])]
    >>> s = _spread(r, ix)
    >>> s.tolist(), s.strides == np.concatenate([a[:, i] for a, i in zip(r, ix)]).strides
    ([[0.2, 0.1, 0.2], [0.4, 0.3, 0.4], [0.5, 0.5, 0.6]], True)
    """
    like = np.concatenate([r[:, ix[:2]] for r, ix in zip(ratios, index, strict=True)])
    order = "F" if like.flags.f_contiguous and not like.flags.c_contiguous else "C"
    out = np.empty((like.shape[0], index[0].size), order=order)
    at = 0
    for r, ix in zip(ratios, index, strict=True):
        np.take(r, ix, axis=1, out=out[at : at + r.shape[0]], mode="clip")  # indices in range: no copy
        at += r.shape[0]
    return out


def _scope_belief(full: np.ndarray, union: tuple[int, ...], scope: tuple[int, ...], batch: int) -> np.ndarray:
    """(B, 2^k) ``full`` (B, 2, ..., 2 over ``union``) summed onto ``scope``, in F order."""
    sub = sum_onto(full, union, scope)
    return np.moveaxis(sub, 0, -1).reshape(-1, batch, order="F").T


def infer_many(
    nets: list[BayesNet],
    log_l1: list[np.ndarray],
    log_l0: list[np.ndarray],
    *,
    shape: Structure | None = None,
    budget: int | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    seed: int = 0,
    query: np.ndarray | None = None,
) -> list[Posterior]:
    """Posteriors of many networks of one shape (e.g. parameter points) in one batched pass.

    All ``nets`` must have the same nodes and edges; only numbers differ. Exact inference
    calibrates them together (one batch axis); beyond the budget each is sampled until the
    ``query`` nodes (default: every node) reach ``tolerance``.

    >>> import numpy as np
    >>> from beleidstheorie.reasoning.model.bayesnet import BayesNet, ROOT, NOISY_OR
    >>> nets = [BayesNet(("a", "b"), np.array([ROOT, NOISY_OR]), np.array([p, 0.1]),
    ...     np.array([0]), np.array([1]), np.array([0.5]), np.array([-1]), np.array([0.0]))
    ...     for p in (0.2, 0.8)]
    >>> [round(float(post.marginal[1]), 3) for post in infer_many(nets, [np.zeros(2)] * 2, [np.zeros(2)] * 2)]
    [0.19, 0.46]
    """
    shape = shape or structure(nets[0], budget=budget)
    if shape.plan is None:  # sampled one by one; the factorisation would go unused
        return [
            infer(net, a, b, query=query, budget=budget, tolerance=tolerance, seed=seed, shape=shape)
            for net, a, b in zip(nets, log_l1, log_l0, strict=True)
        ]
    lay = shape.layout or layout(nets[0])
    fz = factorise_many(nets, log_l1, log_l0, lay)  # the structure walked once, every table batched
    if len(fz.factors) != len(shape.plan.home):
        return [
            infer(net, a, b, query=query, budget=budget, tolerance=tolerance, seed=seed)
            for net, a, b in zip(nets, log_l1, log_l0, strict=True)
        ]
    stacked = [(f.table, f.scope) for f in fz.factors]
    marg = _marginals([fz], shape.plan, Calibration(shape.plan, stacked), batched=True)
    n = nets[0].n_nodes
    out = []
    for row in marg:
        if not np.all(np.isfinite(row)):
            raise BeleidstheorieError([problem("contradictory")])
        out.append(
            Posterior(np.clip(row, 0, 1), np.zeros(n), shape.method, shape.width, None, np.arange(n), None)
        )
    return out


def infer(
    net: BayesNet,
    log_l1: np.ndarray,
    log_l0: np.ndarray,
    *,
    query: np.ndarray | None = None,
    joints: bool = False,
    budget: int | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    seed: int = 0,
    max_samples: int = MAX_SAMPLES,
    shape: Structure | None = None,
    columns: np.ndarray | None = None,
) -> Posterior:
    """Posterior P(X = 1 | e) of every node; with ``joints`` also P(X = 1, Y = 1 | e).

    ``query`` (default: every node) are the nodes Y whose joints are computed and
    whose sampling error must reach ``tolerance``. ``budget`` caps the entries of
    the largest clique table of exact inference (default :data:`DEFAULT_BUDGET`).
    ``shape`` reuses a :func:`structure` computed for the same network shape.
    ``columns``, when sampling, narrows the joints to these nodes Y (a subset of the
    work: each column costs a pass over the samples) while every ``query`` node still
    reaches ``tolerance``; exact inference ignores it (its joints cost one sweep).
    """
    n = net.n_nodes
    log_l1 = np.asarray(log_l1, dtype=float)
    log_l0 = np.asarray(log_l0, dtype=float)
    if log_l1.shape != (n,) or log_l0.shape != (n,):
        raise BeleidstheorieError("the evidence needs one log-likelihood pair per node")
    q = np.arange(n) if query is None else np.asarray(query, dtype=np.int64)
    shape = shape or structure(net, q, joints, budget)
    if shape.plan is None:
        try:
            est = importance_sample(
                net,
                log_l1,
                log_l0,
                q,
                joints=joints,
                columns=columns,
                tolerance=tolerance,
                seed=seed,
                max_samples=max_samples,
            )
        except ValueError as exc:  # no sample meets the evidence: the exact path's error
            raise BeleidstheorieError([problem("contradictory")]) from exc
        cols = est.columns if est.columns is not None else q
        return Posterior(est.marginal, est.stderr, SAMPLED, None, est.ess, cols, est.joint11, est.moments)
    fz = factorise(net, log_l1, log_l0, keep=_keep(net, q, joints), shape=shape.layout)
    if len(fz.factors) != len(shape.plan.home):  # evidence changed which roots could be summed out
        shape = structure(net, q, joints, budget)
        if shape.plan is None:
            return infer(
                net,
                log_l1,
                log_l0,
                query=q,
                joints=joints,
                budget=budget,
                tolerance=tolerance,
                seed=seed,
                max_samples=max_samples,
                shape=shape,
                columns=columns,
            )
    p = shape.plan
    factors = _factor_list(fz)
    if not joints:
        marginal = _marginals([fz], p, Calibration(p, factors))[0]
        _check_finite(marginal)
        return Posterior(np.clip(marginal, 0.0, 1.0), np.zeros(n), shape.method, p.width, None, q, None)
    cal = Calibration(p, factors)
    with np.errstate(invalid="ignore", divide="ignore"):
        marginal = _marginals([fz], p, cal)[0]
    _check_finite(marginal)
    joint = joint_columns(fz, p, cal, q, marginal)
    marginal = np.clip(marginal, 0.0, 1.0)
    return Posterior(marginal, np.zeros(n), shape.method, p.width, None, q, joint)


def _targets(fz: Factorisation, p: Plan) -> list[tuple[int, ...] | None]:
    """Per clique: its own variable and the scopes of the absorbed groups homed there, or None
    for a clique that eliminates an auxiliary variable and is home to no group (never read)."""
    out = [{v} for v in p.order]
    homes = set()
    for gi, fi in enumerate(fz.group_factor):
        out[p.home[fi]].update(fz.groups[gi].scope)
        homes.add(p.home[fi])
    return [
        tuple(sorted(t)) if v < fz.n_nodes or k in homes else None
        for k, (v, t) in enumerate(zip(p.order, out, strict=True))
    ]


def joint_columns(
    fz: Factorisation,
    p: Plan,
    cal: Calibration,
    q: np.ndarray,
    marginal: np.ndarray,
    *,
    general: bool = False,
) -> np.ndarray:
    """(n, q) P(X = 1, Y = 1 | e) for every node X and query node Y, from the calibrated ``cal``.

    The clamped beliefs come from one sweep of the clamped messages (:class:`.joints.Joints`);
    ``general`` instead recalibrates the whole tree once per clamp, in batches — the
    reference the sweep is tested against.
    """
    n = fz.n_nodes
    joint = np.zeros((n, q.size))
    factors = _factor_list(fz)
    per_row = q.size if not general else max(JOINT_BATCH, JOINT_ENTRIES // max(2**p.width, 1))
    for start in range(0, q.size, per_row):
        cols = np.arange(start, min(start + per_row, q.size))
        with np.errstate(invalid="ignore", divide="ignore"):
            if general:
                clamps: dict[int, np.ndarray] = {}
                for b, c in enumerate(cols, start=1):
                    clamps.setdefault(int(q[c]), np.ones((cols.size + 1, 2)))[b] = (0.0, 1.0)
                rows = _marginals([fz], p, Calibration(p, factors, clamps))[1:]
            else:
                rows = _marginals([fz], p, Joints(cal, [int(y) for y in q[cols]], _targets(fz, p)))
        py = marginal[q[cols]]
        cond = np.where(py[:, None] > 0.0, rows, 0.0)
        joint[:, cols] = (cond * py[:, None]).T
    joint[q, np.arange(q.size)] = marginal[q]
    return joint


def _check_finite(marginal: np.ndarray) -> None:
    if not np.all(np.isfinite(marginal)):
        raise BeleidstheorieError([problem("contradictory")])


def leave_one_out(post: Posterior, node: np.ndarray, log_l1: np.ndarray, log_l0: np.ndarray) -> np.ndarray:
    """(items, q) posterior of each query node with evidence item t left out.

    Item t bears on ``node[t]`` with log-likelihoods ``(log_l1[t], log_l0[t])``.
    Removing it divides its likelihood out of the joint, so with ``J = joint11``
    (design doc): ``P'(y) = [J(x=1,y)/l1 + J(x=0,y)/l0] / [P(x=1)/l1 + P(x=0)/l0]``.

    >>> import numpy as np
    >>> from beleidstheorie.reasoning.model.bayesnet import BayesNet, ROOT, NOISY_OR
    >>> net = BayesNet(("a", "b"), np.array([ROOT, NOISY_OR]), np.array([0.5, 0.1]),
    ...     np.array([0]), np.array([1]), np.array([0.5]), np.array([-1]), np.array([0.0]))
    >>> post = infer(net, np.array([np.log(0.8), 0.0]), np.array([np.log(0.2), 0.0]), joints=True)
    >>> loo = leave_one_out(post, np.array([0]), np.array([np.log(0.8)]), np.array([np.log(0.2)]))
    >>> [round(float(v), 6) for v in loo[0]]   # back to the prior: P(a)=0.5, P(b)=0.1+0.9·0.25
    [0.5, 0.325]
    """
    if post.joint11 is None:
        raise BeleidstheorieError("leave-one-out needs the joints: infer(..., joints=True)")
    node = np.asarray(node, dtype=np.int64)
    a1, a0 = np.asarray(log_l1, float), np.asarray(log_l0, float)
    top = np.maximum(a1, a0)
    inv1, inv0 = np.exp(top - a1), np.exp(top - a0)  # 1/l1, 1/l0 scaled by the same factor
    j1 = post.joint11[node]  # (items, q)
    py = post.marginal[post.query][None, :]
    px = post.marginal[node][:, None]
    num = j1 * inv1[:, None] + (py - j1) * inv0[:, None]
    den = px * inv1[:, None] + (1.0 - px) * inv0[:, None]
    return np.clip(num / den, 0.0, 1.0)
