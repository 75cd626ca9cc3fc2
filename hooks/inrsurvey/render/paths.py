"""Where every generated page and file lives (source URIs, relative to docs/)."""

from __future__ import annotations

from ..model import Benchmark, Paper, Representation, Tag, Term, Venue
from .links import rel

CATALOG = "catalog.md"
COMPARE = "compare.md"
SUMMARY = "summary.md"
STATS = "statistics.md"
LINEAGE = "lineage.md"
CITE = "cite.md"
CHANGELOG = "changelog.md"
ABOUT_DATA = "about-data.md"
FIELDS = "fields/index.md"
TASKS = "tasks/index.md"
REPRESENTATIONS = "representations/index.md"
VENUES = "venues/index.md"
YEARS = "years/index.md"
TAGS = "tags/index.md"
BENCHMARKS = "benchmarks/index.md"
ALL_BIB = "bib/all.bib"
PAPERS_JSON = "data/papers.json"
CATALOG_JSON = "data/catalog.json"
CSL_JSON = "data/papers.csl.json"
RESULTS_JSON = "data/results.json"
RESULTS_CSV = "data/results.csv"
FEED = "feed.xml"


def edition_slug(venue: Venue, year: int | None) -> str:
    """Slug of a venue edition page: `cvpr-2021`, or `arxiv` for all preprints."""
    if venue.kind == "preprint" or not year:
        return venue.slug
    return f"{venue.slug}-{year}"


def page_url(uri: str) -> str:
    """The URL of a generated page relative to the site root, as MkDocs publishes it.

    Directory URLs: `methods/nerf.md` gives `methods/nerf/`, `tasks/index.md` gives `tasks/`.
    """
    stem = uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def url_between(from_uri: str, to_uri: str) -> str:
    """The relative URL from one generated page to another as published (`../methods/nerf/`).

    For links in raw HTML such as an inline SVG, which MkDocs neither rewrites nor checks;
    Markdown links use `text.rel` between source files instead.
    """
    return rel(page_url(from_uri) + "_", page_url(to_uri) + "_").removesuffix("_") or "./"


def method(paper: Paper | str) -> str:
    """A method's page."""
    slug = paper if isinstance(paper, str) else paper.slug
    return f"methods/{slug}.md"


def lineage_year(year: int) -> str:
    """The lineage page of one year of first posting, for a survey too large for one page."""
    return f"lineage/{year}.md"


def catalog_part(number: int) -> str:
    """Page `number` (from 1) of the catalog's plain list; the first is the catalog itself."""
    return CATALOG if number == 1 else f"catalog/page-{number}.md"


def field(term: Term) -> str:
    """A field's page."""
    return f"fields/{term.slug}.md"


def task(term: Term) -> str:
    """A task's page."""
    return f"tasks/{term.slug}.md"


def representation(r: Representation) -> str:
    """A representation's page."""
    return f"representations/{r.slug}.md"


def venue(v: Venue, year: int | None) -> str:
    """A venue edition's page (`venues/cvpr-2021.md`, `venues/arxiv.md`)."""
    return f"venues/{edition_slug(v, year)}.md"


def year(value: int) -> str:
    """A year's page."""
    return f"years/{value}.md"


def tag(t: Tag) -> str:
    """A tag's page."""
    return f"tags/{t.id}.md"


def benchmark(b: Benchmark) -> str:
    """A benchmark's leaderboard page."""
    return f"benchmarks/{b.id}.md"


def bib(key: str) -> str:
    """One entry's .bib download."""
    return f"bib/{key}.bib"


def group_bib(kind: str, slug: str) -> str:
    """The .bib of every method on a taxonomy page (`bib/task/view-synthesis.bib`)."""
    return f"bib/{kind}/{slug}.bib"
