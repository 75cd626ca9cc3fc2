"""Nothing lost: every method reaches every place it belongs, exactly once, for the real
survey and for a generated survey of 500 methods."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from helpers import ROOT
from inrsurvey.bib import reparse_fields
from inrsurvey.catalog import load_catalog
from inrsurvey.model import Catalog
from inrsurvey.render.taxonomy import editions, years
from sitehtml import method_links

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def synthetic(synthetic_site: tuple[Catalog, Path]) -> tuple[Catalog, Path]:
    return synthetic_site


def search_index_urls(site: Path) -> Counter[str]:
    """Page URLs held by the Pagefind index (its fragments are gzip'd JSON)."""
    urls: Counter[str] = Counter()
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        urls[json.loads(data[len(b"pagefind_dcd") :])["url"]] += 1
    return urls


def catalog_list(site: Path) -> list[str]:
    """The methods of the catalog's plain list, page after page (catalog/, catalog/page-2/, ...)."""
    slugs, number = method_links(site, "catalog/"), 2
    while (site / "catalog" / f"page-{number}" / "index.html").is_file():
        slugs += method_links(site, f"catalog/page-{number}/")
        number += 1
    return slugs


def check_nothing_lost(catalog: Catalog, site: Path) -> None:
    slugs = {p.slug for p in catalog.papers}
    assert all((site / "methods" / s / "index.html").is_file() for s in slugs)
    # The catalog's plain list (over its pages) and its data files.
    assert Counter(catalog_list(site)) == Counter(slugs)
    data = json.loads((site / "data" / "papers.json").read_text(encoding="utf-8"))
    assert Counter(m["slug"] for m in data["methods"]) == Counter(slugs)
    index = json.loads((site / "data" / "catalog.json").read_text(encoding="utf-8"))
    assert Counter(row[index["columns"].index("slug")] for row in index["methods"]) == Counter(slugs)
    # Taxonomy pages: each method once on its field, task, venue edition, tag pages; year pages.
    for term in catalog.taxonomy.fields:
        assert Counter(method_links(site, f"fields/{term.slug}/")) == Counter(
            p.slug for p in catalog.by_field.get(term.name, ())
        )
    for term in catalog.taxonomy.tasks:
        assert Counter(method_links(site, f"tasks/{term.slug}/")) == Counter(
            p.slug for p in catalog.by_task.get(term.name, ())
        )
    for edition in editions(catalog):
        url = edition.uri.removesuffix(".md") + "/"
        assert Counter(method_links(site, url)) == Counter(p.slug for p in edition.papers)
    for tag in catalog.taxonomy.tags:
        assert Counter(method_links(site, f"tags/{tag.id}/")) == Counter(p.slug for p in catalog.by_tag.get(tag.id, ()))
    for year in years(catalog):
        expected = {p.slug for p in catalog.papers if p.year == year or (p.posted and p.posted.year == year)}
        assert set(method_links(site, f"years/{year}/")) == expected
    assert Counter(method_links(site, "summary/")) == Counter(slugs)
    # Exports.
    keys = {p.key for p in catalog.papers}
    assert list(reparse_fields((site / "bib" / "all.bib").read_text(encoding="utf-8"))) == sorted(keys)
    csl = json.loads((site / "data" / "papers.csl.json").read_text(encoding="utf-8"))
    assert Counter(item["id"] for item in csl) == Counter(keys)
    feed = ET.parse(site / "feed.xml").getroot()
    links = [
        e.get("href", "") for e in feed.iter("{http://www.w3.org/2005/Atom}link") if "/methods/" in e.get("href", "")
    ]
    assert Counter(h.rstrip("/").rsplit("/", 1)[-1] for h in links) == Counter(slugs)
    # The search index.
    indexed = search_index_urls(site)
    assert {u: n for u, n in indexed.items() if u.startswith("/methods/")} == {f"/methods/{s}/": 1 for s in slugs}


def test_real_survey(catalog: Catalog, site_dir: Path) -> None:
    check_nothing_lost(catalog, site_dir)


def test_generated_survey_of_500(synthetic: tuple[Catalog, Path]) -> None:
    catalog, site = synthetic
    assert len(catalog) == 500
    check_nothing_lost(catalog, site)


def test_every_paper_file_is_a_method() -> None:
    stems = {p.stem for p in (ROOT / "papers").glob("*.md")}
    result = load_catalog(ROOT / "papers")
    assert result.catalog is not None
    assert stems == set(result.catalog.by_slug)


def test_catalog_plain_list_is_split_into_pages(synthetic: tuple[Catalog, Path]) -> None:
    """500 methods: full pages of PAGE_SIZE and a last page with the rest, each linking to every page, in order."""
    from inrsurvey.render.catalog_page import PAGE_SIZE
    from sitehtml import article, page, resolve

    catalog, site = synthetic
    total = -(-500 // PAGE_SIZE)
    assert total >= 3  # the case needs first, middle and last pages
    urls = ["catalog/"] + [f"catalog/page-{n}/" for n in range(2, total + 1)]
    assert not (site / "catalog" / f"page-{total + 1}").exists()
    assert [len(method_links(site, u)) for u in urls] == [PAGE_SIZE] * (total - 1) + [500 - (total - 1) * PAGE_SIZE]
    assert catalog_list(site) == [p.slug for p in catalog.papers]
    for number, url in enumerate(urls, start=1):
        elements = article(page(site, url))
        pager = [e for e in elements if e.tag == "a" and any(a.startswith("nav.inr-pages") for a in e.ancestors)]
        targets = [resolve(url, e.attrs["href"]) for e in pager]
        assert set(targets) == set(urls) - {url}, (url, targets)
        current = [
            e.text for e in elements if e.tag == "strong" and any(a.startswith("nav.inr-pages") for a in e.ancestors)
        ]
        assert current == [str(number)]
    # Only the first page hosts the live catalog.
    assert 'data-src="data/catalog.json"' in page(site, "catalog/")
    assert "data-src" not in page(site, "catalog/page-2/")
