"""The catalog in a real browser: facets, text, sorting, URL state, selection, downloads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import show_all_cards
from inrsurvey.bib import reparse_fields
from inrsurvey.model import Catalog

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def data(site_dir: Path) -> dict[str, Any]:
    return json.loads((site_dir / "data" / "papers.json").read_text(encoding="utf-8"))


def wait_count(page: Any, count: int) -> None:
    """Wait until the live catalog's counter shows `count` methods."""
    page.wait_for_function(
        "n => { const c = document.querySelector('.inr-counter'); return c && c.textContent.startsWith(n + ' of '); }",
        arg=count,
    )


def shown(page: Any, everything: bool = True) -> list[str]:
    """The slugs of the cards shown; with `everything`, after pressing "Show all" if the list stops early."""
    if everything:
        show_all_cards(page)
    return page.eval_on_selector_all("ol.inr-results > li.inr-card", "els => els.map(e => e.dataset.slug)")


def open_catalog(page: Any, query: str = "") -> None:
    page.goto("catalog/" + query)
    page.wait_for_selector("ol.inr-results > li.inr-card", state="attached")


def expect(data: dict[str, Any], **facets: Any) -> set[str]:
    result = set()
    for m in data["methods"]:
        ok = True
        for key, values in facets.items():
            if key == "tag":
                ok &= any(t in values for t in m["tags"])
            elif key == "xtag":
                ok &= not any(t in values for t in m["tags"])
            elif key == "code":
                ok &= m["has_official_code"]
            elif key == "peer":
                ok &= m["peer_reviewed"]
            elif key == "year":
                ok &= str(m["year"]) in values
            elif key == "kind":
                ok &= m["venue_kind"] in values
            elif key == "task":
                ok &= any(t in values for t in m["task_slugs"])
            elif key == "rep":
                ok &= any(r in values for r in m["representation"])
            else:
                ok &= m[f"{key}_slug"] in values
        if ok:
            result.add(m["slug"])
    return result


def test_lists_every_method_with_counter(page: Any, data: dict[str, Any]) -> None:
    open_catalog(page)
    assert set(shown(page)) == {m["slug"] for m in data["methods"]}
    total = len(data["methods"])
    assert page.inner_text(".inr-counter") == f"{total} of {total} methods"


@pytest.mark.parametrize("facet", ["field", "task", "rep", "venue", "kind", "year"])
def test_each_facet_narrows_exactly(page: Any, data: dict[str, Any], facet: str) -> None:
    open_catalog(page)
    boxes = page.locator(f'fieldset[data-facet="{facet}"] input[type=checkbox]')
    assert all(int(b.get_attribute("data-count")) > 0 for b in boxes.all()), "an option no method has"
    values = [
        b.get_attribute("id").removeprefix(f"inr-{facet}-")
        for b in boxes.all()
        if int(b.get_attribute("data-count")) > 0
    ]
    assert values
    for value in values[:4]:
        page.check(f"#inr-{facet}-{value}")
        assert set(shown(page)) == expect(data, **{facet: [value]}), value
        count = int(page.get_attribute(f"#inr-{facet}-{value}", "data-count"))
        assert count == len(expect(data, **{facet: [value]}))
        page.uncheck(f"#inr-{facet}-{value}")
    # Two values of one facet: OR.
    page.check(f"#inr-{facet}-{values[0]}")
    if len(values) > 1:
        page.check(f"#inr-{facet}-{values[1]}")
        assert set(shown(page)) == expect(data, **{facet: values[:2]})


def test_combined_facets_tags_and_clear_all(page: Any, data: dict[str, Any]) -> None:
    open_catalog(page)
    page.check("#inr-field-3d-vision")
    page.check("#inr-code")
    assert set(shown(page)) == expect(data, field=["3d-vision"], code=True)
    page.click('button.inr-tag[data-tag="volume-rendering"]')
    assert set(shown(page)) == expect(data, field=["3d-vision"], code=True, tag=["volume-rendering"])
    page.click('button.inr-tag[data-tag="volume-rendering"]')  # second click excludes
    assert page.get_attribute('button.inr-tag[data-tag="volume-rendering"]', "data-state") == "exclude"
    assert set(shown(page)) == expect(data, field=["3d-vision"], code=True, xtag=["volume-rendering"])
    page.check("#inr-peer")
    assert set(shown(page)) == expect(data, field=["3d-vision"], code=True, xtag=["volume-rendering"], peer=True)
    assert page.locator(".inr-chip").count() == 5  # field, without tag, code, peer, clear all
    page.click("button.inr-clear")
    assert len(shown(page)) == len(data["methods"])
    assert "?" not in page.url


def test_free_text_matches_name_alias_author_venue_task(page: Any, data: dict[str, Any]) -> None:
    open_catalog(page)
    for text, must in (("liif", "liif"), ("MNSR", "idr"), ("Mildenhall", "nerf"), ("super-resolution", "liif")):
        page.fill("#inr-q", text)
        assert must in shown(page), text
    page.fill("#inr-q", "NeurIPS 2020")
    assert set(shown(page)) == {m["slug"] for m in data["methods"] if m["venue_label"] == "NeurIPS 2020"}


def test_sorting(page: Any, data: dict[str, Any]) -> None:
    open_catalog(page, "?sort=year")
    years = [next(m["year"] for m in data["methods"] if m["slug"] == s) for s in shown(page)]
    assert years == sorted(years, reverse=True)
    page.select_option("#inr-sort", "name")
    names = [next(m["name"] for m in data["methods"] if m["slug"] == s).lower() for s in shown(page)]
    assert names == sorted(names)


def test_url_state_reload_back_forward(page: Any, data: dict[str, Any]) -> None:
    open_catalog(page, "?task=view-synthesis&venue=cvpr&sort=year")
    assert page.is_checked("#inr-task-view-synthesis") and page.is_checked("#inr-venue-cvpr")
    expected = expect(data, task=["view-synthesis"], venue=["cvpr"])
    assert set(shown(page)) == expected
    page.check("#inr-code")
    with_code = expect(data, task=["view-synthesis"], venue=["cvpr"], code=True)
    assert set(shown(page)) == with_code and "code=1" in page.url
    page.reload()
    page.wait_for_selector("ol.inr-results > li.inr-card", state="attached")
    assert set(shown(page)) == with_code
    page.go_back()
    page.wait_for_function("() => !location.search.includes('code=1')")
    wait_count(page, len(expected))
    assert not page.is_checked("#inr-code")
    assert set(shown(page)) == expected
    page.go_forward()
    wait_count(page, len(with_code))
    assert page.is_checked("#inr-code")
    assert set(shown(page)) == with_code


def test_instant_navigation_away_and_back(page: Any, data: dict[str, Any]) -> None:
    open_catalog(page, "?field=2d-vision")
    page.click("nav.md-nav a[href$='tasks/']")
    page.wait_for_url("**/tasks/")
    page.go_back()
    wait_count(page, len(expect(data, field=["2d-vision"])))
    assert set(shown(page)) == expect(data, field=["2d-vision"])
    page.check("#inr-year-2021")
    assert set(shown(page)) == expect(data, field=["2d-vision"], year=["2021"])


def test_taxonomy_page_links_into_catalog_with_preset(page: Any, data: dict[str, Any]) -> None:
    page.goto("tasks/view-synthesis/")
    page.click("text=Open in the catalog")
    page.wait_for_selector("ol.inr-results > li.inr-card", state="attached")
    assert set(shown(page)) == expect(data, task=["view-synthesis"])


def test_task_facet_counts_every_task_and_facets_explain_their_values(page: Any, data: dict[str, Any]) -> None:
    """A method counts towards each of its tasks; the task and representation facets carry their definitions."""
    open_catalog(page)
    tasks = {t["slug"]: t for t in data["taxonomy"]["tasks"]}
    for slug in tasks:
        members = {m["slug"] for m in data["methods"] if slug in m["task_slugs"]}
        if members:
            assert int(page.get_attribute(f"#inr-task-{slug}", "data-count")) == len(members), slug
        else:  # a task no method addresses yet is not offered
            assert page.locator(f"#inr-task-{slug}").count() == 0, slug
    further = [m for m in data["methods"] if len(m["task_slugs"]) > 1]
    assert further, "no method addresses more than one task"
    page.check(f"#inr-task-{further[0]['task_slugs'][1]}")
    assert further[0]["slug"] in shown(page)
    for facet, terms in (("task", data["taxonomy"]["tasks"]), ("rep", data["taxonomy"]["representations"])):
        help_text = page.text_content(f'fieldset[data-facet="{facet}"] details.inr-facet-help') or ""
        for term in terms:
            used = any(
                term.get("slug", term.get("id")) in (m["task_slugs"] if facet == "task" else m["representation"])
                for m in data["methods"]
            )
            assert (term["definition"] in help_text) == used, term
    card = page.locator(f'li.inr-card[data-slug="{further[0]["slug"]}"] .inr-card-idea')
    assert card.inner_text() == further[0]["key_idea"]


def test_keyboard_only(page: Any, data: dict[str, Any]) -> None:
    open_catalog(page)
    page.focus("#inr-q")
    page.keyboard.press("Tab")  # the skip link, shown while it has the focus
    assert page.evaluate("document.activeElement.classList.contains('inr-skip-results')")
    assert page.is_visible("a.inr-skip-results")
    page.keyboard.press("Tab")  # first checkbox: with official code
    assert page.evaluate("document.activeElement.id") == "inr-code"
    page.keyboard.press("Space")
    assert set(shown(page)) == expect(data, code=True)
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    # From the text filter to the first result: the skip link, then the sort, downloads and Compare.
    page.focus("#inr-q")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inr-results-start"
    first = page.get_attribute("ol.inr-results > li.inr-card", "data-slug")
    presses = 0
    while page.evaluate("document.activeElement.id") != f"inr-sel-{first}" and presses < 20:
        page.keyboard.press("Tab")
        presses += 1
    assert page.evaluate("document.activeElement.id") == f"inr-sel-{first}", presses


def test_no_match_says_so_and_offers_a_way_out(page: Any, data: dict[str, Any]) -> None:
    open_catalog(page)
    page.fill("#inr-q", "zzzz no method is called this")
    page.wait_for_selector(".inr-empty:not([hidden])")
    assert "No method matches" in page.inner_text(".inr-empty")
    assert page.inner_text(".inr-counter") == f"0 of {len(data['methods'])} methods"
    page.click("button.inr-empty-clear")
    assert set(shown(page)) == {m["slug"] for m in data["methods"]}
    assert page.is_hidden(".inr-empty")


def test_phone_viewport_has_no_horizontal_scroll(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, base_url=base_url, is_mobile=True)
    tab = context.new_page()
    for url in ("catalog/", "compare/?methods=nerf,siren,liif", "methods/nerf/", "tasks/view-synthesis/", ""):
        tab.goto(url, wait_until="networkidle")
        overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (url, overflow)
    context.close()


def test_download_filtered_and_selected_bibtex(page: Any, data: dict[str, Any], site_dir: Path) -> None:
    open_catalog(page, "?task=3d-aware-image-synthesis")
    with page.expect_download() as info:
        page.click("button.inr-download-filtered")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    visible = shown(page)
    expected_entries = [
        (site_dir / "bib" / f"{next(m['key'] for m in data['methods'] if m['slug'] == s)}.bib").read_text(
            encoding="utf-8"
        )
        for s in visible
    ]
    assert text == "\n".join(expected_entries)
    assert set(reparse_fields(text)) == {m["key"] for m in data["methods"] if m["slug"] in visible}
    page.click("button.inr-clear")
    show_all_cards(page)
    for slug in ("nerf", "siren", "liif"):
        page.check(f"#inr-sel-{slug}")
    assert "sel=nerf,siren,liif" in page.url
    with page.expect_download() as info:
        page.click("button.inr-download-selected")
    chosen = Path(info.value.path()).read_text(encoding="utf-8")
    keys = {m["slug"]: m["key"] for m in data["methods"]}
    by_name = sorted(
        ("nerf", "siren", "liif"), key=lambda s: next(m["name"].lower() for m in data["methods"] if m["slug"] == s)
    )
    assert chosen == "\n".join((site_dir / "bib" / f"{keys[s]}.bib").read_text(encoding="utf-8") for s in by_name)
    page.check("#inr-only")
    assert set(shown(page)) == {"nerf", "siren", "liif"}


def test_download_of_many_entries_comes_from_the_full_export(page: Any, data: dict[str, Any], site_dir: Path) -> None:
    """The catalog's index holds no BibTeX: a download of many entries reads data/papers.json once."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_catalog(page)
    assert not [u for u in requested if u.endswith("/data/papers.json") or u.endswith(".bib")]
    assert all(
        "bibtex" not in row
        for row in json.loads((site_dir / "data" / "catalog.json").read_text(encoding="utf-8"))["columns"]
    )
    with page.expect_download() as info:
        page.click("button.inr-download-filtered")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    keys = {m["slug"]: m["key"] for m in data["methods"]}
    assert text == "\n".join((site_dir / "bib" / f"{keys[s]}.bib").read_text(encoding="utf-8") for s in shown(page))
    assert sorted(reparse_fields(text)) == sorted(keys.values())
    assert len([u for u in requested if u.endswith("/data/papers.json")]) == 1
    assert page.inner_text("button.inr-download-filtered") == f"Download BibTeX ({len(data['methods'])} shown)"


def phone(browser: Any, base_url: str) -> Any:
    """A context the size of a phone (375 x 812 CSS px, touch)."""
    return browser.new_context(
        viewport={"width": 375, "height": 812}, base_url=base_url, is_mobile=True, has_touch=True
    )


def test_phone_filters_control_first_result_on_the_first_screen(
    browser: Any, base_url: str, data: dict[str, Any]
) -> None:
    context = phone(browser, base_url)
    tab = context.new_page()
    tab.goto("catalog/?field=3d-vision&code=1")
    tab.wait_for_selector("ol.inr-results > li.inr-card")
    assert tab.get_by_role("button", name="Filters (2 active)", exact=True).count() == 1
    toggle = tab.locator("button.inr-filters-toggle")
    assert toggle.get_attribute("aria-expanded") == "false" and toggle.get_attribute("aria-controls") == "inr-facets"
    assert tab.locator("#inr-code").is_hidden()
    first = tab.locator("ol.inr-results > li.inr-card").first.bounding_box()
    assert first is not None and first["y"] + 60 <= 812, first  # its name and title are on the first screen
    assert set(shown(tab)) == expect(data, field=["3d-vision"], code=True)
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and tab.locator("#inr-code").is_visible()
    assert tab.is_checked("#inr-code") and tab.is_checked("#inr-field-3d-vision")
    tab.check("#inr-peer")
    assert tab.get_by_role("button", name="Filters (3 active)", exact=True).count() == 1
    done = tab.locator("button.inr-filters-done")
    expected = expect(data, field=["3d-vision"], code=True, peer=True)
    assert done.inner_text() == f"Show {len(expected)} results"
    done.click()
    assert toggle.get_attribute("aria-expanded") == "false" and tab.locator("#inr-peer").is_hidden()
    assert tab.evaluate("document.activeElement.classList.contains('inr-filters-toggle')")
    assert set(shown(tab)) == expected
    tab.goto("catalog/")
    tab.wait_for_selector("ol.inr-results > li.inr-card")
    assert tab.get_by_role("button", name="Filters (none active)", exact=True).count() == 1
    context.close()


def test_phone_filters_by_keyboard(browser: Any, base_url: str, data: dict[str, Any]) -> None:
    context = phone(browser, base_url)
    tab = context.new_page()
    tab.goto("catalog/")
    tab.wait_for_selector("ol.inr-results > li.inr-card")
    tab.focus("#inr-q")
    tab.keyboard.press("Tab")  # the skip link
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "inr-code"
    tab.keyboard.press("Space")
    assert set(shown(tab)) == expect(data, code=True)
    assert "1 active" in tab.inner_text("button.inr-filters-toggle")
    context.close()


def test_wide_screen_shows_the_facets_without_the_control(page: Any) -> None:
    open_catalog(page)
    assert page.locator("button.inr-filters-toggle").is_hidden()
    assert page.locator("#inr-field-3d-vision").is_visible()


@pytest.fixture(scope="module")
def large_site(synthetic_site: tuple[Catalog, Path]) -> Path:
    """The shared strict build of a 500-method synthetic survey (more than one page of cards)."""
    return synthetic_site[1]


def test_large_catalog_pages_and_counts(browser: Any, large_site: Path) -> None:
    from helpers import serve

    data = json.loads((large_site / "data" / "papers.json").read_text(encoding="utf-8"))
    with serve(large_site) as base:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto("catalog/")
        page.wait_for_selector("ol.inr-results > li.inr-card")
        assert len(shown(page, everything=False)) == 50
        assert page.inner_text("button.inr-more") == "Show all 500 methods (450 more)"
        page.click("button.inr-more")
        assert len(shown(page)) == 500 and page.is_hidden("button.inr-more")
        page.check("#inr-kind-journal")
        journal = expect(data, kind=["journal"])
        wait_count(page, len(journal))
        assert set(shown(page)) == journal
        for box in page.locator('fieldset[data-facet="field"] input[type=checkbox]').all():
            field = box.get_attribute("id").removeprefix("inr-field-")
            assert int(box.get_attribute("data-count")) == len(expect(data, kind=["journal"], field=[field]))
        context.close()
