"""Method pages in Chromium: the facts card keeps the summary on the first screen at 1280x900,
lays its pairs out in two columns there; on a phone the key idea shows on the first screen (the
facts after who, where, task and links are one tap away), nothing scrolls sideways, the drawer
offers the page's contents, and "Copy BibTeX" is a labelled button under the title."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from inrsurvey.bib import format_entry
from inrsurvey.model import Catalog
from sitehtml import article, page

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="module")
def samples(catalog: Catalog, site_dir: Path) -> list[str]:
    """A few well-known methods, the one with the most authors and the one with the longest facts."""

    def facts_length(slug: str) -> int:
        elements = article(page(site_dir, f"methods/{slug}/"))
        return sum(len(e.text) for e in elements if e.tag == "dl" and "inr-facts-list" in e.classes)

    most_authors = max(catalog.papers, key=lambda p: len(p.authors)).slug
    longest = max((p.slug for p in catalog.papers), key=facts_length)
    return sorted({"nerf", "liif", "siren", most_authors, longest})


def layout(tab: Any) -> dict[str, Any]:
    """Where the Summary heading is, how wide the page is, and the left edges of the fact pairs."""
    return tab.evaluate(
        """() => ({
          summaryTop: document.getElementById('summary').getBoundingClientRect().top,
          summaryBottom: document.getElementById('summary').getBoundingClientRect().bottom,
          scrollWidth: document.scrollingElement.scrollWidth,
          keyIdeaTop: document.querySelector('.inr-key-idea').getBoundingClientRect().top,
          lefts: [...document.querySelectorAll('.inr-fact:not(.inr-fact-wide)')].filter(e => e.checkVisibility())
            .map(e => Math.round(e.getBoundingClientRect().left)),
        })"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_summary_heading_on_the_first_screen(browser: Any, base_url: str, samples: list[str], scheme: str) -> None:
    context = browser.new_context(viewport=WIDE, color_scheme=scheme, base_url=base_url)
    tab = context.new_page()
    measured = {}
    for slug in samples:
        tab.goto(f"methods/{slug}/")
        measured[slug] = layout(tab)
    context.close()
    assert all(m["summaryBottom"] <= WIDE["height"] for m in measured.values()), {
        s: m["summaryTop"] for s, m in measured.items()
    }
    # Two columns of pairs: the short pairs sit at two different left edges.
    assert all(len(set(m["lefts"])) == 2 for m in measured.values()), {s: m["lefts"] for s, m in measured.items()}


def test_phone_width_has_no_sideways_scroll(browser: Any, base_url: str, samples: list[str]) -> None:
    context = browser.new_context(viewport=PHONE, base_url=base_url, is_mobile=True, has_touch=True)
    tab = context.new_page()
    measured = {}
    for slug in samples:
        tab.goto(f"methods/{slug}/")
        measured[slug] = layout(tab)
    context.close()
    assert all(m["scrollWidth"] <= PHONE["width"] for m in measured.values()), {
        s: m["scrollWidth"] for s, m in measured.items()
    }
    # The short pairs are behind "More facts": none shows until it is opened.
    assert all(not m["lefts"] for m in measured.values()), {s: m["lefts"] for s, m in measured.items()}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_shows_the_key_idea_first_and_facts_on_request(
    browser: Any, base_url: str, samples: list[str], scheme: str
) -> None:
    """At 375 px the key idea starts on the first screen; "More facts" opens the rest of the card."""
    context = browser.new_context(
        viewport=PHONE, color_scheme=scheme, base_url=base_url, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    tops = {}
    for slug in ["nerf", "liif", "siren"]:
        tab.goto(f"methods/{slug}/")
        tops[slug] = layout(tab)["keyIdeaTop"]
    more = tab.locator("details.inr-facts-more")
    hidden = tab.locator("details.inr-facts-more .inr-fact")
    assert hidden.count() >= 3 and not any(hidden.nth(i).is_visible() for i in range(hidden.count()))
    more.locator("summary").click()
    assert all(hidden.nth(i).is_visible() for i in range(hidden.count()))
    assert "Field" in more.inner_text() and "Year" in more.inner_text()
    context.close()
    assert all(top + 40 <= PHONE["height"] for top in tops.values()), tops


def test_wide_screen_shows_every_fact_without_a_tap(page: Any) -> None:
    page.goto("methods/nerf/")
    facts = page.locator(".inr-facts .inr-fact")
    assert facts.count() >= 8 and all(facts.nth(i).is_visible() for i in range(facts.count()))
    assert not page.locator("details.inr-facts-more > summary").is_visible()


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_copy_bibtex_button_under_the_title(browser: Any, base_url: str, catalog: Catalog, viewport: dict) -> None:
    """A button named "Copy BibTeX" on the first screen copies the entry verbatim and says so."""
    phone = viewport is PHONE
    context = browser.new_context(viewport=viewport, base_url=base_url, is_mobile=phone, has_touch=phone)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    tab = context.new_page()
    tab.goto("methods/liif/")
    buttons = tab.get_by_role("button", name="Copy BibTeX", exact=True)
    assert buttons.count() == 2  # under the title and at the entry
    top = buttons.first
    box = top.bounding_box()
    assert box is not None and box["y"] + box["height"] <= viewport["height"] / 2 and box["height"] >= 24
    title = tab.locator("h1").bounding_box()
    cite = tab.locator("#cite").bounding_box()
    assert title is not None and cite is not None and title["y"] < box["y"] < cite["y"]
    top.click()
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == format_entry(catalog.by_slug["liif"].entry).strip()
    assert "copied" in tab.locator(".inr-method-actions [role=status]").inner_text()
    tab.evaluate("navigator.clipboard.writeText('')")
    buttons.last.click()
    assert tab.evaluate("navigator.clipboard.readText()").strip() == format_entry(catalog.by_slug["liif"].entry).strip()
    context.close()


def test_phone_drawer_offers_the_page_contents(browser: Any, base_url: str) -> None:
    """Menu, the page's entry, Cite: the BibTeX block is on screen."""
    context = browser.new_context(viewport=PHONE, base_url=base_url, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto("methods/nerf/")
    tab.locator("label.md-header__button[for='__drawer']").click()
    entry = tab.locator(".md-sidebar--primary label.md-nav__link[for='__toc']")
    assert entry.is_visible() and entry.inner_text().strip() == "NeRF"
    entry.click()
    contents = tab.locator(".md-sidebar--primary nav.md-nav--secondary a.md-nav__link")
    names = [contents.nth(i).inner_text().strip() for i in range(contents.count())]
    assert {"Summary", "Sources", "Cite"} <= set(names), names
    cite = tab.locator(".md-sidebar--primary nav.md-nav--secondary a.md-nav__link", has_text="Cite")
    cite.click()
    tab.wait_for_function("() => document.querySelector('.inr-cite pre').getBoundingClientRect().top < innerHeight")
    assert tab.evaluate("location.hash") == "#cite"
    context.close()


def test_pages_in_the_navigation_get_no_extra_entry(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, base_url=base_url, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto("cite/")
    assert tab.locator(".md-sidebar--primary .inr-nav-page").count() == 0
    tab.goto("methods/nerf/")
    assert tab.locator(".md-sidebar--primary .inr-nav-page").count() == 1
    context.close()


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_bibtex_lines_wrap_and_nothing_is_cut(browser: Any, base_url: str, catalog: Catalog, viewport: dict) -> None:
    """The entry with the longest line: the block does not scroll sideways and shows every line in full."""
    longest = max(catalog.papers, key=lambda p: max(len(line) for line in format_entry(p.entry).splitlines()))
    phone = viewport is PHONE
    context = browser.new_context(viewport=viewport, base_url=base_url, is_mobile=phone, has_touch=phone)
    tab = context.new_page()
    for slug in (longest.slug, "nerf"):
        tab.goto(f"methods/{slug}/")
        code = tab.locator(".inr-cite pre > code")
        sizes = code.evaluate("c => [c.scrollWidth, c.clientWidth]")
        assert sizes[0] <= sizes[1], (slug, sizes)
        assert code.inner_text().strip() == format_entry(catalog.by_slug[slug].entry).strip()
    context.close()


def test_copy_button_takes_the_place_of_its_link(browser: Any, base_url: str) -> None:
    """Without the script "Copy BibTeX" is a link to the entry; the button the script puts in its
    place has the same size and position, so nothing below it moves."""
    boxes = []
    for script in (False, True):
        context = browser.new_context(viewport=PHONE, base_url=base_url, java_script_enabled=script)
        tab = context.new_page()
        tab.goto("methods/nerf/")
        control = tab.locator(".inr-method-actions .inr-copy-bib")
        assert control.evaluate("e => e.tagName") == ("BUTTON" if script else "A")
        boxes.append((control.bounding_box(), tab.locator("#summary").bounding_box()))
        if not script:
            assert control.get_attribute("href") == "#cite"
        context.close()
    (link, summary_before), (button, summary_after) = boxes
    assert all(abs(link[k] - button[k]) <= 0.5 for k in ("x", "y", "width", "height")), (link, button)
    assert abs(summary_before["y"] - summary_after["y"]) <= 0.5
