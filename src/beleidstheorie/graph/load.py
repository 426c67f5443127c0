"""Load a theory from any supported source into an RDF store.

RDF files go straight into an embedded Oxigraph store through Oxigraph's own
parsers; a YAML theory is read through the authoring model once and then kept
in the content-hash cache (:mod:`beleidstheorie.graph.stores.cache`); a
persistent store or a SPARQL server is read where it is. The authoring model
and the rdflib graph are built only when a command asks for them.

>>> theory = load_theory(EXAMPLE)
>>> theory.label
'Buurtbudget tegen eenzaamheid'
>>> len(theory.store) > 100
True
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from beleidstheorie.errors import LoadError, NotFoundError, StoreError, ValidationError, problem
from beleidstheorie.graph.locate import theory_files
from beleidstheorie.graph.stores import (
    PREFIXES,
    OxigraphStore,
    Store,
    connect,
    iri_term,
    local_name,
    round_graph,
    select_text,
    text_of,
    theory_graph,
)
from beleidstheorie.graph.stores import cache as store_cache
from beleidstheorie.io.files import check_input_path, check_regular_file, os_problem
from beleidstheorie.messages import parser_said
from beleidstheorie.resources import package_path

if TYPE_CHECKING:
    from rdflib import Graph

    from beleidstheorie.authoring.models import Theory as TheoryModel

DEFAULT_GRAPH = "intensiveringsaanpak"
YAML_SUFFIXES = (".yaml", ".yml")
RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
}
"""The RDF files Oxigraph parses natively, by suffix."""
_FORMAT_NAMES = {
    ox.RdfFormat.TURTLE: "Turtle",
    ox.RdfFormat.JSON_LD: "JSON-LD",
    ox.RdfFormat.N_TRIPLES: "N-Triples",
    ox.RdfFormat.N_QUADS: "N-Quads",
    ox.RdfFormat.TRIG: "TriG",
    ox.RdfFormat.RDF_XML: "RDF/XML",
}


def bundled_graph_path(name: str = DEFAULT_GRAPH) -> Path:
    """The directory of a theory bundled with the package (default: the flagship)."""
    path = package_path("data", "graphs", name)
    if not path.is_dir():
        raise LoadError([problem("no_bundled_graph", name)])
    return path


@dataclass(frozen=True)
class RoundName:
    """A measurement round as commands name it: id, number and labels."""

    id: str
    number: int
    label_nl: str
    label_en: str


Q_ROUND_NAMES = (
    PREFIXES
    + """
SELECT ?round ?number ?nl ?en WHERE {
  ?t bt:hasRound ?round . ?round bt:number ?number .
  OPTIONAL { ?round skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?round skos:prefLabel ?en FILTER(lang(?en) = "en") }
} ORDER BY ?number ?round
"""
)


@dataclass(frozen=True, eq=False)
class Theory:
    """A loaded policy theory: the store holding it, its IRI and where it came from.

    Reasoning and views ask :attr:`store`. :attr:`model` (the authoring model) and
    :attr:`graph` (an rdflib graph) are built on first use, for the commands that
    need them (validation, YAML and GraphML export).
    """

    store: Store
    iri: str
    """The theory's IRI (a plain string; bound in a query as an IRI)."""
    source: str
    label: str
    _model: TheoryModel | None = field(default=None, repr=False)
    _graph: Graph | None = field(default=None, repr=False)
    cache_key: str = field(default="", repr=False)
    """The content hash of a YAML theory's files (``""`` for any other source)."""

    @cached_property
    def rounds(self) -> tuple[RoundName, ...]:
        """The theory's measurement rounds in order, read from its store (no YAML parse).

        >>> [(r.id, r.number) for r in load_theory(EXAMPLE).rounds]
        [('meting-2024', 1), ('meting-2025', 2)]
        """
        rows = select_text(self.store, Q_ROUND_NAMES, {"t": self.iri})
        return tuple(
            RoundName(local_name(r["round"]), int(r["number"]), r.get("nl", ""), r.get("en", ""))
            for r in rows
        )

    @cached_property
    def graph(self) -> Graph:
        """The theory's triples as an rdflib graph (built on first use)."""
        from rdflib import Graph  # reading a theory from its store needs no rdflib

        if self._graph is not None:
            return self._graph
        path = Path(self.source)
        if path.is_dir() or path.suffix in YAML_SUFFIXES:
            return _theory_graph_of(self.model)  # the builder's own literals, as before any store
        if path.suffix in RDF_FORMATS and path.is_file():
            from beleidstheorie.io.rdf import read_rdf

            return read_rdf(path)
        graph = Graph()
        if isinstance(self.store, OxigraphStore):
            graph.parse(data=self.store.dump_ntriples(), format="nt")
        else:
            for row in self.store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"):
                graph.add((row["s"], row["p"], row["o"]))
        return graph

    @cached_property
    def model(self) -> TheoryModel:
        """The authoring model of this theory (read from its YAML, or extracted from the graph)."""
        if self._model is not None:
            return self._model
        path = Path(self.source)
        if path.is_dir() or path.suffix in YAML_SUFFIXES:
            from beleidstheorie.io.theory_yaml import read_theory_yaml

            return read_theory_yaml(path)
        from beleidstheorie.graph.extract import extract_theory

        return extract_theory(self.graph, self.source)


def _theory_graph_of(model: TheoryModel) -> Graph:
    from beleidstheorie.graph.build import build_graph

    return build_graph(model)


def theory_from_model(model: TheoryModel, source: str = "") -> Theory:
    """Build the graph of an authoring model and wrap it as a :class:`Theory`.

    The builder's triples go straight into the store; the rdflib graph (:attr:`Theory.graph`)
    is built only when a command asks for it.
    """
    from beleidstheorie.graph.build import build_triples

    store = OxigraphStore(_split_store(build_triples(model), model.base_iri))
    iri = f"{model.base_iri}theory/{model.id}"
    return Theory(store, iri, source, model.label.nl, model)


def _split_store(triples: Iterable[tuple], base_iri: str) -> ox.Store:
    """An in-memory store of ``triples`` (pyoxigraph terms) in the named graphs of its theory and rounds."""
    store = ox.Store()
    tg = ox.NamedNode(theory_graph(base_iri))
    store.bulk_extend(ox.Quad(s, p, o, tg) for s, p, o in triples)
    split_rounds(store, base_iri)
    return store


Q_ROUND_SPLIT = (
    PREFIXES
    + """
DELETE { GRAPH ?tg { ?s ?p ?o } }
INSERT { GRAPH ?rg { ?s ?p ?o } }
WHERE {
  GRAPH ?tg {
    { ?obs bt:inRound ?r . BIND(?obs AS ?s) }
    UNION { ?obs bt:inRound ?r ; ?link ?s . FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(?obs))) }
    ?s ?p ?o .
  }
  BIND(IRI(CONCAT(?base, "graph/round/", REPLACE(STR(?r), "^.*[/#]", ""))) AS ?rg)
}
"""
)


def split_rounds(store: ox.Store, base_iri: str) -> None:
    """Move each observation (and the nodes named under it) into the graph of its round.

    One update per round: Oxigraph holds an update's matches in memory before it applies
    them, so moving every round at once was the peak of loading a large theory.
    """
    tg = ox.NamedNode(theory_graph(base_iri))
    query = Q_ROUND_SPLIT.replace("?tg", str(tg)).replace("?base", str(ox.Literal(base_iri)))
    found = store.query(f"{PREFIXES} SELECT DISTINCT ?r WHERE {{ GRAPH {tg} {{ ?obs bt:inRound ?r }} }}")
    for (r,) in list(found):  # type: ignore[union-attr]
        if isinstance(r, ox.BlankNode):
            continue  # not named in VALUES; the shapes refuse it, and it stays in the theory's graph
        store.update(query.replace("WHERE {\n", f"WHERE {{\n  VALUES ?r {{ {r} }}\n", 1))


def _load_yaml(path: Path) -> Theory:
    if path.is_dir() and not (path / "theory.yaml").is_file():
        raise LoadError([problem("no_theory_yaml", str(path))])
    if not path.exists():
        raise LoadError([problem("no_such_file", str(path))])
    key = store_cache.key_of(theory_files(path))
    cached = store_cache.lookup(key)
    if cached is not None:
        store = ox.Store()
        try:
            store.load(path=str(cached), format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError):
            store = None  # a damaged cache entry: rebuild it below
        if store is not None:
            return replace(_theory_in(OxigraphStore(store), str(path)), cache_key=key)
    from beleidstheorie.io.theory_yaml import read_theory_yaml

    theory = theory_from_model(read_theory_yaml(path), str(path))
    store_cache.remember(key, theory.store.dump_nquads())  # type: ignore[attr-defined]
    return replace(theory, cache_key=key)


def load_rdf_store(path: Path) -> ox.Store:
    """An in-memory Oxigraph store holding the RDF file ``path``, parsed natively."""
    fmt = RDF_FORMATS.get(path.suffix)
    if fmt is None:
        raise LoadError([problem("unknown_rdf_format", str(path), suffix=repr(path.suffix))])
    check_regular_file(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as exc:
        text = str(exc)
        text = re.sub(r" \([^()]*, line \d+\)$", "", text)  # Oxigraph repeats the file and line
        if fmt == ox.RdfFormat.JSON_LD and ("LoadDocumentCallback" in text or "remote context" in text):
            # Oxigraph never fetches a context; the guarded rdflib reader names which one was refused
            from beleidstheorie.io.files import read_text_file
            from beleidstheorie.io.rdf import parse_rdf

            parse_rdf(read_text_file(path), "jsonld", str(path))
            # Oxigraph never fetches a context (network or file): say so plainly
            text = ""
        line = re.search(r"line (\d+)", text)
        column = re.search(r"columns? (\d+)", text)
        why = re.sub(r"^Parser error (?:at|between) line \d+[^:]*: ", "", text)
        place = (f"line {line.group(1)}" + (f", column {column.group(1)}" if column else "")) if line else ""
        cause: object = parser_said(why) if why else ("context_not_loaded", ())
        raise LoadError(
            [problem("rdf_malformed", str(path), place, format=_FORMAT_NAMES[fmt], cause=cause)]
        ) from None
    except OSError as exc:
        raise LoadError([os_problem(str(path), exc)]) from None
    except ValueError as exc:
        said = parser_said(str(exc))
        raise LoadError(
            [problem("rdf_malformed", str(path), format=_FORMAT_NAMES[fmt], cause=said)]
        ) from None
    return store


Q_THEORIES = (
    PREFIXES
    + """
SELECT ?t ?id ?nl ?base WHERE {
  ?t a bt:PolicyTheory .
  OPTIONAL { ?t dcterms:identifier ?id }
  OPTIONAL { ?t skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?t bt:baseIri ?base }
} ORDER BY ?t
"""
)


def _theory_in(store: Store, source: str) -> Theory:
    rows = select_text(store, Q_THEORIES)
    iris = sorted({str(r["t"]) for r in rows})
    if len(iris) != 1:
        raise LoadError([problem("one_theory", source, n=len(iris))])
    row = next(r for r in rows if str(r["t"]) == iris[0])
    return Theory(store, iris[0], source, text_of(row, "nl", local_name(iris[0])))


def load_theory(path: str | Path | None = None, store: str | Path | None = None) -> Theory:
    """Load a theory directory, YAML file or RDF file, or read one from a store.

    With no path and no store, the bundled flagship theory is loaded. With
    ``store`` (a store directory or a ``sparql+http(s)://`` URL), ``path`` names a
    theory in it by id, IRI or label; it may be left out when the store holds one.
    """
    if store is not None:
        return theory_from_store(connect(store), None if path is None else str(path))
    path = bundled_graph_path() if path is None else check_input_path(path)
    if path.is_dir() or path.suffix in YAML_SUFFIXES:
        return _load_yaml(path)
    if path.suffix in RDF_FORMATS:
        theory = _theory_in(OxigraphStore(load_rdf_store(path)), str(path))
        if store_cache.cache_dir() is not None:  # SHACL is not run again on a file that passed
            theory = replace(theory, cache_key=store_cache.file_key(path))
        # RDF can hold anything: what reads it (score, render, ...) gets a checked theory
        from beleidstheorie.graph.integrity import check_theory

        problems = check_theory(theory)
        if problems:
            raise ValidationError(problems)
        return theory
    if not path.exists():
        raise LoadError([problem("no_such_file", str(path))])
    raise LoadError([problem("unknown_format", str(path))])


# -- theories in a store ---------------------------------------------------------------

Q_STORED = (
    PREFIXES
    + """
SELECT ?g ?t ?id ?nl WHERE {
  GRAPH ?g { ?t a bt:PolicyTheory .
    OPTIONAL { ?t dcterms:identifier ?id }
    OPTIONAL { ?t skos:prefLabel ?nl FILTER(lang(?nl) = "nl") } }
} ORDER BY ?t
"""
)

Q_ROUNDS_OF = (
    PREFIXES
    + """
SELECT DISTINCT ?r WHERE { GRAPH ?g { ?t bt:hasRound ?r } } ORDER BY ?r
"""
)


@dataclass(frozen=True)
class StoredTheory:
    """A theory as a store holds it: its IRI, its graphs and its labels."""

    iri: str
    id: str
    label: str
    graph: str

    @property
    def base_iri(self) -> str:
        """The base IRI the theory's graphs are named after."""
        return self.graph.removesuffix("graph/theory")


def stored_theories(store: Store) -> list[StoredTheory]:
    """The theories in ``store``, each in its own named graph.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = load_into(d, EXAMPLE)
    ...     [t.id for t in stored_theories(connect(d))]
    ['buurtbudget']
    """
    seen: dict[str, StoredTheory] = {}
    for r in select_text(store, Q_STORED):  # text rows: the embedded store makes no rdflib term
        g = r["g"]
        if not g.endswith("graph/theory") or r["t"] in seen:
            continue
        iri = r["t"]
        seen[iri] = StoredTheory(iri, text_of(r, "id", local_name(iri)), text_of(r, "nl", local_name(iri)), g)
    return list(seen.values())


def graphs_of(store: Store, theory: StoredTheory) -> list[str]:
    """The names of the graphs of ``theory``: its own and one per measurement round."""
    rows = select_text(store, Q_ROUNDS_OF, {"g": iri_term(theory.graph), "t": iri_term(theory.iri)})
    return [theory.graph] + [round_graph(theory.base_iri, r["r"]) for r in rows]


def whole_store(store: Store) -> Store:
    """``store`` with the graphs of all its theories as the default graph: theories queried together."""
    graphs = [g for t in stored_theories(store) for g in graphs_of(store, t)]
    if not graphs:
        name = getattr(store, "name", "the store")
        raise NotFoundError([problem("store_empty", name=name)])
    return store.scoped(graphs)


def theory_from_store(store: Store, ref: str | None = None) -> Theory:
    """The theory named ``ref`` (id, IRI or label; the only one when None) in ``store``."""
    found = stored_theories(store)
    name = getattr(store, "name", "the store")
    if not found:
        raise NotFoundError([problem("store_empty", name=name)])
    if ref is None:
        if len(found) > 1:
            ids = ", ".join(t.id for t in found)
            raise NotFoundError([problem("store_many", name=name, n=len(found), ids=ids)])
        chosen = found[0]
    else:
        wanted = ref.strip().casefold()
        match = [t for t in found if wanted in (t.iri.casefold(), t.id.casefold(), t.label.casefold())]
        if not match:
            ids = ", ".join(t.id for t in found)
            raise NotFoundError([problem("store_no_theory", name=name, ref=repr(ref), ids=ids)])
        chosen = match[0]
    if len(found) == 1 and isinstance(store, OxigraphStore):
        # The embedded store queries the union of its graphs, which Oxigraph answers
        # faster than an explicit list of graphs; with one theory the two are the same.
        scoped: Store = store
    else:
        scoped = store.scoped(graphs_of(store, chosen))
    return Theory(scoped, chosen.iri, f"{name}#{chosen.id}", chosen.label)


# -- loading into a store -------------------------------------------------------------


@dataclass(frozen=True)
class LoadReport:
    """What :func:`load_into` wrote: the theory and the triples per named graph."""

    store: str
    theory: str
    graphs: dict[str, int]

    @property
    def triples(self) -> int:
        """All triples written."""
        return sum(self.graphs.values())


def _staged(path: Path) -> tuple[ox.Store, str, str]:
    """The source as an in-memory store split into its named graphs; (store, theory IRI, base)."""
    from beleidstheorie.graph.integrity import check_theory
    from beleidstheorie.graph.places import place_problems

    if path.is_dir() or path.suffix in YAML_SUFFIXES:
        theory = _load_yaml(path)
        # a store holds only checked theories, so reading from it needs no check again
        problems = place_problems(check_theory(theory), theory.source)
        if problems:
            raise ValidationError(problems)
        store = theory.store.oxigraph  # type: ignore[attr-defined]
        base = next(
            (t.base_iri for t in stored_theories(theory.store) if t.iri == str(theory.iri)),
            None,
        )
        if base is None:
            raise LoadError([problem("no_named_graph", str(path))])
        return store, str(theory.iri), base
    if path.suffix not in RDF_FORMATS:
        load_theory(path)  # raises the unknown-format or missing-file error
    staged = load_rdf_store(path)
    theory = _theory_in(OxigraphStore(staged), str(path))
    problems = check_theory(theory)
    if problems:
        raise ValidationError(problems)
    rows = theory.store.query(Q_THEORIES)
    base = next((text_of(r, "base") for r in rows if r.get("base") is not None), "")
    iri = str(theory.iri)
    if not base:
        base = iri[: iri.rfind("theory/")] if "theory/" in iri else iri.rsplit("/", 1)[0] + "/"
    # Through N-Triples bytes: parsing and serialising stay in Oxigraph, no Python per triple.
    # The parsed store goes before the copy is filled, so the two never coexist (the peak).
    data = staged.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    del staged, theory
    target = ox.Store()
    target.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(theory_graph(base)))
    del data
    split_rounds(target, base)
    return target, iri, base


def load_into(store: str | Path, source: str | Path, wait: float = 0.0) -> LoadReport:
    """Load the theory at ``source`` into a persistent store or a SPARQL server.

    The theory's graphs (its own and one per round) replace any earlier version of
    the same theory; other theories in the store are left alone. An embedded store
    changes atomically: a failed or killed load leaves it as it was.
    """
    from beleidstheorie.graph.stores import SparqlStore, is_remote, writing
    from beleidstheorie.graph.stores.embedded import replace_graphs

    staged, iri, base = _staged(Path(source))
    names = [g.value for g in staged.named_graphs()]
    counts: dict[str, int] = {}

    def dumped(name: str) -> bytes:
        data: bytes = staged.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))  # type: ignore[assignment]
        counts[name] = data.count(b"\n")
        return data

    # One graph's N-Triples at a time, dropped after its load: a loader's buffers come on top.
    spec = str(store)
    if is_remote(spec):
        remote = SparqlStore(spec)
        _drop_old_rounds(remote, base, set(names))
        for name in names:
            remote.replace_graphs({name: dumped(name)})
        return LoadReport(remote.name, iri, counts)
    with writing(spec, wait) as disk:
        for g in list(disk.named_graphs()):
            if g.value.startswith(f"{base}graph/") and g.value not in names:
                disk.remove_graph(g)  # a round the new version no longer has
        for name in names:
            replace_graphs(disk, {name: dumped(name)}, ox.RdfFormat.N_TRIPLES, bulk=True)
    return LoadReport(spec, iri, counts)


def _drop_old_rounds(remote, base: str, graphs: Collection[str]) -> None:
    try:
        old = [t for t in stored_theories(remote) if t.base_iri == base]
    except StoreError:
        return
    for theory in old:
        for g in graphs_of(remote, theory):
            if g not in graphs:
                remote.replace_graphs({g: b""})
