"""Every cross-reference and uniqueness check of ``check_theory``, its message asserted whole.

Each case starts from a theory that uses every v2 field (``tests/graph/every-v2-field.yaml``,
which has no problems), breaks exactly one thing, and expects exactly the listed issues —
the path inside the theory document and the words, nothing more and nothing less.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from beleidstheorie import LoadError, load_theory
from beleidstheorie.authoring.checks import Issue, check_theory, iter_initiatives
from beleidstheorie.authoring.models import Theory

EVERY_FIELD = Path(__file__).resolve().parents[1] / "graph" / "every-v2-field.yaml"
BASE: dict[str, Any] = yaml.safe_load(EVERY_FIELD.read_text(encoding="utf-8"))
REF = {"section": "1"}


def issues_after(edit: Callable[[dict[str, Any]], None]) -> list[str]:
    data = copy.deepcopy(BASE)
    edit(data)
    return [str(issue) for issue in check_theory(Theory.model_validate(data))]


def ini(d: dict[str, Any]) -> dict[str, Any]:
    return d["initiatives"][0]


def line(d: dict[str, Any]) -> dict[str, Any]:
    return ini(d)["action_lines"][0]


def cf_ind(d: dict[str, Any]) -> dict[str, Any]:
    return d["context_factors"][0]["indicators"][0]


def second_initiative(d: dict[str, Any], **extra: Any) -> None:
    d["initiatives"].append(
        {"id": "tweede", "number": 2, "label": "Tweede", "beoogd_effect": "Meer.", "ref": REF, **extra}
    )


def set_(getter: Callable[[dict[str, Any]], Any], key: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(d: dict[str, Any]) -> None:
        getter(d)[key] = value

    return edit


def test_the_base_theory_has_no_issues():
    assert issues_after(lambda d: None) == []


CASES: dict[str, tuple[Callable[[dict[str, Any]], None], list[str]]] = {
    # uniqueness
    "duplicate goal": (
        lambda d: d["subgoals"].append({"id": "minder-schulden", "number": 3, "label": "Dubbel", "ref": REF}),
        ["subgoals[2].id: duplicate goal id 'minder-schulden'"],
    ),
    "duplicate mechanism": (
        lambda d: d["mechanisms"].append(copy.deepcopy(d["mechanisms"][0])),
        ["mechanisms[2].id: duplicate mechanism id 'signalering'"],
    ),
    "duplicate context factor": (
        lambda d: d["context_factors"].append({**d["context_factors"][0], "roles": [], "indicators": []}),
        ["context_factors[2].id: duplicate context factor id 'pauze-invordering'"],
    ),
    "duplicate round": (
        lambda d: d["rounds"].append({**d["rounds"][0], "number": 3}),
        ["rounds[2].id: duplicate round id 'meting-1'"],
    ),
    "duplicate organisation": (
        lambda d: d["organisations"].append(d["organisations"][0]),
        ["organisations[2].id: duplicate organisation id 'gemeente'"],
    ),
    "duplicate input": (
        set_(lambda d: d, "inputs", [{"id": "geld", "label": "Geld", "ref": REF}] * 2),
        ["inputs[1].id: duplicate input id 'geld'"],
    ),
    "duplicate initiative across an action line": (
        lambda d: ini(d)["action_lines"].append(
            {"id": "buurtloket", "number": 2, "label": "Dubbel", "beoogd_effect": "Meer.", "ref": REF}
        ),
        ["initiatives[0].action_lines[1].id: duplicate initiative id 'buurtloket'"],
    ),
    "duplicate indicator": (
        lambda d: line(d)["indicators"].append({**ini(d)["indicators"][0], "observations": []}),
        ["initiatives[0].action_lines[0].indicators[1].id: duplicate indicator id 'loket-meldingen'"],
    ),
    "duplicate initiative number": (
        lambda d: second_initiative(d, number=1),
        ["initiatives[1].number: duplicate initiative number id '1'"],
    ),
    # references from the goals and mechanisms
    "mechanism of an unknown sub-goal": (
        set_(lambda d: d["mechanisms"][0], "subgoal", "nergens"),
        ["mechanisms[0].subgoal: unknown sub-goal 'nergens'"],
    ),
    "sub-goal serving an unknown sub-goal": (
        set_(lambda d: d["subgoals"][0], "serves", ["nergens"]),
        ["subgoals[0].serves[0]: unknown sub-goal 'nergens'"],
    ),
    "sub-goal serving itself": (
        set_(lambda d: d["subgoals"][0], "serves", ["vroeg-in-beeld"]),
        [
            "subgoals[0].serves[0]: a sub-goal cannot serve itself",
            "subgoals[0].serves: sub-goal 'vroeg-in-beeld' serves itself through a cycle",
        ],
    ),
    "sub-goals serving each other": (
        lambda d: (
            d["subgoals"][0].__setitem__("serves", [d["subgoals"][1]["id"]]),
            d["subgoals"][1].__setitem__("serves", [d["subgoals"][0]["id"]]),
        ),
        ["subgoals[0].serves: sub-goal 'vroeg-in-beeld' serves itself through a cycle"],
    ),
    # context factors
    "rival of an unknown goal": (
        set_(lambda d: d["context_factors"][0]["roles"][0], "target", "signalering"),
        ["context_factors[0].roles[0].target: unknown goal or sub-goal 'signalering'"],
    ),
    "enabling role on an unknown mechanism": (
        set_(lambda d: d["context_factors"][1]["roles"][0], "target", "vroeg-in-beeld"),
        ["context_factors[1].roles[0].target: unknown mechanism 'vroeg-in-beeld'"],
    ),
    "role for an unknown initiative": (
        set_(lambda d: d["context_factors"][1]["roles"][0], "initiatives", ["buurtloket", "nergens"]),
        ["context_factors[1].roles[0].initiatives[1]: unknown initiative 'nergens'"],
    ),
    "context observation in an unknown round": (
        set_(lambda d: cf_ind(d)["observations"][0], "round", "meting-9"),
        [
            "context_factors[0].indicators[0].observations[0].round: unknown round 'meting-9'; "
            "did you mean 'meting-2' or 'meting-1'?"
        ],
    ),
    "two observations in one round": (
        lambda d: cf_ind(d)["observations"].append(copy.deepcopy(cf_ind(d)["observations"][0])),
        [
            "context_factors[0].indicators[0].observations[1].round: second observation in round "
            "'meting-1': one per indicator and round"
        ],
    ),
    "derived from an unknown indicator and round": (
        set_(
            lambda d: ini(d)["indicators"][0]["observations"][1],
            "derived_from",
            {"indicator": "nergens", "round": "meting-9"},
        ),
        [
            "initiatives[0].indicators[0].observations[1].derived_from.indicator: "
            "unknown indicator 'nergens'",
            "initiatives[0].indicators[0].observations[1].derived_from.round: unknown round 'meting-9'",
        ],
    ),
    "derived from itself": (
        set_(
            lambda d: ini(d)["indicators"][0]["observations"][1],
            "derived_from",
            {"indicator": "loket-meldingen", "round": "meting-2"},
        ),
        [
            "initiatives[0].indicators[0].observations[1].derived_from: "
            "an observation cannot be derived from itself"
        ],
    ),
    # organisations and surveys
    "link from an unknown organisation": (
        set_(lambda d: d["organisation_links"][0], "organisation", "nergens"),
        ["organisation_links[0].organisation: unknown organisation 'nergens'"],
    ),
    "organisation link to an unknown initiative": (
        set_(lambda d: d["organisation_links"][1], "target", "nergens"),
        ["organisation_links[1].target: unknown initiative 'nergens'"],
    ),
    "survey in an unknown round": (
        set_(
            lambda d: d,
            "process_surveys",
            [{"round": "meting-9", "respondents": 3, "population": 5, "quote": "Drie.", "ref": REF}],
        ),
        ["process_surveys[0].round: unknown round 'meting-9'; did you mean 'meting-2' or 'meting-1'?"],
    ),
    "unknown penvoerder": (
        set_(ini, "penvoerder", "nergens"),
        ["initiatives[0].penvoerder: unknown organisation 'nergens'"],
    ),
    "unknown partner of an action line": (
        set_(line, "partners", ["gemeente", "nergens"]),
        ["initiatives[0].action_lines[0].partners[1]: unknown organisation 'nergens'"],
    ),
    # initiatives
    "contribution to an unknown mechanism": (
        set_(lambda d: ini(d)["contributions"][0], "mechanism", "nergens"),
        ["initiatives[0].contributions[0].mechanism: unknown mechanism 'nergens'"],
    ),
    "second contribution to one mechanism": (
        lambda d: ini(d)["contributions"].append(copy.deepcopy(ini(d)["contributions"][0])),
        ["initiatives[0].contributions[1]: second contribution to 'signalering'"],
    ),
    "link to an unknown initiative": (
        set_(lambda d: ini(d)["links"][0], "target", "nergens"),
        ["initiatives[0].links[0].target: unknown initiative 'nergens'"],
    ),
    "link to itself": (
        set_(lambda d: ini(d)["links"][0], "target", "buurtloket"),
        ["initiatives[0].links[0].target: an initiative cannot link to itself"],
    ),
    "target tied to another initiative's indicator": (
        set_(lambda d: ini(d)["targets"][0], "indicator", "spreekuur-bezoek"),
        ["initiatives[0].targets[0].indicator: unknown indicator of this initiative 'spreekuur-bezoek'"],
    ),
    "unreported round that does not exist": (
        set_(ini, "unreported_rounds", [{"round": "meting-9", "quote": "Niet gemeld.", "ref": REF}]),
        [
            "initiatives[0].unreported_rounds[0].round: unknown round 'meting-9'; "
            "did you mean 'meting-2' or 'meting-1'?"
        ],
    ),
    "evidence for an unknown mechanism": (
        set_(
            lambda d: line(d)["indicators"][0]["evidence_for"], "mechanisms", ["korte-wachttijd", "nergens"]
        ),
        [
            "initiatives[0].action_lines[0].indicators[0].evidence_for.mechanisms[1]: "
            "unknown mechanism 'nergens'"
        ],
    ),
    "evidence for an unknown goal": (
        set_(lambda d: ini(d)["indicators"][0]["evidence_for"], "goals", ["nergens"]),
        ["initiatives[0].indicators[0].evidence_for.goals[0]: unknown goal 'nergens'"],
    ),
    "an initiative's indicator claiming context": (
        set_(lambda d: ini(d)["indicators"][0]["evidence_for"], "context", True),
        [
            "initiatives[0].indicators[0].evidence_for.context: "
            "only an indicator of a context factor can be evidence for its context"
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_broken_reference_gives_exactly_its_issue(case):
    edit, expected = CASES[case]
    assert issues_after(edit) == expected


def test_a_sub_goal_serving_into_a_cycle_is_not_named_as_on_it():
    # regression: the first sub-goal of a walk that reached a cycle was reported as serving itself
    def chain(d: dict[str, Any]) -> None:
        d["subgoals"][0]["serves"] = []
        d["subgoals"][1]["serves"] = ["c"]
        d["subgoals"] += [
            {"id": "c", "number": 3, "label": "C", "ref": REF, "serves": ["e"]},
            {"id": "e", "number": 4, "label": "E", "ref": REF, "serves": ["c"]},
        ]

    assert issues_after(chain) == ["subgoals[2].serves: sub-goal 'c' serves itself through a cycle"]


def test_the_main_goal_is_a_goal_evidence_may_name():
    assert (
        issues_after(set_(lambda d: ini(d)["indicators"][0]["evidence_for"], "goals", ["minder-schulden"]))
        == []
    )


def test_an_issue_path_reads_like_the_yaml_it_points_at():
    assert str(Issue(("a", 0, "b", 2), "m")) == "a[0].b[2]: m"
    assert str(Issue((), "m")) == "m"


def test_initiatives_are_walked_depth_first_with_their_paths():
    theory = Theory.model_validate(BASE)
    paths = [p for p, _ in iter_initiatives(theory)]
    assert paths == [("initiatives", 0), ("initiatives", 0, "action_lines", 0)]


def test_the_loader_names_the_file_line_and_yaml_path_of_an_unknown_evidence_mechanism(tmp_path):
    path = tmp_path / "theory.yaml"
    text = EVERY_FIELD.read_text(encoding="utf-8")
    old = "evidence_for: {delivery: true, rationale: Counts visitors.}"
    new = "evidence_for: {delivery: true, mechanisms: [korte-wachtijd], rationale: Counts visitors.}"
    assert text.count(old) == 1, "the fixture's evidence_for line changed; update this test"
    path.write_text(text.replace(old, new), encoding="utf-8")
    number = next(i for i, s in enumerate(path.read_text().splitlines(), 1) if "korte-wachtijd" in s)
    with pytest.raises(LoadError) as info:
        load_theory(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}: line {number} (initiatives[0].action_lines[0].indicators[0].evidence_for.mechanisms[0]): "
        "unknown mechanism 'korte-wachtijd'; did you mean 'korte-wachttijd'?"
    ]


def test_an_issue_is_frozen():
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        Issue(("a",), "m").message = "other"
