"""The check every RDF theory passes before anything reads it.

YAML theories are checked by the authoring model; a theory read from RDF
(Turtle, JSON-LD, N-Triples, a store) could hold anything, so the same reading
path that scores it first runs this check: the SHACL shapes (references to
undeclared nodes, datatypes, ranges such as pages of at least 1) and what
shapes cannot say — cycles in ``dcterms:isPartOf``, ``bt:actionLineOf`` and
``bt:contributesTo``, and numbers that are not numbers (NaN, infinity).

>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
... @prefix dcterms: <http://purl.org/dc/terms/> .
... <urn:a> dcterms:isPartOf <urn:b> . <urn:b> dcterms:isPartOf <urn:a> .''')
>>> [str(p) for p in structural_problems(g, "t.ttl")]
['t.ttl: <urn:a>: a cycle in dcterms:isPartOf: <urn:a> → <urn:b> → <urn:a>']
"""

from __future__ import annotations

import math

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from beleidstheorie.errors import Problem
from beleidstheorie.graph.shacl import short_name, validate_graph
from beleidstheorie.namespaces import BT, DCTERMS, XSD

ACYCLIC = {
    DCTERMS.isPartOf: "dcterms:isPartOf",
    BT.actionLineOf: "bt:actionLineOf",
    BT.contributesTo: "bt:contributesTo",
}
_FLOATS = {XSD.double, XSD.float, XSD.decimal}


def _cycle(graph: Graph, prop: URIRef) -> list[Node] | None:
    edges: dict[Node, list[Node]] = {}
    for s, o in graph.subject_objects(prop):
        edges.setdefault(s, []).append(o)
    state: dict[Node, int] = {}  # 1 on the current path, 2 done
    for start in sorted(edges, key=str):
        if state.get(start):
            continue
        path: list[Node] = []
        stack: list[tuple[Node, int]] = [(start, 0)]
        while stack:
            node, i = stack.pop()
            if i == 0:
                state[node] = 1
                path.append(node)
            nexts = edges.get(node, [])
            if i < len(nexts):
                stack.append((node, i + 1))
                nxt = nexts[i]
                if state.get(nxt) == 1:
                    return [*path[path.index(nxt) :], nxt]
                if not state.get(nxt):
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return None


def structural_problems(graph: Graph, file: str = "") -> list[Problem]:
    """Cycles and non-numbers: what the SHACL shapes cannot express."""
    problems = []
    for prop, name in ACYCLIC.items():
        cycle = _cycle(graph, prop)
        if cycle:
            shown = " → ".join(f"<{n}>" for n in cycle)
            problems.append(Problem(file, f"<{cycle[0]}>", f"a cycle in {name}: {shown}"))
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in _FLOATS:
            try:
                value = float(o)
            except (TypeError, ValueError):
                continue  # ill-typed literals are the shapes' to report
            if not math.isfinite(value):
                place = f"{short_name(graph, s)} {short_name(graph, p)}"
                problems.append(Problem(file, place, f"not a finite number: {o!s}"))
    return problems


def check_graph(graph: Graph, file: str = "") -> list[Problem]:
    """Every problem of an RDF theory: SHACL violations, cycles and non-numbers.

    >>> from beleidstheorie.graph.load import load_theory
    >>> check_graph(load_theory(EXAMPLE).graph)
    []
    """
    shapes = validate_graph(graph, file)
    places = {p.place for p in shapes}
    own = [p for p in structural_problems(graph, file) if p.place not in places]
    return list(dict.fromkeys(own + shapes))  # the shapes can report one violation twice
