"""Print presets: a figure on A4 or A3 paper with a guaranteed minimum font size.

A figure is laid out once by ``dot``; its natural size and its smallest text
(read from dot's own JSON layout) give the scale at which it fits the paper
inside a margin. When the smallest text stays at or above :data:`MIN_FONT_PT`
at that scale, the figure is one page, centred. Otherwise the caller may split
it (the schema: one page per sub-goal, each with its title and legend); any
page that still does not fit is drawn at exactly the minimum font size and
tiled over as many sheets as it needs, so no text is ever printed smaller
than :data:`MIN_FONT_PT`.

PDF pages are real paper pages (MediaBox A4/A3) composed with pypdf; SVG gets
``width``/``height`` in millimetres, one file per page (``name-2.svg`` ...).

>>> paper_size("A4"), paper_size("A3", landscape=True)
((595.28, 841.89), (1190.55, 841.89))
>>> fit_scale((1343.3, 1628.0), paper_size("A4"))
0.4009
"""

from __future__ import annotations

import io
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import graphviz

from beleidstheorie.errors import NotFoundError, Problem, RenderError, problem
from beleidstheorie.io.files import atomic_write, os_problem

PAPERS = {"A4": (595.28, 841.89), "A3": (841.89, 1190.55)}
"""Paper sizes in PostScript points (1/72 inch), portrait."""
MARGIN_PT = 28.35  # 10 mm
MIN_FONT_PT = 7.0
"""The smallest text a printed figure may have: 7 pt, the usual floor for legible print captions."""
PT_PER_MM = 72 / 25.4


def paper_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    """(width, height) of a paper in points."""
    try:
        w, h = PAPERS[paper.upper()]
    except KeyError:
        raise NotFoundError([problem("unknown_paper", paper=repr(paper), known=", ".join(PAPERS))]) from None
    return (h, w) if landscape else (w, h)


def fit_scale(size: tuple[float, float], paper: tuple[float, float], margin: float = MARGIN_PT) -> float:
    """The scale that fits a drawing of ``size`` (pt) inside ``paper`` less the margins (never above 1)."""
    avail_w, avail_h = paper[0] - 2 * margin, paper[1] - 2 * margin
    return round(min(avail_w / size[0], avail_h / size[1], 1.0), 4)


@dataclass(frozen=True)
class Layout:
    """A graph as dot draws it: its SVG and PDF, its size and its smallest text."""

    svg: bytes = field(repr=False)
    pdf: bytes = field(repr=False)
    size: tuple[float, float]  # pt, including the pad
    min_font: float  # pt, the smallest font size of any drawn text

    def scale_for(self, paper: tuple[float, float]) -> float:
        """The fitting scale on ``paper``."""
        return fit_scale(self.size, paper)

    def fits(self, paper: tuple[float, float]) -> bool:
        """True when the figure fits ``paper`` with its smallest text at least :data:`MIN_FONT_PT`."""
        return self.min_font * self.scale_for(paper) >= MIN_FONT_PT - 1e-9


def pipe(graph: graphviz.Digraph, fmt: str) -> bytes:
    """What ``dot`` makes of ``graph`` in ``fmt``; a failing ``dot`` raises with its own message.

    The whole source is handed over at once: written line by line (``Digraph.pipe``), a
    ``dot`` that stops early (a missing plugin) leaves a broken pipe instead of its reason.
    """
    data = graph.source.encode(graph.encoding or "utf-8")
    return graphviz.pipe(graph.engine, fmt, data, quiet=True)


def dot_failed(name: str, exc: graphviz.CalledProcessError) -> Problem:
    """The problem of a run of ``dot`` that failed: its own message, on one line, after the tool's words."""
    said = (exc.stderr or b"").decode("utf-8", "replace")
    said = "; ".join(line.strip() for line in said.splitlines() if line.strip())
    return problem("dot_failed", name, cause=said or str(exc))


def _run(graph: graphviz.Digraph, fmt: str) -> bytes:
    try:
        return pipe(graph, fmt)
    except graphviz.ExecutableNotFound:
        raise RenderError([problem("dot_missing")]) from None
    except graphviz.CalledProcessError as exc:
        raise RenderError([dot_failed(graph.name or "", exc)]) from None


def layout(graph: graphviz.Digraph) -> Layout:
    """Lay ``graph`` out once and measure it."""
    data = json.loads(_run(graph, "json0"))
    default = float(data.get("fontsize", 14))
    fonts = [
        float(o.get("fontsize", default))
        for o in (*data.get("objects", []), *data.get("edges", []))
        if o.get("label") not in (None, "") and "invis" not in o.get("style", "")
    ]
    svg = _run(graph, "svg")
    match = re.search(rb'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', svg)
    if match is None:
        raise RenderError([problem("dot_no_viewbox", graph.name or "")])
    size = (float(match.group(3)), float(match.group(4)))
    return Layout(svg, _run(graph, "pdf"), size, min(fonts) if fonts else 14.0)


@dataclass(frozen=True)
class Sheet:
    """One printed sheet: a part of a layout at a scale and offset (pt, on the paper)."""

    layout: Layout
    scale: float
    dx: float  # where the drawing's top-left corner lands on the sheet
    dy: float


def sheets(lay: Layout, paper: tuple[float, float]) -> list[Sheet]:
    """The sheets that print ``lay``: one centred sheet when it fits, else tiles at the minimum font.

    >>> lay = Layout(b"", b"", (2000.0, 500.0), 10.0)
    >>> [(s.dx, s.dy) for s in sheets(lay, paper_size("A4"))][:2]
    [(28.35, 28.35), (-510.23, 28.35)]
    >>> lay.min_font * sheets(lay, paper_size("A4"))[0].scale
    7.0
    """
    avail_w, avail_h = paper[0] - 2 * MARGIN_PT, paper[1] - 2 * MARGIN_PT
    if lay.fits(paper):
        s = lay.scale_for(paper)
        dx = MARGIN_PT + (avail_w - lay.size[0] * s) / 2
        dy = MARGIN_PT + (avail_h - lay.size[1] * s) / 2
        return [Sheet(lay, s, round(dx, 2), round(dy, 2))]
    s = min(MIN_FONT_PT / lay.min_font, 1.0)
    cols = math.ceil(lay.size[0] * s / avail_w)
    rows = math.ceil(lay.size[1] * s / avail_h)
    return [
        Sheet(lay, s, round(MARGIN_PT - c * avail_w, 2), round(MARGIN_PT - r * avail_h, 2))
        for r in range(rows)
        for c in range(cols)
    ]


def compose_pdf(pages: list[Sheet], paper: tuple[float, float]) -> bytes:
    """One PDF with a paper-sized page per sheet (content outside the margins clipped)."""
    from pypdf import PdfReader, PdfWriter, Transformation

    writer = PdfWriter()
    cache: dict[int, object] = {}
    for sheet in pages:
        key = id(sheet.layout)
        if key not in cache:
            cache[key] = PdfReader(io.BytesIO(sheet.layout.pdf)).pages[0]
        src = cache[key]
        src_w, src_h = float(src.mediabox.width), float(src.mediabox.height)  # type: ignore[attr-defined]
        # dot's PDF is the SVG's drawing in points with a border of its own round it
        w, h = sheet.layout.size
        inset_x, inset_y = (src_w - w) / 2, (src_h - h) / 2
        s = sheet.scale
        page = writer.add_blank_page(width=paper[0], height=paper[1])
        # PDF y runs upwards: the drawing's top edge lands at paper height - dy
        tx = sheet.dx - inset_x * s
        ty = paper[1] - sheet.dy - (h + inset_y) * s
        page.merge_transformed_page(src, Transformation().scale(s, s).translate(tx, ty))  # type: ignore[arg-type]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def compose_svg(sheet: Sheet, paper: tuple[float, float]) -> bytes:
    """One paper-sized SVG (width and height in mm) with the sheet's part of the drawing."""
    inner = re.sub(
        rb"^<\?xml[^>]*>\s*(<!DOCTYPE[^>]*>\s*)?(<!--.*?-->\s*)*", b"", sheet.layout.svg, flags=re.S
    )
    w, h = sheet.layout.size
    half = MARGIN_PT / 2
    inner = re.sub(
        rb"<svg\b[^>]*?>",
        (
            f'<svg x="{sheet.dx:.2f}" y="{sheet.dy:.2f}" width="{w * sheet.scale:.2f}" '
            f'height="{h * sheet.scale:.2f}" viewBox="0 0 {w:.2f} {h:.2f}" '
            'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        ).encode(),
        inner,
        count=1,
    )
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{paper[0] / PT_PER_MM:.1f}mm" '
        f'height="{paper[1] / PT_PER_MM:.1f}mm" viewBox="0 0 {paper[0]:.2f} {paper[1]:.2f}">\n'
        f'<rect width="{paper[0]:.2f}" height="{paper[1]:.2f}" fill="#ffffff"/>\n'
        f'<clipPath id="bt-sheet"><rect x="{half:.2f}" y="{half:.2f}" '
        f'width="{paper[0] - 2 * half:.2f}" height="{paper[1] - 2 * half:.2f}"/></clipPath>\n'
        '<g clip-path="url(#bt-sheet)">\n'
    )
    return head.encode() + inner + b"\n</g>\n</svg>\n"


def write_on_paper(
    graphs: list[graphviz.Digraph], output: Path, paper: str, landscape: bool = False
) -> list[Path]:
    """Write ``graphs`` (one or more parts of a figure) to ``output`` on paper; return the files written.

    PDF: one file with one page per sheet. SVG: one file per sheet, the second
    and later named ``stem-2.svg`` ...
    """
    output = Path(output)
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "svg"):
        raise NotFoundError([problem("paper_formats", name=output.name)])
    size = paper_size(paper, landscape)
    pages = [sheet for g in graphs for sheet in sheets(layout(g), size)]
    try:
        if fmt == "pdf":
            atomic_write(output, compose_pdf(pages, size))
            return [output]
        written = []
        for k, sheet in enumerate(pages, start=1):
            path = output if k == 1 else output.with_name(f"{output.stem}-{k}{output.suffix}")
            atomic_write(path, compose_svg(sheet, size))
            written.append(path)
        return written
    except OSError as exc:
        raise RenderError([os_problem(str(output), exc)]) from None


def needs_split(graph: graphviz.Digraph, paper: str, landscape: bool = False) -> bool:
    """True when ``graph`` does not fit ``paper`` at the minimum font size."""
    return not layout(graph).fits(paper_size(paper, landscape))
