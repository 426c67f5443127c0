"""The interactive page: self-contained, escaped, filterable; checked in headless Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from beleidstheorie.namespaces import BT
from beleidstheorie.views.columns import COLUMN_WIDTH
from beleidstheorie.views.grammar import verdict_line
from beleidstheorie.views.page import interactive_html, page_data, write_interactive
from tests.views.conftest import HOSTILE
from tests.views.png import distinct_colours

PREFIX = f"PREFIX bt: <{BT}>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
DATA_BLOCK = re.compile(r'<script type="application/json" id="bt-data">(.*?)</script>', re.S)


def count(theory, pattern: str) -> int:
    rows = theory.store.query(PREFIX + f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(rows[0]["n"])


def graph_nodes(theory) -> int:
    """Inputs, initiatives, mechanisms, sub-goals, main goal and context factors, by SPARQL."""
    return sum(
        count(theory, f"?t {p} ?x")
        for p in (
            "bt:hasInput",
            "bt:hasInitiative/(^bt:actionLineOf)?",
            "bt:hasMechanism",
            "bt:hasSubGoal",
            "bt:hasMainGoal",
            "bt:hasContextFactor",
        )
    )


def graph_edges(theory) -> int:
    """Input→initiative, contributions, mechanism→sub-goal, sub-goal→goal, links, sub-line→initiative."""
    inputs = count(theory, "?t bt:hasInput ?x")
    tops = count(theory, "?t bt:hasInitiative ?x")
    return (
        inputs * tops
        + count(theory, "?c a bt:Contribution")
        + count(theory, "?m a bt:Mechanism ; bt:contributesTo ?s")
        + count(theory, "?s a bt:SubGoal ; bt:contributesTo ?g . ?g a bt:MainGoal")
        + count(theory, "?l a bt:InitiativeLink")
        + count(theory, "?x a bt:ActionLine ; bt:actionLineOf ?p")
    )


def keys(iris) -> set[str]:
    return {str(i).rsplit("/", 1)[-1] for i in iris}


# -- the HTML text -----------------------------------------------------------------------
def test_page_is_one_file_that_fetches_nothing(example_theory, example_result):
    page = interactive_html(example_theory, result=example_result)
    tags = re.findall(r"<(?:script|link|img|iframe|style)\b[^>]*>", page)
    assert not [t for t in tags if re.search(r"\b(src|href)\s*=", t)]
    assert "@import" not in page and not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    assert "default-src 'none'" in page  # the CSP forbids any request
    assert len(re.findall(r"^<script", page, re.M)) == 3  # data, vis-network, the app


def test_data_block_is_json_without_raw_markup_characters(hostile_theory):
    page = interactive_html(hostile_theory)
    block = DATA_BLOCK.search(page).group(1)
    assert not set("<>&") & set(block)
    data = json.loads(block)
    assert any(n["label"].startswith("1 <script>") for n in data["nodes"])
    assert "<script>alert(1)" not in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;quote&quot; \\ back</title>" in page
    assert HOSTILE in {info["label"][2:] for info in data["info"].values()}


@pytest.mark.parametrize("name", ["example_theory", "flagship_theory"])
def test_network_has_a_node_per_theory_node_and_an_edge_per_relation(request, name):
    theory = request.getfixturevalue(name)
    data = page_data(theory)
    assert len(data["nodes"]) == graph_nodes(theory)
    assert len(data["edges"]) == graph_edges(theory)
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])


def test_nodes_sit_in_columns_left_to_right_with_context_beneath(flagship_theory):
    data = page_data(flagship_theory)
    info = data["info"]
    xs: dict[str, set[float]] = {}
    for n in data["nodes"]:
        xs.setdefault(info[n["id"]]["kind"], set()).add(n["x"])
    assert xs["Input"] == {0}
    assert xs["Initiatief"] == xs["Actielijn van een initiatief"] == {COLUMN_WIDTH}
    assert xs["Werkzaam mechanisme"] == {2 * COLUMN_WIDTH}
    assert xs["Hoofddoel"] == {4 * COLUMN_WIDTH}
    lowest_column_node = max(n["y"] for n in data["nodes"] if info[n["id"]]["kind"] != "Contextfactor")
    assert all(n["y"] > lowest_column_node for n in data["nodes"] if info[n["id"]]["kind"] == "Contextfactor")
    assert [h["text"] for h in data["headers"][:5]] == [
        "Input",
        "Activiteiten",
        "Werkzame mechanismen",
        "Subdoelen",
        "Hoofddoel",
    ]


def test_physics_option_floats_the_nodes_without_column_positions(example_theory):
    data = page_data(example_theory, physics=True)
    assert data["options"]["physics"]["enabled"] is True
    assert not any("x" in n for n in data["nodes"]) and data["headers"] == []


def test_sub_goal_filter_keeps_its_mechanisms_their_initiatives_and_the_goal(example_theory):
    data = page_data(example_theory)
    sg = next(s["id"] for s in data["subgoals"] if s["id"].endswith("/ouderen-bereikt"))
    assert keys(data["keep"]["subgoal"][sg]) == {
        "ouderen-bereikt",
        "minder-eenzaamheid",
        "signalering-door-buren",
        "laagdrempelige-ontmoeting",
        "burenhulp-training",
        "buurtkamer",
        "buurtbudget",
    }


def test_initiative_filter_keeps_its_links_mechanisms_and_goals(example_theory):
    data = page_data(example_theory)
    ini = next(i["id"] for i in data["initiatives"] if i["id"].endswith("/buurtkamer"))
    assert keys(data["keep"]["initiative"][ini]) == {
        "buurtkamer",
        "belcirkel",
        "laagdrempelige-ontmoeting",
        "vaste-contacten",
        "ouderen-bereikt",
        "netwerk-versterkt",
        "minder-eenzaamheid",
        "buurtbudget",
    }


def expected_insufficient(result) -> set[str]:
    scored = (result.main_goal, *result.subgoals, *result.mechanisms, *result.initiatives)
    keep = {n.key for n in scored if n.verdict == "insufficient"}
    goals = {m.subgoal.rsplit("/", 1)[1] for m in result.mechanisms if m.key in keep}
    goals |= {s.key for s in result.subgoals if s.key in keep}
    # and the initiatives that feed a kept mechanism, from the theory's own contributions
    feeding = {key for mech, key in CONTRIBUTIONS if mech in keep}
    return keep | goals | feeding | ({result.main_goal.key} if goals else set())


CONTRIBUTIONS: set[tuple[str, str]] = set()


@pytest.fixture(scope="module", autouse=True)
def _contributions(flagship_theory):
    from beleidstheorie.views.structure import read_structure

    s = read_structure(flagship_theory.store)
    CONTRIBUTIONS.update((s.node(c.mechanism).key, s.node(c.initiative).key) for c in s.contributions)


def test_insufficient_filter_keeps_insufficient_nodes_the_goals_they_lead_to_and_their_initiatives(
    flagship_theory, flagship_rounds
):
    data = page_data(flagship_theory, results_by_round=flagship_rounds)
    for rid, result in flagship_rounds.items():
        assert keys(data["keep"]["insufficient"][rid]) == expected_insufficient(result)


def test_each_round_has_its_own_scores_styles_and_label(flagship_theory, flagship_rounds):
    data = page_data(
        flagship_theory, result=flagship_rounds["evaluatie-2022"], results_by_round=flagship_rounds
    )
    assert [r["id"] for r in data["rounds"]] == ["monitor-2021", "evaluatie-2022"]
    assert data["defaultRound"] == "evaluatie-2022"
    first, second = (data["styles"][r] for r in ("monitor-2021", "evaluatie-2022"))
    assert first.keys() == second.keys()
    assert any(first[k]["label"] != second[k]["label"] for k in first)


def test_without_results_there_are_no_rounds_or_scores(example_theory):
    data = page_data(example_theory)
    assert data["rounds"] == [] and data["defaultRound"] is None and data["scores"] == {}


def test_english_page_uses_english_labels_and_controls(example_theory, example_result):
    data = page_data(example_theory, result=example_result, lang="en")
    assert data["text"]["filter_insufficient"] == "only insufficient evidence"
    assert "Reciprocity" in {n["label"].split("\n")[0] for n in data["nodes"]}
    assert '<html lang="en">' in interactive_html(example_theory, lang="en")


# -- in the browser ----------------------------------------------------------------------
def visible(page) -> int:
    return page.evaluate("btNodes.get({filter: n => !n.hidden}).length")


@pytest.mark.browser
def test_page_loads_offline_without_errors_or_requests(page, flagship_page_file):
    page.open(flagship_page_file)
    assert page.errors == []
    assert page.requests == [flagship_page_file.resolve().as_uri()]
    assert page.dialogs == []


@pytest.mark.browser
def test_datasets_hold_every_node_and_edge_of_the_graph(page, flagship_theory, flagship_page_file):
    page.open(flagship_page_file)
    assert page.evaluate("btNodes.length") == graph_nodes(flagship_theory)
    assert page.evaluate("btEdges.length") == graph_edges(flagship_theory)
    assert page.evaluate("btNetwork instanceof vis.Network")
    assert visible(page) == graph_nodes(flagship_theory)


@pytest.mark.browser
def test_sub_goal_and_initiative_filters_narrow_the_view_together(page, flagship_theory, flagship_page_file):
    data = page_data(flagship_theory)
    sg = data["subgoals"][2]["id"]
    ini = next(i["id"] for i in data["initiatives"] if i["id"].endswith("/schuldenlabnl"))
    page.open(flagship_page_file)
    page.page.select_option("#bt-filter-subgoal", sg)
    assert visible(page) == len(data["keep"]["subgoal"][sg]) < graph_nodes(flagship_theory)
    page.page.select_option("#bt-filter-initiative", ini)
    both = set(data["keep"]["subgoal"][sg]) & set(data["keep"]["initiative"][ini])
    assert visible(page) == len(both)
    assert page.page.text_content("#bt-visible-count").startswith(f"{len(both)} van ")
    page.page.select_option("#bt-filter-subgoal", "")
    page.page.select_option("#bt-filter-initiative", "")
    assert visible(page) == graph_nodes(flagship_theory)


@pytest.mark.browser
def test_insufficient_checkbox_and_round_select_work_together(page, flagship_page_file, flagship_rounds):
    page.open(flagship_page_file)
    page.page.check("#bt-filter-insufficient")
    assert visible(page) == len(expected_insufficient(flagship_rounds["evaluatie-2022"]))
    page.page.select_option("#bt-filter-round", "monitor-2021")
    assert visible(page) == len(expected_insufficient(flagship_rounds["monitor-2021"]))


@pytest.mark.browser
def test_round_select_switches_verdict_lines_in_labels(page, flagship_page_file, flagship_rounds):
    old, new = flagship_rounds["monitor-2021"], flagship_rounds["evaluatie-2022"]
    changed = [m for m in old.mechanisms if verdict_line(m) != verdict_line(new.node(m.id))]
    assert changed
    iri = changed[0].id
    page.open(flagship_page_file)
    label = f"btNodes.get({json.dumps(iri)}).label"
    assert page.evaluate(label).endswith(verdict_line(new.node(iri)))
    page.page.select_option("#bt-filter-round", "monitor-2021")
    assert page.evaluate(label).endswith(verdict_line(changed[0]))


def node_point(page, iri: str) -> tuple[float, float]:
    box = page.page.locator("#bt-graph").bounding_box()
    pos = page.evaluate(
        f"btNetwork.canvasToDOM(btNetwork.getPositions([{json.dumps(iri)}])[{json.dumps(iri)}])"
    )
    return box["x"] + pos["x"], box["y"] + pos["y"]


@pytest.mark.browser
def test_hostile_tooltip_shows_the_script_as_text_and_runs_nothing(page, hostile_page_file):
    page.open(hostile_page_file)
    iri = page.evaluate("btNodes.getIds().find(id => id.endsWith('/initiative/buurtkamer'))")
    page.evaluate(f"btNetwork.focus({json.dumps(iri)}, {{scale: 1, animation: false}})")
    page.page.mouse.move(*node_point(page, iri))
    tip = page.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    assert "<script>alert(1)</script>" in tip.inner_text()
    assert '"quote" \\ back' in tip.inner_text()
    assert tip.locator("script").count() == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert page.page.title() == HOSTILE
    assert page.page.text_content("#bt-title") == HOSTILE
    assert page.dialogs == [] and page.errors == []


@pytest.mark.browser
def test_click_dims_everything_outside_the_traced_paths(page, example_theory, tmp_path):
    out = write_interactive(example_theory, tmp_path / "example.html")
    page.open(out)
    iri = page.evaluate("btNodes.getIds().find(id => id.endsWith('/mechanism/wederkerigheid'))")
    page.page.mouse.click(*node_point(page, iri))
    faded = page.evaluate("btNodes.get({filter: n => n.color.background === '#f1f1f1'}).length")
    traced = page.evaluate(f"btTrace({json.dumps(iri)}).length")
    assert faded == page.evaluate("btNodes.length") - traced
    box = page.page.locator("#bt-graph").bounding_box()
    page.page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)  # empty canvas: everything back
    assert page.evaluate("btNodes.get({filter: n => n.color.background === '#f1f1f1'}).length") == 0


@pytest.mark.browser
def test_screenshot_of_the_flagship_is_not_blank(page, flagship_page_file):
    page.open(flagship_page_file)
    png = page.page.locator("#bt-graph").screenshot()
    assert distinct_colours(png) > 50


def test_with_scores_the_page_legend_has_no_type_swatch_for_scored_kinds(flagship_theory, flagship_rounds):
    data = page_data(flagship_theory, results_by_round=flagship_rounds)
    labels = {k["label"] for k in data["legend"]["kinds"]}
    assert labels == {"Input", "Contextfactor"}
    used = {n.verdict for r in flagship_rounds.values() for n in (r.main_goal, *r.subgoals, *r.mechanisms)}
    assert {v["verdict"] for v in data["legend"]["verdicts"]} >= used


def iri_of(page, kind: str, key: str) -> str:
    return page.evaluate(f"btNodes.getIds().find(id => id.endsWith('/{kind}/{key}'))")


@pytest.mark.browser
def test_search_finds_a_node_focuses_it_and_opens_its_details_panel(
    page, flagship_page_file, flagship_rounds
):
    page.open(flagship_page_file)
    mech = flagship_rounds["evaluatie-2022"].node("meer-preventie")
    page.page.fill("#bt-search", mech.label)
    page.page.press("#bt-search", "Enter")
    panel = page.page.locator("#bt-details")
    assert panel.is_visible()
    assert panel.get_attribute("data-node") == mech.id
    text = panel.inner_text()
    assert mech.label in text and "onvoldoende bewijs" in text
    assert "Bijdragende initiatieven" in text
    assert page.evaluate("btNetwork.getSelectedNodes()") == [mech.id]
    assert page.errors == []


@pytest.mark.browser
def test_the_panel_lists_every_ranked_item_with_its_impact_quote_and_page(
    page, flagship_page_file, flagship_rounds
):
    page.open(flagship_page_file)
    mech = flagship_rounds["evaluatie-2022"].node("betere-signalering")
    assert len(mech.contributions) > 3  # more than the tooltip shows
    page.page.fill("#bt-search", mech.label)
    page.page.press("#bt-search", "Enter")
    items = page.page.locator("#bt-details ol.bt-evidence > li")
    assert items.count() == len(mech.contributions)
    for k, item in enumerate(mech.contributions):
        text = items.nth(k).inner_text()
        assert f"{item.indicator_label} — " in text
        assert f"effect op score: {item.impact:+.3f}".replace(".", ",") in text
        assert item.reference in text and " ".join(item.text.split()) in " ".join(text.split())
    # the tooltip keeps to the first few, the panel does not repeat them above its list
    assert page.page.locator("#bt-details .bt-details-body li").count() == 0
    tip = page.evaluate(f"btNodes.get({json.dumps(mech.id)}).title.querySelectorAll('li').length")
    assert tip == 3
    assert page.errors == []


@pytest.mark.browser
def test_the_panel_of_an_undecided_node_says_what_to_measure_next_in_that_round(
    page, tmp_path, flagship_theory, flagship_rounds
):
    from beleidstheorie.reasoning.analysis.next import next_measurements
    from beleidstheorie.views import grammar
    from beleidstheorie.views.next_table import sentence

    latest = flagship_rounds["evaluatie-2022"]
    planned = next_measurements(flagship_theory, round=latest.round)
    step = next(s for s in planned.steps if s.kind == "mechanism" and s.measurements)
    out = write_interactive(
        flagship_theory,
        tmp_path / "next.html",
        result=latest,
        results_by_round=flagship_rounds,
        next_result=planned,
    )
    page.open(out)
    page.page.fill("#bt-search", step.label)
    page.page.press("#bt-search", "Enter")
    assert page.page.locator("#bt-details").get_attribute("data-node") == latest.node(step.node).id
    assert "Wat nu meten" in page.page.locator("#bt-details h3").all_inner_texts()
    lines = page.page.locator("#bt-details ol.bt-next > li").all_inner_texts()
    assert len(lines) == len(step.measurements)
    assert lines[0].startswith(sentence(step, step.measurements[0]))
    best = step.measurements[0].outcomes[0]  # and what its strongest evidence would make of the verdict
    assert f"bij progressie: {grammar.MARKS[best.verdict_if_progress].glyph} " in lines[0]
    assert f"zonder: {grammar.MARKS[best.verdict_if_no_progress].glyph} " in lines[0]
    # the plan is for the latest round: another round's panel does not show it
    page.page.select_option("#bt-filter-round", "monitor-2021")
    page.page.fill("#bt-search", step.label)
    page.page.press("#bt-search", "Enter")
    assert page.page.locator("#bt-details ol.bt-next").count() == 0
    assert page.errors == []


@pytest.mark.browser
def test_clicking_a_node_opens_a_persistent_panel_that_stays_until_closed(page, flagship_page_file):
    page.open(flagship_page_file)
    iri = iri_of(page, "mechanism", "integrale-samenwerking")
    page.evaluate(f"btNetwork.focus({json.dumps(iri)}, {{scale: 1, animation: false}})")
    x, y = node_point(page, iri)
    page.page.mouse.click(x, y)
    panel = page.page.locator("#bt-details")
    assert panel.get_attribute("data-node") == iri
    page.page.mouse.move(5, 5)  # a tooltip would vanish; the panel stays
    page.page.wait_for_timeout(200)
    assert panel.is_visible() and "Uit het rapport" in panel.inner_text()
    page.page.click("#bt-details-close")
    assert not panel.is_visible()


@pytest.mark.browser
def test_zoom_buttons_change_the_scale_and_fit_restores_the_whole_graph(page, flagship_page_file):
    page.open(flagship_page_file)
    start = page.evaluate("btNetwork.getScale()")
    page.page.click("#bt-zoom-in")
    bigger = page.evaluate("btNetwork.getScale()")
    page.page.click("#bt-zoom-out")
    page.page.click("#bt-zoom-out")
    smaller = page.evaluate("btNetwork.getScale()")
    assert bigger == pytest.approx(start * 1.25) and smaller == pytest.approx(bigger * 0.64)
    page.page.click("#bt-fit")
    fitted = page.evaluate("btNetwork.getScale()")
    assert fitted < start  # the whole graph is larger than the legible first view
    box = page.page.locator("#bt-graph").bounding_box()
    assert on_screen(page, page.evaluate("btNodes.getIds()"), box) == page.evaluate("btNodes.length")


def on_screen(page, ids: list[str], box: dict) -> int:
    """How many of the nodes have their whole bounding box inside the graph's canvas."""
    return page.page.evaluate(
        """([ids, w, h]) => ids.filter(id => {
             const b = btNetwork.getBoundingBox(id);
             const a = btNetwork.canvasToDOM({x: b.left, y: b.top});
             const z = btNetwork.canvasToDOM({x: b.right, y: b.bottom});
             return a.x >= -1 && a.y >= -1 && z.x <= w + 1 && z.y <= h + 1;
           }).length""",
        [ids, box["width"], box["height"]],
    )


def rendered_font_px(page) -> list[float]:
    """The on-screen size (CSS px) of every node label in view: font size times the canvas scale."""
    return page.evaluate(
        """() => {
             const c = document.querySelector('#bt-graph canvas');
             const cssPerCanvas = c.getBoundingClientRect().width / c.clientWidth;
             const w = c.clientWidth, h = c.clientHeight;
             return btNodes.get().filter(n => {
               const p = btNetwork.canvasToDOM(btNetwork.getPositions([n.id])[n.id]);
               return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
             }).map(n => n.font.size * btNetwork.getScale() * cssPerCanvas);
           }"""
    )


@pytest.mark.browser
def test_first_view_shows_the_goals_with_legible_text(page, flagship_page_file, flagship_theory):
    page.open(flagship_page_file)
    sizes = rendered_font_px(page)
    assert sizes and min(sizes) >= 10
    data = page_data(flagship_theory)
    box = page.page.locator("#bt-graph").bounding_box()
    main_goal = next(n["id"] for n in data["nodes"] if n["level"] == 4)
    first_mechanism = next(n["id"] for n in data["nodes"] if n["level"] == 2)
    assert on_screen(page, [main_goal, first_mechanism], box) == 2
    assert page.errors == []


@pytest.mark.browser
def test_tracing_a_path_zooms_to_the_traced_part(page, flagship_page_file, flagship_theory):
    from beleidstheorie.views.structure import read_structure

    s = read_structure(flagship_theory.store)
    mech = next(m for m in s.mechanisms if m.key == "meer-preventie")
    page.open(flagship_page_file)
    page.page.click("#bt-fit")
    before = page.evaluate("btNetwork.getScale()")
    page.page.fill("#bt-search", mech.label)
    page.page.press("#bt-search", "Enter")
    traced = page.evaluate(f"btTrace({json.dumps(mech.iri)})")
    box = page.page.locator("#bt-graph").bounding_box()
    scale = page.evaluate("btNetwork.getScale()")
    assert scale > before and on_screen(page, [mech.iri], box) == 1
    # the whole traced part when it fits legibly; else as much of it as legible text allows
    all_in_view = on_screen(page, traced, box) == len(traced)
    assert all_in_view or scale == pytest.approx(page.evaluate("btLegibleScale()"))
    assert min(rendered_font_px(page)) >= 10


@pytest.mark.browser
def test_the_table_alternative_lists_every_node_and_the_keyboard_opens_its_panel(page, flagship_page_file):
    page.open(flagship_page_file)
    rows = page.page.locator("#bt-table tbody tr")
    assert rows.count() == page.evaluate("btNodes.length")
    page.page.click("#bt-table-summary")
    first = page.page.locator("#bt-table .bt-row-button").first
    first.focus()
    page.page.keyboard.press("Enter")
    node = page.page.locator("#bt-table tbody tr").first.get_attribute("data-node")
    assert page.page.locator("#bt-details").get_attribute("data-node") == node
    # Tab reaches the row buttons from the panel's close button onwards: every node is reachable
    assert page.evaluate("document.querySelectorAll('#bt-table .bt-row-button').length") == rows.count()
    assert page.errors == []


@pytest.mark.browser
def test_the_view_is_in_the_url_restores_on_load_and_back_undoes_a_step(
    page, flagship_page_file, flagship_rounds
):
    page.open(flagship_page_file)
    mech = flagship_rounds["evaluatie-2022"].node("meer-preventie")
    page.page.fill("#bt-search", mech.label)
    page.page.press("#bt-search", "Enter")
    subgoal = flagship_rounds["evaluatie-2022"].subgoals[0].id
    page.page.select_option("#bt-filter-subgoal", subgoal)
    url = page.page.url
    assert "node=" in url and "subgoal=" in url
    page.page.go_back()
    page.page.wait_for_function("!location.hash.includes('subgoal=')")
    assert page.evaluate("document.getElementById('bt-filter-subgoal').value") == ""
    assert page.page.locator("#bt-details").get_attribute("data-node") == mech.id
    fresh = page.page.context.new_page()
    fresh.goto(url)
    fresh.wait_for_selector("body[data-bt-ready]")
    assert fresh.evaluate("document.getElementById('bt-filter-subgoal').value") == subgoal
    assert fresh.locator("#bt-details").get_attribute("data-node") == mech.id
    assert fresh.evaluate("btNetwork.getSelectedNodes()") == [mech.id]
    assert page.errors == []


LINK_STATE = """() => ({
  layer: document.getElementById('bt-layer-links').checked,
  types: Object.fromEntries(Array.from(document.querySelectorAll('#bt-link-types input'))
    .map(b => [b.id, b.checked])),
  hidden: btEdges.get({filter: e => e.linkType && e.hidden}).map(e => e.id).sort(),
  open: Array.from(document.querySelectorAll('details')).filter(d => d.open).map(d => d.id),
  round: document.getElementById('bt-filter-round').value,
  insufficient: document.getElementById('bt-filter-insufficient').checked,
  visible: btNodes.get({filter: n => !n.hidden}).length,
})"""


@pytest.mark.browser
def test_reset_returns_to_the_first_view_and_back_undoes_the_reset(page, flagship_page_file, flagship_rounds):
    page.open(flagship_page_file)
    first = page.evaluate(LINK_STATE)
    start = page.evaluate("({scale: btNetwork.getScale(), at: btNetwork.getViewPosition()})")
    latest = flagship_rounds["evaluatie-2022"]
    page.page.fill("#bt-search", latest.node("meer-preventie").label)
    page.page.press("#bt-search", "Enter")
    page.page.select_option("#bt-filter-subgoal", latest.subgoals[0].id)
    page.page.check("#bt-filter-insufficient")
    page.page.uncheck("#bt-link-supports")
    page.page.click("#bt-table-summary")
    changed = page.evaluate(LINK_STATE)
    assert changed != first and page.page.locator("#bt-details").is_visible()
    before = page.page.url
    page.page.click("#bt-reset")
    assert page.evaluate(LINK_STATE) == first
    assert page.evaluate("location.hash") == ""
    assert page.page.locator("#bt-details").is_hidden()
    assert page.evaluate("btNetwork.getSelectedNodes()") == []
    assert page.page.input_value("#bt-search") == ""
    assert page.page.input_value("#bt-filter-subgoal") == ""
    now = page.evaluate("({scale: btNetwork.getScale(), at: btNetwork.getViewPosition()})")
    assert now["scale"] == pytest.approx(start["scale"])
    assert now["at"]["x"] == pytest.approx(start["at"]["x"]) and now["at"]["y"] == pytest.approx(
        start["at"]["y"]
    )
    page.page.go_back()
    page.page.wait_for_function("location.hash.includes('subgoal=')")
    assert page.page.url == before
    assert page.evaluate(LINK_STATE) == changed
    assert page.errors == []


@pytest.mark.browser
def test_reloading_the_url_restores_the_layers_link_types_open_tables_and_filters(
    page, flagship_page_file, flagship_theory
):
    used = [t["type"] for t in page_data(flagship_theory)["linkTypes"] if t["count"] > 0]
    page.open(flagship_page_file)
    start = page.page.evaluate(LINK_STATE)
    page.page.uncheck(f"#bt-link-{used[0]}")
    page.page.uncheck(f"#bt-link-{used[1]}")
    page.page.click("#bt-matrix-summary")
    page.page.select_option("#bt-filter-round", "monitor-2021")
    page.page.check("#bt-filter-insufficient")
    page.page.uncheck("#bt-layer-links")
    page.page.wait_for_function("location.hash.includes('links=0')")
    shown = page.page.evaluate(LINK_STATE)
    assert shown["layer"] is False and shown["open"] == ["bt-matrix-wrap"] and shown["insufficient"]
    assert shown["types"][f"bt-link-{used[0]}"] is False and shown["types"][f"bt-link-{used[2]}"] is True
    url = page.page.url
    fresh = page.page.context.new_page()
    fresh.goto(url)
    fresh.wait_for_selector("body[data-bt-ready]")
    assert fresh.evaluate(LINK_STATE) == shown
    fresh.reload()  # a reload of the same URL, too
    fresh.wait_for_selector("body[data-bt-ready]")
    assert fresh.evaluate(LINK_STATE) == shown
    # Back undoes one step at a time: first the layer switch, then the filters, the table, the types
    page.page.go_back()
    page.page.wait_for_function("!location.hash.includes('links=0')")
    back = page.page.evaluate(LINK_STATE)
    assert back["layer"] is True and back["hidden"] == sorted(
        page.evaluate(
            f"btEdges.get({{filter: e => ['{used[0]}', '{used[1]}'].includes(e.linkType)}}).map(e => e.id)"
        )
    )
    for _ in range(5):
        page.page.go_back()
    page.page.wait_for_function("location.hash.length <= 1")
    assert page.page.evaluate(LINK_STATE) == start
    assert page.errors == []


@pytest.mark.browser
def test_clicking_a_mechanism_traces_its_path_to_the_main_goal_and_back_to_its_initiatives(
    page, flagship_page_file, flagship_theory
):
    from beleidstheorie.views.structure import read_structure

    s = read_structure(flagship_theory.store)
    mech = next(m for m in s.mechanisms if m.key == "meer-preventie")
    feeding = {c.initiative for c in s.contributions if c.mechanism == mech.iri}
    page.open(flagship_page_file)
    page.page.fill("#bt-search", mech.label)
    page.page.press("#bt-search", "Enter")
    traced = set(page.evaluate(f"btTrace({json.dumps(mech.iri)})"))
    assert {mech.iri, mech.subgoal, s.main_goal.iri} | feeding <= traced
    other = next(m for m in s.mechanisms if m.subgoal != mech.subgoal)
    assert other.iri not in traced
    faded = set(page.evaluate("btNodes.get({filter: n => n.color.background === '#f1f1f1'}).map(n => n.id)"))
    assert s.main_goal.iri not in faded and mech.subgoal not in faded and other.iri in faded


def test_the_insufficient_filter_keeps_the_initiatives_that_feed_a_kept_mechanism(
    flagship_theory, flagship_result
):
    from beleidstheorie.views.page import keep_insufficient
    from beleidstheorie.views.structure import read_structure

    s = read_structure(flagship_theory.store)
    keep = keep_insufficient(s, flagship_result)
    for c in s.contributions:
        if c.mechanism in keep:
            assert c.initiative in keep


@pytest.mark.browser
def test_png_export_downloads_a_png_of_the_canvas_size(page, flagship_page_file):
    from tests.views.png import decode_rows

    page.open(flagship_page_file)
    with page.page.expect_download() as info:
        page.page.click("#bt-export-png")
    download = info.value
    assert download.suggested_filename.endswith(".png")
    png = Path(download.path()).read_bytes()
    width, height, _, rows = decode_rows(png)
    canvas = page.evaluate("(c => [c.width, c.height])(document.querySelector('#bt-graph canvas'))")
    assert [width, height] == canvas and len(rows) == height
    assert distinct_colours(png) > 20
    assert page.errors == [] and page.requests == [flagship_page_file.resolve().as_uri()]


@pytest.mark.browser
def test_svg_export_downloads_an_svg_with_the_nodes_in_view(page, flagship_page_file):
    import xml.etree.ElementTree as ET

    page.open(flagship_page_file)
    page.page.select_option("#bt-filter-subgoal", page.evaluate("btNodes.get().find(n => n.level === 3).id"))
    page.page.click("#bt-fit")
    with page.page.expect_download() as info:
        page.page.click("#bt-export-svg")
    download = info.value
    assert download.suggested_filename.endswith(".svg")
    root = ET.parse(download.path()).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    drawn = {g.get("data-node") for g in root.iter(f"{ns}g")}
    visible_ids = set(page.evaluate("btNodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    assert drawn == visible_ids  # after a fit every visible node is in view, and only those
    labels = {"\n".join(t.text or "" for t in g.iter(f"{ns}tspan")) for g in root.iter(f"{ns}g")}
    assert labels == set(page.evaluate("btNodes.get({filter: n => !n.hidden}).map(n => n.label)"))
    assert page.errors == []


@pytest.mark.browser
def test_the_evidence_matrix_tab_is_the_matrix_of_the_chosen_round_as_a_table(
    page, flagship_page_file, flagship_theory, flagship_rounds
):
    from beleidstheorie.views.matrix import STATE_LOOK, build_matrix, matrix_word

    page.open(flagship_page_file)
    page.page.click("#bt-matrix-summary")
    for rid in ("evaluatie-2022", "monitor-2021"):
        page.page.select_option("#bt-filter-round", rid)
        m = build_matrix(flagship_theory, flagship_rounds[rid])
        heads = page.page.locator("#bt-matrix thead th[scope=col]")
        assert heads.count() == len(m.columns) + 1
        rows = page.page.locator("#bt-matrix tbody tr")
        assert rows.count() == len(m.rows)
        shown = page.evaluate(
            "Array.from(document.querySelectorAll('#bt-matrix tbody tr')).map(tr =>"
            " [tr.querySelector('th').textContent,"
            "  Array.from(tr.querySelectorAll('td')).map(td => td.getAttribute('aria-label'))])"
        )
        expected = [
            [
                f"{r.code} {r.label}",
                [
                    " — ".join(
                        x
                        for x in (
                            " ".join(
                                y
                                for y in (
                                    m.cell(r.key, c.key).marks(),
                                    STATE_LOOK[m.cell(r.key, c.key).state][0],
                                )
                                if y
                            ),
                            matrix_word(m.cell(r.key, c.key).state),
                        )
                        if x
                    )
                    for c in m.columns
                ],
            ]
            for r in m.rows
        ]
        assert shown == expected
        assert page.page.text_content("#bt-matrix-caption") == f"Bewijsmatrix — {m.round_label}"
    assert page.errors == []


def test_round_changes_list_each_node_whose_score_verdict_or_evidence_changed(flagship_rounds):
    from beleidstheorie.views.page import round_changes

    a, b = flagship_rounds["monitor-2021"], flagship_rounds["evaluatie-2022"]
    rows = round_changes(a, b)
    old_obs = {i.observation for i in a.items}
    expected = [
        n.id
        for n in (b.main_goal, *b.subgoals, *b.mechanisms, *b.initiatives)
        if a.node(n.id).verdict != n.verdict
        or round(a.node(n.id).score, 2) != round(n.score, 2)
        or any(i.node == n.id and i.observation not in old_obs for i in b.items)
    ]
    assert [r["to"].id for r in rows] == expected and expected
    assert round_changes(b, b) == []


@pytest.mark.browser
def test_the_round_comparison_shows_what_changed_since_the_previous_round(
    page, flagship_page_file, flagship_theory, flagship_rounds
):
    data = page_data(
        flagship_theory, result=flagship_rounds["evaluatie-2022"], results_by_round=flagship_rounds
    )
    changes = data["changes"]["evaluatie-2022"]
    page.open(flagship_page_file)
    page.page.click("#bt-changes-summary")
    rows = page.page.locator("#bt-changes tbody tr")
    assert rows.count() == len(changes["rows"]) > 0
    first = changes["rows"][0]
    assert rows.first.get_attribute("data-node") == first["id"]
    cells = rows.first.locator("td")
    assert [cells.nth(0).text_content(), cells.nth(1).text_content()] == [first["before"], first["after"]]
    assert rows.first.locator("li").all_text_contents() == first["new"]
    rows.first.locator("button").click()
    assert page.page.locator("#bt-details").get_attribute("data-node") == first["id"]
    page.page.select_option("#bt-filter-round", "monitor-2021")  # the first round has none before it
    assert not page.page.locator("#bt-changes-wrap").is_visible()
    assert page.errors == []


@pytest.mark.browser
def test_the_samenhang_layer_switches_off_and_each_link_type_toggles_its_own_links(
    page, flagship_page_file, flagship_theory
):
    data = page_data(flagship_theory)
    assert len(data["linkTypes"]) == 10
    by_type = {t["type"]: t["count"] for t in data["linkTypes"]}
    assert sum(by_type.values()) == count(flagship_theory, "?l a bt:InitiativeLink") + count(
        flagship_theory, "?x a bt:ActionLine ; bt:actionLineOf ?p"
    )
    hidden_links = "btEdges.get({filter: e => e.linkType && e.hidden}).length"
    page.open(flagship_page_file)
    assert page.evaluate(hidden_links) == 0
    used = next(t for t, n in by_type.items() if n > 0)
    page.page.uncheck(f"#bt-link-{used}")
    assert page.evaluate(hidden_links) == by_type[used]
    assert page.evaluate(f"btEdges.get({{filter: e => e.linkType === '{used}' && !e.hidden}}).length") == 0
    page.page.uncheck("#bt-layer-links")
    assert page.evaluate(hidden_links) == sum(by_type.values())
    assert page.evaluate("btEdges.get({filter: e => !e.linkType && e.hidden}).length") == 0
    page.page.check("#bt-layer-links")
    page.page.check(f"#bt-link-{used}")
    assert page.evaluate(hidden_links) == 0
    assert page.errors == []


CONTRAST_JS = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = e => {
    for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) { return c; }
    }
    return [255, 255, 255];
  };
  const out = [];
  document.querySelectorAll('body *').forEach(e => {
    const own = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || e.closest('[hidden]') || e.disabled || !e.getClientRects().length) { return; }
    const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
    out.push([e.tagName + '#' + e.id + '.' + e.className, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]);
  });
  return out;
}"""


@pytest.mark.browser
def test_every_text_on_the_page_has_a_contrast_of_at_least_4_5_to_1(page, flagship_page_file):
    page.open(flagship_page_file)
    for summary in ("#bt-table-summary", "#bt-changes-summary", "#bt-matrix-summary"):
        page.page.click(summary)
    page.page.fill(
        "#bt-search", page.evaluate("btNodes.get().find(n => n.level === 2).label.split('\\n')[0]")
    )
    ratios = page.page.evaluate(CONTRAST_JS)
    assert len(ratios) > 100
    assert [(what, round(r, 2)) for what, r in ratios if r < 4.5] == []


@pytest.mark.browser
def test_every_control_has_an_accessible_name_and_a_visible_focus(page, flagship_page_file):
    page.open(flagship_page_file)
    page.evaluate("document.getElementById('bt-table-wrap').open = true")
    unnamed = page.evaluate(
        """Array.from(document.querySelectorAll('button, input, select, summary')).filter(e =>
             !(e.getAttribute('aria-label') || e.textContent.trim() || (e.labels && e.labels.length
               && Array.from(e.labels).some(l => l.textContent.trim())))).map(e => e.id)"""
    )
    assert unnamed == []
    page.page.focus("#bt-fit")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") in ("solid", "auto")


SHOWN_CONTROLS = """Array.from(document.querySelectorAll('button, input, select, summary'))
  .filter(e => !e.disabled && e.checkVisibility())"""
# checkVisibility, not getClientRects: Chromium lays out the content of a closed <details>
# (content-visibility: hidden), so its buttons have boxes but no keyboard can reach them


def open_every_details(page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


@pytest.mark.browser
def test_tab_reaches_every_shown_control_and_every_node_without_a_trap(page, flagship_page_file):
    page.open(flagship_page_file)
    open_every_details(page)
    controls = page.evaluate(SHOWN_CONTROLS + ".length")
    rows = page.evaluate("document.querySelectorAll('#bt-table .bt-row-button').length")
    assert rows == page.evaluate("btNodes.length") and controls > rows
    page.page.reload()  # the keyboard starts at the top of a fresh page, as a visitor's would
    page.page.wait_for_selector("body[data-bt-ready]")
    open_every_details(page)
    for _ in range(controls + 5):
        page.page.keyboard.press("Tab")
        page.evaluate("document.activeElement.setAttribute('data-reached', '1')")
    # Tab moves on from every control (no trap) and reaches each shown one, every node's row too
    missed = page.evaluate(
        SHOWN_CONTROLS + ".filter(e => !e.hasAttribute('data-reached')).map(e => e.id || e.textContent)"
    )
    assert missed == []
    assert page.evaluate("document.querySelectorAll('#bt-table .bt-row-button[data-reached]').length") == rows
