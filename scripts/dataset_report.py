"""Generate the tables of graphs/<name>/README.md from the encoded data.

    python scripts/dataset_report.py            # print the README with its sections regenerated
    python scripts/dataset_report.py --check    # exit 1 if the README is not current
    python scripts/dataset_report.py --write    # replace them in the README

The README keeps each generated section between <!-- BEGIN name --> and
<!-- END name --> markers; tests/graphs/test_intensiveringsaanpak.py checks
that the README is up to date.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _markers import main, replace_sections

from beleidstheorie import load_theory

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "graphs" / "intensiveringsaanpak"

# Table 3.1 of the report: indicators per type (the general outcome question excluded).
TABLE_3_1 = {
    "waardering-burgers": 2,
    "bereik-burgers": 8,
    "gebruik-professionals": 12,
    "waardering-professionals": 11,
    "inzicht-kennis": 5,
    "aangesloten-gemeenten": 12,
    "samenwerking-keten": 7,
    "effect-problematiek": 8,
}


def _lines(model):
    for top in model.initiatives:
        yield top
        yield from top.action_lines


def sections(path: Path = GRAPH) -> dict[str, str]:
    """The generated markdown sections, by name."""
    model = load_theory(path).model
    mech = {m.id: m.label.nl for m in model.mechanisms}
    lines = list(_lines(model))
    label = {x.id: x.label.nl for x in lines}
    out: dict[str, str] = {}

    rows = ["| initiative | mechanism | strength | inferred from (quote) |", "|---|---|---|---|"]
    for x in lines:
        for c in x.contributions:
            if c.provenance == "inferred":
                quote = c.quote if len(c.quote) <= 140 else c.quote[:137] + "..."
                rows.append(f"| {label[x.id]} | {mech[c.mechanism]} | {c.strength.value} | {quote} |")
    out["inferred"] = "\n".join(rows)

    rows = ["| source | link | target |", "|---|---|---|"]
    for x in lines:
        for link in x.links:
            rows.append(f"| {label[x.id]} | {link.type.value} | {label[link.target]} |")
    out["links"] = "\n".join(rows)

    inds = [i for x in lines for i in x.indicators]
    general = [i for i in inds if i.evidence_for.goals == [model.main_goal.id]]
    counts = Counter(i.type.value for i in inds if i not in general)
    unreported = {x.id for x in lines if any(u.round == "evaluatie-2022" for u in x.unreported_rounds)}
    carried = Counter(
        i.type.value for x in lines if x.id in unreported for i in x.indicators if i not in general
    )
    rows = [
        "| level | type | Table 3.1 | encoded | of which from initiatives without 2022 report | difference |",
        "|---|---|---:|---:|---:|---:|",
    ]
    from beleidstheorie.authoring.vocab import IndicatorType

    for t in IndicatorType:
        enc = counts.get(t.value, 0)
        rows.append(
            f"| {t.level.value} | {t.value} | {TABLE_3_1[t.value]} | {enc} | {carried.get(t.value, 0)} "
            f"| {enc - TABLE_3_1[t.value]:+d} |"
        )
    total = sum(counts.values())
    rows.append(
        f"| | **total** | {sum(TABLE_3_1.values())} | {total} | {sum(carried.values())} "
        f"| {total - sum(TABLE_3_1.values()):+d} |"
    )
    rows.append(f"| outcome | general 'Bijdrage aan hoofddoel' | (not in the table) | {len(general)} | | |")
    out["table31"] = "\n".join(rows)

    obs = [o for i in inds for o in i.observations]
    status = Counter((o.round, o.status.value) for o in obs)
    rows = [
        "| round | progressie geboekt | (nog) geen progressie | nog niet bekend | niet meetbaar |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in model.rounds:
        rows.append(
            f"| {r.id} | {status[(r.id, 'progressie-geboekt')]} | {status[(r.id, 'geen-progressie')]} "
            f"| {status[(r.id, 'nog-niet-bekend')]} | {status[(r.id, 'niet-meetbaar')]} |"
        )
    evidence_for = Counter(
        "mechanism" if i.evidence_for.mechanisms else "goal" if i.evidence_for.goals else "delivery only"
        for i in inds
    )
    prov = Counter(c.provenance.value for x in lines for c in x.contributions)
    section_1_3 = sum(1 for c in model.context_factors if c.ref.section.startswith("1.3"))
    roles = sum(1 for c in model.context_factors if c.roles)
    context_obs = sum(len(i.observations) for c in model.context_factors for i in c.indicators)
    serving = sum(1 for g in model.subgoals if g.serves)
    out["counts"] = "\n".join(
        [
            f"- initiatives: {len(model.initiatives)}"
            f" (plus {len(lines) - len(model.initiatives)} action lines of Corona activiteiten)",
            f"- mechanisms: {len(model.mechanisms)} under {len(model.subgoals)} sub-goals; context factors:"
            f" {len(model.context_factors)} ({section_1_3} of section 1.3, the others of section 1.1), "
            f"{roles} with a role; context observations: {context_obs}",
            f"- sub-goals serving another sub-goal: {serving}; organisation links: "
            f"{len(model.organisation_links)}",
            f"- contributions: {sum(prov.values())} ({prov['stated']} stated, {prov['inferred']} inferred);"
            f" typed links: {sum(len(x.links) for x in lines)}",
            f"- indicators: {len(inds)} ({evidence_for['delivery only']} evidence for delivery only,"
            f" {evidence_for['mechanism']} for a mechanism, {evidence_for['goal']} for a goal);"
            f" observations: {len(obs)}",
            "",
            *rows,
        ]
    )
    out["context"] = _context(model)
    rows = ["| organisation | link | initiative |", "|---|---|---|"]
    org = {o.id: o.label.nl for o in model.organisations}
    for ol in model.organisation_links:
        rows.append(f"| {org[ol.organisation]} | {ol.type.value} | {label[ol.target]} |")
    out["orglinks"] = "\n".join(rows)
    return out


def _context(model) -> str:
    """Context factors with their roles and the observations on them."""
    names = {model.main_goal.id: "hoofddoel", **{g.id: g.label.nl for g in model.subgoals}}
    names |= {m.id: m.label.nl for m in model.mechanisms}
    rows = [
        "| context factor (section) | role | on | strength, provenance "
        "| observations (basis, source: status) |",
        "|---|---|---|---|---|",
    ]
    for c in model.context_factors:
        obs = [
            f"{o.basis.value if o.basis else '?'}, {o.source.value if o.source else '?'}: {o.status.value}"
            for i in c.indicators
            for o in i.observations
        ]
        name = c.label.nl if len(c.label.nl) <= 70 else c.label.nl[:67] + "..."
        for r in c.roles or [None]:
            on = names[r.target] if r else ""
            rows.append(
                f"| {name} ({c.ref.section.split()[0]}) | {r.role.value if r else '—'} | {on} "
                f"| {f'{r.strength.value}, {r.provenance.value}' if r else ''} | {'; '.join(obs)} |"
            )
    return "\n".join(rows)


update = replace_sections


if __name__ == "__main__":
    sys.exit(main(__doc__, GRAPH / "README.md", lambda text: replace_sections(text, sections())))
