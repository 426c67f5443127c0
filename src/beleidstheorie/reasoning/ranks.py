"""Dense ranks, and many sort keys as one int64 key: np.lexsort's permutation from one argsort.

``np.lexsort`` sorts once per key. When each key is first replaced by its dense rank
(equal values, equal rank, in the key's order), the ranks combined in mixed radix are one
integer that orders the rows exactly as the keys do, ties included; a stable argsort of it
is then the permutation ``np.lexsort`` gives, and on rows already nearly in order (the
primary key sorted, as the evidence items are in their dependence groups) it is a fraction
of the cost.

>>> a = np.array([0.5, -0.0, 0.5, 0.0])
>>> b = np.array([2, 1, 2, 1])
>>> dense_ranks(a).tolist()
[1, 0, 1, 0]
>>> key = lexsort_key([dense_ranks(a), b], [2, 3])
>>> np.argsort(key, kind="stable").tolist() == np.lexsort((a, b)).tolist()
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_INT64_MAX = np.iinfo(np.int64).max


def dense_ranks(*keys: np.ndarray) -> np.ndarray:
    """Each row's rank among the distinct rows of ``keys``, in ``np.lexsort``'s order (the
    last key primary): 0 for the first, equal rows equal rank, no gaps.

    Values are compared as ``np.lexsort`` compares them: ``-0.0`` equals ``0.0``. No NaN.

    >>> dense_ranks(np.array([3.0, 1.0, 3.0, 2.0])).tolist()
    [2, 0, 2, 1]
    >>> dense_ranks(np.array([1, 0, 1]), np.array([0, 0, 1])).tolist()
    [1, 0, 2]
    """
    size = keys[0].size
    if size == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort(keys)
    new = np.zeros(size, dtype=bool)
    for k in keys:
        s = k[order]
        new[1:] |= s[1:] != s[:-1]
    rank = np.empty(size, dtype=np.int64)
    rank[order] = np.cumsum(new)
    return rank


def lexsort_key(ranks: Sequence[np.ndarray | int], sizes: Sequence[int]) -> np.ndarray | None:
    """One int64 per row that orders the rows as ``np.lexsort(ranks)`` does (the last primary).

    ``ranks[k]`` holds integers in ``0 .. sizes[k] - 1`` (dense ranks, :func:`dense_ranks`);
    the key is their mixed-radix number, so ``np.argsort(key, kind="stable")`` equals
    ``np.lexsort(ranks)``. None when the product of ``sizes`` does not fit in an int64. A
    rank given as ``0`` leaves its digit empty: keys built over disjoint digits add up to the
    key over all of them (a part that never changes can be computed once).

    >>> lexsort_key([np.array([1, 0]), np.array([0, 1])], [2, 2]).tolist()
    [1, 2]
    >>> lexsort_key([np.array([0]), np.array([0])], [2**40, 2**40]) is None
    True
    """
    total = 1
    for s in sizes:
        total *= max(int(s), 1)
    if total > _INT64_MAX:
        return None
    key = np.zeros(np.broadcast_shapes(*(np.shape(r) for r in ranks)), dtype=np.int64)
    radix = 1
    for r, s in zip(ranks, sizes, strict=True):
        key += np.asarray(r, dtype=np.int64) * radix
        radix *= max(int(s), 1)
    return key
