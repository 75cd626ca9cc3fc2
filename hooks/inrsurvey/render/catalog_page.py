"""The catalog of all methods: a plain list that works without JavaScript, which the
catalog script turns into a faceted, sortable, selectable view from `data/papers.json`."""

from __future__ import annotations

from ..model import Catalog, Paper
from . import paths
from .text import author_short, ext_link, front_matter, link, md, venue_label, venue_of


def catalog_item(catalog: Catalog, paper: Paper) -> str:
    """One method as a list item: name, title, first author, venue, field, task, tags, links."""
    uri = paths.CATALOG
    venue = venue_of(catalog, paper)
    tags = ", ".join(t.name for t in (catalog.taxonomy.tag(i) for i in paper.tags) if t)
    links = []
    if paper.paper_url:
        links.append(ext_link("paper", paper.paper_url))
    if paper.code:
        links.append(ext_link("code", paper.code[0].url))
    if paper.project:
        links.append(ext_link("project", paper.project))
    return (
        f"- **{link(paper.name, uri, paths.method(paper))}** · {md(paper.title)}"
        f" · {md(author_short(paper.authors, paper.entry.et_al))} · {md(venue_label(venue, paper.year))}"
        f" · {md(paper.field)} · {md(paper.task)} · {md(tags)}"
        + (" · " + " ".join(links) if links else "")
    )


def catalog_page(catalog: Catalog) -> str:
    """The catalog page's Markdown."""
    meta = {
        "title": "Catalog",
        "description": "All methods, filterable by field, task, venue, year, tags and code",
        "search": {"exclude": True},
        "hide": ["toc"],
    }
    data = paths.PAPERS_JSON  # resolved against the site root by the catalog script
    items = "\n".join(catalog_item(catalog, p) for p in catalog.papers)
    return (
        front_matter(meta) + "\n"
        "# Catalog\n\n"
        f'<div class="inr-catalog" data-src="{data}" markdown>\n\n'
        f'<p class="inr-catalog-static">All {len(catalog)} methods of the survey. '
        "With JavaScript enabled this page offers filters, sorting, selection and BibTeX export.</p>\n\n"
        f'<div class="inr-catalog-list" markdown>\n\n{items}\n\n</div>\n\n'
        "</div>\n"
    )
