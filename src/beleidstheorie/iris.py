"""The namespace IRIs of the ontology as plain strings, for code that needs no rdflib terms.

:mod:`beleidstheorie.namespaces` builds rdflib namespaces from these; the store's
queries and the reasoning on a cached store use the strings, so reading a theory
from its store does not import rdflib (about 0.1 s CPU of a fresh process).

>>> BT_IRI + "Initiative"
'https://w3id.org/beleidstheorie#Initiative'
"""

from __future__ import annotations

BT_IRI = "https://w3id.org/beleidstheorie#"
SKOS_IRI = "http://www.w3.org/2004/02/skos/core#"
DCTERMS_IRI = "http://purl.org/dc/terms/"
XSD_IRI = "http://www.w3.org/2001/XMLSchema#"
PROV_IRI = "http://www.w3.org/ns/prov#"
RDFS_IRI = "http://www.w3.org/2000/01/rdf-schema#"
RDF_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

# The concept schemes of the controlled vocabularies: key -> the scheme's local name in bt:.
# A concept is bt:<key>-<value> (:func:`beleidstheorie.namespaces.concept`).
CONCEPT_SCHEMES: dict[str, str] = {
    "indicatortype": "IndicatorTypeScheme",
    "indicatorlevel": "IndicatorLevelScheme",
    "status": "ProgressStatusScheme",
    "evidencekind": "EvidenceKindScheme",
    "contextlevel": "ContextLevelScheme",
    "linktype": "LinkTypeScheme",
    "strength": "StrengthScheme",
    "provenance": "ProvenanceScheme",
    "basis": "BasisScheme",
    "evidencesource": "EvidenceSourceScheme",
    "valuekind": "ValueKindScheme",
    "gate": "GateScheme",
    "contextrole": "ContextRoleScheme",
}
