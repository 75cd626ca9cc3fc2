"""Charts in Chromium: on a 375 px phone each chart shows its phone layout, which fits the screen
at a legible size (nothing scrolls sideways, every period and label is on screen, the last years
included); at 1280 px the wide layout shows. Light and dark."""

from __future__ import annotations

from typing import Any

import pytest

from inrsurvey.model import Catalog
from inrsurvey.render.charts import methods_over_time

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
WIDE = {"width": 1280, "height": 900}
CHARTS = {"": ["chart-fields-over-time"], "statistics/": ["chart-fields-over-time", "chart-venues", "chart-tasks"]}


def shown(tab: Any, chart_id: str) -> dict[str, Any]:
    """The visible SVG of a chart: its layout, size, view box width, and the text it shows on screen."""
    return tab.evaluate(
        """id => {
          const figure = document.getElementById(id);
          const svgs = [...figure.querySelectorAll('svg.inr-chart-svg')].filter(s => s.getClientRects().length);
          const svg = svgs[0];
          const box = svg.getBoundingClientRect();
          const texts = [...svg.querySelectorAll('text')].map(t => {
            const r = t.getBoundingClientRect();
            return {text: t.textContent, left: r.left, right: r.right, height: r.height};
          });
          return {count: svgs.length, layout: svg.classList.contains('inr-chart-narrow') ? 'narrow' : 'wide',
                  width: box.width, viewWidth: svg.viewBox.baseVal.width, texts,
                  figureScroll: [figure.scrollWidth, figure.clientWidth],
                  pageScroll: document.scrollingElement.scrollWidth};
        }""",
        chart_id,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", list(CHARTS))
def test_charts_fit_a_phone(browser: Any, base_url: str, catalog: Catalog, url: str, scheme: str) -> None:
    context = browser.new_context(
        viewport=PHONE, color_scheme=scheme, base_url=base_url, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    tab.goto(url)
    bins, _ = methods_over_time(catalog)
    for chart_id in CHARTS[url]:
        chart = shown(tab, chart_id)
        assert chart["count"] == 1 and chart["layout"] == "narrow", chart_id
        assert chart["pageScroll"] <= PHONE["width"], chart_id
        assert chart["figureScroll"][0] <= chart["figureScroll"][1], chart_id
        # Drawn at about its own size: 11 px text stays at least 10 px high.
        assert chart["width"] / chart["viewWidth"] >= 0.95, chart
        inside = [t for t in chart["texts"] if t["left"] >= 0 and t["right"] <= PHONE["width"]]
        assert len(inside) == len(chart["texts"]), [t for t in chart["texts"] if t not in inside]
        assert all(t["height"] >= 10 for t in chart["texts"]), chart_id
        if chart_id == "chart-fields-over-time":
            assert [t["text"] for t in chart["texts"][: 2 * len(bins) : 2]] == bins
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_use_the_wide_layout_on_a_wide_screen(browser: Any, base_url: str, scheme: str) -> None:
    context = browser.new_context(viewport=WIDE, color_scheme=scheme, base_url=base_url)
    tab = context.new_page()
    for url, ids in CHARTS.items():
        tab.goto(url)
        for chart_id in ids:
            chart = shown(tab, chart_id)
            assert chart["count"] == 1 and chart["layout"] == "wide", (url, chart_id)
            assert chart["figureScroll"][0] <= chart["figureScroll"][1], (url, chart_id)
    context.close()


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_every_field_has_its_own_colour(browser: Any, base_url: str, catalog: Catalog, viewport: dict) -> None:
    """The legend's swatches of the chart over time: one colour per field, none repeated."""
    phone = viewport is PHONE
    context = browser.new_context(viewport=viewport, base_url=base_url, is_mobile=phone, has_touch=phone)
    tab = context.new_page()
    tab.goto("")
    fills = tab.evaluate(
        """() => Array.from([...document.querySelectorAll('#chart-fields-over-time svg.inr-chart-svg')]
             .filter(s => s.getClientRects().length)[0].querySelectorAll('rect:not([data-count])'),
             r => getComputedStyle(r).fill)"""
    )
    context.close()
    _, series = methods_over_time(catalog)
    assert len(fills) == len(series) and len(set(fills)) == len(fills), fills
