"""plan_site: the one seam between the survey's data and a site generator.

It returns every generated file (pages as Markdown with front matter, downloads as
text) with its URI relative to the docs folder. The MkDocs hook adds them as virtual
files; `python -m inrsurvey stage OUT/` writes them to disk for any other generator.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from . import export
from .model import Catalog
from .problems import PAGE_URI, Preview, problems_page, with_problems
from .render import pages, paths
from .render.catalog_page import catalog_page, page_count
from .render.compare_page import compare_page
from .render.leaderboard import benchmark_page, benchmarks_index, board_papers
from .render.lineage_periods import lineage_pages
from .render.method import method_head, method_page
from .render.taxonomy import (
    editions,
    field_page,
    fields_overview,
    representation_page,
    representations_overview,
    tag_page,
    tags_overview,
    task_page,
    tasks_overview,
    venue_page,
    venues_overview,
    year_page,
    year_papers,
    years,
    years_overview,
)


@dataclass(frozen=True)
class GeneratedFile:
    """One generated file: where it goes and what it holds."""

    uri: str
    content: str
    context: Mapping[str, object] | None = None
    """Extra data for the page template (the `inr` variable), e.g. citation metadata."""
    source: str = ""
    """The file in the project the page is generated from (`papers/nerf.md`), for edit links."""

    @property
    def is_page(self) -> bool:
        """Whether the file is a Markdown page (else a download)."""
        return self.uri.endswith(".md")


@dataclass(frozen=True)
class SiteOptions:
    """Settings from the site configuration that generated files need."""

    site_url: str = ""
    site_name: str = "INR Survey"


def _overviews(catalog: Catalog) -> list[tuple[str, str]]:
    """The index pages of each axis (benchmarks, fields, tasks, representations, venues, years, tags)."""
    return [
        (paths.BENCHMARKS, benchmarks_index(catalog)),
        (paths.FIELDS, fields_overview(catalog)),
        (paths.TASKS, tasks_overview(catalog)),
        (paths.REPRESENTATIONS, representations_overview(catalog)),
        (paths.VENUES, venues_overview(catalog)),
        (paths.YEARS, years_overview(catalog)),
        (paths.TAGS, tags_overview(catalog)),
    ]


def plan_site(catalog: Catalog, options: SiteOptions = SiteOptions()) -> list[GeneratedFile]:
    """Every generated page and download for the catalog, sorted by URI."""
    files: list[GeneratedFile] = []

    def add(uri: str, content: str, context: Mapping[str, object] | None = None, source: str = "") -> None:
        files.append(GeneratedFile(uri, content, context, source))

    tax = catalog.taxonomy
    for paper in catalog.papers:
        add(
            paths.method(paper),
            method_page(catalog, paper),
            method_head(catalog, paper, options.site_url),
            paper.md_path,
        )
        add(paths.bib(paper.key), export.bib_text([paper]))
    for term in tax.fields:
        add(paths.field(term), field_page(catalog, term))
        add(paths.group_bib("field", term.slug), export.bib_text(catalog.by_field.get(term.name, ())))
    for term in tax.tasks:
        add(paths.task(term), task_page(catalog, term))
        add(paths.group_bib("task", term.slug), export.bib_text(catalog.by_task.get(term.name, ())))
    for rep in tax.representations:
        add(paths.representation(rep), representation_page(catalog, rep))
        add(paths.group_bib("representation", rep.slug), export.bib_text(catalog.by_representation.get(rep.id, ())))
    for edition in editions(catalog):
        add(edition.uri, venue_page(catalog, edition))
        add(paths.group_bib("venue", edition.slug), export.bib_text(edition.papers))
    for year in years(catalog):
        add(paths.year(year), year_page(catalog, year))
        add(paths.group_bib("year", str(year)), export.bib_text(year_papers(catalog, year)))
    for tag in tax.tags:
        add(paths.tag(tag), tag_page(catalog, tag))
        add(paths.group_bib("tag", tag.id), export.bib_text(catalog.by_tag.get(tag.id, ())))
    for bench in catalog.benchmarks.benchmarks:
        add(paths.benchmark(bench), benchmark_page(catalog, bench))
        add(paths.group_bib("benchmark", bench.id), export.bib_text(board_papers(catalog, bench)))
    for uri, content in _overviews(catalog):
        add(uri, content)
    for number in range(1, page_count(catalog) + 1):
        add(paths.catalog_part(number), catalog_page(catalog, number))
    add(paths.COMPARE, compare_page(catalog))
    add(paths.SUMMARY, pages.summary_page(catalog))
    add(paths.STATS, pages.stats_page(catalog))
    for uri, content in lineage_pages(catalog):
        add(uri, content)
    add(paths.CHANGELOG, pages.changelog_page(catalog))
    add(paths.ALL_BIB, export.bib_text(sorted(catalog.papers, key=lambda p: p.key)))
    add(paths.PAPERS_JSON, export.papers_json(catalog))
    add(paths.CATALOG_JSON, export.catalog_json(catalog))
    add(paths.CSL_JSON, export.csl_json(catalog))
    add(paths.RESULTS_JSON, export.results_json(catalog))
    add(paths.RESULTS_CSV, export.results_csv(catalog))
    if options.site_url:
        add(paths.FEED, export.atom_feed(catalog, options.site_url, options.site_name))
    return sorted(files, key=lambda f: f.uri)


def plan_preview(view: Preview, options: SiteOptions = SiteOptions()) -> list[GeneratedFile]:
    """`plan_site` for a non-strict build: each kept method's page opens with its problems.

    With any problem, the page listing them all (`problems.PAGE_URI`) is added.
    """
    files = plan_site(view.catalog, options)
    if not view.problems:
        return files
    pages = {paths.method(slug): found for slug, found in view.shown.items()}
    files = [replace(f, content=with_problems(f.content, pages[f.uri])) if f.uri in pages else f for f in files]
    return sorted([*files, GeneratedFile(PAGE_URI, problems_page(view))], key=lambda f: f.uri)
