"""What a build does with problems in papers/: list them, and keep only what is valid.

A strict build stops with the problems in its error message (so `mkdocs build -q` and CI
logs need nothing else); a non-strict build (`mkdocs serve`) leaves out the methods that
have problems, builds the rest, and shows the problems on a page of their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Catalog, Problem
from .render.text import md

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
        + "\n".join(lines) + tail
    )


def valid_catalog(catalog: Catalog, problems: Sequence[Problem]) -> Catalog:
    """The catalog without the methods whose own files have a problem.

    Links to a left-out method (builds_on) are ignored by the renderers, which follow only
    links to methods in the catalog.
    """
    bad = {p.path for p in problems}
    kept = tuple(p for p in catalog.papers if p.md_path not in bad and p.bib_path not in bad)
    return Catalog(catalog.taxonomy, kept)


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
        "(`mkdocs build --strict`, as CI runs it) fails until every problem is fixed.\n\n"
        + rows + "\n"
    )
