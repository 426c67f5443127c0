"""Find the real components the tests drive (Chromium, graphviz's ``dot``) wherever they are installed.

A missing component skips its tests on a workstation but fails them in CI (``CI=true``),
so a CI machine without a browser cannot pass by silently skipping the browser tests.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def in_ci() -> bool:
    """Whether the tests run in CI, where a missing component is an error."""
    return os.environ.get("CI", "").lower() == "true"


def missing(what: str) -> None:
    """Skip locally, fail in CI."""
    if in_ci():
        pytest.fail(f"{what} (CI=true: a missing component fails rather than skips)", pytrace=False)
    pytest.skip(what)


def playwright_chromium() -> Path | None:
    """The Chromium Playwright installed (``playwright install chromium``), if it did."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as p:
        path = Path(p.chromium.executable_path)
    return path if path.is_file() else None


def find_chromium() -> Path | None:
    """``$BELEIDSTHEORIE_CHROMIUM``, else Playwright's own Chromium, else one on ``PATH``."""
    env = os.environ.get("BELEIDSTHEORIE_CHROMIUM")
    if env:
        return Path(env) if Path(env).is_file() else None
    found = playwright_chromium()
    if found is not None:
        return found
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return Path(path)
    return None


def require_chromium() -> Path:
    """The Chromium to drive, or skip (fail in CI) saying where it was looked for."""
    path = find_chromium()
    if path is None:
        missing(
            "headless browser tests need Chromium: set BELEIDSTHEORIE_CHROMIUM, run "
            f"`playwright install chromium`, or install one of {', '.join(CHROMIUM_NAMES)} on PATH"
        )
    return path


def require_dot() -> str:
    """graphviz's ``dot`` on ``PATH``, or skip (fail in CI)."""
    path = shutil.which("dot")
    if path is None:
        missing("diagram tests need graphviz's `dot` on PATH (scripts/install-system-deps.sh installs it)")
    return path
