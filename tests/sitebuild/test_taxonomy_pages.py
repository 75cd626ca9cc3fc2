"""Taxonomy pages, tables and charts of the real site match the data exactly."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from inrsurvey.model import Catalog
from inrsurvey.render.charts import methods_over_time
from inrsurvey.render.lineage import NEIGHBOURS_SHOWN
from inrsurvey.render.taxonomy import editions, years
from sitehtml import Element, article, article_text, method_links, page, parse

pytestmark = pytest.mark.build


def once(slugs: list[str]) -> set[str]:
    """The set of slugs, asserting none is listed twice."""
    counts = Counter(slugs)
    assert all(c == 1 for c in counts.values()), [s for s, c in counts.items() if c > 1]
    return set(counts)


def test_field_pages(catalog: Catalog, site_dir: Path) -> None:
    for term in catalog.taxonomy.fields:
        expected = {p.slug for p in catalog.by_field.get(term.name, ())}
        assert once(method_links(site_dir, f"fields/{term.slug}/")) == expected, term.name


def test_task_pages_and_comparison_tables(catalog: Catalog, site_dir: Path) -> None:
    """Each task page lists every method that names the task, primary or further, with its definition and key idea."""
    further = 0
    for term in catalog.taxonomy.tasks:
        url = f"tasks/{term.slug}/"
        expected = {p.slug for p in catalog.papers if term.name in p.tasks}
        further += sum(1 for p in catalog.papers if term.name in p.tasks[1:])
        assert once(method_links(site_dir, url)) == expected, term.name
        elements = article(page(site_dir, url))
        text = " ".join(e.text for e in elements)
        assert " ".join(term.definition.split()) in " ".join(text.split()), term.name
        if not expected:  # a task defined before any method uses it: its page says so
            continue
        rows = [e for e in elements if e.tag == "tr" and any(a.startswith("div.inr-table") for a in e.ancestors)]
        assert len(rows) == len(expected) + 1
        headers = [e.text.strip() for e in elements if e.tag == "th" and "thead." in e.ancestors]
        assert headers == ["Method", "Key idea", "Representation", "Tags", "Published", "Code"]
        assert any(e.attrs.get("data-sortable") == "true" for e in elements)
        # One row per method, oldest first (first posting, else the end of the publication year).
        order = [r.attrs["id"].removeprefix("row-") for r in rows if "id" in r.attrs]
        assert sorted(order) == sorted(expected)
        when = [
            catalog.by_slug[s].posted.isoformat() if catalog.by_slug[s].posted else f"{catalog.by_slug[s].year}-12-32"
            for s in order
        ]
        assert when == sorted(when), term.name
        for slug in expected:
            paper = catalog.by_slug[slug]
            assert " ".join(paper.key_idea.split()) in " ".join(text.split()), slug
            row = next(r for r in rows if r.attrs.get("id") == f"row-{slug}")
            assert paper.name in row.text and all(t.name in row.text for t in paper.joined.tags), slug
        # The task page has no table of contents, so the table takes the content's width.
        assert 'data-md-type="toc" hidden>' in page(site_dir, url), term.name
    assert further > 0, "no method lists a further task"


def test_representation_pages(catalog: Catalog, site_dir: Path) -> None:
    """Each representation page lists exactly the methods made (in part) of it, under its definition."""
    assert catalog.taxonomy.representations
    for rep in catalog.taxonomy.representations:
        url = f"representations/{rep.id}/"
        expected = {p.slug for p in catalog.papers if rep.id in p.representation}
        assert once(method_links(site_dir, url)) == expected, rep.id
        text = " ".join(" ".join(e.text for e in article(page(site_dir, url))).split())
        assert " ".join(rep.definition.split()) in text


def test_venue_pages(catalog: Catalog, site_dir: Path) -> None:
    seen: list[str] = []
    for edition in editions(catalog):
        url = edition.uri.removesuffix(".md") + "/"
        slugs = once(method_links(site_dir, url))
        assert slugs == {p.slug for p in edition.papers}, edition.label
        seen += slugs
        text = " ".join(e.text for e in article(page(site_dir, url)))
        assert edition.venue.name in text or edition.venue.kind == "preprint"
    assert once(seen) == set(catalog.by_slug)


def test_year_pages(catalog: Catalog, site_dir: Path) -> None:
    for year in years(catalog):
        expected = {p.slug for p in catalog.papers if p.year == year or (p.posted and p.posted.year == year)}
        assert set(method_links(site_dir, f"years/{year}/")) == expected


def test_tag_pages(catalog: Catalog, site_dir: Path) -> None:
    for tag in catalog.taxonomy.tags:
        expected = {p.slug for p in catalog.by_tag.get(tag.id, ())}
        links = method_links(site_dir, f"tags/{tag.id}/")
        assert once(links) == expected, tag.id
        by_name = sorted(catalog.by_tag.get(tag.id, ()), key=lambda p: (p.name.casefold(), p.slug))
        assert list(dict.fromkeys(links)) == [p.slug for p in by_name], tag.id
        assert tag.definition in " ".join(e.text for e in article(page(site_dir, f"tags/{tag.id}/")))


def test_summary_table(catalog: Catalog, site_dir: Path) -> None:
    """Every method once, grouped by primary task in the taxonomy's order (survey order within a task)."""
    slugs = method_links(site_dir, "summary/")
    tasks = [t.name for t in catalog.taxonomy.tasks]
    assert slugs == [p.slug for p in sorted(catalog.papers, key=lambda p: tasks.index(p.task))]


def test_overview_counts(catalog: Catalog, site_dir: Path) -> None:
    def counts(url: str) -> dict[str, int]:
        found = {}
        for element in article(page(site_dir, url)):
            if element.tag == "li":
                match = re.match(r"\s*(.+?) \((\d+)\)", element.text)
                if match:
                    found[match.group(1).strip()] = int(match.group(2))
        return found

    assert counts("fields/") == {t.name: len(catalog.by_field.get(t.name, ())) for t in catalog.taxonomy.fields}
    assert counts("tasks/") == {
        t.name: sum(1 for p in catalog.papers if t.name in p.tasks) for t in catalog.taxonomy.tasks
    }
    assert counts("representations/") == {
        r.name: sum(1 for p in catalog.papers if r.id in p.representation) for r in catalog.taxonomy.representations
    }
    assert counts("tags/") == {t.name: len(catalog.by_tag.get(t.id, ())) for t in catalog.taxonomy.tags}
    assert counts("venues/") == {e.label: len(e.papers) for e in editions(catalog)}


def test_scope_sentence_states_the_survey_as_it_stands(catalog: Catalog, site_dir: Path) -> None:
    """Home and About the data say how many methods, which years and which fields, from the data."""
    years = sorted(p.year for p in catalog.papers if p.year)
    dated = sum(1 for p in catalog.papers if p.posted)
    for url in ("", "about-data/"):
        text = " ".join(article_text(page(site_dir, url)).split())
        assert f"The survey holds {len(catalog)} methods, published from {years[0]} to {years[-1]}" in text, url
        for field in catalog.taxonomy.fields:
            if catalog.by_field.get(field.name):
                assert f"{field.name} ({len(catalog.by_field[field.name])})" in text, (url, field.name)
        assert f"{dated} of them carry the verified date of their first arXiv version" in text, url


def test_home_statistics_link_to_what_they_count(catalog: Catalog, site_dir: Path) -> None:
    """The home page's counts of methods with code and peer-reviewed open the catalog filtered to them."""
    stats = [e for e in article(page(site_dir, "")) if e.tag == "a" and "catalog/?" in (e.attrs.get("href") or "")]
    found = {(e.attrs.get("href") or "").split("?", 1)[1]: e.text for e in stats}
    assert found == {"peer=1": "peer-reviewed", "code=1": "with official code"}
    text = " ".join(article_text(page(site_dir, "")).split())
    assert f"{sum(1 for p in catalog.papers if p.has_official_code)} with official code" in text
    assert f"{sum(1 for p in catalog.papers if p.joined.venue.peer_reviewed)} peer-reviewed" in text


def test_method_pages_link_related(catalog: Catalog, site_dir: Path) -> None:
    """What a method builds on and what builds on it are linked (up to the cap; the rest on the lineage page)."""
    for paper in catalog.papers:
        linked = set(method_links(site_dir, f"methods/{paper.slug}/"))
        for related in (set(paper.builds_on_slugs), {p.slug for p in catalog.built_on_by.get(paper.slug, ())}):
            assert len(related & linked) >= min(len(related), NEIGHBOURS_SHOWN), paper.slug


def test_home_chart_matches_data(catalog: Catalog, site_dir: Path) -> None:
    """Both layouts of the chart (wide screens and phones) count every method once, by field and period."""
    elements = parse(page(site_dir, ""))
    svgs = [e for e in elements if e.tag == "svg" and "inr-chart-svg" in e.classes]
    layouts = ("svg.inr-chart-svg.inr-chart-wide", "svg.inr-chart-svg.inr-chart-narrow")
    assert [tuple(s.classes) for s in svgs] == [tuple(x.split(".")[1:]) for x in layouts]
    assert all(s.attrs.get("role") == "img" and s.attrs.get("aria-labelledby") for s in svgs)
    assert len({s.attrs["aria-labelledby"] for s in svgs}) == 2
    assert any(e.tag == "title" and "Methods over time" in e.text for e in elements)
    bins, series = methods_over_time(catalog)
    expected_fields = {
        f: n for f, n in ((t.name, len(catalog.by_field.get(t.name, ()))) for t in catalog.taxonomy.fields) if n
    }
    expected_bins = {b: sum(s.values[i] for s in series) for i, b in enumerate(bins)}
    for layout in layouts:
        bars = [e for e in elements if e.tag == "rect" and "data-count" in e.attrs and layout in e.ancestors]
        by_field: Counter[str] = Counter()
        by_bin: Counter[str] = Counter()
        for bar in bars:
            by_field[bar.attrs["data-series"]] += int(bar.attrs["data-count"])
            by_bin[bar.attrs["data-bin"]] += int(bar.attrs["data-count"])
        assert dict(by_field) == expected_fields, layout
        assert dict(by_bin) == {b: n for b, n in expected_bins.items() if n}, layout
    # Each period is posted when the method first appeared: a method without a posting date
    # counts at its arXiv number's month, else at its year of publication, and the caption says so.
    assert sum(expected_bins.values()) == len(catalog)
    for paper in catalog.papers:
        if not paper.posted and not paper.arxiv:
            assert paper.sort_date.year == paper.year, paper.slug
    undated = sum(1 for p in catalog.papers if not p.posted)
    caption = next(e.text for e in elements if e.tag == "figcaption" and "figure.inr-chart" in e.ancestors)
    assert (f"{undated} method" in caption) == bool(undated), caption
    table_rows = [e for e in elements if e.tag == "tr" and any("inr-chart-data" in a for a in e.ancestors)]
    assert len(table_rows) == len(bins) + 1
    assert sum(sum(s.values) for s in series) == len(catalog)


def chart_bars(elements: list[Element], chart_id: str, layout: str) -> dict[str, int]:
    """The counts the bars of one layout (`wide` or `narrow`) of the chart `chart_id` show, by label."""
    start = next(i for i, e in enumerate(elements) if e.tag == "figure" and e.attrs.get("id") == chart_id)
    end = next((i for i, e in enumerate(elements) if i > start and e.tag == "figure"), len(elements))
    return {
        e.attrs["data-bin"]: int(e.attrs["data-count"])
        for e in elements[start:end]
        if e.tag == "rect" and "data-bin" in e.attrs and f"svg.inr-chart-svg.inr-chart-{layout}" in e.ancestors
    }


def test_statistics_charts_match_data(catalog: Catalog, site_dir: Path) -> None:
    elements = parse(page(site_dir, "statistics/"))
    task_counts = {t.name: len(catalog.by_task[t.name]) for t in catalog.taxonomy.tasks if catalog.by_task.get(t.name)}
    venue_total = len(catalog)
    for layout in ("wide", "narrow"):
        assert chart_bars(elements, "chart-tasks", layout) == task_counts, layout
        assert sum(chart_bars(elements, "chart-venues", layout).values()) == venue_total, layout
