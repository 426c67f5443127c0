"""The adversarial corpus: every file in tests/data/bad/ ends in its one expected message.

Each file is one malformed or hostile input; the whole of stderr is asserted,
with ``{path}`` standing for the file. Files are read through the public
command line, on the reading path (``score``, ``query``), so whichever parser
reads them, they keep guarding it. A new file without an expected message
fails :func:`test_every_file_in_the_corpus_has_an_expected_message`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from beleidstheorie.cli import main

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
MINIMAL = BAD.parent / "minimal.yaml"
K = "https://example.org/beleidstheorie/klein/"
NOT_FETCHED = "is not fetched: contexts are never read from the network or from files; put the context inline"

# file name -> (command line with {path}, whole stderr with {path})
EXPECTED: dict[str, tuple[str, str]] = {
    "yaml-alias-bomb.yaml": (
        "score {path}",
        "error: {path}: line 8, column 7: more than 1000000 values once aliases are expanded",
    ),
    "yaml-recursive-alias.yaml": (
        "score {path}",
        "error: {path}: line 1, column 5: an alias refers to a value that contains it (recursive)",
    ),
    "yaml-deep-nesting.yaml": (
        "score {path}",
        "error: {path}: line 1, column 68: nested deeper than 64 levels",
    ),
    "yaml-huge-integer.yaml": (
        "score {path}",
        "error: {path}: line 15, column 27: malformed YAML: cannot read the value "
        "'9999999999999999999999999999999999999999' (a number of more than 4300 digits)",
    ),
    "yaml-impossible-date.yaml": (
        "score {path}",
        "error: {path}: line 15, column 58: malformed YAML: cannot read the value '2024-13-45' "
        "(month must be in 1..12)",
    ),
    "yaml-python-tag.yaml": (
        "score {path}",
        "error: {path}: line 1, column 5: malformed YAML: unknown tag (plain YAML only): "
        "'tag:yaml.org,2002:python/object/apply:os.system' (parser's message: could not determine a "
        "constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system')",
    ),
    "yaml-nan-value.yaml": (
        "score {path}",
        "error: {path}: line 34 (initiatives[0].indicators[0].observations[0].values[0].value): "
        "Input should be a finite number (got nan)",
    ),
    "yaml-not-a-mapping.yaml": ("score {path}", "error: {path}: line 1: a theory must be a YAML mapping"),
    "yaml-empty.yaml": ("score {path}", "error: {path}: the file is empty"),
    "yaml-round-number-text.yaml": (
        "score {path}",
        "error: {path}: line 15 (rounds[0].number): Input should be a valid integer, unable to parse string "
        "as an integer (got 'een')",
    ),
    "yaml-not-utf8.yaml": (
        "score {path}",
        "error: {path}: line 4: not UTF-8 text (invalid continuation byte 0xe9)",
    ),
    "nt-nul-in-iri.nt": (
        "score {path}",
        "error: {path}: line 1, column 1: malformed N-Triples: an IRI may not contain the character '\\0' "
        "(parser's message: Invalid IRI code point '\\0')",
    ),
    "ttl-space-in-iri.ttl": (
        "score {path}",
        "error: {path}: line 17, column 20: malformed Turtle: an IRI may not contain the character ' ' "
        "(parser's message: Invalid IRI code point ' ')",
    ),
    "ttl-unknown-mechanism.ttl": (
        "score {path}",
        f"error: {{path}}: <{K}contribution/ini--mech> bt:toMechanism: A contribution needs exactly one "
        "bt:toMechanism (the mechanism contributed to) that points to a declared bt:Mechanism (a node typed "
        f"bt:Mechanism in the graph) (value: <{K}mechanism/onbekend>)",
    ),
    "ttl-goal-cycle.ttl": (
        "score {path}",
        f"error: {{path}}: <{K}goal/doel>: a cycle in bt:contributesTo: <{K}goal/doel> → <{K}goal/sub> → "
        f"<{K}goal/doel>\nerror: {{path}}: <{K}goal/sub> bt:contributesTo: A sub-goal serves itself through "
        "bt:contributesTo (directly or in a cycle): the goals must form a directed acyclic graph "
        f"(value: <{K}goal/doel>)",
    ),
    "ttl-ispartof-cycle.ttl": (
        "score {path}",
        f"error: {{path}}: <{K}initiative/ini>: a cycle in dcterms:isPartOf: <{K}initiative/ini> → "
        f"<{K}initiative/ini>",
    ),
    "ttl-round-number-text.ttl": (
        "score {path}",
        f"error: {{path}}: <{K}round/ronde-1> bt:number: A measurement round needs exactly one bt:number "
        '(its number), an xsd:integer of at least 1 (value: "een")',
    ),
    "ttl-negative-page.ttl": (
        "score {path}",
        f"error: {{path}}: <{K}observation/ind--ronde-1> bt:page: An observation has at most one bt:page "
        '(the page of the source report), an xsd:integer of at least 1 (value: "-3"^^xsd:integer)',
    ),
    "ttl-nan-value.ttl": (
        "score {path}",
        f"error: {{path}}: <{K}observation/ind--ronde-1-v1> bt:numericValue: A quantity needs exactly one "
        'bt:numericValue (its number), typed xsd:decimal (value: "NaN"^^xsd:double)',
    ),
    "ttl-ill-typed-page.ttl": (
        "score {path}",
        f"error: {{path}}: <{K}contribution/ini--mech> bt:page: A contribution has at most one bt:page "
        '(the page of the source report), an xsd:integer of at least 1 (value: "twee"^^xsd:integer)',
    ),
    "ttl-deep-nesting.ttl": (
        "score {path}",
        "error: {path}: line 2, column 10007: malformed Turtle: ] stands where an object belongs (an IRI, "
        "a literal or [ … ]) (parser's message: ] is not a valid RDF object)",
    ),
    "jsonld-remote-context.jsonld": (
        "score {path}",
        f"error: {{path}}: @context: the context 'http://127.0.0.1:9/context.jsonld' {NOT_FETCHED}",
    ),
    "jsonld-file-context.jsonld": (
        "score {path}",
        f"error: {{path}}: @context: the context 'file:///etc/passwd' {NOT_FETCHED}",
    ),
    "jsonld-relative-context.jsonld": (
        "score {path}",
        f"error: {{path}}: @context: the context '../minimal.ttl' {NOT_FETCHED}",
    ),
    "jsonld-import.jsonld": (
        "score {path}",
        f"error: {{path}}: @import: the context 'https://example.org/context.jsonld' {NOT_FETCHED}",
    ),
    # Oxigraph parses JSON-LD without recursion (its own limit is 65,536 levels): 101 levels are read
    "jsonld-deep-nesting.jsonld": ("score {path}", "error: {path}: expected one bt:PolicyTheory, found 0"),
    "jsonld-malformed.jsonld": (
        "score {path}",
        "error: {path}: line 4, column 1: malformed JSON-LD: unexpected closing brace '}}' "
        "(parser's message: Unexpected closing curly bracket, no array to close)",
    ),
    "config-malformed.toml": (
        "score {minimal} --config {path}",
        "error: {path}: line 1, column 7: malformed TOML: a table header lacks its closing ']' "
        "(parser's message: Expected ']' at the end of a table declaration)",
    ),
    "config-deep-nesting.toml": (
        "score {minimal} --config {path}",
        "error: {path}: malformed TOML: nested too deeply",
    ),
    "query-service.rq": (
        "query @{path} {minimal}",
        "error: {path}: SERVICE is disabled: a query reads the loaded theory only",
    ),
    "query-not-select.rq": ("query @{path} {minimal}", "error: {path}: only SELECT queries can be run here"),
    "query-malformed.rq": ("query @{path} {minimal}", "error: {path}: malformed SPARQL at line 2, column 1"),
}


def test_every_file_in_the_corpus_has_an_expected_message():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_ends_in_its_one_clear_message_and_exit_status_1(name):
    args, message = EXPECTED[name]
    path = BAD / name
    argv = ["--lang", "en", *args.format(path=path, minimal=MINIMAL).split()]
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 1, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit)  # not an uncaught exception
    assert result.stdout == ""
    assert result.stderr == message.format(path=path) + "\n"
