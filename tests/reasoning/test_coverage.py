"""Coverage agrees with a count made directly from the theory's YAML, and its counts add up."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from beleidstheorie.io.theory_yaml import read_theory_yaml
from beleidstheorie.reasoning.coverage import coverage
from tests.conftest import EXAMPLE, FLAGSHIP
from tests.reasoning import oracle

SOURCES = {
    "example": EXAMPLE,
    "every-v2-field": Path(__file__).parents[1] / "graph" / "every-v2-field.yaml",
    "flagship": FLAGSHIP,  # initiatives whose action lines carry the evidence
}


@pytest.fixture(scope="module", params=list(SOURCES))
def case(request):
    from beleidstheorie import load_theory

    path = SOURCES[request.param]
    return read_theory_yaml(path), load_theory(path)


def rounds(theory):
    return [r.id for r in sorted(theory.rounds, key=lambda r: r.number)]


def test_each_mechanism_counts_exactly_its_initiatives_and_indicators(case):
    theory, loaded = case
    for round_id in rounds(theory):
        upto = oracle.round_number(theory, round_id)
        result = coverage(loaded, round_id)
        assert result.round == round_id
        assert [m.key for m in result.mechanisms] == [m.id for m in theory.mechanisms]
        for mech in result.mechanisms:
            contributing = [
                (ini, c)
                for ini in oracle.initiatives(theory)
                for c in ini.contributions
                if c.mechanism == mech.key
            ]
            assert sorted(mech.stated) == sorted(
                ini.label.nl for ini, c in contributing if c.provenance.value == "stated"
            )
            assert sorted(mech.inferred) == sorted(
                ini.label.nl for ini, c in contributing if c.provenance.value == "inferred"
            )
            assert mech.initiatives == len(contributing)
            direct = [ind for _, ind in oracle.indicators(theory) if mech.key in ind.evidence_for.mechanisms]
            assert mech.direct_indicators.by_level == _count(
                (ind.type.level.value for ind in direct), mech.direct_indicators.by_level
            )
            assert mech.direct_indicators.by_status == _count(
                (oracle.counting_status(theory, ind, upto) for ind in direct),
                mech.direct_indicators.by_status,
            )
            inis = {ini.id for ini, _ in contributing}
            delivery = [
                ind for ini, ind in oracle.indicators(theory) if ini.id in inis and ind.evidence_for.delivery
            ]
            assert mech.delivery_indicators.total == len(delivery)
            assert mech.delivery_indicators.by_status == _count(
                (oracle.counting_status(theory, ind, upto) for ind in delivery),
                mech.delivery_indicators.by_status,
            )


def _count(values, keys) -> dict[str, int]:
    counted = Counter(values)
    assert set(counted) <= set(keys), set(counted) - set(keys)
    return {k: counted.get(k, 0) for k in keys}


def test_the_tallies_add_up(case):
    _, loaded = case
    for mech in coverage(loaded).mechanisms:
        for tally in (mech.direct_indicators, mech.delivery_indicators):
            assert sum(tally.by_level.values()) == sum(tally.by_status.values()) == tally.total


def test_the_gap_lists_follow_from_the_tallies(case):
    theory, loaded = case
    result = coverage(loaded)
    assert result.untargeted_mechanisms == tuple(m.label for m in result.mechanisms if m.initiatives == 0)
    assert result.unobserved_mechanisms == tuple(
        m.label for m in result.mechanisms if m.direct_indicators.total == 0
    )
    upto = max(r.number for r in theory.rounds)
    assert result.unmeasurable_indicators == tuple(
        sorted(
            ind.label.nl
            for _, ind in oracle.indicators(theory)
            if oracle.counting_status(theory, ind, upto) == "niet-meetbaar"
        )
    )


def test_initiatives_without_evidence_are_those_with_no_informative_observation(case):
    theory, loaded = case
    upto = max(r.number for r in theory.rounds)

    def has_evidence(ini) -> bool:
        own = any(oracle.latest(theory, ind, upto, True) for ind in ini.indicators)
        return own or any(has_evidence(line) for line in ini.action_lines)

    expected = [ini.id for ini in oracle.initiatives(theory) if not has_evidence(ini)]
    assert [i.key for i in coverage(loaded).initiatives_without_evidence] == expected


def test_the_flagship_counts_every_mechanism_indicator_once_per_mechanism_it_observes(flagship_theory):
    theory = read_theory_yaml(FLAGSHIP)
    result = coverage(flagship_theory)
    observed = Counter(m for _, ind in oracle.indicators(theory) for m in ind.evidence_for.mechanisms)
    assert {m.key: m.direct_indicators.total for m in result.mechanisms} == {
        m.id: observed.get(m.id, 0) for m in theory.mechanisms
    }


def test_a_coverage_result_is_frozen(case):
    import dataclasses

    result = coverage(case[1])
    mech = result.mechanisms[0]
    for obj, name in ((result, "mechanisms"), (mech, "stated"), (mech.direct_indicators, "by_level")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, name, None)


def test_each_mechanism_names_its_own_sub_goal_in_both_languages(case):
    theory, loaded = case
    subgoal_of = {m.id: m.subgoal for m in theory.mechanisms}
    labels = {s.id: s.label for s in theory.subgoals}
    for row in coverage(loaded).mechanisms:
        label = labels[subgoal_of[row.key]]
        assert (row.subgoal, row.subgoal_en) == (label.nl, label.en or label.nl), row.key


def test_rounds_numbered_like_years_are_found():
    # round numbers are any integers (2024, 2025), not only the small ones Python keeps once
    from beleidstheorie.graph.load import theory_from_model
    from beleidstheorie.reasoning.coverage import coverage_of_network
    from beleidstheorie.reasoning.network import read_network

    model = read_theory_yaml(EXAMPLE)
    renumbered = model.model_copy(
        update={"rounds": [r.model_copy(update={"number": 2023 + r.number}) for r in model.rounds]}
    )
    loaded = theory_from_model(renumbered)
    net = read_network(loaded.store)
    for r in renumbered.rounds:
        assert coverage(loaded, r.id).round == r.id
        # a number the caller made (not the network's own object) names the same round
        assert coverage_of_network(net, int(str(r.number))).round == r.id
    assert coverage(loaded).round == max(renumbered.rounds, key=lambda r: r.number).id
