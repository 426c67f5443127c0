"""The evidence matrix: initiatives x mechanisms, contributions and the state of their evidence."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from beleidstheorie.cli import main
from beleidstheorie.reasoning.network import read_network
from beleidstheorie.views.matrix import STATE_LOOK, build_matrix, render_matrix
from beleidstheorie.views.structure import read_structure
from tests.views.conftest import HOSTILE


@pytest.fixture(scope="module")
def flagship_matrix(flagship_theory, flagship_result):
    return build_matrix(flagship_theory, flagship_result)


def test_rows_are_the_initiatives_in_number_order(flagship_theory, flagship_matrix):
    codes = [tuple(int(p) for p in r.code.split(".")) for r in flagship_matrix.rows]
    assert codes == sorted(codes)
    assert len(codes) == len(read_structure(flagship_theory.store).initiatives)


def test_every_contribution_of_the_theory_is_in_its_cell_and_no_other_cell_has_marks(
    flagship_theory, flagship_matrix
):
    s = read_structure(flagship_theory.store)
    keys = {n.iri: n.key for n in (*s.initiatives, *s.mechanisms)}
    expected = {(keys[c.initiative], keys[c.mechanism]): c for c in s.contributions}
    for (ini, mech), cell in flagship_matrix.cells.items():
        c = expected.get((ini, mech))
        if c is None:
            assert cell.marks() == ""
        else:
            assert cell.marks()[0] == ("●" if c.provenance == "stated" else "○")
            assert len(cell.marks()) == {"weak": 1, "moderate": 2, "strong": 3}[c.strength]


def test_direct_states_agree_with_the_sign_of_the_results_own_items(flagship_result, flagship_matrix):
    mechanisms = {m.key for m in flagship_result.mechanisms}
    for item in flagship_result.items:
        if item.informative and item.node in mechanisms and item.log_lr != 0:
            state = flagship_matrix.cell(item.initiative, item.node).state
            assert state in (("for", "both") if item.log_lr > 0 else ("against", "both"))
    directs = {
        (i.initiative, i.node) for i in flagship_result.items if i.informative and i.node in mechanisms
    }
    for key, cell in flagship_matrix.cells.items():
        assert (cell.state in ("for", "against", "both")) == (key in directs)


def test_a_contribution_without_any_indicator_is_marked_as_missing_evidence(flagship_theory, flagship_matrix):
    net = read_network(flagship_theory.store)
    owners = {net.nodes[int(i)].id for i in net.ind_initiative}
    missing = [k for k, c in flagship_matrix.cells.items() if c.state == "none"]
    assert missing  # the flagship has initiatives without indicators (e.g. 19 Nooit Meer Skeer)
    for ini, _ in missing:
        assert ini not in owners
        assert flagship_matrix.cell(ini, _).contribution


def test_the_svg_shows_every_state_it_uses_with_its_glyph_in_the_legend(
    tmp_path, flagship_theory, flagship_result
):
    out = render_matrix(flagship_theory, flagship_result, tmp_path / "m.svg")
    text = " ".join(t.text or "" for t in ET.parse(out).iter() if t.tag.endswith("text"))
    m = build_matrix(flagship_theory, flagship_result)
    for state in m.states_used():
        glyph = STATE_LOOK[state][0]
        if glyph:
            assert glyph in text
    assert "Bewijsmatrix" in text and flagship_result.round_label in text


def test_the_xlsx_has_the_matrix_with_filled_cells_and_the_cell_data(
    tmp_path, flagship_theory, flagship_result
):
    out = render_matrix(flagship_theory, flagship_result, tmp_path / "m.xlsx")
    wb = load_workbook(out)
    sheet = wb["Bewijsmatrix"]
    m = build_matrix(flagship_theory, flagship_result)
    assert sheet.cell(5, 1).value == f"{m.rows[0].code} {m.rows[0].label}"
    i, j = next(
        (i, j)
        for i, r in enumerate(m.rows)
        for j, c in enumerate(m.columns)
        if m.cell(r.key, c.key).state == "for"
    )
    assert sheet.cell(5 + i, 2 + j).fill.fgColor.rgb.upper().endswith(STATE_LOOK["for"][1][1:].upper())
    assert "+" in sheet.cell(5 + i, 2 + j).value
    assert wb["data"].max_row == len(m.cells) + 1


def test_hostile_labels_stay_text_in_the_matrix(tmp_path, hostile_theory):
    from beleidstheorie.reasoning.score import score

    out = render_matrix(hostile_theory, score(hostile_theory), tmp_path / "m.svg")
    root = ET.parse(out)  # parses: nothing broke the SVG
    assert not any(t.tag.endswith("script") for t in root.iter())
    assert any(HOSTILE[:20] in (t.text or "") for t in root.iter())


def test_render_matrix_on_the_command_line_writes_xlsx_and_refuses_unknown_formats(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["render", "matrix", "examples/buurtbudget", "-o", str(tmp_path / "m.xlsx")])
    assert ok.exit_code == 0, ok.output
    assert load_workbook(tmp_path / "m.xlsx").sheetnames == ["Bewijsmatrix", "Legenda", "data"]
    bad = runner.invoke(main, ["render", "matrix", "-o", str(tmp_path / "m.txt")])
    assert bad.exit_code != 0 and "m.txt" in bad.output and "Traceback" not in bad.output
