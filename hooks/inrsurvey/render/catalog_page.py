"""The catalog of all methods.

A plain list that works without JavaScript, split into pages of `PAGE_SIZE` methods,
which the catalog script replaces on the first page with a faceted, sortable, selectable
view built from the compact index `data/catalog.json`.
"""

from __future__ import annotations

from ..model import Catalog, Paper
from . import paths
from .links import ext_link, link
from .pagefront import front_matter
from .text import md
from .wording import author_short, venue_label

PAGE_SIZE = 50
"""Methods on each page of the plain list: keeps the catalog page small (about 13 KB compressed) to download and lay out."""


def catalog_item(catalog: Catalog, paper: Paper, uri: str = paths.CATALOG) -> str:
    """One method as a list item: name, title, first author, venue, field, tasks, tags, key idea, links."""
    venue = paper.joined.venue
    tags = ", ".join(t.name for t in paper.joined.tags)
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
        f" · {md(paper.field)} · {md(', '.join(paper.tasks))} · {md(tags)}"
        + (f" · {md(paper.key_idea)}" if paper.key_idea else "")
        + (" · " + " ".join(links) if links else "")
    )


def page_count(catalog: Catalog) -> int:
    """How many pages the plain list takes (at least one)."""
    return max(1, -(-len(catalog) // PAGE_SIZE))


def pager(number: int, total: int) -> str:
    """Links to every page of the plain list, the current one in bold (empty for one page)."""
    if total <= 1:
        return ""
    uri = paths.catalog_part(number)
    parts = [f"**{n}**" if n == number else link(str(n), uri, paths.catalog_part(n)) for n in range(1, total + 1)]
    if number < total:
        parts.append(link("Next page", uri, paths.catalog_part(number + 1)))
    return f'<nav class="inr-pages" aria-label="Catalog pages" markdown>\n\nPages: {" ".join(parts)}\n\n</nav>\n\n'


def catalog_page(catalog: Catalog, number: int = 1) -> str:
    """Page `number` of the catalog's Markdown; the first also hosts the live catalog."""
    total = page_count(catalog)
    uri = paths.catalog_part(number)
    first = (number - 1) * PAGE_SIZE
    chunk = catalog.papers[first : first + PAGE_SIZE]
    meta = {
        "title": "Catalog" if number == 1 else f"Catalog, page {number} of {total}",
        "description": "All methods, filterable by field, task, venue, year, tags and code",
        "search": {"exclude": True},
        "hide": ["toc"],
    }
    span = f"methods {first + 1}–{first + len(chunk)} of {len(catalog)}"
    if number == 1:
        intro = (
            f"All {len(catalog)} methods of the survey"
            + (f", {PAGE_SIZE} a page ({span})" if total > 1 else "")
            + ". With JavaScript enabled this page offers filters, sorting, selection, comparison and BibTeX export."
        )
        # The index is resolved against the site root by the catalog script.
        opening = f'<div class="inr-catalog" data-src="{paths.CATALOG_JSON}" markdown>\n\n'
    else:
        live = link("first page of the catalog", uri, paths.CATALOG)
        intro = f"The survey's {span}. With JavaScript enabled, the {live} offers filters, sorting and selection."
        opening = '<div class="inr-catalog" markdown>\n\n'
    items = "\n".join(catalog_item(catalog, p, uri) for p in chunk)
    nav = pager(number, total)
    return (
        front_matter(meta) + "\n"
        f"# {meta['title']}\n\n" + opening + f'<p class="inr-catalog-static" markdown>{intro}</p>\n\n'
        f'<div class="inr-catalog-list" markdown>\n\n{items}\n\n{nav}</div>\n\n'
        "</div>\n"
    )
