"""The lineage pages of a large survey: an index, and one page per year of first posting.

A survey of up to `SPLIT_AT` methods has one lineage page (the whole graph and its tables).
Beyond that one page would grow with the survey (3.7 MB at 5,000 methods), so each year
gets its own: the methods first posted that year, with the earlier methods they build on
drawn in their own bands above, and the year's tables. A method's page links to its year's.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Catalog, Paper
from . import paths
from .lineage import SPLIT_AT, how_to_read, lineage_figure, lineage_page, lineage_tables
from .links import link
from .pagefront import page_front


def lineage_pages(catalog: Catalog, split_at: int = SPLIT_AT) -> list[tuple[str, str]]:
    """(uri, Markdown) of every lineage page: one, or an index and one per year beyond `split_at` methods."""
    if len(catalog) <= split_at:
        return [(paths.LINEAGE, lineage_page(catalog))]
    years: dict[int, list[Paper]] = {}
    for paper in catalog.papers:
        years.setdefault(paper.sort_date.year, []).append(paper)
    pages = [(paths.LINEAGE, lineage_index(catalog, years))]
    pages += [(paths.lineage_year(year), year_page(catalog, year, years[year])) for year in sorted(years)]
    return pages


def lineage_index(catalog: Catalog, years: dict[int, list[Paper]]) -> str:
    """The index of a split lineage: one line per year, with how many methods it has."""
    uri = paths.LINEAGE
    lines = [
        f"- {link(str(year), uri, paths.lineage_year(year))}: {len(papers)} method{'s' if len(papers) != 1 else ''}"
        for year, papers in sorted(years.items())
    ]
    return "\n".join(
        [
            page_front(
                "Lineage", "Which methods build on which, one page per year of first posting", search={"exclude": True}
            ),
            "# Lineage\n",
            f"The survey's {len(catalog)} methods are too many for one graph, so each year of first posting "
            "has its own: the methods first posted that year, the earlier methods they build on, and the "
            "same as tables.\n",
            *lines,
            "",
        ]
    )


def year_page(catalog: Catalog, year: int, papers: Sequence[Paper]) -> str:
    """One year's lineage: its methods and the earlier methods they build on, then its tables."""
    uri = paths.lineage_year(year)
    own = {p.slug for p in papers}
    earlier = {
        parent.slug: parent
        for paper in papers
        for parent in catalog.builds_on(paper)
        if parent.slug not in own and parent.sort_date.year < year
    }
    layout, figure = lineage_figure(catalog, [*papers, *earlier.values()], uri)
    drawn = sum(1 for node in layout.nodes if node.slug in own)
    return "\n".join(
        [
            page_front(
                f"Lineage {year}",
                f"Which methods first posted in {year} build on which",
                hide=["toc"],
                search={"exclude": True},
            ),
            f"# Lineage: {year}\n",
            how_to_read(layout),
            f"The graph shows **{drawn} of the {len(papers)} methods first posted in {year}** (those linked to "
            f"another method drawn here) and the {len(earlier)} earlier methods they build on; later methods "
            f"building on them are on the pages of their years ({link('all years', uri, paths.LINEAGE)}).\n",
            figure,
            "## Methods by period\n",
            f"Every method first posted in {year}, with the methods it builds on and the methods that build on it.\n",
            lineage_tables(catalog, uri, papers),
        ]
    )
