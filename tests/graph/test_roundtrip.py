"""YAML → RDF → YAML and RDF → YAML → RDF round trips are lossless.

``every-v2-field.yaml`` is a small invented theory that sets every field of data model v2
(``docs/design/v2-data-model.md``); a test below checks that it still does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel
from rdflib import Graph
from rdflib.compare import isomorphic

from beleidstheorie.graph.build import build_graph
from beleidstheorie.graph.extract import extract_theory
from beleidstheorie.io.rdf import generate_rdf, parse_rdf
from beleidstheorie.io.theory_yaml import generate_theory_yaml, parse_theory_yaml
from beleidstheorie.namespaces import BT, DCTERMS, RDF
from tests.conftest import EXAMPLE, FLAGSHIP

EVERY_V2_FIELD = Path(__file__).with_name("every-v2-field.yaml")
THEORIES = [EXAMPLE, FLAGSHIP, EVERY_V2_FIELD]
IDS = ["example", "flagship", "every-v2-field"]

# The v2 fields of the authoring model, per model class (docs/design/v2-data-model.md).
V2_FIELDS = {
    "Observation": {
        "basis", "source", "source_note", "basis_rationale", "reference_period", "derived_from",
        "elicited", "discrepancies",
    },
    "Quantity": {"kind"},
    "Period": {"label"},
    "Target": {"indicator", "baseline_date", "baseline_quote"},
    "MainGoal": {"gate", "prior"},
    "SubGoal": {"gate", "prior", "serves", "serves_quote"},
    "Mechanism": {"gate", "prior"},
    "ContextFactor": {"description", "prior", "roles", "indicators"},
    "ContextRoleSpec": {"initiatives"},
    "EvidenceFor": {"context"},
    "Initiative": {"action_lines"},
    "Theory": {"organisation_links"},
}  # fmt: skip


def fields_set(model: BaseModel, found: dict[str, set[str]]) -> dict[str, set[str]]:
    """The fields set explicitly anywhere in ``model``, by model class name."""
    found.setdefault(type(model).__name__, set()).update(model.model_fields_set)
    for name in model.model_fields_set:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                fields_set(item, found)
    return found


def test_the_v2_theory_sets_every_v2_field_and_every_value_kind():
    from beleidstheorie import load_theory

    model = load_theory(EVERY_V2_FIELD).model
    found = fields_set(model, {})
    missing = {cls: names - found.get(cls, set()) for cls, names in V2_FIELDS.items()}
    assert {cls: names for cls, names in missing.items() if names} == {}
    values = [
        q
        for top in model.initiatives
        for ini in (top, *top.action_lines)
        for ind in ini.indicators
        for obs in ind.observations
        for q in obs.values
    ]
    assert {q.kind.value for q in values} == {"realised", "target", "expectation"}
    roles = {r.role.value for cf in model.context_factors for r in cf.roles}
    assert roles == {"rival", "enabling", "inhibiting"}


@pytest.mark.parametrize("path", THEORIES, ids=IDS)
def test_yaml_to_rdf_to_yaml_gives_the_same_model(path):
    from beleidstheorie import load_theory

    model = load_theory(path).model
    assert extract_theory(build_graph(model)) == model


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
@pytest.mark.parametrize("path", THEORIES, ids=IDS)
def test_rdf_to_yaml_to_rdf_gives_an_isomorphic_graph(path, fmt):
    from beleidstheorie import load_theory

    graph = load_theory(path).graph
    reparsed = parse_rdf(generate_rdf(graph, fmt), fmt, f"x.{fmt}")
    assert isomorphic(reparsed, graph)
    yaml_text = generate_theory_yaml(extract_theory(reparsed))
    again = build_graph(parse_theory_yaml([("x.yaml", yaml_text)]))
    assert isomorphic(again, graph)


def test_single_file_yaml_export_loads_back_to_the_same_model(tmp_path):
    from beleidstheorie import load_theory
    from beleidstheorie.io.theory_yaml import write_theory_yaml

    model = load_theory(FLAGSHIP).model
    path = tmp_path / "theory.yaml"
    write_theory_yaml(model, path)
    assert load_theory(path).model == model


def v1_form(graph: Graph) -> Graph:
    """The graph as v1 wrote it: action lines typed bt:Initiative, reached by bt:hasInitiative,
    with dcterms:isPartOf their initiative."""
    old = Graph()
    for t in graph:
        old.add(t)
    theory = next(old.subjects(RDF.type, BT.PolicyTheory))
    for line in list(old.subjects(RDF.type, BT.ActionLine)):
        parent = old.value(line, BT.actionLineOf)
        old.remove((line, RDF.type, BT.ActionLine))
        old.remove((line, BT.actionLineOf, None))
        old.add((line, RDF.type, BT.Initiative))
        old.add((theory, BT.hasInitiative, line))
        old.add((line, DCTERMS.isPartOf, parent))
    return old


def test_a_v1_graph_reads_its_sub_lines_as_action_lines():
    from beleidstheorie import load_theory

    model = load_theory(FLAGSHIP).model
    old = v1_form(build_graph(model))
    assert len(set(old.subjects(RDF.type, BT.Initiative))) == 22
    assert extract_theory(old) == model
