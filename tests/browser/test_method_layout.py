"""Method pages in Chromium: the facts card keeps the summary on the first screen at 1280x900,
lays its pairs out in two columns there and in one on a phone, with no sideways scrolling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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
          lefts: [...document.querySelectorAll('.inr-fact:not(.inr-fact-wide)')].map(e => Math.round(e.getBoundingClientRect().left)),
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
    assert all(len(set(m["lefts"])) == 1 for m in measured.values()), {s: m["lefts"] for s, m in measured.items()}
