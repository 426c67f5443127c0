"""axe-core (the engine ``axe-playwright-python`` bundles) run on a page in the real Chromium."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""The rule tags of WCAG 2.1 levels A and AA, which Dutch government sites are held to."""
DISABLED_RULES: dict[str, str] = {}
"""Rules switched off, each with the reason (none: every A/AA rule runs)."""


def wcag_findings(page) -> tuple[list[str], set[str]]:
    """The WCAG 2.1 A/AA violations on the page as it is now (``rule: target``), and the rules that passed.

    The rules that passed show the engine ran at all: an injection that failed would find nothing.
    """
    options = {
        "runOnly": {"type": "tag", "values": WCAG_21_AA},
        "rules": {rule: {"enabled": False} for rule in DISABLED_RULES},
        "resultTypes": ["violations", "passes"],
    }
    response = Axe().run(page, options=options).response
    violations = [
        f"{v['id']}: {' '.join(map(str, node['target']))} — {node['failureSummary']}"
        for v in response["violations"]
        for node in v["nodes"]
    ]
    return violations, {p["id"] for p in response["passes"]}
