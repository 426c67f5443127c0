"""Building blocks of the graphviz diagrams: safe labels, node styles, the legend.

Every text from the data goes through :func:`dot_text` (plain labels) or
:func:`html_text` (HTML-like labels), so quotes, backslashes and ``<...>`` in a
label are drawn as written and can never break the DOT source.

>>> print(dot_text(['say "hi" \\\\ <b>', "line 2"]))
say "hi" \\\\ <b>\\nline 2
>>> html_text("<script> & co")
'&lt;script&gt; &amp; co'
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import graphviz

from beleidstheorie.reasoning.result import NodeScore
from beleidstheorie.views import grammar
from beleidstheorie.views.palette import (
    FONT,
    KIND_STYLES,
    SCORE_SCALE,
    LineStyle,
    band_bounds,
    text_colour,
)
from beleidstheorie.views.terminal import printable
from beleidstheorie.views.wording import format_score, word, wrap

LEGEND = "cluster_legend"


def dot_text(lines: Iterable[str]) -> str:
    """A DOT label showing ``lines`` literally, one per line.

    Control characters are shown as escapes (an SVG holding one would not be XML).
    """
    return graphviz.nohtml("\\n".join(graphviz.escape(printable(line)) for line in lines))


def wrapped(text: str, width: int = 28, max_lines: int | None = None) -> str:
    """A DOT label of ``text`` wrapped at ``width`` characters."""
    return dot_text(wrap(text, width, max_lines))


def html_text(text: str) -> str:
    """``text`` escaped for a graphviz HTML-like label."""
    return html.escape(printable(text), quote=True)


def new_graph(name: str, title: str) -> graphviz.Digraph:
    """A left-to-right digraph with the house style and ``title`` on top."""
    g = graphviz.Digraph(name)
    g.attr(
        rankdir="LR",
        newrank="true",
        compound="true",
        fontname=FONT,
        fontsize="18",
        label=dot_text([title]),
        labelloc="t",
        labeljust="c",
        nodesep="0.18",
        ranksep="0.9",
        pad="0.3",
        splines="spline",
        outputorder="edgesfirst",
    )
    g.attr("node", fontname=FONT, fontsize="11", margin="0.12,0.06", penwidth="1.2")
    g.attr("edge", fontname=FONT, fontsize="9", arrowsize="0.7", color="#555555")
    return g


def column_attrs(title: str) -> dict[str, str]:
    """Attributes of a column cluster with a bold header."""
    return dict(
        label=dot_text([title]),
        labelloc="t",
        fontsize="15",
        style="rounded,filled",
        fillcolor="#fafafa",
        color="#bbbbbb",
        margin="12",
    )


def kind_attrs(kind: str) -> dict[str, str]:
    """The look of a node of ``kind`` without evidence."""
    k = KIND_STYLES[kind]
    return dict(shape=k.dot_shape, style=k.dot_style, fillcolor=k.fill, color=k.border, fontcolor="#000000")


def score_attrs(kind: str, score: NodeScore) -> dict[str, str]:
    """The look of a scored node: the verdict's mark (:mod:`beleidstheorie.views.grammar`)."""
    attrs = kind_attrs(kind)
    attrs.update(grammar.dot_style(score, attrs["style"]))
    return attrs


def score_line(score: NodeScore, lang: str) -> str:
    """'✓ 0,96 [0,90–0,98] · ondersteund': the verdict line printed under a label."""
    return grammar.verdict_line(score, lang)


def node_attrs(kind: str, lines: list[str], score: NodeScore | None, lang: str) -> dict[str, str]:
    """Label and look of a node, with its verdict line when it is scored."""
    if score is None:
        return {"label": dot_text(lines), **kind_attrs(kind)}
    return {"label": dot_text([*lines, score_line(score, lang)]), **score_attrs(kind, score)}


def left_text(lines: Iterable[str]) -> str:
    """A DOT label of ``lines``, each left-justified."""
    return graphviz.nohtml("".join(graphviz.escape(line) + "\\l" for line in lines))


def edge_attrs(style: LineStyle) -> dict[str, str]:
    """Graphviz attributes of an edge drawn in ``style``."""
    attrs = dict(
        color=style.colour,
        style=style.style,
        arrowhead=style.arrowhead,
        penwidth="2.4" if style.style == "bold" else "1.3",
    )
    if style.both_ends:
        attrs.update(dir="both", arrowtail=style.arrowhead)
    return attrs


def _scale_table(round_label: str, lang: str) -> str:
    rows = [f'<TR><TD COLSPAN="2"><B>{html_text(word("score_scale", lang))}</B></TD></TR>']
    for band in reversed(range(len(SCORE_SCALE))):
        lo, hi = band_bounds(band)
        fill = SCORE_SCALE[band]
        text = f"{format_score(lo, lang)} – {format_score(hi, lang)}"
        rows.append(
            f'<TR><TD BGCOLOR="{fill}" WIDTH="28"><FONT COLOR="{text_colour(fill)}"> </FONT></TD>'
            f'<TD ALIGN="LEFT">{html_text(text)}</TD></TR>'
        )
    note = grammar.legend_word("scale_note", lang)
    rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">{html_text(note)}</TD></TR>')
    rnd = f"{word('round', lang)}: {round_label}"
    rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">{html_text(rnd)}</TD></TR>')
    return f'<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3">{"".join(rows)}</TABLE>>'


SAMPLE_SCORES = {"supported": 0.9, "indications": 0.7, "not-supported": 0.1}


def legend_sample(verdict: str) -> float:
    """The score a legend sample of ``verdict`` is drawn with (only filled verdicts show it).

    >>> legend_sample("supported"), legend_sample("insufficient")
    (0.9, 0.5)
    """
    return SAMPLE_SCORES.get(verdict, 0.5)


@dataclass(frozen=True)
class EvidenceLegend:
    """What a scored figure uses, so that its legend explains exactly that."""

    round_label: str
    verdicts: Sequence[str]
    intervals: bool = False
    fragile: bool = False
    footnotes: Sequence[str] = ()

    @classmethod
    def of(cls, round_label: str, nodes: Sequence[NodeScore], notes: grammar.Footnotes) -> EvidenceLegend:
        """The legend of a figure that draws ``nodes``, with ``notes`` as footnotes."""
        return cls(
            round_label,
            grammar.used_verdicts(nodes),
            grammar.has_intervals(nodes),
            grammar.fragile_used(nodes),
            tuple(notes.lines()),
        )


def _verdict_samples(c: graphviz.Digraph, ev: EvidenceLegend, lang: str) -> list[str]:
    names = []
    for v in ev.verdicts:
        sample = NodeScore("", "", "mechanism", "", "", legend_sample(v), 0.5, 0.0, v)
        name = f"legend/verdict/{v}"
        label = [f"{grammar.MARKS[v].glyph} {word(v, lang)}", *wrap(grammar.explain(v, lang), 30)]
        c.node(name, label=dot_text(label), **{**score_attrs("mechanism", sample), "shape": "box"})
        names.append(name)
    flags = (("interval", ev.intervals), ("fragile", ev.fragile))
    extra = [line for k, used in flags if used for line in wrap(grammar.legend_word(k, lang), 34)]
    if extra:
        c.node("legend/verdict/extra", label=left_text(extra), shape="plaintext")
        names.append("legend/verdict/extra")
    return names


def add_legend(
    g: graphviz.Digraph,
    lang: str,
    *,
    kinds: Sequence[str] = (),
    edges: Sequence[tuple[LineStyle, str]] = (),
    evidence: EvidenceLegend | None = None,
    notes: Sequence[str] = (),
) -> tuple[list[str], list[str]]:
    """Add the legend cluster; return its (left, right) node names for rank alignment.

    ``kinds`` are node kinds drawn as small sample nodes (pass only kinds the
    figure draws in their own colours), ``edges`` sample lines with their
    meaning; with ``evidence`` (the figure shows verdicts) the verdict marks
    it uses, the colour scale, the round and the engine's footnotes.
    """
    left: list[str] = []
    right: list[str] = []
    with g.subgraph(name=LEGEND) as c:
        c.attr(
            label=dot_text([word("legend", lang)]),
            labelloc="t",
            fontsize="13",
            style="rounded",
            color="#999999",
            margin="10",
        )
        c.attr("node", fontsize="10", height="0.3")
        for kind in kinds:
            name = f"legend/kind/{kind}"
            c.node(name, label=dot_text(wrap(word(f"kind_{kind}", lang), 24)), **kind_attrs(kind))
            right.append(name)
        for i, (style, meaning) in enumerate(edges):
            a, b = f"legend/edge/{i}/from", f"legend/edge/{i}/to"
            c.node(a, label="", shape="point", width="0.06", color="#999999")
            c.node(b, label=dot_text(wrap(meaning, 30)), shape="plaintext")
            c.edge(a, b, **edge_attrs(style))
            left.append(a)
            right.append(b)
        if evidence is not None:
            right += _verdict_samples(c, evidence, lang)
            if any(grammar.MARKS[v].filled for v in evidence.verdicts):
                c.node("legend/scale", label=_scale_table(evidence.round_label, lang), shape="plaintext")
                right.append("legend/scale")
            else:
                rnd = f"{word('round', lang)}: {evidence.round_label}"
                c.node("legend/round", label=dot_text([rnd]), shape="plaintext")
                right.append("legend/round")
            if evidence.footnotes:
                title = grammar.legend_word("notes", lang)
                lines = [title, *(x for f in evidence.footnotes for x in wrap(f, 40))]
                c.node("legend/footnotes", label=left_text(lines), shape="plaintext")
                right.append("legend/footnotes")
        for i, note in enumerate(notes):
            name = f"legend/note/{i}"
            c.node(name, label=dot_text(wrap(note, 30)), shape="plaintext")
            right.append(name)
        # two ranks: the starts of the sample lines, and everything else
        same_rank(c, left)
        same_rank(c, right)
    return left, right


def same_rank(g: graphviz.Digraph, names: Iterable[str]) -> None:
    """Put the nodes ``names`` (already declared anywhere) in one rank."""
    names = list(names)
    if names:
        with g.subgraph() as r:
            r.attr(rank="same")
            for name in names:
                r.node(name)


def chain(g: graphviz.Digraph, names: Sequence[str]) -> None:
    """Invisible edges that keep ``names`` in this left-to-right order."""
    for a, b in itertools.pairwise(names):
        g.edge(a, b, style="invis")
