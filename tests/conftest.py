"""Shared fixtures: the example theory, the flagship theory, a temporary path."""

from __future__ import annotations

import os
import shutil
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
    # The process that makes it (xdist's workers inherit the variable) removes it at the end.
    if "BELEIDSTHEORIE_CACHE_DIR" not in os.environ:
        config._beleidstheorie_cache = tempfile.mkdtemp(prefix="beleidstheorie-cache-")
        os.environ["BELEIDSTHEORIE_CACHE_DIR"] = config._beleidstheorie_cache


def pytest_unconfigure(config):
    made = getattr(config, "_beleidstheorie_cache", None)
    if made is not None:
        shutil.rmtree(made, ignore_errors=True)
        os.environ.pop("BELEIDSTHEORIE_CACHE_DIR", None)


@pytest.fixture(scope="session")
def example_theory():
    from beleidstheorie import load_theory

    return load_theory(EXAMPLE)


@pytest.fixture(scope="session")
def flagship_theory():
    from beleidstheorie import load_theory

    return load_theory(FLAGSHIP)
