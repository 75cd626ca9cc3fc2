"""The real site built with --strict: method pages carry every element, from the data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from inrsurvey.bib import export_fields, format_entry, reparse_fields
from inrsurvey.model import Catalog
from sitehtml import article, article_text, page, parse, resolve

pytestmark = pytest.mark.build

FOUNDATION = ("nerf", "siren", "fourier-features", "liif", "nsvf")


def test_every_method_has_a_page(catalog: Catalog, site_dir: Path) -> None:
    assert len(catalog) >= 45
    for paper in catalog.papers:
        assert (site_dir / "methods" / paper.slug / "index.html").is_file(), paper.slug


@pytest.mark.parametrize("slug", FOUNDATION)
def test_method_page_elements(slug: str, catalog: Catalog, site_dir: Path) -> None:
    paper = catalog.by_slug[slug]
    url = f"methods/{slug}/"
    html = page(site_dir, url)
    text = article_text(html)
    elements = article(html)
    h1 = [e for e in elements if e.tag == "h1"]
    assert h1 and h1[0].text.strip().rstrip("¶").strip() == paper.name
    assert paper.title in text
    for author in paper.authors:
        assert author.display in text
    pairs = {
        (resolve(url, e.attrs["href"]), e.text.strip())
        for e in elements
        if e.tag == "a" and "href" in e.attrs and not e.attrs["href"].startswith("http")
    }
    links = {target for target, _ in pairs}
    venue = catalog.taxonomy.venue(paper.venue)
    assert venue is not None
    assert (f"venues/{venue.slug}-{paper.year}/", f"{venue.id} {paper.year}") in pairs
    assert (f"years/{paper.year}/", str(paper.year)) in pairs
    assert f"fields/{catalog.taxonomy.field(paper.field).slug}/" in links  # type: ignore[union-attr]
    for name in paper.tasks:
        assert f"tasks/{catalog.taxonomy.task(name).slug}/" in links  # type: ignore[union-attr]
    for rep in paper.representation:
        assert f"representations/{rep}/" in links
    for tag in paper.tags:
        assert f"tags/{tag}/" in links
    assert paper.posted is not None
    assert f"{paper.posted.day} {paper.posted.strftime('%B')} {paper.posted.year}" in text
    external = {e.attrs["href"]: e for e in elements if e.tag == "a" and e.attrs.get("href", "").startswith("http")}
    assert f"https://arxiv.org/abs/{paper.arxiv}" in external
    for code in paper.code:
        assert code.url in external
        assert code.framework in text
    if paper.project:
        assert paper.project in external
    assert all("noopener" in e.attrs.get("rel", "") for e in external.values())
    network = [e for e in elements if "inr-network" in e.classes]
    assert (
        network and all(i in network[0].text for i in paper.inputs) and all(o in network[0].text for o in paper.outputs)
    )
    code_blocks = [e for e in elements if e.tag == "code" and any(a.startswith("pre") for a in e.ancestors[-2:])]
    bibtex = [c.text for c in code_blocks if c.text.startswith("@")]
    assert bibtex and bibtex[0].strip() == format_entry(paper.entry).strip()
    assert reparse_fields(bibtex[0])[paper.key] == dict(export_fields(paper.entry))
    assert f"bib/{paper.key}.bib" in links
    words = len(re.findall(r"\w+", paper.body))
    assert 120 <= words <= 300


def test_latex_names_display_as_unicode(catalog: Catalog, site_dir: Path) -> None:
    accented = [p for p in catalog.papers if "\\" in p.entry.get("author")]
    assert accented, "the survey has authors written with LaTeX accents"
    for paper in accented:
        text = article_text(page(site_dir, f"methods/{paper.slug}/"))
        for author in paper.authors:
            assert "\\" not in author.display and author.display in text


def test_edit_link_opens_the_source(site_dir: Path) -> None:
    edit = [
        e for e in parse(page(site_dir, "methods/nerf/")) if e.tag == "a" and "edit" in e.attrs.get("rel", "").split()
    ]
    assert edit and edit[0].attrs["href"].endswith("/edit/main/papers/nerf.md")


def test_citation_metadata(catalog: Catalog, site_dir: Path) -> None:
    paper = catalog.by_slug["nerf"]
    elements = parse(page(site_dir, "methods/nerf/"))
    meta = [(e.attrs.get("name"), e.attrs.get("content")) for e in elements if e.tag == "meta"]
    assert ("citation_title", paper.title) in meta
    assert [c for n, c in meta if n == "citation_author"] == [f"{a.family}, {a.first}" for a in paper.authors]
    assert ("citation_doi", paper.doi) in meta
    assert ("citation_arxiv_id", paper.arxiv) in meta
    assert ("citation_conference_title", "European Conference on Computer Vision") in meta
    assert ("citation_inbook_title", "European Conference on Computer Vision (ECCV)") in meta
    assert ("citation_public_url", "https://doi.org/" + paper.doi) in meta
    ld = [e.text for e in elements if e.tag == "script" and e.attrs.get("type") == "application/ld+json"]
    data = json.loads(ld[0])
    assert data["@type"] == "WebPage" and data["url"].endswith("/methods/nerf/")
    article = data["about"]
    assert article["@type"] == "ScholarlyArticle" and article["headline"] == paper.title
    assert [a["name"] for a in article["author"]] == [a.display for a in paper.authors]


def test_no_request_to_other_hosts(site_dir: Path) -> None:
    for html_file in site_dir.rglob("*.html"):
        for element in parse(html_file.read_text(encoding="utf-8")):
            if element.tag in ("script", "img", "iframe") and element.attrs.get("src", "").startswith(
                ("http:", "https:", "//")
            ):
                raise AssertionError(f"{html_file}: {element.tag} from {element.attrs['src']}")
            if (
                element.tag == "link"
                and element.attrs.get("rel") in ("stylesheet", "preconnect", "preload")
                and element.attrs.get("href", "").startswith(("http:", "https:", "//"))
            ):
                raise AssertionError(f"{html_file}: link to {element.attrs['href']}")


def test_every_external_link_has_noopener(site_dir: Path) -> None:
    for html_file in site_dir.rglob("*.html"):
        for element in parse(html_file.read_text(encoding="utf-8")):
            if element.tag == "a" and element.attrs.get("href", "").startswith(("http:", "https:", "//")):
                assert "noopener" in element.attrs.get("rel", "").split(), (html_file, element.attrs)


def facts_card(html: str) -> list[tuple[str, str]]:
    """The label/value pairs of a method page's facts card, in order."""
    elements = article(html)
    pairs = []
    for index, element in enumerate(elements):
        if element.tag == "div" and "inr-fact" in element.classes:
            label = next(e for e in elements[index + 1 :] if e.tag == "dt")
            value = next(e for e in elements[index + 1 :] if e.tag == "dd")
            pairs.append((" ".join(label.text.split()), " ".join(value.text.split())))
    return pairs


@pytest.mark.parametrize("slug", FOUNDATION)
def test_facts_card_keeps_every_fact_once(slug: str, catalog: Catalog, site_dir: Path) -> None:
    paper = catalog.by_slug[slug]
    url = f"methods/{slug}/"
    html = page(site_dir, url)
    elements = article(html)
    cards = [e for e in elements if e.tag == "dl" and "inr-facts-list" in e.classes]
    # Who, where, which task and the links first; the rest in the "More facts" disclosure.
    assert len(cards) == 2 and cards[1].ancestors[-1] == "details.inr-facts-more", [c.ancestors for c in cards]
    first = {" ".join(e.text.split()) for e in elements if e.tag == "dt" and e.ancestors[-2:][0] == "dl.inr-facts-list"}
    label = "Tasks" if len(paper.tasks) > 1 else "Task"
    assert {"Authors", "Published in", label, "Links"} <= first, first
    children = [e for e in elements if e.ancestors and e.ancestors[-1].startswith("dl.inr-facts-list")]
    assert children and all(e.tag == "div" and "inr-fact" in e.classes for e in children)
    pairs = dict(facts_card(html))
    assert len(pairs) == len(children)
    rep_label = "Representation" if len(paper.representation) == 1 else "Representation (hybrid)"
    expected = {"Authors", "Published in", "Year", "First posted", "Field", label, rep_label, "Tags", "Links"}
    assert expected <= set(pairs), pairs
    assert all(a.display in pairs["Authors"] for a in paper.authors)
    primary = " (primary)" if len(paper.tasks) > 1 else ""
    assert pairs[label] == " · ".join(t + (primary if i == 0 else "") for i, t in enumerate(paper.tasks))
    reps = [catalog.taxonomy.representation(r) for r in paper.representation]
    assert pairs[rep_label] == " + ".join(r.name for r in reps if r is not None)
    if paper.aliases:
        assert pairs["Also known as"] == ", ".join(paper.aliases)
    # Tags are shown once: in the card; Material's chips above the title are hidden.
    shown = [e for e in elements if not any(a.startswith("nav.md-tags") for a in e.ancestors)]
    tag_links = [resolve(url, e.attrs["href"]) for e in shown if e.tag == "a" and "href" in e.attrs]
    for tag in paper.tags:
        assert tag_links.count(f"tags/{tag}/") == 1, tag
    chips = [e for e in parse(html) if e.tag == "nav" and "md-tags" in e.classes]
    assert all("hidden" in e.attrs for e in chips)


def test_key_idea_and_builds_on_with_where(catalog: Catalog, site_dir: Path) -> None:
    """Every method page shows its key idea (also as search metadata) and each builds_on link with where."""
    linked = 0
    for paper in catalog.papers:
        url = f"methods/{paper.slug}/"
        html = page(site_dir, url)
        text = article_text(html)
        assert " ".join(paper.key_idea.split()) in text, paper.slug
        assert 'data-pagefind-meta="key_idea[content]"' in html, paper.slug
        for link in paper.builds_on:
            assert " ".join(link.where.split()) in text, (paper.slug, link.method)
            linked += 1
        if paper.builds_on_none:
            assert " ".join(paper.builds_on_none.split()) in text, paper.slug
    assert linked > 0
