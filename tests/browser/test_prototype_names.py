"""The catalog and compare view of a survey whose methods, tags, field, task and venue carry
JavaScript's own property names (Constructor, __proto__, toString), and crafted addresses.

Every valid method stays listed and usable; values an address names that the survey does
not have are left out with a visible note, never shown as a function's source.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import build, copy_site, serve
from prototype_names import METHODS, TAGS, TASK, write_prototype_survey

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def proto_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    base = tmp_path_factory.mktemp("prototype-names")
    slugs = write_prototype_survey(base / "papers")
    site = copy_site(base / "src", base / "papers")
    result = build(site / "mkdocs.yml", base / "site")
    assert result.ok, result.error + "\n" + result.log
    return slugs, result.site


@pytest.fixture()
def tab(browser: Any, proto_site: tuple[list[str], Path]) -> Iterator[Any]:
    with serve(proto_site[1]) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=url)
        errors: list[str] = []
        outside: list[str] = []
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((url, "blob:", "data:")) else None)
        yield page
        context.close()
        assert not errors, errors
        assert not outside, outside


def listed(page: Any) -> list[str]:
    page.wait_for_selector(".inr-catalog-app", state="attached")
    return sorted(page.eval_on_selector_all(".inr-results .inr-card", "els => els.map(e => e.dataset.slug)"))


def test_every_method_is_listed_in_the_live_catalog(tab: Any, proto_site: tuple[list[str], Path]) -> None:
    tab.goto("catalog/")
    assert listed(tab) == proto_site[0]
    assert tab.is_hidden(".inr-catalog-static") and not tab.is_visible(".inr-catalog-error")
    names = tab.eval_on_selector_all(".inr-card-name", "els => els.map(e => e.textContent)")
    assert set(METHODS.values()) <= set(names)
    tags = tab.eval_on_selector_all(".inr-tag", "els => els.map(e => e.textContent)")
    assert all(any(t.startswith(name + " (") for t in tags) for name in TAGS.values()), tags


ALL = None
ADDED = sorted(METHODS)


@pytest.mark.parametrize(
    ("query", "shown", "noted", "applied"),
    [
        # The field "constructor" exists (its methods are shown); the task "__proto__" does not.
        ("?field=constructor&task=__proto__", ADDED, ["Task “__proto__”"], ["Field: Constructor"]),
        (
            "?tag=constructor,__proto__,tostring&xtag=valueOf&venue=hasOwnProperty&sort=constructor",
            ADDED,
            ["Tag “__proto__”", "Without “valueOf”", "Venue “hasOwnProperty”", "Sort “constructor”"],
            ["Tag: constructor", "Tag: toString"],
        ),
        (
            "?year=constructor&kind=toString&sel=__proto__,constructor",
            ALL,
            ["Year of publication “constructor”", "Kind of venue “toString”", "Selected “__proto__”"],
            [],
        ),
        ("?field=no-such-field&tag=", ALL, ["Field “no-such-field”"], []),
    ],
)
def test_crafted_addresses_are_ignored_with_a_note(
    tab: Any,
    proto_site: tuple[list[str], Path],
    query: str,
    shown: list[str] | None,
    noted: list[str],
    applied: list[str],
) -> None:
    tab.goto("catalog/" + query)
    assert listed(tab) == (shown or proto_site[0])
    text = tab.inner_text(".inr-catalog-app")
    assert "function" not in text and "native code" not in text and "[object" not in text
    note = tab.inner_text(".inr-ignored")
    assert all(item in note for item in noted), note
    chips = tab.eval_on_selector_all(
        ".inr-chip:not(.inr-clear) > span:first-child", "els => els.map(e => e.textContent)"
    )
    assert sorted(chips) == sorted(applied)
    if "sel=" in query:
        assert tab.is_checked("#inr-sel-constructor") and "constructor”" not in note.split("Selected")[1]


def test_compare_lists_every_valid_slug(tab: Any) -> None:
    tab.goto("compare/?methods=constructor,proto,tostring,valueof,__proto__,hasOwnProperty")
    tab.wait_for_selector(".inr-compare-app", state="attached")
    columns = tab.eval_on_selector_all(
        "table.inr-compare-table thead th[data-slug]", "els => els.map(e => e.dataset.slug)"
    )
    assert sorted(columns) == ["constructor", "proto", "tostring", "valueof"]  # in order of first posting
    unknown = tab.inner_text(".inr-compare-unknown")
    assert "__proto__" in unknown and "hasOwnProperty" in unknown
    task = tab.inner_text('table.inr-compare-table tr[data-row="tasks"] td[data-slug="constructor"]')
    assert task.strip() == TASK
    tags = tab.inner_text('table.inr-compare-table tr[data-row="tags"] td[data-slug="proto"]')
    assert all(name in tags for name in TAGS.values()), tags


def test_a_failing_catalog_shows_the_plain_list(tab: Any, proto_site: tuple[list[str], Path]) -> None:
    """When the live view fails after it hid the static list, the static list is shown again."""

    def without_limits(route: Any) -> None:
        data = route.fetch().json()
        del data["compare_limits"]  # the index loads, the view fails while mounting
        route.fulfill(status=200, json=data)

    tab.route("**/data/catalog.json", without_limits)
    tab.goto("catalog/")
    tab.wait_for_selector(".inr-catalog-error", state="visible")
    assert tab.is_visible(".inr-catalog-static") or tab.is_visible(".inr-catalog-list")
    assert tab.locator(".inr-catalog-app").count() == 0
