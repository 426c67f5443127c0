"""The page's samenhang layer: links drawn as routes beside the initiatives' column, never through a box.

Checked in headless Chromium from what vis-network says about the drawn page (every visible
node's and group's bounding box) against the routes the page draws (``btLinkRoutes``).
"""

from __future__ import annotations

import json

import pytest

from beleidstheorie.views.structure import read_structure

THROUGH_BOXES = """() => {
  const routes = btLinkRoutes();
  const shown = new Set(btNodes.getIds().filter(id => !btNodes.get(id).hidden).map(id => btShownId(id)));
  const boxes = Array.from(shown).map(id => [id, btNetwork.getBoundingBox(id)]);
  const found = [];
  for (const r of routes) {
    for (let k = 0; k + 1 < r.points.length; k++) {
      const [x1, y1] = r.points[k], [x2, y2] = r.points[k + 1];
      for (const [id, b] of boxes) {
        if ((id === r.from && k === 0) || (id === r.to && k === r.points.length - 2)) { continue; }
        if (Math.max(x1, x2) > b.left + 1 && Math.min(x1, x2) < b.right - 1
            && Math.max(y1, y2) > b.top + 1 && Math.min(y1, y2) < b.bottom - 1) {
          found.push(`${r.id} (${r.from} -> ${r.to}) segment ${k} through ${id}`);
        }
      }
    }
  }
  return found;
}"""
ENDS = """() => btLinkRoutes().map(r => {
  const a = btNetwork.getBoundingBox(r.from), b = btNetwork.getBoundingBox(r.to);
  const first = r.points[0], last = r.points[r.points.length - 1];
  const straight = r.points.slice(1).every((p, k) => p[0] === r.points[k][0] || p[1] === r.points[k][1]);
  return {id: r.id, type: r.type, straight: straight,
          tail: Math.abs(first[0] - a.left) < 0.5 && first[1] > a.top && first[1] < a.bottom,
          head: Math.abs(last[0] - b.left) < 0.5 && last[1] > b.top && last[1] < b.bottom};
})"""


def link_edges(theory) -> int:
    s = read_structure(theory.store)
    return len(s.links) + sum(1 for i in s.initiatives if i.parent)


@pytest.mark.browser
def test_every_link_of_the_flagship_is_a_route_from_box_side_to_box_side_through_no_box(
    page, flagship_page_file, flagship_theory
):
    page.open(flagship_page_file)
    ends = page.evaluate(ENDS)
    assert len(ends) == link_edges(flagship_theory) == 17
    assert all(e["straight"] and e["tail"] and e["head"] for e in ends)
    assert page.evaluate(THROUGH_BOXES) == []
    # vis-network's own arcs through the column are not drawn: the route replaces them
    opacity = "btEdges.get({filter: e => e.linkType}).map(e => btNetwork.body.edges[e.id].options.color)"
    assert {c["opacity"] for c in page.evaluate(opacity)} == {0}
    assert page.errors == []


@pytest.mark.browser
def test_the_routes_follow_the_layer_and_the_link_type_filters(page, flagship_page_file):
    page.open(flagship_page_file)
    types = {e["type"] for e in page.evaluate(ENDS)}
    one = sorted(types)[0]
    page.page.uncheck(f"#bt-link-{one}")
    assert {e["type"] for e in page.evaluate(ENDS)} == types - {one}
    page.page.uncheck("#bt-layer-links")
    assert page.evaluate(ENDS) == []
    page.page.check("#bt-layer-links")
    page.page.check(f"#bt-link-{one}")
    assert {e["type"] for e in page.evaluate(ENDS)} == types


@pytest.mark.browser
def test_an_initiative_filter_keeps_only_routes_between_shown_initiatives(page, flagship_page_file):
    page.open(flagship_page_file)
    option = "#bt-filter-initiative option[value$='/schuldenlabnl']"
    value = page.evaluate(f"document.querySelector({option!r}).value")
    page.page.select_option("#bt-filter-initiative", value)  # 12 SchuldenlabNL: seven links
    routes = page.evaluate("btLinkRoutes()")
    shown = page.evaluate("btNodes.getIds().filter(id => !btNodes.get(id).hidden)")
    assert routes and all(r["from"] in shown and r["to"] in shown for r in routes)
    assert page.evaluate(THROUGH_BOXES) == []


@pytest.mark.browser
def test_on_the_large_page_routes_join_the_groups_collapsed_and_the_initiatives_expanded(
    page, large_page_file, large_theory
):
    page.open(large_page_file)
    collapsed = page.evaluate("btLinkRoutes()")
    assert collapsed and all(r["from"].startswith("bt-group:") for r in collapsed)
    assert all(r["from"] != r["to"] for r in collapsed)  # a link inside one group is not drawn
    assert page.evaluate(THROUGH_BOXES) == []
    page.page.click("#bt-expand-all")
    expanded = page.evaluate("btLinkRoutes()")
    assert len(expanded) == link_edges(large_theory)
    assert page.evaluate(THROUGH_BOXES) == []
    assert page.errors == []


@pytest.mark.browser
def test_the_svg_export_draws_the_links_as_the_page_routes_them(page, flagship_page_file):
    import xml.etree.ElementTree as ET

    page.open(flagship_page_file)
    page.page.click("#bt-fit")
    root = ET.fromstring(page.evaluate("btSvgOfView()"))
    ns = "{http://www.w3.org/2000/svg}"
    drawn = {
        p.get("data-link"): [tuple(float(v) for v in xy.split(",")) for xy in p.get("points").split()]
        for p in root.iter(f"{ns}polyline")
    }
    routes = {r["id"]: [tuple(p) for p in r["points"]] for r in page.evaluate("btLinkRoutes()")}
    assert drawn == routes and len(drawn) == 17
    assert page.errors == []


@pytest.mark.browser
def test_with_an_input_column_every_lane_stays_clear_of_it(page, tmp_path, large_theory, flagship_theory):
    from beleidstheorie.graph.load import theory_from_model
    from beleidstheorie.views.page import write_interactive

    model = large_theory.model.model_copy(update={"inputs": flagship_theory.model.inputs})
    out = write_interactive(theory_from_model(model), tmp_path / "inputs.html")
    page.open(out)
    page.page.click("#bt-expand-all")
    routes = page.evaluate("btLinkRoutes()")
    assert len(routes) == link_edges(large_theory)
    lanes = {r["points"][1][0] for r in routes}
    assert len(lanes) > 30  # 35 lanes in a gutter of about 100 px: closer than the widest spacing
    assert page.evaluate(THROUGH_BOXES) == []
    assert page.errors == []


@pytest.mark.browser
def test_no_two_boxes_of_the_flagship_overlap_with_scores_shown(page, flagship_page_file):
    # a route leaves its box to the left at a height inside that box: a neighbour's box
    # overlapping it there would lie in the route's way
    page.open(flagship_page_file)
    found = page.evaluate("""() => {
      const ids = btNodes.getIds().filter(id => !btNodes.get(id).hidden && btNodes.get(id).level < 5);
      const boxes = ids.map(id => [id, btNetwork.getBoundingBox(id)]);
      const out = [];
      boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
        if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) {
          out.push(a + " x " + b);
        }
      }));
      return out;
    }""")
    assert found == []


# -- hovering a route, and the table of links ----------------------------------------------
HOVERABLE = """() => btLinkRoutes().map(r => {
  // a point on the route's lane where the pointer hovers this route and no other
  const [[x, y1], [, y2]] = [r.points[1], r.points[2]];
  for (let k = 1; k < 20; k++) {
    const y = y1 + (y2 - y1) * k / 20;
    if (btRouteAt(x, y) === r.id) { return {id: r.id, ids: r.ids, x: x, y: y}; }
  }
  return {id: r.id, ids: r.ids, x: null, y: null};
})"""


def hover_route(page, route: dict) -> None:
    """Scroll the route's lane point into the middle of the graph and put the pointer on it."""
    point = json.dumps({"x": route["x"], "y": route["y"]})
    page.evaluate(f"btNetwork.moveTo({{position: {point}, scale: 1, animation: false}})")
    page.evaluate("btNetwork.redraw()")
    dom = page.evaluate(f"btNetwork.canvasToDOM({point})")
    frame = page.page.locator("#bt-graph .vis-network").bounding_box()
    page.page.mouse.move(frame["x"] + dom["x"], frame["y"] + dom["y"])


def route_between(page, tail: str, head: str) -> dict:
    routes = page.evaluate(HOVERABLE)
    ends = {r["id"]: (r["from"], r["to"]) for r in page.evaluate("btLinkRoutes()")}
    (route,) = [r for r in routes if [e.rsplit("/", 1)[-1] for e in ends[r["id"]]] == [tail, head]]
    return route


@pytest.mark.browser
def test_every_route_of_the_flagship_can_be_hovered_somewhere_on_its_lane(page, flagship_page_file):
    page.open(flagship_page_file)
    routes = page.evaluate(HOVERABLE)
    assert len(routes) == 17
    assert [r["id"] for r in routes if r["x"] is None] == []


@pytest.mark.browser
def test_hovering_a_route_shows_its_type_its_ends_and_where_the_report_says_so(page, flagship_page_file):
    page.open(flagship_page_file)
    route = route_between(page, "inzet-ervaringsdeskundigen", "samenwerken-kinderarmoede")
    tip = page.page.locator("#bt-route-tip")
    assert tip.is_hidden()
    hover_route(page, route)
    tip.wait_for(state="visible", timeout=5000)
    text = tip.inner_text()
    assert "levert inbreng aan" in text
    assert (
        "1 Inzet ervaringsdeskundigen armoede bij SZW → 10 Samenwerken in de aanpak van kinderarmoede" in text
    )
    assert "Bron: 2.3 Samenhang tussen initiatieven, p. 17" in text
    assert tip.get_attribute("data-route") == route["id"]
    # the tip lies inside the graph's frame, beside the pointer
    frame, box = page.page.locator("#bt-graph .vis-network").bounding_box(), tip.bounding_box()
    assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
    graph = page.page.locator("#bt-graph").bounding_box()
    page.page.mouse.move(graph["x"] + graph["width"] - 3, graph["y"] + 3)  # off the route: gone
    tip.wait_for(state="hidden", timeout=5000)
    assert page.errors == []


@pytest.mark.browser
def test_a_hostile_label_in_a_route_tooltip_and_the_link_table_stays_text(page, hostile_page_file):
    page.open(hostile_page_file)
    (route,) = page.evaluate(HOVERABLE)  # the example's one link, from the hostile initiative
    hover_route(page, route)
    tip = page.page.locator("#bt-route-tip")
    tip.wait_for(state="visible", timeout=5000)
    assert "<script>alert(1)</script>" in tip.inner_text()
    assert '"quote" \\ back' in tip.inner_text()
    assert tip.locator("script").count() == 0
    row = page.page.locator("#bt-link-table tbody tr")
    assert row.count() == 1 and "<script>alert(1)</script>" in row.text_content()  # closed: not rendered
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert page.dialogs == [] and page.errors == []


@pytest.mark.browser
def test_a_route_into_a_collapsed_group_lists_every_link_it_stands_for(page, large_page_file):
    page.open(large_page_file)
    routes = [r for r in page.evaluate(HOVERABLE) if len(r["ids"]) > 1 and r["x"] is not None]
    assert routes, "the large page, grouped, joins several links into one route"
    route = max(routes, key=lambda r: len(r["ids"]))
    hover_route(page, route)
    tip = page.page.locator("#bt-route-tip")
    tip.wait_for(state="visible", timeout=5000)
    listed = tip.locator(".bt-tip-link")
    assert [listed.nth(k).get_attribute("data-link") for k in range(listed.count())] == route["ids"]
    assert page.errors == []


@pytest.mark.browser
def test_the_link_table_lists_every_link_with_its_type_ends_and_source(
    page, flagship_page_file, flagship_theory
):
    page.open(flagship_page_file)
    page.page.click("#bt-links-summary")
    rows = page.page.locator("#bt-link-table tbody tr")
    assert rows.count() == link_edges(flagship_theory) == 17
    assert page.evaluate("btEdges.get({filter: e => e.linkType}).length") == rows.count()
    heads = page.page.locator("#bt-link-table thead th").all_inner_texts()
    assert heads == ["Van", "Soort", "Naar", "Bron"]
    cells = [
        row.locator("th, td").all_inner_texts()
        for row in rows.all()
        if row.locator("th").inner_text() == "1 Inzet ervaringsdeskundigen armoede bij SZW"
    ]
    assert len(cells) == 1
    assert cells[0][:3] == [
        "1 Inzet ervaringsdeskundigen armoede bij SZW",
        "levert inbreng aan",
        "10 Samenwerken in de aanpak van kinderarmoede",
    ]
    assert cells[0][3].startswith("2.3 Samenhang tussen initiatieven, p. 17")
    assert page.errors == []


@pytest.mark.browser
def test_with_physics_vis_draws_the_links_and_their_tooltips_say_the_same(page, tmp_path, flagship_theory):
    from beleidstheorie.views.page import write_interactive

    page.open(write_interactive(flagship_theory, tmp_path / "physics.html", physics=True))
    assert page.evaluate("btLinkRoutes()") == []  # floating nodes: vis draws the links itself
    tips = page.evaluate(
        "btEdges.get({filter: e => e.linkType}).map(e => [e.id, e.title.textContent, "
        "Array.from(e.title.querySelectorAll('[data-link]')).map(x => x.getAttribute('data-link'))])"
    )
    assert len(tips) == 17
    assert all(ids == [edge] for edge, _, ids in tips)
    assert any("levert inbreng aan" in text and "p. 17" in text for _, text, _ in tips)
    assert page.errors == []
