"""Tables as spreadsheets: xlsx workbooks and the CSV dialects Excel opens correctly.

A :class:`Sheet` is the neutral form of one table: columns with a stable code (the
CSV and JSON name), a readable header in Dutch and English and a unit, and rows of
plain values. Numbers stay numbers: the xlsx cell holds the full precision and
shows three decimals; the ``excel-nl`` CSV writes a decimal comma, semicolons and a
UTF-8 byte-order mark, which is what Dutch-locale Excel expects.

>>> sheet = Sheet("t", (Column("id", "id", "id"), Column("score", "score", "score",
...     "unit_probability", decimals=3)), [["a", 0.5], ["b", None]])
>>> print(generate_csv(sheet), end="")
id,score
a,0.5
b,
>>> generate_csv(sheet, "excel-nl").encode("utf-8")[:3] == b"\\xef\\xbb\\xbf"
True
>>> generate_csv(sheet, "excel-nl").splitlines()[1]
'a;0,5'
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from beleidstheorie.views.cells import neutralise_cell
from beleidstheorie.views.wording import word

CSV_DIALECTS = ("rfc", "excel-nl")
MAX_SHEET_NAME = 31


@dataclass(frozen=True)
class Column:
    """One column: its stable code, its readable header (nl, en) and its unit."""

    key: str
    nl: str
    en: str
    unit: str = ""  # a word key (``unit_probability``) or ""
    decimals: int | None = None  # for numbers: the decimals shown (full precision is stored)
    width: int | None = None  # xlsx column width in characters (None: from the content)

    def header(self, lang: str = "nl") -> str:
        """The readable header with its unit, e.g. ``score (kans 0–1)``."""
        text = self.en if lang == "en" else self.nl
        return f"{text} ({word(self.unit, lang)})" if self.unit else text


@dataclass(frozen=True)
class Sheet:
    """A named table: columns and rows of plain values (str, int, float, bool or None)."""

    name: str  # a word key for the sheet's title, or the title itself
    columns: tuple[Column, ...]
    rows: list[list[Any]] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        """The stable codes of the columns."""
        return [c.key for c in self.columns]

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column code."""
        return [dict(zip(self.keys, row, strict=True)) for row in self.rows]


def col(key: str, unit: str = "", decimals: int | None = None, width: int | None = None) -> Column:
    """A column whose headers come from the ``col_<key>`` words.

    >>> col("score", "unit_probability", 3).header("en")
    'score (probability 0–1)'
    """
    return Column(key, word(f"col_{key}", "nl"), word(f"col_{key}", "en"), unit, decimals, width)


def safe_cell(value: Any) -> Any:
    """The one place a CSV cell value passes before it is written.

    Text that a spreadsheet would run as a formula is neutralised
    (:func:`~beleidstheorie.views.cells.neutralise_cell`). xlsx needs no prefix: its
    text cells are stored typed as text, which no spreadsheet evaluates.

    >>> safe_cell("=1+1"), safe_cell(-0.5)
    ("'=1+1", -0.5)
    """
    return neutralise_cell(value)


def _csv_value(value: Any, dialect: str) -> Any:
    value = safe_cell(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        text = repr(value)
        return text.replace(".", ",") if dialect == "excel-nl" else text
    return value


def generate_csv(sheet: Sheet, dialect: str = "rfc") -> str:
    """CSV text of ``sheet``, headed by the column codes; no I/O.

    ``rfc``: RFC 4180, commas, decimal points. ``excel-nl``: semicolons, decimal
    commas and a UTF-8 byte-order mark.
    """
    if dialect not in CSV_DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}; use one of {', '.join(CSV_DIALECTS)}")
    out = io.StringIO()
    delimiter = ";" if dialect == "excel-nl" else ","
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n" if dialect == "excel-nl" else "\n")
    writer.writerow(sheet.keys)
    writer.writerows([[_csv_value(v, dialect) for v in row] for row in sheet.rows])
    text = out.getvalue()
    return "\ufeff" + text if dialect == "excel-nl" else text


def _sheet_title(name: str, lang: str, taken: set[str]) -> str:
    title = word(name, lang)
    for bad in "[]:*?/\\":
        title = title.replace(bad, " ")
    title = title[:MAX_SHEET_NAME] or "Blad"
    base, n = title, 2
    while title.casefold() in taken:
        suffix = f" {n}"
        title = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        n += 1
    taken.add(title.casefold())
    return title


def _number_format(decimals: int) -> str:
    return "0" if decimals == 0 else "0." + "0" * decimals


def generate_xlsx(sheets: Sequence[Sheet], lang: str = "nl") -> bytes:
    """An xlsx workbook with one worksheet per sheet; no I/O.

    Row 1 holds the readable headers (with units) in ``lang``, frozen; numbers
    are stored at full precision and shown with the column's decimals; text is
    always stored as text, so a label that starts with ``=`` never becomes a formula.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(_sheet_title(sheet.name, lang, taken))
        first = 1
        widths = []
        for j, column in enumerate(sheet.columns, 1):
            cell = ws.cell(row=first, column=j, value=column.header(lang))
            cell.data_type = "s"
            cell.font = bold
            widths.append(len(column.header(lang)))
        for i, row in enumerate(sheet.rows, first + 1):
            for j, (column, value) in enumerate(zip(sheet.columns, row, strict=True), 1):
                if isinstance(value, float) and math.isnan(value):
                    value = None
                if isinstance(value, tuple | list):
                    value = ", ".join(str(v) for v in value)
                # a text cell is stored typed as text, so a label such as "=1+1" never runs
                cell = ws.cell(row=i, column=j, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                    widths[j - 1] = max(widths[j - 1], min(len(value), 60))
                elif isinstance(value, float) and column.decimals is not None:
                    cell.number_format = _number_format(column.decimals)
                    widths[j - 1] = max(widths[j - 1], 8)
                elif isinstance(value, int) and not isinstance(value, bool):
                    widths[j - 1] = max(widths[j - 1], len(str(value)))
        for j, column in enumerate(sheet.columns, 1):
            ws.column_dimensions[get_column_letter(j)].width = (column.width or widths[j - 1]) + 2
        ws.freeze_panes = ws.cell(row=first + 1, column=1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
