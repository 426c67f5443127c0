"""Spreadsheet cells that stay data: no formula from a label ever runs.

A spreadsheet program reads a cell that starts with ``=``, ``+``, ``-`` or
``@`` (and, in some, a tab or a carriage return) as a formula, so a label
such as ``=HYPERLINK("http://…","klik")`` in a CSV or XLSX file would become a
live link or worse when an evaluator opens it (CSV injection). Every cell
written to CSV or XLSX goes through :func:`neutralise_cell`: such text gets a
leading apostrophe, which spreadsheets show as plain text; numbers (and text
that is just a number, such as ``-0.25``) are left as they are.

>>> neutralise_cell('=HYPERLINK("http://example.org","klik")')
'\\'=HYPERLINK("http://example.org","klik")'
>>> neutralise_cell("-0.25"), neutralise_cell(-0.25), neutralise_cell("Maatwerk")
('-0.25', -0.25, 'Maatwerk')
>>> neutralise_cell("@SUM(A1)"), neutralise_cell("\\tx")
("'@SUM(A1)", "'\\tx")
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?")


def neutralise_cell(value: Any) -> Any:
    """``value`` made safe for a spreadsheet cell; non-text values are returned unchanged."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value
