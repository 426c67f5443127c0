"""Everything the page shows, as plain JSON-ready data (:func:`page_data`)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from beleidstheorie.graph.load import Theory
from beleidstheorie.reasoning.analysis.next import Measurement, NextResult
from beleidstheorie.reasoning.network import read_network
from beleidstheorie.reasoning.result import INSUFFICIENT, NodeScore, ScoreResult
from beleidstheorie.views import grammar
from beleidstheorie.views.columns import column_layout
from beleidstheorie.views.dotparts import legend_sample
from beleidstheorie.views.next_table import sentence
from beleidstheorie.views.page.filters import keep_for_initiative, keep_for_subgoal, keep_insufficient
from beleidstheorie.views.page.groups import (
    GROUP_WORDS,
    default_grouping,
    default_mechanism_grouping,
    grouping_data,
    layout_data,
    mechanism_grouping_data,
)
from beleidstheorie.views.page.network import build_network, score_style, vis_options
from beleidstheorie.views.page.rounds import changes_by_round, matrix_data
from beleidstheorie.views.palette import (
    CONTRIBUTION_STYLES,
    KIND_STYLES,
    LINK_STYLES,
    SCORE_SCALE,
    band_bounds,
    text_colour,
)
from beleidstheorie.views.structure import Node, Structure, read_structure
from beleidstheorie.views.wording import format_score, word

TOP_EVIDENCE = 3
PAGE_WORDS: dict[str, tuple[str, str]] = {
    "search": ("Zoek", "Search"),
    "fit": ("Passend", "Fit"),
    "reset": ("Beginweergave", "Reset view"),
    "zoom_in": ("Inzoomen", "Zoom in"),
    "zoom_out": ("Uitzoomen", "Zoom out"),
    "export_png": ("Huidige weergave als PNG", "Current view as PNG"),
    "export_svg": ("Huidige weergave als SVG", "Current view as SVG"),
    "quotes": ("Uit het rapport", "From the report"),
    "next_title": ("Wat nu meten", "What to measure next"),
    "panel_evidence": (
        "Bewijs dat het meest telt, met het effect op de score",
        "Evidence that counts most, with its impact on the score",
    ),
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
    "links_table": (
        "Tabel met alle verbanden tussen initiatieven (toegankelijk alternatief)",
        "Table of every link between initiatives (accessible alternative)",
    ),
    "link_tip": ("Verband tussen initiatieven", "Link between initiatives"),
    "col_from": ("Van", "From"),
    "col_to": ("Naar", "To"),
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
    "col_impact",
)


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


def signed_impact(impact: float | None, lang: str = "nl") -> str:
    """An item's leave-one-out impact on a score, signed, three decimals ('' when not computed).

    >>> signed_impact(0.0234), signed_impact(-0.008, "en"), signed_impact(None)
    ('+0,023', '-0.008', '')
    """
    if impact is None:
        return ""
    text = f"{impact:+.3f}"
    return text if lang == "en" else text.replace(".", ",")


def _score_data(score: NodeScore, lang: str) -> dict[str, Any]:
    # the engine's ranked items (its top few); the tooltip shows the first TOP_EVIDENCE of them,
    # the details panel every one, with its impact and the report's words
    evidence = [
        {
            "indicator": e.indicator_label,
            "initiative": e.initiative_label,
            "status": word(e.status, lang),
            "reference": e.reference,
            "quote": e.text,
            "impact": signed_impact(e.impact, lang),
        }
        for e in score.contributions
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


def page_data(
    theory: Theory,
    *,
    result: ScoreResult | None = None,
    results_by_round: dict[str, ScoreResult] | None = None,
    lang: str = "nl",
    physics: bool = False,
    next_result: NextResult | None = None,
) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data.

    With ``next_result`` (:func:`beleidstheorie.reasoning.analysis.next.next_measurements` of one
    round) the details panel of each undecided node says what to measure next in that round.
    """
    s = read_structure(theory.store, lang)
    layout = None if physics else column_layout(s)
    net = build_network(s, lang, layout)
    rounds = _rounds(result, results_by_round)
    theory_network = read_network(theory.store) if rounds else None  # one read for every matrix
    nodes = (*s.inputs, *s.initiatives, *s.mechanisms, *s.subgoals, s.main_goal, *s.context_factors)
    styles: dict[str, dict[str, Any]] = {}
    scores: dict[str, dict[str, Any]] = {}
    for rid, res in rounds.items():
        by_iri = {n.id: n for n in (res.main_goal, *res.subgoals, *res.mechanisms, *res.initiatives)}
        styles[rid] = {n.iri: score_style(n, by_iri[n.iri], lang) for n in nodes if n.iri in by_iri}
        scores[rid] = {iri: _score_data(ns, lang) for iri, ns in by_iri.items()}
    kinds = ("input", "initiative", "mechanism", "subgoal", "main_goal", "context")
    if rounds:  # scored kinds take the look of their verdict: no type swatch that contradicts it
        kinds = ("input", "context")
    return {
        "lang": lang,
        "title": s.label,
        "tipEvidence": TOP_EVIDENCE,
        "text": {
            **{k: word(k, lang) for k in UI_WORDS},
            **{k: pair[1 if lang == "en" else 0] for k, pair in (*PAGE_WORDS.items(), *GROUP_WORDS.items())},
        },
        "groupings": grouping_data(s),
        "defaultGroup": default_grouping(s),
        "mechanismGroups": mechanism_grouping_data(s),
        "defaultMechanismGroup": default_mechanism_grouping(s),
        "layout": layout_data(s) if not physics else None,
        "nodes": net.nodes,
        "edges": net.edges,
        "options": vis_options(physics),
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
        "matrix": {
            rid: matrix_data(theory, res, lang, structure=s, network=theory_network)
            for rid, res in rounds.items()
        },
        "changes": changes_by_round(s, rounds, lang),
        "links": _links(s, net.edges, lang),
        "next": _next(next_result, rounds, lang),
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


def _links(s: Structure, edges: list[dict[str, Any]], lang: str) -> list[dict[str, str]]:
    """One row per samenhang edge of the page (typed links and sub-lines): its edge id, type,
    ends, the report's words and where the report says so; the links' hover text and table."""
    stated = {(k.source, k.target, k.type): k for k in s.links}
    rows = []
    for e in edges:
        kind = e.get("linkType")
        if not kind:
            continue
        tail, head = s.node(e["from"]), s.node(e["to"])
        link = stated.get((e["from"], e["to"], kind))
        rows.append(
            {
                "id": e["id"],
                "type": word(kind, lang),
                "from": f"{tail.code} {tail.label}",  # type: ignore[attr-defined]
                "to": f"{head.code} {head.label}",  # type: ignore[attr-defined]
                "quote": link.quote if link else "",
                "reference": link.reference if link else tail.reference,  # a sub-line: where it is
            }
        )
    return rows


def _next(result: NextResult | None, rounds: dict[str, ScoreResult], lang: str) -> dict[str, Any] | None:
    """Per undecided node (by IRI): the measurements that would most change its verdict, as sentences."""
    if result is None or result.round not in rounds:
        return None
    scored = rounds[result.round]
    return {
        "round": result.round,
        "byNode": {
            scored.node(step.node).id: [
                f"{sentence(step, m, lang)} — {_outcome(m, lang)}" for m in step.measurements
            ]
            for step in result.steps
            if step.measurements
        },
    }


NEXT_WORDS = {"with": ("bij progressie", "with progress"), "without": ("zonder", "without")}


def _outcome(m: Measurement, lang: str) -> str:
    """What the measurement's strongest kind of evidence would make of the verdict, either way.

    ``sentence`` names only the chance of "supported"; a measurement that can at most make a
    node "aanwijzingen" would read as worthless without the verdicts it can lead to.
    """
    o = m.outcomes[0]
    k = 1 if lang == "en" else 0
    ways = [
        f"{NEXT_WORDS[side][k]}: {grammar.MARKS[v].glyph} {word(v, lang)}"
        for side, v in (("with", o.verdict_if_progress), ("without", o.verdict_if_no_progress))
    ]
    return f"{', '.join(ways)} ({word('col_p_flip', lang)} {format_score(m.p_flip, lang)})"


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
