"""The real site built with --strict: the lineage page and each method's neighbourhood."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inrsurvey.model import Catalog
from inrsurvey.render.lineage import NEIGHBOURS_SHOWN
from sitehtml import article, article_text, page, resolve

pytestmark = pytest.mark.build


def linked(catalog: Catalog) -> set[str]:
    """Slugs of methods with a builds_on link in either direction."""
    return {p.slug for p in catalog.papers if p.builds_on} | set(catalog.built_on_by)


def test_every_linked_method_is_a_node_of_the_graph(catalog: Catalog, site_dir: Path) -> None:
    elements = article(page(site_dir, "lineage/"))
    svg = [e for e in elements if e.tag == "svg" and "inr-lineage-svg" in e.classes]
    assert len(svg) == 1 and svg[0].attrs["role"] == "group" and svg[0].attrs["aria-labelledby"]
    nodes = [e for e in elements if e.tag == "a" and any(a.startswith("svg.inr-lineage-svg") for a in e.ancestors)]
    targets = {resolve("lineage/", a.attrs["href"]): a for a in nodes}
    assert len(targets) == len(nodes)
    assert set(targets) == {f"methods/{slug}/" for slug in linked(catalog)}
    for slug in linked(catalog):
        node = targets[f"methods/{slug}/"]
        name = catalog.by_slug[slug].name
        assert (
            name in node.attrs["aria-label"]
            and ", first posted" in node.attrs["aria-label"]
            and node.attrs["title"].startswith(name)
        )
        assert node.attrs["aria-label"].startswith(node.text)  # the visible text begins the accessible name
        assert (site_dir / "methods" / slug / "index.html").is_file()


def test_the_page_counts_and_lists_every_method(catalog: Catalog, site_dir: Path) -> None:
    html = page(site_dir, "lineage/")
    text = article_text(html)
    shown = len(linked(catalog))
    assert f"The graph shows {shown} of {len(catalog)} methods" in text
    assert f"the {len(catalog) - shown} that neither build on" in text
    anchors = {
        e.attrs["id"].removeprefix("lineage-"): e
        for e in article(html)
        if e.tag == "a" and e.attrs.get("id", "").startswith("lineage-") and "inr-lin-box" not in e.classes
    }
    assert set(anchors) == set(catalog.by_slug)  # isolated methods too
    rows_html = [e for e in article(html) if e.tag == "tr"]
    nerf_row = next(r for r in rows_html if r.text.split()[0] == "NeRF")
    for later in catalog.built_on_by["nerf"]:
        assert later.name in nerf_row.text


def test_nerf_page_shows_its_real_descendants(catalog: Catalog, site_dir: Path) -> None:
    url = "methods/nerf/"
    elements = article(page(site_dir, url))
    block = [e for e in elements if any(a.startswith("div.inr-lineage-near") for a in e.ancestors)]
    links = [
        (resolve(url, e.attrs["href"]), e.attrs["href"], e.text)
        for e in block
        if e.tag == "a" and not e.attrs["href"].startswith("#")
    ]
    methods = [target.removeprefix("methods/").strip("/") for target, _, _ in links if target.startswith("methods/")]
    direct = {p.slug for p in catalog.built_on_by["nerf"]}
    second = {q.slug for p in catalog.built_on_by["nerf"] for q in catalog.built_on_by.get(p.slug, ())} - direct
    assert len(direct) > NEIGHBOURS_SHOWN  # the cap is exercised
    assert set(methods[:NEIGHBOURS_SHOWN]) <= direct and len(set(methods[:NEIGHBOURS_SHOWN])) == NEIGHBOURS_SHOWN
    assert set(methods[NEIGHBOURS_SHOWN:]) <= second and methods[NEIGHBOURS_SHOWN:]
    more = [(href, text) for target, href, text in links if target == "lineage/"]
    assert ("../../lineage/#lineage-nerf", f"{len(direct) - NEIGHBOURS_SHOWN} more") in more
    focus = ("../../lineage/?focus=nerf#lineage-node-nerf", "its ancestors and descendants in the lineage graph")
    assert focus in more


def test_method_pages_stay_small(catalog: Catalog, site_dir: Path) -> None:
    """The neighbourhood lists at most two capped levels each way, whatever the survey's size."""
    for paper in catalog.papers:
        html = page(site_dir, f"methods/{paper.slug}/")
        block = re.search(r'<div class="inr-lineage-near".*?</div>', html, re.DOTALL)
        if not (paper.builds_on or paper.slug in catalog.built_on_by):
            assert block is None, paper.slug
            continue
        assert block is not None, paper.slug
        assert block.group(0).count("<a ") <= 4 * (NEIGHBOURS_SHOWN + 1) + 1
