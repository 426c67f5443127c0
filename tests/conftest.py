"""Shared fixtures: the example theory, the flagship theory, a temporary path."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "buurtbudget"
FLAGSHIP = ROOT / "graphs" / "intensiveringsaanpak"


@pytest.fixture(scope="session")
def example_theory():
    from beleidstheorie import load_theory

    return load_theory(EXAMPLE)


@pytest.fixture(scope="session")
def flagship_theory():
    from beleidstheorie import load_theory

    return load_theory(FLAGSHIP)
