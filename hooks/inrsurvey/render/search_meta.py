"""What the site search knows about a page beyond its text: its group and a method's facts.

Pagefind reads these from `<meta data-pagefind-meta=...>` and `data-pagefind-filter` tags that
the page template prints. The group (`method`, `survey`, `docs`) is a filter, so the search
box can list methods, the survey's other pages and its documentation apart, each complete.
A method's authors, venue, other names and taxonomy terms are metadata fields: Pagefind searches them and
boosts a match by the field's weight (`RANKING` in docs/javascripts/search.js), and a
result names the field that matched (`author: Ben Mildenhall`).
"""

from __future__ import annotations

from ..model import Paper
from .wording import venue_label

GROUPS = ("method", "survey", "docs")
"""The search groups, in the order results show them: methods, survey pages, documentation."""

LIST_SEPARATOR = "; "
"""Joins the items of a list-valued field (authors, tasks, tags); no name in the survey holds it."""


def search_group(src_uri: str, *, generated: bool, kind: str | None) -> str:
    """The search group of a page: a method's page, another page made from the data, or documentation.

    The home page and every page generated from papers/ (taxonomy pages, catalog, lineage,
    benchmarks, ...) are survey pages; the other hand-written pages (contributing, the API
    reference, citing the survey, about the data) are documentation.
    """
    if kind == "method":
        return "method"
    if generated or src_uri == "index.md":
        return "survey"
    return "docs"


def _joined(items: list[str]) -> str:
    return LIST_SEPARATOR.join(item.replace(LIST_SEPARATOR, ", ") for item in items)


def method_search_meta(paper: Paper) -> dict[str, str]:
    """The metadata fields a method's page gives the search, by Pagefind field name.

    `authors` lists every author as written (`Ben Mildenhall; Pratul P. Srinivasan; ...`) and
    `first_author` repeats the first, so that a search for a name ranks the methods the person
    led above those they co-authored;
    `venue` is where and when it was published (`CVPR 2022`), `aka` its other names, then
    its `tasks`, `field`, `representations` and `tags`. Empty fields are left out.
    """
    venue = paper.joined.venue
    where = venue_label(venue, paper.year)
    if venue.kind == "preprint" and paper.year:
        where += f", {paper.year}"
    joined = paper.joined
    fields = {
        "first_author": paper.authors[0].display if paper.authors else "",
        "authors": _joined([p.display for p in paper.authors]),
        "venue": where,
        "aka": _joined(list(paper.aliases)),
        "tasks": _joined([t.name for t in joined.tasks]),
        "field": joined.field.name,
        "representations": _joined([r.name for r in joined.representations]),
        "tags": _joined([t.name for t in joined.tags]),
    }
    return {name: value for name, value in fields.items() if value}
