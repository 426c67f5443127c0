"""The escaping sinks, called directly: terminal text, spreadsheet cells, DOT and HTML labels.

Fast unit tests of the public escaping functions (the mutation targets of
``scripts/mutation.py``); the end-to-end checks through the CLI are in
``tests/security/test_sinks.py``.
"""

from __future__ import annotations

import json

import pytest

from beleidstheorie.views.cells import neutralise_cell
from beleidstheorie.views.dotparts import dot_text, html_text, left_text
from beleidstheorie.views.page.build import _json_for_html
from beleidstheorie.views.spreadsheet import Sheet, col, generate_csv, safe_cell
from beleidstheorie.views.terminal import printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("a\rb", "a\\rb"),
        ("a\bb", "a\\bb"),
        ("\f\v\x00", "\\f\\v\\0"),
        ("\x7f\x9f", "\\x7f\\x9f"),
        ("\u202e\u2066\u2069\u200e\u200f\u061c", "\\u202e\\u2066\\u2069\\u200e\\u200f\\u061c"),
        ("regel 1\n\tregel 2", "regel 1\n\tregel 2"),
        ("Maatwerk é ü 💡", "Maatwerk é ü 💡"),
    ],
)
def test_printable_shows_each_control_character_as_an_escape_and_keeps_the_rest(text, shown):
    assert printable(text) == shown


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+A1", "'+A1"),
        ("-A1", "'-A1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-0.25", "-0.25"),
        ("+3", "+3"),
        ("-1,5e3%", "-1,5e3%"),
        ("-.5", "-.5"),
        ("Maatwerk", "Maatwerk"),
        ("a=b", "a=b"),
        (-0.25, -0.25),
        (None, None),
        (True, True),
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_gets_an_apostrophe_and_nothing_else_changes(value, cell):
    assert neutralise_cell(value) == cell
    assert safe_cell(value) == cell


def test_csv_neutralises_formulas_and_writes_numbers_booleans_and_gaps_plainly():
    sheet = Sheet("t", (col("id"), col("score")), [["=cmd()", 0.5], [None, True], ["x", float("nan")]])
    assert generate_csv(sheet) == "id,score\n'=cmd(),0.5\n,true\nx,\n"
    assert generate_csv(sheet, "excel-nl") == "\ufeffid;score\r\n'=cmd();0,5\r\n;true\r\nx;\r\n"


def test_a_dot_label_escapes_backslashes_and_control_characters_line_by_line():
    assert dot_text(['a "b"', "c\\l", "d\x1be"]) == 'a "b"\\nc\\\\l\\nd\\\\x1be'


def test_an_html_label_escapes_markup_quotes_and_control_characters():
    assert html_text("<B>&\"'\x07") == "&lt;B&gt;&amp;&quot;&#x27;\\x07"


def test_a_left_justified_dot_label_escapes_each_line_and_ends_it_with_a_left_break():
    assert left_text(["a\\b", "c"]) == "a\\\\b\\lc\\l"


def test_json_in_the_page_holds_no_literal_markup_and_reads_back_the_same():
    text = _json_for_html({"a": "</script><b>&"})
    assert text == '{"a": "\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    assert json.loads(text) == {"a": "</script><b>&"}


def test_json_in_the_page_keeps_dutch_letters_as_they_are():
    # the page is UTF-8: 'één' stays three letters, not six-character escapes each
    assert _json_for_html({"a": "één – Nibud"}) == '{"a": "één – Nibud"}'
