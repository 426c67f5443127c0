"""A node calibrated alone or in a batch gets the same calibration, bit for bit.

``build_model`` calibrates each node with :func:`calibrate`; ``build_models`` (the parameter
points of sensitivity and intervals) calibrates them in batches with :func:`calibrate_many`,
whose promise is that the search finds the brackets :func:`calibrate` finds — the same grid
points, so the same scale. The comparison with the scalar bisection (tests/reasoning/
test_priors.py) allows 1e-12; this one allows nothing, so a search that halves its bracket
more or fewer times than the other, or breaks a tie on the other side, shows here even where
the difference is far below any tolerance. The requests cover both gates, condition states,
many arrows, weak strengths and priors just above the leak floor (small scales).
"""

from __future__ import annotations

import numpy as np
import pytest

from beleidstheorie.reasoning.model import priors
from beleidstheorie.reasoning.model.priors import calibrate, calibrate_many

FIELDS = ("scale", "base", "leak", "paths", "prior", "stated")


def requests(seed: int, n: int) -> list[tuple]:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        edges, conds = int(rng.integers(1, 40)), int(rng.integers(0, 4))
        p = rng.random(edges)
        strength = rng.random((2**conds, edges)) * rng.choice([0.01, 0.5, 1.0, 1.5])
        weights = rng.dirichlet(np.ones(2**conds))
        floor = float(rng.uniform(0, 0.3))
        near_floor = rng.random() < 0.3
        stated = (
            floor + float(rng.uniform(0.001, 0.01)) if near_floor else float(rng.uniform(floor + 0.01, 0.99))
        )
        rivals = (float(rng.uniform(0, 0.9)),) if rng.random() < 0.3 else ()
        base = float(rng.uniform(0.3, 1.0))
        out.append((stated, p, strength, weights, ("noisy-or", "noisy-and")[i % 2], base, floor, rivals))
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_a_calibration_made_in_a_batch_is_the_one_made_alone(monkeypatch, seed):
    batch = requests(seed, 400)
    monkeypatch.setattr(priors, "_REMEMBERED", {})  # every calibration searched anew
    alone = [calibrate(*r) for r in batch]
    monkeypatch.setattr(priors, "_REMEMBERED", {})
    together = calibrate_many(batch)
    assert sum(c.scale != 1.0 for c in alone) > 100  # the search itself ran, for both gates
    assert {r[4] for r, c in zip(batch, alone, strict=True) if c.scale != 1.0} == {"noisy-or", "noisy-and"}
    for request, one, many in zip(batch, alone, together, strict=True):
        for name in FIELDS:
            assert getattr(many, name) == getattr(one, name), (name, request)


@pytest.mark.parametrize("strengths", [1, 2, 3])
def test_merging_keeps_exactly_one_column_per_distinct_edge_with_its_count(strengths):
    """Equal (p, strengths) columns merge whatever their order: the kept ones are the distinct ones."""
    rng = np.random.default_rng(strengths)
    edges = 4 * priors.MERGE_FROM
    p = rng.choice([0.2, 0.7], edges)
    strength = rng.choice([0.1, 0.4, 0.9], (strengths, edges))
    job = ("gate", p, strength, "weights", "base", "lo", "hi", "room", "rising")
    merged = priors._merged(job)
    kept = np.vstack([merged[1][None, :], merged[2]])
    distinct, counts = np.unique(np.vstack([p[None, :], strength]), axis=1, return_counts=True)
    assert kept.shape == distinct.shape
    assert sorted(map(tuple, kept.T)) == sorted(map(tuple, distinct.T))
    assert merged[-1].sum() == edges
    by_column = dict(zip(map(tuple, kept.T), merged[-1], strict=True))
    assert [by_column[tuple(c)] for c in distinct.T] == counts.tolist()
    assert merged[3:-1] == job[3:]
