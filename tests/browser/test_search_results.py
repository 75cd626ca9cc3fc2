"""Search results come in groups (methods, survey pages, documentation), each complete on the
results page that Enter opens; authorship and venue rank above mentions, and every method's
result says why it matched. Expected sets and counts come from the catalog."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from test_accessibility import AXE, serious_violations

from helpers import require_tool, serve
from inrsurvey.model import Catalog, Paper
from inrsurvey.render.search_meta import GROUPS

pytestmark = pytest.mark.browser

GROUPS_JS = """root => Array.from(root.querySelectorAll('.inr-search-group')).map(section => ({
  group: section.dataset.group,
  heading: section.querySelector('.inr-search-group-title').innerText,
  items: Array.from(section.querySelectorAll('li.inr-search-item')).map(li => ({
    path: new URL(li.querySelector('a').href).pathname,
    title: li.querySelector('.inr-search-title').innerText,
    reason: li.querySelector('.inr-search-reason') ? li.querySelector('.inr-search-reason').innerText : '',
    marked: Array.from(li.querySelectorAll('.inr-search-reason mark')).map(m => m.innerText),
  })),
}))"""

DOCS = ("/contributing/", "/cite/", "/about-data/", "/reference/")
"""Addresses of the documentation pages (hand-written pages other than home)."""


def wait_for(page: Any, panel: str, query: str) -> None:
    page.wait_for_function(
        "([sel, q]) => { const p = document.querySelector(sel); return p && !p.hidden && p.dataset.query === q; }",
        arg=[panel, query],
        timeout=15000,
    )


def results_page(page: Any, query: str, show_all: bool = True) -> list[dict[str, Any]]:
    """Open the results page for `query`, press every "Show more"; the groups as the reader sees them."""
    page.goto("search/?q=" + query.replace(" ", "+"))
    wait_for(page, "#inr-search-page-results", query)
    while show_all and page.locator(".inr-search-show-more").count():
        before = page.locator("#inr-search-page-results li.inr-search-item").count()
        page.locator(".inr-search-show-more").first.click()
        page.wait_for_function(
            "n => document.querySelectorAll('#inr-search-page-results li.inr-search-item').length > n", arg=before
        )
    return page.eval_on_selector("#inr-search-page-results", GROUPS_JS)


def slug(path: str) -> str:
    return path.strip("/").split("/")[-1]


def by_group(groups: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {g["group"]: g["items"] for g in groups}


def heading_count(group: dict[str, Any]) -> int:
    return int(group["heading"].rsplit("(", 1)[1].rstrip(")"))


def assert_grouped(groups: list[dict[str, Any]]) -> None:
    """Methods, survey pages and documentation apart, in that order, each listing every result it counts."""
    order = [g["group"] for g in groups]
    assert order == [g for g in GROUPS if g in order], order
    for group in groups:
        assert heading_count(group) == len(group["items"]), group["heading"]
        for item in group["items"]:
            is_method = "/methods/" in item["path"]
            is_doc = item["path"].endswith(DOCS) or "/reference/" in item["path"]
            assert is_method == (group["group"] == "method"), item
            assert is_doc == (group["group"] == "docs"), item


def mildenhall(paper: Paper) -> bool:
    return any(a.family == "Mildenhall" for a in paper.authors)


def test_mildenhall_lists_his_methods_first_each_with_the_author_line(page: Any, catalog: Catalog) -> None:
    groups = results_page(page, "Mildenhall")
    assert_grouped(groups)
    methods = by_group(groups)["method"]
    authored = {p.slug for p in catalog.papers if mildenhall(p)}
    led = {p.slug for p in catalog.papers if p.authors and p.authors[0].family == "Mildenhall"}
    found = [slug(m["path"]) for m in methods]
    assert set(found[: len(authored)]) == authored, found
    assert set(found[: len(led)]) == led and "nerf" in led, found
    for item in methods[: len(authored)]:
        assert item["reason"] == "author: Ben Mildenhall" and item["marked"] == ["Mildenhall"], item
    # The rest mention him in their text, and say where.
    assert len(found) > len(authored)
    for item in methods[len(authored) :]:
        assert item["reason"].startswith("mentioned in: "), item


def test_cvpr_2022_lists_every_cvpr_2022_method_first(page: Any, catalog: Catalog) -> None:
    groups = results_page(page, "CVPR 2022")
    assert_grouped(groups)
    methods = by_group(groups)["method"]
    expected = {p.slug for p in catalog.papers if p.venue == "CVPR" and p.year == 2022}
    assert len(expected) > 20  # more than the results page shows at first
    assert {slug(m["path"]) for m in methods[: len(expected)]} == expected
    for item in methods[: len(expected)]:
        assert item["reason"] == "venue: CVPR 2022" and item["marked"] == ["CVPR", "2022"], item
    for item in methods[len(expected) :]:
        assert not item["reason"].startswith("venue: CVPR 2022"), item


def test_sdf_and_hash_keep_documentation_apart(page: Any, catalog: Catalog) -> None:
    for query in ("SDF", "hash"):
        groups = results_page(page, query)
        assert_grouped(groups)
        assert groups[0]["group"] != "docs" and groups[-1]["group"] == "docs", query
        for item in by_group(groups)["method"]:
            named = query.lower() in item["title"].lower()
            assert named or item["reason"], item
    # Every method built on a hash grid is found, and says so unless its name does.
    hashed = {p.slug for p in catalog.papers if any(r.name == "Hash grid" for r in p.joined.representations)}
    items = {slug(m["path"]): m for m in by_group(groups)["method"]}
    assert hashed and hashed <= set(items)
    for name in hashed:
        reason = items[name]["reason"]
        assert "representation: Hash grid" in reason or reason.startswith("also known as:"), items[name]


def test_panel_shows_a_few_per_group_and_enter_opens_every_result(page: Any, catalog: Catalog) -> None:
    expected = {p.slug for p in catalog.papers if p.venue == "CVPR" and p.year == 2022}
    page.goto("methods/nerf/")
    box = page.locator("#inr-search-input")
    box.click()
    box.press_sequentially("CVPR 2022", delay=20)
    wait_for(page, "#inr-search-results", "CVPR 2022")
    groups = page.eval_on_selector("#inr-search-results", GROUPS_JS)
    assert groups[0]["group"] == "method"
    methods = groups[0]
    assert heading_count(methods) > len(methods["items"]) >= 1
    assert {slug(m["path"]) for m in methods["items"]} <= expected
    more = page.locator("#inr-search-results .inr-search-more").first
    assert more.inner_text() == f"All {heading_count(methods)} methods"
    show_all = page.locator("#inr-search-results a.inr-search-all")
    assert show_all.is_visible()
    box.press("Enter")
    page.wait_for_url("**/search/?q=CVPR+2022")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["CVPR 2022"]
    wait_for(page, "#inr-search-page-results", "CVPR 2022")
    assert page.input_value("#inr-search-page-input") == "CVPR 2022"
    shown = page.locator("#results-method li.inr-search-item").count()
    assert 0 < shown < heading_count(methods)
    # "Show more" adds the next results and moves the focus to the first of them.
    page.locator("#results-method .inr-search-show-more").click()
    page.wait_for_function("n => document.querySelectorAll('#results-method li').length > n", arg=shown)
    focused = "n => document.activeElement.closest('li') === document.querySelectorAll('#results-method li')[n]"
    assert page.evaluate(focused, shown)
    assert page.locator("#results-method li.inr-search-item").count() == heading_count(methods)


def test_results_page_follows_what_is_typed(page: Any) -> None:
    page.goto("search/")
    box = page.locator("#inr-search-page-input")
    box.press_sequentially("Mildenhall", delay=20)
    wait_for(page, "#inr-search-page-results", "Mildenhall")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["Mildenhall"]
    assert page.locator("#results-method h2").inner_text().startswith("Methods")


def test_results_page_is_left_out_of_the_index(page: Any) -> None:
    groups = results_page(page, "Search needs JavaScript", show_all=False)
    assert not any(item["path"].endswith("/search/") for g in groups for item in g["items"])


def test_404_suggests_methods_first(browser: Any, site_dir: Path, tmp_path: Path) -> None:
    """The 404 page searches for the missing address's words: methods first, documentation last."""
    shutil.copytree(site_dir, tmp_path / "inr-survey")
    with serve(tmp_path, not_found="inr-survey/404.html") as base:
        context = browser.new_context(base_url=base + "inr-survey/")
        page = context.new_page()
        page.goto("methods/hash-grid-sdf/")
        wait_for(page, "#inr-search-page-results", "hash grid sdf")
        groups = page.eval_on_selector("#inr-search-page-results", GROUPS_JS)
        context.close()
    order = [g["group"] for g in groups]
    assert order == [g for g in GROUPS if g in order] and order[0] == "method" and order[-1] == "docs", order
    assert all("/methods/" in item["path"] for item in groups[0]["items"]) and groups[0]["items"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375])
def test_results_fit_and_pass_axe(browser: Any, base_url: str, scheme: str, width: int) -> None:
    """The header's panel and the results page fit the window and have no serious axe-core violation."""
    require_tool(AXE.is_file(), "axe-core (npm install --no-package-lock)")
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, base_url=base_url)
    page = context.new_page()
    page.goto("search/?q=Mildenhall")
    wait_for(page, "#inr-search-page-results", "Mildenhall")
    serious = serious_violations(page, "search/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    box = page.locator("#inr-search-input")
    box.click()
    box.press_sequentially("hash", delay=20)
    wait_for(page, "#inr-search-results", "hash")
    panel = page.locator("#inr-search-results").bounding_box()
    serious += serious_violations(page, "search/")
    context.close()
    assert not serious, "\n".join(serious)
    assert overflow <= 0
    assert panel is not None and panel["x"] >= 0 and panel["x"] + panel["width"] <= width
