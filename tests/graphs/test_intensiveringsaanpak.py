"""The flagship dataset checked against the report's text."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest
import yaml

from beleidstheorie.graph.shacl import validate_graph
from tests.conftest import FLAGSHIP, ROOT
from tests.dataset_checks import SEED_REPORT, normalise, number_in_text, problems


def test_the_source_text_ships_with_the_dataset():
    assert SEED_REPORT.is_file(), f"source text missing at {SEED_REPORT}"


FILES = sorted([FLAGSHIP / "theory.yaml", *(FLAGSHIP / "initiatives").glob("*.yaml")])


def lines(model):
    for top in model.initiatives:
        yield top
        yield from top.action_lines


@pytest.fixture(scope="module")
def model(flagship_theory):
    return flagship_theory.model


def test_the_flagship_is_the_default_graph():
    from beleidstheorie import bundled_graph_path

    assert bundled_graph_path().resolve() == FLAGSHIP.resolve()


def test_counts_match_section_1_3_and_table_2_1(model):
    assert len(model.initiatives) == 19
    assert [x.number for x in model.initiatives] == list(range(1, 20))
    assert len(model.mechanisms) == 11
    assert len(model.subgoals) == 3
    section_1_3 = [c for c in model.context_factors if c.ref.section.startswith("1.3")]
    levels = Counter(c.level.value for c in section_1_3)
    assert levels == {"samenleving": 4, "organisaties": 5, "individuen": 3}
    assert [m.subgoal for m in model.mechanisms] == ["groepen-in-beeld"] * 3 + [
        "passende-ondersteuning"
    ] * 4 + ["uitvoeringsinstanties-versterken"] * 4
    (subsidy,) = model.inputs
    assert subsidy.amount.value == 11_500_000 and subsidy.amount.unit == "EUR"


def test_corona_activiteiten_keeps_its_three_action_lines(model):
    corona = next(x for x in model.initiatives if x.id == "corona-activiteiten")
    assert [s.id for s in corona.action_lines] == [
        "collectief-schuldregelen",
        "schuldenrust",
        "convenant-vroegsignalering",
    ]


def test_process_thermometer_response_counts(model):
    first, second = model.process_surveys
    assert (first.round, first.respondents, first.population, first.persons) == (
        "monitor-2021",
        14,
        18,
        None,
    )
    assert (second.round, second.respondents, second.population, second.persons) == (
        "evaluatie-2022",
        14,
        19,
        18,
    )


def test_samenhang_of_section_2_3(model):
    links = {(x.id, link.type.value, link.target) for x in lines(model) for link in x.links}
    expected = {
        ("schuldenlabnl", "embraces-in-pact", "collectief-schuldregelen"),
        ("schuldenlabnl", "embraces-in-pact", "nederlandse-schuldhulproute"),
        ("schuldenlabnl", "embraces-in-pact", "voorzieningenwijzer"),
        ("schuldenlabnl", "accredits", "nederlandse-schuldhulproute"),
        ("nederlandse-schuldhulproute", "has-partner", "masterplan-vrijwillige-schuldhulp"),
        ("nederlandse-schuldhulproute", "has-partner", "voorzieningenwijzer"),
        ("goed-gesprek-over-geld", "refers-to", "nederlandse-schuldhulproute"),
        ("schuldenknooppunt", "supports", "collectief-schuldregelen"),
        ("samenwerken-kinderarmoede", "succeeds", "verstevigen-aanpak-kinderarmoede"),
        ("inzet-ervaringsdeskundigen", "contributes-to", "samenwerken-kinderarmoede"),
        ("garantiefonds-jongeren", "shares-consortium", "garantiefonds-zonder-helper"),
    }
    assert expected <= links
    connected = {s for s, _, _ in links} | {t for _, _, t in links}
    for unconnected in ("geldplan-werkloosheid", "monitoring-vroegsignalering", "minder-regeldruk"):
        assert unconnected not in connected


def test_every_initiative_line_contributes_with_a_quote(model):
    for x in lines(model):
        if x.id == "corona-activiteiten":
            continue  # its action lines carry the contributions
        assert x.contributions, x.id
        for c in x.contributions:
            assert c.quote.strip()


def test_every_indicator_says_what_it_is_evidence_for(model):
    for x in lines(model):
        for ind in x.indicators:
            assert ind.evidence_for.rationale.strip()
            if ind.label.nl.startswith("Bijdrage aan"):
                assert ind.evidence_for.goals == ["hoofddoel"], ind.id
            for obs in ind.observations:
                assert obs.rationale.strip()


def test_initiatives_without_2022_information_are_marked(model):
    unreported = {x.id for x in lines(model) for u in x.unreported_rounds if u.round == "evaluatie-2022"}
    assert unreported == {
        "ondernemers-met-schulden",
        "masterplan-vrijwillige-schuldhulp",
        "garantiefonds-zonder-helper",
        "nooit-meer-skeer",
    }
    # "Vijftien van de in totaal negentien initiatieven hebben de informatie aangeleverd."
    assert 19 - len(unreported) == 15


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_quote_occurs_in_the_report_and_every_number_in_its_observation(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert problems(data, SEED_REPORT.read_text(encoding="utf-8")) == []


def test_indicator_labels_are_the_reports_words(model):
    seed = normalise(SEED_REPORT.read_text(encoding="utf-8"))
    missing = [i.label.nl for x in lines(model) for i in x.indicators if normalise(i.label.nl) not in seed]
    assert missing == []


def test_number_matching_is_strict():
    assert number_in_text(118, "NSR: 118 gemeenten")
    assert not number_in_text(11, "NSR: 118 gemeenten")
    assert number_in_text(61782, "61.782 burgers") and number_in_text(11.5, "11,5 miljoen")


def test_the_graph_conforms_to_the_shapes(flagship_theory):
    assert validate_graph(flagship_theory.graph) == []


def test_the_dataset_readme_is_up_to_date():
    spec = importlib.util.spec_from_file_location("dataset_report", ROOT / "scripts" / "dataset_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (FLAGSHIP / "README.md").read_text(encoding="utf-8")
    assert module.update(readme, module.sections(FLAGSHIP)) == readme


def test_every_initiative_has_curator_notes():
    notes = {p.stem for p in (FLAGSHIP / "notes").glob("*.md")}
    initiatives = {Path(p).stem for p in (FLAGSHIP / "initiatives").glob("*.yaml")}
    assert initiatives <= notes


def test_every_target_value_is_written_in_its_quote(model):
    for x in lines(model):
        for target in x.targets:
            assert number_in_text(target.value, target.quote), (x.id, target.value)
            if target.baseline is not None:
                assert number_in_text(target.baseline, target.quote), (x.id, target.baseline)


def test_the_reports_example_targets_are_encoded(model):
    targets = {(x.id, t.value, t.unit) for x in lines(model) for t in x.targets}
    assert ("nederlandse-schuldhulproute", 30.0, "%") in targets
    assert ("masterplan-vrijwillige-schuldhulp", 60.0, "vrijwilligers") in targets
    cs = next(t for x in lines(model) if x.id == "collectief-schuldregelen" for t in x.targets)
    assert (cs.baseline, cs.value, cs.unit) == (120.0, 30.0, "dagen")


# -- the second reading (issue 10): theory level ----------------------------------------------


def count(theory, pattern: str) -> int:
    prefix = "PREFIX bt: <https://w3id.org/beleidstheorie#>\n"
    rows = theory.store.query(prefix + f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(rows[0]["n"])


def test_action_lines_are_not_initiatives(flagship_theory):
    assert count(flagship_theory, "?x a bt:Initiative") == 19
    assert count(flagship_theory, "?x a bt:ActionLine ; bt:actionLineOf ?i . ?i a bt:Initiative") == 3
    assert count(flagship_theory, "?t bt:hasInitiative ?x . ?x a bt:ActionLine") == 0
    numbers = flagship_theory.store.query(
        "PREFIX bt: <https://w3id.org/beleidstheorie#>\n"
        "SELECT ?n WHERE { ?x a bt:Initiative ; bt:number ?n } ORDER BY ?n"
    )
    assert [int(r["n"]) for r in numbers] == list(range(1, 20))


def observations(model):
    """(owner id, indicator, observation) for every observation, context factors included."""
    for x in lines(model):
        for ind in x.indicators:
            for obs in ind.observations:
                yield x.id, ind, obs
    for cf in model.context_factors:
        for ind in cf.indicators:
            for obs in ind.observations:
                yield cf.id, ind, obs


def test_values_of_kind_target_or_expectation_are_not_counted_as_realised(model, flagship_theory):
    realised = {
        str(r["obs"]).rsplit("/", 1)[-1]: int(r["n"])
        for r in flagship_theory.store.query(
            "PREFIX bt: <https://w3id.org/beleidstheorie#>\n"
            "SELECT ?obs (COUNT(?q) AS ?n) WHERE { ?obs bt:hasQuantity ?q . "
            "?q bt:valueKind bt:valuekind-realised } GROUP BY ?obs"
        )
    }
    for _, ind, obs in observations(model):
        expected = sum(1 for q in obs.values if q.kind.value == "realised")
        assert realised.get(f"{ind.id}--{obs.round}", 0) == expected, (ind.id, obs.round)
        for q in obs.values:
            if q.counts.lower().startswith(("streefwaarde", "doelstelling", "beoogd")):
                assert q.kind.value == "target", (ind.id, obs.round, q.counts)


def test_no_target_figure_appears_as_a_realised_value_of_its_indicator(model):
    for x in lines(model):
        by_id = {ind.id: ind for ind in x.indicators}
        for target in x.targets:
            if target.indicator is None:
                continue
            for obs in by_id[target.indicator].observations:
                # A realised value equal to the target must be read from the text outside the
                # target's own words (e.g. "5 van de 5 praktijkdagen"), not from the target.
                rest = normalise(obs.text).replace(normalise(target.quote), " ")
                for q in obs.values:
                    if q.kind.value == "realised" and q.value == target.value:
                        assert number_in_text(q.value, rest), (x.id, target.indicator, obs.round)


def test_sub_goals_2_and_3_serve_sub_goal_1_with_the_quote_of_section_1_3(model):
    serves = {g.id: g.serves for g in model.subgoals}
    assert serves == {
        "groepen-in-beeld": [],
        "passende-ondersteuning": ["groepen-in-beeld"],
        "uitvoeringsinstanties-versterken": ["groepen-in-beeld"],
    }
    for g in model.subgoals[1:]:
        assert "om subdoel 1 te kunnen bereiken" in g.serves_quote.quote
        assert g.serves_quote.ref.section.startswith("1.3")


def test_no_gate_is_declared_because_section_1_3_does_not_say_how_parts_combine(model):
    # The dataset README quotes section 1.3: it names no alternative routes nor joint needs.
    nodes = [model.main_goal, *model.subgoals, *model.mechanisms]
    assert [n.id for n in nodes if n.gate is not None] == []


def test_section_1_1_rivals_and_figures_are_context_evidence(model):
    factors = {c.id: c for c in model.context_factors}
    rivals = {c.id for c in model.context_factors for r in c.roles if r.role.value == "rival"}
    assert rivals == {
        "stop-invordering-belastingdienst",
        "steun-en-herstelpakketten",
        "minder-hoog-oplopende-werkloosheid",
    }
    for cid in rivals:
        (role,) = factors[cid].roles
        assert role.target == model.main_goal.id and role.ref.section.startswith("1.1")
    figures = factors["toename-armoede-schulden"]
    assert figures.roles == []
    for cf in model.context_factors:
        for ind in cf.indicators:
            assert ind.evidence_for.context
            for obs in ind.observations:
                assert obs.source is not None and obs.source.value == "external-statistics"
                assert obs.basis is not None


def test_roles_of_section_1_3_factors_rest_on_a_quote_outside_section_1_3(model):
    # Section 1.3 itself says only that the factors are "van invloed"; a role needs a passage
    # that says how a factor bears on a mechanism or goal.
    for cf in model.context_factors:
        if cf.ref.section.startswith("1.3"):
            for role in cf.roles:
                assert not role.ref.section.startswith("1.3"), cf.id


def test_organisation_links_of_section_2_3(model):
    links = {(x.organisation, x.type.value, x.target) for x in model.organisation_links}
    assert links == {
        ("sterk-uit-armoede", "contributes-to", "samenwerken-kinderarmoede"),
        ("jeugdeducatiefonds", "contributes-to", "samenwerken-kinderarmoede"),
        ("alliantie-vrijwillige-schuldhulp", "has-partner", "nederlandse-schuldhulproute"),
        ("nvvk", "shares-consortium", "garantiefonds-jongeren"),
        ("nvvk", "shares-consortium", "garantiefonds-zonder-helper"),
    }
    assert all(x.ref.section.startswith("2.3") for x in model.organisation_links)


def test_every_observation_carries_basis_and_source(model):
    missing = [
        f"{owner}: {ind.id} ({obs.round})"
        for owner, ind, obs in observations(model)
        if obs.basis is None or obs.source is None
    ]
    assert missing == []
