"""What a build does with problems in papers/: list them, and keep only what is valid.

A strict build stops with the problems in its error message (so `mkdocs build -q` and CI
logs need nothing else); a non-strict build (`mkdocs serve`) leaves out the methods that
have problems, builds the rest, and shows the problems on a page of their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Catalog, Problem
from .render.text import md

CODES = (
    "file-bom",
    "file-encoding",
    "file-unpaired",
    "yaml-syntax",
    "taxonomy-missing",
    "taxonomy-section",
    "taxonomy-entry",
    "taxonomy-duplicate",
    "taxonomy-definition",
    "taxonomy-venue-kind",
    "bib-syntax",
    "bib-duplicate-key",
    "bib-macro",
    "bib-entry-type",
    "bib-entry-count",
    "bib-author",
    "bib-author-count",
    "bib-latex",
    "bib-missing-field",
    "bib-year",
    "bib-key",
    "bib-title-case",
    "bib-doi",
    "arxiv-id",
    "posted-missing",
    "posted-mismatch",
    "url-scheme",
    "fm-missing",
    "fm-not-mapping",
    "fm-unfilled",
    "fm-unknown-key",
    "fm-missing-key",
    "fm-type",
    "fm-date",
    "unknown-field",
    "unknown-task",
    "unknown-tag",
    "duplicate-tag",
    "unknown-venue",
    "venue-mismatch",
    "slug-mismatch",
    "duplicate-slug",
    "duplicate-paper",
    "builds-on-unknown",
    "builds-on-cycle",
    "summary-length",
    "summary-html",
    "sources-primary",
    "duplicate-item",
    "bib-field-type",
    "text-characters",
    "added-future",
    "posted-future",
    "posted-after-publication",
    "bib-nesting",
    "bib-duplicate-field",
    "yaml-alias",
    "yaml-size",
    "yaml-nesting",
    "yaml-key",
    "yaml-duplicate-key",
    "file-kind",
    "file-name",
    "file-size",
    "fm-unclosed",
    "identifier",
    "fm-list-split",
    "summary-link",
    "duplicate-task",
    "unknown-representation",
    "duplicate-representation",
    "key-idea-length",
    "key-idea-sentence",
    "builds-on-where",
    "builds-on-none-missing",
    "builds-on-none-conflict",
    "tag-rule",
    "benchmark-entry",
    "benchmark-metric",
    "benchmark-dataset",
    "benchmark-duplicate",
    "benchmark-task",
    "result-invalid",
    "result-duplicate",
    "result-unquoted",
    "bib-tex-unsafe",
    "bib-value",
    "sources-mirror",
    "summary-heading",
    "remote-resource",
)
"""Every problem code the loader and the validator emit."""

SHOWN_IN_ERROR = 20
"""How many problems a strict build's error message lists before the count."""

PAGE_URI = "problems.md"
"""Where a non-strict build lists the problems."""


def strict_message(problems: Sequence[Problem]) -> str:
    """The error a strict build stops with: the first problems, one per line, and the count."""
    lines = [str(p) for p in problems[:SHOWN_IN_ERROR]]
    more = len(problems) - len(lines)
    tail = f"\n... and {more} more" if more else ""
    return (
        f"{len(problems)} problem(s) in papers/; fix them (run 'inrsurvey check' to list them all):\n"
        + "\n".join(lines)
        + tail
    )


def valid_catalog(catalog: Catalog, problems: Sequence[Problem]) -> Catalog:
    """The catalog without the methods whose own files have a problem.

    Links to a left-out method (builds_on) are ignored by the renderers, which follow only
    links to methods in the catalog.
    """
    bad = {p.path for p in problems}
    kept = tuple(p for p in catalog.papers if p.md_path not in bad and p.bib_path not in bad)
    return Catalog.of(catalog.taxonomy, kept)


def problems_page(problems: Sequence[Problem], left_out: int) -> str:
    """The Markdown of the page a non-strict build shows its problems on."""
    rows = "\n".join(
        f"- `{md(p.path)}`{f', line {p.line}' if p.line else ''}: **{md(p.code)}**: {md(p.message)}" for p in problems
    )
    return (
        "---\ntitle: Problems in papers/\nsearch:\n  exclude: true\n---\n\n"
        "# Problems in papers/\n\n"
        f"This preview was built with {len(problems)} problem(s) in `papers/`; "
        f"{left_out} method(s) with problems are left out of it. A strict build "
        "(`mkdocs build --strict`, as CI runs it) fails until every problem is fixed.\n\n" + rows + "\n"
    )
