"""Build the RDF graph of a theory from its authoring model.

Every node gets an IRI ``{base_iri}{kind}/{id}``; list items carry ``bt:position``
so that the authoring order survives a round trip through RDF.

The builder makes pyoxigraph terms, which go into a store as they are
(:func:`build_triples`); :func:`build_graph` turns them into an rdflib graph for the
commands that want one, so building a store from YAML does not import rdflib.

>>> from beleidstheorie.io.theory_yaml import read_theory_yaml
>>> from beleidstheorie.namespaces import BT, RDF
>>> g = build_graph(read_theory_yaml(EXAMPLE))
>>> len(list(g.subjects(RDF.type, BT.Mechanism)))
4
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import pyoxigraph as ox

from beleidstheorie.authoring import models as m
from beleidstheorie.authoring.vocab import ContextRole, Gate, IndicatorType
from beleidstheorie.iris import (
    BT_IRI,
    CONCEPT_SCHEMES,
    DCTERMS_IRI,
    PROV_IRI,
    RDF_IRI,
    RDFS_IRI,
    SKOS_IRI,
    XSD_IRI,
)

if TYPE_CHECKING:
    import datetime as dt

    from rdflib import Graph

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


class _Terms:
    """The named nodes of one namespace by attribute (``BT.hasInput``), each made once."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):  # no term of ours; copy, pickle and friends probe such names
            raise AttributeError(name)
        node = ox.NamedNode(self._base + name)
        setattr(self, name, node)
        return node


BT, DCTERMS, PROV, RDF, RDFS, SKOS = map(_Terms, (BT_IRI, DCTERMS_IRI, PROV_IRI, RDF_IRI, RDFS_IRI, SKOS_IRI))
_XSD = {t: ox.NamedNode(XSD_IRI + t) for t in ("integer", "date", "anyURI", "boolean", "decimal", "double")}
_CONCEPTS: dict[tuple[str, str], ox.NamedNode] = {}


def concept(scheme: str, value: str) -> ox.NamedNode:
    """The concept ``value`` of ``scheme`` as a named node (:func:`beleidstheorie.namespaces.concept`)."""
    found = _CONCEPTS.get((scheme, value))
    if found is None:
        if scheme not in CONCEPT_SCHEMES:
            raise KeyError(f"unknown concept scheme {scheme!r}")
        found = _CONCEPTS[scheme, value] = ox.NamedNode(f"{BT_IRI}{scheme}-{value}")
    return found


def node_iri(base: str, kind: str, ident: str) -> ox.NamedNode:
    """The IRI of a node of ``kind`` with identifier ``ident`` in a theory.

    >>> node_iri("https://example.org/t/", "mechanism", "maatwerk").value
    'https://example.org/t/mechanism/maatwerk'
    """
    return ox.NamedNode(f"{base}{kind}/{ident}")


def observation_iri(base: str, indicator: str, round_id: str) -> ox.NamedNode:
    """One observation per indicator and round: measurement rounds are append-only."""
    return node_iri(base, "observation", f"{indicator}--{round_id}")


# The literals, each with the lexical form rdflib gave the same value (the store's
# triples are those of the rdflib-built graph before: tests/graph/test_build.py).
def _string(text: str) -> ox.Literal:
    return ox.Literal(text)


def _lang(text: str, language: str) -> ox.Literal:
    return ox.Literal(text, language=language)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_XSD["integer"])


def _date(value: dt.date) -> ox.Literal:
    return ox.Literal(value.isoformat(), datatype=_XSD["date"])


def _any_uri(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=_XSD["anyURI"])


def _boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=_XSD["boolean"])


def _decimal(value: float) -> ox.Literal:
    # the shortest decimal that reads back as the float, written without an exponent
    return ox.Literal(f"{Decimal(repr(float(value))):f}", datatype=_XSD["decimal"])


def _double(value: float) -> ox.Literal:
    return ox.Literal(repr(float(value)), datatype=_XSD["double"])


class _Builder:
    def __init__(self, theory: m.Theory) -> None:
        self.t = theory
        self.base = theory.base_iri
        self.triples: list[Triple] = []
        self._nodes: dict[tuple[str, str], ox.NamedNode] = {}
        self.doc = node_iri(self.base, "source", "report")

    def iri(self, kind: str, ident: str) -> ox.NamedNode:
        # a node's IRI recurs (as subject, as object of its links): each made once
        found = self._nodes.get((kind, ident))
        if found is None:
            found = self._nodes[kind, ident] = node_iri(self.base, kind, ident)
        return found

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: object) -> None:
        self.triples.append((s, p, o))  # type: ignore[arg-type]

    def text(self, s: ox.NamedNode, p: ox.NamedNode, text: m.Text | None) -> None:
        if text is None:
            return
        self.add(s, p, _lang(text.nl, "nl"))
        if text.en is not None:
            self.add(s, p, _lang(text.en, "en"))

    def label(self, s: ox.NamedNode, text: m.Text) -> None:
        self.text(s, SKOS.prefLabel, text)
        self.text(s, RDFS.label, text)

    def ref(self, s: ox.NamedNode, ref: m.Ref | None) -> None:
        if ref is None:
            return
        self.add(s, BT.section, _string(ref.section))
        if ref.page is not None:
            self.add(s, BT.page, _integer(ref.page))
        if self.t.source is not None:
            self.add(s, PROV.wasDerivedFrom, self.doc)

    def quote(self, s: ox.NamedNode, quote: str | None) -> None:
        if quote is not None:
            self.add(s, BT.quote, _lang(quote, "nl"))

    def position(self, s: ox.NamedNode, i: int) -> None:
        self.add(s, BT.position, _integer(i))

    def quantity(self, s: ox.NamedNode, q: m.Quantity, i: int | None = None) -> None:
        self.add(s, RDF.type, BT.Quantity)
        self.add(s, BT.numericValue, _decimal(q.value))
        self.add(s, BT.unit, _string(q.unit))
        self.add(s, BT.counts, _lang(q.counts, "nl"))
        if i is not None:
            self.position(s, i)

    def gate_and_prior(self, s: ox.NamedNode, gate: Gate | None, prior: float | None) -> None:
        if gate is not None:
            self.add(s, BT.gate, concept("gate", gate))
        if prior is not None:
            self.add(s, BT.prior, _double(prior))

    def serves(self, s: ox.NamedNode, sg: m.SubGoal) -> None:
        for other in sg.serves:
            self.add(s, BT.contributesTo, self.iri("goal", other))
        if sg.serves_quote is not None:
            n = self.iri("citation", f"{sg.id}--serves")
            self.add(s, BT.servesCitation, n)
            self.add(n, RDF.type, BT.Citation)
            self.quote(n, sg.serves_quote.quote)
            self.ref(n, sg.serves_quote.ref)

    # -- the theory -------------------------------------------------------------
    def build(self) -> list[Triple]:
        t = self.t
        th = self.iri("theory", t.id)
        self.add(th, RDF.type, BT.PolicyTheory)
        self.add(th, DCTERMS.identifier, _string(t.id))
        self.add(th, BT.baseIri, _any_uri(t.base_iri))
        self.label(th, t.label)
        self.text(th, DCTERMS.description, t.description)
        if t.source is not None:
            self.source(th, t.source)
        self.declared_types(th)
        for i, x in enumerate(t.inputs):
            self.input(th, x, i)
        goal = self.iri("goal", t.main_goal.id)
        self.add(th, BT.hasMainGoal, goal)
        self.add(goal, RDF.type, BT.MainGoal)
        self.label(goal, t.main_goal.label)
        self.quote(goal, t.main_goal.quote)
        self.ref(goal, t.main_goal.ref)
        self.gate_and_prior(goal, t.main_goal.gate, t.main_goal.prior)
        for sg in t.subgoals:
            s = self.iri("goal", sg.id)
            self.add(th, BT.hasSubGoal, s)
            self.add(s, RDF.type, BT.SubGoal)
            self.add(s, BT.number, _integer(sg.number))
            self.label(s, sg.label)
            self.text(s, DCTERMS.description, sg.description)
            self.add(s, BT.contributesTo, goal)
            self.ref(s, sg.ref)
            self.gate_and_prior(s, sg.gate, sg.prior)
            self.serves(s, sg)
        for i, mech in enumerate(t.mechanisms):
            s = self.iri("mechanism", mech.id)
            self.add(th, BT.hasMechanism, s)
            self.add(s, RDF.type, BT.Mechanism)
            self.position(s, i)
            self.label(s, mech.label)
            self.text(s, SKOS.definition, mech.definition)
            self.add(s, BT.contributesTo, self.iri("goal", mech.subgoal))
            self.ref(s, mech.ref)
            self.gate_and_prior(s, mech.gate, mech.prior)
        for i, cf in enumerate(t.context_factors):
            self.context_factor(th, cf, i)
        for r in t.rounds:
            s = self.iri("round", r.id)
            self.add(th, BT.hasRound, s)
            self.add(s, RDF.type, BT.MeasurementRound)
            self.add(s, BT.number, _integer(r.number))
            self.label(s, r.label)
            self.add(s, DCTERMS.date, _date(r.date))
            self.text(s, DCTERMS.description, r.description)
            self.ref(s, r.ref)
        # Organisations declared in initiative files belong to the theory as well.
        organisations = {o.id: o for o in t.organisations}
        for top in t.initiatives:
            for ini in (top, *top.action_lines):
                for org in ini.organisations:
                    organisations.setdefault(org.id, org)
        for i, org in enumerate(organisations.values()):
            s = self.iri("organisation", org.id)
            self.add(th, BT.hasOrganisation, s)
            self.add(s, RDF.type, BT.Organisation)
            self.position(s, i)
            self.label(s, org.label)
            for alt in org.alt_labels:
                self.add(s, SKOS.altLabel, _string(alt))
        for i, survey in enumerate(t.process_surveys):
            self.survey(th, survey, i)
        for ini in t.initiatives:
            self.initiative(th, ini, parent=None)
        for i, link in enumerate(t.organisation_links):
            self.organisation_link(link, i)
        return self.triples

    def context_factor(self, th: ox.NamedNode, cf: m.ContextFactor, i: int) -> None:
        s = self.iri("contextfactor", cf.id)
        self.add(th, BT.hasContextFactor, s)
        self.add(s, RDF.type, BT.ContextFactor)
        self.position(s, i)
        self.label(s, cf.label)
        self.add(s, BT.contextLevel, concept("contextlevel", cf.level))
        self.ref(s, cf.ref)
        self.text(s, DCTERMS.description, cf.description)
        if cf.prior is not None:
            self.add(s, BT.prior, _double(cf.prior))
        for j, role in enumerate(cf.roles):
            n = self.iri("contextrole", f"{cf.id}-{j + 1}")
            self.add(s, BT.hasRole, n)
            self.add(n, RDF.type, BT.ContextRole)
            self.position(n, j)
            self.add(n, BT.role, concept("contextrole", role.role))
            kind = "goal" if role.role is ContextRole.RIVAL else "mechanism"
            self.add(n, BT.roleTarget, self.iri(kind, role.target))
            for ini in role.initiatives:
                self.add(n, BT.roleInitiative, self.iri("initiative", ini))
            self.add(n, BT.strength, concept("strength", role.strength))
            self.add(n, BT.provenance, concept("provenance", role.provenance))
            self.quote(n, role.quote)
            self.ref(n, role.ref)
        for j, ind in enumerate(cf.indicators):
            self.indicator(s, ind, j)

    def organisation_link(self, link: m.OrganisationLink, i: int) -> None:
        n = self.iri("organisationlink", f"{link.organisation}--{link.type}--{link.target}")
        self.add(n, RDF.type, BT.OrganisationLink)
        self.position(n, i)
        self.add(n, BT.linkSource, self.iri("organisation", link.organisation))
        self.add(n, BT.linkTarget, self.iri("initiative", link.target))
        self.add(n, BT.linkType, concept("linktype", link.type))
        self.quote(n, link.quote)
        self.ref(n, link.ref)

    def source(self, th: ox.NamedNode, src: m.Source) -> None:
        d = self.doc
        self.add(th, DCTERMS.source, d)
        self.add(d, RDF.type, BT.SourceDocument)
        self.add(d, DCTERMS.title, _string(src.title))
        for i, creator in enumerate(src.creators):
            c = self.iri("creator", str(i))
            self.add(d, DCTERMS.creator, c)
            self.add(c, RDF.type, PROV.Person)
            self.add(c, RDFS.label, _string(creator))
            self.position(c, i)
        if src.publisher:
            self.add(d, DCTERMS.publisher, _string(src.publisher))
        if src.date:
            self.add(d, DCTERMS.date, _date(src.date))
        if src.identifier:
            self.add(d, DCTERMS.identifier, _string(src.identifier))

    def input(self, th: ox.NamedNode, x: m.Input, i: int) -> None:
        s = self.iri("input", x.id)
        self.add(th, BT.hasInput, s)
        self.add(s, RDF.type, BT.Input)
        self.position(s, i)
        self.label(s, x.label)
        if x.amount is not None:
            q = self.iri("amount", x.id)
            self.add(s, BT.amount, q)
            self.quantity(q, x.amount)
        self.quote(s, x.quote)
        self.ref(s, x.ref)

    def survey(self, th: ox.NamedNode, sv: m.ProcessSurvey, i: int) -> None:
        s = self.iri("survey", sv.round)
        self.add(th, BT.hasProcessSurvey, s)
        self.add(s, RDF.type, BT.ProcessSurvey)
        self.position(s, i)
        self.add(s, BT.inRound, self.iri("round", sv.round))
        self.add(s, BT.respondents, _integer(sv.respondents))
        self.add(s, BT.population, _integer(sv.population))
        if sv.persons is not None:
            self.add(s, BT.persons, _integer(sv.persons))
        self.quote(s, sv.quote)
        self.ref(s, sv.ref)
        for j, f in enumerate(sv.findings):
            n = self.iri("finding", f"{sv.round}-{j + 1}")
            self.add(s, BT.hasFinding, n)
            self.add(n, RDF.type, BT.Finding)
            self.position(n, j)
            self.text(n, DCTERMS.description, f.text)
            self.quote(n, f.quote)
            self.ref(n, f.ref)

    def initiative(self, th: ox.NamedNode, ini: m.Initiative, parent: ox.NamedNode | None) -> None:
        # Action lines keep the IRI kind "initiative" (stable names) but are typed
        # bt:ActionLine and hang from their initiative, not from the theory.
        s = self.iri("initiative", ini.id)
        if parent is None:
            self.add(th, BT.hasInitiative, s)
            self.add(s, RDF.type, BT.Initiative)
        else:
            self.add(s, RDF.type, BT.ActionLine)
            self.add(s, BT.actionLineOf, parent)
        self.add(s, BT.number, _integer(ini.number))
        self.label(s, ini.label)
        if ini.penvoerder:
            self.add(s, BT.penvoerder, self.iri("organisation", ini.penvoerder))
        for p in ini.partners:
            self.add(s, BT.partner, self.iri("organisation", p))
        self.text(s, BT.aanleiding, ini.aanleiding)
        self.text(s, BT.beoogdEffect, ini.beoogd_effect)
        self.ref(s, ini.ref)
        for kind, prop, cls, items in (
            ("activity", BT.hasActivity, BT.Activity, ini.activities),
            ("output", BT.hasOutput, BT.Output, ini.outputs),
        ):
            for i, text in enumerate(items):
                n = self.iri(kind, f"{ini.id}-{i + 1}")
                self.add(s, prop, n)
                self.add(n, RDF.type, cls)
                self.position(n, i)
                self.text(n, DCTERMS.description, text)
        for i, tg in enumerate(ini.targets):
            n = self.iri("target", f"{ini.id}-{i + 1}")
            self.add(s, BT.hasTarget, n)
            self.add(n, RDF.type, BT.Target)
            self.position(n, i)
            self.text(n, DCTERMS.description, tg.description)
            self.add(n, BT.targetValue, _decimal(tg.value))
            self.add(n, BT.unit, _string(tg.unit))
            self.add(n, BT.counts, _lang(tg.counts, "nl"))
            if tg.baseline is not None:
                self.add(n, BT.baseline, _decimal(tg.baseline))
            if tg.deadline is not None:
                self.add(n, BT.deadline, _date(tg.deadline))
            if tg.indicator is not None:
                self.add(n, BT.targetIndicator, self.iri("indicator", tg.indicator))
            if tg.baseline_date is not None:
                self.add(n, BT.baselineDate, _date(tg.baseline_date))
            if tg.baseline_quote is not None:
                self.add(n, BT.baselineQuote, _lang(tg.baseline_quote, "nl"))
            self.quote(n, tg.quote)
            self.ref(n, tg.ref)
        for i, c in enumerate(ini.contributions):
            n = self.iri("contribution", f"{ini.id}--{c.mechanism}")
            self.add(n, RDF.type, BT.Contribution)
            self.position(n, i)
            self.add(n, BT.fromInitiative, s)
            self.add(n, BT.toMechanism, self.iri("mechanism", c.mechanism))
            self.add(n, BT.strength, concept("strength", c.strength))
            self.add(n, BT.provenance, concept("provenance", c.provenance))
            self.quote(n, c.quote)
            self.ref(n, c.ref)
            if c.note:
                self.add(n, RDFS.comment, _string(c.note))
        for i, link in enumerate(ini.links):
            n = self.iri("link", f"{ini.id}--{link.type}--{link.target}")
            self.add(n, RDF.type, BT.InitiativeLink)
            self.position(n, i)
            self.add(n, BT.linkSource, s)
            self.add(n, BT.linkTarget, self.iri("initiative", link.target))
            self.add(n, BT.linkType, concept("linktype", link.type))
            self.quote(n, link.quote)
            self.ref(n, link.ref)
        for i, ind in enumerate(ini.indicators):
            self.indicator(s, ind, i)
        for i, ur in enumerate(ini.unreported_rounds):
            n = self.iri("unreported", f"{ini.id}--{ur.round}")
            self.add(s, BT.unreportedRound, n)
            self.add(n, RDF.type, BT.UnreportedRound)
            self.position(n, i)
            self.add(n, BT.inRound, self.iri("round", ur.round))
            self.quote(n, ur.quote)
            self.ref(n, ur.ref)
        for sub in ini.action_lines:
            self.initiative(th, sub, parent=s)

    def declared_types(self, th: ox.NamedNode) -> None:
        """The theory's own indicator types as SKOS concepts with their level."""
        for i, spec in enumerate(self.t.indicator_types):
            c = self.iri("indicatortype", spec.id)
            self.add(th, BT.hasIndicatorType, c)
            self.add(c, RDF.type, SKOS.Concept)
            self.position(c, i)
            self.label(c, spec.label)
            self.add(c, BT.level, concept("indicatorlevel", spec.level))
            self.text(c, SKOS.definition, spec.description)

    def indicator(self, owner: ox.NamedNode, ind: m.Indicator, i: int) -> None:
        """An indicator of an initiative, action line or context factor (``owner``)."""
        s = self.iri("indicator", ind.id)
        self.add(s, RDF.type, BT.Indicator)
        self.position(s, i)
        self.add(s, BT.indicatorOf, owner)
        self.label(s, ind.label)
        if isinstance(ind.type, IndicatorType):
            self.add(s, BT.indicatorType, concept("indicatortype", ind.type))
        else:  # a type the theory declares (declared_types); its concept carries the level
            self.add(s, BT.indicatorType, self.iri("indicatortype", ind.type))
        level = self.t.indicator_level(ind.type)
        if level is not None:
            self.add(s, BT.indicatorLevel, concept("indicatorlevel", level))
        ev = ind.evidence_for
        self.add(s, BT.evidenceForDelivery, _boolean(ev.delivery))
        for mech in ev.mechanisms:
            self.add(s, BT.evidenceFor, self.iri("mechanism", mech))
        for goal in ev.goals:
            self.add(s, BT.evidenceFor, self.iri("goal", goal))
        if ev.context:  # checked: only indicators of a context factor are evidence for it
            self.add(s, BT.evidenceFor, owner)
        self.add(s, BT.evidenceRationale, _string(ev.rationale))
        self.ref(s, ind.ref)
        if ind.baseline is not None:
            b = ind.baseline
            n = self.iri("baseline", ind.id)
            self.add(s, BT.hasBaseline, n)
            self.add(n, RDF.type, BT.Baseline)
            self.add(n, BT.numericValue, _decimal(b.value))
            self.add(n, BT.unit, _string(b.unit))
            if b.date is not None:
                self.add(n, DCTERMS.date, _date(b.date))
            self.quote(n, b.quote)
            self.ref(n, b.ref)
        for obs in ind.observations:
            self.observation(s, ind.id, obs)

    def observation(self, ind: ox.NamedNode, ind_id: str, obs: m.Observation) -> None:
        s = observation_iri(self.base, ind_id, obs.round)
        self.add(s, RDF.type, BT.Observation)
        self.add(s, BT.observes, ind)
        self.add(s, BT.inRound, self.iri("round", obs.round))
        self.add(s, BT.status, concept("status", obs.status))
        self.add(s, BT.evidenceKind, concept("evidencekind", obs.evidence_kind))
        self.add(s, BT.text, _lang(obs.text, "nl"))
        self.add(s, BT.rationale, _string(obs.rationale))
        for j, q in enumerate(obs.values):
            n = ox.NamedNode(f"{s.value}-v{j + 1}")
            self.add(s, BT.hasQuantity, n)
            self.quantity(n, q, j)
            self.add(n, BT.valueKind, concept("valuekind", q.kind))
        if obs.date is not None:
            self.add(s, DCTERMS.date, _date(obs.date))
        if obs.source_note is not None:
            self.add(s, DCTERMS.source, _string(obs.source_note))
        self.ref(s, obs.ref)
        self.observation_v2(s, obs)

    def observation_v2(self, s: ox.NamedNode, obs: m.Observation) -> None:
        """The v2 fields that say what an observation shows (all optional)."""
        if obs.basis is not None:
            self.add(s, BT.basis, concept("basis", obs.basis))
        if obs.source is not None:
            self.add(s, BT.evidenceSource, concept("evidencesource", obs.source))
        if obs.basis_rationale is not None:
            self.add(s, BT.basisRationale, _string(obs.basis_rationale))
        if (p := obs.reference_period) is not None:
            n = ox.NamedNode(f"{s.value}-period")
            self.add(s, BT.referencePeriod, n)
            self.add(n, RDF.type, BT.Period)
            self.add(n, BT.periodStart, _date(p.start))
            self.add(n, BT.periodEnd, _date(p.end))
            if p.label is not None:
                self.add(n, RDFS.label, _lang(p.label, "nl"))
        if (d := obs.derived_from) is not None:
            self.add(s, BT.restates, observation_iri(self.base, d.indicator, d.round))
        if (e := obs.elicited) is not None:
            self.add(s, BT.elicitedSensitivity, _double(e.sensitivity))
            self.add(s, BT.elicitedFalsePositive, _double(e.false_positive))
            self.add(s, BT.elicitationRationale, _string(e.rationale))
        for j, disc in enumerate(obs.discrepancies):
            n = ox.NamedNode(f"{s.value}-d{j + 1}")
            self.add(s, BT.hasDiscrepancy, n)
            self.add(n, RDF.type, BT.Discrepancy)
            self.position(n, j)
            self.text(n, BT.text, disc.text)
            self.quote(n, disc.quote)
            self.ref(n, disc.ref)


def build_triples(theory: m.Theory) -> list[Triple]:
    """The triples of the RDF graph of ``theory`` as pyoxigraph terms, in the order they are made.

    What :func:`build_graph` holds, for a store that takes the triples as they are.

    >>> from beleidstheorie.io.theory_yaml import read_theory_yaml
    >>> from beleidstheorie.graph.stores.base import from_ox
    >>> t = read_theory_yaml(EXAMPLE)
    >>> {tuple(map(from_ox, triple)) for triple in build_triples(t)} == set(build_graph(t))
    True
    """
    return _Builder(theory).build()


def build_graph(theory: m.Theory) -> Graph:
    """Build the RDF graph of ``theory`` (a canonical, checked authoring model) as an rdflib graph."""
    from rdflib import Graph

    from beleidstheorie.graph.stores.base import from_ox
    from beleidstheorie.namespaces import BT, DCTERMS, PROV, SKOS

    g = Graph()
    g.bind("bt", BT)
    g.bind("skos", SKOS)
    g.bind("dcterms", DCTERMS)
    g.bind("prov", PROV)
    g.bind("theory", theory.base_iri)
    terms: dict[object, object] = {}  # each term converted once
    for triple in build_triples(theory):
        converted = []
        for term in triple:
            found = terms.get(term)
            if found is None:
                found = terms[term] = from_ox(term)
            converted.append(found)
        g.add(tuple(converted))  # type: ignore[arg-type]
    return g
