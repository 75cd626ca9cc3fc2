"""Files of the built site that need no browser: the sitemap and every page's Open Graph tags."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from inrsurvey.model import Catalog

pytestmark = pytest.mark.build


def test_sitemap(site_dir: Path, catalog: Catalog) -> None:
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    urls = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {f"https://inr-survey.github.io/inr-survey/methods/{p.slug}/" for p in catalog.papers} <= urls


def test_open_graph_on_every_page(site_dir: Path) -> None:
    from sitehtml import parse

    for html_file in site_dir.rglob("index.html"):
        props = {
            e.attrs.get("property"): e.attrs.get("content")
            for e in parse(html_file.read_text(encoding="utf-8"))
            if e.tag == "meta"
        }
        assert props.get("og:title"), html_file
        # A method page describes a paper: reference managers would store a description as its
        # abstract, so only the other pages have one (tests/sitebuild/test_highwire.py).
        is_method = html_file.parent.parent.name == "methods"
        assert bool(props.get("og:description")) != is_method, html_file
