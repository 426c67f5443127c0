"""Fixtures of the view tests: theories, results, a hostile theory, a headless Chromium page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from beleidstheorie.authoring.models import Text
from beleidstheorie.graph.generate import generate_theory
from beleidstheorie.graph.load import theory_from_model
from beleidstheorie.reasoning.score import score
from beleidstheorie.views.page import write_interactive
from beleidstheorie.views.structure import read_structure
from tests.components import require_chromium, require_dot

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = '<script>alert(1)</script> "quote" \\ back'


@pytest.fixture(scope="session", autouse=True)
def dot() -> str:
    """Every view test may draw with the real ``dot``: find it once (fail in CI when it is missing)."""
    return require_dot()


@pytest.fixture(scope="session")
def example_result(example_theory):
    return score(example_theory)


@pytest.fixture(scope="session")
def flagship_result(flagship_theory):
    return score(flagship_theory)


@pytest.fixture(scope="session")
def flagship_rounds(flagship_theory):
    return {r: score(flagship_theory, round=r) for r in ("monitor-2021", "evaluatie-2022")}


@pytest.fixture(scope="session")
def hostile_theory(example_theory):
    """The example theory with its own label and its first initiative's label set to ``HOSTILE``."""
    model = example_theory.model
    first, *rest = model.initiatives
    hostile = first.model_copy(update={"label": Text(nl=HOSTILE, en=HOSTILE)})
    label = Text(nl=HOSTILE, en=HOSTILE)
    return theory_from_model(model.model_copy(update={"label": label, "initiatives": [hostile, *rest]}))


@pytest.fixture(scope="session")
def flagship_page_file(tmp_path_factory, flagship_theory, flagship_rounds):
    out = tmp_path_factory.mktemp("html") / "flagship.html"
    return write_interactive(
        flagship_theory, out, result=flagship_rounds["evaluatie-2022"], results_by_round=flagship_rounds
    )


@pytest.fixture(scope="session")
def large_theory():
    """A generated theory of 200 initiatives and 60 mechanisms (no scores: see test_page_groups)."""
    return theory_from_model(
        generate_theory(initiatives=200, mechanisms=60, indicators_per_initiative=1, rounds=1, seed=3)
    )


@pytest.fixture(scope="session")
def large(large_theory):
    return read_structure(large_theory.store)


@pytest.fixture(scope="session")
def large_page_file(tmp_path_factory, large_theory):
    return write_interactive(large_theory, tmp_path_factory.mktemp("large") / "large.html")


@pytest.fixture(scope="session")
def hostile_page_file(tmp_path_factory, hostile_theory):
    out = tmp_path_factory.mktemp("html") / "hostile.html"
    return write_interactive(hostile_theory, out, result=score(hostile_theory))


@dataclass
class Page:
    """A browser page with everything it logged, requested and tried to show."""

    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: Path) -> None:
        """Load a local HTML file and wait until the network has drawn once."""
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("body[data-bt-ready]", timeout=20_000)

    def evaluate(self, script: str):
        return self.page.evaluate(script)


@pytest.fixture(scope="session")
def browser():
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    raw = context.new_page()
    seen = Page(raw)
    raw.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    raw.on("pageerror", lambda e: seen.errors.append(str(e)))
    raw.on("request", lambda r: seen.requests.append(r.url))

    def dismiss(dialog):
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    raw.on("dialog", dismiss)
    yield seen
    context.close()
