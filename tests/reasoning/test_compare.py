"""Compare lists exactly what changed between two rounds, and its scores are each round's own."""

from __future__ import annotations

import dataclasses
from itertools import combinations

import pytest

from beleidstheorie import load_theory
from beleidstheorie.io.theory_yaml import read_theory_yaml
from beleidstheorie.reasoning.compare import compare
from beleidstheorie.reasoning.score import score
from tests.conftest import EXAMPLE
from tests.reasoning import oracle
from tests.reasoning.test_coverage import SOURCES


@pytest.fixture(scope="module", params=list(SOURCES))
def case(request):
    path = SOURCES[request.param]
    return read_theory_yaml(path), load_theory(path)


def pairs(theory):
    ids = [r.id for r in sorted(theory.rounds, key=lambda r: r.number)]
    return [*combinations(ids, 2), (ids[-1], ids[0]), (ids[0], ids[0])]


def test_exactly_the_indicators_whose_latest_observation_differs_are_listed(case):
    theory, loaded = case
    for a, b in pairs(theory):
        na, nb = oracle.round_number(theory, a), oracle.round_number(theory, b)
        expected = []
        # initiatives' indicators and context factors' own (the factor is the owner)
        owned = [
            *oracle.indicators(theory),
            *((cf, i) for cf in theory.context_factors for i in cf.indicators),
        ]
        for ini, ind in owned:
            oa, ob = oracle.latest(theory, ind, na, False), oracle.latest(theory, ind, nb, False)
            if (oa and oa.round) != (ob and ob.round):
                expected.append(
                    (
                        ind.id,
                        ind.label.nl,
                        ini.label.nl,
                        oa and oa.status.value,
                        ob and ob.status.value,
                        ob.text if ob else "",
                    )
                )
        got = [
            (c.indicator, c.indicator_label, c.initiative_label, c.status_from, c.status_to, c.text_to)
            for c in compare(loaded, a, b).observations
        ]
        assert sorted(got) == sorted(expected), (a, b)


def test_a_round_compared_with_itself_changes_nothing(case):
    theory, loaded = case
    r = theory.rounds[0].id
    diff = compare(loaded, r, r)
    assert diff.observations == ()
    assert all(n.delta == 0 and n.verdict_from == n.verdict_to for n in diff.nodes)


def test_the_scores_and_verdicts_on_both_sides_are_those_of_scoring_each_round(case):
    theory, loaded = case
    a, b = pairs(theory)[0]
    diff = compare(loaded, a, b)
    assert (diff.round_from, diff.round_to) == (a, b)
    for side, rnd in (("from", a), ("to", b)):
        result = score(loaded, round=rnd)
        nodes = (result.main_goal, *result.subgoals, *result.mechanisms, *result.initiatives)
        expected = {n.key: (n.score, n.verdict) for n in nodes}
        assert {
            n.key: (getattr(n, f"score_{side}"), getattr(n, f"verdict_{side}")) for n in diff.nodes
        } == expected
    for n in diff.nodes:
        assert n.delta == pytest.approx(n.score_to - n.score_from, abs=0)


def test_swapping_the_rounds_swaps_every_side():
    loaded = load_theory(EXAMPLE)
    there, back = compare(loaded, "meting-2024", "meting-2025"), compare(loaded, "meting-2025", "meting-2024")
    assert [(n.key, n.score_from, n.verdict_from) for n in there.nodes] == [
        (n.key, n.score_to, n.verdict_to) for n in back.nodes
    ]
    assert [n.delta for n in there.nodes] == [-n.delta for n in back.nodes]
    assert any(n.delta < 0 for n in back.nodes) and any(n.delta > 0 for n in there.nodes)
    assert {c.indicator: (c.status_from, c.status_to) for c in there.observations} == {
        c.indicator: (c.status_to, c.status_from) for c in back.observations
    }


def test_a_comparison_is_frozen():
    diff = compare(load_theory(EXAMPLE), "meting-2024", "meting-2025")
    for obj, name in ((diff, "nodes"), (diff.nodes[0], "score_to"), (diff.observations[0], "status_to")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, name, None)
