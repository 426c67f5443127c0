"""The vectorised calibration gives the results of the scalar bisection it replaced (1e-12)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidstheorie.graph.load import theory_from_model
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.model import build as build_module
from beleidstheorie.reasoning.model.priors import Calibration, calibrate
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
