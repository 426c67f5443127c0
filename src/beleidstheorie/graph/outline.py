"""A theory's outline: its findable parts and validate's counts, kept beside the cached store.

Naming a part (``explain Maatwerk``, ``--round 2``, ``render initiative NAME``), ``list``
and the summary line of ``validate`` need only the ids, labels and counts of the
authoring model, yet building that model means parsing the YAML and checking it with
pydantic. The outline is a function of the theory's files, like its cached store, so
it is kept in the content-hash cache as JSON (under the theory's key and a hash of the
code that derives it) and read back without the model; without a cache it is derived
from the model each time. An RDF file's or a store's outline is read from the store
by a few SELECT queries (:func:`outline_of_store`): building the model of a theory of
10^7 triples to find one mechanism's id took more memory than the scoring itself.

>>> from beleidstheorie.graph.load import load_theory
>>> o = outline(load_theory(EXAMPLE))
>>> o.mechanisms, [e.id for e in o.entries["rounds"]]
(4, ['meting-2024', 'meting-2025'])
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beleidstheorie.authoring.names import KINDS, Entry
from beleidstheorie.graph.load import YAML_SUFFIXES
from beleidstheorie.graph.stores import cache as store_cache
from beleidstheorie.graph.stores.base import PREFIXES, local_name, refusing_unreadable, select_text
from beleidstheorie.iris import BT_IRI
from beleidstheorie.messages import message

if TYPE_CHECKING:
    from beleidstheorie.graph.store import Store

_CODE = (
    "authoring/names.py",
    "authoring/checks.py",
    "authoring/models.py",
    "graph/extract.py",
    "graph/outline.py",
)
"""The modules whose code decides an outline: a change to one makes a new cache entry."""


@dataclass(frozen=True)
class RoundRef:
    """A measurement round as ``--round`` matches it: id, number and labels (``None``: no label)."""

    id: str
    number: int
    label_nl: str
    label_en: str | None


@dataclass(frozen=True)
class Outline:
    """The parts of a theory by kind (:data:`~beleidstheorie.authoring.names.KINDS`) and its counts."""

    entries: dict[str, tuple[Entry, ...]]
    rounds: tuple[RoundRef, ...]
    initiatives: int
    mechanisms: int
    indicators: int
    observations: int
    unstated: tuple[tuple[str, str], ...]
    """Each observation that states no basis or no source, as ``validate`` words it: (Dutch, English)."""

    def find(self, kinds: tuple[str, ...] | list[str]) -> list[Entry]:
        """The entries of ``kinds`` in theory order, as :func:`.names.resolve_entry` takes them."""
        return [e for kind in kinds for e in self.entries[kind]]


def outline_of_model(model: Any) -> Outline:
    """The outline of an authoring model."""
    from beleidstheorie.authoring.checks import unstated_semantics
    from beleidstheorie.authoring.names import catalogue

    lines = [ini for top in model.initiatives for ini in (top, *top.action_lines)]
    indicators = [ind for ini in lines for ind in ini.indicators]
    return Outline(
        entries={kind: tuple(catalogue(model, kind)) for kind in KINDS},
        rounds=tuple(RoundRef(r.id, r.number, r.label.nl, r.label.en) for r in model.rounds),
        initiatives=len(model.initiatives),
        mechanisms=len(model.mechanisms),
        indicators=len(indicators),
        observations=sum(len(ind.observations) for ind in indicators),
        unstated=tuple(_both(issue) for issue in unstated_semantics(model)),
    )


def _both(issue: Any) -> tuple[str, str]:
    """An authoring issue as ``str()`` gives it, in Dutch and in English (the YAML path as written)."""
    where = str(issue).removesuffix(issue.message).removesuffix(": ")
    said = [message(issue.key, lang, **dict(issue.values)) for lang in ("nl", "en")]
    return (f"{where}: {said[0]}", f"{where}: {said[1]}") if where else (said[0], said[1])


@dataclass(frozen=True)
class Counts:
    """What the summary line of ``validate`` says of a theory: its sizes and unstated observations."""

    initiatives: int
    mechanisms: int
    indicators: int
    observations: int
    unstated: tuple[tuple[str, str], ...]
    """Each observation that states no basis or no source, as ``validate`` words it: (Dutch, English)."""


_Q_COUNTS = (
    PREFIXES
    + """
SELECT (COUNT(DISTINCT ?i) AS ?initiatives) (COUNT(DISTINCT ?m) AS ?mechanisms) WHERE {
  { ?t bt:hasInitiative ?i FILTER NOT EXISTS { ?i dcterms:isPartOf ?any } } UNION { ?t bt:hasMechanism ?m }
}
"""
)
_LINES = "?t bt:hasInitiative ?top . ?line bt:actionLineOf* ?top . ?ind bt:indicatorOf ?line ."
_Q_INDICATORS = (
    PREFIXES
    + f"""
SELECT (COUNT(DISTINCT ?ind) AS ?indicators) (COUNT(DISTINCT ?obs) AS ?observations) WHERE {{
  {_LINES}
  OPTIONAL {{ ?obs bt:observes ?ind }}
}}
"""
)
_Q_UNSTATED = (
    PREFIXES
    + f"""
SELECT DISTINCT ?obs ?basis ?source WHERE {{
  {_LINES}
  ?obs bt:observes ?ind .
  OPTIONAL {{ ?obs bt:basis ?basis }}
  OPTIONAL {{ ?obs bt:evidenceSource ?source }}
  FILTER(!BOUND(?basis) || !BOUND(?source))
}} ORDER BY ?obs
"""
)


def counts_of_store(store: Store, theory: str) -> Counts:
    """The counts of the theory ``theory`` read from its store by three aggregate queries.

    For an RDF file or a store: no authoring model, no rdflib graph, however large.

    >>> from beleidstheorie.graph.load import load_theory
    >>> t = load_theory(EXAMPLE)
    >>> c = counts_of_store(t.store, t.iri)
    >>> (c.initiatives, c.mechanisms, c.indicators, c.observations, len(c.unstated))
    (3, 4, 5, 6, 6)
    """
    bound = {"t": theory}
    (sizes,) = select_text(store, _Q_COUNTS, bound)
    (parts,) = select_text(store, _Q_INDICATORS, bound)
    unstated = []
    for row in select_text(store, _Q_UNSTATED, bound):
        missing = [name for name in ("basis", "source") if row.get(name) is None]
        said = []
        for lang in ("nl", "en"):
            fields = f" {message('and', lang)} ".join(message("no_field", lang, field=m) for m in missing)
            said.append(f"{local_name(row['obs'])}: {message('unstated_fields', lang, fields=fields)}")
        unstated.append((said[0], said[1]))
    return Counts(
        initiatives=int(sizes["initiatives"]),
        mechanisms=int(sizes["mechanisms"]),
        indicators=int(parts["indicators"]),
        observations=int(parts["observations"]),
        unstated=tuple(unstated),
    )


def counts(theory: Any) -> Counts:
    """The counts of a loaded theory: from its outline for a YAML theory, else from its store."""
    if from_model(theory):
        o = outline(theory)
        return Counts(o.initiatives, o.mechanisms, o.indicators, o.observations, o.unstated)
    return counts_of_store(theory.store, theory.iri)


def _encode(o: Outline) -> bytes:
    data = asdict(o)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _decode(raw: bytes) -> Outline | None:
    try:
        data = json.loads(raw)
        return Outline(
            entries={kind: tuple(Entry(**e) for e in data["entries"][kind]) for kind in KINDS},
            rounds=tuple(RoundRef(**r) for r in data["rounds"]),
            initiatives=data["initiatives"],
            mechanisms=data["mechanisms"],
            indicators=data["indicators"],
            observations=data["observations"],
            unstated=tuple((str(nl), str(en)) for nl, en in data["unstated"]),
        )
    except (ValueError, KeyError, TypeError):
        return None  # a damaged entry: derived again from the model


_LABELS = """
  OPTIONAL { ?node skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?node skos:prefLabel ?en FILTER(lang(?en) = "en") }
}
"""
_Q_OUTLINE_GOALS = (
    PREFIXES
    + """
SELECT ?node ?kind ?nl ?en ?order ?parent WHERE {
  { ?t bt:hasMainGoal ?node . BIND("main_goal" AS ?kind) }
  UNION { ?t bt:hasSubGoal ?node . BIND("subgoal" AS ?kind) OPTIONAL { ?node bt:number ?order } }
  UNION { ?t bt:hasMechanism ?node . BIND("mechanism" AS ?kind)
          OPTIONAL { ?node bt:position ?order } OPTIONAL { ?node bt:contributesTo ?parent } }"""
    + _LABELS
)
Q_INITIATIVE_LINES = (
    PREFIXES
    + """
SELECT ?node ?parent ?number ?nl ?en WHERE {
  { ?t bt:hasInitiative ?node . FILTER NOT EXISTS { ?node dcterms:isPartOf ?any } }
  UNION { ?t bt:hasInitiative ?parent . FILTER NOT EXISTS { ?parent dcterms:isPartOf ?any }
          { ?node bt:actionLineOf ?parent } UNION { ?node dcterms:isPartOf ?parent } }
  OPTIONAL { ?node bt:number ?number }"""
    + _LABELS
)
"""Theory ``?t``'s initiatives (those no v1 ``dcterms:isPartOf`` places under another), and
its action lines with their initiative as ``?parent``; numbers and labels where stated."""
_Q_OUTLINE_INDICATORS = (
    PREFIXES
    + """
SELECT ?node ?parent ?order ?type ?nl ?en WHERE {
  { ?t bt:hasInitiative ?parent . FILTER NOT EXISTS { ?parent dcterms:isPartOf ?any } }
  UNION { ?t bt:hasInitiative ?top . FILTER NOT EXISTS { ?top dcterms:isPartOf ?any }
          { ?parent bt:actionLineOf ?top } UNION { ?parent dcterms:isPartOf ?top } }
  ?node bt:indicatorOf ?parent .
  OPTIONAL { ?node bt:position ?order } OPTIONAL { ?node bt:indicatorType ?type }"""
    + _LABELS
)
_Q_OUTLINE_ROUNDS = (
    PREFIXES
    + """
SELECT ?node ?number ?date ?nl ?en WHERE {
  ?t bt:hasRound ?node . OPTIONAL { ?node bt:number ?number } OPTIONAL { ?node dcterms:date ?date }"""
    + _LABELS
)
_TYPE_PREFIX = BT_IRI + "indicatortype-"


def node_id(iri: str) -> str:
    """A node's id as the authoring model has it: the last path segment of its IRI."""
    return iri.rsplit("/", 1)[-1]


def _number(row: dict[str, str], key: str) -> float:
    value = row.get(key)
    return 0 if value is None else float(value)


def in_theory_order(row: dict[str, str]) -> tuple[float, str]:
    """The order :mod:`.extract` gives a row's ``?node`` among its kind: (``?order`` or 0, IRI)."""
    return (_number(row, "order"), row["node"])


def _unique(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One row per node (a second label or a second number in a store the shapes do not hold)."""
    return list({row["node"]: row for row in rows}.values())


def _entry(kind: str, row: dict[str, str], parent: str = "", detail: str = "") -> Entry:
    return Entry(kind, node_id(row["node"]), row.get("nl", ""), row.get("en", ""), parent, detail)


@refusing_unreadable
def outline_of_store(store: Store, theory: str) -> Outline:
    """The outline of the theory ``theory`` read from its store: five SELECT queries.

    The same parts in the same order as :func:`outline_of_model` of the model extracted
    from the store (sorted as :mod:`.extract` sorts them), without an rdflib graph or an
    authoring model, so naming a part of a theory of 10^7 triples costs rows per part,
    not a parse of the whole theory. The counts and unstated observations are
    :func:`counts_of_store`'s.

    >>> from beleidstheorie.graph.load import load_theory
    >>> t = load_theory(EXAMPLE)
    >>> o = outline_of_store(t.store, t.iri)
    >>> [e.id for e in o.entries["rounds"]], o.mechanisms
    (['meting-2024', 'meting-2025'], 4)
    """
    bound = {"t": theory}
    goals = _unique(select_text(store, _Q_OUTLINE_GOALS, bound))
    main = [_entry("main_goal", r) for r in goals if r["kind"] == "main_goal"]
    subgoals = sorted((r for r in goals if r["kind"] == "subgoal"), key=in_theory_order)
    mechanisms = sorted((r for r in goals if r["kind"] == "mechanism"), key=in_theory_order)
    lines = _unique(select_text(store, Q_INITIATIVE_LINES, bound))
    by_number = lambda row: _number(row, "number")  # noqa: E731
    tops = sorted((r for r in lines if "parent" not in r), key=by_number)
    under: dict[str, list[dict[str, str]]] = {}
    for row in sorted((r for r in lines if "parent" in r), key=by_number):
        under.setdefault(row["parent"], []).append(row)
    initiatives: list[Entry] = []
    for top in tops:
        initiatives.append(_entry("initiative", top))
        parent = node_id(top["node"])
        initiatives += [_entry("action_line", line, parent) for line in under.get(top["node"], [])]
    owned: dict[str, list[dict[str, str]]] = {}
    for row in sorted(_unique(select_text(store, _Q_OUTLINE_INDICATORS, bound)), key=in_theory_order):
        owned.setdefault(node_id(row["parent"]), []).append(row)
    indicators = [
        _entry("indicator", row, ini.id, _indicator_type(row.get("type", "")))
        for ini in initiatives
        for row in owned.get(ini.id, [])
    ]
    rounds = _unique(select_text(store, _Q_OUTLINE_ROUNDS, bound))
    rounds.sort(key=lambda r: (by_number(r), r["node"]))
    c = counts_of_store(store, theory)
    return Outline(
        entries={
            "goals": (*main, *(_entry("subgoal", r, detail=_whole(r.get("order"))) for r in subgoals)),
            "mechanisms": tuple(_entry("mechanism", r, node_id(r.get("parent", ""))) for r in mechanisms),
            "initiatives": tuple(initiatives),
            "indicators": tuple(indicators),
            "rounds": tuple(_entry("round", r, detail=r.get("date", "")) for r in rounds),
        },
        rounds=tuple(
            RoundRef(node_id(r["node"]), int(by_number(r)), r.get("nl", ""), r.get("en")) for r in rounds
        ),
        initiatives=c.initiatives,
        mechanisms=c.mechanisms,
        indicators=c.indicators,
        observations=c.observations,
        unstated=c.unstated,
    )


def _whole(value: str | None) -> str:
    """A number as the model prints it: ``2``, not ``2.0`` or ``"02"``."""
    return "" if value is None else str(int(float(value)))


def _indicator_type(iri: str) -> str:
    """An indicator's type as the model has it: an SZW type's value, or a declared type's id."""
    return iri[len(_TYPE_PREFIX) :] if iri.startswith(_TYPE_PREFIX) else node_id(iri)


def from_model(theory: Any) -> bool:
    """Whether ``theory``'s outline comes from its authoring model: YAML, or a model already built."""
    path = Path(theory.source) if theory.source else None
    return theory._model is not None or (path is not None and (path.is_dir() or path.suffix in YAML_SUFFIXES))


def outline(theory: Any) -> Outline:
    """The outline of a loaded theory: from the cache when its files were outlined before.

    A YAML theory's is derived from its model; an RDF file's or a store's from the store
    (:func:`outline_of_store`), never by building the model of a theory that may not fit.
    """
    key = getattr(theory, "cache_key", "")
    raw = store_cache.lookup_derived(key, "outline", _CODE) if key else None
    found = _decode(raw) if raw is not None else None
    if found is not None:
        return found
    if from_model(theory):
        made = outline_of_model(theory.model)
    else:
        made = outline_of_store(theory.store, theory.iri)
    if key:
        store_cache.remember_derived(key, "outline", _CODE, _encode(made))
    return made
