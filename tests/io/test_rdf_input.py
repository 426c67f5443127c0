"""RDF input that is malformed, nested too deeply or names a context: clear errors, no fetch."""

from __future__ import annotations

import json

import pytest

from beleidstheorie.errors import LoadError
from beleidstheorie.io.rdf import BUNDLED_CONTEXTS, parse_rdf

CONTEXT = next(iter(BUNDLED_CONTEXTS))


def error(text: str, fmt: str) -> str:
    with pytest.raises(LoadError) as info:
        parse_rdf(text, fmt, f"f.{fmt}")
    return str(info.value)


@pytest.mark.parametrize("depth", [101, 150, 100_000])
def test_json_ld_nested_deeper_than_100_levels_is_refused(depth):
    assert error("[" * depth + "]" * depth, "jsonld") == "f.jsonld: JSON nested deeper than 100 levels"


def test_json_ld_nested_100_levels_deep_is_not_refused_for_its_depth():
    # 100 levels is within the limit; the document then parses (as an empty graph)
    assert len(parse_rdf("[" * 100 + "]" * 100, "jsonld", "f.jsonld")) == 0


def test_the_bundled_context_is_served_from_memory():
    doc = {"@context": CONTEXT, "@id": "https://example.org/a", "skos:prefLabel": "A"}
    graph = parse_rdf(json.dumps(doc), "jsonld", "f.jsonld")
    ((_, predicate, value),) = list(graph)
    assert str(predicate) == "http://www.w3.org/2004/02/skos/core#prefLabel" and str(value) == "A"


@pytest.mark.parametrize("length, shown", [(199, lambda u: u), (200, lambda u: u + "…")])
def test_a_refused_context_url_is_shown_whole_up_to_199_characters(length, shown):
    url = "https://example.org/" + "x" * (length - 20)
    assert len(url) == length
    assert error(json.dumps({"@context": url}), "jsonld") == (
        f"f.jsonld: @context: the context {shown(url)!r} is not fetched: contexts are never read "
        "from the network or from files; put the context inline"
    )


def test_an_imported_context_is_refused_with_its_key():
    text = json.dumps({"@context": {"@import": "https://example.org/c.jsonld"}})
    assert error(text, "jsonld").startswith(
        "f.jsonld: @import: the context 'https://example.org/c.jsonld' is"
    )


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "<a> <b> .\n",
            "f.nt: malformed N-Triples: an invalid line: <a> <b> . "
            "(parser's message: Invalid line: <a> <b> .)",
        ),
        (
            "<https://e.org/a> <https://e.org/b> <https://e.org/c> .\n"
            '<https://e.org/a> <https://e.org/b> "x .\n',
            'f.nt: malformed N-Triples: an invalid line: "x . (parser\'s message: Invalid line: "x .)',
        ),
    ],
)
def test_malformed_n_triples_name_the_bad_line(text, message):
    assert error(text, "nt") == message


def test_malformed_turtle_names_its_line_and_the_parser_s_reason():
    text = "@prefix x: <https://e.org/> .\nx:a x:b x:c ;\n"
    assert error(text, "ttl") == (
        "f.ttl: line 3: malformed Turtle: the file ends where a predicate should follow "
        "(parser's message: EOF found when expected verb in property list)"
    )


class _Counted:
    """Stands in for a parsed graph of ``n`` triples (none of which need inspecting)."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __iter__(self):
        return iter(())


def test_at_most_2_000_000_triples_are_accepted():
    # The limit is checked on the parsed graph; a real file at the boundary would take minutes.
    from beleidstheorie.io.rdf import _check_terms

    assert _check_terms(_Counted(2_000_000), "f.nt") is None
    with pytest.raises(LoadError) as info:
        _check_terms(_Counted(2_000_001), "f.nt")
    assert str(info.value) == "f.nt: more than 2000000 triples"
