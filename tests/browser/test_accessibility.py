"""axe-core finds no serious or critical violation on the main pages, in light and dark mode."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import ROOT, require_tool

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "catalog/", "methods/nerf/", "tasks/view-synthesis/", "cite/", "statistics/", "lineage/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", PAGES)
def test_no_serious_violations(browser: Any, base_url: str, url: str, scheme: str) -> None:
    require_tool(AXE.is_file(), "axe-core (npm install --no-package-lock)")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, base_url=base_url)
    page = context.new_page()
    page.goto(url)
    if url == "catalog/":
        page.wait_for_selector("ol.inr-results > li.inr-card")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:5])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    context.close()
    assert not serious, "\n".join(serious)
