"""The structure views draw: read with SPARQL, in theory order, in Dutch or English."""

from __future__ import annotations

import pytest

from beleidstheorie.errors import NotFoundError
from beleidstheorie.views.structure import CONTEXT_LEVELS, read_structure


def all_initiatives(model):
    out = []

    def walk(items):
        for ini in items:
            out.append(ini)
            walk(ini.action_lines)

    walk(model.initiatives)
    return out


@pytest.mark.parametrize("name", ["example_theory", "flagship_theory"])
def test_structure_has_every_node_of_the_authoring_model(request, name):
    theory = request.getfixturevalue(name)
    model, s = theory.model, read_structure(theory.store)
    assert [i.key for i in s.inputs] == [i.id for i in model.inputs]
    assert [i.key for i in s.initiatives] == [i.id for i in all_initiatives(model)]
    assert [m.key for m in s.mechanisms] == [m.id for m in model.mechanisms]
    assert [g.key for g in s.subgoals] == [g.id for g in model.subgoals]
    assert s.main_goal.key == model.main_goal.id
    assert sorted(c.key for c in s.context_factors) == sorted(c.id for c in model.context_factors)


def test_flagship_has_nineteen_initiatives_three_sub_lines_and_twelve_context_factors(
    flagship_theory,
):
    s = read_structure(flagship_theory.store)
    assert len([i for i in s.initiatives if i.parent is None]) == 19
    assert [i.code for i in s.initiatives if i.parent] == ["2.1", "2.2", "2.3"]
    assert (len(s.mechanisms), len(s.subgoals), len(s.context_factors)) == (11, 3, 12)
    assert {len(s.context_at(level)) for level in CONTEXT_LEVELS} == {3, 4, 5}


def test_sub_lines_follow_their_parent_and_belong_to_its_family(flagship_theory):
    s = read_structure(flagship_theory.store)
    parent = s.find_initiative("corona-activiteiten")
    at = s.initiatives.index(parent)
    assert s.initiatives[at + 1 : at + 4] == s.sub_lines(parent)
    assert s.family(s.sub_lines(parent)[0]) == (parent, *s.sub_lines(parent))


def test_penvoerder_beoogd_effect_and_outputs_are_read(example_theory):
    s = read_structure(example_theory.store)
    kamer = s.find_initiative("buurtkamer")
    assert kamer.penvoerder_label == "Bibliotheek Noord"
    assert kamer.description == "Een vaste, open ontmoetingsplek in de bibliotheek."
    assert kamer.outputs == ("Een buurtkamer die drie ochtenden per week open is.",)
    assert kamer.reference == "5 Initiatieven, p. 5"


def test_contributions_and_links_keep_strength_provenance_and_type(example_theory):
    s = read_structure(example_theory.store)
    kamer = s.find_initiative("buurtkamer")
    got = [(s.node(c.mechanism).key, c.strength, c.provenance) for c in s.contributions_of(kamer)]
    assert got == [
        ("laagdrempelige-ontmoeting", "strong", "stated"),
        ("vaste-contacten", "moderate", "inferred"),
    ]
    assert [(s.node(k.source).key, k.type, s.node(k.target).key) for k in s.links] == [
        ("buurtkamer", "refers-to", "belcirkel")
    ]


def test_english_labels_are_used_where_present_and_dutch_otherwise(example_theory):
    s = read_structure(example_theory.store, lang="en")
    assert s.find_initiative("buurtkamer").label == "Neighbourhood living room"
    assert s.find_initiative("buurtkamer").penvoerder_label == "Bibliotheek Noord"  # no English label
    assert s.mechanisms[0].description == "Neighbours recognise loneliness and tell the district team."


@pytest.mark.parametrize("name", ["schuldenlabnl", "SCHULDENLABNL", "12", "SchuldenlabNL"])
def test_find_initiative_accepts_id_code_and_label_in_any_case(flagship_theory, name):
    assert read_structure(flagship_theory.store).find_initiative(name).key == "schuldenlabnl"


def test_unknown_initiative_raises_not_found_naming_close_matches(flagship_theory):
    with pytest.raises(NotFoundError, match="schuldenlabnl"):
        read_structure(flagship_theory.store).find_initiative("schuldenlab")


def test_round_labels_are_read_in_the_chosen_language(flagship_theory):
    assert read_structure(flagship_theory.store).round_label("monitor-2021") == "Monitor 2021 (eerste meting)"
    english = read_structure(flagship_theory.store, lang="en")
    assert list(english.rounds) == ["monitor-2021", "evaluatie-2022"]
    assert english.round_label("evaluatie-2022") == "2022 evaluation (second measurement)"
