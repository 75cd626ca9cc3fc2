"""What a build does with problems in papers/: list them, and decide what a preview shows.

A strict build stops with the problems in its error message (so `mkdocs build -q` and CI
logs need nothing else). A non-strict build (`mkdocs serve`) is a preview: a method whose
problems are all about its content (`CONTENT_CODES`) is built as usual with its problems
listed at the top of its page; a method with a problem about loading, safety or the
survey's structure (`LEFT_OUT_CODES`) is left out. A page of its own lists every problem
and says why each left-out method is missing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from types import MappingProxyType

from .model import Catalog, Problem, Taxonomy
from .render import paths
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

CONTENT_CODES = frozenset(
    {
        "fm-unknown-key",
        "fm-unfilled",
        "fm-list-split",
        "duplicate-item",
        "bib-author-count",
        "bib-title-case",
        "bib-field-type",
        "posted-missing",
        "posted-mismatch",
        "posted-future",
        "posted-after-publication",
        "added-future",
        "venue-mismatch",
        "unknown-tag",
        "duplicate-tag",
        "unknown-representation",
        "duplicate-representation",
        "duplicate-task",
        "tag-rule",
        "key-idea-length",
        "key-idea-sentence",
        "builds-on-unknown",
        "builds-on-where",
        "builds-on-none-missing",
        "builds-on-none-conflict",
        "summary-length",
        "summary-link",
        "summary-heading",
        "sources-primary",
        "sources-mirror",
        "result-duplicate",
    }
)
"""Problems with what a method says, not with whether it can be shown.

The method still loads into a valid `Paper`, and every value the pages publish is one the
renderers show safely: a word count, a date that disagrees, an unknown tag (left off the
page), a link to no method (shown as text), a missing fact. A preview builds such a method
as usual and lists its problems at the top of its page.
"""

LEFT_OUT_CODES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "its files do not load into a method": frozenset(
            {
                "file-bom",
                "file-encoding",
                "file-unpaired",
                "file-kind",
                "file-name",
                "file-size",
                "yaml-syntax",
                "yaml-alias",
                "yaml-size",
                "yaml-nesting",
                "yaml-key",
                "yaml-duplicate-key",
                "fm-missing",
                "fm-unclosed",
                "fm-not-mapping",
                "fm-missing-key",
                "fm-type",
                "fm-date",
                "result-unquoted",
                "bib-syntax",
                "bib-entry-count",
                "bib-nesting",
                "bib-macro",
                "bib-duplicate-field",
                "bib-entry-type",
                "bib-author",
            }
        ),
        "it holds a link, markup, TeX or characters the site cannot publish safely": frozenset(
            {
                "url-scheme",
                "summary-html",
                "remote-resource",
                "text-characters",
                "bib-tex-unsafe",
                "bib-latex",
                "bib-value",
                "bib-doi",
            }
        ),
        "an identifier, a taxonomy term or a value the pages are built on is wrong": frozenset(
            {
                "identifier",
                "slug-mismatch",
                "duplicate-slug",
                "bib-duplicate-key",
                "bib-key",
                "arxiv-id",
                "duplicate-paper",
                "bib-missing-field",
                "bib-year",
                "unknown-field",
                "unknown-venue",
                "unknown-task",
                "builds-on-cycle",
                "result-invalid",
            }
        ),
    }
)
"""Problems that keep a method out of a preview, by the reason the problems page gives.

Loading: the files do not make a `Paper` at all. Safety: an address, raw HTML, an image,
TeX or an invisible character that no page or export may carry. Structure: what pages,
URLs and exports are keyed on (slugs, citation keys, arXiv IDs, the venue, field and
primary task, the year, the `builds_on` graph, benchmark numbers), where a wrong value
would break other pages. Every code of `CODES` is in exactly one of these sets, in
`CONTENT_CODES` or in `SURVEY_CODES`.
"""

SURVEY_CODES = frozenset(code for code in CODES if code.startswith(("taxonomy-", "benchmark-")))
"""Problems of taxonomy.yml and benchmarks.yml, which belong to no method.

The loader leaves out of the survey a term or benchmark they make unusable (a venue of an
unknown kind, a field with an invisible character, a benchmark without valid metrics), and a
method that names one gets a problem of its own (`unknown-venue`, `unknown-field`,
`result-invalid`...), which leaves it out of a preview. A taxonomy.yml that does not load
(`taxonomy-missing`, a YAML error) leaves every method out.
"""

DEFAULT_REASON = "it has a problem a preview does not show"
"""Why a method is left out for a code in no set of `LEFT_OUT_CODES` (none today): any code
not in `CONTENT_CODES` leaves its method out."""


def left_out_reason(code: str) -> str | None:
    """Why a problem with `code` keeps its method out of a preview; None for a content problem."""
    if code in CONTENT_CODES:
        return None
    return next((why for why, codes in LEFT_OUT_CODES.items() if code in codes), DEFAULT_REASON)


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


@dataclass(frozen=True)
class Preview:
    """What a non-strict build shows: the methods it keeps, and the problems of each method."""

    catalog: Catalog
    """The methods built: every method without problems or with content problems only."""
    shown: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)
    """The problems of each kept method that has some, by slug."""
    left_out: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)
    """The problems of each method left out (also those that did not load), by slug."""
    problems: tuple[Problem, ...] = ()
    """Every problem, in the order `check` found them (also those of no method)."""
    without_taxonomy: bool = False
    """Whether taxonomy.yml did not load, so that no method could (every one is left out)."""


def _method_slug(problem: Problem, by_path: Mapping[str, str], failed: Collection[str]) -> str | None:
    """The slug of the method whose file `problem` is about, or None (taxonomy.yml, a stray file)."""
    if problem.path in by_path:
        return by_path[problem.path]
    name = PurePosixPath(problem.path)
    return name.stem if name.suffix in (".md", ".bib") and name.stem in failed else None


EMPTY = Catalog.of(Taxonomy((), (), (), ()), ())
"""What a preview shows of a survey whose taxonomy.yml does not load: no method, no term."""


def preview(catalog: Catalog | None, problems: Sequence[Problem], failed: Collection[str] = ()) -> Preview:
    """Split the methods for a non-strict build: kept (with their problems) and left out.

    Args:
        catalog: every method that loaded; None when taxonomy.yml did not load (nor any method).
        problems: every problem `check` found, in its order.
        failed: slugs of methods whose files did not load.
    """
    if catalog is None:
        left_out = MappingProxyType({s: () for s in sorted(failed)})
        return Preview(EMPTY, left_out=left_out, problems=tuple(problems), without_taxonomy=True)
    if not problems and not failed:
        return Preview(catalog)
    by_path = {path: p.slug for p in catalog.papers for path in (p.md_path, p.bib_path)}
    mine: dict[str, list[Problem]] = {}
    for problem in problems:
        slug = _method_slug(problem, by_path, failed)
        if slug is not None:
            mine.setdefault(slug, []).append(problem)
    bad = set(failed) | {s for s, found in mine.items() if any(left_out_reason(p.code) for p in found)}
    kept = Catalog.of(catalog.taxonomy, (p for p in catalog.papers if p.slug not in bad), catalog.benchmarks)
    return Preview(
        kept,
        MappingProxyType({s: tuple(found) for s, found in sorted(mine.items()) if s not in bad}),
        MappingProxyType({s: tuple(mine.get(s, ())) for s in sorted(bad)}),
        tuple(problems),
    )


def valid_catalog(catalog: Catalog, problems: Sequence[Problem]) -> Catalog:
    """The catalog a non-strict build renders (see `preview`).

    Links to a left-out method (builds_on, summaries) are ignored by the renderers, which
    follow only links to methods in the catalog.
    """
    return preview(catalog, problems).catalog


def _problem_line(problem: Problem) -> str:
    """One problem as escaped Markdown: file, line, code and what to do."""
    line = f", line {problem.line}" if problem.line else ""
    return f"{md(problem.path)}{line}: **{md(problem.code)}**: {md(problem.message)}"


def problems_admonition(problems: Sequence[Problem]) -> str:
    """The warning a preview puts at the top of a kept method's page: its problems, escaped."""
    rows = "\n".join(f"    - {_problem_line(p)}" for p in problems)
    return (
        f'!!! warning "{len(problems)} problem(s) in this method\'s files"\n\n'
        "    This page is a preview: a strict build (`mkdocs build --strict`, as CI runs it) "
        "fails until these are fixed.\n\n" + rows + "\n"
    )


def with_problems(content: str, problems: Sequence[Problem]) -> str:
    """A generated method page with `problems_admonition` placed right after its title (`# ...`)."""
    head, sep, body = content.partition("\n# ")
    title, newline, rest = body.partition("\n")
    return f"{head}{sep}{title}{newline}\n{problems_admonition(problems)}\n{rest}" if sep else content


def why_left_out(problems: Sequence[Problem]) -> str:
    """The reasons a method is left out of a preview, with the codes behind each, in one line."""
    reasons: dict[str, list[str]] = {}
    for problem in problems:
        why = left_out_reason(problem.code)
        if why and problem.code not in reasons.setdefault(why, []):
            reasons[why].append(problem.code)
    parts = [f"{why} ({', '.join(f'**{md(c)}**' for c in codes)})" for why, codes in reasons.items()]
    return "; ".join(parts) or "its files do not load into a method"


NO_TAXONOMY = "taxonomy.yml does not load, and no method is built without it"
"""Why every method is left out of a preview whose taxonomy.yml does not load."""


def problems_page(view: Preview) -> str:
    """The Markdown of the page a non-strict build shows its problems on."""
    left = [
        f"- {md(slug)}: left out of the preview: {NO_TAXONOMY if view.without_taxonomy else why_left_out(found)}"
        for slug, found in view.left_out.items()
    ]
    shown = [
        f"- [{md(view.catalog.by_slug[slug].name)}]({paths.method(slug)}): {len(found)} problem(s), "
        "listed at the top of its page"
        for slug, found in view.shown.items()
    ]
    parts = [
        "---\ntitle: Problems in papers/\nsearch:\n  exclude: true\n---\n\n# Problems in papers/\n",
        f"This preview was built with {len(view.problems)} problem(s) in `papers/`: {len(view.left_out)} method(s) "
        f"are left out of it and {len(view.shown)} shown with their problems. A strict build "
        "(`mkdocs build --strict`, as CI runs it) fails until every problem is fixed.\n",
        "## Left out of the preview\n\n" + "\n".join(left) + "\n" if left else "",
        "## Shown with their problems\n\n" + "\n".join(shown) + "\n" if shown else "",
        "## Every problem\n\n" + "\n".join(f"- {_problem_line(p)}" for p in view.problems) + "\n",
    ]
    return "\n".join(p for p in parts if p)
