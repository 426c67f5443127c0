"""A theory's outline: its findable parts and validate's counts, kept beside the cached store.

Naming a part (``explain Maatwerk``, ``--round 2``, ``render initiative NAME``), ``list``
and the summary line of ``validate`` need only the ids, labels and counts of the
authoring model, yet building that model means parsing the YAML and checking it with
pydantic. The outline is a function of the theory's files, like its cached store, so
it is kept in the content-hash cache as JSON (under the theory's key and a hash of the
code that derives it) and read back without the model; without a cache it is derived
from the model each time.

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
from beleidstheorie.graph.stores.base import PREFIXES, local_name, select_text
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
  { ?t bt:hasInitiative ?i } UNION { ?t bt:hasMechanism ?m }
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
    path = Path(theory.source) if theory.source else None
    if theory._model is not None or (path is not None and (path.is_dir() or path.suffix in YAML_SUFFIXES)):
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


def outline(theory: Any) -> Outline:
    """The outline of a loaded theory: from the cache when its files were outlined before."""
    key = getattr(theory, "cache_key", "")
    raw = store_cache.lookup_derived(key, "outline", _CODE) if key else None
    found = _decode(raw) if raw is not None else None
    if found is not None:
        return found
    made = outline_of_model(theory.model)
    if key:
        store_cache.remember_derived(key, "outline", _CODE, _encode(made))
    return made
