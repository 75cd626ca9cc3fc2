"""Tables built from the data: the survey's summary table and per-task comparison tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Catalog, Paper
from . import paths
from .links import link
from .text import esc, md
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


def _code_cell(paper: Paper) -> str:
    if not paper.code:
        return "—"
    parts = []
    for code in paper.code:
        label = code.framework or "code"
        parts.append(f'[{md(label)}](<{code.url}>){{: rel="noopener" }}' + ("" if code.official else " (unofficial)"))
    return ", ".join(parts)


def comparison_table(catalog: Catalog, papers: Sequence[Paper], from_uri: str, caption: str = "") -> Table:
    """Compare methods side by side: key idea, inputs, outputs, tags, venue, year and code."""
    rows = []
    for paper in papers:
        venue = paper.joined.venue
        tags = ", ".join(link(t.name, from_uri, paths.tag(t)) for t in paper.joined.tags)
        rows.append(
            (
                link(paper.name, from_uri, paths.method(paper)),
                md(paper.key_idea),
                md(", ".join(paper.inputs)),
                md(", ".join(paper.outputs)),
                tags,
                link(venue_label(venue, paper.year), from_uri, paths.venue(venue, paper.year)),
                str(paper.year or ""),
                _code_cell(paper),
            )
        )
    return Table(
        ("Method", "Key idea", "Inputs", "Outputs", "Tags", "Venue", "Year", "Code"),
        tuple(rows),
        caption=caption,
        css_class="inr-table inr-compare",
    )


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
