"""Every score with an interval over the plausible range of all parameters, varied jointly.

The parameters are sampled together by a Latin hypercube over their documented
ranges (each range cut into ``points`` strata, one draw per stratum, the strata of
different parameters paired at random), plus the nominal point. Each point is scored
with the same inference; a score's interval is the smallest and largest posterior
over the points, widened by the sampling error bound where inference was sampled.
A verdict is *robust* when it is the same at every point.

The ranges come from ``Config.parameter_ranges()`` when the configuration defines
them; otherwise every positive scalar parameter varies by ±``sensitivity.relative_range``
(clipped to the parameter's valid domain). Points where the configuration becomes
invalid (e.g. a sensitivity at or below its false-positive rate) are skipped and counted.

>>> ranges = {"prior.delivery": (0.4, 0.6)}
>>> pts = latin_hypercube(ranges, 4, seed=0)
>>> sorted(int(v["prior.delivery"] * 10 // 0.5) for v in pts)   # one draw in each quarter
[8, 9, 10, 11]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from beleidstheorie.reasoning.config import Config

DEFAULT_POINTS = 24
EDGE = 1e-3  # probabilities stay within [EDGE, 1 − EDGE]


@dataclass(frozen=True, eq=False)
class Intervals:
    """Per node: the score's range over the parameter points and whether its verdict holds."""

    low: np.ndarray  # (n,)
    high: np.ndarray  # (n,)
    robust: np.ndarray  # (n,) bool: the verdict is the same at every point
    points: int  # parameter points scored (the nominal one included)
    skipped: int  # sampled points where the configuration was invalid
    ranges: dict[str, tuple[float, float]]


def scalar_parameters(config: Config) -> Iterator[tuple[str, float]]:
    """(dotted path, value) of every perturbable parameter."""
    data = config.model_dump()
    skip = {"version", "sensitivity"}
    stack: list[tuple[str, Any]] = [(k, v) for k, v in data.items() if k not in skip]
    while stack:
        path, value = stack.pop(0)
        if isinstance(value, dict):
            stack[:0] = [(f"{path}.{k}", v) for k, v in value.items()]
        elif isinstance(value, float) and value > 0:
            yield path, value


_dumped: list[tuple[Config, dict[str, Any]]] = []  # the last configuration dumped, and its dump


def _copied(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _copied(v) for k, v in data.items()}
    return list(map(_copied, data)) if isinstance(data, list) else data


def _dump(config: Config) -> dict[str, Any]:
    """``config.model_dump()``, dumped once for a run of calls on the same configuration."""
    if not _dumped or _dumped[0][0] is not config:
        _dumped[:] = [(config, config.model_dump())]
    return _copied(_dumped[0][1])


def with_parameter(config: Config, path: str, value: float) -> Config | None:
    """A copy of ``config`` with one parameter set, or None where it is invalid."""
    one_value = getattr(config, "_one_value", None)
    if callable(one_value):
        decided, fast = one_value(path, value)
        if decided:  # the one number judged as validating the whole configuration judges it
            return fast
    data = _dump(config)
    node = data
    keys = path.split(".")
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value
    try:
        return Config.model_validate(data)
    except Exception:
        return None


def parameter_ranges(config: Config) -> dict[str, tuple[float, float]]:
    """(low, high) of every parameter that varies, by dotted path.

    >>> from beleidstheorie.reasoning.config import load_config
    >>> parameter_ranges(load_config())["link.strong"]
    (0.35, 0.7)
    """
    own = getattr(config, "parameter_ranges", None)
    if callable(own):
        return {str(k): (float(v[0]), float(v[1])) for k, v in dict(own()).items()}
    r = config.sensitivity.relative_range
    out = {}
    for path, value in scalar_parameters(config):
        lo, hi = value * (1 - r), value * (1 + r)
        if value < 1.0 and not path.startswith("dependence"):
            lo, hi = max(lo, EDGE), min(hi, 1 - EDGE)
        elif value <= 1.0:
            lo, hi = max(lo, 0.0), min(hi, 1.0)
        out[path] = (round(lo, 12), round(hi, 12))
    return out


def latin_hypercube(
    ranges: dict[str, tuple[float, float]], points: int, seed: int = 0
) -> list[dict[str, float]]:
    """``points`` joint parameter settings, one per stratum of every range."""
    rng = np.random.default_rng(seed)
    names = sorted(ranges)
    u = (
        rng.permuted(np.tile(np.arange(points), (len(names), 1)), axis=1) + rng.random((len(names), points))
    ) / points
    lo = np.array([ranges[name][0] for name in names], dtype=float)
    hi = np.array([ranges[name][1] for name in names], dtype=float)
    values = (lo[:, None] + u * (hi - lo)[:, None]).T.tolist()  # (points, parameters)
    return [dict(zip(names, row, strict=True)) for row in values]


def apply(config: Config, values: dict[str, float]) -> Config | None:
    """``config`` with every parameter in ``values`` set, or None where it becomes invalid."""
    replace = getattr(config, "replace", None)
    if callable(replace):
        try:
            return replace(values)
        except Exception:
            return None
    out: Config | None = config
    for path, value in values.items():
        out = with_parameter(out, path, value) if out is not None else None
    return out


def intervals(
    config: Config,
    evaluate_at: Callable[[list[Config]], list[tuple[np.ndarray, np.ndarray, list[str]]]],
    nominal: tuple[np.ndarray, np.ndarray, list[str]],
    *,
    points: int = DEFAULT_POINTS,
    seed: int = 0,
) -> Intervals:
    """Score at ``points`` joint parameter settings.

    ``evaluate_at(configs)`` returns, per configuration, (posteriors, error bounds,
    verdicts); ``nominal`` is that triple at ``config`` itself.
    """
    ranges = parameter_ranges(config)
    post, bound, verdicts = nominal
    low, high = post - bound, post + bound
    robust = np.ones(post.size, dtype=bool)
    configs = [apply(config, values) for values in latin_hypercube(ranges, points, seed)]
    valid = [c for c in configs if c is not None]
    for p, b, v in evaluate_at(valid) if valid else []:
        low = np.minimum(low, p - b)
        high = np.maximum(high, p + b)
        robust &= np.array([a == c for a, c in zip(v, verdicts, strict=True)])
    return Intervals(
        np.clip(low, 0.0, 1.0),
        np.clip(high, 0.0, 1.0),
        robust,
        len(valid) + 1,
        len(configs) - len(valid),
        ranges,
    )
