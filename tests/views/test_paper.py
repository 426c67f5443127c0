"""Print presets: the paper size of the pages and the smallest text on them, read from the files."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from beleidstheorie.cli import main
from beleidstheorie.views.diagram import diagram_pages, render_diagram
from beleidstheorie.views.paper import MIN_FONT_PT, PAPERS, layout, paper_size

SVG = "{http://www.w3.org/2000/svg}"


def pdf_font_sizes(path) -> list[float]:
    """The printed size (pt) of every piece of text on every page of a PDF."""
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            # the text's vertical scale: (tm x cm) applied to the unit y vector
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            sizes.append(size * math.hypot(c, d))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def svg_font_sizes(path) -> list[float]:
    """The printed size (pt) of every text in a paper SVG: font-size times the nested drawing's scale."""
    root = ET.parse(path).getroot()
    inner = root.find(f".//{SVG}svg")
    scale = float(inner.get("width")) / float(inner.get("viewBox").split()[2])
    return [float(t.get("font-size")) * scale for t in inner.iter(f"{SVG}text") if (t.text or "").strip()]


@pytest.mark.parametrize(
    ("kind", "paper", "landscape"),
    [("schema", "A4", False), ("schema", "A3", True), ("samenhang", "A4", False), ("initiative", "A4", True)],
)
def test_every_pdf_page_has_the_paper_size_and_no_text_below_the_minimum(
    tmp_path, flagship_theory, flagship_result, kind, paper, landscape
):
    out = tmp_path / "p.pdf"
    render_diagram(
        flagship_theory,
        kind,
        out,
        result=flagship_result,
        initiative="schuldenlabnl",
        paper_name=paper,
        landscape=landscape,
    )
    want = paper_size(paper, landscape)
    pages = PdfReader(out).pages
    assert pages
    for page in pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(want, abs=0.5)
    sizes = pdf_font_sizes(out)
    assert sizes and min(sizes) >= MIN_FONT_PT - 0.01


def test_the_flagship_schema_on_a4_is_split_per_subgoal_with_a_title_and_legend_on_each(
    flagship_theory, flagship_result
):
    pages = diagram_pages(flagship_theory, "schema", "A4", result=flagship_result)
    subgoals = flagship_result.subgoals
    assert len(pages) == len(subgoals) + 1  # one per sub-goal, and the context band
    for k, (graph, sg) in enumerate(zip(pages, subgoals, strict=False), start=1):
        assert f"Subdoel {k}: {sg.label}" in graph.source
        assert "cluster_legend" in graph.source


def test_a_figure_that_fits_is_one_page_scaled_no_smaller_than_the_minimum(tmp_path, example_theory):
    out = tmp_path / "s.svg"
    render_diagram(example_theory, "schema", out, paper_name="A3", landscape=True)
    root = ET.parse(out).getroot()
    assert (root.get("width"), root.get("height")) == ("420.0mm", "297.0mm")
    assert not list(tmp_path.glob("s-*.svg"))
    assert min(svg_font_sizes(out)) >= MIN_FONT_PT - 0.01


def test_svg_tiles_are_separate_files_each_a_page_with_the_minimum_font(tmp_path, flagship_theory):
    out = tmp_path / "s.svg"
    render_diagram(flagship_theory, "samenhang", out, paper_name="A4")
    files = [out, *sorted(tmp_path.glob("s-*.svg"))]
    for f in files:
        root = ET.parse(f).getroot()
        assert (root.get("width"), root.get("height")) == ("210.0mm", "297.0mm")
        assert min(svg_font_sizes(f)) >= MIN_FONT_PT - 0.01


def test_the_layout_measures_the_smallest_font_dot_draws(flagship_theory):
    from beleidstheorie.views.diagram import build_diagram

    graph = build_diagram(flagship_theory, "initiative", initiative="schuldenlabnl")
    sizes = {float(x) for x in re.findall(r'fontsize="?([\d.]+)', graph.source)}
    assert layout(graph).min_font == min(sizes)


def test_paper_on_the_command_line_and_its_errors(tmp_path):
    runner = CliRunner()
    example = ["examples/buurtbudget"]
    m = str(tmp_path / "m.pdf")
    ok = runner.invoke(main, ["render", "matrix", *example, "--paper", "a4", "--landscape", "-o", m])
    assert ok.exit_code == 0, ok.output
    page = PdfReader(m).pages[0]
    size = (float(page.mediabox.width), float(page.mediabox.height))
    assert size == pytest.approx(PAPERS["A4"][::-1], abs=0.5)
    png = runner.invoke(
        main, ["--lang", "en", "render", "schema", *example, "--paper", "A4", "-o", str(tmp_path / "s.png")]
    )
    assert png.exit_code != 0 and ".pdf or .svg" in png.output and "Traceback" not in png.output
    lone = runner.invoke(main, ["render", "schema", *example, "--landscape", "-o", str(tmp_path / "s.pdf")])
    assert lone.exit_code != 0 and "--paper" in lone.output
