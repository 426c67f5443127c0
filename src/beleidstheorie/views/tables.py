"""Text tables, JSON and CSV of scores, coverage, explanations and comparisons.

Every function takes a result object and returns text; none does I/O.

>>> print(format_table(["a", "bb"], [["x", 1.5], ["yy", None]]))
a   bb
--  ---
x   1.5
yy  -
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from beleidstheorie.reasoning.compare import Comparison
from beleidstheorie.reasoning.coverage import CoverageResult
from beleidstheorie.reasoning.explain import Explanation
from beleidstheorie.reasoning.model.likelihood import RULES
from beleidstheorie.reasoning.result import NodeScore, ScoreResult
from beleidstheorie.reasoning.sensitivity import SensitivityResult
from beleidstheorie.reasoning.verdict import VERDICTS

VERDICT_NL = {code: label.nl for code, label in VERDICTS.items()}
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


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if abs(value) >= 1e-3 or value == 0 else f"{value:.1e}"
    return str(value)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table with left-aligned columns."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * max(w, 2) for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def format_csv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """CSV text (RFC 4180, comma separated)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue()


def format_json(data: Any) -> str:
    """Indented JSON with Unicode kept."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _verdict(v: str, lang: str) -> str:
    label = VERDICTS.get(v)
    if label is None:
        return v
    return label.nl if lang == "nl" else label.en


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def note_text(code: str, lang: str = "nl") -> str:
    """The sentence for a note code in ``lang``."""
    return NOTES[lang].get(code, code)


def _levels(by_level: dict[str, int]) -> str:
    return " ".join(f"{LEVEL_ABBR[k]}{v}" for k, v in by_level.items() if v) or "-"


# -- score -------------------------------------------------------------------------
SCORE_HEADERS = [
    "kind",
    "id",
    "label",
    "score",
    "prior",
    "evidence_weight",
    "direct_log_bf",
    "verdict",
    "subgoal",
    "initiatives",
    "indicators",
    "direct_indicators",
    "coverage",
    "p_contribution",
    "p_rival",
    "note",
    "interval_low",
    "interval_high",
    "robust",
]


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
    """One row per node, grouped: main goal, then each sub-goal with its mechanisms."""
    rows = []
    for node in (result.main_goal,):
        rows.append(["hoofddoel" if lang == "nl" else "main goal", node, ""])
    for sg in result.subgoals:
        rows.append(["subdoel" if lang == "nl" else "sub-goal", sg, ""])
        for mech in result.mechanisms_of(sg):
            rows.append(["mechanisme" if lang == "nl" else "mechanism", mech, sg.label_in(lang)])
    return [
        [
            kind,
            n.key,
            n.label_in(lang),
            n.score,
            n.prior,
            n.evidence_weight,
            n.direct_log_bf,
            _verdict(n.verdict, lang),
            parent,
            n.initiatives,
            n.indicators,
            n.direct_indicators,
            f"{n.coverage.informative}/{n.coverage.targeted}",
            n.p_contribution,
            n.p_rival,
            note_text(n.note, lang) if n.note else "",
            n.interval[0] if n.interval is not None else "",
            n.interval[1] if n.interval is not None else "",
            "" if n.robust is None else str(n.robust).lower(),
        ]
        for kind, n, parent in rows
    ]


def score_table(result: ScoreResult, lang: str = "nl") -> str:
    """The score table an evaluator reads, grouped by sub-goal."""
    head = f"{result.theory_label} — {result.round_label} (config v{result.config_version})"
    headers = [
        "",
        "label",
        "score",
        "prior",
        "ln BF",
        "oordeel" if lang == "nl" else "verdict",
        "dekking" if lang == "nl" else "coverage",
        "ini",
        "ind (direct)",
        "levels",
    ]

    def row(marker: str, n: NodeScore) -> list[Any]:
        return [
            marker,
            _short(n.label_in(lang)),
            score_with_interval(n),
            n.prior,
            n.direct_log_bf,
            _verdict(n.verdict, lang) + ("" if n.robust in (None, True) else " *"),
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
        text += "\n\n" + ("Opmerkingen:" if lang == "nl" else "Notes:") + "\n" + "\n".join(notes)
    return text + "\n"


def render_score(result: ScoreResult, fmt: str, lang: str = "nl") -> str:
    """``score`` output in table, json or csv."""
    if fmt == "json":
        return format_json(result.to_dict())
    if fmt == "csv":
        return format_csv(SCORE_HEADERS, score_rows(result, lang))
    return score_table(result, lang)


# -- coverage ----------------------------------------------------------------------
COVERAGE_HEADERS = [
    "mechanism",
    "subgoal",
    "initiatives_stated",
    "initiatives_inferred",
    "direct_indicators",
    "direct_by_level",
    "direct_by_status",
    "delivery_indicators",
    "delivery_by_level",
    "delivery_by_status",
]


def _statuses(by_status: dict[str, int]) -> str:
    abbr = {
        "progressie-geboekt": "+",
        "geen-progressie": "−",
        "nog-niet-bekend": "?",
        "niet-meetbaar": "×",
        "geen meting": "∅",
    }
    return " ".join(f"{abbr[k]}{v}" for k, v in by_status.items() if v) or "-"


def render_coverage(cov: CoverageResult, fmt: str, lang: str = "nl") -> str:
    """``coverage`` output: the tally per mechanism, then the gaps."""
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
    gaps = {
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
    if fmt == "json":
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
        return format_json({"round": cov.round, "mechanisms": mechs, "gaps": gaps})
    if fmt == "csv":
        return format_csv(COVERAGE_HEADERS, rows)
    headers = [
        "mechanisme" if lang == "nl" else "mechanism",
        "subdoel" if lang == "nl" else "sub-goal",
        "gesteld",
        "afgeleid",
        "direct",
        "niveaus",
        "status",
        "levering",
        "niveaus",
        "status",
    ]
    if lang == "en":
        headers[2:] = [
            "stated",
            "inferred",
            "direct",
            "levels",
            "status",
            "delivery",
            "levels",
            "status",
        ]
    lines = [
        f"{cov.round_label}",
        "",
        format_table(headers, rows),
        "",
        "status: + progressie geboekt, − (nog) geen progressie, ? nog niet bekend, "
        "× niet meetbaar, ∅ geen meting",
        "niveaus: op operationeel, ta tactisch, st strategisch, ou outcome",
        "",
    ]
    title = {
        "untargeted_mechanisms": "Mechanismen zonder initiatief",
        "unobserved_mechanisms": "Mechanismen zonder directe indicator",
        "initiatives_without_evidence": "Initiatieven zonder bruikbaar bewijs",
        "unmeasurable_indicators": "Niet meetbare indicatoren",
        "no_evidence_by_rule": "Waarnemingen zonder bewijskracht volgens een regel",
    }
    for key, values in gaps.items():
        lines.append(f"{title[key]} ({len(values)}):")
        for v in values:
            if isinstance(v, dict) and "rule" in v:
                lines.append(f"  - {v['label']} — {v['initiative']} ({v['rule']}: {v['reason']})")
            else:
                lines.append(f"  - {v['label']} ({v['reason']})" if isinstance(v, dict) else f"  - {v}")
    return "\n".join(lines) + "\n"


# -- explain -----------------------------------------------------------------------
EXPLAIN_HEADERS = [
    "impact",
    "ln_lr",
    "weight",
    "likelihood_ratio",
    "status",
    "evidence_kind",
    "level",
    "basis",
    "source",
    "rule",
    "indicator",
    "initiative",
    "bears_on",
    "round",
    "reference",
    "path",
    "text",
]


def render_explanation(exp: Explanation, fmt: str, lang: str = "nl") -> str:
    """``explain`` output: each evidence item, largest effect first."""
    n = exp.node
    if fmt == "json":
        return format_json(
            {
                "node": n.to_dict(),
                "round": exp.round,
                "items": [i.to_dict() for i in exp.items],
                "no_evidence_by_rule": [i.to_dict() for i in exp.no_evidence],
            }
        )
    rows = [
        [
            i.impact,
            i.log_lr,
            i.weight,
            i.likelihood_ratio,
            i.status,
            i.evidence_kind,
            i.level,
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
        for i in exp.items
    ]
    if fmt == "csv":
        return format_csv(EXPLAIN_HEADERS, rows)
    lines = [
        f"{n.label_in(lang)} — {exp.round_label}",
        f"score {n.score:.3f} (prior {n.prior:.3f}), direct ln BF {n.direct_log_bf:+.3f} "
        f"(+{n.direct_in_favour:.3f} / −{n.direct_against:.3f}), verdict: {_verdict(n.verdict, lang)}",
        f"coverage: {n.coverage.informative} of {n.coverage.targeted} targeting initiatives "
        "answered informatively",
    ]
    if n.note:
        lines.append(note_text(n.note, lang))
    lines.append("")
    if not exp.items:
        lines.append("No evidence moves this score." if lang == "en" else "Geen bewijs beweegt deze score.")
    for k, i in enumerate(exp.items, 1):
        quote = i.text if len(i.text) <= 240 else i.text[:237] + "..."
        lines += [
            f"{k:>2}. {i.impact:+.4f}  {i.indicator_label} ({i.initiative_label})",
            f"    {i.status}, {i.evidence_kind}, {i.level}, {i.basis}, {i.source} ({i.rule}); "
            f"LR {i.likelihood_ratio:.2f} × weight {i.weight:.2f}"
            f" → ln LR {i.log_lr:+.3f} on {i.node}",
            f"    path: {' → '.join(i.path)}",
            f"    \u201c{quote}\u201d",
            f"    [{i.reference}; {i.round}]",
        ]
    if exp.no_evidence:
        lines += ["", "No evidence by rule:" if lang == "en" else "Geen bewijs volgens een regel:"]
        lines += [f"  - {i.indicator_label} ({i.initiative_label}): {RULES[i.rule]}" for i in exp.no_evidence]
    return "\n".join(lines) + "\n"


# -- compare -----------------------------------------------------------------------
def render_comparison(cmp: Comparison, fmt: str, lang: str = "nl") -> str:
    """``compare`` output: score changes and changed observations."""
    node_rows = [
        [
            c.kind,
            c.key,
            c.label_en if lang == "en" and c.label_en else c.label,
            c.score_from,
            c.score_to,
            c.delta,
            _verdict(c.verdict_from, lang),
            _verdict(c.verdict_to, lang),
        ]
        for c in cmp.nodes
        if c.kind != "initiative"
    ]
    obs_rows = [
        [_short(o.indicator_label), _short(o.initiative_label), o.status_from, o.status_to]
        for o in cmp.observations
    ]
    if fmt == "json":
        return format_json(
            {
                "from": cmp.round_from,
                "to": cmp.round_to,
                "nodes": [
                    dict(
                        zip(
                            [
                                "kind",
                                "key",
                                "label",
                                "score_from",
                                "score_to",
                                "delta",
                                "verdict_from",
                                "verdict_to",
                            ],
                            r,
                            strict=True,
                        )
                    )
                    for r in node_rows
                ],
                "observations": [
                    dict(zip(["indicator", "initiative", "status_from", "status_to"], r, strict=True))
                    for r in obs_rows
                ],
            }
        )
    headers = [
        "kind",
        "id",
        "label",
        cmp.round_from,
        cmp.round_to,
        "delta",
        "verdict_from",
        "verdict_to",
    ]
    if fmt == "csv":
        return format_csv(headers, node_rows)
    changed = [r for r in node_rows if r[6] != r[7]]
    node_rows = [[r[0], r[1], _short(r[2]), *r[3:]] for r in node_rows]
    lines = [
        f"{cmp.round_from} → {cmp.round_to}",
        "",
        format_table(headers, node_rows),
        "",
        f"Verdicts that changed: {len(changed)}",
    ]
    lines += [f"  - {r[2]}: {r[6]} → {r[7]}" for r in changed]
    lines += [
        "",
        f"Indicators with a new observation: {len(obs_rows)}",
        format_table(["indicator", "initiative", "from", "to"], obs_rows) if obs_rows else "",
    ]
    return "\n".join(lines) + "\n"


# -- sensitivity -------------------------------------------------------------------
def render_sensitivity(res: SensitivityResult, fmt: str, lang: str = "nl") -> str:
    """``sensitivity`` output: score ranges, flip points and order swaps."""
    rows = []
    for n in res.nodes:
        flip = n.flip
        rows.append(
            [
                n.kind,
                n.key,
                n.label_en if lang == "en" and n.label_en else n.label,
                _verdict(n.verdict, lang),
                n.score,
                n.score_min,
                n.score_max,
                "yes" if n.flip_in_range else "no",
                flip.parameter if flip else None,
                flip.relative_change if flip else None,
                flip.value if flip else None,
                _verdict(flip.verdict, lang) if flip else None,
            ]
        )
    headers = [
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
    ]
    if fmt == "json":
        return format_json(
            {
                "round": res.round,
                "relative_range": res.relative_range,
                "parameters": list(res.parameters),
                "nodes": [dict(zip(headers, r, strict=True)) for r in rows],
                "order_flips": [list(x) for x in res.order_flips],
            }
        )
    if fmt == "csv":
        return format_csv(headers, rows)
    lines = [
        f"Each of {len(res.parameters)} parameters moved by up to ±{res.relative_range:.0%} "
        f"(flip points searched up to ±95%); round {res.round}.",
        "",
        format_table(
            ["label", "verdict", "score", "range", "flip point"],
            [
                [
                    _short(r[2]),
                    r[3],
                    r[4],
                    f"{r[5]:.3f}–{r[6]:.3f}",
                    "none up to ±95%"
                    if r[8] is None
                    else f"{r[8]} {r[9]:+.1%} → {r[11]}" + ("" if r[7] == "yes" else " (outside range)"),
                ]
                for r in rows
            ],
        ),
        "",
        f"Mechanism pairs whose order swaps within the range: {len(res.order_flips)}",
    ]
    lines += [f"  - {a.rsplit('/', 1)[-1]} ↔ {b.rsplit('/', 1)[-1]} ({p})" for a, b, p in res.order_flips]
    return "\n".join(lines) + "\n"


def render_rows(headers: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> str:
    """Generic rows (e.g. SPARQL results) as table, json or csv."""
    if fmt == "json":
        return format_json([dict(zip(headers, r, strict=True)) for r in rows])
    if fmt == "csv":
        return format_csv(headers, rows)
    return format_table(headers, rows) + "\n"
