"""An initiative's own evidence, for its sheet: indicators, observations (basis, source) and targets.

The initiative diagram with a result shows this table beside the initiative's
contributions, so that a reader sees what *this* initiative measured, while
the mechanisms' verdicts are labelled as the programme's.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.reasoning.score import score
>>> theory = load_theory(EXAMPLE)
>>> rows = evidence_rows(theory, score(theory), "buurtkamer")
>>> rows[0].indicator != "" and rows[0].status != ""
True
"""

from __future__ import annotations

from dataclasses import dataclass

from beleidstheorie.graph.load import Theory
from beleidstheorie.reasoning.result import ScoreResult
from beleidstheorie.views.dotparts import html_text
from beleidstheorie.views.wording import word, wrap

CODES: dict[str, tuple[str, str]] = {
    "realised": ("gerealiseerd", "realised"),
    "estimate": ("schatting", "estimate"),
    "expectation": ("verwachting", "expectation"),
    "description": ("alleen beschrijving", "description only"),
    "self-report": ("eigen rapportage", "self-report"),
    "administrative": ("registratie", "administrative"),
    "independent": ("onafhankelijk", "independent"),
    "external-statistics": ("externe statistiek", "external statistics"),
    "no_observation": ("geen meting in deze ronde", "no measurement in this round"),
    "own_evidence": ("Eigen indicatoren en metingen", "Own indicators and measurements"),
    "targets": ("Streefwaarden", "Targets"),
    "col_indicator": ("Indicator", "Indicator"),
    "col_measures": ("meet", "measures"),
    "col_status": ("meting", "measurement"),
    "col_basis": ("basis · bron", "basis · source"),
    "col_ref": ("vindplaats", "reference"),
    "delivery": ("levering", "delivery"),
    "programme": (
        "Werkzame mechanismen (oordeel over het hele programma)",
        "Working mechanisms (verdict for the whole programme)",
    ),
    "not_informative": ("geen bewijs volgens de regel", "no evidence by rule"),
}


def sheet_word(key: str, lang: str = "nl") -> str:
    """A word of the sheet in ``lang`` (unknown codes as they are)."""
    pair = CODES.get(key)
    return key if pair is None else pair[1 if lang == "en" else 0]


@dataclass(frozen=True)
class EvidenceRow:
    """One indicator of the initiative, with its observation in the round (if any)."""

    initiative: str
    indicator: str
    measures: str  # what the indicator is evidence for: 'levering' or node labels
    status: str  # '' without an observation in the round
    basis: str
    source: str
    informative: bool
    reference: str
    quote: str


def evidence_rows(
    theory: Theory, result: ScoreResult, initiative: str, lang: str = "nl"
) -> list[EvidenceRow]:
    """The indicators of ``initiative`` (key; with its action lines) and their observations in the round."""
    members = _members(theory, initiative)
    labels = {n.key: n.label_in(lang) for n in (*result.mechanisms, *result.subgoals, result.main_goal)}
    items = {(i.indicator, i.initiative): i for i in result.items if i.initiative in {m.id for m in members}}
    rows = []
    for ini in members:
        for ind in ini.indicators:
            ef = ind.evidence_for
            nodes = [labels.get(str(t), str(t)) for t in (*ef.mechanisms, *ef.goals)]
            measures = ", ".join([*([sheet_word("delivery", lang)] if ef.delivery else []), *nodes])
            item = items.get((ind.id, ini.id))
            label = ind.label.nl if lang != "en" else (ind.label.en or ind.label.nl)
            if item is None:
                rows.append(EvidenceRow(ini.id, label, measures, "", "", "", False, "", ""))
                continue
            rows.append(
                EvidenceRow(
                    ini.id,
                    label,
                    measures,
                    word(item.status, lang),
                    sheet_word(item.basis, lang),
                    sheet_word(item.source, lang),
                    item.informative,
                    item.reference,
                    item.text,
                )
            )
    return rows


def _members(theory: Theory, initiative: str) -> list:
    """The authoring model's initiative ``initiative`` (top-level or action line) and its action lines."""
    for top in theory.model.initiatives:
        for ini in (top, *top.action_lines):
            if ini.id == initiative:
                return [ini, *ini.action_lines]
    return []


def evidence_table(rows: list[EvidenceRow], round_label: str, lang: str = "nl") -> str:
    """The rows as a graphviz HTML-like table (the initiative's own evidence in one round)."""
    head = "".join(
        f'<TD ALIGN="LEFT"><B>{html_text(sheet_word(k, lang))}</B></TD>'
        for k in ("col_indicator", "col_measures", "col_status", "col_basis", "col_ref")
    )
    title = html_text(f"{sheet_word('own_evidence', lang)} — {word('round', lang)}: {round_label}")
    body = [f'<TR><TD COLSPAN="5" ALIGN="LEFT"><B>{title}</B></TD></TR>', f"<TR>{head}</TR>"]
    for r in rows:
        status = r.status or sheet_word("no_observation", lang)
        if r.status and not r.informative:
            status += f" ({sheet_word('not_informative', lang)})"
        basis = " · ".join(x for x in (r.basis, r.source) if x)
        br = '<BR ALIGN="LEFT"/>'
        cells = [
            br.join(html_text(x) for x in wrap(r.indicator, 36)),
            br.join(html_text(x) for x in wrap(r.measures, 24)),
            br.join(html_text(x) for x in wrap(status, 22)),
            html_text(basis),
            html_text(r.reference),
        ]
        body.append("<TR>" + "".join(f'<TD ALIGN="LEFT" BALIGN="LEFT">{c}</TD>' for c in cells) + "</TR>")
    return f'<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3">{"".join(body)}</TABLE>>'


def target_rows(theory: Theory, initiative: str, lang: str = "nl") -> list[str]:
    """The initiative's targets (streefwaarden) as lines: description, value, unit, deadline, reference."""
    lines = []
    for ini in _members(theory, initiative):
        for t in ini.targets:
            text = t.description.en if lang == "en" and t.description.en else t.description.nl
            deadline = f", {t.deadline.isoformat()}" if t.deadline else ""
            where = f"{t.ref.section}, p. {t.ref.page}" if t.ref.page else t.ref.section
            lines.append(f"{text}: {t.value:g} {t.unit}{deadline} ({where})")
    return lines


def targets_table(lines: list[str], lang: str = "nl") -> str:
    """The targets as a graphviz HTML-like table."""
    body = [f'<TR><TD ALIGN="LEFT"><B>{html_text(sheet_word("targets", lang))}</B></TD></TR>']
    br = '<BR ALIGN="LEFT"/>'
    body += [
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{br.join(html_text(x) for x in wrap(line, 70))}</TD></TR>'
        for line in lines
    ]
    return f'<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3">{"".join(body)}</TABLE>>'
