"""Generated pages that are neither method nor taxonomy pages.

The summary, statistics and changelog pages, and the Markdown that hand-written pages
pull in through markers.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..model import Catalog, Paper
from . import charts, paths
from .links import link, rel
from .pagefront import page_front
from .tables import summary_table
from .text import md
from .wording import author_short, counted, long_date, title_after_name, venue_label


def summary_page(catalog: Catalog) -> str:
    """The survey's summary table, regenerated from the data."""
    table = summary_table(catalog, paths.SUMMARY)
    return "\n".join(
        [
            page_front(
                "Summary table",
                "Every method of the survey: primary task, field, venue and first posting",
                search={"exclude": True},
            ),
            "# Summary table\n",
            f"All {len(catalog)} methods, grouped by primary task (in the taxonomy's order), then by field "
            "and date of first posting; task pages also list the methods that address a task besides their primary one. Venues and dates are our verified facts, which differ from the original "
            f"survey in places (see {link('About the data', paths.SUMMARY, paths.ABOUT_DATA)}). "
            "Select a column header to sort.\n",
            table.as_markdown(),
        ]
    )


def counts(catalog: Catalog) -> dict[str, int]:
    """Headline numbers: methods, fields, tasks, tags, venues and years in use."""
    return {
        "methods": len(catalog),
        "fields": sum(1 for t in catalog.taxonomy.fields if catalog.by_field.get(t.name)),
        "tasks": sum(1 for t in catalog.taxonomy.tasks if catalog.by_task.get(t.name)),
        "tags": sum(1 for t in catalog.taxonomy.tags if catalog.by_tag.get(t.id)),
        "venues": sum(1 for v in catalog.taxonomy.venues if catalog.by_venue.get(v.id)),
        "with_code": sum(1 for p in catalog.papers if p.has_official_code),
        "peer_reviewed": sum(1 for p in catalog.papers if p.joined.venue.peer_reviewed),
    }


def stats_block(catalog: Catalog, from_uri: str) -> str:
    """The survey at a glance: counts that link to their overview pages."""
    c = counts(catalog)
    items = [
        (c["methods"], "methods", paths.CATALOG),
        (c["fields"], "fields", paths.FIELDS),
        (c["tasks"], "tasks", paths.TASKS),
        (c["venues"], "venues", paths.VENUES),
        (c["tags"], "tags", paths.TAGS),
        (c["peer_reviewed"], "peer-reviewed", paths.CATALOG + "?peer=1"),
        (c["with_code"], "with official code", paths.CATALOG + "?code=1"),
    ]
    cells = "\n".join(f"- **{n}** {_stat_link(label, from_uri, target)}" for n, label, target in items)
    return f'<div class="inr-stats" data-pagefind-ignore="all" markdown>\n\n{cells}\n\n</div>\n'


def scope_block(catalog: Catalog, from_uri: str) -> str:
    """What the survey covers as it stands: how many methods, which years, which fields."""
    years = sorted(y for p in catalog.papers if (y := p.year) is not None)
    firsts = sorted(y for p in catalog.papers if (y := p.first_year) is not None)
    fields = [
        f"{link(t.name, from_uri, paths.field(t))} ({len(catalog.by_field[t.name])})"
        for t in catalog.taxonomy.fields
        if catalog.by_field.get(t.name)
    ]
    dated = sum(1 for p in catalog.papers if p.posted)
    span = f"published from {years[0]} to {years[-1]}" if years else "with no publication year yet"
    first = f" (first posted from {firsts[0]} on)" if firsts and firsts[0] < (years[0] if years else firsts[0]) else ""
    return (
        f"The survey holds {counted(len(catalog), 'method')}, {span}{first}, "
        f"in {counted(len(fields), 'field')}: {', '.join(fields)}. "
        f"{dated} of them carry the verified date of their first arXiv version; the others are placed in time "
        "by their arXiv number or their year of publication.\n"
    )


def _stat_link(label: str, from_uri: str, target: str) -> str:
    """A link to an overview page, or to the catalog with a filter (`catalog.md?code=1`)."""
    page, _, query = target.partition("?")
    if not query:
        return link(label, from_uri, page)
    return f"[{md(label)}]({rel(from_uri, page)}?{query})"


def recent_block(catalog: Catalog, from_uri: str, limit: int = 6) -> str:
    """The most recently added methods (newest first), linking to the changelog."""
    papers = sorted(catalog.papers, key=lambda p: (p.added or p.sort_date, p.sort_date, p.slug), reverse=True)[:limit]
    lines = [
        f"- {link(p.name, from_uri, paths.method(p))}: {md(title_after_name(p))} "
        f"({md(venue_label(p.joined.venue, p.year))}), added {md(long_date(p.added))}"
        for p in papers
        if p.added
    ]
    lines.append(f"\n{link('All additions, by month', from_uri, paths.CHANGELOG)}")
    return '<div class="inr-recent" data-pagefind-ignore="all" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def stats_page(catalog: Catalog) -> str:
    """Statistics: methods over time by field, per venue and per task."""
    return "\n".join(
        [
            page_front("Statistics", "The survey in numbers and charts", search={"exclude": True}),
            "# Statistics\n",
            stats_block(catalog, paths.STATS),
            "## Methods over time\n",
            charts.field_timeline_chart(catalog),
            "## Venues\n",
            charts.venue_chart(catalog),
            "## Tasks\n",
            charts.task_chart(catalog),
        ]
    )


def changelog_page(catalog: Catalog) -> str:
    """Additions grouped by month (from each method's `added` date), newest first."""
    months: dict[str, list[tuple[dt.date, Paper]]] = defaultdict(list)
    for paper in catalog.papers:
        if paper.added:
            months[paper.added.strftime("%Y-%m")].append((paper.added, paper))
    parts = [
        page_front("What's new", "Methods added to the survey, by month", search={"exclude": True}),
        "# What's new\n",
        f"Methods added to the survey, newest first. Follow additions with the {link('Atom feed', paths.CHANGELOG, paths.FEED)}.\n",
    ]
    for month in sorted(months, reverse=True):
        entries = sorted(months[month], key=lambda e: (e[0], e[1].name.lower()), reverse=True)
        parts.append(f"## {entries[0][0].strftime('%B %Y')}\n")
        parts.append(
            "\n".join(
                f"- {link(p.name, paths.CHANGELOG, paths.method(p))}: {md(title_after_name(p))}"
                f" · {md(author_short(p.authors, p.entry.et_al))} · added {md(long_date(added))}"
                for added, p in entries
            )
            + "\n"
        )
    return "\n".join(parts)


def survey_labels_block(catalog: Catalog, from_uri: str) -> str:
    """The original survey's label, field and task of each method beside ours (provenance).

    Rows where our classification differs are marked, so the original survey's table can be
    reproduced from our data and every reclassification is visible.
    """
    papers = sorted((p for p in catalog.papers if p.survey), key=lambda p: p.name.lower())
    rows = ["| method | survey label | survey field · task | our field · primary task | |", "|---|---|---|---|---|"]
    moved = 0
    for paper in papers:
        label = paper.survey
        assert label is not None
        same = (label.field, label.task) == (paper.field, paper.task)
        moved += not same
        rows.append(
            f"| {link(paper.name, from_uri, paths.method(paper))} | {md(label.label)} | "
            f"{md(label.field)} · {md(label.task)} | {md(paper.field)} · {md(paper.task)} | "
            f"{'' if same else 'reclassified'} |"
        )
    head = f"{len(papers)} methods come from the original survey; {moved} are classified differently here.\n\n"
    return head + "\n".join(rows) + "\n"


def corrections_block(catalog: Catalog, from_uri: str) -> str:
    """Every correction against the original survey, one line each, grouped by method."""
    lines = []
    for paper in sorted(catalog.papers, key=lambda p: p.name.lower()):
        for note in paper.corrections:
            lines.append(f"- {link(paper.name, from_uri, paths.method(paper))}: {md(note)}")
    total = len(lines)
    head = f"{total} corrections across {sum(1 for p in catalog.papers if p.corrections)} methods.\n\n"
    return head + "\n".join(lines) + "\n"
