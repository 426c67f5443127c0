"""The spread of a home's ratios is the concatenation it replaces: values, layout, einsum bits."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidstheorie.reasoning.inference.engine import _spread


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 4), st.integers(1, 3)), min_size=1, max_size=6),  # (roots, k)
    st.integers(1, 6),  # the union's variables
    st.integers(0, 2**32 - 1),
)
def test_the_spread_is_the_concatenation_of_the_gathers_to_the_bit(groups, union, seed):
    rng = np.random.default_rng(seed)
    states = 2**union
    ratios = [rng.random((roots, 2**k)) for roots, k in groups]
    index = [rng.integers(0, 2**k, states) for _, k in groups]
    want = np.concatenate([r[:, ix] for r, ix in zip(ratios, index, strict=True)])
    got = _spread(ratios, index)
    assert got.shape == want.shape and got.strides == want.strides
    assert got.tobytes(order="A") == want.tobytes(order="A")
    belief = rng.random((1, states))
    assert np.einsum("bu,ru->br", belief, got).tobytes() == np.einsum("bu,ru->br", belief, want).tobytes()


def test_groups_of_one_root_each_are_spread_row_major_as_their_concatenation():
    ratios = [np.array([[0.25, 0.75]]), np.array([[0.5, 0.125]])]
    index = [np.array([0, 1, 1, 0]), np.array([1, 1, 0, 0])]
    got = _spread(ratios, index)
    assert got.flags.c_contiguous and not got.flags.f_contiguous
    assert got.tolist() == [[0.25, 0.75, 0.75, 0.25], [0.125, 0.125, 0.5, 0.5]]


def test_the_state_index_holds_every_state_of_the_widest_group_scope():
    from beleidstheorie.reasoning.inference.engine import _STATE_INDEX
    from beleidstheorie.reasoning.inference.factors import MAX_GROUP_SCOPE

    assert np.iinfo(_STATE_INDEX).max >= 2**MAX_GROUP_SCOPE - 1
    assert np.dtype(_STATE_INDEX).itemsize <= 2  # a quarter of int64's memory at the flagship's limit
