"""Importance sampling with the evidence absorbed locally, and its computed error.

Nodes are sampled level by level in topological order. Each node is drawn from its
conditional given the sampled parents *times its own evidence*,
``q(x | pa) ∝ P(x | pa) · L(x)``, and the sample's weight multiplies by the
normaliser ``Σ_x P(x | pa) L(x)``. So a node's own evidence never costs weight —
only disagreement between a node's evidence and what its sampled parents make likely
does. The estimates are self-normalised; the standard error of each posterior is the
delta-method one, ``se(p̂)² = Σ w² (x − p̂)² / (Σ w)²``, and the effective sample size is
``(Σ w)² / Σ w²``. Sampling continues in batches until every requested posterior has
``z · se`` below the tolerance (with at least :data:`MIN_ESS` effective samples, so that
the standard errors themselves can be trusted) or the sample cap is reached; the result
reports what was achieved, never more. The last batch is sized from the standard errors so far (the
samples the slowest node still needs), so a loose tolerance does not pay for a whole batch.

The same weighted sample also gives joints ``P(X = 1, Y = 1 | e)`` with chosen columns Y
and, in :class:`Moments`, the weighted second moments ``Σ w² x / (Σ w)²`` and
``Σ w² x y / (Σ w)²`` — all the delta method needs for the standard error of anything
computed from those joints (the impacts of :mod:`..analysis.impacts`).

>>> import numpy as np
>>> from beleidstheorie.reasoning.model.bayesnet import BayesNet, ROOT, NOISY_OR
>>> net = BayesNet(
...     names=("d", "m"), gate=np.array([ROOT, NOISY_OR]), base=np.array([0.5, 0.05]),
...     edge_parent=np.array([0]), edge_child=np.array([1]), edge_strength=np.array([0.5]),
...     edge_condition=np.array([-1]), edge_strength_off=np.array([0.0]))
>>> est = importance_sample(net, np.zeros(2), np.zeros(2), np.array([1]), tolerance=0.01)
>>> bool(abs(est.marginal[1] - 0.2875) < 0.01), est.ess > 1000
(True, True)
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass

import numpy as np

from beleidstheorie.reasoning.inference.factors import normalised_likelihood
from beleidstheorie.reasoning.model.bayesnet import NOISY_AND, BayesNet

Z = 3.0  # the reported error bound is Z standard errors
BATCH = 4096
MIN_BATCH = 1024  # the last batch, sized to what the slowest node still needs, is at least this
MIN_SAMPLES = 16_384  # at the default tolerance (0.005); scaled by (0.005 / tolerance)² below
MIN_SAMPLES_FLOOR = 4096  # ... but never fewer before the standard errors are trusted
MIN_ESS = 1000  # nor before the weights amount to this many effective samples
REFERENCE_TOLERANCE = 0.005
MAX_SAMPLES = 1_048_576
EPS = 1e-12


@dataclass(frozen=True, eq=False)
class Moments:
    """Weighted second moments of the sample, each divided by ``(Σ w)²``.

    The delta-method variance of a self-normalised estimate whose per-sample
    linearisation ``g`` depends only on ``(x_X, x_Y)`` is ``Σ_{a,b} g(a, b)² M[a, b]``,
    with ``M[1, 1] = joint[X, Y]``, ``M[1, ·] = marginal[X]`` and ``M[·, ·] = total``.
    """

    total: float  # Σ w² / (Σ w)² = 1 / ESS
    marginal: np.ndarray  # (n,) Σ w² x / (Σ w)²
    joint: np.ndarray | None  # (n, c) Σ w² x y / (Σ w)² over the joint columns


@dataclass(frozen=True, eq=False)
class Estimate:
    """Self-normalised importance-sampling estimates."""

    marginal: np.ndarray  # (n,)
    stderr: np.ndarray  # (n,)
    ess: float
    samples: int
    joint11: np.ndarray | None  # (n, c) P(X = 1, Y = 1 | e) over the joint columns
    columns: np.ndarray | None = None  # (c,) the joint columns Y
    moments: Moments | None = None


_blas: list[object] = []  # threadpoolctl's controller of the loaded BLAS, made once


def _one_blas_thread() -> AbstractContextManager[object]:
    """BLAS limited to one thread while sampling: the joints' products are small and many, and
    OpenBLAS's idle workers spin between them — on 2 shared cores that doubled the CPU time of
    scoring with impacts (bench_views' theory: 1.5–1.9 s against 1.05–1.15 s with
    OPENBLAS_NUM_THREADS=1, two runs each)."""
    if not _blas:
        from threadpoolctl import ThreadpoolController  # only a sampled network needs it

        _blas.append(ThreadpoolController())
    return _blas[0].limit(limits=1, user_api="blas")  # type: ignore[attr-defined]


def min_samples(tolerance: float) -> int:
    """Samples drawn before the stopping rule is first checked, for ``tolerance``.

    The count a posterior of 0.5 needs scales with ``tolerance⁻²``; so does this floor
    (16,384 at 0.005), never below :data:`MIN_SAMPLES_FLOOR`.

    >>> min_samples(0.005), min_samples(0.02)
    (16384, 4096)
    """
    return max(MIN_SAMPLES_FLOOR, int(MIN_SAMPLES * (REFERENCE_TOLERANCE / tolerance) ** 2))


@dataclass(frozen=True, eq=False)
class _Level:
    nodes: np.ndarray
    is_and: np.ndarray
    base: np.ndarray
    parent: np.ndarray  # edges into the level
    cond: np.ndarray
    fire_state: np.ndarray
    log_on: np.ndarray
    log_off: np.ndarray
    to_child: np.ndarray  # (conditioned edges, level nodes) 0/1: which child each one enters
    # unconditioned edges: each child's sum of ln(1 − s) over its firing edges is
    # ``const + matrix @ x`` — a noisy-OR edge adds ln(1 − s)·x_parent, a noisy-AND edge
    # ln(1 − s)·(1 − x_parent) — one sparse product per level (no BLAS, whose idle threads spin)
    matrix: object | None  # scipy.sparse CSR (level nodes, n), None without such edges
    const: np.ndarray  # (level nodes,)
    conditioned: np.ndarray  # positions (within the level's edges) of the conditioned edges


def _levels(net: BayesNet) -> list[_Level]:
    from scipy.sparse import csr_matrix  # only a sampled network needs it

    n = net.n_nodes
    depth = np.zeros(n, dtype=np.int64)
    for e in np.argsort(net.edge_child, kind="stable"):
        c = int(net.edge_child[e])
        src = [int(net.edge_parent[e])]
        if net.edge_condition[e] >= 0:
            src.append(int(net.edge_condition[e]))
        depth[c] = max(depth[c], *(depth[s] + 1 for s in src))
    # edges are sorted by child and parents precede children, so one pass suffices
    levels = []
    for d in range(int(depth.max()) + 1 if n else 0):
        nodes = np.flatnonzero(depth == d)
        local = np.full(n, -1)
        local[nodes] = np.arange(nodes.size)
        sel = np.flatnonzero(local[net.edge_child] >= 0)
        child_and = net.gate[net.edge_child[sel]] == NOISY_AND
        s_on = np.clip(net.edge_strength[sel], 0.0, 1 - EPS)
        s_off = np.clip(net.edge_strength_off[sel], 0.0, 1 - EPS)
        plain = np.flatnonzero(net.edge_condition[sel] < 0)
        child_local = local[net.edge_child[sel][plain]]
        logw = np.log1p(-s_on[plain])
        is_or = ~child_and[plain]
        matrix = None
        if plain.size:
            matrix = csr_matrix(
                (np.where(is_or, logw, -logw), (child_local, net.edge_parent[sel][plain])),
                shape=(nodes.size, n),
            )
        levels.append(
            _Level(
                nodes=nodes,
                is_and=net.gate[nodes] == NOISY_AND,
                base=net.base[nodes].astype(float),
                parent=net.edge_parent[sel],
                cond=net.edge_condition[sel],
                fire_state=np.where(child_and, 0, 1),
                log_on=np.log1p(-s_on),
                log_off=np.log1p(-s_off),
                to_child=np.eye(nodes.size)[local[net.edge_child[sel][net.edge_condition[sel] >= 0]]],
                matrix=matrix,
                const=np.bincount(child_local, weights=np.where(is_or, 0.0, logw), minlength=nodes.size),
                conditioned=np.flatnonzero(net.edge_condition[sel] >= 0),
            )
        )
    return levels


def _upward(
    net: BayesNet, levels: list[_Level], l1: np.ndarray, l0: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(ln λ1, ln λ0) per node: an approximate likelihood of the evidence below it, for the proposal.

    One forward pass of mean-field marginals (each edge's parent independent, at its
    prior), then one backward pass: child c's message to parent i on edge e is
    ``Σ_c L̃(c) P̄(c | x_i)``, with the other edges of c at their mean and ``L̃(c)`` c's own
    evidence times the messages from its children. Only the proposal uses it — the
    weights divide it out — so the estimates stay consistent and their error bounds honest
    however rough the approximation (evidence pre-propagation, as in Yuan & Druzdzel 2003).
    """
    n = net.n_nodes
    parent, child, cond = net.edge_parent, net.edge_child, net.edge_condition
    on = np.clip(net.edge_strength, 0.0, 1 - EPS)
    off = np.clip(net.edge_strength_off, 0.0, 1 - EPS)
    child_and = net.gate[child] == NOISY_AND
    p = net.base.astype(float).copy()
    s_bar = on.copy()
    fire = np.zeros(child.size)
    log_keep = np.zeros(child.size)  # ln(1 − s̄_e P(e fires)) per edge
    for lv in levels:
        sel = np.flatnonzero(np.isin(child, lv.nodes))
        if not sel.size:
            continue
        has_cond = cond[sel] >= 0
        pc = np.where(has_cond, p[np.maximum(cond[sel], 0)], 1.0)
        s_bar[sel] = pc * on[sel] + (1.0 - pc) * off[sel]
        pa = p[parent[sel]]
        fire[sel] = np.where(child_and[sel], 1.0 - pa, pa)
        log_keep[sel] = np.log1p(-s_bar[sel] * fire[sel])
        total = np.zeros(n)
        np.add.at(total, child[sel], log_keep[sel])
        nodes = lv.nodes
        p[nodes] = np.where(
            lv.is_and, lv.base * np.exp(total[nodes]), 1.0 - (1.0 - lv.base) * np.exp(total[nodes])
        )
    per_child = np.zeros(n)
    np.add.at(per_child, child, log_keep)
    rest = np.exp(per_child[child] - log_keep)  # per edge: the child's other edges at their mean
    base = net.base[child].astype(float)
    log_lam = np.zeros((2, n))  # rows: x = 0, x = 1
    for lv in reversed(levels):
        sel = np.flatnonzero(np.isin(child, lv.nodes))
        if not sel.size:
            continue
        c = child[sel]
        top = log_lam[:, c].max(axis=0)
        own1 = l1[c] * np.exp(log_lam[1, c] - top)
        own0 = l0[c] * np.exp(log_lam[0, c] - top)
        for state in (0, 1):
            fires = np.where(child_and[sel], state == 0, state == 1)
            keep = rest[sel] * (1.0 - s_bar[sel] * fires)
            p1 = np.where(child_and[sel], base[sel] * keep, 1.0 - (1.0 - base[sel]) * keep)
            with np.errstate(divide="ignore"):
                np.add.at(log_lam[state], parent[sel], np.log(own1 * p1 + own0 * (1.0 - p1)))
    log_lam -= log_lam.max(axis=0)
    log_lam = np.maximum(log_lam, -700.0)
    return log_lam[1], log_lam[0]


def _draw(
    levels: list[_Level],
    l1: np.ndarray,
    l0: np.ndarray,
    rng: np.random.Generator,
    size: int,
    n: int,
    lam: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(x, ln w): ``size`` samples, node-major (n, size) 0.0/1.0, and their log-weights."""
    # node-major: a level reads its parents' rows and writes its own, all contiguous
    xt = np.zeros((n, size))
    log_w = np.zeros(size)
    for lv in levels:
        k = lv.nodes.size
        own1, own0 = l1[lv.nodes], l0[lv.nodes]
        if lam is not None:  # the proposal leans on the evidence below: q ∝ P(x | pa) L(x) λ(x)
            own1, own0 = own1 * np.exp(lam[0][lv.nodes]), own0 * np.exp(lam[1][lv.nodes])
        u = rng.random((size, k)).T  # drawn sample-major: the same stream as a (size, n) layout
        if lv.matrix is not None or lv.conditioned.size:
            log_prod = np.zeros((k, size)) if lv.matrix is None else lv.matrix @ xt
            log_prod += lv.const[:, None]
            if lv.conditioned.size:
                c = lv.conditioned
                xp = xt[lv.parent[c]]
                fires = np.where((lv.fire_state[c] == 1)[:, None], xp, 1.0 - xp)
                strength_log = np.where(xt[lv.cond[c]] > 0.5, lv.log_on[c][:, None], lv.log_off[c][:, None])
                log_prod += np.einsum("ek,es->ks", lv.to_child, fires * strength_log)
            prod = np.exp(log_prod)
            base = lv.base[:, None]
            p1 = np.where(lv.is_and[:, None], base * prod, 1.0 - (1.0 - base) * prod)
            a1 = p1 * own1[:, None]
            total = a1 + (1.0 - p1) * own0[:, None]
            with np.errstate(divide="ignore", invalid="ignore"):
                drawn = u < a1 / total
                log_w += np.log(total).sum(axis=0)
        else:  # roots: the same conditional in every sample, so one number per node
            a1 = lv.base * own1
            total = a1 + (1.0 - lv.base) * own0
            with np.errstate(divide="ignore", invalid="ignore"):
                drawn = u < (a1 / total)[:, None]
                log_w += np.log(total).sum()
        xt[lv.nodes] = drawn
        if lam is not None:  # ... and the weight divides λ(x) out again: P(x | pa) L(x) / q(x)
            on, off = lam[0][lv.nodes], lam[1][lv.nodes]
            log_w -= np.einsum("ks,k->s", drawn, on - off) + off.sum()
    return xt, log_w


def importance_sample(
    net: BayesNet,
    log_l1: np.ndarray,
    log_l0: np.ndarray,
    query: np.ndarray,
    *,
    joints: bool = False,
    columns: np.ndarray | None = None,
    tolerance: float = 0.005,
    seed: int = 0,
    max_samples: int = MAX_SAMPLES,
    proposal: str = "upward",
) -> Estimate:
    """Posterior marginals (and joints with ``columns``, default the query nodes) by importance sampling.

    Stops once ``Z · stderr ≤ tolerance`` for every query node, or at ``max_samples``.
    With ``joints`` the estimate also carries the joints and their :class:`Moments`.
    """
    n = net.n_nodes
    l1, l0 = normalised_likelihood(np.asarray(log_l1, float), np.asarray(log_l0, float))
    levels = _levels(net)
    lam = _upward(net, levels, l1, l0) if proposal == "upward" else None
    rng = np.random.default_rng(seed)
    cols = (np.asarray(query) if columns is None else np.asarray(columns, dtype=np.int64)) if joints else None
    shift = -np.inf
    s_w = s_w2 = 0.0
    s_wx = np.zeros(n)
    s_w2x = np.zeros(n)
    s_wxy = np.zeros((n, cols.size)) if cols is not None else None
    s_w2xy = np.zeros((n, cols.size)) if cols is not None else None
    drawn = 0
    first = min(min_samples(tolerance), max_samples)
    size = BATCH
    with _one_blas_thread():
        while True:
            xt, log_w = _draw(levels, l1, l0, rng, size, n, lam)
            drawn += size
            top = float(log_w.max())
            if not np.isfinite(top):
                if drawn >= max_samples:
                    break
                continue
            if top > shift:
                scale = np.exp(shift - top) if np.isfinite(shift) else 0.0
                s_w *= scale
                s_wx *= scale
                s_w2 *= scale**2
                s_w2x *= scale**2
                if s_wxy is not None:
                    s_wxy *= scale
                    s_w2xy *= scale**2
                shift = top
            w = np.exp(log_w - shift)
            w2 = w * w
            s_w += w.sum()
            s_w2 += w2.sum()
            s_wx += np.einsum("ns,s->n", xt, w)  # c_einsum: no BLAS threads to spin
            s_w2x += np.einsum("ns,s->n", xt, w2)
            if s_wxy is not None:
                xc = xt[cols].T
                s_wxy += (xt * w) @ xc
                s_w2xy += (xt * w2) @ xc
            if drawn >= first or drawn >= max_samples:
                p = s_wx / s_w
                se = np.sqrt(np.clip(s_w2x * (1 - 2 * p) + p * p * s_w2, 0.0, None)) / s_w
                worst = float((Z * se[query] / tolerance).max()) if query.size else 0.0
                trusted = s_w * s_w >= MIN_ESS * s_w2  # the delta method needs effective samples
                if drawn >= max_samples or (worst <= 1.0 and trusted):
                    break
                # se² falls as 1/samples: the slowest node needs about drawn·worst² in all
                missing = drawn * worst * worst - drawn if trusted else BATCH
                size = int(min(BATCH, max(MIN_BATCH, -(-missing // MIN_BATCH) * MIN_BATCH)))
                size = max(1, min(size, max_samples - drawn))
    if s_w <= 0:
        raise ValueError("no sample is compatible with the evidence")
    p = s_wx / s_w
    se = np.sqrt(np.clip(s_w2x * (1 - 2 * p) + p * p * s_w2, 0.0, None)) / s_w
    joint = s_wxy / s_w if s_wxy is not None else None
    moments = None
    if s_w2xy is not None:
        moments = Moments(float(s_w2 / s_w**2), s_w2x / s_w**2, s_w2xy / s_w**2)
    return Estimate(np.clip(p, 0.0, 1.0), se, float(s_w**2 / s_w2), drawn, joint, cols, moments)
