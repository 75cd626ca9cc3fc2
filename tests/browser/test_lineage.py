"""The lineage page in Chromium: renders without errors, nodes are focusable links, phones scroll the graph."""

from __future__ import annotations

from typing import Any

import pytest

from inrsurvey.model import Catalog

pytestmark = pytest.mark.browser


def console_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def test_lineage_renders_without_console_errors(page: Any, catalog: Catalog) -> None:
    errors = console_errors(page)
    page.goto("lineage/")
    page.wait_for_selector("svg.inr-lineage-svg")
    linked = {p.slug for p in catalog.papers if p.builds_on} | set(catalog.built_on_by)
    nodes = page.locator("svg.inr-lineage-svg a.inr-lin-box")
    assert nodes.count() == len(linked)
    box = page.locator("#lineage-node-nerf").bounding_box()
    assert box and box["width"] > 100 and box["height"] > 20  # drawn at full size, not shrunk
    assert page.locator("#lineage-node-nerf").evaluate("a => getComputedStyle(a).textOverflow") == "ellipsis"
    page.wait_for_load_state("networkidle")
    assert errors == []


def test_nodes_take_keyboard_focus_and_open_their_page(page: Any) -> None:
    errors = console_errors(page)
    page.goto("lineage/")
    nerf = page.locator("#lineage-node-nerf")
    highlight = page.locator(".inr-lin-node:has(#lineage-node-nerf) .inr-lin-hl")
    assert highlight.evaluate("g => getComputedStyle(g).visibility") == "hidden"
    nerf.focus()
    assert page.evaluate("document.activeElement.id") == "lineage-node-nerf"
    assert highlight.evaluate("g => getComputedStyle(g).visibility") == "visible"
    page.keyboard.press("Tab")
    following = page.evaluate("document.activeElement.id")
    assert following.startswith("lineage-node-") and following != "lineage-node-nerf"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/methods/{following.removeprefix('lineage-node-')}/")
    assert page.locator("h1").first.is_visible()
    assert errors == []


def test_phone_scrolls_the_graph_not_the_page(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, base_url=base_url, color_scheme="dark")
    page = context.new_page()
    errors = console_errors(page)
    page.goto("lineage/")
    scroller = page.locator(".inr-lineage-scroll")
    widths = scroller.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert widths[0] > widths[1]  # the graph keeps its size and scrolls inside its container
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
    assert errors == []
