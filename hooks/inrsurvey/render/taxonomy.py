"""Taxonomy pages: fields, tasks, venues, years and tags, each with an overview page.

Every page lists exactly the methods of its term, links into the catalog with the
term's facet preset, and offers the .bib of its methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from ..model import Catalog, Paper, Representation, Tag, Term, Venue
from . import paths
from .links import link, rel
from .pagefront import page_front
from .paths import edition_slug
from .tables import comparison_table
from .text import md
from .wording import author_short, counted, venue_label


@dataclass(frozen=True)
class Edition:
    """One venue in one year (all preprints form a single edition)."""

    venue: Venue
    year: int | None
    papers: tuple[Paper, ...]

    @property
    def label(self) -> str:
        """`CVPR 2021` or `arXiv preprint`."""
        return venue_label(self.venue, self.year)

    @property
    def slug(self) -> str:
        """`cvpr-2021`, or `arxiv` for preprints."""
        return edition_slug(self.venue, self.year)

    @property
    def uri(self) -> str:
        """The edition's page."""
        return paths.venue(self.venue, self.year)


def editions(catalog: Catalog) -> list[Edition]:
    """Every venue edition with methods, in taxonomy order then by year (newest first)."""
    result = []
    for venue in catalog.taxonomy.venues:
        papers = catalog.by_venue.get(venue.id, ())
        if venue.kind == "preprint":
            if papers:
                result.append(Edition(venue, None, papers))
            continue
        for year in sorted({p.year for p in papers if p.year}, reverse=True):
            result.append(Edition(venue, year, tuple(p for p in papers if p.year == year)))
    return result


def years(catalog: Catalog) -> list[int]:
    """Every year in which a method was first posted or published, ascending."""
    found = {p.year for p in catalog.papers if p.year}
    found |= {p.posted.year for p in catalog.papers if p.posted}
    return sorted(found)


def _front(title: str, description: str, *, exclude_from_search: bool = False) -> str:
    return page_front(title, description, **({"search": {"exclude": True}} if exclude_from_search else {}))


def method_list(catalog: Catalog, papers: Sequence[Paper], from_uri: str) -> str:
    """A bullet list of methods: name (linked), title, first author, venue.

    The site search leaves it out: each method's own page is the result to find.
    """
    lines = []
    for paper in papers:
        venue = paper.joined.venue
        lines.append(
            f"- {link(paper.name, from_uri, paths.method(paper))}: {md(paper.title)}"
            f" · {md(author_short(paper.authors, paper.entry.et_al))}"
            f" · {md(venue_label(venue, paper.year))}"
        )
    return '<div class="inr-method-list" data-pagefind-ignore="all" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def _actions(from_uri: str, bib_uri: str, count: int, facet: dict[str, str]) -> str:
    catalog_link = rel(from_uri, paths.CATALOG) + ("?" + urlencode(facet) if facet else "")
    noun = "method" if count == 1 else "methods"
    return (
        f'<div class="inr-actions" markdown>\n\n'
        f"[:material-download: BibTeX of these {count} {noun}]({rel(from_uri, bib_uri)}){{: .md-button download }}\n"
        f"[:material-filter-variant: Open in the catalog]({catalog_link}){{: .md-button }}\n\n"
        "</div>\n"
    )


def field_page(catalog: Catalog, term: Term) -> str:
    """A field's page: its methods grouped by task."""
    uri = paths.field(term)
    papers = catalog.by_field.get(term.name, ())
    parts = [
        _front(term.name, term.definition),
        f"# {md(term.name)}\n",
        f"{md(term.definition)}\n{{: .inr-definition }}\n",
        f"{counted(len(papers), 'method')} in this field.\n",
        _actions(uri, paths.group_bib("field", term.slug), len(papers), {"field": term.slug}),
    ]
    for task in catalog.taxonomy.tasks:
        group = [p for p in papers if p.task == task.name]
        if group:
            parts.append(f"## {link(task.name, uri, paths.task(task))}\n\n" + method_list(catalog, group, uri))
    return "\n".join(parts)


def task_page(catalog: Catalog, term: Term) -> str:
    """A task's page: definition, every method that addresses the task, and their comparison table."""
    uri = paths.task(term)
    papers = catalog.by_task.get(term.name, ())
    primary = sum(1 for p in papers if p.task == term.name)
    table = comparison_table(catalog, papers, uri, caption=f"Methods for {term.name}")
    return "\n".join(
        part
        for part in [
            page_front(term.name, term.definition, hide=["toc"]),
            f"# {md(term.name)}\n",
            f"{md(term.definition)}\n{{: .inr-definition }}\n",
            f"{len(papers)} {'method addresses' if len(papers) == 1 else 'methods address'} this task, "
            f"{primary} as {'its' if primary == 1 else 'their'} primary task.\n",
            _actions(uri, paths.group_bib("task", term.slug), len(papers), {"task": term.slug}),
            _task_benchmarks(catalog, term, uri),
            "## Comparison\n",
            table.as_markdown(),
        ]
        if part
    )


def _task_benchmarks(catalog: Catalog, term: Term, uri: str) -> str:
    """Links to the leaderboards of the benchmarks declared for a task, with their counts."""
    boards = [b for b in catalog.benchmarks.benchmarks if term.name in b.tasks]
    if not boards:
        return ""
    items = []
    for bench in boards:
        count = len({p.slug for p, _ in catalog.results_by_benchmark.get(bench.id, ())})
        items.append(
            f"- {link(bench.name, uri, paths.benchmark(bench))}: {count} {'method' if count == 1 else 'methods'}"
        )
    return "## Benchmarks\n\nReported results on the benchmarks of this task:\n\n" + "\n".join(items) + "\n"


def representation_page(catalog: Catalog, rep: Representation) -> str:
    """A representation's page: definition, its methods and their comparison table."""
    uri = paths.representation(rep)
    papers = catalog.by_representation.get(rep.id, ())
    table = comparison_table(catalog, papers, uri, caption=f"Methods built from: {rep.name}")
    return "\n".join(
        [
            page_front(rep.name, rep.definition, hide=["toc"]),
            f"# {md(rep.name)}\n",
            f"{md(rep.definition)}\n{{: .inr-definition }}\n",
            f"{len(papers)} {'method is' if len(papers) == 1 else 'methods are'} built from it (alone or in a "
            "hybrid).\n",
            _actions(uri, paths.group_bib("representation", rep.slug), len(papers), {"rep": rep.slug}),
            "## Comparison\n",
            table.as_markdown(),
        ]
    )


def venue_page(catalog: Catalog, edition: Edition) -> str:
    """A venue edition's page: full name, kind and its methods."""
    uri = edition.uri
    venue = edition.venue
    about = (
        "Methods that so far appeared only as arXiv preprints, without a peer-reviewed version."
        if venue.kind == "preprint"
        else f"{md(venue.name)} {edition.year} ({venue.kind})."
    )
    facet = {"venue": venue.slug} if venue.kind == "preprint" else {"venue": venue.slug, "year": str(edition.year)}
    return "\n".join(
        [
            _front(
                edition.label, f"Implicit neural representation methods at {edition.label}", exclude_from_search=True
            ),
            f"# {md(edition.label)}\n",
            f"{about}\n{{: .inr-definition }}\n",
            _actions(uri, paths.group_bib("venue", edition.slug), len(edition.papers), facet),
            method_list(catalog, edition.papers, uri),
        ]
    )


def year_page(catalog: Catalog, year: int) -> str:
    """A year's page: methods published that year and methods first posted that year."""
    uri = paths.year(year)
    published = [p for p in catalog.papers if p.year == year]
    posted = [p for p in catalog.papers if p.posted and p.posted.year == year]
    both = {p.slug: p for p in published + posted}
    ordered = [p for p in catalog.papers if p.slug in both]
    parts = [
        _front(
            str(year),
            f"Implicit neural representation methods published or first posted in {year}",
            exclude_from_search=True,
        ),
        f"# {year}\n",
        _actions(uri, paths.group_bib("year", str(year)), len(ordered), {"year": str(year)}),
        f"## Published in {year}\n",
        method_list(catalog, published, uri) if published else "No method of the survey was published this year.\n",
        f"## First posted on arXiv in {year}\n",
        method_list(catalog, posted, uri) if posted else "No method of the survey was first posted this year.\n",
    ]
    return "\n".join(parts)


def year_papers(catalog: Catalog, year: int) -> list[Paper]:
    """Methods published or first posted in `year`, in survey order."""
    return [p for p in catalog.papers if p.year == year or (p.posted and p.posted.year == year)]


def tag_page(catalog: Catalog, tag: Tag) -> str:
    """A tag's page: definition, then its methods by name (title, first author, venue and year)."""
    uri = paths.tag(tag)
    papers = sorted(catalog.by_tag.get(tag.id, ()), key=lambda p: (p.name.casefold(), p.slug))
    return "\n".join(
        [
            _front(tag.name, tag.definition, exclude_from_search=True),
            f"# {md(tag.name)}\n",
            f"{md(tag.definition)}\n{{: .inr-definition }}\n",
            _actions(uri, paths.group_bib("tag", tag.id), len(papers), {"tag": tag.id}),
            method_list(catalog, papers, uri),
        ]
    )


def _overview(title: str, intro: str, rows: list[tuple[str, str, int, str]], from_uri: str) -> str:
    lines = [f"- {link(label, from_uri, target)} ({count}): {md(note)}" for label, note, count, target in rows]
    return "\n".join(
        [_front(title, intro, exclude_from_search=True), f"# {md(title)}\n", f"{md(intro)}\n", "\n".join(lines) + "\n"]
    )


def fields_overview(catalog: Catalog) -> str:
    """All fields with their counts."""
    rows = [
        (t.name, t.definition, len(catalog.by_field.get(t.name, ())), paths.field(t)) for t in catalog.taxonomy.fields
    ]
    return _overview("Fields", "The survey's fields, from space-time volumes to images.", rows, paths.FIELDS)


def tasks_overview(catalog: Catalog) -> str:
    """All tasks with their counts."""
    rows = [(t.name, t.definition, len(catalog.by_task.get(t.name, ())), paths.task(t)) for t in catalog.taxonomy.tasks]
    return _overview(
        "Tasks",
        "What the methods produce, and from what. A method is listed under every task its paper addresses; "
        "each task page compares its methods in a table.",
        rows,
        paths.TASKS,
    )


def representations_overview(catalog: Catalog) -> str:
    """All representations with their counts."""
    rows = [
        (r.name, r.definition, len(catalog.by_representation.get(r.id, ())), paths.representation(r))
        for r in catalog.taxonomy.representations
    ]
    return _overview(
        "Representations",
        "What the models are made of. A hybrid is listed under each of its parts.",
        rows,
        paths.REPRESENTATIONS,
    )


def venues_overview(catalog: Catalog) -> str:
    """All venue editions with their counts, grouped by kind."""
    uri = paths.VENUES
    parts = [
        _front("Venues", "Where the methods were published", exclude_from_search=True),
        "# Venues\n",
        "Where the methods were published, by kind of venue.\n",
    ]
    all_editions = editions(catalog)
    for kind in ("conference", "journal", "workshop", "preprint"):
        group = [e for e in all_editions if e.venue.kind == kind]
        if not group:
            continue
        parts.append(f"## {kind.capitalize()}s\n" if kind != "preprint" else "## Preprints\n")
        parts.append(
            "\n".join(f"- {link(e.label, uri, e.uri)} ({len(e.papers)}): {md(e.venue.name)}" for e in group) + "\n"
        )
    return "\n".join(parts)


def years_overview(catalog: Catalog) -> str:
    """All years with counts of methods published and first posted."""
    uri = paths.YEARS
    lines = []
    for year in years(catalog):
        published = sum(1 for p in catalog.papers if p.year == year)
        posted = sum(1 for p in catalog.papers if p.posted and p.posted.year == year)
        lines.append(f"- {link(str(year), uri, paths.year(year))}: {published} published, {posted} first posted")
    return "\n".join(
        [
            _front("Years", "Methods by year", exclude_from_search=True),
            "# Years\n",
            "Methods by year of publication and of first arXiv posting.\n",
            "\n".join(lines) + "\n",
        ]
    )


def tags_overview(catalog: Catalog) -> str:
    """All tags with definitions and counts, followed by Material's full tag index."""
    uri = paths.TAGS
    lines = [
        f"- {link(t.name, uri, paths.tag(t))} ({len(catalog.by_tag.get(t.id, ()))}): {md(t.definition)}"
        for t in catalog.taxonomy.tags
    ]
    return "\n".join(
        [
            _front("Tags", "Cross-cutting properties of the methods", exclude_from_search=True),
            "# Tags\n",
            "Cross-cutting properties that readers filter by. Each tag links to its methods.\n",
            "\n".join(lines) + "\n",
        ]
    )
