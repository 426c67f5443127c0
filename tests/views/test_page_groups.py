"""The page at scale: grouping the initiatives (collapse and expand), labels by zoom level.

On a generated theory of 200 initiatives and 60 mechanisms (``beleidstheorie generate``'s
:func:`~beleidstheorie.graph.generate.generate_theory`), drawn without scores: grouping needs
none, and scoring a theory that size is the engine's benchmark, not this one's.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from beleidstheorie.views.columns import COLUMN_WIDTH, ROW_HEIGHT
from beleidstheorie.views.page import page_data
from beleidstheorie.views.page.groups import (
    GROUP_FROM,
    GROUP_ROW,
    GROUPINGS,
    MECHANISM_GROUP_FROM,
    default_grouping,
    default_mechanism_grouping,
    group_initiatives,
    group_mechanisms,
)
from beleidstheorie.views.structure import read_structure


@pytest.mark.parametrize("by", GROUPINGS)
@pytest.mark.parametrize("name", ["large", "flagship"])
def test_every_initiative_is_in_exactly_one_group_with_its_sub_lines(request, name, by):
    s = (
        request.getfixturevalue(name)
        if name == "large"
        else read_structure(request.getfixturevalue("flagship_theory").store)
    )
    groups = group_initiatives(s, by)
    members = [m for g in groups for m in g.members]
    assert sorted(members) == sorted(i.iri for i in s.initiatives)
    assert len({g.key for g in groups}) == len(groups)
    where = {m: g.key for g in groups for m in g.members}
    assert all(where[i.iri] == where[i.parent] for i in s.initiatives if i.parent)


def test_per_sub_goal_an_initiative_sits_with_the_sub_goal_most_of_its_contributions_reach(large):
    label = {sg.iri: sg.label for sg in large.subgoals}
    order = [sg.iri for sg in large.subgoals]
    for g in group_initiatives(large, "subgoal"):
        for iri in g.members:
            reached = Counter(
                large.node(c.mechanism).subgoal for c in large.contributions if c.initiative == iri
            )
            best = max(reached.values())
            first = min((sg for sg, n in reached.items() if n == best), key=order.index)
            assert g.label == label[first]


def test_per_penvoerder_the_groups_are_the_organisations_in_name_order(large):
    groups = group_initiatives(large, "penvoerder")
    for g in groups:
        assert {large.node(m).penvoerder_label for m in g.members} == {g.label}
    assert [g.label for g in groups] == sorted((g.label for g in groups), key=str.casefold)
    assert len(groups) == len({i.penvoerder for i in large.initiatives})


def test_a_large_theory_opens_grouped_and_the_flagship_does_not(large, flagship_theory):
    flagship = read_structure(flagship_theory.store)
    assert len(large.initiatives) >= GROUP_FROM > len(flagship.initiatives)
    assert default_grouping(large) == "subgoal" and default_grouping(flagship) == ""


def test_the_mechanisms_group_per_sub_goal_in_the_column_order(large):
    groups = group_mechanisms(large)
    assert [g.label for g in groups] == [sg.label for sg in large.subgoals if large.mechanisms_of(sg)]
    assert [m for g in groups for m in g.members] == [
        m.iri for sg in large.subgoals for m in large.mechanisms_of(sg)
    ]
    assert sorted(m for g in groups for m in g.members) == sorted(m.iri for m in large.mechanisms)


def test_a_large_theory_opens_with_its_mechanisms_grouped_and_the_flagship_does_not(large, flagship_theory):
    flagship = read_structure(flagship_theory.store)
    assert len(large.mechanisms) >= MECHANISM_GROUP_FROM > len(flagship.mechanisms)
    assert default_mechanism_grouping(large) == "subgoal" and default_mechanism_grouping(flagship) == ""


def test_the_page_lays_out_grouped_columns_from_the_rows_of_the_ungrouped_layout(large_theory, large):
    data = page_data(large_theory)
    assert data["layout"]["rows"] == {**ROW_HEIGHT, "group": GROUP_ROW}
    assert (
        data["layout"]["height"]
        == max(n["y"] for n in data["nodes"] if n["level"] < 5) + ROW_HEIGHT["initiative"] / 2
    )
    assert {g["subgoal"] for g in data["mechanismGroups"]["groups"]} == {sg.iri for sg in large.subgoals}


# -- in the browser ----------------------------------------------------------------------
CLUSTERS = (
    "Object.keys(btNetwork.body.nodes).filter(id => btNetwork.isCluster(id) && id.startsWith('bt-group:'))"
)
MCLUSTERS = (
    "Object.keys(btNetwork.body.nodes).filter(id => btNetwork.isCluster(id) && id.startsWith('bt-mgroup:'))"
)


def clustered(page, ids: list[str]) -> list[str]:
    """The ids (of those given) drawn inside a collapsed group."""
    return page.page.evaluate("ids => ids.filter(id => btShownId(id) !== id)", ids)


def groups_of(page, by: str) -> list[dict]:
    return page.evaluate(f"JSON.parse(document.getElementById('bt-data').textContent).groupings.{by}.groups")


@pytest.mark.browser
def test_the_large_page_opens_with_each_sub_goal_group_collapsed(page, large_page_file, large):
    page.open(large_page_file)
    groups = groups_of(page, "subgoal")
    assert page.evaluate("document.getElementById('bt-group').value") == "subgoal"
    assert sorted(page.evaluate(CLUSTERS)) == sorted(f"bt-group:{g['key']}" for g in groups)
    initiatives = [i.iri for i in large.initiatives]
    assert clustered(page, initiatives) == initiatives
    assert page.page.locator("#bt-group-list button[aria-expanded=false]").count() == len(groups)
    # the groups stack in the initiatives' column, in order, each on its own row
    ys = page.evaluate(f"{CLUSTERS}.map(id => btNetwork.getPositions([id])[id])")
    assert {p["x"] for p in ys} == {COLUMN_WIDTH}
    assert len({round(p["y"]) for p in ys}) == len(groups)
    assert page.errors == []


@pytest.mark.browser
def test_a_group_expands_from_its_button_and_from_its_box_and_collapses_again(page, large_page_file):
    page.open(large_page_file)
    first, second = groups_of(page, "subgoal")[:2]
    page.page.click(f"#bt-group-list button[data-group='{first['key']}']")
    assert clustered(page, first["members"]) == []
    assert len(clustered(page, second["members"])) == len(second["members"])
    assert (
        page.page.get_attribute(f"#bt-group-list button[data-group='{first['key']}']", "aria-expanded")
        == "true"
    )
    # expanded, its initiatives take rows of their own, top to bottom in theory order
    ys = [
        page.evaluate(f"btNetwork.getPositions([{json.dumps(m)}])[{json.dumps(m)}].y")
        for m in first["members"]
    ]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    assert "expanded=" in page.page.url
    # clicking the collapsed box of the second group on the canvas expands it too
    box = f"bt-group:{second['key']}"
    page.evaluate(f"btNetwork.focus({json.dumps(box)}, {{scale: 1, animation: false}})")
    graph = page.page.locator("#bt-graph").bounding_box()
    at = page.evaluate(
        f"btNetwork.canvasToDOM(btNetwork.getPositions([{json.dumps(box)}])[{json.dumps(box)}])"
    )
    page.page.mouse.click(graph["x"] + at["x"], graph["y"] + at["y"])
    assert clustered(page, second["members"]) == []
    page.page.click("#bt-collapse-all")
    assert len(page.evaluate(CLUSTERS)) == len(groups_of(page, "subgoal"))
    page.page.click("#bt-expand-all")
    assert page.evaluate(CLUSTERS) == []
    assert page.errors == []


@pytest.mark.browser
def test_grouping_per_penvoerder_or_not_at_all_and_the_url_restores_it(page, large_page_file, large):
    page.open(large_page_file)
    page.page.select_option("#bt-group", "penvoerder")
    groups = groups_of(page, "penvoerder")
    assert len(page.evaluate(CLUSTERS)) == len(groups)
    page.page.click(f"#bt-group-list button[data-group='{groups[3]['key']}']")
    url = page.page.url
    assert "group=penvoerder" in url
    fresh = page.page.context.new_page()
    fresh.goto(url)
    fresh.wait_for_selector("body[data-bt-ready]")
    assert fresh.evaluate("document.getElementById('bt-group').value") == "penvoerder"
    assert len(fresh.evaluate(CLUSTERS)) == len(groups) - 1
    page.page.select_option("#bt-group", "")
    assert page.evaluate(CLUSTERS) == [] and page.evaluate(MCLUSTERS)
    assert page.page.locator("#bt-mgroup-list").is_visible()
    assert not page.page.locator("#bt-group-list").is_visible()
    page.page.select_option("#bt-mgroup", "")
    assert page.evaluate(MCLUSTERS) == [] and not page.page.locator("#bt-groups").is_visible()
    # ungrouped, every initiative is back at its place in the full column
    data = page_data_positions(page)
    moved = [
        i.iri
        for i in large.initiatives
        if page.evaluate(f"btNetwork.getPositions([{json.dumps(i.iri)}])[{json.dumps(i.iri)}].y")
        != data[i.iri]
    ]
    assert moved == []
    page.page.go_back()
    page.page.wait_for_function("!location.hash.includes('mgroup=none')")
    assert page.evaluate(MCLUSTERS)
    page.page.go_back()
    page.page.wait_for_function("location.hash.includes('group=penvoerder')")
    assert page.evaluate("document.getElementById('bt-group').value") == "penvoerder"
    assert page.errors == []


def page_data_positions(page) -> dict[str, float]:
    return page.evaluate(
        "Object.fromEntries(JSON.parse(document.getElementById('bt-data').textContent)"
        ".nodes.map(n => [n.id, n.y]))"
    )


@pytest.mark.browser
def test_searching_an_initiative_in_a_collapsed_group_opens_the_group_and_its_panel(
    page, large_page_file, large
):
    page.open(large_page_file)
    ini = large.initiatives[57]
    page.page.fill("#bt-search", f"{ini.code} {ini.label}")
    page.page.press("#bt-search", "Enter")
    assert clustered(page, [ini.iri]) == []
    assert page.page.locator("#bt-details").get_attribute("data-node") == ini.iri
    assert page.evaluate("btNetwork.getSelectedNodes()") == [ini.iri]
    assert page.errors == []


@pytest.mark.browser
def test_a_filter_leaves_only_the_kept_initiatives_in_the_groups(page, large_page_file, large_theory):
    data = page_data(large_theory)
    sg = data["subgoals"][1]["id"]
    kept = set(data["keep"]["subgoal"][sg])
    page.open(large_page_file)
    page.page.select_option("#bt-filter-subgoal", sg)
    inside = page.evaluate(f"{CLUSTERS}.flatMap(id => btNetwork.getNodesInCluster(id))")
    initiatives = {i.iri for i in read_structure(large_theory.store).initiatives}
    assert set(inside) == kept & initiatives
    labels = page.evaluate(f"{CLUSTERS}.map(id => btNetwork.body.nodes[id].options.label)")
    counts = page.evaluate(f"{CLUSTERS}.map(id => btNetwork.getNodesInCluster(id).length)")
    assert all(label.endswith(f"{n} initiatieven") for label, n in zip(labels, counts, strict=True))
    assert page.errors == []


LABEL_SHOWN = "id => btNetwork.body.nodes[id].labelModule.visible()"


@pytest.mark.browser
def test_labels_by_zoom_level_initiatives_go_first_the_goals_stay(page, large_page_file, large):
    page.open(large_page_file)
    page.page.select_option("#bt-group", "")
    ini, mech, goal = large.initiatives[0].iri, large.mechanisms[0].iri, large.main_goal.iri

    def shown_at(scale: float) -> list[bool]:
        page.evaluate(f"btNetwork.moveTo({{scale: {scale}, animation: false}}); btNetwork.redraw()")
        return page.page.evaluate(f"ids => ids.map({LABEL_SHOWN})", [ini, mech, goal])

    assert shown_at(1.0) == [True, True, True]
    assert shown_at(0.4) == [False, True, True]  # 5.2 px initiatives' text: gone
    assert shown_at(0.28) == [False, False, True]  # 3.6 px mechanisms' text too
    assert shown_at(0.15) == [False, False, False]
    page.page.click("#bt-fit")  # the whole theory: boxes and lines, the labels of goals at most
    assert page.evaluate(f"[{json.dumps(ini)}].map({LABEL_SHOWN})") == [False]


# -- the mechanisms' column, grouped per sub-goal ------------------------------------------
OVERLAPS = """() => {
  const ids = Array.from(new Set(btNodes.getIds().filter(id => !btNodes.get(id).hidden)
    .map(id => btShownId(id))));
  const boxes = ids.map(id => [id, btNetwork.getBoundingBox(id)]);
  const found = [];
  boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
    if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) {
      found.push(a + ' x ' + b);
    }
  }));
  return found;
}"""
EXTENT = """() => {
  const ids = Array.from(new Set(btNodes.getIds()
    .filter(id => !btNodes.get(id).hidden && btNodes.get(id).level < 5).map(id => btShownId(id))));
  const boxes = ids.map(id => btNetwork.getBoundingBox(id));
  return Math.max(...boxes.map(b => b.bottom)) - Math.min(...boxes.map(b => b.top));
}"""


def mechanism_groups(page) -> list[dict]:
    return page.evaluate("JSON.parse(document.getElementById('bt-data').textContent).mechanismGroups.groups")


def position(page, node: str) -> dict:
    return page.evaluate(f"btNetwork.getPositions([{json.dumps(node)}])[{json.dumps(node)}]")


@pytest.mark.browser
def test_the_large_page_opens_with_each_sub_goals_mechanisms_in_one_box_beside_it(
    page, large_page_file, large
):
    page.open(large_page_file)
    groups = mechanism_groups(page)
    assert page.evaluate("document.getElementById('bt-mgroup').value") == "subgoal"
    assert sorted(page.evaluate(MCLUSTERS)) == sorted(f"bt-mgroup:{g['key']}" for g in groups)
    mechanisms = [m.iri for m in large.mechanisms]
    assert clustered(page, mechanisms) == mechanisms
    for g in groups:
        box = position(page, f"bt-mgroup:{g['key']}")
        assert box["x"] == 2 * COLUMN_WIDTH and box["y"] == position(page, g["subgoal"])["y"]
    # the columns are a few rows high, not a column of 60 mechanisms (6,000 px)
    assert page.evaluate(EXTENT) < len(groups) * GROUP_ROW + ROW_HEIGHT["main_goal"]
    assert page.evaluate(OVERLAPS) == []
    assert page.errors == []


@pytest.mark.browser
def test_a_mechanism_group_expands_from_its_button_and_its_box_and_the_url_keeps_it(page, large_page_file):
    page.open(large_page_file)
    first, second = mechanism_groups(page)[:2]
    page.page.click(f"#bt-mgroup-list button[data-group='{first['key']}']")
    assert clustered(page, first["members"]) == []
    assert len(clustered(page, second["members"])) == len(second["members"])
    ys = [position(page, m)["y"] for m in first["members"]]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)  # one row each, in the column's order
    assert abs(position(page, first["subgoal"])["y"] - sum(ys) / len(ys)) < 1e-6
    assert page.evaluate(OVERLAPS) == []
    assert f"mexpanded={first['key']}" in page.page.url
    box = f"bt-mgroup:{second['key']}"
    page.evaluate(f"btNetwork.focus({json.dumps(box)}, {{scale: 1, animation: false}})")
    graph = page.page.locator("#bt-graph").bounding_box()
    at = page.evaluate(
        f"btNetwork.canvasToDOM(btNetwork.getPositions([{json.dumps(box)}])[{json.dumps(box)}])"
    )
    page.page.mouse.click(graph["x"] + at["x"], graph["y"] + at["y"])
    assert clustered(page, second["members"]) == []
    url = page.page.url
    fresh = page.page.context.new_page()
    fresh.goto(url)
    fresh.wait_for_selector("body[data-bt-ready]")
    left = fresh.evaluate(MCLUSTERS)
    assert sorted(left) == sorted(f"bt-mgroup:{g['key']}" for g in mechanism_groups(page)[2:])
    page.page.go_back()
    page.page.wait_for_function(f"!location.hash.includes('{second['key']}')")
    assert len(clustered(page, second["members"])) == len(second["members"])
    page.page.click("#bt-expand-all")
    assert page.evaluate(MCLUSTERS) == [] and page.evaluate(CLUSTERS) == []
    assert page.evaluate(OVERLAPS) == []
    page.page.click("#bt-collapse-all")
    assert len(page.evaluate(MCLUSTERS)) == len(mechanism_groups(page))
    assert page.errors == []


@pytest.mark.browser
def test_searching_a_mechanism_in_a_collapsed_group_opens_that_group(page, large_page_file, large):
    page.open(large_page_file)
    mech = large.mechanisms[17]
    page.page.fill("#bt-search", mech.label)
    page.page.press("#bt-search", "Enter")
    assert clustered(page, [mech.iri]) == []
    assert page.page.locator("#bt-details").get_attribute("data-node") == mech.iri
    assert page.errors == []


@pytest.mark.browser
def test_the_legend_has_a_row_for_a_group_box_while_one_is_drawn(page, large_page_file, flagship_page_file):
    page.open(flagship_page_file)
    row = page.page.locator("#bt-legend-group")
    assert row.count() == 1 and not row.is_visible()  # nothing grouped: no such box to explain
    page.open(large_page_file)
    assert row.is_visible() and "klik om uit te klappen" in row.inner_text()
    page.page.click("#bt-expand-all")
    assert not row.is_visible()
    page.page.click("#bt-collapse-all")
    assert row.is_visible()
    assert page.errors == []
