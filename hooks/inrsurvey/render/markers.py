"""Expand `<!-- inrsurvey:NAME key="value" -->` markers in hand-written pages.

Markers are invisible HTML comments, so a page still reads well in the repository;
the build replaces each with generated Markdown. An unknown marker or a bad argument
raises `MarkerError` (the hook turns it into a build error naming the page).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Catalog
from . import charts, pages, paths
from .links import rel
from .reference_tables import codes_list, json_schema_table, schema_table
from .tables import comparison_table, summary_table
from .taxonomy import editions, year_papers, years
from .text import md, outside_code

MARKER = re.compile(r"<!--\s*inrsurvey:([a-z-]+)((?:\s+[a-z_]+=\"[^\"]*\")*)\s*-->")
_ARG = re.compile(r'([a-z_]+)="([^"]*)"')


class MarkerError(ValueError):
    """A marker that cannot be expanded."""


def _task_table(catalog: Catalog, uri: str, args: dict[str, str]) -> str:
    name = args.get("task", "")
    if catalog.taxonomy.task(name) is None:
        raise MarkerError(f'table marker names task "{name}", which is not in taxonomy.yml')
    return comparison_table(catalog, catalog.by_task.get(name, ()), uri, caption=f"Methods for {name}").as_markdown()


def _chart(catalog: Catalog, uri: str, args: dict[str, str]) -> str:
    makers = {"fields-over-time": charts.field_timeline_chart, "venues": charts.venue_chart, "tasks": charts.task_chart}
    name = args.get("name", "")
    if name not in makers:
        raise MarkerError(f'chart marker needs name= one of {", ".join(sorted(makers))}, got "{name}"')
    return makers[name](catalog)


def _recent(catalog: Catalog, uri: str, args: dict[str, str]) -> str:
    count = args.get("n", "6")
    if not count.isdigit() or int(count) < 1:
        raise MarkerError(f'recent marker needs n= a positive whole number, got "{count}"')
    return pages.recent_block(catalog, uri, int(count))


def _vocabulary(catalog: Catalog, uri: str, args: dict[str, str]) -> str:
    tax = catalog.taxonomy
    part = args.get("part", "")
    if part == "fields":
        rows = [f"| {md(t.name)} | {md(t.definition)} |" for t in tax.fields]
        head = "| field | definition |"
    elif part == "tasks":
        rows = [f"| {md(t.name)} | {md(t.definition)} |" for t in tax.tasks]
        head = "| task | definition |"
    elif part == "representations":
        rows = [f"| `{r.id}` | {md(r.name)} | {md(r.definition)} |" for r in tax.representations]
        head = "| id | name | definition |"
    elif part == "tags":
        rows = [f"| `{t.id}` | {md(t.name)} | {md(t.definition)} |" for t in tax.tags]
        head = "| id | name | rule (when the tag applies) |"
    elif part == "venues":
        rows = [f"| `{v.id}` | {md(v.label)} | {md(v.name)} | {v.kind} | {md(v.bibtex) or '—'} |" for v in tax.venues]
        head = "| id | written | full name | kind | booktitle / journal |"
    else:
        raise MarkerError(f'vocabulary marker needs part= fields, tasks, representations, tags or venues, got "{part}"')
    separator = "|" + "|".join("---" for _ in range(head.count("|") - 1)) + "|"
    return "\n".join([head, separator, *rows]) + "\n"


def _downloads(catalog: Catalog, uri: str, args: dict[str, str]) -> str:
    """Per-term .bib downloads of every taxonomy page, grouped by kind of term."""
    tax = catalog.taxonomy

    def item(label: str, target: str, count: int) -> str:
        return f"[{md(label)}]({rel(uri, target)}){{: download }} ({count})"

    groups = [
        (
            "By field",
            [
                item(t.name, paths.group_bib("field", t.slug), len(catalog.by_field[t.name]))
                for t in tax.fields
                if catalog.by_field.get(t.name)
            ],
        ),
        (
            "By task",
            [
                item(t.name, paths.group_bib("task", t.slug), len(catalog.by_task[t.name]))
                for t in tax.tasks
                if catalog.by_task.get(t.name)
            ],
        ),
        (
            "By representation",
            [
                item(r.name, paths.group_bib("representation", r.slug), len(catalog.by_representation[r.id]))
                for r in tax.representations
                if catalog.by_representation.get(r.id)
            ],
        ),
        ("By venue", [item(e.label, paths.group_bib("venue", e.slug), len(e.papers)) for e in editions(catalog)]),
        (
            "By year",
            [item(str(y), paths.group_bib("year", str(y)), len(year_papers(catalog, y))) for y in years(catalog)],
        ),
        (
            "By tag",
            [
                item(t.name, paths.group_bib("tag", t.id), len(catalog.by_tag[t.id]))
                for t in tax.tags
                if catalog.by_tag.get(t.id)
            ],
        ),
    ]
    return "\n".join(f"- **{name}:** " + " · ".join(items) for name, items in groups if items) + "\n"


EXPANDERS: dict[str, Callable[[Catalog, str, dict[str, str]], str]] = {
    "table": _task_table,
    "summary-table": lambda c, uri, a: summary_table(c, uri).as_markdown(),
    "stats": lambda c, uri, a: pages.stats_block(c, uri),
    "scope": lambda c, uri, a: pages.scope_block(c, uri),
    "chart": _chart,
    "recent": _recent,
    "corrections": lambda c, uri, a: pages.corrections_block(c, uri),
    "survey-labels": lambda c, uri, a: pages.survey_labels_block(c, uri),
    "schema": lambda c, uri, a: schema_table(),
    "vocabulary": _vocabulary,
    "downloads": _downloads,
    "codes": lambda c, uri, a: codes_list(),
    "json-schema": lambda c, uri, a: json_schema_table(),
}
"""Marker name -> function(catalog, page uri, arguments) returning Markdown."""


def expand_markers(
    markdown: str,
    catalog: Catalog,
    page_uri: str,
    extra: dict[str, Callable[[Catalog, str, dict[str, str]], str]] | None = None,
) -> str:
    """Replace every `inrsurvey:` marker of a page with its generated Markdown.

    Raises:
        MarkerError: for an unknown marker name or invalid arguments.
    """
    expanders = {**EXPANDERS, **(extra or {})}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in expanders:
            raise MarkerError(f"unknown marker 'inrsurvey:{name}'; known markers: {', '.join(sorted(expanders))}")
        args = dict(_ARG.findall(match.group(2)))
        return "\n" + expanders[name](catalog, page_uri, args) + "\n"

    return outside_code(markdown, lambda part: MARKER.sub(replace, part))
