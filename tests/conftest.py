"""Shared fixtures: the example theory, the flagship theory, a temporary path."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

# Hypothesis keeps its examples outside the repository: under the temp dir on a workstation
# (failures replay across runs), nowhere in CI (every run starts clean).
settings.register_profile(
    "local",
    database=DirectoryBasedExampleDatabase(str(Path(tempfile.gettempdir()) / "beleidstheorie-hypothesis")),
)
settings.register_profile("ci", database=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "local")

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
