"""An interactive, self-contained HTML view of a theory (vis-network via pyvis).

One HTML file that works offline: vis-network's JavaScript and CSS (shipped
with pyvis) are inlined, there are no requests to any server and a
Content-Security-Policy forbids them. The theory is laid out left to right in
columns (input, initiatives, mechanisms, sub-goals, main goal) with the
context factors in a band beneath, as in the report (positions from
:mod:`beleidstheorie.views.columns`); ``physics=True`` lets the nodes float
instead.

Nodes are drawn in the one grammar of verdicts (:mod:`beleidstheorie.views.grammar`).
Hovering a node shows its description, verdict (with the engine's note), score and
main evidence; clicking it (or finding it with the type-ahead search ``bt-search``)
traces its paths along the theory's edges to the main goal and back to the
initiatives that feed it, dims the rest, and opens a persistent details panel
(``bt-details``: the same facts, the quotes from the report and the contributing
initiatives with their strength). Zoom and fit buttons, a table alternative of
every node (``bt-table``, each row a keyboard-reachable button that opens the
panel) and the view in the URL hash (round, filters, focused node, the samenhang layer, the
hidden link types, the open tables; Back undoes a
step) complete the page. The first view shows the goals columns with every label at
least 10.5 px on screen, and tracing zooms to the traced part (as far as legible
text allows). The samenhang is a layer that switches off, with a counted filter per
link type; PNG (the canvas) and SVG (drawn from the current view's positions) export
the current view; the evidence matrix of the chosen round
(:func:`beleidstheorie.views.matrix.build_matrix`) and what changed since the round
before it (:func:`round_changes`) are HTML tables below the graph. A panel above
the graph has four filters that combine (a node stays when every active filter keeps it):

sub-goal (``bt-filter-subgoal``)
    the sub-goal, its mechanisms, the initiatives contributing to them (with
    the initiative a sub-line belongs to), the main goal and the inputs.
initiative (``bt-filter-initiative``)
    the initiative with its sub-lines (or the initiative it is a sub-line of),
    the initiatives it has typed links with, the mechanisms it and its
    sub-lines contribute to, their sub-goals, the main goal and the inputs.
measurement round (``bt-filter-round``)
    switches scores, colours and tooltips between the results given.
"alleen onvoldoende bewijs" (``bt-filter-insufficient``)
    the initiatives, mechanisms, sub-goals and main goal whose verdict is
    'insufficient evidence' in the chosen round, plus the sub-goal and main
    goal that each kept mechanism or sub-goal leads to, so every kept node
    still shows where it leads, and the initiatives that feed each kept
    mechanism, so the page answers whose job it is to measure it.

Every text from the data reaches the page as JSON inside a
``<script type="application/json">`` block (with ``<``, ``>`` and ``&``
escaped) and is put on screen with ``textContent``; tooltips are DOM elements,
never HTML strings.

>>> from beleidstheorie.graph.load import load_theory
>>> page = interactive_html(load_theory(EXAMPLE))
>>> "<script src" in page or "<link" in page
False
"""

from __future__ import annotations

import html
import itertools
import json
import re
from dataclasses import asdict
from importlib.resources import files
from pathlib import Path
from typing import Any

from pyvis.network import Network

from beleidstheorie.graph.load import Theory
from beleidstheorie.io.files import atomic_write
from beleidstheorie.reasoning.result import INSUFFICIENT, NodeScore, ScoreResult
from beleidstheorie.views import grammar
from beleidstheorie.views.columns import ColumnLayout, column_layout
from beleidstheorie.views.dotparts import legend_sample
from beleidstheorie.views.matrix import STATE_LOOK, build_matrix, matrix_word
from beleidstheorie.views.palette import (
    CONTRIBUTION_STYLES,
    FONT,
    KIND_STYLES,
    LINK_STYLES,
    SCORE_SCALE,
    STRUCTURE_EDGE,
    LineStyle,
    band_bounds,
    text_colour,
)
from beleidstheorie.views.structure import Node, Structure, read_structure
from beleidstheorie.views.wording import format_score, word, wrap

LEVELS = {"input": 0, "initiative": 1, "mechanism": 2, "subgoal": 3, "main_goal": 4, "context": 5}
"""The column (vis-network level) of each kind; context factors form a band beneath."""
TOP_EVIDENCE = 3
PAGE_WORDS: dict[str, tuple[str, str]] = {
    "search": ("Zoek", "Search"),
    "fit": ("Passend", "Fit"),
    "zoom_in": ("Inzoomen", "Zoom in"),
    "zoom_out": ("Uitzoomen", "Zoom out"),
    "export_png": ("Huidige weergave als PNG", "Current view as PNG"),
    "export_svg": ("Huidige weergave als SVG", "Current view as SVG"),
    "quotes": ("Uit het rapport", "From the report"),
    "contributors": ("Bijdragende initiatieven", "Contributing initiatives"),
    "close": ("Sluiten", "Close"),
    "table": (
        "Tabel met alle onderdelen (toegankelijk alternatief)",
        "Table of every item (accessible alternative)",
    ),
    "col_kind": ("Soort", "Kind"),
    "col_label": ("Onderdeel", "Item"),
    "col_verdict": ("Oordeel", "Verdict"),
    "changes": ("Wat veranderde sinds", "What changed since"),
    "col_before": ("Vorige ronde", "Previous round"),
    "col_after": ("Deze ronde", "This round"),
    "col_new": ("Nieuwe waarnemingen", "New observations"),
    "no_changes": ("Geen veranderingen.", "No changes."),
    "layer_links": ("Samenhang tussen initiatieven", "Links between initiatives"),
    "graph_label": (
        "Grafiek van de beleidstheorie: pijltjestoetsen verschuiven, + en − zoomen; "
        "de tabel onder de grafiek noemt elk onderdeel",
        "Graph of the policy theory: arrow keys pan, + and − zoom; "
        "the table below the graph lists every item",
    ),
}
"""Words of the page's own controls (nl, en)."""
UI_WORDS = (
    "filter_subgoal",
    "filter_initiative",
    "filter_round",
    "filter_insufficient",
    "all_subgoals",
    "all_initiatives",
    "no_rounds",
    "visible",
    "score",
    "evidence",
    "reference",
    "penvoerder",
    "help",
    "legend",
    "score_scale",
    "insufficient_sample",
    "stated",
    "inferred",
    "round",
)
FONT_STACK = f"{FONT}, Arial, sans-serif"


def _asset(name: str) -> str:
    return (files("beleidstheorie.views") / "assets" / name).read_text(encoding="utf-8")


def _vis_asset(name: str) -> str:
    return (files("pyvis") / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


LABEL_WIDTH = {"initiative": 34, "main_goal": 34, "context": 30}
LABEL_LINES = {"context": 4, "initiative": 3}  # the tooltip has the whole text


def _node_label(node: Node) -> str:
    text = f"{node.code} {node.label}" if node.kind == "initiative" else node.label  # type: ignore[attr-defined]
    return "\n".join(wrap(text, LABEL_WIDTH.get(node.kind, 28), LABEL_LINES.get(node.kind)))


def _base_style(node: Node) -> dict[str, Any]:
    k = KIND_STYLES[node.kind]
    return {
        "label": _node_label(node),
        "color": {
            "background": k.fill,
            "border": k.border,
            "highlight": {"background": k.fill, "border": "#000000"},
            "hover": {"background": k.fill, "border": "#000000"},
        },
        "font": {"color": "#000000", "face": FONT_STACK, "size": 16 if node.kind == "main_goal" else 13},
        "borderWidth": 3 if node.kind == "main_goal" else 1.5,
        "shapeProperties": {"borderDashes": False, "borderRadius": 8},
    }


def _score_style(node: Node, score: NodeScore, lang: str) -> dict[str, Any]:
    """The node's look in the one grammar of verdicts (:mod:`beleidstheorie.views.grammar`)."""
    style = _base_style(node)
    mark = grammar.vis_style(score)
    style["label"] = f"{style['label']}\n{grammar.verdict_line(score, lang)}"
    colours = mark["color"]
    fill, border = colours["background"], colours["border"]  # type: ignore[index]
    style["color"] = {
        "background": fill,
        "border": border,
        "highlight": {"background": fill, "border": "#000000"},
        "hover": {"background": fill, "border": "#000000"},
    }
    style["font"] = {**style["font"], **mark["font"]}  # type: ignore[dict-item]
    style["borderWidth"] = mark["borderWidth"]
    style["shapeProperties"] = {**style["shapeProperties"], **mark["shapeProperties"]}  # type: ignore[dict-item]
    return style


def _edge(style: LineStyle, meaning: str, within_column: bool = False) -> dict[str, Any]:
    arrows: dict[str, Any] = {"to": {"enabled": style.arrowhead != "none", "scaleFactor": 0.6}}
    if style.both_ends:
        arrows["from"] = {"enabled": True, "scaleFactor": 0.6}
    edge = {
        "color": {"color": style.colour, "inherit": False},
        "dashes": style.dashes,
        "width": style.width,
        "arrows": arrows,
        "meaning": meaning,
        "structural": not within_column,  # path tracing follows the theory's edges, not the samenhang
    }
    if within_column:  # links between initiatives arc beside their column
        edge["smooth"] = {"type": "curvedCW", "roundness": 0.35}
    return edge


def build_network(s: Structure, lang: str = "nl", layout: ColumnLayout | None = None) -> Network:
    """The pyvis network of a theory's structure (base style, no scores).

    With a ``layout`` every node gets its column position.

    >>> from beleidstheorie.graph.load import load_theory
    >>> net = build_network(read_structure(load_theory(EXAMPLE).store))
    >>> len(net.nodes), len(net.edges)
    (13, 14)
    """
    net = Network(directed=True, cdn_resources="in_line")
    nodes = (*s.inputs, *s.initiatives, *s.mechanisms, *s.subgoals, s.main_goal, *s.context_factors)
    for n in nodes:
        shape = KIND_STYLES[n.kind].vis_shape
        place = {}
        if layout is not None:
            place = dict(zip(("x", "y"), layout.positions[n.iri], strict=True))
        net.add_node(n.iri, shape=shape, level=LEVELS[n.kind], **place, **_base_style(n))
    edges: list[tuple[str, str, dict[str, Any]]] = []
    structure_edge = _edge(STRUCTURE_EDGE, word("structure_edge", lang))
    edges += [(i.iri, n.iri, structure_edge) for i in s.inputs for n in s.initiatives if not n.parent]
    edges += [
        (c.initiative, c.mechanism, _edge(CONTRIBUTION_STYLES[c.provenance], word(c.provenance, lang)))
        for c in s.contributions
    ]
    edges += [(m.iri, m.subgoal, structure_edge) for m in s.mechanisms]
    edges += [(sg.iri, s.main_goal.iri, structure_edge) for sg in s.subgoals]
    edges += [
        (
            k.source,
            k.target,
            {
                **_edge(
                    LINK_STYLES.get(k.type, LINK_STYLES["supports"]), word(k.type, lang), within_column=True
                ),
                "linkType": k.type,
            },
        )
        for k in s.links
    ]
    edges += [
        (
            i.iri,
            i.parent,
            {
                **_edge(LINK_STYLES["part-of"], word("part-of", lang), within_column=True),
                "linkType": "part-of",
            },
        )
        for i in s.initiatives
        if i.parent
    ]
    for k, (a, b, attrs) in enumerate(edges):
        net.add_edge(a, b, id=f"e{k}", **attrs)
    return net


# -- filters -----------------------------------------------------------------------------
def keep_for_subgoal(s: Structure, subgoal: Node) -> set[str]:
    """IRIs the sub-goal filter keeps (see the module docstring)."""
    mechs = {m.iri for m in s.mechanisms_of(subgoal)}
    inis = {c.initiative for c in s.contributions if c.mechanism in mechs}
    parents = {s.node(i).parent for i in inis} - {None}  # type: ignore[attr-defined]
    return {subgoal.iri, s.main_goal.iri, *mechs, *inis, *parents, *(i.iri for i in s.inputs)}  # type: ignore[misc]


def keep_for_initiative(s: Structure, iri: str) -> set[str]:
    """IRIs the initiative filter keeps (see the module docstring)."""
    ini = s.node(iri)
    own = [ini, *s.action_lines(ini)]  # type: ignore[arg-type]
    keep = {n.iri for n in own} | ({ini.parent} if ini.parent else set())  # type: ignore[attr-defined]
    keep |= {x for n in own for k in s.links_of(n) for x in (k.source, k.target)}  # type: ignore[arg-type]
    mechs = {c.mechanism for n in own for c in s.contributions_of(n)}  # type: ignore[arg-type]
    keep |= mechs | {s.node(m).subgoal for m in mechs}  # type: ignore[attr-defined]
    return keep | {s.main_goal.iri, *(i.iri for i in s.inputs)}


def keep_insufficient(s: Structure, result: ScoreResult) -> set[str]:
    """IRIs the 'alleen onvoldoende bewijs' filter keeps for one round."""
    scored = (result.main_goal, *result.subgoals, *result.mechanisms, *result.initiatives)
    keep = {n.id for n in scored if n.verdict == INSUFFICIENT}
    for m in s.mechanisms:
        if m.iri in keep:
            keep |= {m.subgoal, s.main_goal.iri}
    if any(sg.iri in keep for sg in s.subgoals):
        keep.add(s.main_goal.iri)
    # the initiatives that feed a kept mechanism stay: whose job is it to measure this?
    kept_mechanisms = {m.iri for m in s.mechanisms if m.iri in keep}
    keep |= {c.initiative for c in s.contributions if c.mechanism in kept_mechanisms}
    return keep


# -- data for the page -------------------------------------------------------------------
def _info(s: Structure, n: Node, lang: str) -> dict[str, str]:
    kind = "sub_line" if getattr(n, "parent", None) else n.kind
    label = f"{n.code} {n.label}" if n.kind == "initiative" else n.label  # type: ignore[attr-defined]
    return {
        "kind": word(f"kind_{kind}", lang),
        "label": label,
        "description": n.description,
        "reference": n.reference,
        "penvoerder": getattr(n, "penvoerder_label", ""),
    }


def _score_data(score: NodeScore, lang: str) -> dict[str, Any]:
    evidence = [
        {
            "indicator": e.indicator_label,
            "status": word(e.status, lang),
            "reference": e.reference,
            "quote": e.text,
        }
        for e in score.contributions[:TOP_EVIDENCE]
    ]
    return {
        "score": grammar.score_text(score, lang) or "–",
        "verdict": f"{grammar.mark_of(score).glyph} {word(score.verdict, lang)}",
        "note": grammar.note_text(score.note, lang) if score.note else "",
        "insufficient": score.verdict == INSUFFICIENT,
        "evidence": evidence,
    }


def _rounds(result: ScoreResult | None, by_round: dict[str, ScoreResult] | None) -> dict[str, ScoreResult]:
    rounds = dict(by_round or {})
    if result is not None and result.round not in rounds:
        rounds[result.round] = result
    return rounds


def _options(physics: bool) -> dict[str, Any]:
    # Without physics the nodes keep the column positions of views.columns
    # (vis' own hierarchical layout stacks unconnected context factors below
    # everything and reorders columns); with physics they float freely.
    return {
        "layout": {"hierarchical": {"enabled": False}, "randomSeed": 7},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based", "stabilization": {"iterations": 400}},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "navigationButtons": False,
            # arrows pan and +/- zoom while the graph has the keyboard focus, not elsewhere
            "keyboard": {"enabled": True, "bindToWindow": False, "autoFocus": False},
            "multiselect": False,
        },
        "nodes": {"widthConstraint": {"maximum": 330}, "margin": 10},
        "edges": {
            "smooth": {"type": "cubicBezier", "forceDirection": "horizontal", "roundness": 0.45},
            "selectionWidth": 2,
        },
    }


def page_data(
    theory: Theory,
    *,
    result: ScoreResult | None = None,
    results_by_round: dict[str, ScoreResult] | None = None,
    lang: str = "nl",
    physics: bool = False,
) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data."""
    s = read_structure(theory.store, lang)
    layout = None if physics else column_layout(s)
    net = build_network(s, lang, layout)
    rounds = _rounds(result, results_by_round)
    nodes = (*s.inputs, *s.initiatives, *s.mechanisms, *s.subgoals, s.main_goal, *s.context_factors)
    styles: dict[str, dict[str, Any]] = {}
    scores: dict[str, dict[str, Any]] = {}
    for rid, res in rounds.items():
        by_iri = {n.id: n for n in (res.main_goal, *res.subgoals, *res.mechanisms, *res.initiatives)}
        styles[rid] = {n.iri: _score_style(n, by_iri[n.iri], lang) for n in nodes if n.iri in by_iri}
        scores[rid] = {iri: _score_data(ns, lang) for iri, ns in by_iri.items()}
    kinds = ("input", "initiative", "mechanism", "subgoal", "main_goal", "context")
    if rounds:  # scored kinds take the look of their verdict: no type swatch that contradicts it
        kinds = ("input", "context")
    return {
        "lang": lang,
        "title": s.label,
        "text": {
            **{k: word(k, lang) for k in UI_WORDS},
            **{k: pair[1 if lang == "en" else 0] for k, pair in PAGE_WORDS.items()},
        },
        "nodes": net.nodes,
        "edges": net.edges,
        "options": _options(physics),
        "headers": [asdict(h) for h in layout.headers] if layout else [],
        "info": {n.iri: _info(s, n, lang) for n in nodes},
        "rounds": [{"id": rid, "label": s.round_label(rid, res.round_label)} for rid, res in rounds.items()],
        "defaultRound": result.round if result is not None else next(reversed(rounds), None),
        "styles": styles,
        "scores": scores,
        "subgoals": [{"id": sg.iri, "label": sg.label} for sg in s.subgoals],
        "initiatives": [
            {"id": i.iri, "label": f"{i.code} {i.label}", "sub": bool(i.parent)} for i in s.initiatives
        ],
        "keep": {
            "subgoal": {sg.iri: sorted(keep_for_subgoal(s, sg)) for sg in s.subgoals},
            "initiative": {i.iri: sorted(keep_for_initiative(s, i.iri)) for i in s.initiatives},
            "insufficient": {rid: sorted(keep_insufficient(s, res)) for rid, res in rounds.items()},
        },
        "contributors": _contributors(s, lang),
        "matrix": {rid: _matrix_data(theory, res, lang) for rid, res in rounds.items()},
        "changes": _changes_by_round(s, rounds, lang),
        "linkTypes": [
            {
                "type": t,
                "label": word(t, lang),
                "colour": st.colour,
                "count": sum(1 for e in net.edges if e.get("linkType") == t),
            }
            for t, st in LINK_STYLES.items()
        ],
        "legend": {
            "kinds": [
                {
                    "label": word(f"kind_{k}", lang),
                    "fill": KIND_STYLES[k].fill,
                    "border": KIND_STYLES[k].border,
                }
                for k in kinds
            ],
            "edges": [
                {
                    "label": word(p, lang),
                    "colour": CONTRIBUTION_STYLES[p].colour,
                    "dashed": bool(CONTRIBUTION_STYLES[p].dashes),
                }
                for p in ("stated", "inferred")
            ],
            "scale": [
                {
                    "colour": c,
                    "text": " – ".join(format_score(b, lang) for b in band_bounds(i)),
                    "fontColour": text_colour(c),
                }
                for i, c in enumerate(SCORE_SCALE)
            ],
            "scaleNote": grammar.legend_word("scale_note", lang),
            "verdicts": _verdict_legend(rounds, lang),
        },
    }


def round_changes(result_from: ScoreResult, result_to: ScoreResult) -> list[dict[str, Any]]:
    """What changed from one round to the next, per scored node: score and verdict, new observations.

    A function of the two rounds' results only (the same results the page shows): a node is
    listed when its score, its verdict or its evidence changed.

    >>> from beleidstheorie.graph.load import load_theory
    >>> from beleidstheorie.reasoning.score import score
    >>> r = score(load_theory(EXAMPLE))
    >>> round_changes(r, r)
    []
    """
    seen = {i.observation for i in result_from.items}
    rows = []
    for b in grammar.result_nodes(result_to):
        a = result_from.node(b.id)
        new = [i for i in result_to.items if i.node == b.id and i.observation not in seen]
        if a.verdict == b.verdict and round(a.score, 2) == round(b.score, 2) and not new:
            continue
        rows.append({"node": a, "to": b, "new": new})
    return rows


def _score_and_verdict(score: NodeScore, lang: str) -> str:
    return f"{grammar.score_text(score, lang) or '–'} · {word(score.verdict, lang)}"


def _changes_by_round(s: Structure, rounds: dict[str, ScoreResult], lang: str) -> dict[str, Any]:
    """Per round (but the first): the round before it and what changed since, as page data."""
    ids = list(rounds)
    out: dict[str, Any] = {}
    for before, now in itertools.pairwise(ids):
        out[now] = {
            "from": s.round_label(before, rounds[before].round_label),
            "rows": [
                {
                    "id": r["to"].id,
                    "label": r["to"].label if lang != "en" else r["to"].label_en,
                    "before": _score_and_verdict(r["node"], lang),
                    "after": _score_and_verdict(r["to"], lang),
                    "verdictChanged": r["node"].verdict != r["to"].verdict,
                    "new": [f"{i.indicator_label} — {word(i.status, lang)}" for i in r["new"]],
                }
                for r in round_changes(rounds[before], rounds[now])
            ],
        }
    return out


def _matrix_data(theory: Theory, result: ScoreResult, lang: str) -> dict[str, Any]:
    """The evidence matrix of one round (:func:`beleidstheorie.views.matrix.build_matrix`) as a table."""
    m = build_matrix(theory, result, lang)
    return {
        "title": f"{matrix_word('title', lang)} — {m.round_label}",
        "corner": matrix_word("initiative", lang),
        "columns": [
            {
                "label": c.label,
                "subgoal": c.subgoal,
                "verdict": grammar.verdict_line(c.score, lang) if c.score else "",
            }
            for c in m.columns
        ],
        "rows": [
            {
                "label": f"{r.code} {r.label}",
                "cells": [
                    {
                        "text": " ".join(x for x in (cell.marks(), STATE_LOOK[cell.state][0]) if x),
                        "state": matrix_word(cell.state, lang),
                        "fill": STATE_LOOK[cell.state][1],
                    }
                    for cell in (m.cell(r.key, c.key) for c in m.columns)
                ],
            }
            for r in m.rows
        ],
        "key": [matrix_word("contribution_key", lang)]
        + [f"{STATE_LOOK[st][0] or '(leeg)'}: {matrix_word(st, lang)}" for st in m.states_used()],
    }


def _contributors(s: Structure, lang: str) -> dict[str, list[dict[str, str]]]:
    """Per mechanism IRI: the initiatives contributing to it, with strength and provenance."""
    out: dict[str, list[dict[str, str]]] = {}
    for c in s.contributions:
        ini = s.node(c.initiative)
        label = f"{ini.code} {ini.label}"  # type: ignore[attr-defined]
        out.setdefault(c.mechanism, []).append(
            {
                "label": label,
                "strength": word(c.strength, lang),
                "provenance": word(f"{c.provenance}_short", lang),
            }
        )
    return out


def _verdict_legend(rounds: dict[str, ScoreResult], lang: str) -> list[dict[str, Any]]:
    """One legend row per verdict any round uses: its mark and what it means."""
    nodes = [n for res in rounds.values() for n in grammar.result_nodes(res)]
    rows = []
    for v in grammar.used_verdicts(nodes):
        sample = NodeScore("", "", "mechanism", "", "", legend_sample(v), 0.5, 0.0, v)
        style = grammar.vis_style(sample)
        rows.append(
            {
                "verdict": v,
                "label": f"{grammar.MARKS[v].glyph} {word(v, lang)}",
                "explain": grammar.explain(v, lang),
                "fill": style["color"]["background"],  # type: ignore[index]
                "border": style["color"]["border"],  # type: ignore[index]
                "dashed": bool(grammar.MARKS[v].vis_dashes),
                "double": grammar.MARKS[v].peripheries == 2,
            }
        )
    return rows


def _json_for_html(data: Any) -> str:
    """JSON that is safe inside a <script> block: no '<', '>' or '&' survive literally.

    >>> _json_for_html({"a": "</script><b>&"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def interactive_html(
    theory: Theory,
    *,
    result: ScoreResult | None = None,
    results_by_round: dict[str, ScoreResult] | None = None,
    lang: str = "nl",
    physics: bool = False,
) -> str:
    """The interactive page as one self-contained HTML text (no I/O besides package files)."""
    data = page_data(theory, result=result, results_by_round=results_by_round, lang=lang, physics=physics)
    parts = {
        "LANG": "en" if lang == "en" else "nl",
        "TITLE": html.escape(data["title"]),
        "VIS_CSS": _vis_asset("vis-network.css"),
        "PAGE_CSS": _asset("interactive.css"),
        "DATA": _json_for_html(data),
        "VIS_JS": _vis_asset("vis-network.min.js"),
        "APP_JS": _asset("interactive.js"),
    }
    # one pass, so nothing inserted is ever scanned for markers again
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _asset("interactive.html"))


def write_interactive(
    theory: Theory,
    output: Path,
    *,
    result: ScoreResult | None = None,
    results_by_round: dict[str, ScoreResult] | None = None,
    lang: str = "nl",
    physics: bool = False,
) -> Path:
    """Write the interactive page to ``output`` (one offline HTML file).

    >>> import tempfile
    >>> from beleidstheorie.graph.load import load_theory
    >>> out = write_interactive(load_theory(EXAMPLE), Path(tempfile.mkdtemp()) / "t.html")
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    output = Path(output)
    text = interactive_html(
        theory, result=result, results_by_round=results_by_round, lang=lang, physics=physics
    )
    atomic_write(output, text)
    return output
