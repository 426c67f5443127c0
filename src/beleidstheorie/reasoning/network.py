"""Read a theory from an RDF store into the compact array form the model builder uses.

A handful of standard SPARQL 1.1 queries, one per kind of node or edge, with
aggregates where a count per node is all the engine needs; nothing else looks at
the graph. Nodes are numbered in one flat index space: delivery nodes (initiatives
and action lines), mechanisms, sub-goals, the main goal, context factors.

>>> from beleidstheorie.graph.load import load_theory
>>> net = read_network(load_theory(EXAMPLE).store)
>>> net.n_initiatives, net.n_mechanisms, net.n_subgoals, net.n_context, len(net.obs_id)
(3, 4, 2, 2, 6)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from beleidstheorie.errors import NotFoundError, StoreError, problem
from beleidstheorie.graph.store import PREFIXES, Store
from beleidstheorie.graph.store import local_name as _local
from beleidstheorie.graph.store import text_of as _s
from beleidstheorie.graph.stores import OxigraphStore, iri_term, select_text
from beleidstheorie.graph.stores.base import refusing_unreadable
from beleidstheorie.iris import BT_IRI
from beleidstheorie.messages import Kinds
from beleidstheorie.reasoning.triple_groups import evidence_group_rows

LEVELS = ("operationeel", "tactisch", "strategisch", "outcome")
KINDS = ("quantitative", "qualitative", "anecdotal", "none")
STATUSES = ("progressie-geboekt", "geen-progressie", "nog-niet-bekend", "niet-meetbaar")
STRENGTHS = ("strong", "moderate", "weak")
PROVENANCES = ("stated", "inferred")
BASES = ("realised", "estimate", "expectation", "description")
SOURCES = ("self-report", "administrative", "independent", "external-statistics")
GATES = ("noisy-or", "noisy-and")
ROLES = ("rival", "enabling", "inhibiting")
NODE_KINDS = ("initiative", "mechanism", "subgoal", "main_goal", "context")


@dataclass(frozen=True)
class NodeInfo:
    """A node of the network as users see it."""

    iri: str
    id: str
    label_nl: str
    label_en: str
    kind: str  # one of NODE_KINDS; action lines are "initiative" with a parent
    section: str = ""
    page: int | None = None
    parent: str = ""  # IRI of the initiative this is an action line of
    gate: str = ""  # declared gate (GATES) or "" for the config's default
    prior: float | None = None  # declared prior, None for the config's default

    def label(self, lang: str = "nl") -> str:
        """The label in ``lang``, falling back to Dutch."""
        return self.label_en if lang == "en" and self.label_en else self.label_nl


@dataclass(frozen=True)
class Round:
    """A measurement round."""

    iri: str
    id: str
    number: int
    label: str
    label_en: str = ""


@dataclass(frozen=True, eq=False)
class Network:
    """The theory as arrays: the engine's whole view of the graph."""

    theory: str
    theory_label: str
    rounds: tuple[Round, ...]
    nodes: tuple[NodeInfo, ...]  # flat: initiatives, mechanisms, subgoals, main goal, context
    n_initiatives: int
    n_mechanisms: int
    n_subgoals: int
    n_context: int
    mech_subgoal: np.ndarray  # (K,) index of each mechanism's sub-goal (0..J-1)
    serve_from: np.ndarray  # sub-goal k serves sub-goal serve_to (both 0..J-1)
    serve_to: np.ndarray
    # contributions initiative -> mechanism
    con_init: np.ndarray
    con_mech: np.ndarray
    con_strength: np.ndarray  # index into STRENGTHS
    con_provenance: np.ndarray  # index into PROVENANCES
    con_quote: tuple[str, ...]
    # context roles
    role_context: np.ndarray  # context index (0..C-1)
    role_kind: np.ndarray  # index into ROLES
    role_target: np.ndarray  # flat node index (goal, sub-goal or mechanism)
    role_strength: np.ndarray
    role_provenance: np.ndarray
    role_initiatives: tuple[tuple[int, ...], ...]  # flat initiative indices (empty: all)
    role_quote: tuple[str, ...]
    # observations (one row per observation)
    obs_id: tuple[str, ...]
    obs_indicator: np.ndarray  # indicator index
    obs_round: np.ndarray  # round number
    obs_status: np.ndarray  # index into STATUSES
    obs_kind: np.ndarray  # index into KINDS
    obs_basis: np.ndarray  # index into BASES, -1 when not stated
    obs_source: np.ndarray  # index into SOURCES, -1 when not stated
    obs_restates: np.ndarray  # observation row this one restates, -1 when none
    obs_elicited_se: np.ndarray  # nan when not elicited
    obs_elicited_fp: np.ndarray
    obs_values: np.ndarray  # number of values
    obs_realised: np.ndarray  # number of values of kind realised
    obs_period: tuple[str, ...]  # label of the reference period ("" when none)
    obs_text: tuple[str, ...]
    obs_section: tuple[str, ...]
    obs_page: tuple[int | None, ...]
    # indicators
    ind_id: tuple[str, ...]
    ind_label: tuple[str, ...]
    ind_initiative: np.ndarray  # flat index of the owner (initiative, action line or context factor)
    ind_level: np.ndarray  # index into LEVELS
    ind_delivery: np.ndarray  # bool
    # indicator -> mechanism/goal/context targets (flat node index)
    tgt_indicator: np.ndarray  # -1: an indicator the grouped read does not list (it has no observation)
    tgt_node: np.ndarray
    # Read item by item (read_network) each indicator row is one indicator, with all its
    # observations. Read grouped for one round (read_evidence_groups) each indicator row stands
    # for ``ind_count`` indicators of one owner with the same level and targets whose observations
    # that count in the round are alike in every field the likelihood reads; the row holds that
    # one observation and the evidence of the round weighs it ``ind_count`` times.
    ind_count: np.ndarray | None = None  # None: one indicator per row
    grouped_round: int | None = None  # the round a grouped read chose the observations for

    def indicator_counts(self) -> np.ndarray:
        """How many indicators each indicator row stands for (all ones when read item by item)."""
        if self.ind_count is None:
            return np.ones(len(self.ind_id), dtype=np.int64)
        return self.ind_count

    @property
    def n_nodes(self) -> int:
        """Number of theory nodes (delivery, mechanisms, sub-goals, main goal, context)."""
        return self.n_initiatives + self.n_mechanisms + self.n_subgoals + 1 + self.n_context

    @property
    def mechanism_offset(self) -> int:
        """Flat index of the first mechanism."""
        return self.n_initiatives

    @property
    def subgoal_offset(self) -> int:
        """Flat index of the first sub-goal."""
        return self.n_initiatives + self.n_mechanisms

    @property
    def main_goal_index(self) -> int:
        """Flat index of the main goal."""
        return self.n_initiatives + self.n_mechanisms + self.n_subgoals

    @property
    def context_offset(self) -> int:
        """Flat index of the first context factor."""
        return self.main_goal_index + 1

    def index_of(self, ref: str) -> int:
        """The flat index of a node named by IRI, id or (Dutch or English) label."""
        wanted = ref.strip().casefold()
        for i, node in enumerate(self.nodes):
            if wanted in (
                node.iri.casefold(),
                node.id.casefold(),
                node.label_nl.casefold(),
                node.label_en.casefold(),
            ):
                return i
        raise NotFoundError(
            [
                problem(
                    "no_named",
                    what=Kinds(("initiative", "mechanism", "goal", "context factor")),
                    name=repr(ref),
                    hint="",
                )
            ]
        )

    def round_number(self, ref: str | int | None) -> int:
        """The number of a round given by id, number or label; latest when None."""
        return _round_number(self.rounds, ref)

    def round_id(self, number: int) -> str:
        """The id of the round with this number."""
        return next(r.id for r in self.rounds if r.number == number)


def _round_number(rounds: tuple[Round, ...], ref: str | int | None) -> int:
    if not rounds:
        raise NotFoundError([problem("no_rounds")])
    if ref is None:
        return max(r.number for r in rounds)
    for r in rounds:
        if str(ref).casefold() in (
            r.id.casefold(),
            str(r.number),
            r.label.casefold(),
            r.iri.casefold(),
        ):
            return r.number
    names = ", ".join(r.id for r in rounds)
    raise NotFoundError([problem("no_round", ref=repr(ref), names=names)])


Q_THEORY = (
    PREFIXES
    + """
SELECT ?t ?nl WHERE {
  ?t a bt:PolicyTheory . OPTIONAL { ?t skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
} ORDER BY ?t
"""
)

Q_GOALS = (
    PREFIXES
    + """
SELECT ?t ?node ?kind ?nl ?en ?order ?parent ?section ?page ?gate ?prior WHERE {
  { ?t bt:hasMainGoal ?node . BIND("main_goal" AS ?kind) BIND(0 AS ?order) }
  UNION { ?t bt:hasSubGoal ?node . ?node bt:number ?order . BIND("subgoal" AS ?kind) }
  UNION { ?t bt:hasMechanism ?node . ?node bt:contributesTo ?parent .
          OPTIONAL { ?node bt:position ?order } BIND("mechanism" AS ?kind) }
  UNION { ?t bt:hasContextFactor ?node . OPTIONAL { ?node bt:position ?order }
          BIND("context" AS ?kind) }
  OPTIONAL { ?node skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?node skos:prefLabel ?en FILTER(lang(?en) = "en") }
  OPTIONAL { ?node bt:section ?section } OPTIONAL { ?node bt:page ?page }
  OPTIONAL { ?node bt:gate ?gate } OPTIONAL { ?node bt:prior ?prior }
} ORDER BY ?kind ?order ?node
"""
)

# Sub-goal -> sub-goal edges (``serves``): a sub-goal's bt:contributesTo other than the main goal.
Q_SERVES = (
    PREFIXES
    + """
SELECT ?t ?from ?to WHERE {
  ?t bt:hasSubGoal ?from . ?t bt:hasSubGoal ?to . ?from bt:contributesTo ?to .
} ORDER BY ?from ?to
"""
)

# Initiatives, and action lines (bt:actionLineOf, or the v1 dcterms:isPartOf) after their initiative.
Q_INITIATIVES = (
    PREFIXES
    + """
SELECT ?t ?node ?nl ?en ?number ?parent ?parentnumber ?section ?page WHERE {
  { ?t bt:hasInitiative ?node . ?node bt:number ?number .
    FILTER NOT EXISTS { ?node dcterms:isPartOf ?any } }
  UNION { ?t bt:hasInitiative ?parent . ?parent bt:number ?parentnumber .
          { ?node bt:actionLineOf ?parent } UNION { ?node dcterms:isPartOf ?parent }
          ?node bt:number ?number . }
  OPTIONAL { ?node skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?node skos:prefLabel ?en FILTER(lang(?en) = "en") }
  OPTIONAL { ?node bt:section ?section } OPTIONAL { ?node bt:page ?page }
} ORDER BY COALESCE(?parentnumber, ?number) BOUND(?parentnumber) ?number
"""
)

Q_ROUNDS = (
    PREFIXES
    + """
SELECT ?t ?round ?number ?nl ?en WHERE {
  ?t bt:hasRound ?round . ?round bt:number ?number .
  OPTIONAL { ?round skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?round skos:prefLabel ?en FILTER(lang(?en) = "en") }
} ORDER BY ?number
"""
)

Q_CONTRIBUTIONS = (
    PREFIXES
    + """
SELECT ?t ?ini ?mech ?strength ?provenance ?quote WHERE {
  ?t bt:hasMechanism ?mech .
  ?c bt:fromInitiative ?ini ; bt:toMechanism ?mech ; bt:strength ?strength ;
     bt:provenance ?provenance .
  OPTIONAL { ?c bt:quote ?quote }
} ORDER BY ?ini ?mech
"""
)

Q_ROLES = (
    PREFIXES
    + """
SELECT ?t ?cf ?r ?role ?target ?strength ?provenance ?quote
       (GROUP_CONCAT(STR(?ini); separator=" ") AS ?inis) WHERE {
  ?t bt:hasContextFactor ?cf . ?cf bt:hasRole ?r .
  ?r bt:role ?role ; bt:roleTarget ?target ; bt:strength ?strength ; bt:provenance ?provenance .
  OPTIONAL { ?r bt:quote ?quote }
  OPTIONAL { ?r bt:roleInitiative ?ini }
} GROUP BY ?t ?cf ?r ?role ?target ?strength ?provenance ?quote ORDER BY ?cf ?r
"""
)

Q_INDICATORS = (
    PREFIXES
    + """
SELECT ?t ?ind ?owner ?level ?delivery ?nl WHERE {
  { ?t bt:hasInitiative ?owner } UNION { ?t bt:hasInitiative ?top . ?owner bt:actionLineOf ?top }
  UNION { ?t bt:hasContextFactor ?owner }
  ?ind bt:indicatorOf ?owner ; bt:indicatorLevel ?level .
  OPTIONAL { ?ind bt:evidenceForDelivery ?delivery }
  OPTIONAL { ?ind skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
} ORDER BY ?ind
"""
)

Q_TARGETS = (
    PREFIXES
    + """
SELECT DISTINCT ?t ?ind ?target WHERE {
  { ?t bt:hasInitiative ?owner } UNION { ?t bt:hasInitiative ?top . ?owner bt:actionLineOf ?top }
  UNION { ?t bt:hasContextFactor ?owner }
  ?ind bt:indicatorOf ?owner ; bt:evidenceFor ?target .
} ORDER BY ?ind ?target
"""
)

Q_OBSERVATIONS = (
    PREFIXES
    + """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?t ?obs ?ind ?roundnumber ?status ?kind ?basis ?source ?restates ?se ?fp ?period
       ?text ?section ?page WHERE {
  { ?t bt:hasInitiative ?owner } UNION { ?t bt:hasInitiative ?top . ?owner bt:actionLineOf ?top }
  UNION { ?t bt:hasContextFactor ?owner }
  ?ind bt:indicatorOf ?owner .
  ?obs bt:observes ?ind ; bt:inRound ?round ; bt:status ?status ; bt:evidenceKind ?kind .
  ?round bt:number ?roundnumber .
  OPTIONAL { ?obs bt:basis ?basis } OPTIONAL { ?obs bt:evidenceSource ?source }
  OPTIONAL { ?obs bt:restates ?restates }
  OPTIONAL { ?obs bt:elicitedSensitivity ?se ; bt:elicitedFalsePositive ?fp }
  OPTIONAL { ?obs bt:referencePeriod ?p . OPTIONAL { ?p rdfs:label ?period } }
  OPTIONAL { ?obs bt:text ?text }
  OPTIONAL { ?obs bt:section ?section } OPTIONAL { ?obs bt:page ?page }
} ORDER BY ?obs
"""
)

# Per observation: how many values it reports and how many of them are realised
# figures (a value without bt:valueKind is realised, as in v1).
Q_VALUE_KINDS = (
    PREFIXES
    + """
SELECT ?obs (COUNT(?q) AS ?n)
       (SUM(IF(!BOUND(?vk) || ?vk = bt:valuekind-realised, 1, 0)) AS ?realised) WHERE {
  ?obs a bt:Observation ; bt:hasQuantity ?q .
  OPTIONAL { ?q bt:valueKind ?vk }
} GROUP BY ?obs
"""
)


_CONCEPTS: dict[tuple[str, tuple[str, ...]], dict[str, int]] = {}
"""The index of every concept IRI met, by scheme and values (a theory's rows repeat a few concepts)."""


def _concept_index(iri: str, scheme: str, values: tuple[str, ...]) -> int:
    known = _CONCEPTS.setdefault((scheme, values), {})
    found = known.get(iri)
    if found is not None:
        return found
    prefix = f"{BT_IRI}{scheme}-"
    if not iri.startswith(prefix) or iri[len(prefix) :] not in values:
        raise StoreError([problem("unexpected_concept", scheme=scheme, iri=iri)])
    known[iri] = values.index(iri[len(prefix) :])
    return known[iri]


def _optional_concept(row: dict, key: str, scheme: str, values: tuple[str, ...]) -> int:
    value = row.get(key)
    return -1 if value is None else _concept_index(str(value), scheme, values)


_NAN = float("nan")
"""The one NaN of an unbound number: a key holding it equals another key holding it (a new
``float("nan")`` equals nothing), so alike groups are one group whatever order a store
concatenates an indicator's targets in."""


def _float(row: dict, key: str) -> float:
    value = row.get(key)
    return _NAN if value is None else float(value)


def _boolean(value: str | None) -> bool:
    """An xsd:boolean's lexical form as a bool ("true" or "1"); unbound is False."""
    return value in ("true", "1")


def _ints(seq) -> np.ndarray:
    return np.array(list(seq), dtype=np.int64)


def _read_structure(store: Store, theory: str | None) -> tuple[dict, dict, dict[str, int]]:
    """The theory's nodes, edges and rounds: the fields of :class:`Network` that do not
    depend on the observations, the bound theory and the flat index of every node IRI."""
    theory_rows = select_text(store, Q_THEORY)
    theories = [str(r["t"]) for r in theory_rows]
    if theory is None:
        if len(theories) != 1:
            raise StoreError([problem("store_one_theory", n=len(theories))])
        theory = theories[0]
    elif theory not in theories:
        raise NotFoundError([problem("no_policy_theory", theory=theory)])
    bind = {"t": iri_term(theory)}  # bound as a term, so an IRI cannot change the query

    goal_rows = select_text(store, Q_GOALS, bind)
    by_kind: dict[str, list[dict]] = {k: [] for k in NODE_KINDS}
    for r in goal_rows:
        by_kind[str(r["kind"])].append(r)
    mains, subs, mechs, ctxs = (by_kind[k] for k in ("main_goal", "subgoal", "mechanism", "context"))
    if len(mains) != 1:
        raise StoreError([problem("one_main_goal", n=len(mains))])
    ini_rows = select_text(store, Q_INITIATIVES, bind)

    def info(row: dict, kind: str) -> NodeInfo:
        iri = _s(row, "node")
        page = row.get("page")
        gate = row.get("gate")
        prior = row.get("prior")
        return NodeInfo(
            iri,
            _local(iri),
            _s(row, "nl", _local(iri)),
            _s(row, "en"),
            kind,
            _s(row, "section"),
            int(page) if page is not None else None,
            _s(row, "parent") if kind == "initiative" else "",
            GATES[_concept_index(str(gate), "gate", GATES)] if gate is not None else "",
            float(prior) if prior is not None else None,
        )

    nodes = (
        [info(r, "initiative") for r in ini_rows]
        + [info(r, "mechanism") for r in mechs]
        + [info(r, "subgoal") for r in subs]
        + [info(mains[0], "main_goal")]
        + [info(r, "context") for r in ctxs]
    )
    index = {n.iri: i for i, n in enumerate(nodes)}
    n_ini, n_mech, n_sub = len(ini_rows), len(mechs), len(subs)
    ctx_offset = n_ini + n_mech + n_sub + 1
    sub_index = {str(r["node"]): k for k, r in enumerate(subs)}
    mech_subgoal = np.array([sub_index[str(r["parent"])] for r in mechs], dtype=np.int64)
    serves = select_text(store, Q_SERVES, bind)
    con = select_text(store, Q_CONTRIBUTIONS, bind)
    roles = select_text(store, Q_ROLES, bind)
    rounds = tuple(
        Round(
            str(r["round"]),
            _local(str(r["round"])),
            int(r["number"]),
            _s(r, "nl", _local(str(r["round"]))),
            _s(r, "en", ""),
        )
        for r in select_text(store, Q_ROUNDS, bind)
    )
    label = next((_s(r, "nl") for r in theory_rows if str(r["t"]) == theory and r.get("nl")), _local(theory))
    fields = dict(
        theory=theory,
        theory_label=label,
        rounds=rounds,
        nodes=tuple(nodes),
        n_initiatives=n_ini,
        n_mechanisms=n_mech,
        n_subgoals=n_sub,
        n_context=len(ctxs),
        mech_subgoal=mech_subgoal,
        serve_from=_ints(sub_index[str(r["from"])] for r in serves),
        serve_to=_ints(sub_index[str(r["to"])] for r in serves),
        con_init=_ints(index[str(r["ini"])] for r in con),
        con_mech=_ints(index[str(r["mech"])] - n_ini for r in con),
        con_strength=_ints(_concept_index(str(r["strength"]), "strength", STRENGTHS) for r in con),
        con_provenance=_ints(_concept_index(str(r["provenance"]), "provenance", PROVENANCES) for r in con),
        con_quote=tuple(_s(r, "quote") for r in con),
        role_context=_ints(index[str(r["cf"])] - ctx_offset for r in roles),
        role_kind=_ints(_concept_index(str(r["role"]), "contextrole", ROLES) for r in roles),
        role_target=_ints(index[str(r["target"])] for r in roles),
        role_strength=_ints(_concept_index(str(r["strength"]), "strength", STRENGTHS) for r in roles),
        role_provenance=_ints(_concept_index(str(r["provenance"]), "provenance", PROVENANCES) for r in roles),
        role_initiatives=tuple(
            tuple(sorted(index[i] for i in _s(r, "inis").split() if i in index)) for r in roles
        ),
        role_quote=tuple(_s(r, "quote") for r in roles),
    )
    return fields, bind, index


@refusing_unreadable
def read_network(store: Store, theory: str | None = None) -> Network:
    """Read the network of the (only, or named) theory in ``store``, item by item.

    Every indicator and every observation of every round is a row: what ``explain``,
    ``coverage``, ``compare`` and ``next`` list. Scoring alone needs only the groups of
    :func:`read_evidence_groups`.
    """
    fields, bind, index = _read_structure(store, theory)
    ind_rows = select_text(store, Q_INDICATORS, bind)
    ind_index = {str(r["ind"]): i for i, r in enumerate(ind_rows)}
    tgt_rows = [r for r in select_text(store, Q_TARGETS, bind) if str(r["target"]) in index]
    obs_rows = select_text(store, Q_OBSERVATIONS, bind)
    obs_index = {str(r["obs"]): i for i, r in enumerate(obs_rows)}
    values = {str(r["obs"]): (int(r["n"]), int(r["realised"])) for r in select_text(store, Q_VALUE_KINDS)}
    ints = _ints
    return Network(
        **fields,
        obs_id=tuple(_local(str(r["obs"])) for r in obs_rows),
        obs_indicator=ints(ind_index[str(r["ind"])] for r in obs_rows),
        obs_round=ints(int(r["roundnumber"]) for r in obs_rows),
        obs_status=ints(_concept_index(str(r["status"]), "status", STATUSES) for r in obs_rows),
        obs_kind=ints(_concept_index(str(r["kind"]), "evidencekind", KINDS) for r in obs_rows),
        obs_basis=ints(_optional_concept(r, "basis", "basis", BASES) for r in obs_rows),
        obs_source=ints(_optional_concept(r, "source", "evidencesource", SOURCES) for r in obs_rows),
        obs_restates=ints(obs_index.get(_s(r, "restates"), -1) for r in obs_rows),
        obs_elicited_se=np.array([_float(r, "se") for r in obs_rows]),
        obs_elicited_fp=np.array([_float(r, "fp") for r in obs_rows]),
        obs_values=ints(values.get(str(r["obs"]), (0, 0))[0] for r in obs_rows),
        obs_realised=ints(values.get(str(r["obs"]), (0, 0))[1] for r in obs_rows),
        obs_period=tuple(_s(r, "period") for r in obs_rows),
        obs_text=tuple(_s(r, "text") for r in obs_rows),
        obs_section=tuple(_s(r, "section") for r in obs_rows),
        obs_page=tuple(int(r["page"]) if r.get("page") is not None else None for r in obs_rows),
        ind_id=tuple(_local(str(r["ind"])) for r in ind_rows),
        ind_label=tuple(_s(r, "nl", _local(str(r["ind"]))) for r in ind_rows),
        ind_initiative=ints(index[str(r["owner"])] for r in ind_rows),
        ind_level=ints(_concept_index(str(r["level"]), "indicatorlevel", LEVELS) for r in ind_rows),
        ind_delivery=np.array([_boolean(r.get("delivery")) for r in ind_rows], dtype=bool),
        tgt_indicator=ints(ind_index[str(r["ind"])] for r in tgt_rows if str(r["ind"]) in ind_index),
        tgt_node=ints(index[str(r["target"])] for r in tgt_rows if str(r["ind"]) in ind_index),
    )


# The observation of each indicator that counts in the round (select_observations's rule,
# on the server): its latest informative observation up to the round, else its latest one; in
# one round, the largest IRI (the last in ORDER BY ?obs). The key sorts by exactly that:
# "1" for informative, the round number in ten digits, the IRI (matched back against it).
# Indicators of one owner with the same level and targets whose chosen observations agree in
# every field the likelihood reads are one row, counted by the server. The groups are keyed on
# a hash of the targets' list, which is carried as an aggregate: a list of IRIs as a grouping
# key overflows Virtuoso 7.2's temp rows in a large grouping (SR319 at 10^7 triples, not at
# 10^6; docs/scaling.md); a SHA-256 of 64 characters does not. The outer query has no
# WHERE keyword, so the bound theory opens the subquery's WHERE (values_opening_where).
_EVIDENCE_GROUPS = (
    PREFIXES
    + """
SELECT ?owner ?level (MIN(?targetlist) AS ?targets) ?status ?kind ?basis ?source ?restated ?se ?fp
       ?n ?realised (COUNT(DISTINCT ?ind) AS ?count) (MAX(?rn) AS ?roundnumber)
       (MIN(STR(?ind)) AS ?anyind) (MIN(STR(?obs)) AS ?anyobs) {
  { SELECT ?t ?owner ?ind (MAX(?key) AS ?best) WHERE {
      { ?t bt:hasInitiative ?owner } UNION { ?t bt:hasInitiative ?top . ?owner bt:actionLineOf ?top }
      UNION { ?t bt:hasContextFactor ?owner }
      ?ind bt:indicatorOf ?owner .
      ?o bt:observes ?ind ; bt:inRound ?r ; bt:status ?s ; bt:evidenceKind ?k . ?r bt:number ?rnum .
      FILTER(?rnum <= {cutoff})
      BIND(CONCAT(IF((?s = bt:status-progressie-geboekt || ?s = bt:status-geen-progressie)
                     && ?k != bt:evidencekind-none, "1", "0"),
                  SUBSTR(CONCAT("0000000000", STR(?rnum)), STRLEN(STR(?rnum)) + 1), STR(?o)) AS ?key)
    } GROUP BY ?t ?owner ?ind }
  ?ind bt:indicatorLevel ?level .
  ?obs bt:observes ?ind ; bt:inRound ?round ; bt:status ?status ; bt:evidenceKind ?kind .
  ?round bt:number ?rn .
  FILTER(STR(?obs) = SUBSTR(?best, 12))
  OPTIONAL { ?obs bt:basis ?basis } OPTIONAL { ?obs bt:evidenceSource ?source }
  OPTIONAL { ?obs bt:elicitedSensitivity ?se ; bt:elicitedFalsePositive ?fp }
  OPTIONAL { ?obs bt:restates ?re .
             ?re bt:observes ?ri ; bt:inRound ?rr ; bt:status ?rs ; bt:evidenceKind ?rk .
             ?rr bt:number ?rrn . ?ri bt:indicatorOf ?ro .
             { ?t bt:hasInitiative ?ro } UNION { ?t bt:hasInitiative ?rtop . ?ro bt:actionLineOf ?rtop }
             UNION { ?t bt:hasContextFactor ?ro }
             BIND(1 AS ?restated) }
  OPTIONAL { SELECT ?ind (GROUP_CONCAT(STR(?target); separator=" ") AS ?targetlist)
             WHERE { ?ind bt:evidenceFor ?target } GROUP BY ?ind }
  BIND(SHA256(COALESCE(?targetlist, "")) AS ?targetkey)
  OPTIONAL { SELECT ?obs (COUNT(?q) AS ?n)
                    (SUM(IF(!BOUND(?vk) || ?vk = bt:valuekind-realised, 1, 0)) AS ?realised)
             WHERE { ?obs a bt:Observation ; bt:hasQuantity ?q . OPTIONAL { ?q bt:valueKind ?vk } }
             GROUP BY ?obs }
} GROUP BY ?owner ?level ?targetkey ?status ?kind ?basis ?source ?restated ?se ?fp ?n ?realised
"""
)


def evidence_groups_query(round_number: int) -> str:
    """The query of the counted groups of round ``round_number`` (an int, written into the text)."""
    return _EVIDENCE_GROUPS.replace("{cutoff}", str(int(round_number)))


# The nodes some indicator of the theory bears on, observed or not (a score's note tells a
# node nobody measures from one whose measurements carry no evidence).
Q_TARGETED = (
    PREFIXES
    + """
SELECT DISTINCT ?t ?target WHERE {
  { ?t bt:hasInitiative ?owner } UNION { ?t bt:hasInitiative ?top . ?owner bt:actionLineOf ?top }
  UNION { ?t bt:hasContextFactor ?owner }
  ?ind bt:indicatorOf ?owner ; bt:evidenceFor ?target .
} ORDER BY ?target
"""
)


@refusing_unreadable
def read_evidence_groups(store: Store, round: str | int | None = None, theory: str | None = None) -> Network:
    """The network of ``round`` (default: the latest) with its evidence read as groups.

    The server chooses each indicator's counting observation for the round and groups
    alike indicators with a count (:func:`evidence_groups_query`), so the rows that come back
    grow with the kinds of evidence per owner, not with the observations. Scores,
    verdicts and every count of ``score``'s table are those of :func:`read_network`'s
    network; the items' own identities are not read (one representative per group).

    >>> from beleidstheorie.graph.load import load_theory
    >>> net = read_evidence_groups(load_theory(EXAMPLE).store, 2)
    >>> net.grouped_round, int(net.indicator_counts().sum()), len(net.obs_id)
    (2, 5, 5)
    """
    fields, bind, index = _read_structure(store, theory)
    number = _round_number(fields["rounds"], round)
    # the embedded store's index gives the query's rows faster than its query (triple_groups.py)
    found = evidence_group_rows(store, fields["theory"], number) if isinstance(store, OxigraphStore) else None
    if found is None:
        found = (
            select_text(store, evidence_groups_query(number), bind),
            [str(r["target"]) for r in select_text(store, Q_TARGETED, bind)],
        )
    rows, targeted_iris = found
    # one row per group, in an order of its fields: the same network from every server
    # (a server may concatenate an indicator's targets in another order)
    groups: dict[tuple, list] = {}
    target_sets: dict[str, tuple[int, ...]] = {}  # many groups name the same targets
    for r in rows:
        named = r.get("targets", "")
        targets = target_sets.get(named)
        if targets is None:
            targets = target_sets[named] = tuple(sorted({index[t] for t in named.split() if t in index}))
        key = (
            index[str(r["owner"])],
            _concept_index(str(r["level"]), "indicatorlevel", LEVELS),
            targets,
            _concept_index(str(r["status"]), "status", STATUSES),
            _concept_index(str(r["kind"]), "evidencekind", KINDS),
            _optional_concept(r, "basis", "basis", BASES),
            _optional_concept(r, "source", "evidencesource", SOURCES),
            r.get("restated") is not None,
            _float(r, "se"),
            _float(r, "fp"),
            int(r.get("n", 0)),
            int(r.get("realised", 0)),
        )
        seen = groups.setdefault(key, [0, 0, str(r["anyind"]), str(r["anyobs"])])
        seen[0] += int(r["count"])
        seen[1] = max(seen[1], int(r["roundnumber"]))
        seen[2], seen[3] = min(seen[2], str(r["anyind"])), min(seen[3], str(r["anyobs"]))
    keys = sorted(groups, key=lambda k: (k[:8], str(k[8:10]), k[10:]))
    targeted = sorted({index[t] for t in targeted_iris if t in index})
    ints = _ints
    g = range(len(keys))
    return Network(
        **fields,
        obs_id=tuple(_local(groups[k][3]) for k in keys),
        obs_indicator=ints(g),
        obs_round=ints(groups[k][1] for k in keys),
        obs_status=ints(k[3] for k in keys),
        obs_kind=ints(k[4] for k in keys),
        obs_basis=ints(k[5] for k in keys),
        obs_source=ints(k[6] for k in keys),
        obs_restates=ints(i if k[7] else -1 for i, k in enumerate(keys)),
        obs_elicited_se=np.array([k[8] for k in keys], dtype=float),
        obs_elicited_fp=np.array([k[9] for k in keys], dtype=float),
        obs_values=ints(k[10] for k in keys),
        obs_realised=ints(k[11] for k in keys),
        obs_period=("",) * len(keys),
        obs_text=("",) * len(keys),
        obs_section=("",) * len(keys),
        obs_page=(None,) * len(keys),
        ind_id=tuple(_local(groups[k][2]) for k in keys),
        ind_label=tuple(_local(groups[k][2]) for k in keys),
        ind_initiative=ints(k[0] for k in keys),
        ind_level=ints(k[1] for k in keys),
        ind_delivery=np.zeros(len(keys), dtype=bool),
        tgt_indicator=ints([*(i for i, k in enumerate(keys) for _ in k[2]), *(-1 for _ in targeted)]),
        tgt_node=ints([*(t for k in keys for t in k[2]), *targeted]),
        ind_count=ints(groups[k][0] for k in keys),
        grouped_round=number,
    )
