"""Read the authoring model back from an RDF graph (the inverse of build).

Used to export any loaded theory (YAML or RDF) as YAML; together with
:func:`~beleidstheorie.graph.build.build_graph` it makes the round trips lossless.

>>> from beleidstheorie.io.theory_yaml import read_theory_yaml
>>> from beleidstheorie.graph.build import build_graph
>>> t = read_theory_yaml(EXAMPLE)
>>> extract_theory(build_graph(t)) == t
True
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError as PydanticValidationError
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from beleidstheorie.authoring.models import Theory
from beleidstheorie.errors import LoadError, problem
from beleidstheorie.graph.stores.base import UNREADABLE, unreadable
from beleidstheorie.messages import MODEL_VALIDATORS, pydantic_said
from beleidstheorie.namespaces import BT, DCTERMS, RDF, RDFS, SKOS, concept_value


class _Reader:
    def __init__(self, g: Graph, theory: URIRef) -> None:
        self.g = g
        self.th = theory
        base = g.value(theory, BT.baseIri)
        if base is None:
            raise LoadError([problem("no_base_iri", "", str(theory))])
        self.base = str(base)

    def ident(self, iri: Node) -> str:
        return str(iri).rsplit("/", 1)[-1]

    def one(self, s: Node, p: URIRef) -> Node | None:
        return self.g.value(s, p)

    def lit(self, s: Node, p: URIRef) -> Any:
        v = self.g.value(s, p)
        return v.toPython() if isinstance(v, Literal) else None

    def num(self, s: Node, p: URIRef) -> float | None:
        v = self.lit(s, p)
        return None if v is None else float(v)

    def text(self, s: Node, p: URIRef) -> dict[str, str] | None:
        out: dict[str, str] = {}
        for o in self.g.objects(s, p):
            if isinstance(o, Literal) and o.language in ("nl", "en"):
                out[o.language] = str(o)
        return out or None

    def ref(self, s: Node) -> dict[str, Any] | None:
        section = self.lit(s, BT.section)
        if section is None:
            return None
        ref: dict[str, Any] = {"section": section}
        page = self.lit(s, BT.page)
        if page is not None:
            ref["page"] = page
        return ref

    def quote(self, s: Node) -> str | None:
        return self.lit(s, BT.quote)

    def ordered(self, s: Node, p: URIRef, key: URIRef = BT.position) -> list[Node]:
        items = list(self.g.objects(s, p))
        return sorted(items, key=lambda n: (self.lit(n, key) or 0, str(n)))

    def subjects_ordered(self, p: URIRef, o: Node, key: URIRef = BT.position) -> list[Node]:
        items = list(self.g.subjects(p, o))
        return sorted(items, key=lambda n: (self.lit(n, key) or 0, str(n)))

    def concept(self, s: Node, p: URIRef, scheme: str) -> str | None:
        v = self.one(s, p)
        return None if v is None else concept_value(scheme, v)  # type: ignore[arg-type]

    def indicator_type(self, s: Node) -> str | None:
        v = self.one(s, BT.indicatorType)
        if v is None:
            return None
        if str(v).startswith(str(BT) + "indicatortype-"):
            return concept_value("indicatortype", v)  # type: ignore[arg-type]
        return self.ident(v)  # a type the theory declares

    def declared_types(self) -> list[dict[str, Any]]:
        types = sorted(
            self.g.objects(self.th, BT.hasIndicatorType), key=lambda c: self.lit(c, BT.position) or 0
        )
        return [
            {
                "id": self.ident(c),
                "label": self.text(c, SKOS.prefLabel),
                "level": self.concept(c, BT.level, "indicatorlevel"),
                "description": self.text(c, SKOS.definition),
            }
            for c in types
        ]

    def quantity(self, q: Node) -> dict[str, Any]:
        return {
            "value": self.num(q, BT.numericValue),
            "unit": self.lit(q, BT.unit),
            "counts": self.lit(q, BT.counts),
            "kind": self.concept(q, BT.valueKind, "valuekind"),
        }

    def gate_and_prior(self, s: Node) -> dict[str, Any]:
        return {"gate": self.concept(s, BT.gate, "gate"), "prior": self.num(s, BT.prior)}

    def is_a(self, s: Node, cls: URIRef) -> bool:
        return (s, RDF.type, cls) in self.g

    def quoted(self, s: Node | None) -> dict[str, Any] | None:
        return None if s is None else {"quote": self.quote(s), "ref": self.ref(s)}

    # -- the theory -----------------------------------------------------------------
    def theory(self) -> dict[str, Any]:
        g, th = self.g, self.th
        data: dict[str, Any] = {
            "id": self.lit(th, DCTERMS.identifier),
            "base_iri": self.base,
            "label": self.text(th, SKOS.prefLabel),
            "description": self.text(th, DCTERMS.description),
        }
        doc = self.one(th, DCTERMS.source)
        if doc is not None:
            data["source"] = {
                "title": self.lit(doc, DCTERMS.title),
                "creators": [self.lit(c, RDFS.label) for c in self.ordered(doc, DCTERMS.creator)],
                "publisher": self.lit(doc, DCTERMS.publisher),
                "date": self.lit(doc, DCTERMS.date),
                "identifier": self.lit(doc, DCTERMS.identifier),
            }
        data["inputs"] = [
            {
                "id": self.ident(x),
                "label": self.text(x, SKOS.prefLabel),
                "amount": self.quantity(a) if (a := self.one(x, BT.amount)) is not None else None,
                "quote": self.quote(x),
                "ref": self.ref(x),
            }
            for x in self.ordered(th, BT.hasInput)
        ]
        mg = self.one(th, BT.hasMainGoal)
        data["main_goal"] = {
            "id": self.ident(mg),
            "label": self.text(mg, SKOS.prefLabel),
            "quote": self.quote(mg),
            "ref": self.ref(mg),
            **self.gate_and_prior(mg),
        }
        data["subgoals"] = [
            {
                "id": self.ident(s),
                "number": self.lit(s, BT.number),
                "label": self.text(s, SKOS.prefLabel),
                "description": self.text(s, DCTERMS.description),
                "ref": self.ref(s),
                **self.gate_and_prior(s),
                "serves": sorted(
                    self.ident(o) for o in g.objects(s, BT.contributesTo) if self.is_a(o, BT.SubGoal)
                ),
                "serves_quote": self.quoted(self.one(s, BT.servesCitation)),
            }
            for s in self.ordered(th, BT.hasSubGoal, BT.number)
        ]
        data["mechanisms"] = [
            {
                "id": self.ident(m),
                "label": self.text(m, SKOS.prefLabel),
                "subgoal": self.ident(self.one(m, BT.contributesTo)),
                "definition": self.text(m, SKOS.definition),
                "ref": self.ref(m),
                **self.gate_and_prior(m),
            }
            for m in self.ordered(th, BT.hasMechanism)
        ]
        data["context_factors"] = [self.context_factor(c) for c in self.ordered(th, BT.hasContextFactor)]
        data["rounds"] = [
            {
                "id": self.ident(r),
                "number": self.lit(r, BT.number),
                "label": self.text(r, SKOS.prefLabel),
                "date": self.lit(r, DCTERMS.date),
                "description": self.text(r, DCTERMS.description),
                "ref": self.ref(r),
            }
            for r in self.ordered(th, BT.hasRound, BT.number)
        ]
        data["indicator_types"] = self.declared_types()
        data["organisations"] = [
            {
                "id": self.ident(o),
                "label": self.text(o, SKOS.prefLabel),
                "alt_labels": sorted(str(a) for a in g.objects(o, SKOS.altLabel)),
            }
            for o in self.ordered(th, BT.hasOrganisation)
        ]
        data["process_surveys"] = [
            {
                "round": self.ident(self.one(s, BT.inRound)),
                "respondents": self.lit(s, BT.respondents),
                "population": self.lit(s, BT.population),
                "persons": self.lit(s, BT.persons),
                "quote": self.quote(s),
                "ref": self.ref(s),
                "findings": [
                    {
                        "text": self.text(f, DCTERMS.description),
                        "quote": self.quote(f),
                        "ref": self.ref(f),
                    }
                    for f in self.ordered(s, BT.hasFinding)
                ],
            }
            for s in self.ordered(th, BT.hasProcessSurvey)
        ]
        links = [
            ln
            for o in g.objects(th, BT.hasOrganisation)
            for ln in g.subjects(BT.linkSource, o)
            if self.is_a(ln, BT.OrganisationLink)
        ]
        links.sort(key=lambda n: (self.lit(n, BT.position) or 0, str(n)))
        data["organisation_links"] = [
            {
                "organisation": self.ident(self.one(ln, BT.linkSource)),
                "type": self.concept(ln, BT.linkType, "linktype"),
                "target": self.ident(self.one(ln, BT.linkTarget)),
                "quote": self.quote(ln),
                "ref": self.ref(ln),
            }
            for ln in links
        ]
        # v1 graphs typed action lines bt:Initiative, reached by bt:hasInitiative, with
        # dcterms:isPartOf their initiative; they are read as action lines.
        tops = [i for i in g.objects(th, BT.hasInitiative) if self.one(i, DCTERMS.isPartOf) is None]
        tops.sort(key=lambda i: self.lit(i, BT.number))
        data["initiatives"] = [self.initiative(i) for i in tops]
        return _drop_none(data)

    def context_factor(self, c: Node) -> dict[str, Any]:
        return {
            "id": self.ident(c),
            "label": self.text(c, SKOS.prefLabel),
            "level": self.concept(c, BT.contextLevel, "contextlevel"),
            "ref": self.ref(c),
            "description": self.text(c, DCTERMS.description),
            "prior": self.num(c, BT.prior),
            "roles": [
                {
                    "role": self.concept(r, BT.role, "contextrole"),
                    "target": self.ident(self.one(r, BT.roleTarget)),
                    "initiatives": sorted(self.ident(i) for i in self.g.objects(r, BT.roleInitiative)),
                    "strength": self.concept(r, BT.strength, "strength"),
                    "provenance": self.concept(r, BT.provenance, "provenance"),
                    "quote": self.quote(r),
                    "ref": self.ref(r),
                }
                for r in self.ordered(c, BT.hasRole)
            ],
            "indicators": [self.indicator(i) for i in self.subjects_ordered(BT.indicatorOf, c)],
        }

    def initiative(self, s: Node) -> dict[str, Any]:
        pen = self.one(s, BT.penvoerder)
        parts = {*self.g.subjects(BT.actionLineOf, s), *self.g.subjects(DCTERMS.isPartOf, s)}
        subs = sorted(parts, key=lambda i: self.lit(i, BT.number))
        return {
            "id": self.ident(s),
            "number": self.lit(s, BT.number),
            "label": self.text(s, SKOS.prefLabel),
            "penvoerder": None if pen is None else self.ident(pen),
            "partners": sorted(self.ident(p) for p in self.g.objects(s, BT.partner)),
            "aanleiding": self.text(s, BT.aanleiding),
            "beoogd_effect": self.text(s, BT.beoogdEffect),
            "activities": [self.text(a, DCTERMS.description) for a in self.ordered(s, BT.hasActivity)],
            "outputs": [self.text(a, DCTERMS.description) for a in self.ordered(s, BT.hasOutput)],
            "targets": [
                {
                    "description": self.text(t, DCTERMS.description),
                    "value": self.num(t, BT.targetValue),
                    "unit": self.lit(t, BT.unit),
                    "counts": self.lit(t, BT.counts),
                    "baseline": self.num(t, BT.baseline),
                    "deadline": self.lit(t, BT.deadline),
                    "quote": self.quote(t),
                    "ref": self.ref(t),
                    "indicator": None if (i := self.one(t, BT.targetIndicator)) is None else self.ident(i),
                    "baseline_date": self.lit(t, BT.baselineDate),
                    "baseline_quote": self.lit(t, BT.baselineQuote),
                }
                for t in self.ordered(s, BT.hasTarget)
            ],
            "ref": self.ref(s),
            "contributions": [
                {
                    "mechanism": self.ident(self.one(c, BT.toMechanism)),
                    "strength": self.concept(c, BT.strength, "strength"),
                    "provenance": self.concept(c, BT.provenance, "provenance"),
                    "quote": self.quote(c),
                    "ref": self.ref(c),
                    "note": self.lit(c, RDFS.comment),
                }
                for c in self.subjects_ordered(BT.fromInitiative, s)
            ],
            "links": [
                {
                    "type": self.concept(ln, BT.linkType, "linktype"),
                    "target": self.ident(self.one(ln, BT.linkTarget)),
                    "quote": self.quote(ln),
                    "ref": self.ref(ln),
                }
                for ln in self.subjects_ordered(BT.linkSource, s)
            ],
            "indicators": [self.indicator(i) for i in self.subjects_ordered(BT.indicatorOf, s)],
            "unreported_rounds": [
                {
                    "round": self.ident(self.one(u, BT.inRound)),
                    "quote": self.quote(u),
                    "ref": self.ref(u),
                }
                for u in self.ordered(s, BT.unreportedRound)
            ],
            "action_lines": [self.initiative(x) for x in subs],
        }

    def indicator(self, s: Node) -> dict[str, Any]:
        targets = list(self.g.objects(s, BT.evidenceFor))
        mechs = sorted(self.ident(t) for t in targets if self.is_a(t, BT.Mechanism))
        context = any(self.is_a(t, BT.ContextFactor) for t in targets)
        goals = sorted(
            self.ident(t)
            for t in targets
            if not (self.is_a(t, BT.Mechanism) or self.is_a(t, BT.ContextFactor))
        )
        observations = sorted(
            self.g.subjects(BT.observes, s),
            key=lambda o: self.lit(self.one(o, BT.inRound), BT.number) or 0,
        )
        return {
            "id": self.ident(s),
            "label": self.text(s, SKOS.prefLabel),
            "type": self.indicator_type(s),
            "evidence_for": {
                "delivery": self.lit(s, BT.evidenceForDelivery),
                "mechanisms": mechs,
                "goals": goals,
                "context": context,
                "rationale": self.lit(s, BT.evidenceRationale),
            },
            "ref": self.ref(s),
            "baseline": None if (b := self.one(s, BT.hasBaseline)) is None else self.baseline(b),
            "observations": [self.observation(o) for o in observations],
        }

    def baseline(self, b: Node) -> dict[str, Any]:
        return {
            "value": self.num(b, BT.numericValue),
            "unit": self.lit(b, BT.unit),
            "date": self.lit(b, DCTERMS.date),
            "quote": self.lit(b, BT.quote),
            "ref": self.ref(b),
        }

    def observation_ref(self, o: Node) -> dict[str, str]:
        """The indicator and round an observation IRI names, also when it is not in the graph."""
        ind, rnd = self.one(o, BT.observes), self.one(o, BT.inRound)
        if ind is not None and rnd is not None:
            return {"indicator": self.ident(ind), "round": self.ident(rnd)}
        indicator, _, round_id = self.ident(o).rpartition("--")
        return {"indicator": indicator, "round": round_id}

    def observation(self, o: Node) -> dict[str, Any]:
        period = self.one(o, BT.referencePeriod)
        restated = self.one(o, BT.restates)
        sensitivity = self.num(o, BT.elicitedSensitivity)
        return {
            "round": self.ident(self.one(o, BT.inRound)),
            "status": self.concept(o, BT.status, "status"),
            "evidence_kind": self.concept(o, BT.evidenceKind, "evidencekind"),
            "text": self.lit(o, BT.text),
            "rationale": self.lit(o, BT.rationale),
            "values": [self.quantity(q) for q in self.ordered(o, BT.hasQuantity)],
            "date": self.lit(o, DCTERMS.date),
            "basis": self.concept(o, BT.basis, "basis"),
            "source": self.concept(o, BT.evidenceSource, "evidencesource"),
            "source_note": self.lit(o, DCTERMS.source),
            "basis_rationale": self.lit(o, BT.basisRationale),
            "reference_period": None
            if period is None
            else {
                "start": self.lit(period, BT.periodStart),
                "end": self.lit(period, BT.periodEnd),
                "label": self.lit(period, RDFS.label),
            },
            "derived_from": None if restated is None else self.observation_ref(restated),
            "elicited": None
            if sensitivity is None
            else {
                "sensitivity": sensitivity,
                "false_positive": self.num(o, BT.elicitedFalsePositive),
                "rationale": self.lit(o, BT.elicitationRationale),
            },
            "discrepancies": [
                {"text": self.text(d, BT.text), "quote": self.quote(d), "ref": self.ref(d)}
                for d in self.ordered(o, BT.hasDiscrepancy)
            ],
            "ref": self.ref(o),
        }


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def theory_iris(graph: Graph) -> list[URIRef]:
    """The IRIs of the policy theories in ``graph``."""
    return sorted(s for s in graph.subjects(RDF.type, BT.PolicyTheory) if isinstance(s, URIRef))


def extract_theory(graph: Graph, file: str = "") -> Theory:
    """The authoring model of the one policy theory in ``graph``."""
    found = theory_iris(graph)
    if len(found) != 1:
        raise LoadError([problem("one_theory", file, n=len(found))])
    try:
        data = _Reader(graph, found[0]).theory()
    except UNREADABLE as exc:  # a store not validated since it was written (files always are)
        raise unreadable(file or "the store", exc) from None
    try:
        return Theory.model_validate(data)
    except PydanticValidationError as exc:
        problems = [
            problem(
                "invalid_value",
                file,
                ".".join(str(p) for p in e["loc"]),
                said=pydantic_said(e, MODEL_VALIDATORS),
            )
            for e in exc.errors()
        ]
        raise LoadError(problems) from None
