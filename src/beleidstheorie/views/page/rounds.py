"""The tables below the graph that follow the chosen round: the evidence matrix and what changed."""

from __future__ import annotations

import itertools
from typing import Any

from beleidstheorie.graph.load import Theory
from beleidstheorie.reasoning.network import Network
from beleidstheorie.reasoning.result import NodeScore, ScoreResult
from beleidstheorie.views import grammar
from beleidstheorie.views.matrix import STATE_LOOK, build_matrix, matrix_word
from beleidstheorie.views.structure import Structure
from beleidstheorie.views.wording import word


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


def changes_by_round(s: Structure, rounds: dict[str, ScoreResult], lang: str) -> dict[str, Any]:
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


def matrix_data(
    theory: Theory,
    result: ScoreResult,
    lang: str,
    *,
    structure: Structure | None = None,
    network: Network | None = None,
) -> dict[str, Any]:
    """The evidence matrix of one round (:func:`beleidstheorie.views.matrix.build_matrix`) as a table.

    ``structure`` and ``network``: the theory's, when already read (as ``build_matrix`` takes them).
    """
    m = build_matrix(theory, result, lang, structure=structure, network=network)
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
