"""YAML → RDF → YAML and RDF → YAML → RDF round trips are lossless."""

from __future__ import annotations

import pytest
from rdflib.compare import isomorphic

from beleidstheorie.graph.build import build_graph
from beleidstheorie.graph.extract import extract_theory
from beleidstheorie.io.rdf import generate_rdf, parse_rdf
from beleidstheorie.io.theory_yaml import generate_theory_yaml, parse_theory_yaml
from tests.conftest import EXAMPLE, FLAGSHIP

THEORIES = [EXAMPLE, FLAGSHIP]


@pytest.mark.parametrize("path", THEORIES, ids=["example", "flagship"])
def test_yaml_to_rdf_to_yaml_gives_the_same_model(path):
    from beleidstheorie import load_theory

    model = load_theory(path).model
    assert extract_theory(build_graph(model)) == model


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
@pytest.mark.parametrize("path", THEORIES, ids=["example", "flagship"])
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
