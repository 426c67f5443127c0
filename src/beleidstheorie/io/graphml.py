"""GraphML export of an RDF graph, for Gephi, yEd, Kumu and networkx users.

Every typed resource becomes a node (with its type and Dutch label); every triple
between two such resources becomes an edge labelled with the property.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''
... @prefix bt: <https://w3id.org/beleidstheorie#> .
... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
... <urn:a> a bt:Mechanism ; skos:prefLabel "A"@nl ; bt:contributesTo <urn:b> .
... <urn:b> a bt:SubGoal .''', format="turtle")
>>> "<edge " in generate_graphml(g)
True
"""

from __future__ import annotations

import networkx as nx
from rdflib import Graph, Literal, URIRef

from beleidstheorie.namespaces import RDF, SKOS


def _local(iri: URIRef) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """A multigraph of the typed resources of ``graph`` and the triples between them."""
    out = nx.MultiDiGraph()
    typed = {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}
    for node in sorted(typed):
        types = sorted(_local(t) for t in graph.objects(node, RDF.type))
        labels = [o for o in graph.objects(node, SKOS.prefLabel) if isinstance(o, Literal)]
        label = next((str(o) for o in labels if o.language == "nl"), _local(node))
        out.add_node(str(node), type=" ".join(types), label=label)
    for s, p, o in sorted(graph):
        if s in typed and o in typed and p != RDF.type:
            out.add_edge(str(s), str(o), key=_local(p), property=str(p))
    return out


def generate_graphml(graph: Graph) -> str:
    """GraphML text of ``graph``; no I/O."""
    return "\n".join(nx.generate_graphml(to_networkx(graph))) + "\n"
