"""The builder's pyoxigraph literals have the lexical forms rdflib gave the same values.

The store of a YAML theory is built from the builder's pyoxigraph terms without rdflib
(``graph/build.py``); before, the same values went through rdflib literals. Every literal
kind the builder makes is compared with what rdflib writes for the value, so the store and
the exports written from it stay what they were.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import XSD, Literal

from beleidstheorie.graph import build
from beleidstheorie.graph.stores.base import from_ox, to_ox
from beleidstheorie.namespaces import concept

finite = st.floats(allow_nan=False, allow_infinity=False)


@given(finite)
def test_a_decimal_is_written_as_rdflib_writes_it(value):
    assert build._decimal(value) == to_ox(Literal(Decimal(repr(value)), datatype=XSD.decimal))
    assert "e" not in build._decimal(value).value.lower()  # xsd:decimal has no exponent


@given(finite)
def test_a_double_is_written_as_rdflib_writes_it(value):
    assert build._double(value) == to_ox(Literal(value, datatype=XSD.double))


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_an_integer_is_written_as_rdflib_writes_it(value):
    assert build._integer(value) == to_ox(Literal(value, datatype=XSD.integer))


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_a_date_is_written_as_rdflib_writes_it(value):
    assert build._date(value) == to_ox(Literal(value, datatype=XSD.date))


@pytest.mark.parametrize("value", [True, False])
def test_a_boolean_is_written_as_rdflib_writes_it(value):
    assert build._boolean(value) == to_ox(Literal(value))


@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_text_with_and_without_a_language_is_what_rdflib_gives(text):
    assert build._string(text) == to_ox(Literal(text))
    assert build._lang(text, "nl") == to_ox(Literal(text, lang="nl"))
    assert from_ox(build._string(text)) == Literal(text)  # a plain string stays untyped in the graph


def test_a_concept_is_the_one_of_the_namespaces():
    assert build.concept("status", "progressie-geboekt").value == str(concept("status", "progressie-geboekt"))
    with pytest.raises(KeyError):
        build.concept("statuses", "progressie-geboekt")


def test_a_namespace_makes_each_term_once_and_no_private_names():
    assert build.BT.Initiative is build.BT.Initiative
    assert build.BT.Initiative.value == "https://w3id.org/beleidstheorie#Initiative"
    assert not hasattr(build.BT, "__deepcopy__")
