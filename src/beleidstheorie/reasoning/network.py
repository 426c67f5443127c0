"""Read a theory from an RDF store into the compact array form the engine uses.

A handful of SPARQL queries, one per kind of node or edge; nothing else looks at
the graph. Nodes of the Bayesian network are numbered in one flat index space:
initiative delivery nodes first, then mechanisms, sub-goals, the main goal.

>>> from beleidstheorie.graph.load import load_theory
>>> net = read_network(load_theory(EXAMPLE).store)
>>> net.n_initiatives, net.n_mechanisms, net.n_subgoals, len(net.obs_id)
(3, 4, 2, 6)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rdflib import URIRef

from beleidstheorie.errors import NotFoundError, StoreError
from beleidstheorie.graph.store import PREFIXES, Store
from beleidstheorie.graph.store import local_name as _local
from beleidstheorie.graph.store import text_of as _s
from beleidstheorie.namespaces import BT

LEVELS = ("operationeel", "tactisch", "strategisch", "outcome")
KINDS = ("quantitative", "qualitative", "anecdotal", "none")
STATUSES = ("progressie-geboekt", "geen-progressie", "nog-niet-bekend", "niet-meetbaar")
STRENGTHS = ("strong", "moderate", "weak")
PROVENANCES = ("stated", "inferred")


@dataclass(frozen=True)
class NodeInfo:
    """A node of the network as users see it."""

    iri: str
    id: str
    label_nl: str
    label_en: str
    kind: str  # initiative | mechanism | subgoal | main_goal
    section: str = ""
    page: int | None = None
    parent: str = ""  # IRI of the initiative this is an action line of

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


@dataclass(frozen=True, eq=False)
class Network:
    """The theory as arrays: the engine's whole view of the graph."""

    theory: str
    theory_label: str
    rounds: tuple[Round, ...]
    nodes: tuple[NodeInfo, ...]  # flat: initiatives, mechanisms, subgoals, main goal
    n_initiatives: int
    n_mechanisms: int
    n_subgoals: int
    mech_subgoal: np.ndarray  # (K,) index of each mechanism's sub-goal (0..J-1)
    # contributions initiative -> mechanism
    con_init: np.ndarray
    con_mech: np.ndarray
    con_strength: np.ndarray  # index into STRENGTHS
    con_provenance: np.ndarray  # index into PROVENANCES
    con_quote: tuple[str, ...]
    # observations (one row per observation)
    obs_id: tuple[str, ...]
    obs_indicator: np.ndarray  # indicator index
    obs_round: np.ndarray  # round number
    obs_status: np.ndarray  # index into STATUSES
    obs_kind: np.ndarray  # index into KINDS
    obs_text: tuple[str, ...]
    obs_section: tuple[str, ...]
    obs_page: tuple[int | None, ...]
    # indicators
    ind_id: tuple[str, ...]
    ind_label: tuple[str, ...]
    ind_initiative: np.ndarray  # initiative index
    ind_level: np.ndarray  # index into LEVELS
    ind_delivery: np.ndarray  # bool
    # indicator -> mechanism/goal targets (flat node index)
    tgt_indicator: np.ndarray
    tgt_node: np.ndarray

    @property
    def n_nodes(self) -> int:
        """Number of network nodes (delivery, mechanisms, sub-goals, main goal)."""
        return self.n_initiatives + self.n_mechanisms + self.n_subgoals + 1

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
        return self.n_nodes - 1

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
        raise NotFoundError(f"no initiative, mechanism or goal named {ref!r}")

    def round_number(self, ref: str | int | None) -> int:
        """The number of a round given by id, number or label; latest when None."""
        if not self.rounds:
            raise NotFoundError("the theory has no measurement rounds")
        if ref is None:
            return max(r.number for r in self.rounds)
        for r in self.rounds:
            if str(ref).casefold() in (
                r.id.casefold(),
                str(r.number),
                r.label.casefold(),
                r.iri.casefold(),
            ):
                return r.number
        names = ", ".join(r.id for r in self.rounds)
        raise NotFoundError(f"no measurement round {ref!r} (rounds: {names})")


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
SELECT ?t ?node ?kind ?nl ?en ?order ?parent ?section ?page WHERE {
  { ?t bt:hasMainGoal ?node . BIND("main_goal" AS ?kind) BIND(0 AS ?order) }
  UNION { ?t bt:hasSubGoal ?node . ?node bt:number ?order . BIND("subgoal" AS ?kind) }
  UNION { ?t bt:hasMechanism ?node . ?node bt:position ?order ; bt:contributesTo ?parent .
          BIND("mechanism" AS ?kind) }
  OPTIONAL { ?node skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?node skos:prefLabel ?en FILTER(lang(?en) = "en") }
  OPTIONAL { ?node bt:section ?section } OPTIONAL { ?node bt:page ?page }
} ORDER BY ?kind ?order
"""
)

Q_INITIATIVES = (
    PREFIXES
    + """
SELECT ?t ?node ?nl ?en ?number ?parent ?parentnumber ?section ?page WHERE {
  ?t bt:hasInitiative/(^bt:actionLineOf)? ?node . ?node bt:number ?number .
  OPTIONAL { ?node bt:actionLineOf ?parent . ?parent bt:number ?parentnumber }
  OPTIONAL { ?node skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?node skos:prefLabel ?en FILTER(lang(?en) = "en") }
  OPTIONAL { ?node bt:section ?section } OPTIONAL { ?node bt:page ?page }
} ORDER BY COALESCE(?parentnumber, ?number) BOUND(?parentnumber) ?number
"""
)

Q_ROUNDS = (
    PREFIXES
    + """
SELECT ?t ?round ?number ?nl WHERE {
  ?t bt:hasRound ?round . ?round bt:number ?number .
  OPTIONAL { ?round skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
} ORDER BY ?number
"""
)

Q_CONTRIBUTIONS = (
    PREFIXES
    + """
SELECT ?t ?ini ?mech ?strength ?provenance ?quote WHERE {
  ?t bt:hasInitiative/(^bt:actionLineOf)? ?ini .
  ?c bt:fromInitiative ?ini ; bt:toMechanism ?mech ; bt:strength ?strength ;
     bt:provenance ?provenance .
  OPTIONAL { ?c bt:quote ?quote }
} ORDER BY ?ini ?mech
"""
)

Q_INDICATORS = (
    PREFIXES
    + """
SELECT ?t ?ind ?ini ?level ?delivery ?nl WHERE {
  ?t bt:hasInitiative/(^bt:actionLineOf)? ?ini .
  ?ind bt:indicatorOf ?ini ; bt:indicatorLevel ?level ; bt:evidenceForDelivery ?delivery .
  OPTIONAL { ?ind skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
} ORDER BY ?ind
"""
)

Q_TARGETS = (
    PREFIXES
    + """
SELECT ?t ?ind ?target WHERE {
  ?t bt:hasInitiative/(^bt:actionLineOf)? ?ini . ?ind bt:indicatorOf ?ini ; bt:evidenceFor ?target .
} ORDER BY ?ind ?target
"""
)

Q_OBSERVATIONS = (
    PREFIXES
    + """
SELECT ?t ?obs ?ind ?roundnumber ?status ?kind ?text ?section ?page WHERE {
  ?t bt:hasInitiative/(^bt:actionLineOf)? ?ini . ?ind bt:indicatorOf ?ini .
  ?obs bt:observes ?ind ; bt:inRound ?round ; bt:status ?status ; bt:evidenceKind ?kind .
  ?round bt:number ?roundnumber .
  OPTIONAL { ?obs bt:text ?text }
  OPTIONAL { ?obs bt:section ?section } OPTIONAL { ?obs bt:page ?page }
} ORDER BY ?obs
"""
)


def _concept_index(iri: str, scheme: str, values: tuple[str, ...]) -> int:
    prefix = f"{BT}{scheme}-"
    if not iri.startswith(prefix) or iri[len(prefix) :] not in values:
        raise StoreError(f"unexpected {scheme} concept {iri}")
    return values.index(iri[len(prefix) :])


def read_network(store: Store, theory: str | None = None) -> Network:
    """Read the network of the (only, or named) theory in ``store``."""
    theory_rows = store.query(Q_THEORY)
    theories = [str(r["t"]) for r in theory_rows]
    if theory is None:
        if len(theories) != 1:
            raise StoreError(f"expected one bt:PolicyTheory in the store, found {len(theories)}")
        theory = theories[0]
    elif theory not in theories:
        raise NotFoundError(f"no policy theory {theory} in the store")
    bind = {"t": URIRef(theory)}

    goal_rows = store.query(Q_GOALS, bind)
    mains = [r for r in goal_rows if str(r["kind"]) == "main_goal"]
    subs = [r for r in goal_rows if str(r["kind"]) == "subgoal"]
    mechs = [r for r in goal_rows if str(r["kind"]) == "mechanism"]
    if len(mains) != 1:
        raise StoreError(f"expected one main goal, found {len(mains)}")
    ini_rows = store.query(Q_INITIATIVES, bind)

    def info(row: dict, kind: str) -> NodeInfo:
        iri = _s(row, "node")
        page = row.get("page")
        return NodeInfo(
            iri,
            _local(iri),
            _s(row, "nl", _local(iri)),
            _s(row, "en"),
            kind,
            _s(row, "section"),
            int(page) if page is not None else None,
            _s(row, "parent") if kind == "initiative" else "",
        )

    nodes = (
        [info(r, "initiative") for r in ini_rows]
        + [info(r, "mechanism") for r in mechs]
        + [info(r, "subgoal") for r in subs]
        + [info(mains[0], "main_goal")]
    )
    index = {n.iri: i for i, n in enumerate(nodes)}
    n_ini, n_mech, n_sub = len(ini_rows), len(mechs), len(subs)
    sub_index = {str(r["node"]): k for k, r in enumerate(subs)}
    mech_subgoal = np.array([sub_index[str(r["parent"])] for r in mechs], dtype=np.int64)

    con = store.query(Q_CONTRIBUTIONS, bind)
    con_init = np.array([index[str(r["ini"])] for r in con], dtype=np.int64)
    con_mech = np.array([index[str(r["mech"])] - n_ini for r in con], dtype=np.int64)
    con_strength = np.array(
        [_concept_index(str(r["strength"]), "strength", STRENGTHS) for r in con], dtype=np.int64
    )
    con_prov = np.array(
        [_concept_index(str(r["provenance"]), "provenance", PROVENANCES) for r in con],
        dtype=np.int64,
    )

    ind_rows = store.query(Q_INDICATORS, bind)
    ind_index = {str(r["ind"]): i for i, r in enumerate(ind_rows)}
    tgt_rows = store.query(Q_TARGETS, bind)
    obs_rows = store.query(Q_OBSERVATIONS, bind)
    rounds = tuple(
        Round(
            str(r["round"]),
            _local(str(r["round"])),
            int(r["number"]),
            _s(r, "nl", _local(str(r["round"]))),
        )
        for r in store.query(Q_ROUNDS, bind)
    )
    label = next((_s(r, "nl") for r in theory_rows if str(r["t"]) == theory and r.get("nl")), _local(theory))
    return Network(
        theory=theory,
        theory_label=label,
        rounds=rounds,
        nodes=tuple(nodes),
        n_initiatives=n_ini,
        n_mechanisms=n_mech,
        n_subgoals=n_sub,
        mech_subgoal=mech_subgoal,
        con_init=con_init,
        con_mech=con_mech,
        con_strength=con_strength,
        con_provenance=con_prov,
        con_quote=tuple(_s(r, "quote") for r in con),
        obs_id=tuple(_local(str(r["obs"])) for r in obs_rows),
        obs_indicator=np.array([ind_index[str(r["ind"])] for r in obs_rows], dtype=np.int64),
        obs_round=np.array([int(r["roundnumber"]) for r in obs_rows], dtype=np.int64),
        obs_status=np.array(
            [_concept_index(str(r["status"]), "status", STATUSES) for r in obs_rows], dtype=np.int64
        ),
        obs_kind=np.array(
            [_concept_index(str(r["kind"]), "evidencekind", KINDS) for r in obs_rows],
            dtype=np.int64,
        ),
        obs_text=tuple(_s(r, "text") for r in obs_rows),
        obs_section=tuple(_s(r, "section") for r in obs_rows),
        obs_page=tuple(int(r["page"]) if r.get("page") is not None else None for r in obs_rows),
        ind_id=tuple(_local(str(r["ind"])) for r in ind_rows),
        ind_label=tuple(_s(r, "nl", _local(str(r["ind"]))) for r in ind_rows),
        ind_initiative=np.array([index[str(r["ini"])] for r in ind_rows], dtype=np.int64),
        ind_level=np.array(
            [_concept_index(str(r["level"]), "indicatorlevel", LEVELS) for r in ind_rows],
            dtype=np.int64,
        ),
        ind_delivery=np.array([bool(r["delivery"].toPython()) for r in ind_rows], dtype=bool),
        tgt_indicator=np.array([ind_index[str(r["ind"])] for r in tgt_rows], dtype=np.int64),
        tgt_node=np.array([index[str(r["target"])] for r in tgt_rows], dtype=np.int64),
    )
