"""Shared fixtures: the example theory, the flagship theory, a temporary path."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "buurtbudget"
FLAGSHIP = ROOT / "graphs" / "intensiveringsaanpak"


def pytest_configure(config):
    # The content-hash cache of YAML theories goes to a private directory per test run,
    # so the tests neither read nor fill a user's cache.
    if "BELEIDSTHEORIE_CACHE_DIR" not in os.environ:
        os.environ["BELEIDSTHEORIE_CACHE_DIR"] = tempfile.mkdtemp(prefix="beleidstheorie-cache-")


@pytest.fixture(scope="session")
def example_theory():
    from beleidstheorie import load_theory

    return load_theory(EXAMPLE)


@pytest.fixture(scope="session")
def flagship_theory():
    from beleidstheorie import load_theory

    return load_theory(FLAGSHIP)
