"""The site search finds methods by name, alias, author, task and venue, and its results read well;
the cite block copies verbatim."""

from __future__ import annotations

from typing import Any

import pytest

from inrsurvey.bib import format_entry
from inrsurvey.model import Catalog
from inrsurvey.render.method import search_facts

pytestmark = pytest.mark.browser


def search(page: Any, query: str) -> list[str]:
    """Type a query into the site's search box; returns the result links' paths in order."""
    page.goto("")
    box = page.locator("#inr-search-input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.wait_for_function(
        "q => { const p = document.querySelector('#inr-search-results'); return !p.hidden && p.dataset.query === q; }",
        arg=query,
        timeout=15000,
    )
    hrefs = page.eval_on_selector_all(
        ".inr-search-list a.inr-search-link", "els => els.map(e => new URL(e.href).pathname)"
    )
    return [h.split("#")[0] for h in hrefs]


def slugs(paths: list[str]) -> list[str]:
    return [p.strip("/").split("/")[-1] for p in paths if "/methods/" in p]


def test_search_by_name_lists_the_method_first(page: Any) -> None:
    results = search(page, "LIIF")
    assert results and results[0].endswith("/methods/liif/")


def results(page: Any) -> list[dict[str, str]]:
    """The shown results: title, facts line (methods only) and excerpt, as the reader sees them."""
    return page.eval_on_selector_all(
        ".inr-search-list li.inr-search-item",
        """items => items.map(li => ({
          title: li.querySelector('.inr-search-title').innerText,
          facts: li.querySelector('.inr-search-facts') ? li.querySelector('.inr-search-facts').innerText : '',
          excerpt: li.querySelector('.inr-search-excerpt').innerText,
        }))""",
    )


def words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text.lower()).split()


def test_method_result_reads_name_facts_summary(page: Any, catalog: Catalog) -> None:
    paper = catalog.by_slug["liif"]
    search(page, "LIIF")
    first = results(page)[0]
    assert first["title"] == "LIIF"
    assert first["facts"] == search_facts(catalog, paper) == "CVPR 2021 · Image Super-Resolution"
    # The third line comes from the summary, not the authors or the facts.
    shown = words(first["excerpt"].removesuffix("…"))
    body = " ".join(words(paper.body))
    assert len(shown) >= 8 and " ".join(shown) in body, first["excerpt"]
    assert not any(a.family.lower() in shown for a in paper.authors)


def test_no_permalink_symbol_in_results(page: Any) -> None:
    for query in ("NeRF", "view synthesis", "Mildenhall"):
        search(page, query)
        shown = results(page)
        assert shown and not any("¶" in r["title"] + r["excerpt"] for r in shown), shown


def test_task_query_lists_the_task_page_then_its_methods(page: Any, catalog: Catalog) -> None:
    found = search(page, "view synthesis")
    assert found[0].endswith("/tasks/view-synthesis/")
    assert results(page)[0]["title"] == "View Synthesis"
    methods = slugs(found)
    assert methods and {p.slug for p in catalog.by_task["View Synthesis"]} >= set(methods[:3])


def test_exact_name_first(page: Any) -> None:
    assert search(page, "NeRF")[0].endswith("/methods/nerf/")


def test_search_label_is_hidden_but_names_the_box(page: Any) -> None:
    page.goto("methods/nerf/")
    label = page.locator("label[for='inr-search-input']")
    box = label.bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1
    assert (
        page.evaluate("getComputedStyle(document.querySelector(\"label[for='inr-search-input']\")).clipPath") != "none"
    )
    assert page.get_by_role("searchbox", name="Search the survey", exact=True).count() == 1
    # The header's own layout is not pushed down by the label: the box sits inside the header bar.
    header = page.locator(".md-header").bounding_box()
    field = page.locator("#inr-search-input").bounding_box()
    assert (
        header
        and field
        and header["y"] <= field["y"]
        and field["y"] + field["height"] <= header["y"] + header["height"]
    )


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


def test_two_methods_called_nerv_are_both_found(page: Any, catalog: Catalog) -> None:
    """Neural Reflectance and Visibility Fields and Neural Representations for Videos share a name."""
    assert {catalog.by_slug["nerv"].name, catalog.by_slug["nerv-video"].name} == {"NeRV", "NeRV (video)"}
    assert set(slugs(search(page, "NeRV"))[:2]) == {"nerv", "nerv-video"}


def test_d_nerf_is_found_before_the_method_once_labelled_d_nerf(page: Any) -> None:
    found = slugs(search(page, "D-NeRF"))
    assert found[0] == "d-nerf" and "nerfies" in found, found
