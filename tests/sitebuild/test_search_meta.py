"""The real site's pages tell the search their group and, for a method, its searchable facts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from consumers import have_node
from helpers import require_tool
from inrsurvey.model import Catalog
from inrsurvey.render.search_meta import LIST_SEPARATOR, search_group
from inrsurvey.render.wording import venue_label
from inrsurvey.search import SEARCH_DIR
from sitehtml import page, parse

pytestmark = pytest.mark.build


def search_fields(html: str) -> tuple[dict[str, str], dict[str, str]]:
    """The page's Pagefind metadata and filters, by name (values unescaped)."""
    meta: dict[str, str] = {}
    filters: dict[str, str] = {}
    for element in parse(html):
        for attribute, into in (("data-pagefind-meta", meta), ("data-pagefind-filter", filters)):
            if element.tag == "meta" and attribute in element.attrs:
                into[element.attrs[attribute].removesuffix("[content]")] = element.attrs["content"]
    return meta, filters


def test_every_method_page_gives_its_authors_venue_and_terms(catalog: Catalog, site_dir: Path) -> None:
    for paper in catalog.papers:
        meta, filters = search_fields(page(site_dir, f"methods/{paper.slug}/"))
        assert filters == {"group": "method"}, paper.slug
        assert meta["authors"].split(LIST_SEPARATOR) == [p.display for p in paper.authors], paper.slug
        assert meta["first_author"] == paper.authors[0].display
        assert meta["venue"].startswith(venue_label(paper.joined.venue, paper.year)), paper.slug
        assert meta["tasks"].split(LIST_SEPARATOR) == [t.name for t in paper.joined.tasks]
        assert meta["field"] == paper.joined.field.name
        assert meta.get("aka", "") == LIST_SEPARATOR.join(paper.aliases)


@pytest.mark.parametrize(
    ("url", "group"),
    [
        ("", "survey"),
        ("tasks/view-synthesis/", "survey"),
        ("venues/", "survey"),
        ("benchmarks/", "survey"),
        ("catalog/", "survey"),
        ("contributing/", "docs"),
        ("cite/", "docs"),
        ("about-data/", "docs"),
        ("reference/core/", "docs"),
    ],
)
def test_other_pages_are_survey_pages_or_documentation(site_dir: Path, url: str, group: str) -> None:
    meta, filters = search_fields(page(site_dir, url))
    assert filters == {"group": group}
    assert "authors" not in meta


def test_search_group_rules() -> None:
    assert search_group("methods/nerf.md", generated=True, kind="method") == "method"
    assert search_group("tasks/view-synthesis.md", generated=True, kind=None) == "survey"
    assert search_group("index.md", generated=False, kind=None) == "survey"
    assert search_group("contributing.md", generated=False, kind=None) == "docs"
    assert search_group("reference/core.md", generated=False, kind=None) == "docs"


def test_the_search_scripts_are_whole(site_dir: Path) -> None:
    """Every script of the built search index parses (a file cut short breaks search in the browser)."""
    require_tool(have_node(), "node (Debian package nodejs)")
    scripts = sorted((site_dir / SEARCH_DIR).glob("*.js"))
    assert any(s.name == "pagefind-worker.js" for s in scripts), scripts
    for script in scripts:
        checked = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True, check=False)
        assert checked.returncode == 0, f"{script.name}: {checked.stderr.strip()}"
