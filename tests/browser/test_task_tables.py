"""Task comparison tables in a real browser: full width, compact rows, a header row and a method
column that stay in view, headers that sort, and rows sent to the compare view (with the
"add to compare" control of method pages)."""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

TASK = "tasks/view-synthesis/"
BOX = ".inr-task-scroll"


@pytest.fixture(scope="module")
def methods(site_dir: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((site_dir / "data" / "papers.json").read_text(encoding="utf-8"))
    return {m["slug"]: m for m in data["methods"]}


def posting(m: dict[str, Any]) -> tuple[str, str]:
    """The compare view's column order: first posting, else the end of the publication year; then name."""
    return (m["posted"] or (f"{m['year']}-12-32" if m["year"] else "9999"), m["name"].lower())


def box(tab: Any, expression: str) -> Any:
    return tab.evaluate(f"(() => {{ const b = document.querySelector('{BOX}'); return {expression}; }})()")


def rows(tab: Any) -> list[str]:
    return tab.eval_on_selector_all("table.inr-task-table tbody tr", "rs => rs.map(r => r.id.slice(4))")


def open_task(tab: Any) -> None:
    tab.goto(TASK)
    tab.wait_for_selector("table.inr-task-table input.inr-pick", state="attached")


def test_wide_screen_fits_every_column_with_compact_rows(page: Any, methods: dict[str, dict[str, Any]]) -> None:
    open_task(page)
    assert page.locator(".md-sidebar--secondary").is_hidden()  # no table of contents beside the table
    article = page.locator("article.md-content__inner").bounding_box()
    region = page.locator(BOX).bounding_box()
    assert article is not None and region is not None
    assert region["width"] >= article["width"] - 2 * 24 - 1  # the content's width, its padding aside
    assert box(page, "b.scrollWidth - b.clientWidth") <= 0, "a column is cut at 1280 px"
    headers = page.eval_on_selector_all("table.inr-task-table thead th", "hs => hs.map(h => h.textContent.trim())")
    assert headers == ["Method", "Key idea", "Representation", "Tags", "Published", "Code"]
    heights = page.eval_on_selector_all(
        "table.inr-task-table tbody tr", "rs => rs.map(r => r.getBoundingClientRect().height)"
    )
    assert len(heights) == len([m for m in methods.values() if "View Synthesis" in m["tasks"]])
    assert statistics.median(heights) <= 160, f"rows are not compact: median {statistics.median(heights)} px"
    # The key idea is shown, tags are chips.
    nerf = page.locator("#row-nerf")
    assert methods["nerf"]["key_idea"] in nerf.locator("td.inr-idea").inner_text()
    assert nerf.locator("td.inr-tags a.inr-mini-chip").count() == len(methods["nerf"]["tags"])
    # Oldest first.
    order = rows(page)
    assert [posting(methods[s])[0] for s in order] == sorted(posting(methods[s])[0] for s in order)


def test_headers_show_that_they_sort_and_sort(page: Any, methods: dict[str, dict[str, Any]]) -> None:
    open_task(page)
    buttons = page.locator("table.inr-task-table thead th button.inr-sort")
    assert buttons.count() == 6
    hint = page.evaluate("getComputedStyle(document.querySelector('button.inr-sort'), '::after').content")
    assert "⇅" in hint
    page.click("thead th button[aria-label='Sort by Method']")
    names = [methods[s]["name"].lower() for s in rows(page)]
    assert names == sorted(names)
    assert page.get_attribute("thead th:first-child", "aria-sort") == "ascending"
    assert "▲" in page.evaluate("getComputedStyle(document.querySelector('th[aria-sort] button'), '::after').content")
    page.click("thead th button[aria-label='Sort by Method']")
    assert [methods[s]["name"].lower() for s in rows(page)] == sorted(names, reverse=True)


def test_header_row_stays_in_view_while_the_box_scrolls(page: Any) -> None:
    open_task(page)
    assert page.get_attribute(BOX, "tabindex") == "0" and page.get_attribute(BOX, "role") == "region"
    assert box(page, "b.scrollHeight > b.clientHeight + 400")
    top = box(page, "b.getBoundingClientRect().top")
    box(page, "(b.scrollTop = 900, 0)")
    header = page.locator("table.inr-task-table thead th").nth(1).bounding_box()
    assert header is not None and abs(header["y"] - top) <= 2
    # The row under the header is not the first one any more: the body did scroll.
    first = page.locator("table.inr-task-table tbody tr").first.bounding_box()
    assert first is not None and first["y"] < top


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_pins_the_method_column_and_the_header(browser: Any, base_url: str, scheme: str) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, base_url=base_url, is_mobile=True, has_touch=True, color_scheme=scheme
    )
    tab = context.new_page()
    open_task(tab)
    assert tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert box(tab, "b.scrollWidth > b.clientWidth")
    name = tab.locator("#row-nerf th[scope='row']")
    before = name.bounding_box()
    box(tab, "(b.scrollLeft = b.scrollWidth, 0)")
    after = name.bounding_box()
    assert before is not None and after is not None and abs(before["x"] - after["x"]) < 1
    # The pinned cell is opaque: the cells scrolled under it do not show through.
    background = tab.evaluate("getComputedStyle(document.querySelector('#row-nerf th')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    top = box(tab, "b.getBoundingClientRect().top")
    box(tab, "(b.scrollTop = 700, 0)")
    corner = tab.locator("table.inr-task-table thead th").first.bounding_box()
    assert corner is not None and abs(corner["y"] - top) <= 2 and abs(corner["x"] - before["x"]) < 40
    context.close()


def test_ticked_rows_and_a_method_page_meet_on_the_compare_view(page: Any, methods: dict[str, dict[str, Any]]) -> None:
    open_task(page)
    go = page.locator("a.inr-pick-go")
    assert go.is_hidden() and "Tick 2 to 8" in page.inner_text(".inr-pick-status")
    chosen = ["siren", "nerf", "mip-nerf"] if "mip-nerf" in methods else ["siren", "nerf", "instant-ngp"]
    for slug in chosen:
        if page.locator(f"#row-{slug}").count():
            page.check(f"#row-{slug} input.inr-pick")
    ticked = page.eval_on_selector_all("input.inr-pick:checked", "bs => bs.map(b => b.dataset.slug)")
    assert len(ticked) >= 2 and go.inner_text() == f"Compare {len(ticked)} methods"
    # A method page offers the same list.
    page.goto("methods/liif/")
    toggle = page.locator(".inr-tray button.inr-tray-toggle")
    assert toggle.inner_text() == "+ Add to compare" and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    link = page.locator(".inr-tray a.inr-tray-go")
    assert link.inner_text() == f"Compare ({len(ticked) + 1})"
    link.click()
    page.wait_for_selector("table.inr-compare-table")
    shown = page.eval_on_selector_all(
        "table.inr-compare-table thead th[data-slug]", "els => els.map(e => e.dataset.slug)"
    )
    expected = sorted([*ticked, "liif"], key=lambda s: posting(methods[s]))
    assert shown == expected  # in order of first posting, not of ticking
    # Back on the task page the rows stay ticked; "Clear the list" empties it.
    page.goto(TASK)
    page.wait_for_selector("input.inr-pick", state="attached")
    assert sorted(page.eval_on_selector_all("input.inr-pick:checked", "bs => bs.map(b => b.dataset.slug)")) == sorted(
        ticked
    )
    page.click("button.inr-pick-clear")
    assert page.locator("input.inr-pick:checked").count() == 0 and page.locator("a.inr-pick-go").is_hidden()
