"""The compare page in a real browser: from the catalog's selection to a side-by-side table
whose address reproduces it, its BibTeX, unknown slugs, and the 2-to-8 range."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from helpers import show_all_cards
from inrsurvey.bib import reparse_fields

pytestmark = pytest.mark.browser

CHOSEN = ["nerf", "siren", "liif"]


@pytest.fixture(scope="module")
def data(site_dir: Path) -> dict[str, Any]:
    return json.loads((site_dir / "data" / "papers.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def limits(site_dir: Path) -> dict[str, int]:
    limits: dict[str, int] = json.loads((site_dir / "data" / "catalog.json").read_text(encoding="utf-8"))[
        "compare_limits"
    ]
    return limits


def by_slug(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["slug"]: m for m in data["methods"]}


def posting(m: dict[str, Any]) -> tuple[str, str]:
    """The column order: first posting, else the end of the publication year; then name."""
    return (m["posted"] or (f"{m['year']}-12-32" if m["year"] else "9999"), m["name"].lower())


def open_compare(page: Any, slugs: list[str] | str) -> None:
    value = slugs if isinstance(slugs, str) else ",".join(slugs)
    page.goto("compare/?methods=" + value)
    page.wait_for_selector(".inr-compare-app", state="attached")


def columns(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "table.inr-compare-table thead th[data-slug]", "els => els.map(e => e.dataset.slug)"
    )


def cell(page: Any, row: str, slug: str) -> str:
    return str(page.inner_text(f'table.inr-compare-table tr[data-row="{row}"] td[data-slug="{slug}"]')).strip()


def table_text(page: Any) -> str:
    return str(page.inner_text("table.inr-compare-table"))


def bib_of(site_dir: Path, data: dict[str, Any], slugs: list[str]) -> str:
    methods = by_slug(data)
    return "\n".join((site_dir / "bib" / f"{methods[s]['key']}.bib").read_text(encoding="utf-8") for s in slugs)


def check_table(page: Any, data: dict[str, Any], slugs: list[str]) -> None:
    """The table has one column per method, in order, with the built data's facts."""
    assert columns(page) == slugs
    methods = by_slug(data)
    tags = {t["id"]: t["name"] for t in data["taxonomy"]["tags"]}
    for slug in slugs:
        m = methods[slug]
        link = page.locator(f'table.inr-compare-table thead th[data-slug="{slug}"] a')
        assert link.inner_text() == m["name"]
        assert link.get_attribute("href").endswith(f"/methods/{slug}/")
        assert cell(page, "year", slug) == str(m["year"])
        assert f"({m['venue']})" in cell(page, "venue", slug) or (
            m["venue_kind"] == "preprint" and "arXiv preprint" in cell(page, "venue", slug)
        )
        assert cell(page, "authors", slug) == ", ".join(m["authors"])
        assert cell(page, "field", slug) == m["field"]
        assert cell(page, "tasks", slug) == "; ".join(m["tasks"])
        assert cell(page, "key_idea", slug) == m["key_idea"]
        reps = {r["id"]: r["name"] for r in data["taxonomy"]["representations"]}
        assert cell(page, "representation", slug) == " + ".join(reps[r] for r in m["representation"])
        assert cell(page, "inputs", slug) == ("; ".join(m["inputs"]) or "none")
        assert cell(page, "outputs", slug) == ("; ".join(m["outputs"]) or "none")
        assert cell(page, "tags", slug) == (", ".join(tags[t] for t in m["tags"]) or "none")
        code = page.locator(f'tr[data-row="code"] td[data-slug="{slug}"] a')
        assert [code.nth(i).get_attribute("href") for i in range(code.count())] == [c["url"] for c in m["code"]]
        builds = page.locator(f'tr[data-row="builds_on"] td[data-slug="{slug}"] a')
        assert [builds.nth(i).get_attribute("href").rstrip("/").rsplit("/", 1)[-1] for i in range(builds.count())] == [
            b["method"] for b in m["builds_on"]
        ]


def test_select_three_in_the_catalog_and_compare(page: Any, data: dict[str, Any], site_dir: Path) -> None:
    page.goto("catalog/")
    page.wait_for_selector("ol.inr-results > li.inr-card", state="attached")
    show_all_cards(page)
    button = page.locator("button.inr-compare-button")
    for slug in CHOSEN:
        page.check(f"#inr-sel-{slug}")
    assert button.inner_text() == "Compare 3 selected" and button.is_enabled()
    button.click()
    page.wait_for_url("**/compare/?methods=nerf,siren,liif")
    page.wait_for_selector("table.inr-compare-table")
    check_table(page, data, CHOSEN)
    first = table_text(page)
    assert not page.locator(".inr-compare-message").count()
    # The address alone reproduces the view, in a fresh tab.
    other = page.context.new_page()
    other.goto(page.url)
    other.wait_for_selector("table.inr-compare-table")
    assert table_text(other) == first and columns(other) == CHOSEN
    other.close()
    # The BibTeX download holds exactly these entries, byte for byte, in the table's order.
    with page.expect_download() as info:
        page.click("button.inr-compare-download")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text == bib_of(site_dir, data, CHOSEN)
    keys = by_slug(data)
    assert list(reparse_fields(text)) == [keys[s]["key"] for s in CHOSEN]
    # Back to the catalog with the same selection.
    page.click("a.inr-compare-edit")
    page.wait_for_selector("ol.inr-results > li.inr-card", state="attached")
    show_all_cards(page)
    assert all(page.is_checked(f"#inr-sel-{s}") for s in CHOSEN)


def test_unknown_slug_is_named_and_left_out(page: Any, data: dict[str, Any]) -> None:
    open_compare(page, ["nerf", "no-such-method", "siren"])
    message = page.locator(".inr-compare-unknown")
    assert message.is_visible()
    assert "“no-such-method”" in message.inner_text() and "left out" in message.inner_text()
    check_table(page, data, ["nerf", "siren"])


def test_slug_in_the_url_is_shown_as_text_never_as_html(page: Any) -> None:
    hostile = '<img src=x onerror="window.__pwned=1">'
    open_compare(page, "nerf,siren," + quote(hostile))
    assert hostile in page.inner_text(".inr-compare-unknown")
    assert page.locator(".inr-compare-app img").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_more_than_the_maximum_shows_the_first_and_names_the_rest(
    page: Any, data: dict[str, Any], site_dir: Path, limits: dict[str, int]
) -> None:
    slugs = sorted(by_slug(data))[: limits["max"] + 2]
    open_compare(page, slugs)
    methods = by_slug(data)
    shown = sorted(slugs[: limits["max"]], key=lambda s: posting(methods[s]))  # the first named, oldest first
    assert columns(page) == shown
    message = page.inner_text(".inr-compare-range")
    assert f"at most {limits['max']}" in message and f"names {len(slugs)}" in message
    assert all(methods[s]["name"] in message for s in slugs[limits["max"] :])
    assert page.inner_text("button.inr-compare-download") == f"Download BibTeX ({limits['max']} entries)"
    with page.expect_download() as info:
        page.click("button.inr-compare-download")
    assert Path(info.value.path()).read_text(encoding="utf-8") == bib_of(site_dir, data, shown)


def test_fewer_than_the_minimum_explains(page: Any, data: dict[str, Any], limits: dict[str, int]) -> None:
    assert limits["min"] == 2
    open_compare(page, ["nerf"])
    assert "names only one" in page.inner_text(".inr-compare-range")
    assert columns(page) == ["nerf"]
    page.evaluate("localStorage.clear()")  # the compare list now holds NeRF; an empty one is the point here
    open_compare(page, "")
    assert "No method to compare" in page.inner_text(".inr-compare-range")
    assert page.locator("table.inr-compare-table").count() == 0
    assert page.locator(".inr-compare-range a").get_attribute("href").endswith("/catalog/")


def test_catalog_compare_control_outside_the_range(page: Any, data: dict[str, Any], limits: dict[str, int]) -> None:
    page.goto("catalog/")
    page.wait_for_selector("ol.inr-results > li.inr-card", state="attached")
    button = page.locator("button.inr-compare-button")
    hint = page.locator("#inr-compare-hint")
    assert button.is_disabled() and "Tick 2 to 8 methods" in hint.inner_text()
    assert button.get_attribute("aria-describedby") == "inr-compare-hint"
    slugs = sorted(by_slug(data))[: limits["max"] + 1]
    page.goto("catalog/?sel=" + ",".join(slugs[:1]))
    page.wait_for_selector("ol.inr-results > li.inr-card", state="attached")
    assert button.is_disabled() and button.inner_text() == "Compare 1 selected"
    page.goto("catalog/?sel=" + ",".join(slugs))
    page.wait_for_selector("ol.inr-results > li.inr-card", state="attached")
    show_all_cards(page)
    assert button.is_disabled() and f"at most {limits['max']}" in hint.inner_text()
    page.uncheck(f"#inr-sel-{slugs[-1]}")
    assert button.is_enabled() and hint.inner_text() == ""
    button.click()
    page.wait_for_selector("table.inr-compare-table")
    methods = by_slug(data)
    assert columns(page) == sorted(slugs[:-1], key=lambda s: posting(methods[s]))


def test_keyboard_only_select_and_compare(page: Any, data: dict[str, Any], site_dir: Path) -> None:
    page.goto("catalog/")
    page.wait_for_selector("ol.inr-results > li.inr-card", state="attached")

    def active() -> str:
        return str(page.evaluate("document.activeElement.id || document.activeElement.className"))

    # As a keyboard user would: type a name in the text filter, skip the filters, tick the method.
    names = {m["slug"]: m["name"] for m in data["methods"]}
    for slug in CHOSEN:
        page.focus("#inr-q")
        page.keyboard.press("Control+A")
        page.keyboard.type(names[slug])
        page.keyboard.press("Tab")  # skip the filters
        page.keyboard.press("Enter")
        assert active() == "inr-results-start"
        for _ in range(2000):
            page.keyboard.press("Tab")
            if active() == f"inr-sel-{slug}":
                break
        assert active() == f"inr-sel-{slug}", f"not reached by Tab: {slug}"
        page.keyboard.press("Space")
    assert page.inner_text("button.inr-compare-button") == f"Compare {len(CHOSEN)} selected"
    for _ in range(3000):
        page.keyboard.press("Shift+Tab")
        if "inr-compare-button" in active():
            break
    assert "inr-compare-button" in active()
    page.keyboard.press("Enter")
    page.wait_for_selector("table.inr-compare-table")
    assert sorted(columns(page)) == sorted(CHOSEN)
    for _ in range(120):
        page.keyboard.press("Tab")
        if "inr-compare-download" in active():
            break
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert set(reparse_fields(text)) == {by_slug(data)[s]["key"] for s in CHOSEN}


def test_phone_table_scrolls_with_the_labels_in_view(browser: Any, base_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, base_url=base_url, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    tab.goto("compare/?methods=" + ",".join(CHOSEN))
    tab.wait_for_selector("table.inr-compare-table")
    assert tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    region = tab.locator(".inr-compare-scroll")
    assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
    assert tab.evaluate(
        "(() => { const r = document.querySelector('.inr-compare-scroll'); return r.scrollWidth > r.clientWidth; })()"
    )
    label = tab.locator('tr[data-row="venue"] th[scope="row"]')
    before = label.bounding_box()
    region.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
    after = label.bounding_box()
    assert before is not None and after is not None and abs(before["x"] - after["x"]) < 1
    last = tab.locator(f'tr[data-row="venue"] td[data-slug="{CHOSEN[-1]}"]').bounding_box()
    assert last is not None and last["x"] + last["width"] <= 375 + 1
    context.close()


@pytest.fixture(scope="module")
def results(site_dir: Path) -> dict[str, Any]:
    return json.loads((site_dir / "data" / "results.json").read_text(encoding="utf-8"))


def reported(results: dict[str, Any]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Each method's records on each benchmark, from the built data/results.json."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for record in results["results"]:
        found.setdefault(record["method"], {}).setdefault(record["benchmark"], []).append(record)
    return found


def results_rows(page: Any) -> list[str]:
    page.wait_for_selector("table.inr-compare-table[data-results]", state="attached")
    return page.eval_on_selector_all(
        'table.inr-compare-table tr[data-row^="benchmark:"]', "rows => rows.map(r => r.dataset.row.slice(10))"
    )


def test_shared_benchmarks_get_rows_with_the_printed_numbers(
    page: Any, data: dict[str, Any], results: dict[str, Any], site_dir: Path
) -> None:
    by_method = reported(results)
    ordered = [b["id"] for b in results["benchmarks"]]

    def reporting(bench: str) -> list[str]:
        return sorted(m for m, benches in by_method.items() if bench in benches)

    # A result with a protocol note, on a benchmark that other methods report on too.
    deviating = next(r for r in results["results"] if r["protocol"] and len(reporting(r["benchmark"])) >= 3)
    others = [m for m in reporting(deviating["benchmark"]) if m != deviating["method"]][:2]
    without = next(m["slug"] for m in data["methods"] if m["slug"] not in by_method)
    slugs = [deviating["method"], *others, without]
    open_compare(page, slugs)
    shared = [b for b in ordered if sum(1 for s in slugs if b in by_method.get(s, {})) >= 2]
    assert deviating["benchmark"] in shared and results_rows(page) == shared
    assert "deviates: " + deviating["protocol"] in cell(
        page, "benchmark:" + deviating["benchmark"], deviating["method"]
    )
    assert page.get_attribute("table.inr-compare-table", "data-results") == "shown"
    heading = page.inner_text('tr[data-row="results"] th')
    assert "as each paper prints them" in heading and "not re-run" in heading
    names = {m["id"]: m["name"] for m in results["metrics"]}
    benches = {b["id"]: b for b in results["benchmarks"]}
    for bench in shared:
        link = page.locator(f'tr[data-row="benchmark:{bench}"] th a')
        assert link.inner_text() == benches[bench]["name"]
        assert (site_dir / benches[bench]["url"] / "index.html").is_file()
        assert link.get_attribute("href").endswith("/" + benches[bench]["url"])
        for slug in slugs:
            text = cell(page, f"benchmark:{bench}", slug)
            records = by_method.get(slug, {}).get(bench, [])
            if not records:
                assert text == "none"
            for record in records:
                assert f"{names[record['metric']]} {record['printed']}" in text
                assert not record["variant"] or f"({record['variant']})" in text
                assert not record["protocol"] or f"deviates: {record['protocol']}" in text
    # The facts above the results are unchanged, and nothing was inserted as HTML.
    methods = by_slug(data)
    check_table(page, data, sorted(slugs, key=lambda s: posting(methods[s])))


def test_no_shared_benchmark_adds_no_rows(page: Any, data: dict[str, Any], results: dict[str, Any]) -> None:
    by_method = reported(results)
    alone = [m["slug"] for m in data["methods"] if m["slug"] not in by_method][:2]
    one = next(iter(sorted(by_method)))
    open_compare(page, [one, *alone])
    assert results_rows(page) == []
    assert page.get_attribute("table.inr-compare-table", "data-results") == "none"
    assert page.locator('tr[data-row="results"]').count() == 0


def test_columns_follow_first_posting_not_the_address(page: Any, data: dict[str, Any]) -> None:
    methods = by_slug(data)
    slugs = ["liif", "instant-ngp", "siren", "nerf"]
    open_compare(page, slugs)
    expected = sorted(slugs, key=lambda s: posting(methods[s]))
    assert columns(page) == expected and expected != slugs
    assert [cell(page, "posted", s) for s in expected] == [methods[s]["posted"] or "none" for s in expected]
    check_table(page, data, expected)


def test_copy_bibtex_and_cite_keys(page: Any, data: dict[str, Any], site_dir: Path) -> None:
    open_compare(page, ["siren", "nerf", "liif"])
    page.wait_for_selector("table.inr-compare-table")
    order = columns(page)
    page.click("button.inr-compare-copy-bib")
    page.wait_for_function("document.querySelector('.inr-bib-status').textContent.startsWith('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == bib_of(site_dir, data, order)
    page.click("button.inr-compare-copy-cite")
    page.wait_for_function("document.querySelector('.inr-bib-status').textContent.includes('cite')")
    keys = ",".join(by_slug(data)[s]["key"] for s in order)
    assert page.evaluate("navigator.clipboard.readText()") == "\\cite{" + keys + "}"
    assert "\\cite{" + keys + "}" in page.inner_text(".inr-bib-status")


def test_differences_only_hides_the_rows_that_agree(page: Any, data: dict[str, Any]) -> None:
    methods = by_slug(data)
    by_field: dict[str, list[str]] = {}
    for slug, m in sorted(methods.items()):
        by_field.setdefault(m["field"], []).append(slug)
    pair = next(slugs[:2] for slugs in by_field.values() if len(slugs) >= 2)
    open_compare(page, pair)
    page.wait_for_selector("table.inr-compare-table[data-results]", state="attached")
    # The facts rows; the reported results below them always differ and stay shown.
    rows = page.locator('table.inr-compare-table tbody tr:not([data-row="results"]):not([data-row^="benchmark:"])')
    count = rows.count()
    same = [
        page.evaluate(
            "r => { const c = Array.from(r.cells).slice(1).map(x => x.textContent); return c.every(t => t === c[0]); }",
            rows.nth(i).element_handle(),
        )
        for i in range(count)
    ]
    assert any(same) and not all(same)
    assert all(rows.nth(i).is_visible() for i in range(count))
    page.check("#inr-compare-diff")
    assert [not rows.nth(i).is_visible() for i in range(count)] == same
    assert page.locator('tr[data-row="field"]').is_hidden()
    page.uncheck("#inr-compare-diff")
    assert all(rows.nth(i).is_visible() for i in range(count))


def test_empty_compare_offers_a_picker(page: Any, data: dict[str, Any]) -> None:
    methods = by_slug(data)
    open_compare(page, "")
    assert "No method to compare" in page.inner_text(".inr-compare-range")
    box = page.locator("#inr-pick-q")
    assert box.is_visible() and page.locator("label[for='inr-pick-q']").inner_text() == "Add a method"
    box.fill("siren")
    first = page.locator("ul.inr-pick-list button.inr-pick-add").first
    assert first.get_attribute("data-slug") == "siren"
    first.click()
    assert page.url.endswith("compare/?methods=siren")
    assert columns(page) == ["siren"] and "names only one" in page.inner_text(".inr-compare-range")
    box.fill("Mildenhall")  # an author: every method with that author is offered
    offered = page.eval_on_selector_all("ul.inr-pick-list button.inr-pick-add", "bs => bs.map(b => b.dataset.slug)")
    authored = {s for s, m in methods.items() if any("Mildenhall" in a for a in m["authors"])}
    assert "nerf" in offered and set(offered) <= authored
    box.fill("nerf")
    box.press("Enter")  # adds the first match
    page.wait_for_selector("table.inr-compare-table thead th[data-slug='nerf']")
    assert columns(page) == sorted(["siren", "nerf"], key=lambda s: posting(methods[s]))
    assert page.url.endswith("compare/?methods=siren,nerf")
    assert not page.locator(".inr-compare-range").count()
    # An added method cannot be added twice; a column can be removed.
    box.fill("siren")
    assert page.locator("ul.inr-pick-list button[data-slug='siren']").is_disabled()
    page.click("thead th[data-slug='siren'] button.inr-compare-remove")
    assert columns(page) == ["nerf"] and page.url.endswith("compare/?methods=nerf")
    # The list is kept: the compare page without an address opens it again.
    page.goto("compare/")
    page.wait_for_selector("table.inr-compare-table")
    assert columns(page) == ["nerf"] and page.url.endswith("compare/?methods=nerf")
