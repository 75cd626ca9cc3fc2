"""Check the meaning of a loaded catalog; every check returns problems, none logs.

Each problem has a stable code (listed in `problems.CODES`) and a message that says what to
do. Loading problems (syntax, encoding, types) come from `catalog.load_catalog`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import bibstyle, sources
from .benchmarks import check_results
from .catalog import load_catalog
from .frontmatter import PROMPT
from .identifiers import bad_characters, fold, show
from .labelcheck import check_labels
from .markup import CODE
from .model import BODY_LINE, Catalog, Paper, Problem, Taxonomy, arxiv_yymm, slugify
from .render.method import summary_of
from .schema import Kind, keys_of
from .urls import UrlError, parse_url, url_problem

MAX_AUTHORS = 100
"""More authors than this in one entry is reported (`bib-author-count`)."""

SUMMARY_WORDS = (120, 300)
"""Inclusive bounds on the number of words in a method's summary."""

POSTED_HOLD_MONTHS = 1
"""arXiv numbers a paper by the month it is announced; one held over a month boundary
(submitted 22 December, numbered 2101.x) keeps its earlier submission date as v1."""

YEAR = re.compile(r"^(19|20)\d{2}$")
RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>")
"""An HTML tag; `[^<>]` keeps the search linear (a tag never spans another `<`)."""

REQUIRED_BIB = {
    "article": ("author", "title", "journal", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "incollection": ("author", "title", "booktitle", "year"),
    "misc": ("author", "title", "year"),
    "techreport": ("author", "title", "year"),
    "phdthesis": ("author", "title", "year"),
}


def _md(paper: Paper, key: str, code: str, message: str) -> Problem:
    return Problem(paper.md_path, paper.lines.get(key, 1), code, message)


def _bib(paper: Paper, field: str | None, code: str, message: str) -> Problem:
    line = paper.entry.lines.get(field, paper.entry.line) if field else paper.entry.line
    return Problem(paper.bib_path, line, code, message)


def check_url(url: str) -> str | None:
    """Why `url` is not an acceptable absolute http(s) link, or None when it is."""
    return url_problem(url)


def _check_taxonomy_terms(catalog: Catalog, paper: Paper) -> Iterator[Problem]:
    tax = catalog.taxonomy
    if tax.field(paper.field) is None:
        yield _md(
            paper,
            "field",
            "unknown-field",
            f"field '{paper.field}' is not in taxonomy.yml; use one of: " + ", ".join(t.name for t in tax.fields),
        )
    for tag in paper.tags:
        if tax.tag(tag) is None:
            yield _md(
                paper,
                "tags",
                "unknown-tag",
                f"tag '{tag}' is not in taxonomy.yml; use a tag id from there or add the tag with a definition",
            )
    if len(set(paper.tags)) != len(paper.tags):
        yield _md(paper, "tags", "duplicate-tag", "a tag is listed twice; list each once")
    venue = tax.venue(paper.venue)
    if venue is None:
        yield _md(paper, "venue", "unknown-venue", _unknown_venue(tax, paper.venue))
        return
    entry = paper.entry
    if venue.kind == "preprint":
        if entry.entry_type != "misc":
            yield _bib(
                paper,
                None,
                "venue-mismatch",
                f"the front matter says '{venue.id}' (a preprint) but the entry is @{entry.entry_type}; cite preprints as @misc",
            )
        return
    holder = "journal" if venue.kind == "journal" else "booktitle"
    if entry.get(holder) != venue.bibtex:
        yield _bib(
            paper,
            holder,
            "venue-mismatch",
            f"{holder} must be '{venue.bibtex}' for venue '{venue.id}' (taxonomy.yml), found '{entry.get(holder)}'",
        )


def _unknown_venue(tax: Taxonomy, venue_id: str) -> str:
    """The message for a method naming a venue that taxonomy.yml does not give (or gives unusable)."""
    why = tax.unusable_venue(venue_id)
    if why is not None:
        return f"venue {show(venue_id)} cannot be used: in taxonomy.yml it {why}; fix the venue there"
    return f"venue '{venue_id}' is not in taxonomy.yml; use a venue id from there or add the venue"


def _check_entry(paper: Paper) -> Iterator[Problem]:
    """The BibTeX entry: its fields, its text, its key and identifiers, its arXiv fields."""
    yield from _check_entry_text(paper)
    yield from _check_entry_ids(paper)
    yield from _check_arxiv(paper)


def _check_entry_text(paper: Paper) -> Iterator[Problem]:
    """Required fields, the author count, and LaTeX the display cannot show."""
    entry = paper.entry
    for name in REQUIRED_BIB.get(entry.entry_type, ()):
        if not entry.get(name).strip():
            yield _bib(paper, None, "bib-missing-field", f"@{entry.entry_type} needs a '{name}' field")
    if len(entry.authors) > MAX_AUTHORS:
        yield _bib(
            paper,
            "author",
            "bib-author-count",
            f"{len(entry.authors)} authors: lists this long are almost always a pasting error; check the list against the paper, or end it with 'and others' after the first {MAX_AUTHORS}",
        )


def _check_entry_ids(paper: Paper) -> Iterator[Problem]:
    """The year, the citation key, the title's protected capitals, the DOI and URL."""
    entry = paper.entry
    year = entry.get("year")
    if year and not YEAR.match(year):
        yield _bib(paper, "year", "bib-year", f"year '{year}' must be four digits")
    if year and YEAR.match(year) and entry.authors and entry.get("title"):
        expected = bibstyle.expected_key(entry)
        if entry.key not in bibstyle.allowed_keys(entry):
            yield _bib(
                paper,
                None,
                "bib-key",
                f"the key '{entry.key}' does not follow the key scheme; rename it to '{expected}'",
            )
    if entry.get("title"):
        words = bibstyle.unprotected_words(entry.get("title"))
        if words:
            yield _bib(
                paper,
                "title",
                "bib-title-case",
                "protect these words with braces so styles keep their capitals: "
                + ", ".join(f"{{{w}}}" for w in words),
            )


def _check_arxiv(paper: Paper) -> Iterator[Problem]:
    """The arXiv identifier, its archive prefix, and the first-posting date it implies."""
    entry = paper.entry
    eprint = entry.get("eprint")
    if eprint:
        yymm = arxiv_yymm(eprint)
        if yymm is None:
            yield _bib(paper, "eprint", "arxiv-id", f"'{eprint}' is not an arXiv identifier (e.g. 2003.08934)")
        elif paper.posted is None:
            if "posted" not in paper.lines:
                yield _md(
                    paper,
                    "posted",
                    "posted-missing",
                    "the entry has an arXiv eprint; add 'posted:' with the date of its first version (or 'posted: null' if it cannot be verified)",
                )
        elif not 0 <= (yymm[0] * 12 + yymm[1]) - (paper.posted.year * 12 + paper.posted.month) <= POSTED_HOLD_MONTHS:
            yield _md(
                paper,
                "posted",
                "posted-mismatch",
                f"posted {paper.posted} does not match arXiv {eprint} (numbered {yymm[0]}-{yymm[1]:02d}); use the date of v1",
            )
        if entry.get("archiveprefix") != "arXiv":
            yield _bib(paper, "eprint", "bib-missing-field", "an entry with eprint needs archiveprefix = {arXiv}")
    elif paper.posted is not None:
        yield _md(
            paper,
            "posted",
            "posted-missing",
            "'posted' is set but the entry has no eprint; add the arXiv eprint or remove 'posted'",
        )


def _values(paper: Paper, *kinds: Kind) -> Iterator[tuple[str, str]]:
    """(key, value) for every string the paper holds under keys of these kinds (a link's `where`)."""
    for key in keys_of(*kinds):
        value = getattr(paper, key.name)
        values = value if isinstance(value, tuple) else (value,)
        yield from ((key.name, v if isinstance(v, str) else v.where) for v in values if v)


def _check_links(paper: Paper) -> Iterator[Problem]:
    urls = [*_values(paper, "url", "urls"), *(("code", c.url) for c in paper.code)]
    for key, url in urls:
        reason = check_url(url)
        if reason:
            yield _md(paper, key, "url-scheme", reason + "; use an http(s) link")
    yield from _check_sources(paper)


def is_primary_source(url: str, paper: Paper) -> bool:
    """Whether `url` is a primary source.

    That is arXiv, a proceedings or publisher page, the official code or the official
    project page.
    """
    try:
        parsed = parse_url(url)
    except UrlError:
        return False
    official = [c.url for c in paper.code if c.official] + ([paper.project] if paper.project else [])
    return sources.is_primary(parsed, official)


def _check_sources(paper: Paper) -> Iterator[Problem]:
    if len(set(paper.sources)) != len(paper.sources):
        yield _md(paper, "sources", "duplicate-item", "a URL is listed twice in 'sources'; list each once")
    for url in paper.sources:
        try:
            kind = sources.mirror_kind(parse_url(url))
        except UrlError:
            continue  # reported by _check_links
        if kind:
            yield _md(
                paper,
                "sources",
                "sources-mirror",
                f"{show(url, 80)} is {kind}, not a primary page; cite the arXiv abstract, the doi.org address, the "
                "proceedings or publisher page, or the official repository or project page instead",
            )
    if paper.sources and not any(is_primary_source(u, paper) for u in paper.sources):
        yield _md(
            paper,
            "sources",
            "sources-primary",
            "'sources' names no primary source; add the arXiv abstract page, the proceedings or publisher page, "
            "the official repository (listed in 'code' with official: true) or the project page ('project')",
        )


def _check_prompts(paper: Paper) -> Iterator[Problem]:
    values = [
        *_values(paper, "text", "texts", "url", "urls", "links"),
        *(("code", v) for c in paper.code for v in (c.url, c.framework)),
    ]
    for key in sorted({k for k, v in values if PROMPT in v}):
        yield _md(
            paper, key, "fm-unfilled", f"'{key}' still holds the {PROMPT} prompt from 'inrsurvey new'; write the value"
        )
    if PROMPT in paper.body:
        yield _md(paper, "name", "fm-unfilled", f"the summary still holds the {PROMPT} prompt; write the summary")


_ANY_ENTRY = frozenset(
    {"author", "title", "year", "month", "doi", "url", "eprint", "archiveprefix", "primaryclass", "note"}
)
_IN_A_BOOK = frozenset({"booktitle", "volume", "number", "pages", "publisher", "editor", "series", "address"})

ALLOWED_BIB_FIELDS = {
    "article": _ANY_ENTRY | {"journal", "volume", "number", "eid", "pages", "issn"},
    "inproceedings": _ANY_ENTRY | _IN_A_BOOK | {"organization"},
    "incollection": _ANY_ENTRY | _IN_A_BOOK,
    "misc": _ANY_ENTRY | {"howpublished", "organization"},
    "techreport": _ANY_ENTRY | {"institution", "number", "type", "address"},
    "phdthesis": _ANY_ENTRY | {"school", "type", "address"},
}
"""The fields each entry type may carry: the ones BibTeX's styles and biblatex's data model
define for it (a `journal` on @inproceedings or a `publisher` on @article is refused)."""


def _check_entry_fields(paper: Paper) -> Iterator[Problem]:
    entry = paper.entry
    allowed = ALLOWED_BIB_FIELDS.get(entry.entry_type)
    if allowed is None:
        return
    for name, _ in entry.fields:
        if name not in allowed:
            yield _bib(
                paper,
                name,
                "bib-field-type",
                f"@{entry.entry_type} has no field '{show(name, 30)[1:-1]}' (in BibTeX's styles and biblatex's data model); remove it or change the entry type",
            )


def _displayed(paper: Paper) -> Iterator[tuple[str, str]]:
    """(key, value) for every string of the front matter that is shown or quoted as text."""
    yield from _values(paper, "text", "texts", "links")
    yield from (("code", link.framework) for link in paper.code if link.framework)
    if paper.survey:
        yield from (("survey", value) for value in (paper.survey.label, paper.survey.field, paper.survey.task))


def _check_characters(paper: Paper) -> Iterator[Problem]:
    for key, value in _displayed(paper):
        bad = bad_characters(value)
        if bad:
            yield _md(
                paper,
                key,
                "text-characters",
                f"'{key}' holds invisible or control characters ({', '.join(bad)}) in {show(value)}; delete them",
            )
    bad = bad_characters(paper.body, multiline=True)
    if bad:
        yield _md(
            paper,
            "name",
            "text-characters",
            f"the summary holds invisible or control characters ({', '.join(bad)}); delete them",
        )
    for name, value in paper.entry.fields:
        bad = bad_characters(value, multiline=True)
        if bad:
            yield _bib(
                paper,
                name,
                "text-characters",
                f"'{name}' holds invisible or control characters ({', '.join(bad)}); delete them",
            )


def _check_lists(paper: Paper) -> Iterator[Problem]:
    for key in ("aliases", "inputs", "outputs"):
        split = [v for v in getattr(paper, key) if v.count("(") != v.count(")") or v.count("[") != v.count("]")]
        if split:
            yield _md(
                paper,
                key,
                "fm-list-split",
                f"the item {show(split[0])} of '{key}' has unbalanced brackets: in a [..., ...] list every comma "
                'separates items, so quote an item that holds a comma ("3D position (x, y, z)")',
            )
    for key in ("aliases", "inputs", "outputs", "builds_on_slugs"):
        values = [fold(v) for v in getattr(paper, key)]
        key = key.removesuffix("_slugs")
        if len(set(values)) != len(values):
            yield _md(paper, key, "duplicate-item", f"an item is listed twice in '{key}'; list each once")


def _check_dates(paper: Paper, today: dt.date) -> Iterator[Problem]:
    if paper.added and paper.added > today:
        yield _md(
            paper,
            "added",
            "added-future",
            f"'added' is {paper.added}, a day in the future; use the day the method was added",
        )
    if paper.posted and paper.posted > today:
        yield _md(
            paper,
            "posted",
            "posted-future",
            f"'posted' is {paper.posted}, a day in the future; use the date of arXiv v1",
        )
    if paper.posted and paper.year and paper.posted.year > paper.year:
        yield _md(
            paper,
            "posted",
            "posted-after-publication",
            f"first posted in {paper.posted.year} but published in {paper.year}; check 'posted' and the .bib's year",
        )


def _check_summary(paper: Paper) -> Iterator[Problem]:
    words = len(re.findall(r"\w+", paper.body))
    low, high = SUMMARY_WORDS
    if not low <= words <= high:
        yield _md(paper, "name", "summary-length", f"the summary has {words} words; write {low} to {high}")
    if RAW_HTML.search(CODE.sub(" ", paper.body)):
        yield _md(paper, "name", "summary-html", "the summary contains raw HTML; use Markdown only")


def summary_line(paper: Paper, target: str) -> int:
    """The line of the .md file where `target` first occurs in the summary (else where the summary starts)."""
    start = paper.lines.get(BODY_LINE, paper.lines.get("name", 1))
    for offset, text in enumerate(paper.body.splitlines()):
        if target and target in text:
            return start + offset
    return start


def _check_summary_render(catalog: Catalog, paper: Paper, slugs: frozenset[str]) -> Iterator[Problem]:
    """What the site would not publish of the summary: links, resources and headings, located."""
    _, findings = summary_of(catalog, paper, slugs)
    for finding in findings:
        yield Problem(paper.md_path, summary_line(paper, finding.target), finding.code, finding.message)


def _check_builds_on(catalog: Catalog, failed: frozenset[str] = frozenset()) -> Iterator[Problem]:
    for paper in catalog.papers:
        for target in paper.builds_on_slugs:
            if target in failed:
                continue
            if target == paper.slug:
                yield _md(paper, "builds_on", "builds-on-cycle", "a method cannot build on itself")
            elif target not in catalog.by_slug:
                yield _md(
                    paper,
                    "builds_on",
                    "builds-on-unknown",
                    f"builds_on names '{target}', which is no method slug in papers/",
                )
    yield from _cycles(catalog)


def _cycles(catalog: Catalog) -> Iterator[Problem]:
    """One problem per cycle of `builds_on`, found by an iterative depth-first search.

    No recursion: a chain of any length costs one stack entry per method, on the heap.
    """
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()
    for root in catalog.papers:
        if root.slug in state:
            continue
        path: list[str] = [root.slug]
        position = {root.slug: 0}
        todo = [iter(root.builds_on_slugs)]
        state[root.slug] = 1
        while todo:
            slug = path[-1]
            target = next(todo[-1], None)
            if target is None:
                todo.pop()
                state[path.pop()] = 2
                del position[slug]
                continue
            if target not in catalog.by_slug or target == slug:
                continue
            if state.get(target) == 1:
                cycle = path[position[target] :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    shown = cycle if len(cycle) <= 20 else [*cycle[:10], f"... ({len(cycle) - 20} more)", *cycle[-10:]]
                    yield _md(
                        catalog.by_slug[min(cycle)],
                        "builds_on",
                        "builds-on-cycle",
                        "builds_on forms a cycle: " + " -> ".join([*shown, target]) + "; remove one link",
                    )
            elif target not in state:
                state[target] = 1
                position[target] = len(path)
                path.append(target)
                todo.append(iter(catalog.by_slug[target].builds_on_slugs))


def _check_unique(catalog: Catalog) -> Iterator[Problem]:
    seen_keys: dict[str, Paper] = {}
    seen_names: dict[str, Paper] = {}
    seen_arxiv: dict[str, Paper] = {}
    seen_doi: dict[str, Paper] = {}
    seen_title: dict[str, Paper] = {}
    for paper in catalog.papers:
        if paper.doi:
            other = seen_doi.setdefault(paper.doi.lower(), paper)
            if other is not paper:
                yield _bib(
                    paper,
                    "doi",
                    "duplicate-paper",
                    f"DOI {show(paper.doi)} is also cited by {other.bib_path}; one paper, one method",
                )
        title = re.sub(r"[^0-9a-z]+", "", fold(paper.title))
        if title:
            other = seen_title.setdefault(title, paper)
            if other is not paper:
                yield _bib(
                    paper,
                    "title",
                    "duplicate-paper",
                    f"the title is also that of {other.bib_path}; one paper, one method",
                )
        other = seen_keys.setdefault(paper.key, paper)
        if other is not paper:
            yield _bib(
                paper,
                None,
                "bib-duplicate-key",
                f"the key '{paper.key}' is also used by {other.bib_path}; keys must be unique",
            )
        other = seen_names.setdefault(slugify(paper.name), paper)
        if other is not paper:
            yield _md(
                paper,
                "name",
                "duplicate-slug",
                f"'{paper.name}' gives the slug '{slugify(paper.name)}', already taken by {other.md_path}; choose a distinct name",
            )
        if paper.arxiv:
            other = seen_arxiv.setdefault(paper.arxiv, paper)
            if other is not paper:
                yield _bib(
                    paper,
                    "eprint",
                    "duplicate-paper",
                    f"arXiv {paper.arxiv} is also cited by {other.bib_path}; one paper, one method",
                )


def validate(catalog: Catalog, today: dt.date | None = None, failed: frozenset[str] = frozenset()) -> list[Problem]:
    """Every problem of meaning in the catalog, sorted by file and line.

    Args:
        catalog: the loaded catalog.
        today: the day dates are checked against (defaults to the current day).
        failed: slugs of methods that did not load (their own problems say why), so that
            links to them are not reported again as unknown.
    """
    today = today or dt.date.today()
    slugs = frozenset(catalog.by_slug) | failed
    problems: list[Problem] = []
    for paper in catalog.papers:
        if slugify(paper.name) != paper.slug:
            problems.append(
                _md(
                    paper,
                    "name",
                    "slug-mismatch",
                    f"the name '{paper.name}' gives the slug '{slugify(paper.name)}'; rename the files to {slugify(paper.name)}.md/.bib or change the name",
                )
            )
        problems += _check_taxonomy_terms(catalog, paper)
        problems += check_labels(catalog, paper)
        problems += _check_entry(paper)
        problems += _check_links(paper)
        problems += _check_summary(paper)
        problems += _check_summary_render(catalog, paper, slugs)
        problems += _check_entry_fields(paper)
        problems += _check_characters(paper)
        problems += _check_lists(paper)
        problems += _check_dates(paper, today)
        problems += _check_prompts(paper)
    problems += _check_builds_on(catalog, failed)
    problems += _check_unique(catalog)
    problems += check_results(catalog)
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.code, p.message))


@dataclass(frozen=True)
class CheckResult:
    """A loaded catalog (None when taxonomy.yml is unusable) and every problem, sorted."""

    catalog: Catalog | None
    problems: tuple[Problem, ...]
    failed: frozenset[str] = frozenset()


def check(papers_dir: Path) -> CheckResult:
    """Load `papers_dir` and validate it: the one entry point of `check`, the build and `stage`."""
    result = load_catalog(papers_dir)
    problems = set(result.problems)
    if result.catalog is not None:
        problems.update(validate(result.catalog, failed=result.failed))
    ordered = sorted(problems, key=lambda p: (p.path, p.line or 0, p.code, p.message))
    return CheckResult(result.catalog, tuple(ordered), result.failed)
