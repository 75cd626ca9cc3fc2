"""The built site works from a plain file server under a sub-path, and has its 404 page and sitemap."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from helpers import serve
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
        assert page.locator("ol.inr-results > li.inr-card").count() == len(catalog)
        page.goto("tasks/view-synthesis/")
        page.click("text=Open in the catalog")
        page.wait_for_selector("ol.inr-results > li.inr-card")
        assert "/inr-survey/catalog/?task=view-synthesis" in page.url
        context.close()
        assert not failed, failed


def test_404_page_and_sitemap(site_dir: Path, catalog: Catalog) -> None:
    assert "404" in (site_dir / "404.html").read_text(encoding="utf-8")
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    urls = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {f"https://inr-survey.github.io/inr-survey/methods/{p.slug}/" for p in catalog.papers} <= urls


def test_open_graph_on_every_page(site_dir: Path) -> None:
    from sitehtml import parse

    for html_file in site_dir.rglob("index.html"):
        props = {e.attrs.get("property"): e.attrs.get("content") for e in parse(html_file.read_text(encoding="utf-8")) if e.tag == "meta"}
        assert props.get("og:title") and props.get("og:description"), html_file
