"""Exact posterior marginals of the theory's noisy-OR Bayesian network.

The network has four layers: initiative delivery D_i → mechanisms M_j (noisy-OR
with leak) → sub-goals S_k (noisy-OR over their mechanisms) → main goal G
(noisy-OR over the sub-goals). Evidence enters every node as a likelihood factor.

The D → M layer is summed out exactly with the inclusion–exclusion identity of
two-layer noisy-OR networks (Heckerman's *Quickscore*): for the set F of
mechanisms that are *off*,

    P(M_F = 0, M_rest = 1, e_D) = Σ_{U ⊇ F} (−1)^{|U∖F|} g(U),
    g(U) = (1 − λ)^{|U|} ∏_i [π_i(0) + π_i(1) ∏_{j∈U} (1 − w_ij)],

where π_i is delivery node i's prior times its evidence. g is evaluated for all
2^K subsets with one matrix product and the alternating sum is a fast superset
Möbius transform, so the cost is O(n · K · 2^K) for n initiatives and K
mechanisms — exact, and independent of the number of observations. The upper
layers are summed by enumeration over the 2^J sub-goal states.

>>> import numpy as np
>>> bits = subset_bits(2)
>>> bits.astype(int).tolist()
[[0, 1, 0, 1], [0, 0, 1, 1]]
"""

from __future__ import annotations

import numpy as np

from beleidstheorie.errors import BeleidstheorieError

MAX_MECHANISMS = 18
MAX_SUBGOALS = 10


def subset_bits(k: int) -> np.ndarray:
    """(k, 2^k) boolean matrix: bit j of subset number U."""
    u = np.arange(2**k)
    return ((u[None, :] >> np.arange(k)[:, None]) & 1).astype(bool)


def superset_mobius(values: np.ndarray, k: int) -> np.ndarray:
    """h(F) = Σ_{U ⊇ F} (−1)^{|U∖F|} v(U) along the last axis (length 2^k)."""
    lead = values.shape[:-1]
    h = values.reshape(*lead, *([2] * k)).copy()
    for axis in range(len(lead), len(lead) + k):
        lo = [slice(None)] * h.ndim
        hi = [slice(None)] * h.ndim
        lo[axis], hi[axis] = 0, 1
        h[tuple(lo)] -= h[tuple(hi)]
    return h.reshape(*lead, 2**k)


def subset_mobius(values: np.ndarray, k: int) -> np.ndarray:
    """w'(U) = Σ_{F ⊆ U} (−1)^{|U∖F|} w(F): the transpose of :func:`superset_mobius`.

    Σ_F superset_mobius(g)(F) · w(F) = Σ_U g(U) · subset_mobius(w)(U), which lets many
    transforms against one weight vector be replaced by dot products.

    >>> import numpy as np
    >>> g, w = np.arange(8.0), np.array([1.0, 2, 0, 5, 3, 1, 2, 2])
    >>> bool(np.isclose(superset_mobius(g, 3) @ w, g @ subset_mobius(w, 3)))
    True
    """
    h = values.reshape([2] * k).copy()
    for axis in range(k):
        lo = [slice(None)] * k
        hi = [slice(None)] * k
        lo[axis], hi[axis] = 0, 1
        h[tuple(hi)] -= h[tuple(lo)]
    return h.reshape(2**k)


def _normalised_pair(log1: np.ndarray, log0: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    top = np.maximum(log1, log0)
    return np.exp(log1 - top), np.exp(log0 - top)


def infer(
    *,
    n_initiatives: int,
    mech_subgoal: np.ndarray,
    n_subgoals: int,
    con_init: np.ndarray,
    con_mech: np.ndarray,
    con_weight: np.ndarray,
    prior_delivery: float,
    leak_mechanism: float,
    leak_subgoal: float,
    leak_main: float,
    w_subgoal: float,
    w_main: float,
    log_l1: np.ndarray,
    log_l0: np.ndarray,
    chunk: int = 256,
) -> np.ndarray:
    """Posterior P(node = 1 | evidence) for every node of the flat index.

    ``log_l1``/``log_l0`` hold each node's summed evidence log-likelihoods;
    nodes are ordered initiatives, mechanisms, sub-goals, main goal.
    """
    n, k, j = n_initiatives, len(mech_subgoal), n_subgoals
    if k > MAX_MECHANISMS:
        raise BeleidstheorieError(
            f"exact inference handles at most {MAX_MECHANISMS} mechanisms, this theory has {k}"
        )
    if j > MAX_SUBGOALS:
        raise BeleidstheorieError(f"exact inference handles at most {MAX_SUBGOALS} sub-goals")
    m_off, s_off, g_idx = n, n + k, n + k + j

    # Delivery nodes: prior times evidence, normalised (π0 + π1 = 1).
    a1 = np.log(prior_delivery) + log_l1[:n]
    a0 = np.log1p(-prior_delivery) + log_l0[:n]
    top = np.maximum(a1, a0)
    pi1 = np.exp(a1 - top)
    pi0 = np.exp(a0 - top)
    total = pi0 + pi1
    pi1, pi0 = pi1 / total, pi0 / total

    bits = subset_bits(k)  # (k, 2^k): U contains mechanism j
    size = bits.shape[1]
    log_q = np.zeros((n, k))
    np.add.at(log_q, (con_init, con_mech), np.log1p(-np.asarray(con_weight, dtype=float)))
    active = np.flatnonzero(np.any(log_q != 0.0, axis=1))  # initiatives with contributions

    # log g(U) = |U| ln(1−λ) + Σ_i ln f_i(U), accumulated in chunks of initiatives so
    # that memory stays O(chunk · 2^K) however many initiatives there are.
    bits_f = bits.astype(float)

    def chunks():
        for start in range(0, active.size, chunk):
            idx = active[start : start + chunk]
            yield idx, np.exp(log_q[idx] @ bits_f)  # (c, 2^k): Q_i(U) = ∏_{j∈U} q_ij

    log_g = bits.sum(axis=0) * np.log1p(-leak_mechanism)
    for idx, q_u in chunks():
        log_g = log_g + np.log(pi0[idx, None] + pi1[idx, None] * q_u).sum(axis=0)
    h = np.clip(superset_mobius(np.exp(log_g), k), 0.0, None)  # indexed by F = off-set

    # Evidence on mechanisms: F is the set of mechanisms that are off.
    l1m, l0m = _normalised_pair(log_l1[m_off:s_off], log_l0[m_off:s_off])
    mech_ev = np.prod(np.where(bits, l0m[:, None], l1m[:, None]), axis=0) if k else np.ones(1)

    # Upper layers: for each mechanism configuration and sub-goal state s.
    s_bits = subset_bits(j)  # (j, 2^j)
    on_count = np.zeros((j, size))
    np.add.at(on_count, mech_subgoal, (~bits).astype(float))
    p_s1 = 1.0 - (1.0 - leak_subgoal) * (1.0 - w_subgoal) ** on_count  # (j, 2^k)
    l1s, l0s = _normalised_pair(log_l1[s_off:g_idx], log_l0[s_off:g_idx])
    l1g, l0g = _normalised_pair(log_l1[g_idx : g_idx + 1], log_l0[g_idx : g_idx + 1])
    p_g1 = 1.0 - (1.0 - leak_main) * (1.0 - w_main) ** s_bits.sum(axis=0)  # (2^j,)
    g_factor = p_g1 * l1g[0] + (1.0 - p_g1) * l0g[0]
    g_on = p_g1 * l1g[0]
    # T[F, s] = ∏_k P(s_k | config F) L_k(s_k)
    per_k = np.where(
        s_bits[:, None, :],
        (p_s1 * l1s[:, None])[:, :, None],
        ((1.0 - p_s1) * l0s[:, None])[:, :, None],
    )  # (j, 2^k, 2^j)
    t = np.prod(per_k, axis=0) if j else np.ones((size, 1))
    base_w = h * mech_ev  # (2^k,)
    upper = t @ g_factor  # (2^k,)
    weights = base_w * upper
    z = weights.sum()
    if not np.isfinite(z) or z <= 0.0:
        raise BeleidstheorieError("the evidence is contradictory beyond numerical precision")

    post = np.empty(g_idx + 1)
    post[m_off:s_off] = (weights[None, :] * ~bits).sum(axis=1) / z
    sg = base_w @ t  # (2^j,) joint weight of sub-goal states (before G)
    post[s_off:g_idx] = (s_bits * (sg * g_factor)[None, :]).sum(axis=1) / z
    post[g_idx] = float(sg @ g_on) / z

    # Delivery posteriors: clamp D_i = 1 by swapping its factor f_i for π_i1 Q_i; the
    # Möbius transform moves onto the weights, leaving one dot product per initiative.
    post[:n] = pi1
    g_w = np.exp(log_g) * subset_mobius(mech_ev * upper, k)
    for idx, q_u in chunks():
        clamped = pi1[idx, None] * q_u
        post[idx] = (clamped / (pi0[idx, None] + clamped)) @ g_w / z
    return np.clip(post, 0.0, 1.0)
