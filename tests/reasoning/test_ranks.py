"""One int64 key of dense ranks sorts as ``np.lexsort`` of the keys, ties and all."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidstheorie.reasoning import ranks
from beleidstheorie.reasoning.ranks import dense_ranks, lexsort_key

# few distinct values, so that rows tie; both signs of zero, no NaN
VALUES = st.sampled_from([-2.5, -1.0, -0.0, 0.0, 0.5, 1e-300, 3.0, np.inf, -np.inf]) | st.floats(
    -4, 4, allow_nan=False
)


def columns(rows: list[tuple[float, ...]], k: int) -> list[np.ndarray]:
    return [np.array([r[j] for r in rows], dtype=float) for j in range(k)]


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 4).flatmap(lambda k: st.lists(st.tuples(*[VALUES] * k), max_size=60)))
def test_a_stable_sort_of_the_key_of_dense_ranks_is_the_lexsort_of_the_keys(rows):
    k = len(rows[0]) if rows else 1
    keys = columns(rows, k) if rows else [np.zeros(0)]
    dense = [dense_ranks(key) for key in keys]
    key = lexsort_key(dense, [max(len(rows), 1)] * k)
    assert key is not None
    assert np.argsort(key, kind="stable").tolist() == np.lexsort(keys).tolist()


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 3).flatmap(lambda k: st.lists(st.tuples(*[VALUES] * k), min_size=1, max_size=60)))
def test_dense_ranks_of_many_keys_are_equal_exactly_for_rows_equal_as_numbers(rows):
    k = len(rows[0])
    got = dense_ranks(*columns(rows, k))
    order = np.lexsort(columns(rows, k))
    assert sorted(set(got.tolist())) == list(range(len(set(got.tolist()))))  # no gaps, from 0
    assert (np.diff(got[order]) >= 0).all()  # in lexsort's order
    for a in range(len(rows)):
        for b in range(len(rows)):
            same = all(x == y for x, y in zip(rows[a], rows[b], strict=True))  # -0.0 == 0.0
            assert (got[a] == got[b]) == same


def test_dense_ranks_of_nothing_are_empty():
    assert dense_ranks(np.zeros(0)).tolist() == []


def test_a_digit_given_as_zero_leaves_it_to_a_key_added_later():
    a, b, c = np.array([2, 0, 1]), np.array([1, 1, 0]), np.array([0, 3, 3])
    whole = lexsort_key([a, b, c], [3, 2, 4])
    assert (lexsort_key([0, b, 0], [3, 2, 4]) + lexsort_key([a, 0, c], [3, 2, 4])).tolist() == whole.tolist()


def test_a_key_too_wide_for_an_int64_is_refused(monkeypatch):
    assert lexsort_key([np.array([0])] * 2, [2**31, 2**31]) is not None
    assert lexsort_key([np.array([0])] * 2, [2**32, 2**32]) is None
    monkeypatch.setattr(ranks, "_INT64_MAX", 5)
    assert lexsort_key([np.array([0])] * 2, [2, 3]) is None
