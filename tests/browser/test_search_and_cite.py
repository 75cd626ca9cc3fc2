"""The site search finds methods by name, alias, author, task and venue; the cite block copies verbatim."""

from __future__ import annotations

from typing import Any

import pytest

from inrsurvey.bib import format_entry
from inrsurvey.model import Catalog

pytestmark = pytest.mark.browser


def search(page: Any, query: str) -> list[str]:
    """Type a query into the site's search box; returns the result links' paths in order."""
    page.goto("")
    box = page.locator("#inr-search-input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.wait_for_selector("#inr-search-results:not([hidden]) .inr-search-count", timeout=15000)
    page.wait_for_function(
        "q => document.querySelector('#inr-search-input').value.trim() === q", arg=query
    )
    page.wait_for_timeout(400)
    hrefs = page.eval_on_selector_all(".inr-search-list a.inr-search-link", "els => els.map(e => new URL(e.href).pathname)")
    return [h.split("#")[0] for h in hrefs]


def slugs(paths: list[str]) -> list[str]:
    return [p.strip("/").split("/")[-1] for p in paths if "/methods/" in p]


def test_search_by_name_lists_the_method_first(page: Any) -> None:
    results = search(page, "LIIF")
    assert results and results[0].endswith("/methods/liif/")


def test_search_by_task(page: Any, catalog: Catalog) -> None:
    found = set(slugs(search(page, "super-resolution")))
    expected = {p.slug for p in catalog.by_task["Image Super-Resolution"]}
    assert expected <= found


def test_search_by_venue(page: Any, catalog: Catalog) -> None:
    found = slugs(search(page, "NeurIPS 2020"))
    neurips = {p.slug for p in catalog.papers if p.venue == "NeurIPS" and p.year == 2020}
    top = found[: min(len(neurips), 5)]
    assert len(top) == min(len(neurips), 5) and set(top) <= neurips, (top, neurips)


def test_search_by_alias_and_author(page: Any, catalog: Catalog) -> None:
    assert "idr" in slugs(search(page, "MNSR"))[:3]
    found = slugs(search(page, "Mildenhall"))
    authored = {p.slug for p in catalog.papers if any(a.family == "Mildenhall" for a in p.authors)}
    assert len(found) >= min(3, len(authored)) and set(found[:5]) <= authored, (found, authored)


def test_copy_button_copies_the_entry_verbatim(page: Any, catalog: Catalog) -> None:
    page.goto("methods/siren/")
    block = page.locator(".inr-cite pre")
    block.hover()
    page.locator(".inr-cite button[data-md-type='copy']").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == format_entry(catalog.by_slug["siren"].entry).strip()


def test_method_page_download_link(page: Any, catalog: Catalog) -> None:
    paper = catalog.by_slug["nerf"]
    page.goto("methods/nerf/")
    href = page.eval_on_selector(f"a[href$='bib/{paper.key}.bib']", "a => a.href")
    assert page.get_attribute(f"a[href$='bib/{paper.key}.bib']", "download") is not None
    response = page.request.get(href)
    assert response.ok and response.text() == format_entry(paper.entry)


def test_search_is_keyboard_operable(page: Any) -> None:
    page.goto("methods/nerf/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "inr-search-input"
    page.keyboard.type("SIREN", delay=20)
    page.wait_for_selector(".inr-search-list a.inr-search-link")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('inr-search-link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/methods/siren/")
