"""A theory may declare its own indicator types with their level; the SZW types are one vocabulary."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.conftest import EXAMPLE


@pytest.fixture
def declared(tmp_path):
    data = yaml.safe_load((EXAMPLE / "theory.yaml").read_text(encoding="utf-8"))
    data["indicator_types"] = [
        {
            "id": "leerprestaties",
            "label": {"nl": "Leerprestaties", "en": "Learning outcomes"},
            "level": "outcome",
            "description": "Toetsresultaten van leerlingen.",
        }
    ]
    data["initiatives"][0]["indicators"][1]["type"] = "leerprestaties"
    path = tmp_path / "theory.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tmp_path


def test_a_declared_indicator_type_validates_and_sets_the_level(declared):
    from beleidstheorie.graph.load import load_theory
    from beleidstheorie.graph.shacl import validate_graph
    from beleidstheorie.reasoning.network import LEVELS, read_network

    theory = load_theory(declared)
    assert validate_graph(theory.graph) == []
    net = read_network(theory.store)
    k = list(net.ind_id).index("buurtkamer-nieuwe-contacten")
    assert LEVELS[int(net.ind_level[k])] == "outcome"


def test_a_declared_type_survives_the_round_trip_through_rdf(declared, tmp_path):
    from beleidstheorie.graph.extract import extract_theory
    from beleidstheorie.graph.load import load_theory

    theory = load_theory(declared)
    model = extract_theory(theory.graph)
    assert model.indicator_types == theory.model.indicator_types
    assert model.initiatives[0].indicators[1].type == "leerprestaties"


def test_changing_a_declared_level_changes_the_score(declared, tmp_path):
    from beleidstheorie.graph.load import load_theory
    from beleidstheorie.reasoning.score import score

    outcome = score(load_theory(declared)).node("vaste-contacten").score
    path = declared / "theory.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("level: outcome", "level: operationeel"))
    operational = score(load_theory(declared)).node("vaste-contacten").score
    assert outcome != operational


def test_an_undeclared_type_is_refused_with_a_suggestion(declared):
    from beleidstheorie.errors import LoadError
    from beleidstheorie.graph.load import load_theory

    path = declared / "theory.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: leerprestaties", "type: leerprestatie"))
    with pytest.raises(LoadError) as info:
        load_theory(declared)
    (problem,) = info.value.problems
    assert "unknown indicator type (declare it in indicator_types) 'leerprestatie'" in problem.message
    assert "did you mean 'leerprestaties'?" in problem.message and problem.place.startswith("line ")


def test_a_declared_type_may_not_reuse_an_szw_id(declared):
    from beleidstheorie.errors import LoadError
    from beleidstheorie.graph.load import load_theory

    path = declared / "theory.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: leerprestaties", "id: bereik-burgers"))
    with pytest.raises(LoadError, match="built-in indicator type"):
        load_theory(declared)


def test_the_flagship_keeps_the_szw_types():
    from beleidstheorie.authoring.vocab import IndicatorType
    from beleidstheorie.graph.locate import load

    model = load("intensiveringsaanpak").model
    types = {ind.type for ini in model.initiatives for ind in ini.indicators}
    assert types and all(isinstance(t, IndicatorType) for t in types) and not model.indicator_types
    assert json.dumps(sorted(t.value for t in types))
