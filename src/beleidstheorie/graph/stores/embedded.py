"""The embedded Oxigraph store: in memory, or persistent in a directory on disk.

A persistent store is a directory with a small marker file naming its format
and its current version, and one Oxigraph (RocksDB) database per version.
Loading never writes into the current version: it makes a hard-linked copy,
loads into the copy and then switches the marker with an atomic rename. A
process killed during a load therefore leaves the store at its previous state,
readers never see half a load, and a lock file makes a second loader wait its
turn or fail with "store is busy".

>>> store = OxigraphStore()
>>> triple = b'<https://example.org/a> <https://example.org/p> "x" .\\n'
>>> store.replace_graphs({"https://example.org/g": triple})
>>> [str(r["s"]) for r in store.query("SELECT ?s WHERE { ?s ?p ?o }")]
['https://example.org/a']
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from beleidstheorie.errors import StoreError, problem
from beleidstheorie.graph.stores.base import Row, TextRow, from_ox, to_ox, values_opening_where
from beleidstheorie.messages import Texts, os_cause, parser_said

if TYPE_CHECKING:
    from rdflib.term import Identifier

STORE_FORMAT = 1
"""The on-disk layout this version writes and reads; a newer one is refused."""
MARKER = "beleidstheorie-store.json"
LOCK = "lock"
BULK_THRESHOLD = 8 * 1024 * 1024
"""Inputs larger than this many bytes are bulk-loaded (streaming, no transaction)."""


def _cause(exc: Exception) -> Texts | tuple:
    """What went wrong, as a message value: the system's cause, or Oxigraph's own text framed as its."""
    if isinstance(exc, OSError):
        return os_cause(exc)
    return parser_said(exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc))


class StoreBusyError(StoreError):
    """Another process is loading into the same persistent store."""


class OxigraphStore:
    """An Oxigraph store (in memory by default) answering the library's SPARQL queries.

    Queries run over the union of all graphs, or over ``scope`` when given.
    """

    def __init__(
        self, store: ox.Store | None = None, scope: Sequence[str] | None = None, name: str = "memory"
    ) -> None:
        self._ox = store if store is not None else ox.Store()
        self._scope = tuple(scope) if scope is not None else None
        self.name = name

    @classmethod
    def from_graph(cls, graph) -> OxigraphStore:
        """A new in-memory store holding the triples of an rdflib ``graph`` (default graph)."""
        store = ox.Store()
        store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)  # type: ignore[arg-type]
        return cls(store)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store."""
        return self._ox

    def scoped(self, graphs: Sequence[str]) -> OxigraphStore:
        """This store with the union of ``graphs`` as the default graph."""
        return OxigraphStore(self._ox, graphs, self.name)

    def __len__(self) -> int:
        if self._scope is None:
            return len(self._ox)
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0]["n"])

    def _dataset(self) -> dict:
        if self._scope is None:
            return {"use_default_graph_as_union": True}
        graphs = [ox.NamedNode(g) for g in self._scope]
        return {"default_graph": graphs, "named_graphs": graphs}

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        """Run a SELECT query with ``bindings`` bound as RDF terms (a leading VALUES block)."""
        result = self._select(sparql, bindings)
        names = [v.value for v in result.variables]
        rows = []
        terms_seen: dict[object, Identifier] = {}  # a term repeated in many rows is converted once
        for solution in result:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    term = terms_seen.get(value)
                    if term is None:
                        term = terms_seen[value] = from_ox(value)
                    row[name] = term
            rows.append(row)
        return rows

    def query_text(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> list[TextRow]:
        """Run a SELECT query; each row maps a bound variable to its value as text (``str`` of the term).

        No rdflib term is made: at 10^6 triples that conversion was half of reading a theory.
        """
        result = self._select(sparql, bindings)
        names = [v.value for v in result.variables]
        return [
            {name: value.value for name, value in zip(names, solution, strict=True) if value is not None}
            for solution in result
        ]

    def _select(self, sparql: str, bindings: Mapping[str, Identifier] | None) -> ox.QuerySolutions:
        terms = {k: to_ox(v) for k, v in (bindings or {}).items()}
        try:
            if any(isinstance(t, ox.BlankNode) for t in terms.values()):
                # a blank node cannot be written in a VALUES block: Oxigraph substitutes it
                subs = {ox.Variable(k): t for k, t in terms.items()}
                result = self._ox.query(sparql, substitutions=subs, **self._dataset())
            else:
                # terms serialised by Oxigraph itself, so a value cannot change the query
                text = values_opening_where(sparql, list(terms), [str(t) for t in terms.values()])
                result = self._ox.query(text, **self._dataset())
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            raise StoreError([problem("query_failed", cause=_cause(exc))]) from None
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError([problem("select_only")])
        return result

    def pairs(
        self, predicate: str, subject: str | None = None, obj: str | None = None
    ) -> list[tuple[str, str]]:
        """(subject, object) as text of every triple with ``predicate`` (and ``subject``, ``obj``: IRIs).

        Read from the store's index over its scope (all graphs, or the scope's), with no query
        and no term objects: an IRI is its text, a literal its lexical form, a blank node its
        label (what :meth:`query_text` gives). One row per quad, so a triple held in two graphs
        is two rows, as in a query over their union.

        >>> store = OxigraphStore()
        >>> store.replace_graphs({"urn:g": b'<urn:a> <urn:p> <urn:b> .\\n<urn:a> <urn:q> "3" .\\n'})
        >>> store.pairs("urn:p"), store.pairs("urn:q", subject="urn:a")
        ([('urn:a', 'urn:b')], [('urn:a', '3')])
        """
        p = ox.NamedNode(predicate)
        s = None if subject is None else ox.NamedNode(subject)
        o = None if obj is None else ox.NamedNode(obj)
        graphs = [None] if self._scope is None else [ox.NamedNode(g) for g in self._scope]
        return [
            (q.subject.value, q.object.value) for g in graphs for q in self._ox.quads_for_pattern(s, p, o, g)
        ]

    def replace_graphs(
        self, graphs: Mapping[str, bytes | Path], fmt: ox.RdfFormat = ox.RdfFormat.N_TRIPLES
    ) -> None:
        """Replace each named graph by the triples of its N-Triples data (bytes or a file)."""
        replace_graphs(self._ox, graphs, fmt)

    def dump_nquads(self) -> bytes:
        """All quads of the store as N-Quads (with their graph names)."""
        return self._ox.dump(format=ox.RdfFormat.N_QUADS)  # type: ignore[return-value]

    def _quads(self) -> Iterator[ox.Quad]:
        if self._scope is None:
            return iter(self._ox)
        return (q for g in self._scope for q in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(g)))

    def dump_ntriples(self) -> bytes:
        """The triples of the store (or of its scope) as N-Triples, graph names dropped."""
        return ox.serialize((q.triple for q in self._quads()), format=ox.RdfFormat.N_TRIPLES)  # type: ignore[return-value]

    def serialize_triples(self, fmt: ox.RdfFormat, prefixes: Mapping[str, str] | None = None) -> bytes:
        """The triples of the store (or of its scope), each once and sorted, serialised as ``fmt``.

        Sorted by subject, predicate and object (their N-Triples text), so the same triples
        always give the same bytes and a Turtle writer groups each subject's statements.

        >>> store = OxigraphStore()
        >>> store.replace_graphs({"urn:g": b"<urn:b> <urn:p> <urn:o> .\\n<urn:a> <urn:p> <urn:o> .\\n"})
        >>> store.serialize_triples(ox.RdfFormat.N_TRIPLES).decode().splitlines()[0]
        '<urn:a> <urn:p> <urn:o> .'
        """
        triples = sorted({q.triple for q in self._quads()}, key=_triple_order)
        return ox.serialize(triples, format=fmt, prefixes=dict(prefixes or {}))  # type: ignore[return-value]


def _triple_order(triple: ox.Triple) -> tuple[str, str, str]:
    return (str(triple.subject), str(triple.predicate), str(triple.object))


def replace_graphs(
    store: ox.Store, graphs: Mapping[str, bytes | Path], fmt: ox.RdfFormat, bulk: bool = False
) -> None:
    """Drop and reload named graphs of an open pyoxigraph store.

    ``bulk`` loads without a transaction, also small graphs: right for a private copy
    that becomes visible only when complete (see :func:`writing`).
    """
    for name, data in graphs.items():
        graph = ox.NamedNode(name)
        if store.contains_named_graph(graph):
            store.remove_graph(graph)
        size = data.stat().st_size if isinstance(data, Path) else len(data)
        size = max(size, BULK_THRESHOLD + 1) if bulk else size
        try:
            if isinstance(data, Path):
                loader = store.bulk_load if size > BULK_THRESHOLD else store.load
                loader(path=str(data), format=fmt, to_graph=graph)
            elif size > BULK_THRESHOLD:
                store.bulk_load(data, format=fmt, to_graph=graph)
            else:
                store.load(data, format=fmt, to_graph=graph)
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError([problem("graph_not_loaded", name=name, cause=_cause(exc))]) from None


# -- the persistent store ------------------------------------------------------------


def _read_marker(path: Path) -> dict | None:
    """The marker of the store at ``path``; None when there is no store yet."""
    if not path.exists():
        return None
    if not path.is_dir():
        raise StoreError([problem("not_a_store_file", path=path)])
    marker = path / MARKER
    if not marker.exists():
        if any(p.name != LOCK for p in path.iterdir()):
            raise StoreError([problem("not_a_store", path=path, marker=MARKER)])
        return None
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        fmt, current = int(data["format"]), str(data["current"])
    except KeyError as exc:
        said = ("no_field", (("field", repr(exc.args[0])),))
        raise StoreError([problem("marker_damaged", marker=marker, cause=said)]) from None
    except (OSError, ValueError, TypeError) as exc:
        raise StoreError([problem("marker_damaged", marker=marker, cause=_cause(exc))]) from None
    if fmt > STORE_FORMAT:
        raise StoreError([problem("store_newer", path=path, fmt=fmt, known=STORE_FORMAT)])
    if fmt < 1 or "/" in current or not (path / current).is_dir():
        raise StoreError([problem("marker_no_version", marker=marker, current=repr(current))])
    return {"format": fmt, "current": current}


def open_store(path: str | Path) -> OxigraphStore:
    """Open the persistent store at ``path`` for reading.

    >>> import tempfile
    >>> triple = b'<https://example.org/a> <https://example.org/p> "x" .\\n'
    >>> with tempfile.TemporaryDirectory() as d:
    ...     with writing(d) as ox_store:
    ...         replace_graphs(ox_store, {"https://example.org/g": triple}, ox.RdfFormat.N_TRIPLES)
    ...     len(open_store(d))
    1
    """
    path = Path(path)
    marker = _read_marker(path)
    if marker is None:
        raise StoreError([problem("no_store", path=path)])
    try:
        store = ox.Store.read_only(str(path / marker["current"]))
    except OSError as exc:
        raise StoreError([problem("store_not_opened", path=path, cause=_cause(exc))]) from None
    return OxigraphStore(store, name=str(path))


@contextlib.contextmanager
def _lock(path: Path, wait: float) -> Iterator[None]:
    fd = os.open(path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusyError([problem("store_busy", path=path)]) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock, also when the process dies


@contextlib.contextmanager
def writing(path: str | Path, wait: float = 0.0) -> Iterator[ox.Store]:
    """A writable copy of the persistent store at ``path``, made current on success.

    The block gets a pyoxigraph store; when it ends without an exception, the copy
    becomes the store's current version in one atomic rename. On an exception (or
    a kill) the store stays at its previous version. A second writer waits up to
    ``wait`` seconds for the lock and then raises :class:`StoreBusyError`.
    """
    path = Path(path)
    _read_marker(path)  # refuse a non-store before creating anything in it
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError([problem("store_not_created", path=path, cause=_cause(exc))]) from None
    with _lock(path, wait):
        marker = _read_marker(path)
        versions = sorted(p.name for p in path.glob("v*") if p.is_dir())
        number = 1 + max((int(v[1:]) for v in versions if v[1:].isdigit()), default=0)
        new = f"v{number:06d}"
        try:
            if marker is None:
                store = ox.Store(str(path / new))
            else:
                ox.Store.read_only(str(path / marker["current"])).backup(str(path / new))
                store = ox.Store(str(path / new))
        except OSError as exc:
            shutil.rmtree(path / new, ignore_errors=True)
            raise StoreError([problem("version_not_prepared", path=path, cause=_cause(exc))]) from None
        try:
            yield store
            store.flush()
            del store
        except BaseException:
            shutil.rmtree(path / new, ignore_errors=True)
            raise
        tmp = path / f"{MARKER}.tmp"
        tmp.write_text(json.dumps({"format": STORE_FORMAT, "current": new}), encoding="utf-8")
        os.replace(tmp, path / MARKER)
        # Keep the previous version for readers that still have it open; drop older ones
        # and leftovers of killed loads.
        keep = {new, marker["current"] if marker else new}
        for stale in versions:
            if stale not in keep:
                shutil.rmtree(path / stale, ignore_errors=True)
