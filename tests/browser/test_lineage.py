"""The lineage page in Chromium: nodes are focusable links, edges avoid the boxes, tracing, focus view, phones."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

import pytest

from helpers import ROOT, require_tool
from inrsurvey.model import Catalog
from inrsurvey.render.lineage import NARROW, WIDE
from inrsurvey.render.lineage_layout import layout_lineage

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
GEOMETRY = """svg => ({
  width: Number(svg.getAttribute("width")),
  boxes: [...svg.querySelectorAll("foreignObject")].map(f => ({
    slug: f.firstElementChild.id.slice(13), x: +f.getAttribute("x"), y: +f.getAttribute("y"),
    w: +f.getAttribute("width"), h: +f.getAttribute("height")})),
  edges: [...svg.querySelectorAll("path[data-e]")].map(p => [p.getAttribute("data-e"), p.getAttribute("d")]),
})"""


def console_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def reach(start: str, step: dict[str, list[str]]) -> set[str]:
    """Every slug reachable from `start` along `step`, without `start`."""
    seen, queue = {start}, [start]
    while queue:
        for other in step.get(queue.pop(), []):
            if other not in seen:
                seen.add(other)
                queue.append(other)
    return seen - {start}


def lineage_of(catalog: Catalog, slug: str) -> tuple[set[str], set[str]]:
    """The ancestors and descendants of `slug` along the graph's edges."""
    parents: dict[str, list[str]] = {}
    children: dict[str, list[str]] = {}
    for edge in layout_lineage(catalog.papers).edges:
        parents.setdefault(edge.target, []).append(edge.source)
        children.setdefault(edge.source, []).append(edge.target)
    return reach(slug, parents), reach(slug, children)


def lit(page: Any, kind: str) -> set[str]:
    return set(page.eval_on_selector_all(f"foreignObject.{kind} a", "els => els.map(a => a.id.slice(13))"))


def segments(d: str) -> Iterable[tuple[float, float, float, float]]:
    """The straight segments of a path made of M, H and V commands."""
    x = y = 0.0
    for command, value in re.findall(r"([MHV])([-\d. ]+)", d):
        numbers = [float(n) for n in value.split()]
        nx, ny = (numbers[0], numbers[1]) if command == "M" else (numbers[0], y) if command == "H" else (x, numbers[0])
        if command != "M":
            yield x, y, nx, ny
        x, y = nx, ny


def assert_edges_avoid_boxes(geometry: dict[str, Any]) -> None:
    boxes = geometry["boxes"]
    for ends, d in geometry["edges"]:
        own = set(ends.split())
        for x1, y1, x2, y2 in segments(d):
            for box in boxes:
                if box["slug"] in own:
                    continue
                apart_x = max(x1, x2) < box["x"] or min(x1, x2) > box["x"] + box["w"]
                apart_y = max(y1, y2) < box["y"] or min(y1, y2) > box["y"] + box["h"]
                assert apart_x or apart_y, f"the edge {ends} crosses the box of {box['slug']}"


def test_lineage_renders_without_console_errors(page: Any, catalog: Catalog) -> None:
    errors = console_errors(page)
    page.goto("lineage/")
    page.wait_for_selector("figure.inr-lineage--wide")
    linked = {p.slug for p in catalog.papers if p.builds_on} | set(catalog.built_on_by)
    nodes = page.locator("svg.inr-lineage-svg a.inr-lin-box")
    assert nodes.count() == len(linked)
    box = page.locator("#lineage-node-nerf").bounding_box()
    assert box and box["width"] > 100 and box["height"] > 20  # drawn at full size, not shrunk
    assert page.locator("#lineage-node-nerf").evaluate("a => getComputedStyle(a).textOverflow") == "ellipsis"
    page.wait_for_load_state("networkidle")
    assert errors == []


def test_wide_screens_get_the_wide_layout_with_edges_in_the_gutters(page: Any, catalog: Catalog) -> None:
    page.goto("lineage/")
    page.wait_for_selector("figure.inr-lineage--wide")
    geometry = page.locator("svg.inr-lineage-svg").evaluate(GEOMETRY)
    wide = layout_lineage(catalog.papers, WIDE)
    assert geometry["width"] == wide.width
    at = {n.slug: n for n in wide.nodes}
    assert {(b["slug"], b["x"], b["y"]) for b in geometry["boxes"]} == {(s, n.x, n.y) for s, n in at.items()}
    assert_edges_avoid_boxes(geometry)
    # Instant-NGP's one link to NeRF runs beside the boxes between them, not through them.
    (_, d) = next(e for e in geometry["edges"] if e[0] == "nerf instant-ngp")
    assert at["instant-ngp"].line - at["nerf"].line > 3 and len(list(segments(d))) == 5


def test_focusing_a_node_lights_its_ancestors_and_descendants(page: Any, catalog: Catalog) -> None:
    errors = console_errors(page)
    page.goto("lineage/")
    page.wait_for_selector("figure.inr-lineage--wide")
    svg = page.locator("svg.inr-lineage-svg")
    assert not svg.evaluate("s => s.classList.contains('inr-lin-tracing')")
    unrelated = page.locator("#lineage-node-pifu")
    colour = unrelated.evaluate("a => getComputedStyle(a).color")
    page.locator("#lineage-node-instant-ngp").focus()
    assert page.evaluate("document.activeElement.id") == "lineage-node-instant-ngp"
    up, down = lineage_of(catalog, "instant-ngp")
    assert up and down
    assert (lit(page, "is-self"), lit(page, "is-up"), lit(page, "is-down")) == ({"instant-ngp"}, up, down)
    lit_edges = page.eval_on_selector_all("path.is-up, path.is-down", "ps => ps.map(p => p.getAttribute('data-e'))")
    for ends in lit_edges:
        source, target = ends.split()
        assert {source, target} <= up | down | {"instant-ngp"}
    assert "nerf instant-ngp" in lit_edges
    assert "pifu" not in lineage_of(catalog, "instant-ngp")[0] | lineage_of(catalog, "instant-ngp")[1]
    assert unrelated.evaluate("a => getComputedStyle(a).color") != colour  # the others turn grey
    page.locator("#lineage-node-nerf").hover()
    assert lit(page, "is-self") == {"nerf"} and lit(page, "is-down") == lineage_of(catalog, "nerf")[1]
    page.locator("#lineage-node-nerf").focus()
    page.keyboard.press("Tab")
    following = page.evaluate("document.activeElement.id")
    assert following.startswith("lineage-node-") and following != "lineage-node-nerf"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/methods/{following.removeprefix('lineage-node-')}/")
    assert page.locator("h1").first.is_visible()
    assert errors == []


def test_focus_view_from_a_method_page(page: Any, catalog: Catalog) -> None:
    errors = console_errors(page)
    page.goto("methods/instant-ngp/")
    page.get_by_role("link", name="its ancestors and descendants in the lineage graph").click()
    page.wait_for_url(re.compile(r".*/lineage/\?focus=instant-ngp#lineage-node-instant-ngp$"))
    bar = page.locator(".inr-lin-focusbar")
    page.mouse.move(1, 1)  # pointing outside the graph keeps the focus view
    up, down = lineage_of(catalog, "instant-ngp")
    assert bar.inner_text().startswith(
        f"Ancestors and descendants of Instant-NGP: {len(up)} earlier method{'s' if len(up) != 1 else ''}"
    )
    assert (lit(page, "is-self"), lit(page, "is-up"), lit(page, "is-down")) == ({"instant-ngp"}, up, down)
    page.locator("#lineage-node-nerf").hover()  # pointing at another method traces it for a while
    assert lit(page, "is-self") == {"nerf"}
    page.mouse.move(1, 1)
    assert lit(page, "is-self") == {"instant-ngp"} and lit(page, "is-up") == up
    assert page.locator("#lineage-node-instant-ngp").is_visible()
    bar.get_by_role("link", name="Show the whole graph").click()
    page.wait_for_url("**/lineage/")
    page.wait_for_selector("figure.inr-lineage--wide")
    assert page.locator(".inr-lin-focusbar").count() == 0 and lit(page, "is-up") == set()
    assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_view_passes_axe(browser: Any, base_url: str, scheme: str) -> None:
    """The grey of the methods outside the trace keeps the contrast axe-core asks for."""
    require_tool(AXE.is_file(), "axe-core (npm install --no-package-lock)")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, base_url=base_url)
    page = context.new_page()
    page.goto("lineage/?focus=instant-ngp")
    page.wait_for_selector(".inr-lin-focusbar")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document.querySelector('figure.inr-lineage'))")
    context.close()
    serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_shows_the_whole_width_of_every_band(browser: Any, base_url: str, catalog: Catalog, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    errors = console_errors(page)
    page.goto("lineage/?focus=nerf")
    page.wait_for_selector(".inr-lin-focusbar")
    scroller = page.locator(".inr-lineage-scroll")
    scroll, client = scroller.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert scroll <= client  # nothing to scroll sideways: no band is cropped
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    svg = page.locator("svg.inr-lineage-svg")
    geometry = svg.evaluate(GEOMETRY)
    assert geometry["width"] == layout_lineage(catalog.papers, NARROW).width
    assert_edges_avoid_boxes(geometry)
    boxes = page.eval_on_selector_all(
        "a.inr-lin-box", "els => els.map(a => { const r = a.getBoundingClientRect(); return [r.left, r.right]; })"
    )
    assert all(left >= 0 and right <= 375 for left, right in boxes)
    for first, second in itertools.pairwise(sorted(geometry["boxes"], key=lambda b: (b["y"], b["x"]))):
        assert first["y"] != second["y"] or first["x"] + first["w"] < second["x"]
    context.close()
    assert errors == []
