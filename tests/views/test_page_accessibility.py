"""The interactive page checked by a real accessibility engine (axe-core) in headless Chromium.

Every WCAG 2.1 A and AA rule runs (``tests.views.axe.DISABLED_RULES`` is empty) on the page in the
states a visitor reaches: the first view, every table opened with a node's panel open, the filters
and layers switched, a page without rounds (its round controls disabled) and the English page.
Contrast that axe cannot decide (text over a scrolled table) is measured by
``test_interactive.test_every_text_on_the_page_has_a_contrast_of_at_least_4_5_to_1``.
"""

from __future__ import annotations

import pytest

from beleidstheorie.views.page import write_interactive
from tests.views.axe import wcag_findings

pytestmark = pytest.mark.browser


def assert_clean(page) -> None:
    violations, passed = wcag_findings(page)
    assert violations == []
    assert {"color-contrast", "button-name", "label", "html-has-lang"} <= passed  # the engine ran


def open_everything(page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


def test_the_first_view_has_no_wcag_violation(page, flagship_page_file):
    page.open(flagship_page_file)
    assert_clean(page)
    assert page.errors == []


def test_every_table_open_with_a_details_panel_has_no_wcag_violation(page, flagship_page_file):
    page.open(flagship_page_file)
    open_everything(page)
    page.page.locator("#bt-table .bt-row-button").nth(30).click()
    assert page.page.locator("#bt-details").is_visible()
    assert_clean(page)


def test_filters_and_layers_switched_have_no_wcag_violation(page, flagship_page_file):
    page.open(flagship_page_file)
    page.page.check("#bt-filter-insufficient")
    page.page.select_option("#bt-filter-round", "monitor-2021")
    page.page.uncheck("#bt-layer-links")  # the link-type boxes turn disabled
    page.page.fill("#bt-search", "Meer")
    assert_clean(page)


def test_a_page_without_rounds_and_the_english_page_have_no_wcag_violation(page, example_theory, tmp_path):
    for lang in ("nl", "en"):
        page.open(write_interactive(example_theory, tmp_path / f"{lang}.html", lang=lang))
        open_everything(page)
        assert_clean(page)


def test_hostile_labels_leave_the_page_without_wcag_violation(page, hostile_page_file):
    page.open(hostile_page_file)
    open_everything(page)
    assert_clean(page)


def test_opening_the_tables_keeps_the_graph_its_height(page, flagship_page_file):
    # found by running axe with every table open: the graph shrank to nothing and its side
    # panel spilled over the tables; now the page scrolls and the graph keeps its height
    page.open(flagship_page_file)
    before = page.page.locator("#bt-graph").bounding_box()["height"]
    open_everything(page)
    after = page.page.locator("#bt-graph").bounding_box()["height"]
    assert before >= after >= 420  # 70 % of the window (900 px) or more, never less than 420 px
    side = page.page.locator("#bt-side").bounding_box()
    table = page.page.locator("#bt-table-wrap").bounding_box()
    assert side["y"] + side["height"] <= table["y"] + 1


def test_the_graph_is_a_named_keyboard_stop_whose_arrows_pan_and_plus_zooms(page, flagship_page_file):
    page.open(flagship_page_file)
    page.page.focus("#bt-export-svg")
    page.page.keyboard.press("Tab")  # the next stop after the controls is the graph itself
    frame = page.page.locator("#bt-graph .vis-network")
    assert page.evaluate("document.activeElement === document.querySelector('#bt-graph .vis-network')")
    assert frame.get_attribute("aria-label").startswith("Grafiek van de beleidstheorie")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    start = page.evaluate("btNetwork.getViewPosition()")
    page.page.keyboard.down("ArrowDown")
    page.page.wait_for_timeout(150)
    page.page.keyboard.up("ArrowDown")
    moved = page.evaluate("btNetwork.getViewPosition()")
    assert moved["y"] > start["y"] and moved["x"] == pytest.approx(start["x"])
    scale = page.evaluate("btNetwork.getScale()")
    page.page.keyboard.down("+")
    page.page.wait_for_timeout(150)
    page.page.keyboard.up("+")
    assert page.evaluate("btNetwork.getScale()") > scale


def test_a_grouped_page_with_a_group_expanded_has_no_wcag_violation(page, tmp_path):
    from beleidstheorie.graph.generate import generate_theory
    from beleidstheorie.graph.load import theory_from_model

    model = generate_theory(initiatives=60, mechanisms=12, indicators_per_initiative=1, rounds=1, seed=5)
    page.open(write_interactive(theory_from_model(model), tmp_path / "grouped.html"))
    assert page.evaluate("document.getElementById('bt-group').value") == "subgoal"
    page.page.locator("#bt-group-list button").first.click()
    assert_clean(page)
