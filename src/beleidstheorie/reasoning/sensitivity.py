"""How robust the conclusions are to the parameters.

Every scalar parameter, the verdict thresholds included, is moved one at a time
over a grid within its relative range; each verdict's *flip point* is the
smallest relative change of any one parameter that changes it: the grid step
that first flips it and the step before it bracket the flip, which bisection then
narrows until the two ends are one double apart (the flip point is exact to the
resolution of floating point, not to the grid), and mechanism pairs whose order by
score ever swaps are listed.
Beside that, every node gets its *joint* range: all parameters and thresholds
varied together over their documented ranges (the Latin hypercube of ``score``'s
intervals), and whether its verdict is robust there.

>>> from beleidstheorie.graph.load import load_theory
>>> result = sensitivity(load_theory(EXAMPLE))
>>> result.node("vaste-contacten").flip is not None
True
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from beleidstheorie.graph.store import Store
from beleidstheorie.reasoning.analysis.intervals import scalar_parameters, with_parameter
from beleidstheorie.reasoning.config import Config, load_config
from beleidstheorie.reasoning.frames import FrameMixin
from beleidstheorie.reasoning.network import read_network
from beleidstheorie.reasoning.score import (
    evaluate,
    score_configs,
    score_intervals,
    score_verdicts,
    verdicts_of,
)

RESOLUTION = float(np.finfo(float).eps)  # a flip point's bracket ends this narrow, relative to it
SPLIT = 2  # bisection steps per batched round of the flip-point search (3 points scored at once)
MAX_STEPS = 80  # bisection steps at most: more than a double's 53 bits, so RESOLUTION ends the search
ROUNDS = -(-MAX_STEPS // SPLIT)  # rounds of the search at most
AHEAD = 1  # rounds of the search scored in one batched pass: on the flagship 1 is fastest once
# brackets that cannot win are dropped (the rest need no inference); more pays where many do


@dataclass(frozen=True)
class Flip:
    """The smallest one-parameter change found that flips a verdict."""

    parameter: str
    relative_change: float  # e.g. -0.12 = parameter lowered by 12 %
    value: float
    verdict: str  # the verdict it flips to


@dataclass(frozen=True)
class NodeSensitivity:
    """One node's verdict, its score range under perturbation, and its flip point."""

    id: str
    key: str
    kind: str
    label: str
    label_en: str
    verdict: str
    score: float
    score_min: float
    score_max: float
    flip: Flip | None
    flip_in_range: bool  # whether the flip lies within the documented range
    # all parameters and thresholds varied jointly over their documented ranges
    # (the intervals of ``score``, :mod:`.analysis.intervals`)
    joint_min: float | None = None
    joint_max: float | None = None
    robust: bool | None = None  # the verdict holds at every joint point


@dataclass(frozen=True)
class SensitivityResult(FrameMixin):
    """Robustness of every verdict and of the mechanism ordering."""

    round: str
    relative_range: float
    parameters: tuple[str, ...]
    nodes: tuple[NodeSensitivity, ...]
    order_flips: tuple[tuple[str, str, str], ...]  # (mechanism a, mechanism b, parameter)

    def node(self, key: str) -> NodeSensitivity:
        """The entry of the node with this IRI or id."""
        return next(n for n in self.nodes if key in (n.id, n.key))


def sensitivity(
    source: Store | object, config: Config | None = None, round: str | int | None = None
) -> SensitivityResult:
    """Perturb each parameter within ``config.sensitivity.relative_range``."""
    config = config or load_config()
    net = read_network(getattr(source, "store", source))  # type: ignore[arg-type]
    rnd = net.round_number(round)
    nodes = list(range(net.mechanism_offset, net.main_goal_index + 1))
    base = evaluate(None, config, rnd, explain=False, network=net)
    base_post, base_verdicts = base.post, verdicts_of(base, nodes)

    def at(configs: list[Config]) -> list[tuple[np.ndarray, list[str]]]:
        # one batched pass with the nominal inference plan (score_configs)
        return [(p, [vs[i] for i in nodes]) for p, _, vs in score_configs(base, configs)]

    def judged(configs: list[Config], asked: list[np.ndarray]) -> list[list[str]]:
        # verdicts only: inferred only where one of the asked nodes' verdicts reads its posterior
        return score_verdicts(base, configs, asked)

    lo = base_post[nodes].copy()
    hi = base_post[nodes].copy()
    flips: dict[int, Flip] = {}
    order_flips: set[tuple[str, str, str]] = set()
    mech = np.arange(net.mechanism_offset, net.subgoal_offset)
    base_order = np.sign(base_post[mech][:, None] - base_post[mech][None, :])
    r, steps = config.sensitivity.relative_range, config.sensitivity.steps
    params = list(scalar_parameters(config))
    grid = np.linspace(-r, r, steps)
    # Beyond the documented range only to locate flip points, not for ranges.
    wide = np.array([x for x in np.linspace(-0.95, 0.95, 39) if abs(x) > r])
    brackets: list[tuple[float, int, int, str, float, str, float, float, str]] = []
    # every parameter's steps scored in one batched pass
    steps_of = [x for x in [*sorted(grid, key=abs), *sorted(wide, key=abs)] if x != 0]
    moved = [
        [
            (rel, cfg)
            for rel in steps_of
            if (cfg := with_parameter(config, path, value * (1 + rel))) is not None
        ]
        for path, value in params
    ]
    # Within the range every node's posterior counts (the ranges, the order); beyond it only
    # the verdicts (the flip points), so those points are inferred only where a verdict reads it.
    flat = [(abs(rel) <= r + 1e-12, cfg) for cfgs in moved for rel, cfg in cfgs]
    posts = iter(at([cfg for inside, cfg in flat if inside]))
    beyond = [cfg for inside, cfg in flat if not inside]
    judged_beyond = iter(judged(beyond, [np.array(nodes)] * len(beyond)))
    scored_all = iter([next(posts) if inside else (None, next(judged_beyond)) for inside, _ in flat])
    for (path, value), cfgs in zip(params, moved, strict=True):
        scored = [next(scored_all) for _ in cfgs]
        for (rel, _), (post, _verdicts) in zip(cfgs, scored, strict=True):
            in_range = abs(rel) <= r + 1e-12
            if in_range:
                lo = np.minimum(lo, post[nodes])
                hi = np.maximum(hi, post[nodes])
                order = np.sign(post[mech][:, None] - post[mech][None, :])
                for a, b in zip(*np.nonzero((order * base_order) < 0), strict=True):
                    if a < b:
                        order_flips.add((net.nodes[mech[a]].id, net.nodes[mech[b]].id, path))
        # Per side of the nominal value, the first step that flips a node's verdict and the
        # last step before it that keeps it bracket a flip point.
        last_kept: dict[tuple[int, bool], float] = {}
        bracketed: set[tuple[int, bool]] = set()
        for (rel, _), (_, verdicts) in zip(cfgs, scored, strict=True):
            for pos, (v0, v1) in enumerate(zip(base_verdicts, verdicts, strict=True)):
                side = (pos, rel > 0)
                if side in bracketed:
                    continue
                if v0 == v1:
                    last_kept[side] = float(rel)
                    continue
                bracketed.add(side)
                inside = last_kept.get(side, 0.0)
                brackets.append((abs(inside), len(brackets), pos, path, value, v0, inside, float(rel), v1))
    # Each bracket is narrowed to the resolution of a double; all of them in lockstep, one
    # batched pass per round. Nearest brackets first: one whose every point lies further out
    # than a flip already found is never the flip (it stops being narrowed).
    narrowed = _narrow_all(
        config, sorted(brackets), lambda cfgs, pos: judged(cfgs, [np.array([nodes[p]]) for p in pos])
    )
    for bound, k, pos, path, value, _, _, _, _ in sorted(brackets):
        if k not in narrowed:
            continue  # dropped: its flip lies further out than another bracket's of this node
        found = flips.get(nodes[pos])
        if found is not None and abs(found.relative_change) <= bound:
            continue
        outside, to = narrowed[k]
        if found is None or abs(outside) < abs(found.relative_change):
            flips[nodes[pos]] = Flip(path, outside, value * (1 + outside), to)
    joint = score_intervals(base)
    out = []
    for pos, i in enumerate(nodes):
        info = net.nodes[i]
        out.append(
            NodeSensitivity(
                info.iri,
                info.id,
                info.kind,
                info.label_nl,
                info.label_en,
                base_verdicts[pos],
                float(base_post[i]),
                float(lo[pos]),
                float(hi[pos]),
                flips.get(i),
                i in flips and abs(flips[i].relative_change) <= r + 1e-12,
                float(joint.low[i]),
                float(joint.high[i]),
                bool(joint.robust[i]),
            )
        )
    round_id = next(x.id for x in net.rounds if x.number == rnd)
    return SensitivityResult(round_id, r, tuple(p for p, _ in params), tuple(out), tuple(sorted(order_flips)))


def _narrow_all(config: Config, brackets: list[tuple], judged) -> dict[int, tuple[float, str]]:
    """(flip point, verdict there) of each bracket, by its index, narrowed as :func:`_edge` does.

    The brackets advance together, ``AHEAD`` rounds of :func:`_narrowing` at a time: every point
    those rounds could ask, whichever way the verdicts fall, is scored in one call of ``judged``
    (configurations, and the position of the node each one asks about: that node's verdict at
    each), and the rounds are then played on those verdicts. They ask the very points one
    round at a time would, so the flip points are the same; the inference plan runs once per
    ``AHEAD`` rounds. A bracket whose inner end has moved to or beyond a point known to flip
    the same node (another bracket's outer end) cannot hold that node's nearest flip: its own
    lies strictly further out. It is dropped, and has no entry.
    """
    state: dict[int, tuple] = {}  # per open bracket: (kept, inside, outside, to, rounds left)
    done: dict[int, tuple[float, str]] = {}
    best: dict[int, float] = {}  # per node: the nearest end known to flip it (it only moves in)
    info = {b[1]: b for b in brackets}
    for _, k, pos, _, _, v0, inside, rel, v1 in brackets:
        state[k] = (v0, inside, rel, v1, ROUNDS)
        best[pos] = min(best.get(pos, np.inf), abs(rel))
    while state:
        for k in [k for k in state if abs(state[k][1]) >= best.get(info[k][2], np.inf)]:
            del state[k]  # its flip lies beyond its inner end, so beyond one known: not the node's flip
        asked = [
            (k, x) for k, st in state.items() for x in dict.fromkeys(_ahead(st[1], st[2], min(AHEAD, st[4])))
        ]
        cfgs = [with_parameter(config, info[k][3], info[k][4] * (1 + x)) for k, x in asked]
        valid = [(c, info[k][2]) for (k, _), c in zip(asked, cfgs, strict=True) if c is not None]
        scored = iter(judged([c for c, _ in valid], [p for _, p in valid]) if valid else [])
        seen: dict[int, dict[float, str | None]] = {k: {} for k in state}
        for (k, x), c in zip(asked, cfgs, strict=True):
            seen[k][x] = None if c is None else next(scored)[0]
        for k in list(state):
            kept, inside, outside, to, left = state[k]
            finished, (inside, outside, to, left) = _play(kept, inside, outside, to, left, seen[k])
            if finished:
                del state[k]
                done[k] = (outside, to)
            else:
                state[k] = (kept, inside, outside, to, left)
            pos = info[k][2]
            best[pos] = min(best.get(pos, np.inf), abs(outside))
    return done


def _inner(inside: float, outside: float) -> list[float]:
    """The points one round of :func:`_narrowing` scores in the bracket; none once it is narrow."""
    if abs(outside - inside) <= RESOLUTION * abs(outside):
        return []
    k = 2**SPLIT
    grid = [inside + (outside - inside) * (j / k) for j in range(1, k)]
    return [x for x in grid if x not in (inside, outside)]


def _ahead(inside: float, outside: float, rounds: int) -> list[float]:
    """Every point the next ``rounds`` rounds of :func:`_narrowing` may score, whatever the verdicts.

    >>> [round(x, 3) for x in _ahead(0.0, 1.0, 1)]
    [0.25, 0.5, 0.75]
    >>> len(_ahead(0.0, 1.0, 2))  # then one of the four quarters: 3 + 4 * 3
    15
    """
    grid = _inner(inside, outside) if rounds > 0 else []
    out = list(grid)
    ends = [inside, *grid]
    for j, x in enumerate(grid):  # the verdict first flips at x: the bracket is (ends[j], x)
        out += _ahead(ends[j], x, rounds - 1)
    if grid:  # no point flips: the bracket is (its last point, outside)
        out += _ahead(grid[-1], outside, rounds - 1)
    return out


def _play(
    kept: str, inside: float, outside: float, to: str, left: int, seen: dict[float, str | None]
) -> tuple[bool, tuple[float, float, str, int]]:
    """Rounds of :func:`_narrowing` on the verdicts ``seen``, as far as they reach: whether the
    bracket is finished, and its state (ends, verdict at the outer end, rounds left)."""
    while left > 0:
        grid = _inner(inside, outside)
        if not grid:
            return True, (inside, outside, to, left)
        if any(x not in seen for x in grid):
            return False, (inside, outside, to, left)
        left -= 1
        for x in grid:
            v = seen[x]
            if v is None:  # the configuration is invalid there: the flip is known to this bracket
                return True, (inside, outside, to, left)
            if v != kept:
                outside, to = x, v
                break
            inside = x
    return True, (inside, outside, to, left)


def _narrowing(
    kept: str, inside: float, outside: float, to: str
) -> Generator[tuple[list[float], float], list[str | None], tuple[float, str]]:
    """:func:`_edge` as a generator: yields each round's points (and the bracket's outer end),
    receives their verdicts."""
    for _ in range(ROUNDS):
        grid = _inner(inside, outside)
        if not grid:
            break
        got = yield grid, outside
        for x, v in zip(grid, got, strict=True):
            if v is None:  # the configuration is invalid there: the flip is known to this bracket
                return outside, to
            if v != kept:
                outside, to = x, v
                break
            inside = x
    return outside, to


def _edge(verdicts_at, kept: str, inside: float, outside: float, to: str) -> tuple[float, str]:
    """Narrow the bracket from ``inside`` (verdict ``kept``) to ``outside`` (verdict ``to``) until
    its ends are one double apart (relative ``RESOLUTION``): the flip point and the verdict there.

    Each round scores the 2^SPLIT − 1 inner points of the bracket in one batched call and
    keeps the step where the verdict first differs from ``kept``, seen from ``inside``
    (SPLIT bisection steps at once).

    >>> _edge(lambda xs: ["b" if x >= 0.3 else "a" for x in xs], "a", 0.0, 0.5, "b")[0] == 0.3
    True
    """
    steps = _narrowing(kept, inside, outside, to)
    try:
        grid, _ = next(steps)
        while True:
            grid, _ = steps.send(verdicts_at(grid))
    except StopIteration as done:
        return done.value
