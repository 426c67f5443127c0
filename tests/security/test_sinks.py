"""Every sink escapes a hostile label: CSV, terminal, DOT/SVG, HTML and SPARQL."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from rdflib import Literal

from beleidstheorie.graph.load import load_theory
from beleidstheorie.graph.query import run_query
from beleidstheorie.views.cells import FORMULA_STARTS
from beleidstheorie.views.page import interactive_html
from tests.security.conftest import FORMULA, MARKUP, TERMINAL, run
from tests.views.dotparse import parse_dot

CSV_COMMANDS = [
    ["score"],
    ["coverage"],
    ["explain", "mech"],
    ["sensitivity"],
    ["query", "SELECT ?l WHERE { ?n skos:prefLabel ?l }"],
]
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("command", CSV_COMMANDS, ids=lambda c: c[0])
def test_no_csv_cell_can_run_as_a_formula(hostile_yaml, command):
    out = run(*command, str(hostile_yaml), "--format", "csv").stdout
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    risky = [c for c in cells if c.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(c)]
    assert risky == []
    if command[0] in ("score", "query"):
        assert "'" + FORMULA in cells


def test_csv_written_to_a_file_is_neutralised_too(hostile_yaml, tmp_path):
    target = tmp_path / "score.csv"
    run("score", str(hostile_yaml), "--format", "csv", "-o", str(target))
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert any(cell == "'" + FORMULA for row in rows for cell in row)


@pytest.mark.parametrize("command", [["score"], ["coverage"], ["explain", "sub"]], ids=lambda c: c[0])
def test_terminal_output_shows_control_characters_instead_of_obeying_them(hostile_yaml, command):
    out = run(*command, str(hostile_yaml)).stdout
    assert CONTROL.search(out) is None
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\r\\u202egnirts" in out


def test_an_error_message_quoting_data_is_escaped_on_the_terminal(hostile_yaml):
    proc = run("explain", TERMINAL + "x", str(hostile_yaml))
    assert proc.returncode == 1
    assert CONTROL.search(proc.stderr) is None


@pytest.mark.parametrize("suffix", [".dot", ".svg"])
def test_dot_and_svg_keep_the_hostile_label_as_text(hostile_yaml, tmp_path, suffix):
    out = tmp_path / f"schema{suffix}"
    run("render", "initiative", "ini", str(hostile_yaml), "-o", str(out))
    text = out.read_text(encoding="utf-8")
    if suffix == ".svg":
        root = ET.fromstring(text)  # well-formed: nothing broke out of a label
        assert not list(root.iter("{http://www.w3.org/2000/svg}script"))
        shown = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
        for piece in ("</script><script>alert(1)</script>", "{a|b}", "<B>x</B>", "\\N", "\\G", '"q"'):
            assert piece in shown, piece
    else:
        label = parse_dot(text).nodes["initiative/ini"]["label"]
        assert label.replace("\\n", "").replace(" ", "") == ("1" + MARKUP).replace(" ", "")
        assert "\\\\N \\\\G" in text  # graphviz escapes stay literal, never expand to the node name


def test_html_page_carries_the_hostile_label_only_as_escaped_json(hostile_yaml):
    page = interactive_html(load_theory(hostile_yaml))
    assert page.count("</script>") == 3  # the page's own three script blocks, nothing from the data
    block = page.split('id="bt-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(block)
    assert data["title"] == MARKUP
    assert "<title>&lt;/script&gt;" in page


@pytest.mark.parametrize(
    "value",
    [MARKUP, FORMULA, TERMINAL, '" } . ?s ?p ?o . FILTER(true) } #', 'x\\" ) ) } UNION { ?a ?b ?c'],
)
def test_a_bound_sparql_value_matches_only_itself_even_inside_filter(hostile_yaml, value):
    store = load_theory(hostile_yaml).store
    query = "SELECT ?n WHERE { ?n skos:prefLabel ?l FILTER(STR(?l) = ?x) }"
    names, rows = run_query(store, query, {"x": Literal(value)})
    labelled = {MARKUP, FORMULA, TERMINAL}
    assert names == ["n"]
    assert len(rows) == (2 if value == MARKUP else 1 if value in labelled else 0)
