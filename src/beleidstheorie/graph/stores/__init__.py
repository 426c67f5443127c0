"""RDF stores: one :class:`Store` protocol, three implementations, and the cache.

- :class:`OxigraphStore` — embedded Oxigraph, in memory or persistent on disk
  (:func:`open_store`, :func:`writing`);
- :class:`SparqlStore` — any SPARQL 1.1 server over HTTP(S);
- :class:`RdflibStore` — an rdflib graph, the slow baseline.

:func:`connect` turns a ``--store`` value into a store.

>>> connect("sparql+http://localhost:7878/query").name
'http://localhost:7878/query'
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from beleidstheorie.graph.stores.base import (
    PREFIXES,
    Row,
    Store,
    from_ox,
    iri_term,
    is_remote,
    local_name,
    round_graph,
    select_text,
    text_of,
    theory_graph,
    to_ox,
)
from beleidstheorie.graph.stores.embedded import OxigraphStore, StoreBusyError, open_store, writing
from beleidstheorie.graph.stores.memory_rdflib import RdflibStore

if TYPE_CHECKING:
    from beleidstheorie.graph.stores.remote import SparqlStore

__all__ = [
    "PREFIXES",
    "OxigraphStore",
    "RdflibStore",
    "Row",
    "SparqlStore",
    "Store",
    "StoreBusyError",
    "connect",
    "from_ox",
    "iri_term",
    "is_remote",
    "local_name",
    "open_store",
    "round_graph",
    "select_text",
    "text_of",
    "theory_graph",
    "to_ox",
    "writing",
]


def __getattr__(name: str) -> Any:
    """:class:`SparqlStore`, imported on first use.

    The remote store brings urllib.request, http.client, ssl and socket (about 25 ms of a
    fresh process), which a theory read from a file or the cache never needs.
    """
    if name == "SparqlStore":
        from beleidstheorie.graph.stores import remote

        return getattr(remote, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def connect(spec: str | Path) -> OxigraphStore | SparqlStore:
    """The store a ``--store`` value names: a SPARQL server URL or a directory on disk."""
    text = str(spec)
    if is_remote(text):
        from beleidstheorie.graph.stores.remote import SparqlStore  # the HTTP client only for a server

        return SparqlStore(text)
    return open_store(text)
