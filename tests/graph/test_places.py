"""SHACL problems of a YAML theory point to the file and line where the node was written."""

from __future__ import annotations

from rdflib import URIRef

from beleidstheorie.graph.load import load_theory
from beleidstheorie.graph.places import place_problems, yaml_places
from beleidstheorie.graph.shacl import validate_graph
from beleidstheorie.namespaces import BT
from tests.conftest import EXAMPLE

BASE = "https://example.org/beleidstheorie/buurtbudget/"


def line_of(needle: str) -> int:
    lines = (EXAMPLE / "theory.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_a_shacl_violation_is_reported_at_the_yaml_line_of_its_node_without_iris():
    theory = load_theory(EXAMPLE)
    obs = URIRef(BASE + "observation/belcirkel-deelnemers--meting-2024")
    theory.graph.remove((obs, BT.status, None))
    raw = validate_graph(theory.graph, theory.source)
    assert raw and all("https://" in p.place for p in raw)
    (problem,) = [p for p in place_problems(raw, theory.source) if "status" in p.message]
    assert problem.file == str(EXAMPLE / "theory.yaml")
    line = line_of("round: meting-2024, status: geen-progressie")
    assert problem.place == f"line {line} (initiatives[1].indicators[0].observations[0])"
    assert problem.message.startswith("observation 'belcirkel-deelnemers--meting-2024', field 'status': ")
    assert "https://" not in str(problem)


def test_every_node_of_the_example_has_a_place():
    places = yaml_places(EXAMPLE)
    theory = load_theory(EXAMPLE)
    minted = {
        (str(s).removeprefix(BASE).split("/")[0], str(s).rsplit("/", 1)[1])
        for s in set(theory.graph.subjects())
        if str(s).startswith(BASE)
        and str(s).removeprefix(BASE).split("/")[0]
        in ("mechanism", "goal", "initiative", "indicator", "observation", "contribution", "target", "link")
    }
    assert minted and minted <= set(places)


def test_problems_of_an_rdf_file_keep_naming_node_and_property(tmp_path):
    from beleidstheorie.errors import Problem

    problem = Problem("x.ttl", f"<{BASE}mechanism/wederkerigheid> prov:wasDerivedFrom", "needs a source")
    assert place_problems([problem], tmp_path / "x.ttl") == [problem]
