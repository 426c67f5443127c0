"""RDF stores the reasoning and the views read through SPARQL.

Nothing downstream of loading walks an in-process Python graph: it asks a
:class:`Store` a few SPARQL queries. Two stores exist today: the embedded
Oxigraph store (the default; fast, scales to millions of triples on one machine)
and an rdflib store (slow, no extra dependency). A remote SPARQL 1.1 server is a
third implementation of the same protocol.

Variables are bound with real SPARQL substitution, never string formatting:

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
>>> for store in (OxigraphStore.from_graph(g), RdflibStore(g)):
...     rows = store.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("x")})
...     print([str(r["s"]) for r in rows])
['https://example.org/a']
['https://example.org/a']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from beleidstheorie.errors import StoreError
from beleidstheorie.namespaces import BT

Row = dict[str, Identifier]

PREFIXES = f"""
PREFIX bt: <{BT}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
"""The prefixes the library's own SPARQL queries use."""


def text_of(row: Row, key: str, default: str = "") -> str:
    """The string value of ``key`` in a result row, or ``default`` when unbound."""
    value = row.get(key)
    return default if value is None else str(value)


def local_name(iri: str) -> str:
    """The last segment of an IRI: ``.../mechanism/maatwerk`` → ``maatwerk``.

    >>> local_name("https://example.org/t/mechanism/maatwerk")
    'maatwerk'
    """
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


class Store(Protocol):
    """What the engine needs of an RDF store: SPARQL SELECT with bound variables."""

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        """Run a SELECT query; unbound variables are left out of each row."""
        ...


class RdflibStore:
    """A store over an in-memory rdflib graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        try:
            result = self.graph.query(sparql, initBindings=dict(bindings or {}))
        except Exception as exc:  # rdflib raises pyparsing and other errors
            raise StoreError(f"SPARQL query failed: {exc}") from None
        names = [str(v) for v in result.vars or []]
        return [
            {n: v for n, v in zip(names, row, strict=True) if v is not None}  # type: ignore[arg-type]
            for row in result
        ]


def _to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store term {term!r}")


def _from_ox(term: object) -> Identifier:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"unexpected term {term!r}")


class OxigraphStore:
    """The embedded Oxigraph store (in memory, or on disk with ``path``)."""

    def __init__(self, store: ox.Store | None = None) -> None:
        self._ox = store if store is not None else ox.Store()

    @classmethod
    def from_graph(cls, graph: Graph) -> OxigraphStore:
        """A new in-memory store holding the triples of ``graph``."""
        store = ox.Store()
        store.bulk_extend(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in graph)  # type: ignore[arg-type]
        return cls(store)

    def __len__(self) -> int:
        return len(self._ox)

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        subs = {ox.Variable(k): _to_ox(v) for k, v in (bindings or {}).items()}
        try:
            try:
                result = self._ox.query(sparql, substitutions=subs or None)
            except RuntimeError as exc:
                if not subs or "projection" not in str(exc):
                    raise
                # Oxigraph substitutes projected variables only; bind the others with a
                # trailing VALUES block of terms serialised by Oxigraph itself.
                names = " ".join(str(v) for v in subs)
                values = " ".join(str(t) for t in subs.values())
                result = self._ox.query(f"{sparql}\nVALUES ({names}) {{ ({values}) }}")
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"SPARQL query failed: {exc}") from None
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("only SELECT queries are supported here")
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = _from_ox(value)
            rows.append(row)
        return rows
