"""Pieces of the factorisation that must give the bits of the numpy call they replace."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidstheorie.reasoning.inference.factors import _added_at

VALUES = st.sampled_from([-0.0, 0.0, -1e-300, 1e-16, -0.7, 0.3, 1e300, -1e300]) | st.floats(
    -50, 50, allow_nan=False
)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 6),  # rows
    st.integers(1, 3),  # batch
    st.integers(1, 4),  # states
    st.data(),
)
def test_adding_in_passes_gives_the_bits_of_np_add_at(rows, batch, states, data):
    edges = data.draw(st.integers(0, 12))
    index = np.array(
        data.draw(st.lists(st.integers(0, rows - 1), min_size=edges, max_size=edges)), dtype=np.int64
    )
    values = np.array(
        data.draw(st.lists(VALUES, min_size=batch * edges * states, max_size=batch * edges * states)),
        dtype=float,
    ).reshape(batch, edges, states)
    want = np.zeros((batch, rows, states))
    np.add.at(want, (slice(None), index), values)
    got = _added_at(rows, index, values)
    assert got.shape == want.shape and got.flags.c_contiguous
    assert got.tobytes() == want.tobytes()
