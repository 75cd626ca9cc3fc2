"""Downloadable exports: .bib files, the JSON data and catalog index, CSL-JSON and the Atom feed.

Every function is pure and deterministic: the same catalog gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .bib import format_entries, format_entry
from .citation import citation
from .csl import csl_fields
from .model import Benchmark, Catalog, Paper, Result
from .render import paths
from .render.compare_page import MAX_METHODS, MIN_METHODS
from .render.text import esc
from .render.wording import author_list, title_after_name, venue_label

JSON_SCHEMA_VERSION = 2
"""Version of the `data/papers.json` layout; bumped on any incompatible change."""


@dataclass(frozen=True)
class JsonField:
    """One field of a method record in `data/papers.json`: its type, meaning and value."""

    name: str
    type: str
    meaning: str
    value: Callable[[Paper], object]
    in_catalog: bool = True
    """Whether the catalog's compact index `data/catalog.json` carries it too."""


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


JSON_FIELDS: tuple[JsonField, ...] = (
    JsonField("slug", "string", "URL slug; the page is `methods/<slug>/`", lambda p: p.slug),
    JsonField("name", "string", "display name, as the authors call the method", lambda p: p.name),
    JsonField(
        "aliases", "list of strings", "other names, including the original survey's label", lambda p: list(p.aliases)
    ),
    JsonField("title", "string", "full title of the cited version, decoded to Unicode", lambda p: p.title),
    JsonField(
        "authors", "list of strings", "every author, `Given Family`, in order", lambda p: [a.display for a in p.authors]
    ),
    JsonField("year", "integer", "year of the cited (published) version", lambda p: p.year),
    JsonField(
        "venue",
        "string",
        "venue id from the taxonomy (`CVPR`, `arXiv`, ...)",
        lambda p: p.joined.venue.id,
        in_catalog=False,
    ),
    JsonField("venue_slug", "string", "URL slug of the venue", lambda p: p.joined.venue.slug),
    JsonField(
        "venue_label", "string", "`CVPR 2021`, or `arXiv preprint`", lambda p: venue_label(p.joined.venue, p.year)
    ),
    JsonField(
        "venue_kind",
        "string",
        "conference, journal, workshop or preprint",
        lambda p: p.joined.venue.kind,
        in_catalog=False,
    ),
    JsonField(
        "peer_reviewed",
        "boolean",
        "false for arXiv-only preprints",
        lambda p: p.joined.venue.peer_reviewed,
        in_catalog=False,
    ),
    JsonField("field", "string", "field name", lambda p: p.field, in_catalog=False),
    JsonField("field_slug", "string", "URL slug of the field", lambda p: p.joined.field.slug),
    JsonField("task", "string", "primary task name (the first of `tasks`)", lambda p: p.task, in_catalog=False),
    JsonField("task_slug", "string", "URL slug of the primary task", lambda p: p.joined.task.slug),
    JsonField(
        "tasks",
        "list of strings",
        "every task the method addresses, the primary first",
        lambda p: list(p.tasks),
        in_catalog=False,
    ),
    JsonField(
        "task_slugs",
        "list of strings",
        "URL slugs of `tasks`, the primary first",
        lambda p: [t.slug for t in p.joined.tasks],
    ),
    JsonField(
        "representation",
        "list of strings",
        "representation ids: what the model is made of (every part of a hybrid)",
        lambda p: list(p.representation),
    ),
    JsonField("key_idea", "string", "the method's contribution in one sentence", lambda p: p.key_idea),
    JsonField("tags", "list of strings", "tag ids", lambda p: list(p.tags)),
    JsonField("inputs", "list of strings", "what the network takes", lambda p: list(p.inputs)),
    JsonField("outputs", "list of strings", "what the network predicts", lambda p: list(p.outputs)),
    JsonField(
        "posted",
        "date or null",
        "first arXiv version, `YYYY-MM-DD`; null when unknown or not on arXiv",
        lambda p: _date(p.posted),
    ),
    JsonField(
        "added", "date or null", "day the method was added to the survey", lambda p: _date(p.added), in_catalog=False
    ),
    JsonField(
        "pages",
        "string or null",
        "page range of the cited version (`405-421`)",
        lambda p: citation(p).pages or None,
        in_catalog=False,
    ),
    JsonField("arxiv", "string or null", "arXiv identifier", lambda p: p.arxiv or None, in_catalog=False),
    JsonField("doi", "string or null", "DOI", lambda p: p.doi or None, in_catalog=False),
    JsonField(
        "paper_url",
        "string or null",
        "best link to the paper: DOI, official page, or arXiv",
        lambda p: p.paper_url or None,
    ),
    JsonField(
        "code",
        "list of objects",
        "`url`, `framework`, `official` for each repository",
        lambda p: [{"url": c.url, "framework": c.framework, "official": c.official} for c in p.code],
    ),
    JsonField(
        "has_official_code", "boolean", "whether an official repository is listed", lambda p: p.has_official_code
    ),
    JsonField("project", "string or null", "official project page", lambda p: p.project or None),
    JsonField(
        "builds_on",
        "list of objects",
        "the survey's methods this one extends: `method` (slug) and `where` (where its paper says so)",
        lambda p: [{"method": b.method, "where": b.where} for b in p.builds_on],
        in_catalog=False,
    ),
    JsonField(
        "builds_on_slugs",
        "list of strings",
        "slugs of the survey's methods this one extends (the `method` of each `builds_on`)",
        lambda p: list(p.builds_on_slugs),
    ),
    JsonField(
        "builds_on_none",
        "string or null",
        "for a method without `builds_on`: that its paper builds on none of the survey's methods",
        lambda p: p.builds_on_none or None,
        in_catalog=False,
    ),
    JsonField(
        "sources",
        "list of strings",
        "pages the facts and summary were checked against",
        lambda p: list(p.sources),
        in_catalog=False,
    ),
    JsonField(
        "survey",
        "object or null",
        "the original survey's `label`, `field` and `task` (provenance)",
        lambda p: {"label": p.survey.label, "field": p.survey.field, "task": p.survey.task} if p.survey else None,
        in_catalog=False,
    ),
    JsonField("key", "string", "citation key", lambda p: p.key),
    JsonField(
        "bibtex",
        "string",
        "the BibTeX entry, byte-identical to `bib/<key>.bib`",
        lambda p: format_entry(p.entry),
        in_catalog=False,
    ),
    JsonField(
        "page",
        "string",
        "path of the method page relative to the site root",
        lambda p: paths.page_url(paths.method(p)),
        in_catalog=False,
    ),
)
"""Every field of a method record in `data/papers.json`, declared once: the export, the
compact catalog index and the Cite page's table all derive from it."""


def bib_text(papers: Iterable[Paper]) -> str:
    """The .bib of `papers`, in the order given, entries exactly as on method pages."""
    return format_entries(p.entry for p in papers)


def _dump(data: object) -> str:
    # Compact separators keep the C encoder (indent= would fall back to Python) and the file small.
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def paper_record(paper: Paper) -> dict[str, object]:
    """One method as a JSON-ready mapping: a record of `data/papers.json` (see `JSON_FIELDS`)."""
    return {f.name: f.value(paper) for f in JSON_FIELDS}


def _taxonomy(catalog: Catalog) -> dict[str, object]:
    tax = catalog.taxonomy
    return {
        "fields": [{"name": t.name, "slug": t.slug, "definition": t.definition} for t in tax.fields],
        "tasks": [{"name": t.name, "slug": t.slug, "definition": t.definition} for t in tax.tasks],
        "representations": [{"id": r.id, "name": r.name, "definition": r.definition} for r in tax.representations],
        "tags": [{"id": t.id, "name": t.name, "definition": t.definition} for t in tax.tags],
        "venues": [
            {
                "id": v.id,
                "slug": v.slug,
                "label": v.label,
                "name": v.name,
                "kind": v.kind,
                "peer_reviewed": v.peer_reviewed,
            }
            for v in tax.venues
        ],
    }


def papers_json(catalog: Catalog) -> str:
    """`data/papers.json`: every method plus the taxonomy (schema on the Cite page)."""
    data = {
        "schema_version": JSON_SCHEMA_VERSION,
        "count": len(catalog),
        "taxonomy": _taxonomy(catalog),
        "methods": [paper_record(p) for p in catalog.papers],
    }
    return _dump(data)


CATALOG_COLUMNS: tuple[str, ...] = tuple(f.name for f in JSON_FIELDS if f.in_catalog)
"""The columns of a method row in `data/catalog.json`, each as in `JSON_FIELDS`. Venue id, kind
and peer review, field and task names come from the taxonomy; the BibTeX stays out (the
catalog fetches `bib/<key>.bib` or `data/papers.json` only when a download is asked for)."""


_CATALOG_FIELDS = tuple(f for f in JSON_FIELDS if f.in_catalog)


def catalog_json(catalog: Catalog) -> str:
    """`data/catalog.json`: the compact index the catalog and compare pages load.

    One row per method (values in `CATALOG_COLUMNS` order), the taxonomy, and URL patterns
    (`{slug}`, `{key}`) for method pages and .bib files, so the scripts never guess a path.
    Venues also say whether they are peer-reviewed.
    """
    data = {
        "schema_version": JSON_SCHEMA_VERSION,
        "count": len(catalog),
        "urls": {
            "method": paths.page_url(paths.method("{slug}")),
            "bib": paths.bib("{key}"),
            "papers": paths.PAPERS_JSON,
            "results": paths.RESULTS_JSON,
            "catalog": paths.page_url(paths.CATALOG),
            "compare": paths.page_url(paths.COMPARE),
        },
        "compare_limits": {"min": MIN_METHODS, "max": MAX_METHODS},
        "taxonomy": _taxonomy(catalog),
        "columns": list(CATALOG_COLUMNS),
        "methods": [[f.value(p) for f in _CATALOG_FIELDS] for p in catalog.papers],
    }
    return _dump(data)


_CSL_TYPE = {
    "conference": "paper-conference",
    "workshop": "paper-conference",
    "journal": "article-journal",
    "preprint": "report",
}


def csl_item(catalog: Catalog, paper: Paper) -> dict[str, object]:
    """One method as a CSL-JSON item (Zotero, Mendeley, pandoc); see `citation.csl_fields`."""
    return {"id": paper.key, "type": _CSL_TYPE[paper.joined.venue.kind], **csl_fields(citation(paper))}


def csl_json(catalog: Catalog) -> str:
    """`data/papers.csl.json`: every method as CSL-JSON, sorted by citation key."""
    return _dump([csl_item(catalog, p) for p in sorted(catalog.papers, key=lambda p: p.key)])


def atom_feed(catalog: Catalog, site_url: str, title: str) -> str:
    """An Atom 1.0 feed with one entry per method, newest additions first."""
    base = site_url.rstrip("/") + "/"
    papers = sorted(catalog.papers, key=lambda p: (p.added.isoformat() if p.added else "", p.slug), reverse=True)
    updated = papers[0].added.isoformat() if papers and papers[0].added else "1970-01-01"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{esc(title)}: new methods</title>",
        f'  <link rel="alternate" type="text/html" href="{esc(base)}"/>',
        f'  <link rel="self" type="application/atom+xml" href="{esc(base + paths.FEED)}"/>',
        f"  <id>{esc(base)}</id>",
        f"  <updated>{updated}T00:00:00Z</updated>",
        f"  <author><name>{esc(title)} maintainers</name></author>",
    ]
    for paper in papers:
        url = base + paths.page_url(paths.method(paper))
        added = paper.added.isoformat() if paper.added else updated
        venue = paper.joined.venue
        authors = author_list(paper.authors, paper.entry.et_al).removesuffix(".")
        summary = f"{paper.title}. {authors}. {venue_label(venue, paper.year)}. {paper.task}."
        lines += [
            "  <entry>",
            f"    <title>{esc(paper.name)}: {esc(title_after_name(paper))}</title>",
            f'    <link rel="alternate" type="text/html" href="{esc(url)}"/>',
            f"    <id>{esc(url)}</id>",
            f"    <updated>{added}T00:00:00Z</updated>",
            f"    <published>{added}T00:00:00Z</published>",
            *(f'    <category term="{esc(task)}"/>' for task in paper.tasks),
            f"    <summary>{esc(summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")

RESULT_COLUMNS: tuple[str, ...] = (
    "method",
    "benchmark",
    "metric",
    "value",
    "printed",
    "variant",
    "protocol",
    "scenes",
    "source",
    "train_time",
    "render_speed",
    "hardware",
)
"""The columns of `data/results.csv` and the keys of each record of `data/results.json`'s `results`."""


def _result_records(paper: Paper, result: Result) -> list[dict[str, object]]:
    return [
        {
            "method": paper.slug,
            "benchmark": result.benchmark,
            "metric": metric,
            "value": float(printed),
            "printed": printed,
            "variant": result.variant or None,
            "protocol": result.protocol or None,
            "scenes": list(result.scenes) or None,
            "source": result.where,
            "train_time": result.train_time or None,
            "render_speed": result.render_speed or None,
            "hardware": result.hardware or None,
        }
        for metric, printed in result.values
    ]


def result_records(catalog: Catalog) -> list[dict[str, object]]:
    """One record per reported number, ordered by benchmark, method, variant and metric."""
    records = [r for p in catalog.papers for result in p.results or () for r in _result_records(p, result)]
    return sorted(
        records, key=lambda r: (str(r["benchmark"]), str(r["method"]), str(r["variant"] or ""), str(r["metric"]))
    )


def _benchmark_record(bench: Benchmark) -> dict[str, object]:
    return {
        "id": bench.id,
        "name": bench.name,
        "scenes": list(bench.scenes),
        "protocol": bench.protocol,
        "metrics": list(bench.metrics),
        "main": bench.main,
        "tasks": list(bench.tasks),
        "dataset_method": bench.dataset_method or None,
        "dataset_bibtex": format_entry(bench.dataset_entry) if bench.dataset_entry else None,
        "url": paths.page_url(paths.benchmark(bench)),
    }


def results_json(catalog: Catalog) -> str:
    """`data/results.json`: the metrics, the benchmarks and every reported number."""
    declared = catalog.benchmarks
    data = {
        "schema_version": JSON_SCHEMA_VERSION,
        "metrics": [
            {
                "id": m.id,
                "name": m.name,
                "unit": m.unit,
                "higher_is_better": m.higher_is_better,
                "decimals": m.decimals,
                "range": [m.low, m.high],
            }
            for m in declared.metrics
        ],
        "benchmarks": [_benchmark_record(b) for b in declared.benchmarks],
        "results": result_records(catalog),
    }
    return _dump(data)


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Cell beginnings that spreadsheet programs read as a formula."""


def spreadsheet_safe(text: str) -> str:
    """`text` as a CSV cell that a spreadsheet shows as text: a formula-like start gets a `'`.

    Plain numbers (`-1.5`) stay numbers.
    """
    if text.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def results_csv(catalog: Catalog) -> str:
    """`data/results.csv`: one row per reported number (columns in `RESULT_COLUMNS`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RESULT_COLUMNS)
    for record in result_records(catalog):
        row = []
        for column in RESULT_COLUMNS:
            value = record[column]
            if column == "value":
                value = record["printed"]
            elif isinstance(value, list):
                value = "; ".join(value)
            row.append("" if value is None else spreadsheet_safe(str(value)))
        writer.writerow(row)
    return out.getvalue()
