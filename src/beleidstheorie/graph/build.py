"""Build the RDF graph of a theory from its authoring model.

Every node gets an IRI ``{base_iri}{kind}/{id}``; list items carry ``bt:position``
so that the authoring order survives a round trip through RDF.

>>> from beleidstheorie.io.theory_yaml import read_theory_yaml
>>> g = build_graph(read_theory_yaml(EXAMPLE))
>>> len(list(g.subjects(RDF.type, BT.Mechanism)))
4
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from beleidstheorie.authoring import models as m
from beleidstheorie.authoring.vocab import IndicatorType
from beleidstheorie.namespaces import BT, DCTERMS, PROV, RDF, RDFS, SKOS, XSD, concept


def node_iri(base: str, kind: str, ident: str) -> URIRef:
    """The IRI of a node of ``kind`` with identifier ``ident`` in a theory.

    >>> str(node_iri("https://example.org/t/", "mechanism", "maatwerk"))
    'https://example.org/t/mechanism/maatwerk'
    """
    return URIRef(f"{base}{kind}/{ident}")


def observation_iri(base: str, indicator: str, round_id: str) -> URIRef:
    """One observation per indicator and round: measurement rounds are append-only."""
    return node_iri(base, "observation", f"{indicator}--{round_id}")


def _decimal(value: float) -> Literal:
    return Literal(Decimal(repr(float(value))), datatype=XSD.decimal)


class _Builder:
    def __init__(self, theory: m.Theory) -> None:
        self.t = theory
        self.base = theory.base_iri
        self.g = Graph()
        self.g.bind("bt", BT)
        self.g.bind("skos", SKOS)
        self.g.bind("dcterms", DCTERMS)
        self.g.bind("prov", PROV)
        self.g.bind("theory", self.base)
        self.doc = node_iri(self.base, "source", "report")

    def iri(self, kind: str, ident: str) -> URIRef:
        return node_iri(self.base, kind, ident)

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        self.g.add((s, p, o))  # type: ignore[arg-type]

    def text(self, s: URIRef, p: URIRef, text: m.Text | None) -> None:
        if text is None:
            return
        self.add(s, p, Literal(text.nl, lang="nl"))
        if text.en is not None:
            self.add(s, p, Literal(text.en, lang="en"))

    def label(self, s: URIRef, text: m.Text) -> None:
        self.text(s, SKOS.prefLabel, text)
        self.text(s, RDFS.label, text)

    def ref(self, s: URIRef, ref: m.Ref | None) -> None:
        if ref is None:
            return
        self.add(s, BT.section, Literal(ref.section))
        if ref.page is not None:
            self.add(s, BT.page, Literal(ref.page, datatype=XSD.integer))
        if self.t.source is not None:
            self.add(s, PROV.wasDerivedFrom, self.doc)

    def quote(self, s: URIRef, quote: str | None) -> None:
        if quote is not None:
            self.add(s, BT.quote, Literal(quote, lang="nl"))

    def position(self, s: URIRef, i: int) -> None:
        self.add(s, BT.position, Literal(i, datatype=XSD.integer))

    def quantity(self, s: URIRef, q: m.Quantity, i: int | None = None) -> None:
        self.add(s, RDF.type, BT.Quantity)
        self.add(s, BT.numericValue, _decimal(q.value))
        self.add(s, BT.unit, Literal(q.unit))
        self.add(s, BT.counts, Literal(q.counts, lang="nl"))
        if i is not None:
            self.position(s, i)

    # -- the theory -------------------------------------------------------------
    def build(self) -> Graph:
        t = self.t
        th = self.iri("theory", t.id)
        self.add(th, RDF.type, BT.PolicyTheory)
        self.add(th, DCTERMS.identifier, Literal(t.id))
        self.add(th, BT.baseIri, Literal(t.base_iri, datatype=XSD.anyURI))
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
        for sg in t.subgoals:
            s = self.iri("goal", sg.id)
            self.add(th, BT.hasSubGoal, s)
            self.add(s, RDF.type, BT.SubGoal)
            self.add(s, BT.number, Literal(sg.number, datatype=XSD.integer))
            self.label(s, sg.label)
            self.text(s, DCTERMS.description, sg.description)
            self.add(s, BT.contributesTo, goal)
            self.ref(s, sg.ref)
        for i, mech in enumerate(t.mechanisms):
            s = self.iri("mechanism", mech.id)
            self.add(th, BT.hasMechanism, s)
            self.add(s, RDF.type, BT.Mechanism)
            self.position(s, i)
            self.label(s, mech.label)
            self.text(s, SKOS.definition, mech.definition)
            self.add(s, BT.contributesTo, self.iri("goal", mech.subgoal))
            self.ref(s, mech.ref)
        for i, cf in enumerate(t.context_factors):
            s = self.iri("contextfactor", cf.id)
            self.add(th, BT.hasContextFactor, s)
            self.add(s, RDF.type, BT.ContextFactor)
            self.position(s, i)
            self.label(s, cf.label)
            self.add(s, BT.contextLevel, concept("contextlevel", cf.level))
            self.ref(s, cf.ref)
        for r in t.rounds:
            s = self.iri("round", r.id)
            self.add(th, BT.hasRound, s)
            self.add(s, RDF.type, BT.MeasurementRound)
            self.add(s, BT.number, Literal(r.number, datatype=XSD.integer))
            self.label(s, r.label)
            self.add(s, DCTERMS.date, Literal(r.date, datatype=XSD.date))
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
                self.add(s, SKOS.altLabel, Literal(alt))
        for i, survey in enumerate(t.process_surveys):
            self.survey(th, survey, i)
        for ini in t.initiatives:
            self.initiative(th, ini, parent=None)
        return self.g

    def source(self, th: URIRef, src: m.Source) -> None:
        d = self.doc
        self.add(th, DCTERMS.source, d)
        self.add(d, RDF.type, BT.SourceDocument)
        self.add(d, DCTERMS.title, Literal(src.title))
        for i, creator in enumerate(src.creators):
            c = self.iri("creator", str(i))
            self.add(d, DCTERMS.creator, c)
            self.add(c, RDF.type, PROV.Person)
            self.add(c, RDFS.label, Literal(creator))
            self.position(c, i)
        if src.publisher:
            self.add(d, DCTERMS.publisher, Literal(src.publisher))
        if src.date:
            self.add(d, DCTERMS.date, Literal(src.date, datatype=XSD.date))
        if src.identifier:
            self.add(d, DCTERMS.identifier, Literal(src.identifier))

    def input(self, th: URIRef, x: m.Input, i: int) -> None:
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

    def survey(self, th: URIRef, sv: m.ProcessSurvey, i: int) -> None:
        s = self.iri("survey", sv.round)
        self.add(th, BT.hasProcessSurvey, s)
        self.add(s, RDF.type, BT.ProcessSurvey)
        self.position(s, i)
        self.add(s, BT.inRound, self.iri("round", sv.round))
        self.add(s, BT.respondents, Literal(sv.respondents, datatype=XSD.integer))
        self.add(s, BT.population, Literal(sv.population, datatype=XSD.integer))
        if sv.persons is not None:
            self.add(s, BT.persons, Literal(sv.persons, datatype=XSD.integer))
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

    def initiative(self, th: URIRef, ini: m.Initiative, parent: URIRef | None) -> None:
        s = self.iri("initiative", ini.id)
        self.add(th, BT.hasInitiative, s)
        self.add(s, RDF.type, BT.Initiative)
        self.add(s, BT.number, Literal(ini.number, datatype=XSD.integer))
        self.label(s, ini.label)
        if parent is not None:
            self.add(s, DCTERMS.isPartOf, parent)
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
            self.add(n, BT.unit, Literal(tg.unit))
            self.add(n, BT.counts, Literal(tg.counts, lang="nl"))
            if tg.baseline is not None:
                self.add(n, BT.baseline, _decimal(tg.baseline))
            if tg.deadline is not None:
                self.add(n, BT.deadline, Literal(tg.deadline, datatype=XSD.date))
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
                self.add(n, RDFS.comment, Literal(c.note))
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

    def declared_types(self, th: URIRef) -> None:
        """The theory's own indicator types as SKOS concepts with their level."""
        for i, spec in enumerate(self.t.indicator_types):
            c = self.iri("indicatortype", spec.id)
            self.add(th, BT.hasIndicatorType, c)
            self.add(c, RDF.type, SKOS.Concept)
            self.position(c, i)
            self.label(c, spec.label)
            self.add(c, BT.level, concept("indicatorlevel", spec.level))
            self.text(c, SKOS.definition, spec.description)

    def indicator(self, ini: URIRef, ind: m.Indicator, i: int) -> None:
        s = self.iri("indicator", ind.id)
        self.add(s, RDF.type, BT.Indicator)
        self.position(s, i)
        self.add(s, BT.indicatorOf, ini)
        self.label(s, ind.label)
        if isinstance(ind.type, IndicatorType):
            self.add(s, BT.indicatorType, concept("indicatortype", ind.type))
        else:  # a type the theory declares (declared_types); its concept carries the level
            self.add(s, BT.indicatorType, self.iri("indicatortype", ind.type))
        level = self.t.indicator_level(ind.type)
        if level is not None:
            self.add(s, BT.indicatorLevel, concept("indicatorlevel", level))
        ev = ind.evidence_for
        self.add(s, BT.evidenceForDelivery, Literal(ev.delivery))
        for mech in ev.mechanisms:
            self.add(s, BT.evidenceFor, self.iri("mechanism", mech))
        for goal in ev.goals:
            self.add(s, BT.evidenceFor, self.iri("goal", goal))
        self.add(s, BT.evidenceRationale, Literal(ev.rationale))
        self.ref(s, ind.ref)
        for obs in ind.observations:
            self.observation(s, ind.id, obs)

    def observation(self, ind: URIRef, ind_id: str, obs: m.Observation) -> None:
        s = observation_iri(self.base, ind_id, obs.round)
        self.add(s, RDF.type, BT.Observation)
        self.add(s, BT.observes, ind)
        self.add(s, BT.inRound, self.iri("round", obs.round))
        self.add(s, BT.status, concept("status", obs.status))
        self.add(s, BT.evidenceKind, concept("evidencekind", obs.evidence_kind))
        self.add(s, BT.text, Literal(obs.text, lang="nl"))
        self.add(s, BT.rationale, Literal(obs.rationale))
        for j, q in enumerate(obs.values):
            n = URIRef(f"{s}-v{j + 1}")
            self.add(s, BT.hasQuantity, n)
            self.quantity(n, q, j)
        if obs.date is not None:
            self.add(s, DCTERMS.date, Literal(obs.date, datatype=XSD.date))
        if obs.source_note is not None:
            self.add(s, DCTERMS.source, Literal(obs.source_note))
        self.ref(s, obs.ref)


def build_graph(theory: m.Theory) -> Graph:
    """Build the RDF graph of ``theory`` (a canonical, checked authoring model)."""
    return _Builder(theory).build()
