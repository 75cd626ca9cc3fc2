"""The light/dark toggle: the palette follows the reader's system until a choice is made, the
choice is kept across pages (and instant navigation), and the page never restyles itself at load."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SCHEME = "document.body.getAttribute('data-md-color-scheme')"
SHOWN = (
    "[...document.querySelectorAll('form[data-inr-palette] label')].filter(l => l.offsetWidth > 0).map(l => l.title)"
)


@pytest.mark.parametrize(("system", "first", "second"), [("light", "default", "slate"), ("dark", "slate", "default")])
def test_toggle_switches_and_is_remembered(browser: Any, base_url: str, system: str, first: str, second: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=system, base_url=base_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("methods/nerf/")
    assert page.evaluate(SCHEME) == first
    shown = page.evaluate(SHOWN)
    assert shown == ["Switch to dark mode" if first == "default" else "Switch to light mode"]
    page.locator("form[data-inr-palette] label:not([hidden])").click()
    page.wait_for_function(f"{SCHEME} === '{second}'")
    assert page.evaluate(SHOWN) != shown and len(page.evaluate(SHOWN)) == 1
    # The choice is stored where the theme keeps it, and holds on the next page and after a reload.
    stored = page.evaluate("JSON.parse(localStorage.getItem(__md_scope.pathname + '.__palette'))")
    assert stored["color"]["scheme"] == second
    page.click("nav.md-nav a[href$='catalog/']")  # instant navigation keeps the header
    page.wait_for_selector("ol.inr-results > li.inr-card")
    assert page.evaluate(SCHEME) == second
    page.goto("tasks/view-synthesis/")
    assert page.evaluate(SCHEME) == second
    # Enter on the focused option moves back, as the theme's toggle does.
    page.focus("form[data-inr-palette] input:checked")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{SCHEME} === '{first}'")
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content").startswith("#")
    context.close()
    assert not errors, errors


def test_palette_is_applied_before_the_content(browser: Any, base_url: str) -> None:
    """The body has its scheme when the article is parsed: nothing re-applies it after load."""
    context = browser.new_context(color_scheme="dark", base_url=base_url)
    page = context.new_page()
    page.add_init_script(
        """document.addEventListener('readystatechange', () => {
             if (document.readyState === 'interactive') window.__scheme = document.body.getAttribute('data-md-color-scheme');
           });
           new MutationObserver(list => { for (const m of list) if (m.attributeName === 'data-md-color-switching') window.__switched = true; })
             .observe(document, { attributes: true, subtree: true });"""
    )
    page.goto("tasks/view-synthesis/", wait_until="load")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__scheme") == "slate"
    assert not page.evaluate("Boolean(window.__switched)")
    context.close()


@pytest.mark.parametrize("stored", ["{", '{"index": 99}', '{"index": "1<b>"}', "null"])
def test_an_odd_stored_choice_falls_back(browser: Any, base_url: str, stored: str) -> None:
    """A stored palette that does not parse or names no option: a valid scheme, one toggle, no page error."""
    context = browser.new_context(color_scheme="dark", base_url=base_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("methods/nerf/")
    page.evaluate("s => localStorage.setItem(__md_scope.pathname + '.__palette', s)", stored)
    page.goto("methods/nerf/", wait_until="load")
    assert page.evaluate(SCHEME) in ("default", "slate")
    assert len(page.evaluate(SHOWN)) == 1
    page.locator("form[data-inr-palette] label:not([hidden])").click()
    assert json.loads(page.evaluate("localStorage.getItem(__md_scope.pathname + '.__palette')"))["index"] in (0, 1)
    context.close()
    assert not errors, errors
