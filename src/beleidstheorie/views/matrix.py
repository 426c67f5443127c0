"""The evidence matrix: initiatives × mechanisms, "which mechanisms, by whom, where is evidence missing?".

Each cell shows two things:

the contribution
    the initiative's contribution to the mechanism as the theory has it: ``●``
    stated in the report, ``○`` inferred; one to three marks for weak, moderate,
    strong.
the state of the evidence
    what this initiative's own indicators say about this mechanism in the round:

    ``for`` (+)
        informative direct evidence that the mechanism works,
    ``against`` (−)
        informative direct evidence that it does not,
    ``both`` (±)
        informative direct evidence both ways,
    ``delivery`` (L)
        only evidence that the initiative delivered (levering), none on the mechanism,
    ``unmeasured`` (?)
        indicators exist, but none has an informative measurement,
    ``none`` (∅)
        the initiative contributes, but no indicator of it bears on the
        mechanism or on its delivery: evidence is missing by design,
    ``n/a`` (blank)
        no contribution and no indicator on the mechanism.

The column headers carry each mechanism's verdict in the grammar of
:mod:`beleidstheorie.views.grammar`; rows are initiatives in number order.
The states are read from the result's evidence items and the network's
indicators: nothing is re-judged here.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.reasoning.score import score
>>> theory = load_theory(EXAMPLE)
>>> m = build_matrix(theory, score(theory))
>>> [r.code for r in m.rows], len(m.columns)
(['1', '2', '3'], 4)
>>> m.cell("buurtkamer", "laagdrempelige-ontmoeting").contribution
'stated/strong'
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import graphviz

from beleidstheorie.errors import NotFoundError, RenderError, problem
from beleidstheorie.graph.load import Theory
from beleidstheorie.io.files import atomic_write, os_problem
from beleidstheorie.reasoning.network import Network, read_network
from beleidstheorie.reasoning.result import NodeScore, ScoreResult
from beleidstheorie.views import grammar, paper
from beleidstheorie.views.dotparts import html_text, new_graph
from beleidstheorie.views.palette import text_colour
from beleidstheorie.views.structure import Structure, read_structure
from beleidstheorie.views.wording import word, wrap

STATES = ("for", "against", "both", "delivery", "unmeasured", "none", "n/a")
"""The states of a cell's evidence, strongest first."""

STATE_LOOK: dict[str, tuple[str, str]] = {
    "for": ("+", "#9ecae1"),
    "against": ("−", "#fdae6b"),
    "both": ("±", "#d4b9da"),
    "delivery": ("L", "#e0e0e0"),
    "unmeasured": ("?", "#ffffff"),
    "none": ("∅", "#ffffff"),
    "n/a": ("", "#ffffff"),
}
"""State → (glyph, fill): Okabe–Ito-derived tints, each with its own glyph, so no state rests on colour."""

STATE_WORDS: dict[str, tuple[str, str]] = {
    "for": ("eigen bewijs vóór het mechanisme", "own evidence for the mechanism"),
    "against": ("eigen bewijs tegen het mechanisme", "own evidence against the mechanism"),
    "both": ("eigen bewijs vóór én tegen", "own evidence for and against"),
    "delivery": ("alleen bewijs van levering", "delivery evidence only"),
    "unmeasured": ("indicator, maar geen bruikbare meting", "indicator, but no usable measurement"),
    "none": ("bijdrage zonder indicator", "contribution without an indicator"),
    "n/a": ("geen bijdrage, geen indicator", "no contribution, no indicator"),
}
MARKS_PER_STRENGTH = {"weak": 1, "moderate": 2, "strong": 3}
MATRIX_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Bewijsmatrix", "Evidence matrix"),
    "initiative": ("Initiatief", "Initiative"),
    "contribution": ("Bijdrage", "Contribution"),
    "evidence": ("Bewijs van dit initiatief", "Evidence from this initiative"),
    "contribution_key": (
        "● vermeld, ○ afgeleid; 1–3 tekens: zwak, matig, sterk",
        "● stated, ○ inferred; 1–3 marks: weak, moderate, strong",
    ),
    "verdict_key": (
        "kop: oordeel over het mechanisme (hele programma)",
        "header: verdict on the mechanism (programme)",
    ),
}
FORMATS = ("svg", "png", "pdf", "dot", "xlsx")


def matrix_word(key: str, lang: str = "nl") -> str:
    """A text of the matrix in ``lang``."""
    nl, en = MATRIX_WORDS.get(key) or STATE_WORDS[key]
    return en if lang == "en" else nl


@dataclass(frozen=True)
class Row:
    """An initiative (or action line) as a row."""

    key: str
    code: str
    label: str


@dataclass(frozen=True)
class Column:
    """A mechanism as a column, with its sub-goal and verdict."""

    key: str
    label: str
    subgoal: str  # the sub-goal's label
    score: NodeScore | None


@dataclass(frozen=True)
class Cell:
    """One initiative's contribution to one mechanism and the state of its evidence."""

    contribution: str  # 'stated/strong' ... or '' when none
    state: str  # one of STATES
    log_lr: float  # net weighted ln LR of its direct items (0 without)
    items: int  # informative direct items

    def marks(self) -> str:
        """'●●●' (stated, strong) .. '○' (inferred, weak), '' without a contribution.

        >>> Cell("inferred/moderate", "none", 0.0, 0).marks()
        '○○'
        """
        if not self.contribution:
            return ""
        provenance, strength = self.contribution.split("/")
        return ("●" if provenance == "stated" else "○") * MARKS_PER_STRENGTH.get(strength, 1)


@dataclass(frozen=True)
class EvidenceMatrix:
    """Rows, columns and cells of the matrix for one round."""

    title: str
    round_label: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    cells: dict[tuple[str, str], Cell]

    def cell(self, initiative: str, mechanism: str) -> Cell:
        """The cell of an initiative key and a mechanism key."""
        return self.cells[(initiative, mechanism)]

    def states_used(self) -> list[str]:
        """The states that occur, in legend order."""
        seen = {c.state for c in self.cells.values()}
        return [s for s in STATES if s in seen]


def build_matrix(
    theory: Theory,
    result: ScoreResult,
    lang: str = "nl",
    *,
    structure: Structure | None = None,
    network: Network | None = None,
) -> EvidenceMatrix:
    """The evidence matrix of a theory for the round of ``result``.

    ``structure`` (read in ``lang``) and ``network`` are the theory's, when the caller has
    read them already (the page draws a matrix per round from one read).
    """
    s = structure if structure is not None else read_structure(theory.store, lang)
    net = network if network is not None else read_network(theory.store)
    scores = {n.key: n for n in result.mechanisms}
    by_iri = {n.iri: n for n in (*s.initiatives, *s.mechanisms)}
    rows = tuple(Row(i.key, i.code, i.label) for i in sorted(s.initiatives, key=_number_order))
    columns = tuple(
        Column(m.key, m.label, sg.label, scores.get(m.key)) for sg in s.subgoals for m in s.mechanisms_of(sg)
    )
    contribution = {
        (by_iri[c.initiative].key, by_iri[c.mechanism].key): f"{c.provenance}/{c.strength}"
        for c in s.contributions
    }
    owner = [net.nodes[int(i)].id for i in net.ind_initiative]
    direct_ind: set[tuple[str, str]] = set()
    for ind, node in zip(net.tgt_indicator, net.tgt_node, strict=True):
        direct_ind.add((owner[int(ind)], net.nodes[int(node)].id))
    delivery_ind = {owner[i] for i, d in enumerate(net.ind_delivery) if d}
    signed: dict[tuple[str, str], list[float]] = {}
    delivered: set[str] = set()
    for item in result.items:
        if not item.informative:
            continue
        if item.node == item.initiative:
            delivered.add(item.initiative)
        else:
            signed.setdefault((item.initiative, item.node), []).append(item.log_lr)
    cells = {}
    for r in rows:
        for c in columns:
            key = (r.key, c.key)
            lrs = signed.get(key, [])
            contributes = contribution.get(key, "")
            state = _state(key, lrs, bool(contributes), delivered, direct_ind, delivery_ind)
            cells[key] = Cell(contributes, state, sum(lrs), len(lrs))
    return EvidenceMatrix(s.label, s.round_label(result.round, result.round_label), rows, columns, cells)


def _number_order(ini) -> tuple[int, ...]:
    return tuple(int(p) for p in ini.code.split("."))


def _state(
    key: tuple[str, str],
    lrs: list[float],
    contributes: bool,
    delivered: set[str],
    direct_ind: set[tuple[str, str]],
    delivery_ind: set[str],
) -> str:
    pos, neg = any(x > 0 for x in lrs), any(x < 0 for x in lrs)
    if pos or neg:
        return "both" if pos and neg else "for" if pos else "against"
    if key in direct_ind:
        return "unmeasured"
    if not contributes:
        return "n/a"
    if key[0] in delivered:
        return "delivery"
    if key[0] in delivery_ind:
        return "unmeasured"
    return "none"


# -- graphviz -------------------------------------------------------------------------------
def _header(col: Column, lang: str) -> str:
    lines = [html_text(x) for x in wrap(col.label, 16)]
    if col.score is None:
        return f'<TD VALIGN="BOTTOM" WIDTH="110">{"<BR/>".join(lines)}</TD>'
    fill = grammar.fill_of(col.score)
    mark = grammar.mark_of(col.score)
    font = text_colour(fill) if mark.filled else mark.text
    verdict = html_text(grammar.verdict_line(col.score, lang))
    verdict_lines = "<BR/>".join(html_text(x) for x in wrap(grammar.verdict_line(col.score, lang), 16))
    return (
        f'<TD VALIGN="BOTTOM" WIDTH="110" BGCOLOR="{fill}" TITLE="{verdict}">'
        f'<FONT COLOR="{font}">{"<BR/>".join(lines)}<BR/><I>{verdict_lines}</I></FONT></TD>'
    )


def _cell(cell: Cell) -> str:
    glyph, fill = STATE_LOOK[cell.state]
    marks = cell.marks()
    text = " ".join(x for x in (marks, f"<B>{glyph}</B>" if glyph else "") if x) or " "
    return f'<TD BGCOLOR="{fill}" HEIGHT="24">{text}</TD>'


def matrix_table(m: EvidenceMatrix, lang: str = "nl") -> str:
    """The matrix as one graphviz HTML-like table (without the legend)."""
    groups: list[tuple[str, int]] = []
    for c in m.columns:
        if groups and groups[-1][0] == c.subgoal:
            groups[-1] = (c.subgoal, groups[-1][1] + 1)
        else:
            groups.append((c.subgoal, 1))
    head = "".join(f'<TD COLSPAN="{n}"><B>{html_text(label)}</B></TD>' for label, n in groups)
    corner = html_text(matrix_word("initiative", lang))
    rows = [
        f'<TR><TD ROWSPAN="2" VALIGN="BOTTOM" ALIGN="LEFT"><B>{corner}</B></TD>{head}</TR>',
        "<TR>" + "".join(_header(c, lang) for c in m.columns) + "</TR>",
    ]
    for r in m.rows:
        label = '<BR ALIGN="LEFT"/>'.join(html_text(x) for x in wrap(f"{r.code} {r.label}", 40))
        cells = "".join(_cell(m.cell(r.key, c.key)) for c in m.columns)
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{label}</TD>{cells}</TR>')
    return f'<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">{"".join(rows)}</TABLE>>'


def _legend_table(m: EvidenceMatrix, lang: str) -> str:
    rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{html_text(word("legend", lang))}</B></TD></TR>']
    rows.append(
        f'<TR><TD COLSPAN="2" ALIGN="LEFT">{html_text(matrix_word("contribution_key", lang))}</TD></TR>'
    )
    for state in m.states_used():
        glyph, fill = STATE_LOOK[state]
        rows.append(
            f'<TR><TD BGCOLOR="{fill}" WIDTH="28"><B>{html_text(glyph) or " "}</B></TD>'
            f'<TD ALIGN="LEFT">{html_text(matrix_word(state, lang))}</TD></TR>'
        )
    nodes = [c.score for c in m.columns if c.score is not None]
    rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">{html_text(matrix_word("verdict_key", lang))}</TD></TR>')
    for v in grammar.used_verdicts(nodes):
        rows.append(
            f"<TR><TD>{html_text(grammar.MARKS[v].glyph)}</TD>"
            f'<TD ALIGN="LEFT">{html_text(word(v, lang))}: {html_text(grammar.explain(v, lang))}</TD></TR>'
        )
    for line in grammar.footnotes(nodes).lines(lang):
        rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">{html_text(line)}</TD></TR>')
    rnd = html_text(f"{word('round', lang)}: {m.round_label}")
    rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">{rnd}</TD></TR>')
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">{"".join(rows)}</TABLE>>'


def matrix_graph(m: EvidenceMatrix, lang: str = "nl") -> graphviz.Digraph:
    """The matrix and its legend as a graphviz graph (one table node, the legend beneath)."""
    g = new_graph("matrix", f"{matrix_word('title', lang)} — {m.title}")
    g.attr(rankdir="TB")
    g.node("matrix", label=matrix_table(m, lang), shape="plaintext")
    g.node("legend", label=_legend_table(m, lang), shape="plaintext")
    g.edge("matrix", "legend", style="invis")
    return g


# -- xlsx ------------------------------------------------------------------------------------
def write_matrix_xlsx(m: EvidenceMatrix, output: Path, lang: str = "nl") -> Path:
    """Write the matrix as an xlsx workbook: the matrix sheet (cells filled as in the figure) and a legend."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = matrix_word("title", lang)[:31]
    ws.cell(1, 1, m.title).font = Font(bold=True, size=13)
    ws.cell(2, 1, f"{word('round', lang)}: {m.round_label}")
    ws.cell(4, 1, matrix_word("initiative", lang)).font = Font(bold=True)
    for j, c in enumerate(m.columns, start=2):
        ws.cell(3, j, c.subgoal).alignment = Alignment(wrap_text=True, vertical="bottom")
        head = ws.cell(4, j, f"{c.label}\n{grammar.verdict_line(c.score, lang)}" if c.score else c.label)
        head.alignment = Alignment(wrap_text=True, vertical="bottom", text_rotation=0)
        head.font = Font(bold=True)
        if c.score is not None:
            fill = grammar.fill_of(c.score)[1:]
            head.fill = PatternFill("solid", fgColor=fill)
            mark = grammar.mark_of(c.score)
            head.font = Font(bold=True, color=(text_colour("#" + fill) if mark.filled else mark.text)[1:])
        ws.column_dimensions[head.column_letter].width = 18
    ws.column_dimensions["A"].width = 44
    ws.row_dimensions[4].height = 90
    for i, r in enumerate(m.rows, start=5):
        ws.cell(i, 1, f"{r.code} {r.label}")
        for j, c in enumerate(m.columns, start=2):
            cell = m.cell(r.key, c.key)
            glyph, fill = STATE_LOOK[cell.state]
            x = ws.cell(i, j, " ".join(t for t in (cell.marks(), glyph) if t) or None)
            x.fill = PatternFill("solid", fgColor=fill[1:])
            x.alignment = Alignment(horizontal="center")
            x.comment = None
    ws.freeze_panes = "B5"
    legend = wb.create_sheet(word("legend", lang)[:31])
    legend.cell(1, 1, matrix_word("contribution_key", lang))
    for k, state in enumerate(STATES, start=3):
        glyph, fill = STATE_LOOK[state]
        legend.cell(k, 1, glyph or "").fill = PatternFill("solid", fgColor=fill[1:])
        legend.cell(k, 2, matrix_word(state, lang))
    legend.column_dimensions["B"].width = 48
    data = wb.create_sheet("data")
    data.append(["initiative", "mechanism", "contribution", "state", "direct_items", "direct_log_lr"])
    for (ini, mech), cell in m.cells.items():
        data.append([ini, mech, cell.contribution, cell.state, cell.items, round(cell.log_lr, 6)])
    buffer = BytesIO()
    wb.save(buffer)
    try:
        atomic_write(output, buffer.getvalue())
    except OSError as exc:
        raise RenderError([os_problem(str(output), exc)]) from None
    return output


def render_matrix(
    theory: Theory,
    result: ScoreResult,
    output: Path,
    lang: str = "nl",
    paper_name: str | None = None,
    landscape: bool = False,
) -> Path:
    """Write the evidence matrix; the suffix picks the format (.svg .png .pdf .dot .xlsx).

    With ``paper_name`` (A4, A3; .pdf or .svg) it is fitted to that paper, tiled
    when its text would otherwise fall below the minimum font size.

    >>> import tempfile
    >>> from beleidstheorie.graph.load import load_theory
    >>> from beleidstheorie.reasoning.score import score
    >>> theory = load_theory(EXAMPLE)
    >>> out = render_matrix(theory, score(theory), Path(tempfile.mkdtemp()) / "m.svg")
    >>> "Bewijsmatrix" in out.read_text()
    True
    """
    output = Path(output)
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise NotFoundError([problem("cannot_write", name=output.name, known="." + ", .".join(FORMATS))])
    m = build_matrix(theory, result, lang)
    if fmt == "xlsx":
        return write_matrix_xlsx(m, output, lang)
    graph = matrix_graph(m, lang)
    if paper_name is not None:
        paper.write_on_paper([graph], output, paper_name.upper(), landscape)
        return output
    try:
        data = graph.source.encode("utf-8") if fmt == "dot" else paper.pipe(graph, fmt)
        atomic_write(output, data)
    except graphviz.ExecutableNotFound:
        raise RenderError([problem("dot_missing")]) from None
    except graphviz.CalledProcessError as exc:
        raise RenderError([paper.dot_failed(str(output), exc)]) from None
    except OSError as exc:
        raise RenderError([os_problem(str(output), exc)]) from None
    return output
