"""The flip-point search scored several rounds at a time finds the flips of the round-at-a-time one.

``_narrow_all`` scores every point the next ``AHEAD`` rounds of ``_narrowing`` may ask and then
plays those rounds on the verdicts; the oracle is ``_edge`` (one round, one call, at a time) on
the same verdict function, and sensitivity as a whole with ``AHEAD = 1``.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beleidstheorie.reasoning import sensitivity as sensitivity_module
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.sensitivity import ROUNDS, _ahead, _edge, _play, sensitivity


def played(verdict_at, kept: str, inside: float, outside: float, to: str, ahead: int):
    """The search as _narrow_all runs it: score _ahead's points, then _play them; the points asked."""
    state, asked = (inside, outside, to, ROUNDS), []
    while True:
        points = list(dict.fromkeys(_ahead(state[0], state[1], min(ahead, state[3]))))
        asked += points
        seen = dict(zip(points, verdict_at(points), strict=True))
        finished, state = _play(kept, *state, seen)
        if finished:
            return (state[1], state[2]), asked


def asked_one_round_at_a_time(verdict_at, kept, inside, outside, to):
    asked: list[float] = []

    def recording(xs):
        asked.extend(xs)
        return verdict_at(xs)

    return _edge(recording, kept, inside, outside, to), asked


def stepped(edges: list[float], invalid_beyond: float | None):
    """A verdict function of x: 'a' until the first edge, then alternating; None beyond a bound."""

    def verdict_at(xs):
        out = []
        for x in xs:
            if invalid_beyond is not None and abs(x) > invalid_beyond:
                out.append(None)
            else:
                out.append("ab"[sum(abs(x) >= abs(e) for e in edges) % 2])
        return out

    return verdict_at


@given(
    st.lists(st.floats(0.01, 0.95), min_size=1, max_size=3),
    st.one_of(st.none(), st.floats(0.05, 0.95)),
    st.sampled_from([1.0, -1.0]),
    st.integers(2, 3),
)
def test_several_rounds_at_a_time_find_the_flip_of_one_round_at_a_time(edges, invalid, sign, ahead):
    edges = sorted(sign * e for e in edges)
    verdict_at = stepped(edges, invalid)
    inside, outside = 0.0, sign * 0.95
    want, one_by_one = asked_one_round_at_a_time(verdict_at, "a", inside, outside, "b")
    got, at_once = played(verdict_at, "a", inside, outside, "b", ahead)
    assert got == want
    assert set(one_by_one) <= set(at_once)  # the same points, and more scored ahead


def test_one_round_ahead_asks_exactly_the_points_of_one_round_at_a_time():
    verdict_at = stepped([0.3], None)
    want, one_by_one = asked_one_round_at_a_time(verdict_at, "a", 0.0, 0.5, "b")
    got, at_once = played(verdict_at, "a", 0.0, 0.5, "b", 1)
    assert got == want and got[0] == 0.3
    assert at_once == one_by_one


@pytest.mark.parametrize("ahead", [2, 3])
def test_sensitivity_is_the_same_whatever_the_rounds_scored_at_once(flagship_theory, monkeypatch, ahead):
    config = load_config()
    default = sensitivity(flagship_theory, config)
    monkeypatch.setattr(sensitivity_module, "AHEAD", ahead)
    assert sensitivity(flagship_theory, config) == default
    assert sum(n.flip is not None for n in default.nodes) >= 3


def test_dropping_brackets_that_cannot_win_keeps_every_flip(flagship_theory, monkeypatch):
    """The oracle narrows every bracket to its end, one round at a time (``_edge``), none dropped."""
    from beleidstheorie.reasoning.analysis.intervals import with_parameter

    def every_bracket_to_its_end(config, brackets, judged):
        out = {}
        for _, k, pos, path, value, kept, inside, outside, to in brackets:

            def verdicts_at(xs, path=path, value=value, pos=pos):
                cfgs = [with_parameter(config, path, value * (1 + x)) for x in xs]
                valid = [c for c in cfgs if c is not None]
                got = iter(judged(valid, [pos] * len(valid)))
                return [None if c is None else next(got)[0] for c in cfgs]

            out[k] = _edge(verdicts_at, kept, inside, outside, to)
        return out

    config = load_config()
    fast = sensitivity(flagship_theory, config)
    monkeypatch.setattr(sensitivity_module, "_narrow_all", every_bracket_to_its_end)
    assert sensitivity(flagship_theory, config) == fast


def test_a_flip_at_the_nominal_values_doorstep_is_searched_for_at_most_max_steps_bisections():
    """Where a verdict flips just beside the nominal value, halving the bracket never reaches the
    relative resolution (its far end shrinks with it): the search ends after MAX_STEPS bisection
    steps, SPLIT per round, instead of running on."""
    calls = []

    def verdicts_at(xs):
        calls.append(len(xs))
        return ["b" if x >= 1e-300 else "a" for x in xs]

    outside, to = _edge(verdicts_at, "a", 0.0, 0.5, "b")
    assert to == "b" and 0 < outside < 0.5 * 4.0**-39
    assert len(calls) == -(-sensitivity_module.MAX_STEPS // sensitivity_module.SPLIT) == 40
