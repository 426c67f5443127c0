"""Regenerate the images of the README from the bundled flagship theory.

    python scripts/make_docs_images.py [OUTPUT_DIR]   (--help for usage)

Writes schema.svg, schema-evidence.svg (and a PNG of it to look at),
samenhang.svg, matrix.svg and matrix.png (the evidence matrix),
initiative-evidence.png (one initiative's sheet with its own evidence) and
interactive.png (a 1400x900 screenshot of the interactive page in headless
Chromium, with the tooltip of one mechanism open) into OUTPUT_DIR (default:
docs/images).
Uses the library API only; Chromium is taken from $BT_CHROMIUM or /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from beleidstheorie import load_theory
from beleidstheorie.reasoning.score import score
from beleidstheorie.views.diagram import render_diagram
from beleidstheorie.views.matrix import render_matrix
from beleidstheorie.views.page import write_interactive

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("BT_CHROMIUM", "/usr/bin/chromium")
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
HOVER = "meer-preventie"  # the mechanism whose tooltip the screenshot shows
SHEET = "samenwerken-kinderarmoede"  # the initiative whose sheet with evidence is shown


def screenshot(page_file: Path, output: Path) -> None:
    """A 1400x900 screenshot of the interactive page, zoomed to readable size, one tooltip open."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_file.resolve().as_uri())
        page.wait_for_selector("body[data-bt-ready]")
        iri = page.evaluate(f"btNodes.getIds().find(id => id.endsWith('/mechanism/{HOVER}'))")
        key = json.dumps(iri)
        page.evaluate(
            f"btNetwork.moveTo({{position: {{x: btNetwork.getPositions([{key}])[{key}].x + 120,"
            f" y: btNetwork.getPositions([{key}])[{key}].y}}, scale: 0.62}})"
        )
        page.wait_for_timeout(300)
        box = page.locator("#bt-graph").bounding_box()
        point = page.evaluate(f"btNetwork.canvasToDOM(btNetwork.getPositions([{key}])[{key}])")
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        page.locator("div.vis-tooltip").wait_for(state="visible")
        page.screenshot(path=str(output))
        browser.close()


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    theory = load_theory()
    rounds = {r: score(theory, round=r) for r in ("monitor-2021", "evaluatie-2022")}
    latest = rounds["evaluatie-2022"]
    render_diagram(theory, "schema", out_dir / "schema.svg")
    render_diagram(theory, "schema", out_dir / "schema-evidence.svg", result=latest)
    render_diagram(theory, "schema", out_dir / "schema-evidence.png", result=latest)
    render_diagram(theory, "samenhang", out_dir / "samenhang.svg")
    render_matrix(theory, latest, out_dir / "matrix.svg")
    render_matrix(theory, latest, out_dir / "matrix.png")
    render_diagram(theory, "initiative", out_dir / "initiative-evidence.png", result=latest, initiative=SHEET)
    with tempfile.TemporaryDirectory() as tmp:
        page = write_interactive(theory, Path(tmp) / "page.html", result=latest, results_by_round=rounds)
        screenshot(page, out_dir / "interactive.png")
    names = (
        "schema.svg",
        "schema-evidence.svg",
        "schema-evidence.png",
        "samenhang.svg",
        "matrix.svg",
        "matrix.png",
        "initiative-evidence.png",
        "interactive.png",
    )
    for name in names:
        print(out_dir / name)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line: one optional output folder."""
    parser = argparse.ArgumentParser(
        description="Regenerate the README's images from the bundled flagship theory.",
        epilog="Chromium is taken from $BT_CHROMIUM or /usr/bin/chromium; dot must be on the PATH.",
    )
    parser.add_argument(
        "output_dir",
        nargs="?",
        type=Path,
        default=ROOT / "docs" / "images",
        help="folder to write the images to (default: docs/images)",
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    main(parse_args().output_dir)
