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
from beleidstheorie.views.wording import format_score, word

COLUMNS = (
    Column("node", "onderdeel", "node"),
    Column("verdict", "oordeel", "verdict"),
    Column("score", "score", "score", "unit_probability", 3),
    Column("rank", "rang", "rank"),
    Column("measurement", "meting", "measurement"),
    Column("indicator", "indicator", "indicator"),
    Column("observes", "neemt waar", "observes"),
    Column("level", "niveau", "level"),
    Column("initiatives", "initiatieven", "initiatives"),
    Column("p_flip", "kans op kanteling", "probability of a flip", "unit_probability", 3),
    Column("p_supported", "kans op ondersteund", "probability of supported", "unit_probability", 3),
    Column("expected_change", "verwachte verandering", "expected change", "unit_probability", 3),
    Column("flipping_kinds", "soorten bewijs die kantelen", "evidence kinds that flip"),
    # the labels beside the codes, in the chosen language
    Column("node_label", "naam", "label"),
    Column("verdict_label", "oordeel (woorden)", "verdict (words)"),
    Column("measurement_label", "soort meting", "kind of measurement"),
    Column("indicator_label", "indicator (naam)", "indicator (label)"),
    Column("level_label", "niveau (woorden)", "level (words)"),
)
"""The columns of ``next``: stable codes, then their labels in the chosen language (CSV, xlsx)."""
HEADERS = [c.key for c in COLUMNS]


def sentence(step: NextStep, m: Measurement, lang: str = "nl") -> str:
    """One line an evaluator can act on."""
    who = ", ".join(m.initiatives) or word("the_evaluator", lang)
    what = (m.indicator_label or m.indicator) if m.indicator else m.observes_label
    weak = [o.evidence_kind for o in m.outcomes[1:] if o.p_flip == 0]
    new = word("a_new_indicator" if not m.indicator else "existing-indicator", lang)
    text = word(
        "next_sentence",
        lang,
        what=what,
        new=new,
        who=who,
        label=step.label_in(lang),
        p=format_score(m.p_supported, lang),  # a decimal comma in Dutch, as everywhere else
    )
    if weak:
        kinds = f" {word('or', lang)} ".join(word(k, lang) for k in weak)
        text += word("next_weak", lang, kinds=kinds)
    return text


def _rows(result: NextResult, lang: str = "nl") -> list[list[Any]]:
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
                    step.label_in(lang),
                    verdict_label(step.verdict, lang),
                    word(m.kind, lang),
                    m.indicator_label,
                    word(m.level, lang),
                ]
            )
    return rows


def next_sheet(result: NextResult, lang: str = "nl") -> Sheet:
    """The candidate measurements as one sheet (CSV and xlsx): stable codes with their labels beside."""
    return Sheet("next", COLUMNS, [list(r) for r in _rows(result, lang)])


def render_next(result: NextResult, fmt: str, lang: str = "nl", csv_dialect: str = "rfc") -> str | bytes:
    """``next`` output in table, json, csv or xlsx."""
    if fmt == "xlsx":
        return generate_xlsx([next_sheet(result, lang)], lang)
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
        return generate_csv(next_sheet(result, lang), csv_dialect)
    if not result.steps:
        return word("all_decided", lang) + "\n"
    parts = []
    for step in result.steps:
        robust = "" if step.robust in (None, True) else f" ({word('not_robust', lang)})"
        head = f"{_short(step.label_in(lang))} — {verdict_label(step.verdict, lang)}{robust}"
        parts.append(f"{head}, score {step.score:.2f}")
        rows = [
            [
                rank,
                _short(m.indicator_label or m.indicator or word("new_prefix", lang, name=m.observes)),
                ", ".join(m.initiatives) or "-",
                word(m.level, lang),
                m.p_flip,
                m.p_supported,
                m.expected_change,
                " ".join(word(k, lang) for k in m.flipping_kinds) or "-",
            ]
            for rank, m in enumerate(step.measurements, start=1)
        ]
        headers = [
            "#",
            *(word(k, lang) for k in ("col_measurement", "col_by", "col_level", "col_p_flip")),
            *(word(k, lang) for k in ("col_p_supported", "col_delta_score", "col_flipping_kinds")),
        ]
        parts.append(format_table(headers, rows) if rows else "  -")
        if step.measurements:
            parts.append("  " + sentence(step, step.measurements[0], lang))
        parts.append("")
    return "\n".join(parts)
