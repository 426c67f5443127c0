"""Spreadsheets read back by an independent reader (python-calamine) hold what the JSON holds."""

from __future__ import annotations

import io
import json

import pytest
from python_calamine import CalamineWorkbook

from beleidstheorie.reasoning.coverage import coverage
from beleidstheorie.reasoning.score import score
from beleidstheorie.views.spreadsheet import Column, Sheet, generate_csv, generate_xlsx
from beleidstheorie.views.tables import render_coverage, render_score


def read_xlsx(data: bytes) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


@pytest.fixture(scope="module")
def result(example_theory):
    return score(example_theory, round="meting-2025")


def test_the_score_workbook_holds_every_score_of_the_json_at_full_precision(result):
    sheets = read_xlsx(render_score(result, "xlsx", "nl"))
    rows = sheets["Scores"]
    header, body = rows[0], rows[1:]
    assert header[:6] == ["soort", "soort", "id", "naam", "meting", "score (kans 0–1)"]
    data = json.loads(render_score(result, "json"))
    nodes = [data["main_goal"], *data["subgoals"], *data["mechanisms"]]
    by_id = {row[2]: row for row in body}
    assert set(by_id) == {n["key"] for n in nodes}
    for n in nodes:
        row = by_id[n["key"]]
        assert row[4] == "meting-2025"
        assert row[5] == pytest.approx(n["score"], abs=1e-6) and isinstance(row[5], float)
        assert row[8] == pytest.approx(n["direct_log_bf"], abs=1e-6)
        assert row[13] == n["verdict"]
        assert row[16] == n["initiatives"] and row[17] == n["indicators"]


def test_numbers_show_three_decimals_but_store_full_precision(result):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(render_score(result, "xlsx", "en")))
    sheet = book["Scores"]
    cell = sheet.cell(row=2, column=6)
    assert cell.number_format == "0.000"
    # Excel keeps 15 significant digits; openpyxl writes them all, not the 3 shown
    assert cell.value == pytest.approx(result.main_goal.score, rel=1e-14)
    assert cell.value != round(result.main_goal.score, 3)
    assert sheet.cell(row=1, column=6).value == "score (probability 0–1)"


def test_coverage_codes_become_columns_and_gaps_a_sheet(example_theory):
    cov = coverage(example_theory, "meting-2025")
    sheets = read_xlsx(render_coverage(cov, "xlsx", "en"))
    assert list(sheets) == ["Coverage", "Gaps"]
    header, *rows = sheets["Coverage"]
    data = json.loads(render_coverage(cov, "json"))
    for mech, row in zip(data["mechanisms"], rows, strict=True):
        record = dict(zip(header, row, strict=True))
        for level, n in mech["direct_indicators"]["by_level"].items():
            label = {"operationeel": "operational", "tactisch": "tactical", "strategisch": "strategic"}
            assert record[f"observing indicators: {label.get(level, level)} (count)"] == n
        for status, n in mech["delivery_indicators"]["by_status"].items():
            assert any(k.startswith("delivery indicators: ") and v == n for k, v in record.items()), status
    gaps = sheets["Gaps"]
    assert any(r[2] == "Training burenhulp" for r in gaps[1:])


def test_coverage_csv_has_one_column_per_level_and_status(example_theory):
    text = render_coverage(coverage(example_theory), "csv")
    header = text.splitlines()[0].split(",")
    assert "observing_tactisch" in header and "delivery_progressie-geboekt" in header
    assert not any(" " in h and h != "delivery_geen meting" and h != "observing_geen meting" for h in header)


def test_excel_nl_csv_uses_semicolons_decimal_commas_and_a_byte_order_mark(result):
    text = render_score(result, "csv", "nl", "excel-nl")
    assert text.startswith("\ufeffkind;kind_label;id")
    first = text.splitlines()[1].split(";")
    assert first[5] == repr(result.main_goal.score).replace(".", ",")


def test_text_that_looks_like_a_formula_stays_text():
    sheet = Sheet("t", (Column("label", "label", "label"),), [["=1+1"], ["@SUM(A1)"]])
    rows = read_xlsx(generate_xlsx([sheet]))["t"]
    assert rows == [["label"], ["=1+1"], ["@SUM(A1)"]]
    assert generate_csv(sheet).splitlines()[1:] == ["'=1+1", "'@SUM(A1)"]  # neutralised (views/cells.py)


def test_two_sheets_with_the_same_title_get_distinct_names():
    sheets = [Sheet("Blad", (Column("a", "a", "a"),), [[1]]), Sheet("Blad", (Column("a", "a", "a"),), [[2]])]
    assert list(read_xlsx(generate_xlsx(sheets))) == ["Blad", "Blad 2"]
