"""Downloadable exports: .bib files, the JSON data and catalog index, CSL-JSON and the Atom feed.

Every function is pure and deterministic: the same catalog gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from xml.sax.saxutils import escape as xml_escape

from .bib import format_entries, format_entry
from .model import Catalog, Paper, slugify
from .render import paths
from .render.compare_page import MAX_METHODS, MIN_METHODS
from .render.text import author_list, title_after_name, venue_label

JSON_SCHEMA_VERSION = 1
"""Version of the `data/papers.json` layout; bumped on any incompatible change."""


JSON_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("slug", "string", "URL slug; the page is `methods/<slug>/`"),
    ("name", "string", "display name, as the authors call the method"),
    ("aliases", "list of strings", "other names, including the original survey's label"),
    ("title", "string", "full title of the cited version, decoded to Unicode"),
    ("authors", "list of strings", "every author, `Given Family`, in order"),
    ("year", "integer", "year of the cited (published) version"),
    ("venue", "string", "venue id from the taxonomy (`CVPR`, `arXiv`, ...)"),
    ("venue_slug", "string", "URL slug of the venue"),
    ("venue_label", "string", "`CVPR 2021`, or `arXiv preprint`"),
    ("venue_kind", "string", "conference, journal, workshop or preprint"),
    ("peer_reviewed", "boolean", "false for arXiv-only preprints"),
    ("field", "string", "field name"),
    ("field_slug", "string", "URL slug of the field"),
    ("task", "string", "task name"),
    ("task_slug", "string", "URL slug of the task"),
    ("tags", "list of strings", "tag ids"),
    ("inputs", "list of strings", "what the network takes"),
    ("outputs", "list of strings", "what the network predicts"),
    ("posted", "date or null", "first arXiv version, `YYYY-MM-DD`; null when unknown or not on arXiv"),
    ("added", "date or null", "day the method was added to the survey"),
    ("arxiv", "string or null", "arXiv identifier"),
    ("doi", "string or null", "DOI"),
    ("paper_url", "string or null", "best link to the paper: DOI, official page, or arXiv"),
    ("code", "list of objects", "`url`, `framework`, `official` for each repository"),
    ("has_official_code", "boolean", "whether an official repository is listed"),
    ("project", "string or null", "official project page"),
    ("builds_on", "list of strings", "slugs of the survey's methods this one extends"),
    ("sources", "list of strings", "pages the facts and summary were checked against"),
    ("survey", "object or null", "the original survey's `label`, `field` and `task` (provenance)"),
    ("key", "string", "citation key"),
    ("bibtex", "string", "the BibTeX entry, byte-identical to `bib/<key>.bib`"),
    ("page", "string", "path of the method page relative to the site root"),
)
"""Every field of a method record in `data/papers.json`: name, type, meaning."""


def bib_text(papers: Iterable[Paper]) -> str:
    """The .bib of `papers`, in the order given, entries exactly as on method pages."""
    return format_entries(p.entry for p in papers)


def _dump(data: object) -> str:
    # Compact separators keep the C encoder (indent= would fall back to Python) and the file small.
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _facts(catalog: Catalog, paper: Paper) -> dict[str, object]:
    """The facts of one method shared by `data/papers.json` and `data/catalog.json`."""
    venue = paper.joined.venue
    return {
        "slug": paper.slug,
        "name": paper.name,
        "aliases": list(paper.aliases),
        "title": paper.title,
        "authors": [a.display for a in paper.authors],
        "year": paper.year,
        "venue": venue.id,
        "venue_label": venue_label(venue, paper.year),
        "venue_kind": venue.kind,
        "peer_reviewed": venue.peer_reviewed,
        "venue_slug": venue.slug,
        "field": paper.field,
        "field_slug": slugify(paper.field),
        "task": paper.task,
        "task_slug": slugify(paper.task),
        "tags": list(paper.tags),
        "inputs": list(paper.inputs),
        "outputs": list(paper.outputs),
        "paper_url": paper.paper_url or None,
        "code": [{"url": c.url, "framework": c.framework, "official": c.official} for c in paper.code],
        "has_official_code": paper.has_official_code,
        "project": paper.project or None,
        "builds_on": list(paper.builds_on),
        "key": paper.key,
    }


def paper_record(catalog: Catalog, paper: Paper) -> dict[str, object]:
    """One method as a JSON-ready mapping: a record of `data/papers.json` (see `JSON_FIELDS`)."""
    return {
        **_facts(catalog, paper),
        "posted": paper.posted.isoformat() if paper.posted else None,
        "added": paper.added.isoformat() if paper.added else None,
        "arxiv": paper.arxiv or None,
        "doi": paper.doi or None,
        "sources": list(paper.sources),
        "survey": {"label": paper.survey.label, "field": paper.survey.field, "task": paper.survey.task} if paper.survey else None,
        "bibtex": format_entry(paper.entry),
        "page": paths.page_url(paths.method(paper)),
    }


def _taxonomy(catalog: Catalog) -> dict[str, object]:
    tax = catalog.taxonomy
    return {
        "fields": [{"name": t.name, "slug": t.slug, "definition": t.definition} for t in tax.fields],
        "tasks": [{"name": t.name, "slug": t.slug, "definition": t.definition} for t in tax.tasks],
        "tags": [{"id": t.id, "name": t.name, "definition": t.definition} for t in tax.tags],
        "venues": [{"id": v.id, "slug": v.slug, "name": v.name, "kind": v.kind} for v in tax.venues],
    }


def papers_json(catalog: Catalog) -> str:
    """`data/papers.json`: every method plus the taxonomy (schema on the Cite page)."""
    data = {
        "schema_version": JSON_SCHEMA_VERSION,
        "count": len(catalog),
        "taxonomy": _taxonomy(catalog),
        "methods": [paper_record(catalog, p) for p in catalog.papers],
    }
    return _dump(data)


CATALOG_COLUMNS: tuple[str, ...] = (
    "slug", "name", "aliases", "title", "authors", "year", "venue_slug", "venue_label", "field_slug",
    "task_slug", "tags", "inputs", "outputs", "code", "has_official_code", "paper_url", "project",
    "builds_on", "key",
)
"""The columns of a method row in `data/catalog.json`, each as in `JSON_FIELDS`. Venue id, kind
and peer review, field and task names come from the taxonomy; the BibTeX stays out (the
catalog fetches `bib/<key>.bib` or `data/papers.json` only when a download is asked for)."""


def catalog_json(catalog: Catalog) -> str:
    """`data/catalog.json`: the compact index the catalog and compare pages load.

    One row per method (values in `CATALOG_COLUMNS` order), the taxonomy, and URL patterns
    (`{slug}`, `{key}`) for method pages and .bib files, so the scripts never guess a path.
    Venues also say whether they are peer-reviewed.
    """
    taxonomy = _taxonomy(catalog)
    taxonomy["venues"] = [{"id": v.id, "slug": v.slug, "name": v.name, "kind": v.kind, "peer_reviewed": v.peer_reviewed} for v in catalog.taxonomy.venues]
    data = {
        "schema_version": JSON_SCHEMA_VERSION,
        "count": len(catalog),
        "urls": {
            "method": paths.page_url(paths.method("{slug}")),
            "bib": paths.bib("{key}"),
            "papers": paths.PAPERS_JSON,
            "catalog": paths.page_url(paths.CATALOG),
            "compare": paths.page_url(paths.COMPARE),
        },
        "compare_limits": {"min": MIN_METHODS, "max": MAX_METHODS},
        "taxonomy": taxonomy,
        "columns": list(CATALOG_COLUMNS),
        "methods": [[facts[c] for c in CATALOG_COLUMNS] for facts in (_facts(catalog, p) for p in catalog.papers)],
    }
    return _dump(data)


_CSL_TYPE = {"conference": "paper-conference", "workshop": "paper-conference", "journal": "article-journal", "preprint": "article"}


def csl_item(catalog: Catalog, paper: Paper) -> dict[str, object]:
    """One method as a CSL-JSON item (Zotero, Mendeley, pandoc)."""
    venue = paper.joined.venue
    item: dict[str, object] = {
        "id": paper.key,
        "type": _CSL_TYPE[venue.kind],
        "title": paper.title,
        "author": [{"family": a.family, "given": a.first} if a.first else {"literal": a.family} for a in paper.authors],
        "issued": {"date-parts": [[paper.year]]} if paper.year else {},
    }
    if venue.kind == "preprint":
        item["publisher"] = "arXiv"
        item["number"] = paper.arxiv
    else:
        item["container-title"] = venue.name
        if venue.kind != "journal":
            item["event-title"] = venue.name
    for csl, field in (("page", "pages"), ("volume", "volume"), ("issue", "number"), ("publisher", "publisher")):
        value = paper.entry.text(field) if field == "publisher" else paper.entry.get(field)
        if value:
            item[csl] = value.replace("--", "-")
    if paper.doi:
        item["DOI"] = paper.doi
    if paper.paper_url:
        item["URL"] = paper.paper_url
    return item


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
        f"  <title>{xml_escape(title)}: new methods</title>",
        f'  <link rel="alternate" type="text/html" href="{xml_escape(base)}"/>',
        f'  <link rel="self" type="application/atom+xml" href="{xml_escape(base + paths.FEED)}"/>',
        f"  <id>{xml_escape(base)}</id>",
        f"  <updated>{updated}T00:00:00Z</updated>",
        f"  <author><name>{xml_escape(title)} maintainers</name></author>",
    ]
    for paper in papers:
        url = base + paths.page_url(paths.method(paper))
        added = paper.added.isoformat() if paper.added else updated
        venue = paper.joined.venue
        authors = author_list(paper.authors, paper.entry.et_al).removesuffix(".")
        summary = f"{paper.title}. {authors}. {venue_label(venue, paper.year)}. {paper.task}."
        lines += [
            "  <entry>",
            f"    <title>{xml_escape(paper.name)}: {xml_escape(title_after_name(paper))}</title>",
            f'    <link rel="alternate" type="text/html" href="{xml_escape(url)}"/>',
            f"    <id>{xml_escape(url)}</id>",
            f"    <updated>{added}T00:00:00Z</updated>",
            f"    <published>{added}T00:00:00Z</published>",
            f'    <category term="{xml_escape(paper.task)}"/>',
            f"    <summary>{xml_escape(summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
