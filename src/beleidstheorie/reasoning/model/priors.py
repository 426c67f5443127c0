"""Calibrating a node's link strengths and leak so that its prior is the stated one.

A node X with stated prior π combines the theory's own parents through its gate
(the *paths*), its rival context factors (each an alternative route) and a leak
for everything else:

    P(X = 0) = (1 − leak) · (1 − P(paths)) · ∏_r (1 − P(rival r))

With the parents' prior marginals p_e (assumed independent a priori) the paths
probability of a noisy-OR is ``1 − E_c ∏_e (1 − p_e s_e(c))`` and of a noisy-AND
``base · E_c ∏_e (1 − s_e(c) (1 − p_e))``, the expectation running over the states
of the edges' condition nodes (independent roots, so that part is exact). The
nominal strengths s_e come from the config; one common factor λ scales them. If
the nominal paths leave room, λ = 1 and the leak takes the remainder; if they
would exceed what π allows (many arrows drawn into a noisy-OR), λ < 1 is found by
bisection so that the leak sits at its floor and P(X) = π. A noisy-AND's paths
fall as λ rises, so there λ rises (strengths at most 1) and, if that is not
enough, its base P(paths | all parents on) is lowered. A prior therefore does not
grow with the number of arrows drawn. See docs/method.md §2.3.

>>> c = calibrate(0.5, np.array([0.5]), np.array([[0.3]]), np.array([1.0]), "noisy-or", 1.0, 0.05, ())
>>> round(c.scale, 3), round(c.leak, 4), round(c.prior, 4)
(1.0, 0.4118, 0.5)
>>> many = calibrate(0.5, np.full(30, 0.5), np.full((1, 30), 0.3), np.array([1.0]), "noisy-or", 1.0, 0.05, ())
>>> round(many.leak, 3), round(many.prior, 4)      # 30 arrows: scaled down, same prior
(0.05, 0.5)
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

BISECTIONS = 60  # halvings of the scale's bracket: its width ends at 2^-60 of the start
CACHE_SIZE = 4096  # calibrations remembered (a frozen result per distinct set of inputs)
SPLIT = 6  # halvings per vectorised round of the search (63 points at once)
MERGE_FROM = 16  # edges of a node from which the batched search merges equal ones


@dataclass(frozen=True)
class Calibration:
    """The outcome of calibrating one node."""

    scale: float  # λ, the common factor on the nominal strengths
    base: float  # a noisy-AND's P(paths | every parent on), lowered when λ alone cannot reach π
    leak: float  # P(X = 1) from unnamed other causes
    paths: float  # P(paths) a priori, under the independence assumption
    prior: float  # the resulting prior under that assumption
    stated: float  # the stated prior π


_REMEMBERED: dict[tuple, Calibration] = {}


def paths_probability(
    gate: str, p: np.ndarray, strength: np.ndarray, weights: np.ndarray, base: float, scale: float
) -> float:
    """P(paths = 1) for parents with prior marginals ``p``.

    ``strength`` is (S, E): the nominal strength of each edge in each of S states of
    the condition nodes, which have probabilities ``weights`` (S,).
    """
    if p.size == 0:
        return 0.0
    return float(paths_at(gate, p, strength, weights, base, np.array([scale]))[0])


def paths_at(
    gate: str, p: np.ndarray, strength: np.ndarray, weights: np.ndarray, base: float, scales: np.ndarray
) -> np.ndarray:
    """:func:`paths_probability` at every scale in ``scales`` (K,) at once: (K,)."""
    s = np.clip(scales[:, None, None] * strength[None, :, :], 0.0, 1.0)  # (K, S, E)
    if gate == "noisy-and":
        return base * (np.prod(1.0 - s * (1.0 - p), axis=2) @ weights)
    return 1.0 - np.prod(1.0 - s * p, axis=2) @ weights


def _search(f_at, lo: float, hi: float, room: float, rising: bool) -> tuple[float, float]:
    """The bracket [lo, hi] of width (hi − lo) / 2^BISECTIONS around where ``f`` crosses ``room``.

    The same bracket as BISECTIONS halvings (``hi`` moves to a point where
    ``(f > room) == rising``, ``lo`` to one where not), found SPLIT halvings at a time:
    each round evaluates ``f`` at the 2^SPLIT − 1 inner points of the bracket in one
    vectorised call and keeps the sub-interval where the predicate first turns true.
    """
    done = 0
    while done < BISECTIONS:
        m = min(SPLIT, BISECTIONS - done)
        k = 2**m
        grid = lo + (hi - lo) * (np.arange(1, k) / k)
        moved = (f_at(grid) > room) == rising
        first = int(np.argmax(moved)) if moved.any() else k - 1
        new_hi = float(grid[first]) if moved.any() else hi
        new_lo = float(grid[first - 1]) if first > 0 else lo
        lo, hi = new_lo, new_hi
        done += m
    return lo, hi


Request = tuple[float, np.ndarray, np.ndarray, np.ndarray, str, float, float, tuple[float, ...]]
"""The arguments of :func:`calibrate`: (stated, p, strength, weights, gate, base, floor, rivals)."""


def _key(request: Request) -> tuple:
    stated, p, strength, weights, gate, base, floor, rivals = request
    return (
        stated,
        p.tobytes(),
        strength.shape,
        strength.tobytes(),
        weights.tobytes(),
        gate,
        base,
        floor,
        rivals,
    )


def _remember(key: tuple, found: Calibration) -> None:
    if len(_REMEMBERED) >= CACHE_SIZE:
        del _REMEMBERED[next(iter(_REMEMBERED))]
    _REMEMBERED[key] = found


def calibrate(
    stated: float,
    p: np.ndarray,
    strength: np.ndarray,
    weights: np.ndarray,
    gate: str,
    base: float,
    floor: float,
    rivals: tuple[float, ...],
) -> Calibration:
    """Scale and leak for a node with stated prior ``stated`` (see the module docstring).

    A pure function of its arguments, so its results are remembered (up to
    ``CACHE_SIZE`` of them): rebuilding a model at parameter points that leave a node's
    inputs unchanged (sensitivity moves one parameter at a time) reuses its calibration.
    """
    request = (stated, p, strength, weights, gate, base, floor, rivals)
    key = _key(request)
    found = _REMEMBERED.get(key)
    if found is None:
        steps = _calibrate(*request)
        try:
            job = next(steps)
            while True:
                job = steps.send(_search(lambda sc, j=job: paths_at(*j[:5], sc), *job[5:]))
        except StopIteration as done:
            found = done.value
        _remember(key, found)
    return found


def calibrate_many(requests: list[Request]) -> list[Calibration]:
    """:func:`calibrate` of each request; the scale searches of equal shapes run as one.

    Each search round evaluates the 2^SPLIT − 1 inner points of every request's bracket
    in one vectorised call, so the brackets are those :func:`calibrate` finds (the same
    grid points; the paths probabilities equal to rounding).
    """
    out: list[Calibration | None] = [None] * len(requests)
    keys = [_key(r) for r in requests]
    steps: dict[int, object] = {}
    jobs: dict[int, tuple] = {}
    for i, (request, key) in enumerate(zip(requests, keys, strict=True)):
        found = _REMEMBERED.get(key)
        if found is not None:
            out[i] = found
            continue
        step = _calibrate(*request)
        try:
            jobs[i] = next(step)
            steps[i] = step
        except StopIteration as done:
            out[i] = done.value
    groups: dict[tuple, list[int]] = {}
    searched = {i: _merged(job) for i, job in jobs.items()}
    for i, job in searched.items():
        gate, p, strength, weights = job[:4]
        groups.setdefault((gate, p.shape, strength.shape, weights.shape, job[9] is None), []).append(i)
    for members in groups.values():
        brackets = _search_many([searched[i] for i in members])
        for i, bracket in zip(members, brackets, strict=True):
            try:
                steps[i].send(bracket)  # type: ignore[attr-defined]
                raise AssertionError("a calibration searches its scale at most once")
            except StopIteration as done:
                out[i] = done.value
    for i, key in enumerate(keys):
        if i in steps:
            _remember(key, out[i])  # type: ignore[arg-type]
    return out  # type: ignore[return-value]


def _merged(job: tuple) -> tuple:
    """``job`` with its equal edges merged: one column per distinct (p, strengths), and its count.

    A node with hundreds of parents (the initiatives of a mechanism) has few distinct
    ones; their product ``∏ (1 − s p)`` becomes ``∏ (1 − s p)^count``, equal to rounding.
    Appends the counts (None when every edge is distinct: the job searched as it is).
    """
    p, strength = job[1], job[2]
    if p.size < MERGE_FROM:
        return (*job, None)
    cols = np.vstack([p[None, :], strength])  # (1 + S, E)
    order = np.lexsort(cols[::-1])
    ordered = cols[:, order]
    new = np.ones(order.size, dtype=bool)
    new[1:] = np.any(ordered[:, 1:] != ordered[:, :-1], axis=0)
    if new.all():
        return (*job, None)
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, order.size)).astype(float)
    kept = ordered[:, starts]
    return (job[0], kept[0], kept[1:], *job[3:], counts)


def _search_many(jobs: list[tuple]) -> list[tuple[float, float]]:
    """:func:`_search` of several jobs of one gate and shape at once (one call per round).

    Jobs with merged edges (:func:`_merged`) raise each edge's factor to its count.
    """
    gate = jobs[0][0]
    counts = None if jobs[0][9] is None else np.stack([j[9] for j in jobs])[:, None, None, :]
    p = np.stack([j[1] for j in jobs])  # (R, E)
    strength = np.stack([j[2] for j in jobs])  # (R, S, E)
    weights = np.stack([j[3] for j in jobs])  # (R, S)
    base = np.array([j[4] for j in jobs])[:, None]
    lo = np.array([j[5] for j in jobs], dtype=float)
    hi = np.array([j[6] for j in jobs], dtype=float)
    room = np.array([j[7] for j in jobs])[:, None]
    rising = jobs[0][8]
    rows = np.arange(len(jobs))
    done = 0
    while done < BISECTIONS:
        m = min(SPLIT, BISECTIONS - done)
        k = 2**m
        grid = lo[:, None] + (hi - lo)[:, None] * (np.arange(1, k) / k)[None, :]  # (R, K)
        s = np.clip(grid[:, :, None, None] * strength[:, None, :, :], 0.0, 1.0)  # (R, K, S, E)
        q = 1.0 - s * (1.0 - p[:, None, None, :]) if gate == "noisy-and" else 1.0 - s * p[:, None, None, :]
        if counts is not None:
            q = q**counts
        if gate == "noisy-and":
            f = base * (np.prod(q, axis=3) @ weights[:, :, None])[..., 0]
        else:
            f = 1.0 - (np.prod(q, axis=3) @ weights[:, :, None])[..., 0]
        moved = (f > room) == rising
        hit = moved.any(axis=1)
        first = np.where(hit, np.argmax(moved, axis=1), k - 1)
        new_hi = np.where(hit, grid[rows, np.minimum(first, k - 2)], hi)
        new_lo = np.where(first > 0, grid[rows, np.maximum(first - 1, 0)], lo)
        lo, hi = new_lo, new_hi
        done += m
    return [(float(a), float(b)) for a, b in zip(lo, hi, strict=True)]


def _calibrate(
    stated: float,
    p: np.ndarray,
    strength: np.ndarray,
    weights: np.ndarray,
    gate: str,
    base: float,
    floor: float,
    rivals: tuple[float, ...],
) -> Generator[tuple, tuple[float, float], Calibration]:
    """The calibration; a search of the scale is asked of the driver.

    It yields (gate, p, strength, weights, base, lo, hi, room, rising) and receives the
    bracket (lo, hi) that :func:`_search` would give.
    """
    rival_off = float(np.prod([1.0 - r for r in rivals])) if rivals else 1.0
    # the largest paths probability the stated prior leaves room for
    room = 1.0 - (1.0 - stated) / ((1.0 - floor) * rival_off)

    def f(scale: float) -> float:
        return paths_probability(gate, p, strength, weights, base, scale)

    scale = 1.0
    if gate == "noisy-and" and p.size:
        top = 1.0 / max(float(strength.max()), 1e-12)
        at_top = f(top)
        if at_top > room:
            base = base * max(room, 0.0) / at_top if at_top > 0 else base
            lowered = base

            def g(sc: float) -> float:
                return paths_probability(gate, p, strength, weights, lowered, sc)

            return _finish(stated, top, lowered, g, floor, rival_off)
    if p.size and f(1.0) > room:
        if gate == "noisy-and":
            lo, hi = 1.0, 1.0 / max(float(strength.max()), 1e-12)
        else:
            lo, hi = 0.0, 1.0
            if room <= 0.0:
                lo = hi = 0.0
        if lo != hi:
            # noisy-OR: f rises with the scale; noisy-AND: f falls with it
            lo, hi = yield (gate, p, strength, weights, base, lo, hi, room, gate != "noisy-and")
        scale = lo if gate != "noisy-and" else hi
    return _finish(stated, scale, base, f, floor, rival_off)


def _finish(stated: float, scale: float, base: float, f_at, floor: float, rival_off: float) -> Calibration:
    paths = f_at(scale)
    leak = 1.0 - (1.0 - stated) / ((1.0 - paths) * rival_off) if paths < 1.0 else floor
    leak = float(min(max(leak, floor), 1.0 - 1e-9))
    prior = 1.0 - (1.0 - leak) * (1.0 - paths) * rival_off
    return Calibration(scale, base, leak, paths, prior, stated)
