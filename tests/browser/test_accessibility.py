"""axe-core finds no serious or critical violation on the main pages, in light and dark mode;
on the catalog and compare pages also none of target-size (tap targets of at least 24 x 24 CSS px,
WCAG 2.2 SC 2.5.8), which axe-core leaves off by default."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import ROOT, require_tool

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",
    "catalog/",
    "compare/?methods=nerf,siren,liif",
    "methods/nerf/",
    "tasks/view-synthesis/",
    "cite/",
    "statistics/",
    "lineage/",
    "benchmarks/mipnerf360/",
    "search/?q=Mildenhall",
]
TARGET_SIZE = ("catalog/", "compare/")
"""Pages whose controls are checked for tap-target size as well."""


def serious_violations(page: Any, url: str) -> list[str]:
    """axe-core's serious and critical violations on the open page (target-size on for TARGET_SIZE pages)."""
    page.add_script_tag(path=str(AXE))
    options: dict[str, object] = {"resultTypes": ["violations"]}
    if url.startswith(TARGET_SIZE):
        options["rules"] = {"target-size": {"enabled": True}}
    result = page.evaluate("async options => await axe.run(document, options)", options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:5])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", PAGES)
def test_no_serious_violations(browser: Any, base_url: str, url: str, scheme: str) -> None:
    require_tool(AXE.is_file(), "axe-core (npm install --no-package-lock)")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, base_url=base_url)
    page = context.new_page()
    page.goto(url)
    if url == "catalog/":
        page.wait_for_selector("ol.inr-results > li.inr-card")
    if url.startswith("compare/"):
        page.wait_for_selector("table.inr-compare-table")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    serious = serious_violations(page, url)
    context.close()
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize(
    "url",
    ["catalog/?field=3d-vision&tag=volume-rendering&sel=nerf,siren", "compare/?methods=nerf,siren,liif,no-such-method"],
)
def test_phone_tap_targets(browser: Any, base_url: str, url: str) -> None:
    """At 375 px, with the Filters panel open (every facet, tag and chip showing) and with messages."""
    require_tool(AXE.is_file(), "axe-core (npm install --no-package-lock)")
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, base_url=base_url, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(url)
    if url.startswith("catalog/"):
        page.wait_for_selector("ol.inr-results > li.inr-card")
        page.click("button.inr-filters-toggle")
        assert page.locator("#inr-field-3d-vision").is_visible() and page.locator(".inr-chip").count() >= 2
    else:
        page.wait_for_selector(".inr-compare-unknown")
    serious = serious_violations(page, url)
    context.close()
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["methods/nerf/", "methods/instant-ngp/", "statistics/", ""])
def test_phone_layout_has_no_serious_violations(browser: Any, base_url: str, url: str, scheme: str) -> None:
    """At 375 px: the BibTeX block, the facts disclosure and the phone layout of the charts."""
    require_tool(AXE.is_file(), "axe-core (npm install --no-package-lock)")
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, color_scheme=scheme, base_url=base_url, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(url)
    serious = serious_violations(page, url)
    context.close()
    assert not serious, "\n".join(serious)
