"""Tables built from the data: the survey's summary table and per-task comparison tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Catalog, Paper
from . import paths
from .links import link
from .text import esc
from .wording import long_date, venue_label

_UNESCAPED_PIPE = re.compile(r"(\\*)\|")
"""A pipe with the run of backslashes before it: odd means Markdown already reads it as a literal pipe."""


@dataclass(frozen=True)
class Table:
    """A Markdown table whose cells are already Markdown; `caption` is plain text."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    css_class: str = "inr-table"
    sortable: bool = True
    searchable: bool = False
    """Whether the site search indexes the table (listing tables repeat method pages)."""

    def as_markdown(self) -> str:
        """The table wrapped in a `div` carrying its class and sortable flag."""

        def cell(text: str) -> str:
            # A pipe already escaped by `md` (odd run of backslashes before it) stays as it is.
            return _UNESCAPED_PIPE.sub(
                lambda m: m.group(0) if len(m.group(1)) % 2 else m.group(1) + "\\|", text
            ).replace("\n", " ")

        lines = ["| " + " | ".join(cell(h) for h in self.headers) + " |"]
        lines.append("|" + "|".join("---" for _ in self.headers) + "|")
        lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in self.rows]
        flag = (' data-sortable="true"' if self.sortable else "") + (
            "" if self.searchable else ' data-pagefind-ignore="all"'
        )
        caption = f' aria-label="{esc(self.caption)}"' if self.caption else ""
        return f'<div class="{self.css_class}"{flag}{caption} markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


@dataclass(frozen=True)
class ComparisonTable:
    """A task's (or representation's) comparison table as HTML: one compact row per method.

    The rows link with published URLs (`paths.url_between`), as raw HTML is neither rewritten
    nor checked by MkDocs; every value from papers/ is escaped. The page's script makes the
    headers sort, keeps the header row and the method column in view while the box scrolls,
    and adds a tick box per row that puts the method on the list to compare.
    """

    rows: tuple[str, ...]
    caption: str

    def as_markdown(self) -> str:
        """The table in a labelled scroll box, after a bar for its controls (a raw HTML block)."""
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in COMPARISON_COLUMNS)
        return (
            '<div class="inr-task-compare" data-pagefind-ignore="all">\n'
            '<div class="inr-pick-bar"><p class="inr-table-note">Oldest first; select a column header to sort the table, '
            "tick methods to compare them side by side.</p></div>\n"
            f'<div class="inr-table inr-task-scroll" data-sortable="true" role="region" aria-label="{esc(self.caption)}">\n'
            f'<table class="inr-task-table">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "\n".join(self.rows)
            + "\n</tbody>\n</table>\n</div>\n</div>\n"
        )


COMPARISON_COLUMNS = ("Method", "Key idea", "Representation", "Tags", "Published", "Code")
"""The headers of a comparison table, in order."""


def _chronology(paper: Paper) -> str:
    """The sort key of a method in time: its first posting, else the end of its publication year."""
    if paper.posted:
        return paper.posted.isoformat()
    return f"{paper.year}-12-32" if paper.year else "9999"


def _chips(items: Sequence[tuple[str, str]]) -> str:
    """Small linked chips (label, href), or a dash for none."""
    if not items:
        return '<span class="inr-none">—</span>'
    return "".join(f'<a class="inr-mini-chip" href="{esc(href)}">{esc(label)}</a>' for label, href in items)


def _code_cell(paper: Paper) -> str:
    """The code links as chips: framework, marked when unofficial."""
    if not paper.code:
        return '<span class="inr-none">—</span>'
    return "".join(
        f'<a class="inr-mini-chip" href="{esc(code.url)}" rel="noopener">{esc(code.framework or "code")}'
        + ("" if code.official else " (unofficial)")
        + "</a>"
        for code in paper.code
    )


def _comparison_row(paper: Paper, from_uri: str) -> str:
    """One method's row: name (the row's header), key idea, chips, publication and first posting."""

    def href(to_uri: str) -> str:
        return paths.url_between(from_uri, to_uri)

    joined = paper.joined
    venue = joined.venue
    reps = _chips([(r.name, href(paths.representation(r))) for r in joined.representations])
    tags = _chips([(t.name, href(paths.tag(t))) for t in joined.tags])
    posted = (
        f'<span class="inr-posted" title="{esc(long_date(paper.posted))}">posted {paper.posted:%b %Y}</span>'
        if paper.posted
        else ""
    )
    published = (
        f'<span data-sort="{_chronology(paper)}"><a href="{esc(href(paths.venue(venue, paper.year)))}">'
        f"{esc(venue_label(venue, paper.year))}</a>{posted}</span>"
    )
    cells = (
        f'<th scope="row"><a class="inr-row-name" href="{esc(href(paths.method(paper)))}">{esc(paper.name)}</a></th>',
        f'<td class="inr-idea">{esc(paper.key_idea) or "—"}</td>',
        f'<td class="inr-chips">{reps}</td>',
        f'<td class="inr-chips inr-tags">{tags}</td>',
        f'<td class="inr-when">{published}</td>',
        f'<td class="inr-chips">{_code_cell(paper)}</td>',
    )
    return f'<tr id="row-{esc(paper.slug)}">' + "".join(cells) + "</tr>"


def comparison_table(catalog: Catalog, papers: Sequence[Paper], from_uri: str, caption: str = "") -> ComparisonTable:
    """Compare methods side by side, oldest first: key idea, representation, tags, publication and code."""
    ordered = sorted(papers, key=lambda p: (_chronology(p), p.name.casefold()))
    return ComparisonTable(tuple(_comparison_row(p, from_uri) for p in ordered), caption or "Methods compared")


def summary_table(catalog: Catalog, from_uri: str) -> Table:
    """The survey's summary table, grouped by primary task: name, primary task, field, published in, first posted."""
    rows = []
    order = {t.name: i for i, t in enumerate(catalog.taxonomy.tasks)}
    for paper in sorted(catalog.papers, key=lambda p: order.get(p.task, len(order))):
        venue = paper.joined.venue
        field, task = paper.joined.field, paper.joined.task
        published = (
            "—"
            if venue.kind == "preprint"
            else link(venue_label(venue, paper.year), from_uri, paths.venue(venue, paper.year))
        )
        rows.append(
            (
                link(paper.name, from_uri, paths.method(paper)),
                link(task.name, from_uri, paths.task(task)),
                link(field.name, from_uri, paths.field(field)),
                published,
                f'<span data-sort="{paper.posted.isoformat()}">{esc(long_date(paper.posted))}</span>'
                if paper.posted
                else "—",
            )
        )
    return Table(
        ("Name", "Primary task", "Field", "Published in", "First posted"),
        tuple(rows),
        caption="Summary of all methods",
        css_class="inr-table inr-summary",
    )
