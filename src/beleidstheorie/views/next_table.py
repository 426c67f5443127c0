"""Table, JSON and CSV of ``beleidstheorie next``: what to measure in the next round.

>>> from beleidstheorie.reasoning.analysis.next import Measurement, NextResult, NextStep, Outcome
>>> o = Outcome("quantitative", 0.4, 0.8, 0.2, "supported", "indications", 1.0, 0.3, 0.4)
>>> m = Measurement("new-indicator", "", "", "m", "Mechanisme", "outcome", ("ini",), 1.0, 0.3, 0.4, (o,))
>>> step = NextStep("m", "Mechanisme", "mechanism", "insufficient", 0.5, True, (m,))
>>> print(sentence(step, m, "en"))  # doctest: +NORMALIZE_WHITESPACE
a realised quantitative measurement of Mechanisme (a new indicator, by ini)
would make Mechanisme supported with probability 0.40
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from beleidstheorie.reasoning.analysis.next import Measurement, NextResult, NextStep
from beleidstheorie.views.spreadsheet import Column, Sheet, generate_csv, generate_xlsx
from beleidstheorie.views.tables import _short, format_json, format_table, verdict_label

HEADERS = [
    "node",
    "verdict",
    "score",
    "rank",
    "measurement",
    "indicator",
    "observes",
    "level",
    "initiatives",
    "p_flip",
    "p_supported",
    "expected_change",
    "flipping_kinds",
]
KIND_NL = {"quantitative": "kwantitatief", "qualitative": "kwalitatief", "anecdotal": "anekdotisch"}


def sentence(step: NextStep, m: Measurement, lang: str = "nl") -> str:
    """One line an evaluator can act on."""
    who = ", ".join(m.initiatives) or ("de evaluator" if lang == "nl" else "the evaluator")
    what = (m.indicator_label or m.indicator) if m.indicator else m.observes_label
    weak = [o.evidence_kind for o in m.outcomes[1:] if o.p_flip == 0]
    if lang == "nl":
        new = "een nieuwe indicator" if not m.indicator else "bestaande indicator"
        text = (
            f"een gerealiseerde kwantitatieve meting van {what} ({new}, door {who}) maakt "
            f"{step.label} ondersteund met kans {m.p_supported:.2f}"
        )
        if weak:
            text += "; " + " of ".join(KIND_NL[k] for k in weak) + " bewijs verandert het oordeel niet"
        return text
    new = "a new indicator" if not m.indicator else "existing indicator"
    text = (
        f"a realised quantitative measurement of {what} ({new}, by {who}) would make "
        f"{step.label} supported with probability {m.p_supported:.2f}"
    )
    if weak:
        text += "; " + " or ".join(weak) + " evidence would not change the verdict"
    return text


def _rows(result: NextResult) -> list[list[Any]]:
    rows = []
    for step in result.steps:
        for rank, m in enumerate(step.measurements, start=1):
            rows.append(
                [
                    step.node,
                    step.verdict,
                    step.score,
                    rank,
                    m.kind,
                    m.indicator,
                    m.observes,
                    m.level,
                    " ".join(m.initiatives),
                    m.p_flip,
                    m.p_supported,
                    m.expected_change,
                    " ".join(m.flipping_kinds),
                ]
            )
    return rows


def next_sheet(result: NextResult) -> Sheet:
    """The candidate measurements as one sheet (CSV and xlsx), headed by stable codes."""
    return Sheet("next", tuple(Column(h, h, h) for h in HEADERS), [list(r) for r in _rows(result)])


def render_next(result: NextResult, fmt: str, lang: str = "nl", csv_dialect: str = "rfc") -> str | bytes:
    """``next`` output in table, json, csv or xlsx."""
    if fmt == "xlsx":
        return generate_xlsx([next_sheet(result)], lang)
    if fmt == "json":
        return format_json(
            {
                "round": result.round,
                "steps": [
                    {
                        **asdict(s),
                        "measurements": [
                            {**asdict(m), "flipping_kinds": list(m.flipping_kinds)} for m in s.measurements
                        ],
                    }
                    for s in result.steps
                ],
            }
        )
    if fmt == "csv":
        return generate_csv(next_sheet(result), csv_dialect)
    if not result.steps:
        return ("Alle oordelen zijn beslist." if lang == "nl" else "Every verdict is decided.") + "\n"
    parts = []
    for step in result.steps:
        robust = "" if step.robust in (None, True) else (" niet robuust" if lang == "nl" else " not robust")
        head = f"{_short(step.label)} — {verdict_label(step.verdict, lang)}{robust}"
        parts.append(f"{head}, score {step.score:.2f}")
        rows = [
            [
                rank,
                _short(
                    m.indicator_label or m.indicator or ("nieuw: " if lang == "nl" else "new: ") + m.observes
                ),
                ", ".join(m.initiatives) or "-",
                m.level,
                m.p_flip,
                m.p_supported,
                m.expected_change,
                " ".join(m.flipping_kinds) or "-",
            ]
            for rank, m in enumerate(step.measurements, start=1)
        ]
        headers = [
            "#",
            "meting" if lang == "nl" else "measurement",
            "door" if lang == "nl" else "by",
            "niveau" if lang == "nl" else "level",
            "p_flip",
            "p_supported",
            "Δ score",
            "kinds",
        ]
        parts.append(format_table(headers, rows) if rows else "  -")
        if step.measurements:
            parts.append("  " + sentence(step, step.measurements[0], lang))
        parts.append("")
    return "\n".join(parts)
