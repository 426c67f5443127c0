"""Text tables, JSON, CSV and xlsx of scores, coverage, explanations, comparisons, sensitivity.

Every ``render_*`` function takes a result object and returns text (or the bytes of
an xlsx workbook); none does I/O. Each builds its :class:`~.spreadsheet.Sheet`
once, so CSV and xlsx always hold the same rows. In CSV and JSON the values are
stable codes (``mechanism``, ``supported``) with a ``*_label`` column beside them
in the chosen language; in the text table and the xlsx headers every word follows
``lang``.

>>> print(format_table(["a", "bb"], [["x", 1.5], ["yy", None]]))
a   bb
--  -----
x   1.500
yy  -
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from beleidstheorie.reasoning.network import LEVELS, STATUSES
from beleidstheorie.reasoning.result import NodeScore, ScoreResult
from beleidstheorie.views.coding_table import coding_json, coding_sheet, coding_text
from beleidstheorie.views.spreadsheet import Column, Sheet, col, generate_csv, generate_xlsx
from beleidstheorie.views.wording import word

if TYPE_CHECKING:  # annotations only: a score's table imports none of these five modules
    from beleidstheorie.reasoning.analysis.coding import CodingResult
    from beleidstheorie.reasoning.compare import Comparison
    from beleidstheorie.reasoning.coverage import CoverageResult
    from beleidstheorie.reasoning.explain import Explanation
    from beleidstheorie.reasoning.sensitivity import SensitivityResult

NOTES = {
    "nl": {
        "no-initiative": "geen initiatief richt zich op dit mechanisme",
        "delivery-only": "initiatieven leveren, maar geen indicator neemt het mechanisme zelf waar",
        "weak-direct-evidence": "het directe bewijs voor dit onderdeel is te zwak voor een oordeel",
        "no-usable-evidence": "geen bruikbaar bewijs bereikt dit mechanisme",
        "direct-not-yet-measured": (
            "indicatoren nemen dit onderdeel waar, maar geen heeft al een bruikbare meting"
        ),
        "upstream-only": "wat dit doel voedt heeft bewijs, maar geen indicator neemt het doel zelf waar",
        "evidence-cancels": "het directe bewijs voor en tegen dit onderdeel heft elkaar op",
        "minority": (
            "het oordeel rust op een minderheid van de initiatieven die zich op dit onderdeel richten"
        ),
    },
    "en": {
        "no-initiative": "no initiative targets this mechanism",
        "delivery-only": "initiatives deliver, but no indicator observes this mechanism directly",
        "weak-direct-evidence": "the direct evidence on this node is too weak to judge",
        "no-usable-evidence": "no usable evidence reaches this mechanism",
        "direct-not-yet-measured": "indicators observe this node, but none has a usable measurement yet",
        "upstream-only": "what feeds this goal carries evidence, but no indicator observes the goal itself",
        "evidence-cancels": "the direct evidence for and against this node cancels out",
        "minority": "the verdict rests on a minority of the initiatives that target the node",
    },
}
MAX_LABEL = 60
LEVEL_ABBR = {"operationeel": "op", "tactisch": "ta", "strategisch": "st", "outcome": "ou"}
STATUS_ABBR = {
    "progressie-geboekt": "+",
    "geen-progressie": "−",
    "nog-niet-bekend": "?",
    "niet-meetbaar": "×",
    "geen meting": "∅",
}
NO_MEASUREMENT = "geen meting"
# coverage's reasons (reasoning.coverage) as stable codes
REASON_CODES = {
    "no indicators": "no-indicators",
    "no observation with (no) progress and evidence": "no-usable-observation",
}
TableOutput = str | bytes


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        text = f"{value:.3f}"
        return "0.000" if text == "-0.000" else text
    return str(value)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table with left-aligned columns; numbers with three decimals."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(h), 2) for h in headers]  # a rule under a column is at least two dashes
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def format_csv(headers: Sequence[str], rows: Sequence[Sequence[Any]], dialect: str = "rfc") -> str:
    """CSV text of ``rows`` under ``headers`` (``rfc`` or ``excel-nl``).

    >>> format_csv(["a", "b"], [[1, 0.25]], "excel-nl")[1:]
    'a;b\\r\\n1;0,25\\r\\n'
    """
    columns = tuple(Column(h, h, h) for h in headers)
    return generate_csv(Sheet("rows", columns, [list(r) for r in rows]), dialect)


def format_json(data: Any) -> str:
    """Indented JSON with Unicode kept."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def verdict_label(code: str, lang: str = "nl") -> str:
    """The words for a verdict code in ``lang`` (old and v2 vocabularies).

    >>> verdict_label("supported"), verdict_label("insufficient", "en")
    ('ondersteund', 'insufficient evidence')
    """
    return word(code, lang)


def kind_label(kind: str, lang: str = "nl") -> str:
    """The words for a node kind (``mechanism``, ``subgoal``, ``main_goal``, ``initiative``).

    >>> kind_label("main_goal"), kind_label("subgoal", "en")
    ('Hoofddoel', 'Sub-goal')
    """
    return word(f"kind_{kind}", lang)


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def note_text(code: str, lang: str = "nl") -> str:
    """The sentence for a note code in ``lang``."""
    return NOTES["en" if lang == "en" else "nl"].get(code, code)


def _levels(by_level: dict[str, int]) -> str:
    return " ".join(f"{LEVEL_ABBR.get(k, k)}{v}" for k, v in by_level.items() if v) or "-"


def _statuses(by_status: dict[str, int]) -> str:
    return " ".join(f"{STATUS_ABBR.get(k, k)}{v}" for k, v in by_status.items() if v) or "-"


def _emit(
    fmt: str,
    sheets: Callable[[], list[Sheet]],
    data: Callable[[], Any],
    text: Callable[[], str],
    lang: str,
    csv_dialect: str,
) -> TableOutput:
    if fmt == "json":
        return format_json(data())
    if fmt == "csv":
        return generate_csv(sheets()[0], csv_dialect)
    if fmt == "xlsx":
        return generate_xlsx(sheets(), lang)
    if fmt != "table":
        raise ValueError(f"unknown table format {fmt!r}")
    return text()


# -- score -------------------------------------------------------------------------
SCORE_COLUMNS = (
    col("kind"),
    Column("kind_label", word("col_kind"), word("col_kind", "en")),
    col("id"),
    col("label"),
    col("round"),
    col("score", "unit_probability", 3),
    col("prior", "unit_probability", 3),
    col("evidence_weight", "unit_ln", 3),
    col("direct_log_bf", "unit_ln", 3),
    col("coverage_informative", "unit_count"),
    col("coverage_targeted", "unit_count"),
    col("interval_low", "unit_probability", 3),
    col("interval_high", "unit_probability", 3),
    col("verdict"),
    Column("verdict_label", word("col_verdict"), word("col_verdict", "en")),
    col("subgoal"),
    col("initiatives", "unit_count"),
    col("indicators_with_evidence", "unit_count"),
    col("direct_indicators_with_evidence", "unit_count"),
    *(
        Column(f"indicators_{lv}", f"met bewijs: {lv}", f"with evidence: {word(lv, 'en')}", "unit_count")
        for lv in LEVELS
    ),
    col("note"),
    Column("note_text", word("col_note"), word("col_note", "en")),
)
_SCORE_HANDLED = {
    "id",
    "key",
    "kind",
    "label",
    "label_en",
    "score",
    "prior",
    "evidence_weight",
    "direct_log_bf",
    "verdict",
    "subgoal",
    "initiatives",
    "indicators",
    "direct_indicators",
    "indicators_by_level",
    "contributions",
    "note",
    "coverage",
    "interval",
}


def _extra_fields(node: NodeScore) -> list[str]:
    """Scalar fields of the node not yet given a column: new result fields slot in here."""
    return [
        f.name
        for f in dataclasses.fields(node)
        if f.name not in _SCORE_HANDLED and isinstance(getattr(node, f.name), int | float | str)
    ]


def _score_nodes(result: ScoreResult) -> list[tuple[NodeScore, NodeScore | None]]:
    nodes: list[tuple[NodeScore, NodeScore | None]] = [(result.main_goal, None)]
    for sg in result.subgoals:
        nodes.append((sg, None))
        nodes += [(m, sg) for m in result.mechanisms_of(sg)]
    return nodes


def score_sheet(result: ScoreResult, lang: str = "nl") -> Sheet:
    """One row per node: main goal, then each sub-goal followed by its mechanisms."""
    nodes = _score_nodes(result)
    extra = _extra_fields(result.main_goal)
    columns = (*SCORE_COLUMNS, *(col(name, decimals=3) for name in extra))
    rows = []
    for n, parent in nodes:
        rows.append(
            [
                n.kind,
                kind_label(n.kind, lang),
                n.key,
                n.label_in(lang),
                result.round,
                n.score,
                n.prior,
                n.evidence_weight,
                n.direct_log_bf,
                n.coverage.informative,
                n.coverage.targeted,
                n.interval[0] if n.interval is not None else None,
                n.interval[1] if n.interval is not None else None,
                n.verdict,
                verdict_label(n.verdict, lang),
                parent.key if parent else None,
                n.initiatives,
                n.indicators,
                n.direct_indicators,
                *(n.indicators_by_level.get(lv, 0) for lv in LEVELS),
                n.note or None,
                note_text(n.note, lang) if n.note else None,
                *(getattr(n, name) for name in extra),
            ]
        )
    return Sheet("sheet_score", columns, rows)


def score_with_interval(n: NodeScore) -> str:
    """``0.74 [0.61–0.83]``: the score and its range over the parameter ranges.

    >>> from beleidstheorie.reasoning.result import NodeScore
    >>> score_with_interval(NodeScore("i", "k", "mechanism", "l", "", 0.7412, 0.3, 1.0, "supported",
    ...     interval=(0.612, 0.834)))
    '0.74 [0.61–0.83]'
    """
    if n.interval is None:
        return f"{n.score:.2f}"
    return f"{n.score:.2f} [{n.interval[0]:.2f}–{n.interval[1]:.2f}]"


def score_rows(result: ScoreResult, lang: str = "nl") -> list[list[Any]]:
    """The rows of :func:`score_sheet` (kept for callers of v1)."""
    return score_sheet(result, lang).rows


def score_table(result: ScoreResult, lang: str = "nl") -> str:
    """The score table an evaluator reads, grouped by sub-goal."""
    head = f"{result.theory_label} — {result.round_label_in(lang)} (config v{result.config_version})"
    headers = [
        "",
        word("col_label", lang),
        word("col_score", lang),
        word("col_prior", lang),
        "ln BF",
        word("col_verdict", lang),
        "dekking" if lang == "nl" else "coverage",
        "ini",
        "ind. bewijs (direct)" if lang == "nl" else "ind. evidence (direct)",
        word("col_levels", lang),
    ]

    def row(marker: str, n: NodeScore) -> list[Any]:
        return [
            marker,
            _short(n.label_in(lang)),
            score_with_interval(n),
            n.prior,
            n.direct_log_bf,
            verdict_label(n.verdict, lang) + ("" if n.robust in (None, True) else " *"),
            f"{n.coverage.informative}/{n.coverage.targeted}",
            n.initiatives,
            f"{n.indicators} ({n.direct_indicators})",
            _levels(n.indicators_by_level),
        ]

    rows = [row("■", result.main_goal)]
    for sg in result.subgoals:
        rows.append(row("▶", sg))
        rows += [row("  •", m) for m in result.mechanisms_of(sg)]
    nodes = (result.main_goal, *result.subgoals, *result.mechanisms)
    notes = [f"  {_short(m.label_in(lang))}: {note_text(m.note, lang)}" for m in nodes if m.note]
    text = head + "\n\n" + format_table(headers, rows)
    goals = (result.main_goal, *result.subgoals)
    words = ("bereikt", "eigen paden", "rivaal") if lang == "nl" else ("reached", "own paths", "rival")
    contribution = [
        f"  {_short(g.label_in(lang))}: P({words[0]}) {g.score:.3f}, P({words[1]}) {g.p_contribution:.3f}"
        + (f", P({words[2]}) {g.p_rival:.3f}" if g.p_rival is not None else "")
        for g in goals
        if g.p_contribution is not None
    ]
    if contribution:
        text += "\n\n" + ("Bijdrage:" if lang == "nl" else "Contribution:") + "\n" + "\n".join(contribution)
    if any(m.interval is not None for m in nodes):
        text += "\n\n" + (
            "score [laag–hoog]: bereik over de plausibele parameterwaarden, samen gevarieerd; "
            "* = oordeel niet robuust over dat bereik"
            if lang == "nl"
            else "score [low–high]: range over the plausible parameter values, varied jointly; "
            "* = verdict not robust over that range"
        )
    if notes:
        text += "\n\n" + word("notes", lang) + ":\n" + "\n".join(notes)
    return text + "\n"


def render_score(result: ScoreResult, fmt: str, lang: str = "nl", csv_dialect: str = "rfc") -> TableOutput:
    """``score`` output in table, json, csv or xlsx."""
    return _emit(
        fmt,
        lambda: [score_sheet(result, lang)],
        result.to_dict,
        lambda: score_table(result, lang),
        lang,
        csv_dialect,
    )


# -- coverage ----------------------------------------------------------------------
def _tally_columns(prefix: str, nl: str, en: str) -> list[Column]:
    columns = [Column(f"{prefix}_indicators", nl, en, "unit_count")]
    columns += [
        Column(f"{prefix}_{lv}", f"{nl}: {lv}", f"{en}: {word(lv, 'en')}", "unit_count") for lv in LEVELS
    ]
    columns += [
        Column(f"{prefix}_{st}", f"{nl}: {word(st)}", f"{en}: {word(st, 'en')}", "unit_count")
        for st in (*STATUSES, NO_MEASUREMENT)
    ]
    return columns


COVERAGE_COLUMNS = (
    Column("mechanism", "mechanisme (id)", "mechanism (id)"),
    Column("mechanism_label", "mechanisme", "mechanism"),
    col("round"),
    Column("subgoal_label", "subdoel", "sub-goal"),
    col("initiatives_stated", "unit_count"),
    col("initiatives_inferred", "unit_count"),
    *_tally_columns("observing", "waarnemende indicatoren", "observing indicators"),
    *_tally_columns("delivery", "leveringsindicatoren", "delivery indicators"),
)
GAP_COLUMNS = (
    col("gap"),
    Column("gap_label", word("col_gap"), word("col_gap", "en")),
    col("label"),
    col("reason"),
    Column("reason_label", word("col_reason"), word("col_reason", "en")),
)


def _tally_values(tally) -> list[int]:
    return [
        tally.total,
        *(tally.by_level.get(lv, 0) for lv in LEVELS),
        *(tally.by_status.get(st, 0) for st in (*STATUSES, NO_MEASUREMENT)),
    ]


def coverage_sheets(cov: CoverageResult, lang: str = "nl") -> list[Sheet]:
    """The tally per mechanism (every count its own column) and the gaps."""
    rows = [
        [
            m.key,
            m.label_en if lang == "en" and m.label_en else m.label,
            cov.round,
            m.subgoal_en if lang == "en" else m.subgoal,
            len(m.stated),
            len(m.inferred),
            *_tally_values(m.direct_indicators),
            *_tally_values(m.delivery_indicators),
        ]
        for m in cov.mechanisms
    ]
    gaps = []
    for key, values in _gaps(cov).items():
        for v in values:
            if isinstance(v, dict):
                code = REASON_CODES.get(v["reason"], v["reason"])
                gaps.append([key, word(key, lang), v["label"], code, word(code, lang)])
            else:
                gaps.append([key, word(key, lang), v, None, None])
    return [Sheet("sheet_coverage", COVERAGE_COLUMNS, rows), Sheet("sheet_gaps", GAP_COLUMNS, gaps)]


def _gaps(cov: CoverageResult) -> dict[str, list]:
    return {
        "untargeted_mechanisms": list(cov.untargeted_mechanisms),
        "unobserved_mechanisms": list(cov.unobserved_mechanisms),
        "initiatives_without_evidence": [
            {"id": i.id, "label": i.label, "reason": i.reason} for i in cov.initiatives_without_evidence
        ],
        "unmeasurable_indicators": list(cov.unmeasurable_indicators),
        "no_evidence_by_rule": [
            {
                "indicator": g.indicator,
                "label": g.indicator_label,
                "initiative": g.initiative_label,
                "node": g.node,
                "rule": g.rule,
                "reason": g.reason,
            }
            for g in cov.no_evidence_by_rule
        ],
    }


def _coverage_json(cov: CoverageResult) -> dict[str, Any]:
    mechs = []
    for m in cov.mechanisms:
        mechs.append(
            {
                "id": m.id,
                "label": m.label,
                "subgoal": m.subgoal,
                "initiatives": {"stated": list(m.stated), "inferred": list(m.inferred)},
                "direct_indicators": {
                    "by_level": m.direct_indicators.by_level,
                    "by_status": m.direct_indicators.by_status,
                },
                "delivery_indicators": {
                    "by_level": m.delivery_indicators.by_level,
                    "by_status": m.delivery_indicators.by_status,
                },
            }
        )
    return {"round": cov.round, "mechanisms": mechs, "gaps": _gaps(cov)}


def _coverage_text(cov: CoverageResult, lang: str) -> str:
    rows = [
        [
            m.label_en if lang == "en" and m.label_en else m.label,
            m.subgoal_en if lang == "en" else m.subgoal,
            len(m.stated),
            len(m.inferred),
            m.direct_indicators.total,
            _levels(m.direct_indicators.by_level),
            _statuses(m.direct_indicators.by_status),
            m.delivery_indicators.total,
            _levels(m.delivery_indicators.by_level),
            _statuses(m.delivery_indicators.by_status),
        ]
        for m in cov.mechanisms
    ]
    if lang == "en":
        headers = ["mechanism", "sub-goal", "stated", "inferred", "observing", "levels", "status"]
        headers += ["delivery", "levels", "status"]
    else:
        headers = ["mechanisme", "subdoel", "vermeld", "afgeleid", "waarnemend", "niveaus", "status"]
        headers += ["levering", "niveaus", "status"]
    lines = [
        f"{cov.round_label_in(lang)}",
        "",
        format_table(headers, rows),
        "",
        word("status_legend", lang),
        word("level_legend", lang),
        "",
    ]
    for key, values in _gaps(cov).items():
        lines.append(f"{word(key, lang)} ({len(values)}):")
        for v in values:
            if isinstance(v, dict) and "rule" in v:
                lines.append(f"  - {v['label']} — {v['initiative']} ({word('rule_' + v['rule'], lang)})")
            elif isinstance(v, dict):
                reason = word(REASON_CODES.get(v["reason"], v["reason"]), lang)
                lines.append(f"  - {v['label']} ({reason})")
            else:
                lines.append(f"  - {v}")
    return "\n".join(lines) + "\n"


def render_coverage(cov: CoverageResult, fmt: str, lang: str = "nl", csv_dialect: str = "rfc") -> TableOutput:
    """``coverage`` output: the tally per mechanism, then the gaps."""
    return _emit(
        fmt,
        lambda: coverage_sheets(cov, lang),
        lambda: _coverage_json(cov),
        lambda: _coverage_text(cov, lang),
        lang,
        csv_dialect,
    )


# -- explain -----------------------------------------------------------------------
EXPLAIN_COLUMNS = (
    col("impact", "unit_probability", 4),
    col("ln_lr", "unit_ln", 3),
    col("weight", decimals=3),
    col("likelihood_ratio", "unit_ratio", 3),
    col("status"),
    Column("status_label", word("col_status"), word("col_status", "en")),
    col("evidence_kind"),
    col("level"),
    Column("indicator_id", "indicator (id)", "indicator (id)"),
    col("basis"),
    col("source"),
    col("rule"),
    col("indicator"),
    col("initiative"),
    col("bears_on"),
    col("round"),
    col("reference"),
    col("path", width=60),
    col("text", width=80),
)


def explanation_sheet(exp: Explanation, lang: str = "nl", top: int | None = None) -> Sheet:
    """One row per evidence item, largest effect first (the first ``top`` when given)."""
    items = exp.items[:top] if top else exp.items
    rows = [
        [
            i.impact,
            i.log_lr,
            i.weight,
            i.likelihood_ratio,
            i.status,
            word(i.status, lang),
            i.evidence_kind,
            i.level,
            i.indicator,
            i.basis,
            i.source,
            i.rule,
            i.indicator_label,
            i.initiative_label,
            i.node,
            i.round,
            i.reference,
            " → ".join(i.path),
            i.text,
        ]
        for i in items
    ]
    return Sheet("sheet_explain", EXPLAIN_COLUMNS, rows)


def _explanation_text(exp: Explanation, lang: str, top: int | None) -> str:
    n = exp.node
    lines = [
        f"{n.label_in(lang)} — {exp.round_label_in(lang)}",
        word(
            "explain_head",
            lang,
            score=f"{n.score:.3f}",
            prior=f"{n.prior:.3f}",
            weight=f"{n.evidence_weight:.3f}",
            verdict=verdict_label(n.verdict, lang),
        ),
        f"direct ln BF {n.direct_log_bf:+.3f} (+{n.direct_in_favour:.3f} / −{n.direct_against:.3f}); "
        + ("dekking" if lang == "nl" else "coverage")
        + f": {n.coverage.informative}/{n.coverage.targeted}",
    ]
    if n.note:
        lines.append(note_text(n.note, lang))
    lines.append("")
    if not exp.items:
        lines.append(word("no_evidence_moves", lang))
    shown = exp.items[:top] if top else exp.items
    for k, i in enumerate(shown, 1):
        quote = i.text if len(i.text) <= 240 else i.text[:237] + "..."
        impact = "     n/a" if i.impact is None else f"{i.impact:+.4f}"
        lines += [
            f"{k:>2}. {impact}  {i.indicator_label} ({i.initiative_label})",
            "    "
            + word(
                "explain_item",
                lang,
                status=word(i.status, lang),
                kind=word(i.evidence_kind, lang),
                level=word(i.level, lang),
                lr=f"{i.likelihood_ratio:.2f}",
                weight=f"{i.weight:.2f}",
                lnlr=f"{i.log_lr:+.3f}",
                node=i.node,
            ),
            f"    {word('path', lang)}: {' → '.join(i.path)}",
            f"    \u201c{quote}\u201d",
            f"    [{i.reference}; {i.round}]",
        ]
    if len(shown) < len(exp.items):
        lines.append(word("more_items", lang, n=len(exp.items) - len(shown)))
    if exp.no_evidence:
        lines += ["", word("no_evidence_by_rule", lang) + ":"]
        lines += [
            f"  - {i.indicator_label} ({i.initiative_label}): {word('rule_' + i.rule, lang)}"
            for i in exp.no_evidence
        ]
    return "\n".join(lines) + "\n"


def render_explanation(
    exp: Explanation, fmt: str, lang: str = "nl", csv_dialect: str = "rfc", top: int | None = None
) -> TableOutput:
    """``explain`` output: each evidence item, largest effect first (``top``: only the first N)."""
    items = exp.items[:top] if top else exp.items
    return _emit(
        fmt,
        lambda: [explanation_sheet(exp, lang, top)],
        lambda: {
            "node": exp.node.to_dict(),
            "round": exp.round,
            "items": [i.to_dict() for i in items],
            "no_evidence_by_rule": [i.to_dict() for i in exp.no_evidence],
        },
        lambda: _explanation_text(exp, lang, top),
        lang,
        csv_dialect,
    )


# -- compare -----------------------------------------------------------------------
COMPARE_KEYS = ["kind", "key", "label", "score_from", "score_to", "delta", "verdict_from", "verdict_to"]


def comparison_sheets(cmp: Comparison, lang: str = "nl") -> list[Sheet]:
    """Score changes per node, and the indicators with a new observation."""
    nodes = [c for c in cmp.nodes if c.kind != "initiative"]
    node_columns = (
        col("kind"),
        Column("kind_label", word("col_kind"), word("col_kind", "en")),
        col("id"),
        col("label"),
        Column("round_from", "meting van", "round from"),
        Column("round_to", "meting naar", "round to"),
        col("score_from", "unit_probability", 3),
        col("score_to", "unit_probability", 3),
        col("delta", "unit_probability", 3),
        col("verdict_from"),
        Column("verdict_from_label", word("col_verdict_from"), word("col_verdict_from", "en")),
        col("verdict_to"),
        Column("verdict_to_label", word("col_verdict_to"), word("col_verdict_to", "en")),
    )
    node_rows = [
        [
            c.kind,
            kind_label(c.kind, lang),
            c.key,
            c.label_en if lang == "en" and c.label_en else c.label,
            cmp.round_from,
            cmp.round_to,
            c.score_from,
            c.score_to,
            c.delta,
            c.verdict_from,
            verdict_label(c.verdict_from, lang),
            c.verdict_to,
            verdict_label(c.verdict_to, lang),
        ]
        for c in nodes
    ]
    obs_columns = (
        Column("indicator_id", "indicator (id)", "indicator (id)"),
        col("indicator"),
        col("initiative"),
        col("status_from"),
        col("status_to"),
    )
    obs_rows = [
        [o.indicator, o.indicator_label, o.initiative_label, o.status_from, o.status_to]
        for o in cmp.observations
    ]
    return [
        Sheet("sheet_compare", node_columns, node_rows),
        Sheet("sheet_observations", obs_columns, obs_rows),
    ]


def _comparison_json(cmp: Comparison) -> dict[str, Any]:
    nodes = [c for c in cmp.nodes if c.kind != "initiative"]
    return {
        "from": cmp.round_from,
        "to": cmp.round_to,
        "nodes": [
            dict(
                zip(
                    COMPARE_KEYS,
                    [c.kind, c.key, c.label, c.score_from, c.score_to, c.delta, c.verdict_from, c.verdict_to],
                    strict=True,
                )
            )
            for c in nodes
        ],
        "observations": [
            {
                "indicator": o.indicator_label,
                "initiative": o.initiative_label,
                "status_from": o.status_from,
                "status_to": o.status_to,
            }
            for o in cmp.observations
        ],
    }


def _comparison_text(cmp: Comparison, lang: str) -> str:
    nodes = [c for c in cmp.nodes if c.kind != "initiative"]
    headers = [
        word("col_kind", lang),
        word("col_id", lang),
        word("col_label", lang),
        cmp.round_from,
        cmp.round_to,
        word("col_delta", lang),
        word("col_verdict_from", lang),
        word("col_verdict_to", lang),
    ]
    rows = [
        [
            kind_label(c.kind, lang),
            c.key,
            _short(c.label_en if lang == "en" and c.label_en else c.label),
            c.score_from,
            c.score_to,
            f"{c.delta:+.3f}".replace("-0.000", "+0.000"),
            verdict_label(c.verdict_from, lang),
            verdict_label(c.verdict_to, lang),
        ]
        for c in nodes
    ]
    changed = [r for r in rows if r[6] != r[7]]
    lines = [f"{cmp.round_from} → {cmp.round_to}", "", format_table(headers, rows), ""]
    lines.append(word("verdicts_changed", lang, n=len(changed)))
    lines += [f"  - {r[2]}: {r[6]} → {r[7]}" for r in changed]
    obs_rows = [
        [
            _short(o.indicator_label),
            _short(o.initiative_label),
            word(o.status_from, lang) if o.status_from else None,
            word(o.status_to, lang) if o.status_to else None,
        ]
        for o in cmp.observations
    ]
    lines += ["", word("new_observations", lang, n=len(obs_rows))]
    if obs_rows:
        obs_headers = [word(f"col_{k}", lang) for k in ("indicator", "initiative", "from", "to")]
        lines.append(format_table(obs_headers, obs_rows))
    return "\n".join(lines) + "\n"


def render_comparison(cmp: Comparison, fmt: str, lang: str = "nl", csv_dialect: str = "rfc") -> TableOutput:
    """``compare`` output: score changes and changed observations."""
    return _emit(
        fmt,
        lambda: comparison_sheets(cmp, lang),
        lambda: _comparison_json(cmp),
        lambda: _comparison_text(cmp, lang),
        lang,
        csv_dialect,
    )


# -- sensitivity -------------------------------------------------------------------
SENSITIVITY_KEYS = [
    "kind",
    "id",
    "label",
    "verdict",
    "score",
    "min",
    "max",
    "flips_in_range",
    "flip_parameter",
    "flip_relative_change",
    "flip_value",
    "flips_to",
    "joint_min",
    "joint_max",
    "robust",
]


def sensitivity_sheets(res: SensitivityResult, lang: str = "nl") -> list[Sheet]:
    """Each node's range and flip point, and the mechanism pairs whose order swaps."""
    columns = (
        col("kind"),
        Column("kind_label", word("col_kind"), word("col_kind", "en")),
        col("id"),
        col("label"),
        col("round"),
        col("verdict"),
        Column("verdict_label", word("col_verdict"), word("col_verdict", "en")),
        col("score", "unit_probability", 3),
        Column("min", word("col_score_min"), word("col_score_min", "en"), "unit_probability", 3),
        Column("max", word("col_score_max"), word("col_score_max", "en"), "unit_probability", 3),
        col("flips_in_range"),
        col("flip_parameter"),
        col("flip_relative_change", "unit_share", 3),
        col("flip_value", decimals=3),
        col("flips_to"),
        Column("flips_to_label", word("col_flips_to"), word("col_flips_to", "en")),
        Column("joint_min", word("col_joint_min"), word("col_joint_min", "en"), "unit_probability", 3),
        Column("joint_max", word("col_joint_max"), word("col_joint_max", "en"), "unit_probability", 3),
        col("robust"),
    )
    rows = []
    for n in res.nodes:
        flip = n.flip
        rows.append(
            [
                n.kind,
                kind_label(n.kind, lang),
                n.key,
                n.label_en if lang == "en" and n.label_en else n.label,
                res.round,
                n.verdict,
                verdict_label(n.verdict, lang),
                n.score,
                n.score_min,
                n.score_max,
                n.flip_in_range,
                flip.parameter if flip else None,
                flip.relative_change if flip else None,
                flip.value if flip else None,
                flip.verdict if flip else None,
                verdict_label(flip.verdict, lang) if flip else None,
                n.joint_min,
                n.joint_max,
                n.robust,
            ]
        )
    swaps = [[a.rsplit("/", 1)[-1], b.rsplit("/", 1)[-1], p] for a, b, p in res.order_flips]
    swap_columns = (col("mechanism_a"), col("mechanism_b"), col("parameter"))
    return [Sheet("sheet_sensitivity", columns, rows), Sheet("sheet_order_flips", swap_columns, swaps)]


def _sensitivity_json(res: SensitivityResult) -> dict[str, Any]:
    nodes = []
    for n in res.nodes:
        flip = n.flip
        values = [
            n.kind,
            n.key,
            n.label,
            n.verdict,
            n.score,
            n.score_min,
            n.score_max,
            "yes" if n.flip_in_range else "no",
            flip.parameter if flip else None,
            flip.relative_change if flip else None,
            flip.value if flip else None,
            flip.verdict if flip else None,
            n.joint_min,
            n.joint_max,
            n.robust,
        ]
        nodes.append(dict(zip(SENSITIVITY_KEYS, values, strict=True)))
    return {
        "round": res.round,
        "relative_range": res.relative_range,
        "parameters": list(res.parameters),
        "nodes": nodes,
        "order_flips": [list(x) for x in res.order_flips],
    }


def _sensitivity_text(res: SensitivityResult, lang: str) -> str:
    rows = []
    for n in res.nodes:
        flip = n.flip
        if flip is None:
            point = word("no_flip", lang)
        else:
            point = f"{flip.parameter} {flip.relative_change:+.1%} → {verdict_label(flip.verdict, lang)}"
            if not n.flip_in_range:
                point += " " + word("outside_range", lang)
        label = n.label_en if lang == "en" and n.label_en else n.label
        joint = "" if n.joint_min is None else f"{n.joint_min:.3f}–{n.joint_max:.3f}"
        if n.robust is not None:
            joint += " " + word("col_robust" if n.robust else "fragile_mark", lang)
        rows.append(
            [
                _short(label),
                verdict_label(n.verdict, lang),
                n.score,
                f"{n.score_min:.3f}–{n.score_max:.3f}",
                point,
                joint,
            ]
        )
    keys = ("label", "verdict", "score", "range", "flip_point", "joint_range")
    headers = [word(f"col_{k}", lang) for k in keys]
    lines = [
        word(
            "sensitivity_head",
            lang,
            n=len(res.parameters),
            range=f"{res.relative_range:.0%}",
            round=res.round,
        ),
        "",
        format_table(headers, rows),
        "",
        word("order_flips", lang, n=len(res.order_flips)),
    ]
    lines += [f"  - {a.rsplit('/', 1)[-1]} ↔ {b.rsplit('/', 1)[-1]} ({p})" for a, b, p in res.order_flips]
    return "\n".join(lines) + "\n"


def render_sensitivity(
    res: SensitivityResult,
    fmt: str,
    lang: str = "nl",
    csv_dialect: str = "rfc",
    coding: CodingResult | None = None,
) -> TableOutput:
    """``sensitivity`` output: score ranges, flip points and order swaps.

    With ``coding`` (:func:`~beleidstheorie.reasoning.analysis.coding.coding_sensitivity`)
    the coding sensitivity follows: a second part of the table, ``coding`` in JSON,
    its own sheet in xlsx, and in CSV (one table per file) the coding table alone.
    """
    if coding is None:
        return _emit(
            fmt,
            lambda: sensitivity_sheets(res, lang),
            lambda: _sensitivity_json(res),
            lambda: _sensitivity_text(res, lang),
            lang,
            csv_dialect,
        )
    return _emit(
        fmt,
        lambda: (
            [coding_sheet(coding, lang), *sensitivity_sheets(res, lang)]
            if fmt == "csv"
            else [*sensitivity_sheets(res, lang), coding_sheet(coding, lang)]
        ),
        lambda: {**_sensitivity_json(res), "coding": coding_json(coding)},
        lambda: _sensitivity_text(res, lang) + "\n" + coding_text(coding, lang),
        lang,
        csv_dialect,
    )


# -- generic rows ------------------------------------------------------------------
def rows_sheet(headers: Sequence[str], rows: Sequence[Sequence[Any]], name: str = "sheet_query") -> Sheet:
    """Generic rows (SPARQL results, listings) as a sheet whose headers are the names."""
    return Sheet(name, tuple(Column(h, h, h) for h in headers), [list(r) for r in rows])


def render_rows(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fmt: str,
    lang: str = "nl",
    csv_dialect: str = "rfc",
    name: str = "sheet_query",
) -> TableOutput:
    """Generic rows (e.g. SPARQL results) as table, json, csv or xlsx."""
    return _emit(
        fmt,
        lambda: [rows_sheet(headers, rows, name)],
        lambda: [dict(zip(headers, r, strict=True)) for r in rows],
        lambda: format_table(headers, rows) + "\n",
        lang,
        csv_dialect,
    )
