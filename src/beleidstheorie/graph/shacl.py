"""The ontology and the SHACL shapes, and validation of a graph against them.

>>> from beleidstheorie.graph.load import load_theory
>>> validate_graph(load_theory(EXAMPLE).graph)
[]
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from rdflib import Graph
from rdflib.term import Node

from beleidstheorie.errors import Problem
from beleidstheorie.namespaces import RDF, SH


def _read(name: str) -> Graph:
    graph = Graph()
    graph.parse(
        data=(files("beleidstheorie") / "data" / "ontology" / name).read_text("utf-8"),
        format="turtle",
    )
    return graph


@cache
def ontology() -> Graph:
    """The OWL ontology (``ontology/beleidstheorie.ttl``) with its concept schemes."""
    return _read("beleidstheorie.ttl")


@cache
def shapes() -> Graph:
    """The SHACL shapes (``ontology/shapes.ttl``)."""
    return _read("shapes.ttl")


def short_name(graph: Graph, node: Node | None) -> str:
    """A node as messages show it: ``bt:page`` for a known prefix, else ``<iri>``."""
    if node is None:
        return ""
    try:
        return graph.namespace_manager.normalizeUri(node)  # type: ignore[arg-type]
    except Exception:
        return str(node)


def validate_graph(graph: Graph, file: str = "") -> list[Problem]:
    """Every SHACL violation of ``graph``, as problems naming node and property."""
    import pyshacl  # heavy: imported only when validation runs

    conforms, report, _ = pyshacl.validate(
        graph, shacl_graph=shapes(), ont_graph=ontology(), inference="none", advanced=True
    )
    if conforms:
        return []
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        place = " ".join(x for x in (short_name(graph, focus), short_name(graph, path)) if x)
        text = str(message) if message is not None else "violates a shape"
        if value is not None and str(value) not in text:
            text += f" (value: {short_name(graph, value)})"
        problems.append(Problem(file, place, text))
    return sorted(problems, key=lambda p: (p.place, p.message))
