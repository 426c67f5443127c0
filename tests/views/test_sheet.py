"""Initiative sheets with --evidence: the initiative's own indicators, observations and targets."""

from __future__ import annotations

import pytest

from beleidstheorie.views.diagram import diagram_source
from beleidstheorie.views.sheet import evidence_rows, target_rows
from tests.views.dotparse import parse_dot


def model_initiative(theory, key):
    for top in theory.model.initiatives:
        for ini in (top, *top.action_lines):
            if ini.id == key:
                return ini
    raise KeyError(key)


@pytest.mark.parametrize("key", ["schuldenlabnl", "nederlandse-schuldhulproute", "corona-activiteiten"])
def test_every_own_indicator_is_listed_with_its_observation_in_the_round(
    flagship_theory, flagship_result, key
):
    ini = model_initiative(flagship_theory, key)
    members = [ini, *ini.action_lines]
    rows = evidence_rows(flagship_theory, flagship_result, key)
    assert len(rows) == sum(len(m.indicators) for m in members)
    observed = {(i.initiative, i.indicator): i for i in flagship_result.items}
    for m in members:
        for ind, row in zip(m.indicators, [r for r in rows if r.initiative == m.id], strict=True):
            item = observed.get((m.id, ind.id))
            assert (row.status != "") == (item is not None)
            if item is not None:
                assert row.reference == item.reference and row.quote == item.text


def test_the_sheet_shows_own_evidence_and_targets_and_labels_verdicts_as_the_programmes(
    flagship_theory, flagship_result
):
    key = "samenwerken-kinderarmoede"
    dot = parse_dot(diagram_source(flagship_theory, "initiative", result=flagship_result, initiative=key))
    assert "hele programma" in dot.cluster_attrs["cluster_col_mechanisms"]["label"]
    table = dot.nodes["sheet/evidence"]["label"]
    for row in evidence_rows(flagship_theory, flagship_result, key):
        assert row.indicator.split()[0] in table
    targets = dot.nodes["sheet/targets"]["label"]
    assert len(target_rows(flagship_theory, key)) == 2
    for t in model_initiative(flagship_theory, key).targets:
        assert f"{t.value:g}" in targets


def test_without_evidence_the_sheet_has_no_evidence_table(flagship_theory):
    source = diagram_source(flagship_theory, "initiative", initiative="schuldenlabnl")
    assert "sheet/evidence" not in source and "hele programma" not in source


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("form", ["turtle", "v1"])
def test_the_sheet_of_an_rdf_theory_is_the_yaml_theorys_without_building_its_model(
    tmp_path, monkeypatch, flagship_theory, flagship_result, form, lang
):
    # At 10^6 triples `render initiative --evidence --store` built the whole authoring model
    # for one initiative's sheet (75 s CPU, 1.9 GiB); the sheet now reads its rows from the store.
    from beleidstheorie.graph.build import build_graph
    from beleidstheorie.graph.load import load_theory
    from tests.graph.test_roundtrip import v1_form

    graph = build_graph(flagship_theory.model)
    path = tmp_path / "flagship.ttl"
    path.write_text((v1_form(graph) if form == "v1" else graph).serialize(format="turtle"), encoding="utf-8")
    keys = [ini.id for top in flagship_theory.model.initiatives for ini in (top, *top.action_lines)]
    expected = {
        k: (evidence_rows(flagship_theory, flagship_result, k, lang), target_rows(flagship_theory, k, lang))
        for k in keys
    }
    assert any(targets for _, targets in expected.values()) and any(rows for rows, _ in expected.values())

    def refused(*args, **kwargs):
        raise AssertionError("the authoring model was built")

    monkeypatch.setattr("beleidstheorie.graph.extract.extract_theory", refused)
    rdf = load_theory(path)
    found = {k: (evidence_rows(rdf, flagship_result, k, lang), target_rows(rdf, k, lang)) for k in keys}
    assert found == expected
    assert evidence_rows(rdf, flagship_result, "no-such-initiative") == []
