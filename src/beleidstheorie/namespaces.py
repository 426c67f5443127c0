"""RDF namespaces and the terms of the beleidstheorie ontology.

Constants are named after the prefixed term (``BT.Initiative`` is ``bt:Initiative``).
Concepts of the controlled vocabularies are built with :func:`concept`.

>>> str(BT.Initiative)
'https://w3id.org/beleidstheorie#Initiative'
>>> str(concept("status", "progressie-geboekt"))
'https://w3id.org/beleidstheorie#status-progressie-geboekt'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

from beleidstheorie.iris import BT_IRI
from beleidstheorie.iris import CONCEPT_SCHEMES as SCHEME_NAMES

BT = Namespace(BT_IRI)

__all__ = [
    "BT",
    "CONCEPT_SCHEMES",
    "DCTERMS",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "XSD",
    "concept",
    "concept_value",
]

# Concept schemes: key -> (scheme IRI). A concept is bt:<key>-<value>.
CONCEPT_SCHEMES: dict[str, URIRef] = {key: BT[name] for key, name in SCHEME_NAMES.items()}


def concept(scheme: str, value: str) -> URIRef:
    """The IRI of the concept ``value`` in the concept scheme ``scheme``."""
    if scheme not in CONCEPT_SCHEMES:
        raise KeyError(f"unknown concept scheme {scheme!r}")
    return BT[f"{scheme}-{value}"]


def concept_value(scheme: str, iri: URIRef) -> str:
    """The authoring value of a concept IRI (inverse of :func:`concept`).

    >>> concept_value("strength", BT["strength-strong"])
    'strong'
    """
    prefix = str(BT) + scheme + "-"
    text = str(iri)
    if not text.startswith(prefix):
        raise ValueError(f"{text} is not a concept of scheme {scheme!r}")
    return text[len(prefix) :]
