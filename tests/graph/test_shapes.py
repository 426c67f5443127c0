"""The OWL ontology and the SHACL shapes of beleidstheorie graphs.

Small Turtle theories are validated with pySHACL the way the library does it: the data
graph plus the ontology (``ont_graph``), no inference. One minimal theory conforms; every
other test breaks it in one way and checks that the shapes report exactly that.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
import yaml
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

from beleidstheorie.authoring import vocab
from beleidstheorie.authoring.models import Theory
from beleidstheorie.graph.build import build_graph
from beleidstheorie.namespaces import BT, CONCEPT_SCHEMES, concept

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_FILE = ROOT / "ontology" / "beleidstheorie.ttl"
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"
THEORY_DIR = ROOT / "graphs" / "intensiveringsaanpak"
THEORY_YAML = THEORY_DIR / "theory.yaml"
EXAMPLE_DIR = ROOT / "examples" / "buurtbudget"
EVERY_V2_FIELD = Path(__file__).with_name("every-v2-field.yaml")

ONTOLOGY_IRI = URIRef("https://w3id.org/beleidstheorie")

ENUMS = {
    "indicatortype": vocab.IndicatorType,
    "indicatorlevel": vocab.IndicatorLevel,
    "status": vocab.ProgressStatus,
    "evidencekind": vocab.EvidenceKind,
    "contextlevel": vocab.ContextLevel,
    "linktype": vocab.LinkType,
    "strength": vocab.Strength,
    "provenance": vocab.Provenance,
    "basis": vocab.Basis,
    "evidencesource": vocab.EvidenceSource,
    "valuekind": vocab.ValueKind,
    "gate": vocab.Gate,
    "contextrole": vocab.ContextRole,
}

# RDF and RDFS built-ins the data may use without the ontology declaring them.
BUILT_INS = {RDF.type, RDFS.label, RDFS.comment}
DECLARATIONS = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    SKOS.Concept,
}

# -- a minimal theory that conforms ----------------------------------------------------------

BASE = "https://example.org/buurt/"


def node(path: str) -> URIRef:
    return URIRef(BASE + path)


THEORY = node("theory/buurt")
SOURCE = node("source/report")
MAIN_GOAL = node("goal/hoofddoel")
SUB_GOAL = node("goal/ontmoeting")
MECHANISM = node("mechanism/vertrouwen")
ROUND = node("round/meting-1")
ORGANISATION = node("organisation/wijkteam")
INITIATIVE = node("initiative/buurtkamer")
OTHER_INITIATIVE = node("initiative/buurtfeest")
CONTRIBUTION = node("contribution/buurtkamer--vertrouwen")
LINK = node("link/buurtkamer--supports--buurtfeest")
INDICATOR = node("indicator/bezoekers")
OBSERVATION = node("observation/bezoekers--meting-1")
QUANTITY = node("observation/bezoekers--meting-1-v1")

MINIMAL_THEORY = f"""
@base <{BASE}> .
@prefix bt: <https://w3id.org/beleidstheorie#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<theory/buurt> a bt:PolicyTheory ;
    dcterms:identifier "buurt" ;
    bt:baseIri "{BASE}"^^xsd:anyURI ;
    skos:prefLabel "Buurtaanpak"@nl , "Neighbourhood approach"@en ;
    rdfs:label "Buurtaanpak"@nl , "Neighbourhood approach"@en ;
    dcterms:source <source/report> ;
    bt:hasMainGoal <goal/hoofddoel> ;
    bt:hasSubGoal <goal/ontmoeting> ;
    bt:hasMechanism <mechanism/vertrouwen> ;
    bt:hasRound <round/meting-1> ;
    bt:hasOrganisation <organisation/wijkteam> ;
    bt:hasInitiative <initiative/buurtkamer> , <initiative/buurtfeest> .

<source/report> a bt:SourceDocument ;
    dcterms:title "Evaluatie buurtaanpak" .

<goal/hoofddoel> a bt:MainGoal ;
    skos:prefLabel "Minder eenzaamheid"@nl ;
    rdfs:label "Minder eenzaamheid"@nl ;
    bt:section "1.1" ;
    bt:page 3 ;
    prov:wasDerivedFrom <source/report> .

<goal/ontmoeting> a bt:SubGoal ;
    bt:number 1 ;
    skos:prefLabel "Meer ontmoeting"@nl ;
    rdfs:label "Meer ontmoeting"@nl ;
    bt:contributesTo <goal/hoofddoel> ;
    bt:section "1.1" ;
    prov:wasDerivedFrom <source/report> .

<mechanism/vertrouwen> a bt:Mechanism ;
    bt:position 0 ;
    skos:prefLabel "Vertrouwen"@nl ;
    rdfs:label "Vertrouwen"@nl ;
    bt:contributesTo <goal/ontmoeting> ;
    bt:section "1.3" ;
    prov:wasDerivedFrom <source/report> .

<round/meting-1> a bt:MeasurementRound ;
    bt:number 1 ;
    skos:prefLabel "Eerste meting"@nl ;
    rdfs:label "Eerste meting"@nl ;
    dcterms:date "2021-12-31"^^xsd:date .

<organisation/wijkteam> a bt:Organisation ;
    bt:position 0 ;
    skos:prefLabel "Wijkteam"@nl ;
    rdfs:label "Wijkteam"@nl .

<initiative/buurtkamer> a bt:Initiative ;
    bt:number 1 ;
    skos:prefLabel "Buurtkamer"@nl ;
    rdfs:label "Buurtkamer"@nl ;
    bt:penvoerder <organisation/wijkteam> ;
    bt:beoogdEffect "Bewoners ontmoeten elkaar."@nl ;
    bt:section "Bijlage" ;
    bt:page 12 ;
    prov:wasDerivedFrom <source/report> .

<initiative/buurtfeest> a bt:Initiative ;
    bt:number 2 ;
    skos:prefLabel "Buurtfeest"@nl ;
    rdfs:label "Buurtfeest"@nl ;
    bt:beoogdEffect "Bewoners leren elkaar kennen."@nl ;
    bt:section "Bijlage" ;
    prov:wasDerivedFrom <source/report> .

<contribution/buurtkamer--vertrouwen> a bt:Contribution ;
    bt:position 0 ;
    bt:fromInitiative <initiative/buurtkamer> ;
    bt:toMechanism <mechanism/vertrouwen> ;
    bt:strength bt:strength-strong ;
    bt:provenance bt:provenance-stated ;
    bt:quote "De buurtkamer bouwt vertrouwen op."@nl ;
    bt:section "Bijlage" ;
    prov:wasDerivedFrom <source/report> .

<link/buurtkamer--supports--buurtfeest> a bt:InitiativeLink ;
    bt:position 0 ;
    bt:linkSource <initiative/buurtkamer> ;
    bt:linkTarget <initiative/buurtfeest> ;
    bt:linkType bt:linktype-supports ;
    bt:quote "De buurtkamer ondersteunt het buurtfeest."@nl ;
    bt:section "2.3" ;
    prov:wasDerivedFrom <source/report> .

<indicator/bezoekers> a bt:Indicator ;
    bt:position 0 ;
    bt:indicatorOf <initiative/buurtkamer> ;
    skos:prefLabel "Aantal bezoekers"@nl ;
    rdfs:label "Aantal bezoekers"@nl ;
    bt:indicatorType bt:indicatortype-bereik-burgers ;
    bt:indicatorLevel bt:indicatorlevel-operationeel ;
    bt:evidenceForDelivery true ;
    bt:evidenceFor <mechanism/vertrouwen> ;
    bt:evidenceRationale "Counts visitors: the initiative reaches residents." ;
    bt:section "Bijlage" ;
    prov:wasDerivedFrom <source/report> .

<observation/bezoekers--meting-1> a bt:Observation ;
    bt:observes <indicator/bezoekers> ;
    bt:inRound <round/meting-1> ;
    bt:status bt:status-progressie-geboekt ;
    bt:evidenceKind bt:evidencekind-quantitative ;
    bt:text "Er kwamen 120 bezoekers."@nl ;
    bt:rationale "A count that grew: progress." ;
    bt:hasQuantity <observation/bezoekers--meting-1-v1> ;
    bt:section "Bijlage" ;
    bt:page 13 ;
    prov:wasDerivedFrom <source/report> .

<observation/bezoekers--meting-1-v1> a bt:Quantity ;
    bt:numericValue 120.0 ;
    bt:unit "bezoekers" ;
    bt:counts "bezoekers van de buurtkamer"@nl ;
    bt:position 0 .
"""


class Violation(NamedTuple):
    focus: object
    path: object
    component: object
    message: str


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@pytest.fixture
def theory() -> Graph:
    """A fresh copy of the minimal theory, for a test to break."""
    return Graph().parse(data=MINIMAL_THEORY, format="turtle")


@pytest.fixture
def violations(ontology, shapes):
    """Validate a data graph and return its violations."""

    def run(data: Graph) -> list[Violation]:
        _, report, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True)
        found = []
        for result in report.subjects(RDF.type, SH.ValidationResult):
            found.append(
                Violation(
                    report.value(result, SH.focusNode),
                    report.value(result, SH.resultPath),
                    report.value(result, SH.sourceConstraintComponent),
                    " | ".join(sorted(str(m) for m in report.objects(result, SH.resultMessage))),
                )
            )
        return found

    return run


ANY_PATH = object()
"""Matches any result path, e.g. the blank node of an inverse path."""


def reported(found: list[Violation], focus, path, component) -> Violation:
    """A violation of ``component`` on ``focus`` / ``path``; fails if there is none.

    ``path`` is None for node-level constraints and ANY_PATH to accept any path.
    """
    matches = [
        v
        for v in found
        if v.focus == focus and v.component == component and (path is ANY_PATH or v.path == path)
    ]
    assert matches, f"expected a {component} violation on {focus} {path}, got {found}"
    return matches[0]


def replace(graph: Graph, s, p, o) -> Graph:
    graph.remove((s, p, None))
    graph.add((s, p, o))
    return graph


# -- the minimal theory --------------------------------------------------------------------


def test_minimal_theory_conforms(theory, violations):
    assert violations(theory) == []


# -- missing required properties -----------------------------------------------------------


def test_observation_without_status_is_a_violation(theory, violations):
    theory.remove((OBSERVATION, BT.status, None))
    found = violations(theory)
    v = reported(found, OBSERVATION, BT.status, SH.MinCountConstraintComponent)
    assert "bt:status" in v.message
    assert "progress status" in v.message
    assert len(found) == 1


def test_observation_with_two_statuses_is_a_violation(theory, violations):
    theory.add((OBSERVATION, BT.status, concept("status", "geen-progressie")))
    found = violations(theory)
    reported(found, OBSERVATION, BT.status, SH.MaxCountConstraintComponent)


def test_initiative_without_intended_effect_is_a_violation(theory, violations):
    theory.remove((INITIATIVE, BT.beoogdEffect, None))
    found = violations(theory)
    v = reported(found, INITIATIVE, BT.beoogdEffect, SH.MinCountConstraintComponent)
    assert "bt:beoogdEffect" in v.message


def test_contribution_without_quote_is_a_violation(theory, violations):
    theory.remove((CONTRIBUTION, BT.quote, None))
    found = violations(theory)
    v = reported(found, CONTRIBUTION, BT.quote, SH.MinCountConstraintComponent)
    assert "bt:quote" in v.message


def test_theory_without_main_goal_is_a_violation(theory, violations):
    theory.remove((THEORY, BT.hasMainGoal, None))
    found = violations(theory)
    reported(found, THEORY, BT.hasMainGoal, SH.MinCountConstraintComponent)


def test_mechanism_without_dutch_label_is_a_violation(theory, violations):
    replace(theory, MECHANISM, SKOS.prefLabel, Literal("Trust", lang="en"))
    found = violations(theory)
    v = reported(found, MECHANISM, SKOS.prefLabel, SH.QualifiedMinCountConstraintComponent)
    assert "Dutch" in v.message


def test_optional_fields_may_be_left_out(theory, violations):
    for s, p in [
        (MAIN_GOAL, BT.page),
        (INITIATIVE, BT.penvoerder),
        (INDICATOR, BT.evidenceFor),
        (OBSERVATION, BT.hasQuantity),
        (QUANTITY, None),
    ]:
        theory.remove((s, p, None))
    assert violations(theory) == []


# -- wrong datatypes -----------------------------------------------------------------------


def test_page_as_a_string_is_a_wrong_datatype(theory, violations):
    replace(theory, MAIN_GOAL, BT.page, Literal("3"))
    found = violations(theory)
    v = reported(found, MAIN_GOAL, BT.page, SH.DatatypeConstraintComponent)
    assert "bt:page" in v.message


def test_date_as_a_string_is_a_wrong_datatype(theory, violations):
    replace(theory, ROUND, DCTERMS.date, Literal("31 december 2021"))
    found = violations(theory)
    reported(found, ROUND, DCTERMS.date, SH.DatatypeConstraintComponent)


def test_numeric_value_as_an_integer_is_a_wrong_datatype(theory, violations):
    replace(theory, QUANTITY, BT.numericValue, Literal(120))
    found = violations(theory)
    reported(found, QUANTITY, BT.numericValue, SH.DatatypeConstraintComponent)


def test_evidence_for_delivery_as_a_string_is_a_wrong_datatype(theory, violations):
    replace(theory, INDICATOR, BT.evidenceForDelivery, Literal("true"))
    found = violations(theory)
    reported(found, INDICATOR, BT.evidenceForDelivery, SH.DatatypeConstraintComponent)


def test_quote_without_language_tag_is_a_wrong_datatype(theory, violations):
    replace(theory, CONTRIBUTION, BT.quote, Literal("De buurtkamer bouwt vertrouwen op."))
    found = violations(theory)
    reported(found, CONTRIBUTION, BT.quote, SH.DatatypeConstraintComponent)


def test_quote_in_english_is_a_violation(theory, violations):
    replace(theory, CONTRIBUTION, BT.quote, Literal("The room builds trust.", lang="en"))
    found = violations(theory)
    reported(found, CONTRIBUTION, BT.quote, SH.LanguageInConstraintComponent)


def test_base_iri_as_a_plain_string_is_a_wrong_datatype(theory, violations):
    replace(theory, THEORY, BT.baseIri, Literal(BASE))
    found = violations(theory)
    reported(found, THEORY, BT.baseIri, SH.DatatypeConstraintComponent)


# -- concepts outside their scheme ---------------------------------------------------------


def test_status_outside_the_four_progress_statuses_is_a_violation(theory, violations):
    replace(theory, OBSERVATION, BT.status, BT["status-behaald"])
    found = violations(theory)
    v = reported(found, OBSERVATION, BT.status, SH.InConstraintComponent)
    assert "bt:status" in v.message


def test_concept_of_another_scheme_is_a_violation(theory, violations):
    replace(theory, CONTRIBUTION, BT.strength, concept("provenance", "stated"))
    found = violations(theory)
    reported(found, CONTRIBUTION, BT.strength, SH.InConstraintComponent)


def test_unknown_link_type_is_a_violation(theory, violations):
    replace(theory, LINK, BT.linkType, BT["linktype-competes-with"])
    found = violations(theory)
    reported(found, LINK, BT.linkType, SH.InConstraintComponent)


def test_indicator_level_that_is_not_the_level_of_its_type_is_a_violation(theory, violations):
    replace(theory, INDICATOR, BT.indicatorLevel, concept("indicatorlevel", "strategisch"))
    found = violations(theory)
    # Reported on the path bt:indicatorType/bt:level, which must equal bt:indicatorLevel.
    v = reported(found, INDICATOR, ANY_PATH, SH.EqualsConstraintComponent)
    assert "bt:indicatorLevel" in v.message


# -- dangling references -------------------------------------------------------------------


def test_contribution_to_an_undeclared_mechanism_is_a_violation(theory, violations):
    replace(theory, CONTRIBUTION, BT.toMechanism, node("mechanism/bestaat-niet"))
    found = violations(theory)
    v = reported(found, CONTRIBUTION, BT.toMechanism, SH.ClassConstraintComponent)
    assert "bt:Mechanism" in v.message


def test_link_to_an_undeclared_initiative_is_a_violation(theory, violations):
    replace(theory, LINK, BT.linkTarget, node("initiative/bestaat-niet"))
    found = violations(theory)
    v = reported(found, LINK, BT.linkTarget, SH.OrConstraintComponent)
    assert "bt:Initiative" in v.message


def test_link_from_an_initiative_to_itself_is_a_violation(theory, violations):
    replace(theory, LINK, BT.linkTarget, INITIATIVE)
    found = violations(theory)
    v = reported(found, LINK, BT.linkSource, SH.DisjointConstraintComponent)
    assert "bt:linkTarget" in v.message


def test_contribution_from_an_undeclared_initiative_is_a_violation(theory, violations):
    replace(theory, CONTRIBUTION, BT.fromInitiative, node("initiative/bestaat-niet"))
    found = violations(theory)
    reported(found, CONTRIBUTION, BT.fromInitiative, SH.OrConstraintComponent)


def test_partner_that_is_not_a_declared_organisation_is_a_violation(theory, violations):
    theory.add((INITIATIVE, BT.partner, node("organisation/gemeente")))
    found = violations(theory)
    reported(found, INITIATIVE, BT.partner, SH.ClassConstraintComponent)


def test_reference_to_a_node_of_the_wrong_class_is_a_violation(theory, violations):
    replace(theory, OBSERVATION, BT.observes, INITIATIVE)
    found = violations(theory)
    reported(found, OBSERVATION, BT.observes, SH.ClassConstraintComponent)


def test_evidence_for_an_undeclared_mechanism_is_a_violation(theory, violations):
    replace(theory, INDICATOR, BT.evidenceFor, node("mechanism/bestaat-niet"))
    found = violations(theory)
    reported(found, INDICATOR, BT.evidenceFor, SH.OrConstraintComponent)


def test_reference_without_source_document_is_a_violation(theory, violations):
    theory.remove((SOURCE, None, None))
    theory.remove((THEORY, DCTERMS.source, None))
    found = violations(theory)
    reported(found, MECHANISM, PROV.wasDerivedFrom, SH.ClassConstraintComponent)


def test_mechanism_outside_any_theory_is_a_violation(theory, violations):
    theory.remove((THEORY, BT.hasMechanism, MECHANISM))
    found = violations(theory)
    v = reported(found, MECHANISM, ANY_PATH, SH.MinCountConstraintComponent)
    assert "bt:hasMechanism" in v.message


# -- numbers out of range ------------------------------------------------------------------


def test_page_zero_is_a_violation(theory, violations):
    replace(theory, MAIN_GOAL, BT.page, Literal(0))
    found = violations(theory)
    v = reported(found, MAIN_GOAL, BT.page, SH.MinInclusiveConstraintComponent)
    assert "bt:page" in v.message


def test_round_number_zero_is_a_violation(theory, violations):
    replace(theory, ROUND, BT.number, Literal(0))
    found = violations(theory)
    reported(found, ROUND, BT.number, SH.MinInclusiveConstraintComponent)


def test_negative_position_is_a_violation(theory, violations):
    replace(theory, MECHANISM, BT.position, Literal(-1))
    found = violations(theory)
    reported(found, MECHANISM, BT.position, SH.MinInclusiveConstraintComponent)


# -- labels --------------------------------------------------------------------------------


def test_two_dutch_pref_labels_are_a_violation(theory, violations):
    theory.add((MECHANISM, SKOS.prefLabel, Literal("Vertrouwen in elkaar", lang="nl")))
    found = violations(theory)
    v = reported(found, MECHANISM, SKOS.prefLabel, SH.UniqueLangConstraintComponent)
    assert "skos:prefLabel" in v.message


def test_a_dutch_and_an_english_pref_label_conform(theory, violations):
    theory.add((MECHANISM, SKOS.prefLabel, Literal("Trust", lang="en")))
    assert violations(theory) == []


def test_indicator_that_is_evidence_for_nothing_is_a_violation(theory, violations):
    replace(theory, INDICATOR, BT.evidenceForDelivery, Literal(False))
    theory.remove((INDICATOR, BT.evidenceFor, None))
    found = violations(theory)
    reported(found, INDICATOR, None, SH.OrConstraintComponent)


def test_blank_node_observation_is_a_violation(theory, violations):
    blank = BNode()
    for p, o in list(theory.predicate_objects(OBSERVATION)):
        theory.add((blank, p, o))
    theory.remove((OBSERVATION, None, None))
    found = violations(theory)
    reported(found, blank, None, SH.NodeKindConstraintComponent)


# -- the shapes themselves -----------------------------------------------------------------


def property_shapes(shapes: Graph) -> list:
    return list(shapes.objects(None, SH.property))


def test_every_property_shape_has_a_message_naming_its_property(shapes):
    for ps in property_shapes(shapes):
        path = shapes.value(ps, SH.path)
        message = shapes.value(ps, SH.message)
        assert message is not None, f"no sh:message on the shape of {path}"
        if isinstance(path, URIRef):
            assert shapes.namespace_manager.normalizeUri(path) in str(message)
        assert shapes.value(ps, SH.severity) == SH.Violation


def test_every_class_the_data_uses_has_a_node_shape(shapes, ontology):
    targets = set(shapes.objects(None, SH.targetClass))
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(BT))}
    assert classes - {BT.Goal} <= targets
    assert PROV.Person in targets


def test_every_concept_valued_property_lists_exactly_its_scheme(shapes):
    for ps in property_shapes(shapes):
        allowed = shapes.value(ps, SH["in"])
        if allowed is None:
            continue
        members = set(shapes.items(allowed))
        schemes = {str(m)[len(str(BT)) :].split("-")[0] for m in members}
        assert len(schemes) == 1
        (scheme,) = schemes
        assert members == {concept(scheme, e.value) for e in ENUMS[scheme]}


# -- the ontology --------------------------------------------------------------------------


def test_ontology_parses_and_describes_itself(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == "0.2.0"
    assert ontology.value(ONTOLOGY_IRI, OWL.priorVersion) == URIRef(f"{ONTOLOGY_IRI}/0.1.0")
    assert str(ontology.value(ONTOLOGY_IRI, DCTERMS.license)) == (
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.title) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.description) is not None


def langs(graph: Graph, s, p) -> list[str | None]:
    return sorted(getattr(o, "language", None) or "" for o in graph.objects(s, p))


def bt_terms(ontology: Graph, kind) -> list:
    return [t for t in ontology.subjects(RDF.type, kind) if str(t).startswith(str(BT))]


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty])
def test_every_term_has_dutch_and_english_labels_and_definitions(ontology, kind):
    terms = bt_terms(ontology, kind)
    assert terms
    for term in terms:
        assert langs(ontology, term, RDFS.label) == ["en", "nl"], term
        assert langs(ontology, term, SKOS.prefLabel) == ["en", "nl"], term
        assert langs(ontology, term, SKOS.definition) == ["en", "nl"], term


def test_required_classes_are_declared(ontology):
    names = [
        "PolicyTheory", "Input", "Initiative", "Activity", "Output", "Target", "Organisation",
        "Mechanism", "SubGoal", "MainGoal", "Goal", "ContextFactor", "Indicator", "Observation",
        "Quantity", "MeasurementRound", "InitiativeLink", "Contribution", "ProcessSurvey",
        "Finding", "UnreportedRound", "SourceDocument",
    ]  # fmt: skip
    for name in names:
        assert (BT[name], RDF.type, OWL.Class) in ontology, name
    assert (BT.MainGoal, RDFS.subClassOf, BT.Goal) in ontology
    assert (BT.SubGoal, RDFS.subClassOf, BT.Goal) in ontology
    assert (BT.Organisation, RDFS.subClassOf, PROV.Organization) in ontology
    assert (BT.Observation, RDFS.subClassOf, PROV.Entity) in ontology
    assert (BT.SourceDocument, RDFS.subClassOf, PROV.Entity) in ontology
    assert (BT.SourceDocument, RDFS.subClassOf, DCTERMS.BibliographicResource) in ontology


@pytest.mark.parametrize("scheme", sorted(CONCEPT_SCHEMES))
def test_every_vocabulary_value_is_a_concept_of_its_scheme(ontology, scheme):
    scheme_iri = CONCEPT_SCHEMES[scheme]
    assert (scheme_iri, RDF.type, SKOS.ConceptScheme) in ontology
    in_scheme = set(ontology.subjects(SKOS.inScheme, scheme_iri))
    expected = {concept(scheme, e.value) for e in ENUMS[scheme]}
    assert in_scheme == expected
    for e in ENUMS[scheme]:
        c = concept(scheme, e.value)
        assert (c, RDF.type, SKOS.Concept) in ontology
        assert str(ontology.value(c, SKOS.notation)) == e.value
        assert langs(ontology, c, SKOS.prefLabel) == ["en", "nl"], c
        assert langs(ontology, c, SKOS.definition) == ["en", "nl"], c


def test_indicator_types_point_to_their_level(ontology):
    for t in vocab.IndicatorType:
        c, level = concept("indicatortype", t.value), concept("indicatorlevel", t.level.value)
        assert ontology.value(c, BT.level) == level
        assert ontology.value(c, SKOS.broader) == level


def test_progress_statuses_carry_the_wording_of_the_report(ontology):
    wording = {
        "progressie-geboekt": "Er is progressie geboekt",
        "geen-progressie": "Er is (nog) geen progressie geboekt",
        "nog-niet-bekend": "Progressie is nog niet bekend",
        "niet-meetbaar": "Progressie is niet bekend, en kan niet gemeten worden",
    }
    for value, text in wording.items():
        assert Literal(text, lang="nl") in set(ontology.objects(concept("status", value), SKOS.prefLabel))


# -- the graph built from the real theory --------------------------------------------------


def _from_theory_yaml() -> Graph:
    with THEORY_YAML.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    data.pop("organisation_links", None)  # they point to initiatives of the initiative files
    return build_graph(Theory.model_validate(data))


def _read(path: Path) -> Graph:
    """The graph of a theory directory read by the library's own reader, if there is one."""
    try:
        from beleidstheorie.io.theory_yaml import read_theory_yaml
    except ImportError:  # pragma: no cover - the reader is optional here
        pytest.skip("no theory reader")
    if not path.exists():  # pragma: no cover
        pytest.skip(f"no theory at {path}")
    return build_graph(read_theory_yaml(path))


BUILDERS = {
    "theory.yaml": _from_theory_yaml,
    "theory directory": lambda: _read(THEORY_DIR),
    "example theory": lambda: _read(EXAMPLE_DIR),
    "every v2 field": lambda: _read(EVERY_V2_FIELD),
}


@pytest.fixture(scope="module", params=sorted(BUILDERS))
def built(request) -> Graph:
    return BUILDERS[request.param]()


def used_terms(graph: Graph) -> set[URIRef]:
    terms = set(graph.predicates()) | set(graph.objects(None, RDF.type))
    terms |= {o for o in graph.objects() if isinstance(o, URIRef) and o.startswith(str(BT))}
    return terms - BUILT_INS


def test_every_term_of_the_built_graph_is_declared_in_the_ontology(built, ontology):
    undeclared = {t for t in used_terms(built) if not set(ontology.objects(t, RDF.type)) & DECLARATIONS}
    assert undeclared == set()


def test_bt_properties_are_object_or_datatype_properties_as_the_data_uses_them(built, ontology):
    for p in {p for p in built.predicates() if p.startswith(str(BT))}:
        literal = any(isinstance(o, Literal) for o in built.objects(None, p))
        kind = OWL.DatatypeProperty if literal else OWL.ObjectProperty
        assert (p, RDF.type, kind) in ontology, p


def test_the_built_graph_conforms_to_the_shapes(built, violations):
    assert violations(built) == []


# -- data model v2: the theory that sets every v2 field, broken one way at a time -----------

V2 = "https://example.org/beleidstheorie/every-v2-field/"


def v2(path: str) -> URIRef:
    return URIRef(V2 + path)


V2_THEORY = v2("theory/every-v2-field")
LOKET = v2("initiative/buurtloket")
SPREEKUUR = v2("initiative/spreekuur")
HOOFDDOEL = v2("goal/minder-schulden")
VROEG = v2("goal/vroeg-in-beeld")
SNEL = v2("goal/snelle-hulp")
SIGNALERING = v2("mechanism/signalering")
RIVAL = v2("contextrole/pauze-invordering-1")
ENABLING = v2("contextrole/vertrouwen-1")
CONTEXT_INDICATOR = v2("indicator/invordering-stilgelegd")
MELDINGEN = v2("observation/loket-meldingen--meting-1")
BEZOEK = v2("observation/spreekuur-bezoek--meting-2")
PERIOD = v2("observation/loket-meldingen--meting-1-period")
DISCREPANCY = v2("observation/loket-meldingen--meting-1-d1")
VALUE = v2("observation/loket-meldingen--meting-1-v1")
ORG_LINK = v2("organisationlink/gemeente--supports--buurtloket")
LOKET_TARGET = v2("target/buurtloket-1")
CITATION = v2("citation/snelle-hulp--serves")


@pytest.fixture
def v2_theory() -> Graph:
    """A fresh graph of tests/graph/every-v2-field.yaml, for a test to break."""
    return _read(EVERY_V2_FIELD)


def test_v2_theory_has_one_initiative_and_its_action_line_apart(v2_theory):
    assert set(v2_theory.subjects(RDF.type, BT.Initiative)) == {LOKET}
    assert set(v2_theory.subjects(RDF.type, BT.ActionLine)) == {SPREEKUUR}
    assert v2_theory.value(SPREEKUUR, BT.actionLineOf) == LOKET
    assert (V2_THEORY, BT.hasInitiative, SPREEKUUR) not in v2_theory


def test_action_line_reached_from_the_theory_is_a_violation(v2_theory, violations):
    v2_theory.add((V2_THEORY, BT.hasInitiative, SPREEKUUR))
    found = violations(v2_theory)
    reported(found, SPREEKUUR, ANY_PATH, SH.MaxCountConstraintComponent)
    reported(found, V2_THEORY, BT.hasInitiative, SH.ClassConstraintComponent)


def test_action_line_without_its_initiative_is_a_violation(v2_theory, violations):
    v2_theory.remove((SPREEKUUR, BT.actionLineOf, None))
    found = violations(v2_theory)
    v = reported(found, SPREEKUUR, BT.actionLineOf, SH.MinCountConstraintComponent)
    assert "bt:actionLineOf" in v.message


def test_nested_action_line_is_a_violation(v2_theory, violations):
    nested = v2("initiative/avondspreekuur")
    for p, o in list(v2_theory.predicate_objects(SPREEKUUR)):
        if p != BT.actionLineOf:
            v2_theory.add((nested, p, o))
    v2_theory.add((nested, BT.actionLineOf, SPREEKUUR))
    found = violations(v2_theory)
    reported(found, nested, BT.actionLineOf, SH.ClassConstraintComponent)


def test_two_action_lines_with_one_number_are_a_violation(v2_theory, violations):
    twin = v2("initiative/avondspreekuur")
    for p, o in list(v2_theory.predicate_objects(SPREEKUUR)):
        v2_theory.add((twin, p, o))
    found = violations(v2_theory)
    v = reported(found, twin, BT.number, SH.SPARQLConstraintComponent)
    assert "bt:number" in v.message


def test_initiative_with_an_action_line_of_is_a_violation(v2_theory, violations):
    v2_theory.add((LOKET, BT.actionLineOf, LOKET))
    found = violations(v2_theory)
    reported(found, LOKET, BT.actionLineOf, SH.MaxCountConstraintComponent)


@pytest.mark.parametrize(
    ("focus", "prop", "wrong"),
    [
        (MELDINGEN, BT.basis, concept("evidencesource", "self-report")),
        (MELDINGEN, BT.evidenceSource, BT["evidencesource-hearsay"]),
        (VALUE, BT.valueKind, BT["valuekind-hoped-for"]),
        (HOOFDDOEL, BT.gate, BT["gate-majority"]),
        (RIVAL, BT.role, concept("linktype", "supports")),
    ],
    ids=["basis", "source", "value kind", "gate", "context role"],
)
def test_v2_concept_outside_its_scheme_is_a_violation(v2_theory, violations, focus, prop, wrong):
    replace(v2_theory, focus, prop, wrong)
    found = violations(v2_theory)
    v = reported(found, focus, prop, SH.InConstraintComponent)
    assert v2_theory.namespace_manager.normalizeUri(prop) in v.message


def test_prior_of_one_is_a_violation(v2_theory, violations):
    replace(v2_theory, SIGNALERING, BT.prior, Literal(1.0, datatype=XSD.double))
    found = violations(v2_theory)
    reported(found, SIGNALERING, BT.prior, SH.MaxExclusiveConstraintComponent)


def test_prior_as_a_decimal_is_a_wrong_datatype(v2_theory, violations):
    replace(v2_theory, HOOFDDOEL, BT.prior, Literal("0.4", datatype=XSD.decimal))
    found = violations(v2_theory)
    reported(found, HOOFDDOEL, BT.prior, SH.DatatypeConstraintComponent)


def test_sub_goals_serving_each_other_in_a_cycle_are_a_violation(v2_theory, violations):
    v2_theory.add((VROEG, BT.contributesTo, SNEL))
    found = violations(v2_theory)
    v = reported(found, VROEG, BT.contributesTo, SH.SPARQLConstraintComponent)
    assert "acyclic" in v.message
    reported(found, SNEL, BT.contributesTo, SH.SPARQLConstraintComponent)


def test_sub_goal_serving_a_mechanism_is_a_violation(v2_theory, violations):
    v2_theory.add((SNEL, BT.contributesTo, SIGNALERING))
    found = violations(v2_theory)
    reported(found, SNEL, BT.contributesTo, SH.OrConstraintComponent)


def test_sub_goal_that_serves_only_another_sub_goal_is_a_violation(v2_theory, violations):
    v2_theory.remove((SNEL, BT.contributesTo, HOOFDDOEL))
    found = violations(v2_theory)
    v = reported(found, SNEL, BT.contributesTo, SH.QualifiedMinCountConstraintComponent)
    assert "bt:MainGoal" in v.message


def test_citation_without_quote_is_a_violation(v2_theory, violations):
    v2_theory.remove((CITATION, BT.quote, None))
    found = violations(v2_theory)
    reported(found, CITATION, BT.quote, SH.MinCountConstraintComponent)


def test_rival_of_a_mechanism_is_a_violation(v2_theory, violations):
    replace(v2_theory, RIVAL, BT.roleTarget, SIGNALERING)
    found = violations(v2_theory)
    v = reported(found, RIVAL, BT.roleTarget, SH.SPARQLConstraintComponent)
    assert "rival" in v.message


def test_enabling_condition_of_a_goal_is_a_violation(v2_theory, violations):
    replace(v2_theory, ENABLING, BT.roleTarget, HOOFDDOEL)
    found = violations(v2_theory)
    reported(found, ENABLING, BT.roleTarget, SH.SPARQLConstraintComponent)


def test_context_role_without_quote_is_a_violation(v2_theory, violations):
    v2_theory.remove((RIVAL, BT.quote, None))
    found = violations(v2_theory)
    reported(found, RIVAL, BT.quote, SH.MinCountConstraintComponent)


def test_context_role_for_an_undeclared_initiative_is_a_violation(v2_theory, violations):
    v2_theory.add((ENABLING, BT.roleInitiative, v2("initiative/bestaat-niet")))
    found = violations(v2_theory)
    reported(found, ENABLING, BT.roleInitiative, SH.OrConstraintComponent)


def test_context_indicator_that_is_evidence_for_another_factor_is_a_violation(v2_theory, violations):
    replace(v2_theory, CONTEXT_INDICATOR, BT.evidenceFor, v2("contextfactor/vertrouwen"))
    found = violations(v2_theory)
    v = reported(found, v2("contextfactor/vertrouwen"), None, SH.SPARQLConstraintComponent)
    assert "bt:indicatorOf" in v.message


def test_period_that_ends_before_it_starts_is_a_violation(v2_theory, violations):
    replace(v2_theory, PERIOD, BT.periodEnd, Literal("2023-12-31", datatype=XSD.date))
    found = violations(v2_theory)
    reported(found, PERIOD, BT.periodStart, SH.LessThanOrEqualsConstraintComponent)


def test_restating_an_undeclared_observation_is_a_violation(v2_theory, violations):
    replace(v2_theory, BEZOEK, BT.restates, v2("observation/loket-meldingen--meting-9"))
    found = violations(v2_theory)
    reported(found, BEZOEK, BT.restates, SH.ClassConstraintComponent)


def test_observation_that_restates_itself_is_a_violation(v2_theory, violations):
    replace(v2_theory, BEZOEK, BT.restates, BEZOEK)
    found = violations(v2_theory)
    reported(found, BEZOEK, BT.restates, SH.SPARQLConstraintComponent)


def test_elicited_likelihoods_without_rationale_are_a_violation(v2_theory, violations):
    v2_theory.remove((MELDINGEN, BT.elicitationRationale, None))
    found = violations(v2_theory)
    v = reported(found, MELDINGEN, None, SH.OrConstraintComponent)
    assert "bt:elicitationRationale" in v.message


def test_discrepancy_without_dutch_text_is_a_violation(v2_theory, violations):
    v2_theory.remove((DISCREPANCY, BT.text, Literal("Het jaarverslag noemt 175 meldingen.", lang="nl")))
    found = violations(v2_theory)
    reported(found, DISCREPANCY, BT.text, SH.QualifiedMinCountConstraintComponent)


def test_organisation_link_from_an_initiative_is_a_violation(v2_theory, violations):
    replace(v2_theory, ORG_LINK, BT.linkSource, SPREEKUUR)
    found = violations(v2_theory)
    reported(found, ORG_LINK, BT.linkSource, SH.ClassConstraintComponent)


def test_target_measured_on_another_initiatives_indicator_is_a_violation(v2_theory, violations):
    replace(v2_theory, LOKET_TARGET, BT.targetIndicator, v2("indicator/spreekuur-bezoek"))
    found = violations(v2_theory)
    reported(found, LOKET_TARGET, BT.targetIndicator, SH.SPARQLConstraintComponent)
