"""A loaded theory written out as Turtle, N-Triples or JSON-LD (the ``export`` command).

A theory held in an Oxigraph store (a YAML theory's cached store, an RDF file, a
persistent store) is serialised by Oxigraph itself, its triples sorted so that the
same theory always gives the same file (blank nodes aside: a file's get new labels at
every load; a theory built from YAML has none); a theory on a SPARQL server goes through
rdflib, as does JSON-LD (compacted with the project's prefixes). Literals come out
as the store holds them: Oxigraph keeps numbers in canonical form (the decimal
``14000.0`` is written ``14000``), the same value.

>>> from beleidstheorie.graph.load import load_theory
>>> text = export_rdf(load_theory(EXAMPLE), "ttl")
>>> text.splitlines()[0]
'@prefix bt: <https://w3id.org/beleidstheorie#> .'
>>> "bt:Mechanism" in text
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox

from beleidstheorie.graph.stores import PREFIXES as PREFIXES_SPARQL
from beleidstheorie.graph.stores import OxigraphStore, iri_term, select_text
from beleidstheorie.iris import BT_IRI, DCTERMS_IRI, PROV_IRI, RDF_IRI, RDFS_IRI, SKOS_IRI, XSD_IRI

if TYPE_CHECKING:
    from rdflib import Graph

    from beleidstheorie.graph.load import Theory

PREFIXES = {
    "bt": BT_IRI,
    "dcterms": DCTERMS_IRI,
    "prov": PROV_IRI,
    "rdfs": RDFS_IRI,
    "skos": SKOS_IRI,
    "xsd": XSD_IRI,
}
"""The prefixes an exported Turtle file declares, in this order."""
_OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}


def export_rdf(theory: Theory, fmt: str) -> str:
    """The triples of ``theory`` as ``fmt`` (ttl, nt or jsonld); no I/O."""
    store = theory.store
    if isinstance(store, OxigraphStore) and fmt in _OX_FORMATS:
        text = store.serialize_triples(_OX_FORMATS[fmt], PREFIXES).decode("utf-8")
        return tidy_turtle(text) if fmt == "ttl" else text
    from beleidstheorie.io.rdf import generate_rdf  # rdflib: only for JSON-LD and servers

    if not isinstance(store, OxigraphStore):
        return generate_rdf(theory.graph, fmt)
    return generate_rdf(_rdflib_graph(store, theory.iri), fmt)


def tidy_turtle(text: str) -> str:
    """Oxigraph's Turtle laid out for reading: the prefixes in a fixed order, a blank line
    between subjects, four spaces of indent.

    Oxigraph writes every literal on one line (newlines escaped), so a line that does not
    start with a tab starts a subject's statements.

    >>> text = tidy_turtle("@prefix bt: <b#> .\\nbt:a bt:p 1 ;\\n\\tbt:q 2 .\\nbt:b bt:p 3 .\\n")
    >>> print(text.split("\\n\\n", 1)[1])
    bt:a bt:p 1 ;
        bt:q 2 .
    <BLANKLINE>
    bt:b bt:p 3 .
    <BLANKLINE>
    """
    lines = [f"@prefix {name}: <{iri}> ." for name, iri in PREFIXES.items()]
    for line in text.splitlines():
        if line.startswith("@prefix "):
            continue
        if line.startswith("\t"):
            lines.append("    " + line[1:])
        else:
            lines += ["", line]
    return "\n".join(lines) + "\n"


Q_BASE_IRI = PREFIXES_SPARQL + "SELECT ?base WHERE { ?t bt:baseIri ?base }"


def _rdflib_graph(store: OxigraphStore, theory_iri: str) -> Graph:
    """The store's triples in an rdflib graph bound to the project's prefixes and the
    theory's base IRI (as ``theory:``, as the builder binds it)."""
    from rdflib import Graph

    graph = Graph(bind_namespaces="none")  # rdflib's default binds 22 vocabularies we do not use
    graph.bind("rdf", RDF_IRI)
    for name, iri in PREFIXES.items():
        graph.bind(name, iri)
    for row in select_text(store, Q_BASE_IRI, {"t": iri_term(theory_iri)})[:1]:
        graph.bind("theory", row["base"])
    graph.parse(data=store.dump_ntriples(), format="nt")
    return graph
