"""The vectorised calibration gives the results of the scalar bisection it replaced (1e-12)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidstheorie.graph.load import theory_from_model
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.model import build as build_module
from beleidstheorie.reasoning.model import priors
from beleidstheorie.reasoning.model.priors import Calibration, calibrate, calibrate_many
from beleidstheorie.reasoning.network import read_network
from tests.reasoning.strategies import theories


def scalar_paths(gate, p, strength, weights, base, scale) -> float:
    """The scalar P(paths) of the replaced code (one scale per call)."""
    if p.size == 0:
        return 0.0
    s = np.clip(scale * strength, 0.0, 1.0)
    if gate == "noisy-and":
        return float(base * (weights @ np.prod(1.0 - s * (1.0 - p)[None, :], axis=1)))
    return float(1.0 - weights @ np.prod(1.0 - s * p[None, :], axis=1))


def scalar_calibrate(stated, p, strength, weights, gate, base, floor, rivals) -> Calibration:
    """The calibration as it was before vectorising: 60 scalar bisection steps."""
    rival_off = float(np.prod([1.0 - r for r in rivals])) if rivals else 1.0
    room = 1.0 - (1.0 - stated) / ((1.0 - floor) * rival_off)

    def f(scale, b=None):
        return scalar_paths(gate, p, strength, weights, base if b is None else b, scale)

    def finish(scale, b):
        paths = f(scale, b)
        leak = 1.0 - (1.0 - stated) / ((1.0 - paths) * rival_off) if paths < 1.0 else floor
        leak = float(min(max(leak, floor), 1.0 - 1e-9))
        return Calibration(scale, b, leak, paths, 1.0 - (1.0 - leak) * (1.0 - paths) * rival_off, stated)

    scale = 1.0
    if gate == "noisy-and" and p.size:
        top = 1.0 / max(float(strength.max()), 1e-12)
        at_top = f(top)
        if at_top > room:
            return finish(top, base * max(room, 0.0) / at_top if at_top > 0 else base)
    if p.size and f(1.0) > room:
        if gate == "noisy-and":
            lo, hi = 1.0, 1.0 / max(float(strength.max()), 1e-12)
        else:
            lo, hi = (0.0, 0.0) if room <= 0.0 else (0.0, 1.0)
        for _ in range(60 if lo != hi else 0):
            mid = (lo + hi) / 2
            if (f(mid) > room) == (gate != "noisy-and"):
                hi = mid
            else:
                lo = mid
        scale = lo if gate != "noisy-and" else hi
    return finish(scale, base)


def same(a: Calibration, b: Calibration) -> None:
    for field in ("scale", "base", "leak", "paths", "prior", "stated"):
        assert getattr(a, field) == pytest.approx(getattr(b, field), abs=1e-12, rel=0), field


def recorded_calls(store, monkeypatch, config=None) -> list[tuple]:
    """The arguments of every calibration that building the model of ``store`` makes."""
    calls: list[tuple] = []

    def spy(*args):
        calls.append(args)
        return calibrate(*args)

    monkeypatch.setattr(build_module, "calibrate", spy)
    network = read_network(store)
    build_module.build_model(network, config or load_config(), network.round_number(None))
    monkeypatch.undo()
    return calls


def test_every_calibration_of_the_flagship_matches_the_scalar_bisection(monkeypatch, flagship_theory):
    calls = recorded_calls(flagship_theory.store, monkeypatch)
    bisected = 0
    for args in calls:
        new, old = calibrate(*args), scalar_calibrate(*args)
        same(new, old)
        bisected += old.scale != 1.0
    assert len(calls) >= 15 and bisected > 0  # the search itself ran, not only the λ = 1 case


@settings(max_examples=40, deadline=None)
@given(theories(max_initiatives=5, max_mechanisms=5, v2=True))
def test_every_calibration_of_a_random_theory_matches_the_scalar_bisection(model):
    with pytest.MonkeyPatch.context() as mp:
        calls = recorded_calls(theory_from_model(model).store, mp)
    for args in calls:
        same(calibrate(*args), scalar_calibrate(*args))


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 12),
    st.integers(0, 3),
    st.sampled_from(["noisy-or", "noisy-and"]),
    st.floats(0.01, 0.99),
    st.floats(0.0, 0.3),
    st.lists(st.floats(0.0, 0.9), max_size=1),
    st.integers(0, 2**32 - 1),
)
def test_random_nodes_calibrate_as_the_scalar_bisection(edges, conds, gate, stated, floor, rivals, seed):
    rng = np.random.default_rng(seed)
    p = rng.random(edges)
    strength = rng.random((2**conds, edges)) * rng.choice([0.5, 1.0, 1.5])
    weights = rng.dirichlet(np.ones(2**conds))
    base = float(rng.uniform(0.3, 1.0))
    args = (stated, p, strength, weights, gate, base, floor, tuple(rivals))
    same(calibrate(*args), scalar_calibrate(*args))


def _clear_remembered(monkeypatch) -> None:
    monkeypatch.setattr(priors, "_REMEMBERED", {})  # every calibration searched anew


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 12),
    st.integers(0, 3),
    st.sampled_from(["noisy-or", "noisy-and"]),
    st.integers(1, 8),
    st.integers(0, 2**32 - 1),
)
def test_calibrations_in_one_batch_match_the_scalar_bisection_each(edges, conds, gate, batch, seed):
    rng = np.random.default_rng(seed)
    requests = []
    for _ in range(batch):  # one node's shape, numbers differing as between parameter points
        p = rng.random(edges)
        strength = rng.random((2**conds, edges)) * rng.choice([0.5, 1.0, 1.5])
        weights = rng.dirichlet(np.ones(2**conds))
        rivals = (float(rng.uniform(0, 0.9)),) if rng.random() < 0.5 else ()
        stated, floor, base = (
            float(rng.uniform(0.01, 0.99)),
            float(rng.uniform(0, 0.3)),
            float(rng.uniform(0.3, 1)),
        )
        requests.append((stated, p, strength, weights, gate, base, floor, rivals))
    with pytest.MonkeyPatch.context() as mp:
        _clear_remembered(mp)
        found = calibrate_many(requests)
    assert len(found) == len(requests)
    for args, cal in zip(requests, found, strict=True):
        same(cal, scalar_calibrate(*args))


def _points(config, n: int, seed: int) -> list:
    rng = np.random.default_rng(seed)
    ranges = config.parameter_ranges()
    keys = sorted(ranges)
    return [config.replace({k: float(rng.uniform(*ranges[k])) for k in keys}) for _ in range(n)]


def _same_model(a, b) -> None:
    for name in ("base", "edge_strength", "edge_strength_off"):
        np.testing.assert_allclose(getattr(a.net, name), getattr(b.net, name), atol=1e-12, rtol=0)
    for name in ("gate", "edge_parent", "edge_child", "edge_condition"):
        np.testing.assert_array_equal(getattr(a.net, name), getattr(b.net, name))
    assert a.net.names == b.net.names and a.notes == b.notes
    np.testing.assert_allclose(a.log_l1, b.log_l1, atol=1e-12, rtol=0)
    np.testing.assert_allclose(a.log_l0, b.log_l0, atol=1e-12, rtol=0)
    assert a.calibration.keys() == b.calibration.keys()
    for k in a.calibration:
        same(a.calibration[k], b.calibration[k])


def test_models_built_side_by_side_equal_those_built_one_by_one(monkeypatch, flagship_theory):
    network = read_network(flagship_theory.store)
    configs = _points(load_config(), 12, seed=7)
    rnd = network.round_number(None)
    _clear_remembered(monkeypatch)
    batched = build_module.build_models(network, configs, rnd)
    _clear_remembered(monkeypatch)
    one_by_one = [build_module.build_model(network, cfg, rnd) for cfg in configs]
    assert len(batched) == len(configs)
    assert any(c.scale != 1.0 for c in one_by_one[0].calibration.values())  # the search ran
    for a, b in zip(batched, one_by_one, strict=True):
        _same_model(a, b)


@settings(max_examples=25, deadline=None)
@given(theories(max_initiatives=5, max_mechanisms=5, v2=True), st.integers(0, 2**32 - 1))
def test_models_of_a_random_theory_built_side_by_side_equal_those_built_one_by_one(model, seed):
    network = read_network(theory_from_model(model).store)
    configs = _points(load_config(), 4, seed)
    rnd = network.round_number(None)
    with pytest.MonkeyPatch.context() as mp:
        _clear_remembered(mp)
        batched = build_module.build_models(network, configs, rnd)
        _clear_remembered(mp)
        one_by_one = [build_module.build_model(network, cfg, rnd) for cfg in configs]
    for a, b in zip(batched, one_by_one, strict=True):
        _same_model(a, b)
