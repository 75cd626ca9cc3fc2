"""The lineage SVG, page and neighbourhood from hand-made catalogs: escaping, sanitizer, caps."""

from __future__ import annotations

import datetime as dt
import re

import markdown
import pytest

from inrsurvey.model import BibEntry, BuildsOn, Catalog, Paper, Person, Taxonomy, Term, Venue
from inrsurvey.render import paths
from inrsurvey.render.lineage import NEIGHBOURS_SHOWN, lineage_page, lineage_svg, neighbour_levels, neighbourhood
from inrsurvey.render.lineage_layout import layout_lineage
from inrsurvey.render.method import method_page
from inrsurvey.render.sanitize import clean_html
from sitehtml import parse

EXTENSIONS = ["abbr", "attr_list", "def_list", "md_in_html", "tables", "toc"]
HOSTILE = "<img src=x onerror=alert(1)> & \"quoted\" 'single' </title><script>alert(2)</script>"
TAXONOMY = Taxonomy(
    fields=(Term("Field", "A field."),),
    tasks=(Term("Task", "A task."),),
    tags=(),
    venues=(Venue("arXiv", "arXiv", "arXiv", "preprint"),),
)


def paper(slug: str, posted: dt.date, builds_on: tuple[str, ...] = (), name: str = "", title: str = "A title") -> Paper:
    entry = BibEntry(
        key=f"key{slug.replace('-', '')}",
        entry_type="misc",
        fields=(("author", "Doe, Jane"), ("title", title), ("year", str(posted.year))),
        display={"title": title},
        authors=(Person("Jane", "", "Doe"),),
    )
    return Paper(
        slug=slug,
        name=name or slug.upper(),
        field="Field",
        tasks=("Task",),
        venue="arXiv",
        entry=entry,
        posted=posted,
        builds_on=tuple(BuildsOn(b, "Sec. 1") for b in builds_on),
        inputs=("x",),
        outputs=("y",),
    )


def html_of(page_markdown: str) -> str:
    body = page_markdown.split("\n---\n", 1)[1]
    return clean_html(markdown.markdown(body, extensions=EXTENSIONS))


def hostile_catalog() -> Catalog:
    return Catalog.of(
        TAXONOMY,
        (
            paper("base", dt.date(2020, 1, 5)),
            paper("evil", dt.date(2020, 9, 1), ("base",), name=HOSTILE, title=HOSTILE),
            paper("alone", dt.date(2021, 2, 1)),
        ),
    )


def test_hostile_names_are_escaped_in_the_svg() -> None:
    catalog = hostile_catalog()
    svg = lineage_svg(layout_lineage(catalog.papers), catalog.by_slug, paths.LINEAGE, len(catalog))
    assert "<img" not in svg and "<script" not in svg
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#x27;single&#x27;" in svg
    cleaned = clean_html(svg)
    assert "<img" not in cleaned and "<script" not in cleaned
    link = next(e for e in parse(cleaned) if e.tag == "a" and e.attrs.get("id") == "lineage-node-evil")
    assert link.attrs["aria-label"].startswith(HOSTILE + ", first posted 1 September 2020")
    assert link.attrs["title"].startswith(f"{HOSTILE}: {HOSTILE}")
    assert link.text == HOSTILE and link.attrs["href"] == "../methods/evil/"


def test_the_sanitizer_keeps_exactly_what_the_svg_uses() -> None:
    """Every element and attribute of the drawing is on the allow-list (and nothing is lost)."""
    catalog = hostile_catalog()
    svg = lineage_svg(layout_lineage(catalog.papers), catalog.by_slug, paths.LINEAGE, len(catalog))

    def shape(html: str) -> list[tuple[str, dict[str, str]]]:
        return [(e.tag, e.attrs) for e in parse(html)]

    assert shape(clean_html(svg)) == shape(svg)
    tags = {tag for tag, _ in shape(svg)}
    assert tags == {"svg", "title", "desc", "g", "rect", "text", "path", "foreignobject", "a"}


def test_page_lists_every_method_and_says_how_many_are_drawn() -> None:
    catalog = hostile_catalog()
    html = html_of(lineage_page(catalog))
    assert "shows <strong>2 of 3 methods</strong>" in html
    graph = [e for e in parse(html) if e.tag == "a" and "inr-lin-box" in e.classes]
    assert [a.attrs["href"] for a in graph] == ["../methods/base/", "../methods/evil/"]
    anchors = {e.attrs["id"] for e in parse(html) if e.tag == "a" and e.attrs.get("id", "").startswith("lineage-")}
    assert {"lineage-base", "lineage-evil", "lineage-alone"} <= anchors  # the isolated one too
    assert "<script" not in html and "<img" not in html


def hub_catalog(children: int = 20) -> Catalog:
    papers = [paper("root", dt.date(2018, 1, 1)), paper("hub", dt.date(2019, 1, 1), ("root",))]
    for i in range(children):
        papers.append(paper(f"c{i:02d}", dt.date(2020, 1, 1) + dt.timedelta(days=i), ("hub",)))
        papers.append(paper(f"g{i:02d}", dt.date(2021, 1, 1) + dt.timedelta(days=i), (f"c{i:02d}",)))
    return Catalog.of(TAXONOMY, tuple(papers))


def test_neighbourhood_levels_are_capped() -> None:
    catalog = hub_catalog()
    hub = catalog.by_slug["hub"]
    near, far = neighbour_levels(catalog, hub, upward=False)
    assert (len(near.shown), near.more) == (NEIGHBOURS_SHOWN, 20 - NEIGHBOURS_SHOWN)
    assert (len(far.shown), far.more) == (NEIGHBOURS_SHOWN, 20 - NEIGHBOURS_SHOWN)
    assert {p.slug for p in far.shown} <= {f"g{i:02d}" for i in range(20)}
    up, beyond = neighbour_levels(catalog, hub, upward=True)
    assert [p.slug for p in up.shown] == ["root"] and beyond.shown == () and up.more == 0


def test_neighbourhood_markdown_on_the_method_page() -> None:
    catalog = hub_catalog()
    text = neighbourhood(catalog, catalog.by_slug["hub"])
    assert "**Builds on:** [ROOT](root.md)" in text
    assert text.count("](c") == NEIGHBOURS_SHOWN and text.count("](g") == NEIGHBOURS_SHOWN
    assert text.count(f"[{20 - NEIGHBOURS_SHOWN} more](../lineage.md#lineage-hub)") == 2
    assert "(../lineage.md?focus=hub#lineage-node-hub)" in text
    html = html_of(method_page(catalog, catalog.by_slug["hub"]))
    assert 'id="lineage"' in html and "lineage-node-hub" in html
    one = neighbourhood(catalog, catalog.by_slug["g05"])
    assert "**which builds on:** [HUB](hub.md)" in one and "more" not in one
    assert (
        neighbourhood(Catalog.of(TAXONOMY, (paper("solo", dt.date(2020, 1, 1)),)), paper("solo", dt.date(2020, 1, 1)))
        == ""
    )


def test_page_size_does_not_grow_with_the_number_of_descendants() -> None:
    links = []
    for children in (10, 200):
        catalog = hub_catalog(children)
        links.append(len(re.findall(r"\]\(", neighbourhood(catalog, catalog.by_slug["hub"]))))
    assert links == [1 + 2 * NEIGHBOURS_SHOWN + 2 + 1] * 2  # root, two capped levels, two "more", the graph


def test_node_labels_use_the_authors_names_not_the_original_surveys_label() -> None:
    """A long name shows its authors' short form; the original survey's invented label is search-only."""
    from dataclasses import replace

    from inrsurvey.model import SurveyLabel
    from inrsurvey.render.lineage import LABEL_CHARS, node_label

    long_name = "Neural Reflectance Fields for Appearance Acquisition"
    assert len(long_name) > LABEL_CHARS
    base = paper("nrf", dt.date(2020, 8, 9), name=long_name)
    invented = replace(base, aliases=("NRFAA",), survey=SurveyLabel("NRFAA", "3D Vision", "View Synthesis"))
    assert node_label(invented) == long_name  # cut by the stylesheet, never replaced by the invented label
    authors = replace(base, aliases=("NRFAA", "NeuRefl"), survey=SurveyLabel("NRFAA", "3D Vision", "View Synthesis"))
    assert node_label(authors) == "NeuRefl"
    assert node_label(replace(base, aliases=("NRFAA",))) == "NRFAA"  # an alias of the authors' own is used


def test_a_large_survey_gets_one_lineage_page_per_year(monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond the split size: an index, and per year its methods, the earlier ones they build on, its tables."""
    from inrsurvey.render import lineage
    from inrsurvey.render.lineage_periods import lineage_pages

    catalog = hub_catalog(6)  # root 2018, hub 2019, c00-c05 2020, g00-g05 2021
    assert [uri for uri, _ in lineage_pages(catalog)] == [paths.LINEAGE]
    pages = dict(lineage_pages(catalog, split_at=5))
    assert list(pages) == [paths.LINEAGE, *(paths.lineage_year(y) for y in (2018, 2019, 2020, 2021))]
    index = html_of(pages[paths.LINEAGE])
    assert "<svg" not in index and 'href="lineage/2020.md"' in index and "2020</a>: 6 methods" in index
    year = html_of(pages[paths.lineage_year(2021)])
    nodes = [e.attrs["id"].removeprefix("lineage-node-") for e in parse(year) if "inr-lin-box" in e.classes]
    assert sorted(nodes) == sorted([f"c{i:02d}" for i in range(6)] + [f"g{i:02d}" for i in range(6)])
    rows = {e.attrs["id"] for e in parse(year) if e.attrs.get("id", "").startswith("lineage-") and e.tag == "a"}
    assert {r for r in rows if not r.startswith("lineage-node-")} == {f"lineage-g{i:02d}" for i in range(6)}
    assert "<strong>6 of the 6 methods first posted in 2021</strong>" in year and "the 6 earlier methods" in year
    monkeypatch.setattr(lineage, "SPLIT_AT", 5)
    text = neighbourhood(catalog, catalog.by_slug["c01"])
    assert "(../lineage/2020.md?focus=c01#lineage-node-c01)" in text


def test_edges_name_their_ends_and_carry_the_wide_route() -> None:
    """Each edge is drawn once, under the nodes, with its ends for the script and both layouts' paths."""
    from inrsurvey.render.lineage import NARROW, WIDE

    catalog = hub_catalog(6)
    narrow, wide = layout_lineage(catalog.papers, NARROW), layout_lineage(catalog.papers, WIDE)
    svg = lineage_svg(narrow, catalog.by_slug, paths.LINEAGE, len(catalog), wide)
    elements = parse(svg)
    edges = [e for e in elements if e.tag == "path"]
    assert sorted(e.attrs["data-e"] for e in edges) == sorted(f"{e.source} {e.target}" for e in narrow.edges)
    assert all(re.fullmatch(r"M[\d.]+ [\d.]+([HV][\d.]+)+", e.attrs[k]) for e in edges for k in ("d", "data-alt"))
    tags = [e.tag for e in elements]
    assert max(i for i, t in enumerate(tags) if t == "path") < tags.index("foreignobject")  # edges under nodes
    root = next(e for e in elements if e.tag == "svg")
    assert (root.attrs["width"], root.attrs["data-alt"]) == (str(narrow.width), f"{wide.width} {wide.height}")
    assert narrow.width <= 343 < wide.width  # the page's own layout fits a 375 px phone
    boxes = [e for e in elements if e.tag == "foreignobject"]
    assert len(boxes) == len(narrow.nodes) and all(len(b.attrs["data-alt"].split()) == 2 for b in boxes)
