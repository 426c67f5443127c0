"""``export`` writes a theory's triples from its store: the same values, the same bytes every time."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal

from beleidstheorie.graph.build import build_graph
from beleidstheorie.graph.export import PREFIXES, export_rdf, tidy_turtle
from beleidstheorie.graph.load import load_theory
from beleidstheorie.graph.stores import OxigraphStore
from beleidstheorie.io.rdf import parse_rdf
from tests.conftest import EXAMPLE, FLAGSHIP


def values(graph: Graph) -> set:
    """The triples with each literal as its value (a store writes ``14000.0`` as ``14000``)."""
    return {
        (s, p, (o.toPython(), o.datatype, o.language) if isinstance(o, Literal) else o) for s, p, o in graph
    }


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
@pytest.mark.parametrize("path", [EXAMPLE, FLAGSHIP], ids=["example", "flagship"])
def test_an_export_holds_the_values_the_builder_made(path, fmt):
    theory = load_theory(path)
    exported = parse_rdf(export_rdf(theory, fmt), fmt, f"x.{fmt}")
    assert values(exported) == values(build_graph(theory.model))


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_the_same_triples_give_the_same_bytes_whatever_order_they_were_stored_in(fmt):
    theory = load_theory(EXAMPLE)
    lines = theory.store.serialize_triples(ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)
    random.Random(7).shuffle(lines)
    shuffled = OxigraphStore()
    shuffled.replace_graphs({"urn:one": b"".join(lines[::2]), "urn:two": b"".join(lines[1::2] + lines[:5])})
    again = load_theory(EXAMPLE)  # the cached store
    assert export_rdf(again, fmt) == export_rdf(theory, fmt)
    assert export_rdf(theory, fmt) == _export_of(shuffled, theory, fmt)


def _export_of(store: OxigraphStore, like, fmt: str) -> str:
    from dataclasses import replace

    return export_rdf(replace(like, store=store), fmt)


def test_turtle_declares_the_project_prefixes_in_order_and_groups_each_subject():
    text = export_rdf(load_theory(EXAMPLE), "ttl")
    head = text.split("\n\n", 1)[0].splitlines()
    assert head == [f"@prefix {name}: <{iri}> ." for name, iri in PREFIXES.items()]
    blocks = text.split("\n\n")[1:]
    subjects = [b.split(" ", 1)[0] for b in blocks]
    assert subjects == sorted(subjects) and len(set(subjects)) == len(subjects)
    assert all(line.startswith("    ") for b in blocks for line in b.splitlines()[1:])


def test_literals_with_newlines_tabs_and_quotes_survive_the_layout():
    tricky = 'regel een\n\tregel "twee"\n@prefix nee: <x> .\r\n\\'
    store = OxigraphStore()
    nt = ox.serialize(
        [ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode(PREFIXES["bt"] + "quote"), ox.Literal(tricky))],
        format=ox.RdfFormat.N_TRIPLES,
    )
    store.replace_graphs({"urn:g": nt})
    text = tidy_turtle(store.serialize_triples(ox.RdfFormat.TURTLE, PREFIXES).decode())
    parsed = parse_rdf(text, "ttl", "x.ttl")
    assert [str(o) for o in parsed.objects()] == [tricky]


def test_json_ld_declares_the_project_prefixes_and_the_theory_base_only():
    import json

    context = json.loads(export_rdf(load_theory(EXAMPLE), "jsonld"))["@context"]
    assert set(context) == {*PREFIXES, "rdf", "theory"}
    assert context["theory"] == load_theory(EXAMPLE).model.base_iri


def test_turtle_from_a_native_store_needs_no_rdflib_serializer(tmp_path):
    # loading still checks the file with rdflib terms (graph/integrity.py); writing needs none
    import subprocess
    import sys

    nt = tmp_path / "t.nt"
    nt.write_text(export_rdf(load_theory(EXAMPLE), "nt"), encoding="utf-8")
    code = (
        "import sys; from beleidstheorie.graph.load import load_theory; "
        "from beleidstheorie.graph.export import export_rdf; "
        f"text = export_rdf(load_theory({str(nt)!r}), 'ttl'); "
        "print(text.startswith('@prefix bt:'), 'beleidstheorie.io.rdf' in sys.modules, "
        "any(m.startswith('rdflib.plugins.serializers') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False", "False"]
