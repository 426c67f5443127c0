"""The coding sensitivity as a table, JSON and a sheet: which curator's calls a verdict hangs on.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.reasoning.analysis.coding import coding_sensitivity
>>> res = coding_sensitivity(load_theory(EXAMPLE))
>>> coding_json(res)["nodes"][3]["recodings"][0]["field"]
'basis'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from beleidstheorie.reasoning.verdict import verdict_label
from beleidstheorie.views.spreadsheet import Column, Sheet, col
from beleidstheorie.views.wording import word

if TYPE_CHECKING:
    from beleidstheorie.reasoning.analysis.coding import CodingResult

FIELD_WORDS = {
    "status": ("status", "status"),
    "basis": ("basis", "basis"),
    "kind": ("soort bewijs", "evidence kind"),
}


def _field(field: str, lang: str) -> str:
    nl, en = FIELD_WORDS[field]
    return en if lang == "en" else nl


def _label(n: Any, lang: str) -> str:
    return n.label_en if lang == "en" and n.label_en else n.label


def coding_json(res: CodingResult) -> dict[str, Any]:
    """Plain data: per node its verdict, the verdict it flips to and the recodings that do it."""
    return {
        "round": res.round,
        "candidates": res.candidates,
        "nodes": [
            {
                "kind": n.kind,
                "id": n.key,
                "label": n.label,
                "verdict": n.verdict,
                "flips_to": n.flips_to,
                "minimal": n.minimal,
                "searched_size": n.searched_size,
                "recodings": [
                    {
                        "observation": r.observation,
                        "indicator": r.indicator,
                        "initiative": r.initiative,
                        "round": r.round,
                        "field": r.field,
                        "from": r.before,
                        "to": r.after,
                    }
                    for r in n.recodings
                ],
            }
            for n in res.nodes
        ],
    }


def coding_sheet(res: CodingResult, lang: str = "nl") -> Sheet:
    """One row per recoding of each node's flipping set (a node without a flip: one empty row)."""
    columns = (
        col("kind"),
        Column("kind_label", word("col_kind"), word("col_kind", "en")),
        col("id"),
        col("label"),
        col("round"),
        col("verdict"),
        col("flips_to"),
        Column("minimal", "minimaal bewezen", "proven minimal"),
        Column("set_size", "aantal hercoderingen", "recodings in the set"),
        Column("observation", "waarneming", "observation"),
        Column("indicator", "indicator", "indicator"),
        Column("initiative", "initiatief", "initiative"),
        Column("observation_round", "meting van de waarneming", "round of the observation"),
        Column("field", "veld", "field"),
        Column("from", "van", "from"),
        Column("to", "naar", "to"),
    )
    rows = []
    for n in res.nodes:
        head = [n.kind, word(f"kind_{n.kind}", lang), n.key, _label(n, lang), res.round]
        head += [n.verdict, n.flips_to, n.minimal, len(n.recodings)]
        if not n.recodings:
            rows.append([*head, None, None, None, None, None, None, None])
        for r in n.recodings:
            rows.append(
                [*head, r.observation, r.indicator, r.initiative, r.round, r.field, r.before, r.after]
            )
    return Sheet("sheet_coding", columns, rows)


def coding_text(res: CodingResult, lang: str = "nl") -> str:
    """The nodes a few recodings flip, each with its recodings; then those no search flipped."""
    en = lang == "en"
    lines = [
        (
            f"Coding sensitivity: the smallest set of one-step recodings (status, basis, evidence kind) "
            f"that changes each verdict; {res.candidates} recodings change some evidence."
            if en
            else f"Coderingsgevoeligheid: de kleinste set hercoderingen van één stap (status, basis, soort "
            f"bewijs) die een oordeel verandert; {res.candidates} hercoderingen veranderen enig bewijs."
        ),
        "",
    ]
    flipped = sorted((n for n in res.nodes if n.flips_to), key=lambda n: len(n.recodings))
    for n in flipped:
        if n.minimal:
            proven = "minimal" if en else "minimaal"
        else:
            proven = "found, not proven minimal" if en else "gevonden, niet bewezen minimaal"
        lines.append(
            f"{_label(n, lang)}: {verdict_label(n.verdict, lang)} → {verdict_label(n.flips_to, lang)} "  # type: ignore[arg-type]
            f"{'with' if en else 'met'} {len(n.recodings)} ({proven})"
        )
        for r in n.recodings:
            change = f"{_field(r.field, lang)} {r.before} → {r.after}"
            lines.append(f"  - {r.observation} ({r.initiative}, {r.round}): {change}")
    rest = [n for n in res.nodes if not n.flips_to]
    if rest:
        size = max(n.searched_size for n in rest)
        lines.append(
            (f"No flip within {size} recodings: " if en else f"Geen omslag binnen {size} hercoderingen: ")
            + ", ".join(_label(n, lang) for n in rest)
        )
    return "\n".join(lines) + "\n"
