"""The built site works from a plain file server under a sub-path, and its 404 page at any depth."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT, require_tool, serve, show_all_cards
from inrsurvey.model import Catalog

pytestmark = pytest.mark.browser


def test_works_under_a_sub_path(browser: Any, site_dir: Path, tmp_path: Path, catalog: Catalog) -> None:
    shutil.copytree(site_dir, tmp_path / "inr-survey")
    with serve(tmp_path) as base:
        context = browser.new_context(base_url=base + "inr-survey/")
        page = context.new_page()
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto("methods/liif/")
        assert page.inner_text("h1").strip().startswith("LIIF")
        page.click("nav.md-nav a[href$='catalog/']")
        page.wait_for_selector("ol.inr-results > li.inr-card")
        show_all_cards(page)
        assert page.locator("ol.inr-results > li.inr-card").count() == len(catalog)
        page.goto("tasks/view-synthesis/")
        page.click("text=Open in the catalog")
        page.wait_for_selector("ol.inr-results > li.inr-card")
        assert "/inr-survey/catalog/?task=view-synthesis" in page.url
        context.close()
        assert not failed, failed


def test_404_page_at_any_depth(browser: Any, site_dir: Path, tmp_path: Path) -> None:
    """A missing address under the sub-path gets the 404 page, styled, with search and working links."""
    shutil.copytree(site_dir, tmp_path / "inr-survey")
    with serve(tmp_path, not_found="inr-survey/404.html") as base:
        context = browser.new_context(base_url=base + "inr-survey/", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        response = page.goto("methods/liif-2/deeper/still/")
        assert response is not None and response.status == 404
        assert page.inner_text("article h1").strip() == "Page not found"
        assert (
            page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        )  # theme CSS loaded
        # The search box searches for the missing address's words, and for what the reader types.
        box = page.get_by_role("searchbox", name="Search the survey", exact=True).and_(
            page.locator("#inr-search-page-input")
        )
        assert box.input_value() == "liif 2"
        page.wait_for_selector("#inr-search-page-results[data-query='liif 2'] .inr-search-list a")
        assert (
            page.eval_on_selector("#inr-search-page-results .inr-search-list a", "a => new URL(a.href).pathname")
            == "/inr-survey/methods/liif/"
        )
        box.fill("")
        box.press_sequentially("view synthesis", delay=20)
        page.wait_for_selector("#inr-search-page-results[data-query='view synthesis']")
        first = page.eval_on_selector("#inr-search-page-results .inr-search-list a", "a => new URL(a.href).pathname")
        assert first == "/inr-survey/tasks/view-synthesis/"
        # Links to home, catalog and tasks work from any depth.
        links = {
            page.inner_text(f"nav.inr-not-found-links a >> nth={i}"): page.eval_on_selector(
                f"nav.inr-not-found-links a >> nth={i}", "a => a.href"
            )
            for i in range(3)
        }
        assert {k: v.removeprefix(base) for k, v in links.items()} == {
            "Home": "inr-survey/",
            "Catalog": "inr-survey/catalog/",
            "Tasks": "inr-survey/tasks/",
        }
        for url in links.values():
            assert page.request.get(url).status == 200, url
        page.click("nav.inr-not-found-links a:text('Catalog')")
        page.wait_for_selector("ol.inr-results > li.inr-card")
        context.close()
    assert failed == [base + "inr-survey/methods/liif-2/deeper/still/"], failed
    assert not errors, errors


def test_404_page_is_accessible(browser: Any, site_dir: Path, tmp_path: Path) -> None:
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    require_tool(axe.is_file(), "axe-core (npm install --no-package-lock)")
    shutil.copytree(site_dir, tmp_path / "inr-survey")
    with serve(tmp_path, not_found="inr-survey/404.html") as base:
        context = browser.new_context(
            base_url=base + "inr-survey/", viewport={"width": 375, "height": 812}, color_scheme="dark"
        )
        page = context.new_page()
        page.goto("no-such-page/")
        page.wait_for_selector("#inr-search-page-results .inr-search-count")
        page.add_script_tag(path=str(axe))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
        context.close()
    serious = [f"{v['id']}: {v['help']}" for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, serious
    assert scroll_width <= 375
