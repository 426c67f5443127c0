"""Doctest namespace: ``EXAMPLE`` is the path of the example theory."""

from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "buurtbudget"


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace):
    doctest_namespace["EXAMPLE"] = EXAMPLE
