"""A store over an in-memory rdflib graph: slow, but the baseline the benchmarks compare with.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
>>> [str(r["s"]) for r in RdflibStore(g).query("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("x")})]
['https://example.org/a']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from beleidstheorie.errors import StoreError, problem
from beleidstheorie.graph.stores.base import Row, rdflib_term
from beleidstheorie.messages import parser_said

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Identifier


class RdflibStore:
    """A store over one in-memory rdflib graph (named graphs are not kept apart)."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def scoped(self, graphs: Sequence[str]) -> RdflibStore:
        """The same store: an rdflib graph has a single default graph."""
        return self

    def __len__(self) -> int:
        return len(self.graph)

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        """Run a SELECT query with ``bindings`` as initial bindings."""
        try:
            bound = {k: rdflib_term(v) for k, v in (bindings or {}).items()}
            result = self.graph.query(sparql, initBindings=bound)
        except Exception as exc:  # rdflib raises pyparsing and other errors
            raise StoreError([problem("query_failed", cause=parser_said(str(exc)))]) from None
        names = [str(v) for v in result.vars or []]
        return [
            {n: v for n, v in zip(names, row, strict=True) if v is not None}  # type: ignore[arg-type]
            for row in result
        ]
