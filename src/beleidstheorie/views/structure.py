"""The structure of a theory as the diagrams and the interactive view draw it.

A few SPARQL queries over the theory's store, one per kind of thing, give one
frozen :class:`Structure`: inputs, initiatives (with penvoerder, sub-lines,
beoogd effect and outputs), mechanisms under their sub-goals, the main goal,
context factors by level, typed links between initiatives and contributions of
initiatives to mechanisms. Views read this and never walk the graph.

Labels are Dutch by default; ``lang="en"`` takes English labels where the
theory has them and falls back to Dutch.

>>> from beleidstheorie.graph.load import load_theory
>>> s = read_structure(load_theory(EXAMPLE).store)
>>> [m.label for m in s.mechanisms_of(s.subgoals[0])]
['Signalering door buren', 'Laagdrempelige ontmoeting']
>>> [(link.type, s.node(link.target).label) for link in s.links]
[('refers-to', 'Belcirkel')]
>>> read_structure(load_theory(EXAMPLE).store, lang="en").main_goal.label
'Less loneliness among older residents'
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cached_property

from beleidstheorie.errors import NotFoundError, StoreError, problem
from beleidstheorie.graph.load import Q_ROUND_NAMES
from beleidstheorie.graph.store import PREFIXES, Store
from beleidstheorie.graph.store import local_name as _local
from beleidstheorie.graph.store import text_of as _s
from beleidstheorie.graph.stores.base import TextRow, iri_term, refusing_unreadable, select_text
from beleidstheorie.iris import BT_IRI

CONTEXT_LEVELS = ("samenleving", "organisaties", "individuen")

Q_THEORY = (
    PREFIXES
    + """
SELECT ?t ?nl ?en WHERE {
  ?t a bt:PolicyTheory .
  OPTIONAL { ?t skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?t skos:prefLabel ?en FILTER(lang(?en) = "en") }
} ORDER BY ?t
"""
)

Q_NODES = (
    PREFIXES
    + """
SELECT ?node ?kind ?order ?nl ?en ?dnl ?den ?parent ?level ?section ?page WHERE {
  { ?t bt:hasInput ?node . ?node bt:position ?order . BIND("input" AS ?kind)
    OPTIONAL { ?node bt:quote ?dnl } }
  UNION { ?t bt:hasMainGoal ?node . BIND("main_goal" AS ?kind) BIND(0 AS ?order) }
  UNION { ?t bt:hasSubGoal ?node . ?node bt:number ?order . BIND("subgoal" AS ?kind)
          OPTIONAL { ?node dcterms:description ?dnl FILTER(lang(?dnl) = "nl") }
          OPTIONAL { ?node dcterms:description ?den FILTER(lang(?den) = "en") } }
  UNION { ?t bt:hasMechanism ?node . ?node bt:position ?order ; bt:contributesTo ?parent .
          BIND("mechanism" AS ?kind)
          OPTIONAL { ?node skos:definition ?dnl FILTER(lang(?dnl) = "nl") }
          OPTIONAL { ?node skos:definition ?den FILTER(lang(?den) = "en") } }
  UNION { ?t bt:hasContextFactor ?node . ?node bt:position ?order ; bt:contextLevel ?level .
          BIND("context" AS ?kind) }
  OPTIONAL { ?node skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?node skos:prefLabel ?en FILTER(lang(?en) = "en") }
  OPTIONAL { ?node bt:section ?section } OPTIONAL { ?node bt:page ?page }
} ORDER BY ?kind ?order
"""
)

Q_INITIATIVES = (
    PREFIXES
    + """
SELECT ?node ?number ?parent ?parentnumber ?nl ?en ?dnl ?den ?org ?orgnl ?orgen ?section ?page
WHERE {
  ?t bt:hasInitiative/(^bt:actionLineOf)? ?node . ?node bt:number ?number .
  OPTIONAL { ?node bt:actionLineOf ?parent . ?parent bt:number ?parentnumber }
  OPTIONAL { ?node skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?node skos:prefLabel ?en FILTER(lang(?en) = "en") }
  OPTIONAL { ?node bt:beoogdEffect ?dnl FILTER(lang(?dnl) = "nl") }
  OPTIONAL { ?node bt:beoogdEffect ?den FILTER(lang(?den) = "en") }
  OPTIONAL { ?node bt:penvoerder ?org .
             OPTIONAL { ?org skos:prefLabel ?orgnl FILTER(lang(?orgnl) = "nl") }
             OPTIONAL { ?org skos:prefLabel ?orgen FILTER(lang(?orgen) = "en") } }
  OPTIONAL { ?node bt:section ?section } OPTIONAL { ?node bt:page ?page }
} ORDER BY COALESCE(?parentnumber, ?number) BOUND(?parentnumber) ?number
"""
)

Q_OUTPUTS = (
    PREFIXES
    + """
SELECT ?node ?pos ?nl ?en WHERE {
  ?t bt:hasInitiative/(^bt:actionLineOf)? ?node . ?node bt:hasOutput ?out . ?out bt:position ?pos .
  OPTIONAL { ?out dcterms:description ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?out dcterms:description ?en FILTER(lang(?en) = "en") }
} ORDER BY ?node ?pos
"""
)

Q_LINKS = (
    PREFIXES
    + """
SELECT ?source ?target ?type ?pos ?quote ?section ?page WHERE {
  ?t bt:hasInitiative/(^bt:actionLineOf)? ?source .
  ?link a bt:InitiativeLink ; bt:linkSource ?source ; bt:linkTarget ?target ; bt:linkType ?type .
  OPTIONAL { ?link bt:position ?pos }
  OPTIONAL { ?link bt:quote ?quote }
  OPTIONAL { ?link bt:section ?section } OPTIONAL { ?link bt:page ?page }
} ORDER BY ?source ?pos ?target
"""
)

Q_CONTRIBUTIONS = (
    PREFIXES
    + """
SELECT ?ini ?mech ?strength ?provenance ?pos ?quote ?section ?page WHERE {
  ?t bt:hasInitiative/(^bt:actionLineOf)? ?ini .
  ?c bt:fromInitiative ?ini ; bt:toMechanism ?mech ; bt:strength ?strength ;
     bt:provenance ?provenance .
  OPTIONAL { ?c bt:position ?pos }
  OPTIONAL { ?c bt:quote ?quote }
  OPTIONAL { ?c bt:section ?section } OPTIONAL { ?c bt:page ?page }
} ORDER BY ?ini ?pos ?mech
"""
)


@dataclass(frozen=True, kw_only=True)
class Node:
    """A node of the theory as a view shows it."""

    iri: str
    key: str
    kind: str  # input | initiative | mechanism | subgoal | main_goal | context
    label: str
    description: str = ""  # beoogd effect, definition or description
    section: str = ""
    page: int | None = None

    @property
    def reference(self) -> str:
        """Where the node is in the source report ('section, p. N')."""
        return f"{self.section}, p. {self.page}" if self.page else self.section


@dataclass(frozen=True, kw_only=True)
class Initiative(Node):
    """An initiative or a sub-line (actielijn) of one."""

    number: int
    code: str  # '2' or, for the first sub-line of initiative 2, '2.1'
    parent: str | None = None  # IRI of the initiative this is a sub-line of
    penvoerder: str | None = None  # IRI of the organisation
    penvoerder_label: str = ""
    outputs: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Mechanism(Node):
    """A werkzaam mechanisme under one sub-goal."""

    subgoal: str  # IRI


@dataclass(frozen=True, kw_only=True)
class ContextFactor(Node):
    """A contextfactor on one of the three levels."""

    level: str  # samenleving | organisaties | individuen


@dataclass(frozen=True)
class Link:
    """A typed link ``source <type> target`` between two initiatives."""

    source: str
    target: str
    type: str  # a LinkType value, e.g. 'supports'
    quote: str = ""
    section: str = ""
    page: int | None = None

    @property
    def reference(self) -> str:
        """Where the report states the link ('section, p. N').

        >>> Link("a", "b", "supports", section="2.3 Samenhang", page=17).reference
        '2.3 Samenhang, p. 17'
        """
        return f"{self.section}, p. {self.page}" if self.page else self.section


@dataclass(frozen=True)
class Contribution:
    """An initiative's contribution to a mechanism."""

    initiative: str
    mechanism: str
    strength: str  # strong | moderate | weak
    provenance: str  # stated | inferred
    quote: str = ""
    section: str = ""
    page: int | None = None

    @property
    def stated(self) -> bool:
        """Whether the report states the contribution (else the curator inferred it)."""
        return self.provenance == "stated"


@dataclass(frozen=True, eq=False)
class Structure:
    """Everything a diagram draws, in theory order."""

    theory: str
    label: str
    lang: str
    inputs: tuple[Node, ...]
    initiatives: tuple[Initiative, ...]  # each parent is followed by its sub-lines
    mechanisms: tuple[Mechanism, ...]
    subgoals: tuple[Node, ...]
    main_goal: Node
    context_factors: tuple[ContextFactor, ...]
    links: tuple[Link, ...]
    contributions: tuple[Contribution, ...]
    rounds: dict[str, str] = field(default_factory=dict)  # round id -> label, in order

    @cached_property
    def _by_iri(self) -> dict[str, Node]:
        nodes = (
            *self.inputs,
            *self.initiatives,
            *self.mechanisms,
            *self.subgoals,
            self.main_goal,
            *self.context_factors,
        )
        return {n.iri: n for n in nodes}

    def node(self, iri: str) -> Node:
        """The node with this IRI."""
        try:
            return self._by_iri[iri]
        except KeyError:
            raise NotFoundError([problem("no_node", iri=iri)]) from None

    def mechanisms_of(self, subgoal: Node) -> tuple[Mechanism, ...]:
        """The mechanisms under ``subgoal``, in theory order."""
        return tuple(m for m in self.mechanisms if m.subgoal == subgoal.iri)

    def context_at(self, level: str) -> tuple[ContextFactor, ...]:
        """The context factors on ``level``, in theory order."""
        return tuple(c for c in self.context_factors if c.level == level)

    def action_lines(self, initiative: Initiative) -> tuple[Initiative, ...]:
        """The action lines (actielijnen, ``bt:ActionLine``) of an initiative."""
        return tuple(i for i in self.initiatives if i.parent == initiative.iri)

    def family(self, initiative: Initiative) -> tuple[Initiative, ...]:
        """The top-level initiative of ``initiative`` followed by all its sub-lines."""
        top = self.node(initiative.parent) if initiative.parent else initiative
        return (top, *self.action_lines(top))  # type: ignore[arg-type]

    def contributions_of(self, initiative: Initiative) -> tuple[Contribution, ...]:
        """The contributions of one initiative, in authoring order."""
        return tuple(c for c in self.contributions if c.initiative == initiative.iri)

    def links_of(self, initiative: Initiative) -> tuple[Link, ...]:
        """The typed links with ``initiative`` as source or target."""
        return tuple(k for k in self.links if initiative.iri in (k.source, k.target))

    def round_label(self, round_id: str, default: str = "") -> str:
        """The label of a measurement round in the structure's language."""
        return self.rounds.get(round_id, default or round_id)

    def find_initiative(self, name: str) -> Initiative:
        """The initiative with this id, IRI, code ('2.1') or label (any case).

        Raises :class:`~beleidstheorie.errors.NotFoundError` naming close matches.
        """
        wanted = name.strip().casefold()
        for ini in self.initiatives:
            names = {ini.iri, ini.key, ini.label, ini.code}
            if wanted in {n.casefold() for n in names}:
                return ini
        by_name = {n.casefold(): i for i in self.initiatives for n in (i.key, i.label)}
        close = difflib.get_close_matches(name.casefold(), list(by_name), n=8, cutoff=0.4)
        keys = list(dict.fromkeys(by_name[c].key for c in close))[:5]
        hint = ("did_you_mean_plain", (("names", ", ".join(keys)),)) if keys else ""
        raise NotFoundError([problem("no_initiative_named", name=repr(name), hint=hint)])


def _page(row: TextRow) -> int | None:
    value = row.get("page")
    return int(value) if value is not None else None


def _pick(row: TextRow, nl: str, en: str, lang: str, default: str = "") -> str:
    """The text in ``lang``, else Dutch, else ``default``."""
    if lang == "en" and _s(row, en):
        return _s(row, en)
    return _s(row, nl) or default


def _concept(iri: str, scheme: str) -> str:
    prefix = f"{BT_IRI}{scheme}-"
    if not iri.startswith(prefix):
        raise StoreError([problem("unexpected_concept", scheme=scheme, iri=iri)])
    return iri[len(prefix) :]


def _theory(store: Store, theory: str | None) -> TextRow:
    rows = select_text(store, Q_THEORY)
    if theory is None:
        if len(rows) != 1:
            raise StoreError([problem("store_one_theory", n=len(rows))])
        return rows[0]
    for row in rows:
        if str(row["t"]) == theory:
            return row
    raise NotFoundError([problem("no_policy_theory", theory=theory)])


def _initiatives(store: Store, bind: dict, lang: str) -> tuple[Initiative, ...]:
    outputs: dict[str, list[str]] = {}
    for row in select_text(store, Q_OUTPUTS, bind):
        outputs.setdefault(str(row["node"]), []).append(_pick(row, "nl", "en", lang))
    out = []
    for row in select_text(store, Q_INITIATIVES, bind):
        iri, number = str(row["node"]), int(row["number"])
        parent = _s(row, "parent") or None
        code = f"{int(row['parentnumber'])}.{number}" if parent else str(number)
        out.append(
            Initiative(
                iri=iri,
                key=_local(iri),
                kind="initiative",
                label=_pick(row, "nl", "en", lang, _local(iri)),
                description=_pick(row, "dnl", "den", lang),
                section=_s(row, "section"),
                page=_page(row),
                number=number,
                code=code,
                parent=parent,
                penvoerder=_s(row, "org") or None,
                penvoerder_label=_pick(row, "orgnl", "orgen", lang, _local(_s(row, "org"))),
                outputs=tuple(outputs.get(iri, ())),
            )
        )
    return tuple(out)


@refusing_unreadable
def read_structure(store: Store, lang: str = "nl", theory: str | None = None) -> Structure:
    """Read the structure of the (only, or named) theory in ``store``."""
    head = _theory(store, theory)
    bind = {"t": iri_term(head["t"])}
    by_kind: dict[str, list[Node]] = {k: [] for k in ("input", "main_goal", "subgoal")}
    mechanisms: list[Mechanism] = []
    context: list[ContextFactor] = []
    for row in select_text(store, Q_NODES, bind):
        iri, kind = str(row["node"]), str(row["kind"])
        common = dict(
            iri=iri,
            key=_local(iri),
            kind=kind,
            label=_pick(row, "nl", "en", lang, _local(iri)),
            description=_pick(row, "dnl", "den", lang),
            section=_s(row, "section"),
            page=_page(row),
        )
        if kind == "mechanism":
            mechanisms.append(Mechanism(subgoal=_s(row, "parent"), **common))  # type: ignore[arg-type]
        elif kind == "context":
            level = _concept(_s(row, "level"), "contextlevel")
            context.append(ContextFactor(level=level, **common))  # type: ignore[arg-type]
        else:
            by_kind[kind].append(Node(**common))  # type: ignore[arg-type]
    if len(by_kind["main_goal"]) != 1:
        raise StoreError([problem("one_main_goal", n=len(by_kind["main_goal"]))])
    links = tuple(
        Link(
            _s(r, "source"),
            _s(r, "target"),
            _concept(_s(r, "type"), "linktype"),
            _s(r, "quote"),
            _s(r, "section"),
            _page(r),
        )
        for r in select_text(store, Q_LINKS, bind)
    )
    contributions = tuple(
        Contribution(
            _s(r, "ini"),
            _s(r, "mech"),
            _concept(_s(r, "strength"), "strength"),
            _concept(_s(r, "provenance"), "provenance"),
            _s(r, "quote"),
            _s(r, "section"),
            _page(r),
        )
        for r in select_text(store, Q_CONTRIBUTIONS, bind)
    )
    return Structure(
        theory=str(head["t"]),
        label=_pick(head, "nl", "en", lang, _local(str(head["t"]))),
        lang=lang,
        inputs=tuple(by_kind["input"]),
        initiatives=_initiatives(store, bind, lang),
        mechanisms=tuple(mechanisms),
        subgoals=tuple(by_kind["subgoal"]),
        main_goal=by_kind["main_goal"][0],
        context_factors=tuple(context),
        links=links,
        contributions=contributions,
        rounds={
            _local(_s(r, "round")): _pick(r, "nl", "en", lang)
            for r in select_text(store, Q_ROUND_NAMES, bind)
        },
    )
