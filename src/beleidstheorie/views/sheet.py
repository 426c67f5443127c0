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
from beleidstheorie.graph.outline import Q_INITIATIVE_LINES, from_model, in_theory_order, node_id
from beleidstheorie.graph.stores.base import PREFIXES, refusing_unreadable, select_text
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
            nodes = [labels.get(t, t) for t in (*ind.mechanisms, *ind.goals)]
            measures = ", ".join([*([sheet_word("delivery", lang)] if ind.delivery else []), *nodes])
            item = items.get((ind.id, ini.id))
            label = ind.label_nl if lang != "en" else (ind.label_en or ind.label_nl)
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


@dataclass(frozen=True)
class _Indicator:
    id: str
    label_nl: str
    label_en: str
    delivery: bool
    mechanisms: tuple[str, ...]  # ids, sorted
    goals: tuple[str, ...]  # ids, sorted


@dataclass(frozen=True)
class _Target:
    description_nl: str
    description_en: str
    value: float
    unit: str
    deadline: str  # ISO date, or ""
    section: str
    page: str


@dataclass(frozen=True)
class _Member:
    """An initiative or action line as its sheet needs it: its indicators and targets, in order."""

    id: str
    indicators: tuple[_Indicator, ...]
    targets: tuple[_Target, ...]


def _members(theory: Theory, initiative: str) -> list[_Member]:
    """The initiative ``initiative`` (top-level or action line) and its action lines.

    From the authoring model of a YAML theory; from the store for an RDF file or a
    store, so that a sheet of one initiative never builds the model of the whole theory.
    """
    if not from_model(theory):
        return _sheet_rows(theory.store, theory.iri, initiative)
    for top in theory.model.initiatives:
        for ini in (top, *top.action_lines):
            if ini.id == initiative:
                return [_of_model(m) for m in (ini, *ini.action_lines)]
    return []


def _of_model(ini) -> _Member:
    indicators = tuple(
        _Indicator(
            d.id,
            d.label.nl,
            d.label.en or "",
            bool(d.evidence_for.delivery),
            tuple(str(t) for t in d.evidence_for.mechanisms),
            tuple(str(t) for t in d.evidence_for.goals),
        )
        for d in ini.indicators
    )
    targets = tuple(
        _Target(
            t.description.nl,
            t.description.en or "",
            t.value,
            t.unit,
            t.deadline.isoformat() if t.deadline else "",
            t.ref.section,
            "" if t.ref.page is None else str(t.ref.page),
        )
        for t in ini.targets
    )
    return _Member(ini.id, indicators, targets)


_Q_SHEET_INDICATORS = """
SELECT ?owner ?node ?order ?nl ?en ?delivery ?target ?mechanism ?context WHERE {
  VALUES ?owner { %s }
  ?node bt:indicatorOf ?owner .
  OPTIONAL { ?node bt:position ?order } OPTIONAL { ?node bt:evidenceForDelivery ?delivery }
  OPTIONAL { ?node skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?node skos:prefLabel ?en FILTER(lang(?en) = "en") }
  OPTIONAL { ?node bt:evidenceFor ?target .
             OPTIONAL { ?target a bt:Mechanism . BIND(true AS ?mechanism) }
             OPTIONAL { ?target a bt:ContextFactor . BIND(true AS ?context) } }
}
"""
_Q_SHEET_TARGETS = """
SELECT ?owner ?node ?order ?nl ?en ?value ?unit ?deadline ?section ?page WHERE {
  VALUES ?owner { %s }
  ?owner bt:hasTarget ?node .
  OPTIONAL { ?node bt:position ?order }
  OPTIONAL { ?node dcterms:description ?nl FILTER(lang(?nl) = "nl") }
  OPTIONAL { ?node dcterms:description ?en FILTER(lang(?en) = "en") }
  OPTIONAL { ?node bt:targetValue ?value } OPTIONAL { ?node bt:unit ?unit }
  OPTIONAL { ?node bt:deadline ?deadline }
  OPTIONAL { ?node bt:section ?section } OPTIONAL { ?node bt:page ?page }
}
"""


@refusing_unreadable
def _sheet_rows(store, theory: str, initiative: str) -> list[_Member]:
    rows = select_text(store, Q_INITIATIVE_LINES, {"t": theory})
    nodes = {r["node"]: r for r in rows}  # a node with a second number once
    by_number = sorted(nodes.values(), key=lambda r: float(r.get("number", 0)))
    focal = next((r["node"] for r in by_number if node_id(r["node"]) == initiative), None)
    if focal is None:
        return []
    owners = [focal, *(r["node"] for r in by_number if r.get("parent") == focal)]
    if any(":" not in iri for iri in owners):  # a blank node, which the shapes forbid here
        raise ValueError(f"initiative {initiative!r} or one of its action lines is a blank node")
    values = " ".join(f"<{iri}>" for iri in owners)
    grouped: dict[str, dict[str, list[dict[str, str]]]] = {}
    for row in select_text(store, PREFIXES + _Q_SHEET_INDICATORS % values):
        grouped.setdefault(row["owner"], {}).setdefault(row["node"], []).append(row)
    targets: dict[str, dict[str, dict[str, str]]] = {}
    for row in select_text(store, PREFIXES + _Q_SHEET_TARGETS % values):
        targets.setdefault(row["owner"], {})[row["node"]] = row
    members = []
    for owner in owners:
        indicators = []
        for node_rows in sorted(grouped.get(owner, {}).values(), key=lambda rs: in_theory_order(rs[0])):
            first = node_rows[0]
            aimed = {r["target"]: r for r in node_rows if "target" in r}
            mechanisms = sorted(node_id(t) for t, r in aimed.items() if "mechanism" in r)
            goals = sorted(node_id(t) for t, r in aimed.items() if not {"mechanism", "context"} & r.keys())
            delivery = first.get("delivery") in ("true", "1")
            node = node_id(first["node"])
            label = (first.get("nl", ""), first.get("en", ""))
            indicators.append(_Indicator(node, *label, delivery, tuple(mechanisms), tuple(goals)))
        own = sorted(targets.get(owner, {}).values(), key=in_theory_order)
        members.append(
            _Member(
                node_id(owner),
                tuple(indicators),
                tuple(
                    _Target(
                        r.get("nl", ""),
                        r.get("en", ""),
                        float(r["value"]),
                        r["unit"],
                        r.get("deadline", ""),
                        r["section"],
                        r.get("page", ""),
                    )
                    for r in own
                ),
            )
        )
    return members


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
            text = t.description_en if lang == "en" and t.description_en else t.description_nl
            deadline = f", {t.deadline}" if t.deadline else ""
            where = f"{t.section}, p. {t.page}" if t.page else t.section
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
