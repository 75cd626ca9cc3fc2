"""Immutable domain objects: taxonomy terms, venues, papers and the catalog.

This module imports neither MkDocs nor bibtexparser, so every other module can
depend on it and tests can build objects by hand.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from functools import cached_property
from types import MappingProxyType

from .identifiers import printable

VENUE_KINDS = ("conference", "journal", "workshop", "preprint")
"""The kinds a venue can be, in display order."""


def slugify(text: str) -> str:
    """Return the URL slug of a display name.

    Lowercase ASCII letters and digits, `+` spelled `plus`, a hyphen that ends the
    name spelled `minus`, every other run of characters one hyphen: `NeRF++` gives
    `nerf-plus-plus`, `NeRF--` gives `nerf-minus-minus`, `2.5D Vision` gives
    `2-5d-vision`.
    """
    stem = text.rstrip().rstrip("-")
    text = stem + " minus" * (len(text.rstrip()) - len(stem)) if stem else text
    text = text.replace("+", " plus ")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


ARXIV_NEW = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
ARXIV_OLD = re.compile(r"^[a-z-]+(\.[A-Z]{2})?/(\d{2})(\d{2})\d{3}$")


def arxiv_yymm(arxiv_id: str) -> tuple[int, int] | None:
    """The (year, month) an arXiv identifier encodes, or None if it is malformed."""
    match = ARXIV_NEW.match(arxiv_id)
    if match:
        yy, mm = int(match.group(1)), int(match.group(2))
        digits = len(arxiv_id.partition(".")[2])
        if digits != (5 if (yy, mm) >= (15, 1) else 4):
            return None
    else:
        match = ARXIV_OLD.match(arxiv_id)
        if not match:
            return None
        yy, mm = int(match.group(2)), int(match.group(3))
    if not 1 <= mm <= 12:
        return None
    return (2000 + yy if yy < 91 else 1900 + yy), mm


BODY_LINE = "(body)"
"""The key of `Paper.lines` that holds the line where the summary starts (no front-matter key has parentheses)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the source data, located as precisely as known.

    `code` is stable (tests and CI annotations rely on it); `message` says what
    to do about it.
    """

    path: str
    line: int | None
    code: str
    message: str

    def __post_init__(self) -> None:
        """Every problem prints on one line, whatever value its message quotes."""
        object.__setattr__(self, "path", printable(self.path))
        object.__setattr__(self, "message", printable(self.message))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.code}: {self.message}"


@dataclass(frozen=True)
class Term:
    """A field or a task of the taxonomy."""

    name: str
    definition: str

    @property
    def slug(self) -> str:
        """The term's URL slug."""
        return slugify(self.name)


@dataclass(frozen=True)
class SurveyLabel:
    """How the original survey listed a method: its label, field and task (provenance)."""

    label: str
    field: str
    task: str


@dataclass(frozen=True)
class Tag:
    """A cross-cutting property that readers filter by."""

    id: str
    name: str
    definition: str


@dataclass(frozen=True)
class Representation:
    """What a model is made of (an MLP, a voxel grid, Gaussians, ...): one value of the representation facet."""

    id: str
    name: str
    definition: str

    @property
    def slug(self) -> str:
        """The representation's URL slug (its id)."""
        return self.id


@dataclass(frozen=True)
class BuildsOn:
    """A link to a method of the survey that this one extends, with where its paper says so."""

    method: str
    where: str = ""


@dataclass(frozen=True)
class Venue:
    """A venue series (CVPR, NeurIPS, a journal, or arXiv for preprints)."""

    id: str
    name: str
    bibtex: str
    kind: str
    short: str = ""

    @property
    def slug(self) -> str:
        """The venue's URL slug."""
        return slugify(self.id)

    @property
    def label(self) -> str:
        """How the venue is written in running text: its `short` name (`SIGGRAPH Asia`), else its id."""
        return self.short or self.id

    @property
    def peer_reviewed(self) -> bool:
        """Whether papers at this venue went through peer review."""
        return self.kind != "preprint"


@dataclass(frozen=True)
class Taxonomy:
    """The controlled vocabulary of `papers/taxonomy.yml`, in file order."""

    fields: tuple[Term, ...]
    tasks: tuple[Term, ...]
    tags: tuple[Tag, ...]
    venues: tuple[Venue, ...]
    representations: tuple[Representation, ...] = ()
    unusable_venues: tuple[tuple[str, str], ...] = ()
    """Venues taxonomy.yml lists but that cannot be used (an unknown kind), as (id, why):
    they are not in `venues`, and a method naming one is told why."""

    @cached_property
    def _index(self) -> Mapping[str, Mapping[str, Term | Tag | Venue | Representation]]:
        # First definition wins, as the loader reports later duplicates.
        def first(
            pairs: Iterable[tuple[str, Term | Tag | Venue | Representation]],
        ) -> Mapping[str, Term | Tag | Venue | Representation]:
            found: dict[str, Term | Tag | Venue | Representation] = {}
            for key, value in pairs:
                found.setdefault(key, value)
            return MappingProxyType(found)

        return {
            "field": first((t.name, t) for t in self.fields),
            "task": first((t.name, t) for t in self.tasks),
            "tag": first((t.id, t) for t in self.tags),
            "venue": first((v.id, v) for v in self.venues),
            "representation": first((r.id, r) for r in self.representations),
        }

    def field(self, name: str) -> Term | None:
        """The field called `name`, if any."""
        return self._index["field"].get(name)  # type: ignore[return-value]

    def task(self, name: str) -> Term | None:
        """The task called `name`, if any."""
        return self._index["task"].get(name)  # type: ignore[return-value]

    def tag(self, tag_id: str) -> Tag | None:
        """The tag with id `tag_id`, if any."""
        return self._index["tag"].get(tag_id)  # type: ignore[return-value]

    def venue(self, venue_id: str) -> Venue | None:
        """The venue with id `venue_id`, if any."""
        return self._index["venue"].get(venue_id)  # type: ignore[return-value]

    def unusable_venue(self, venue_id: str) -> str | None:
        """Why the venue `venue_id`, listed in taxonomy.yml, cannot be used; None if it is not so listed."""
        return next((why for vid, why in self.unusable_venues if vid == venue_id), None)

    def representation(self, rep_id: str) -> Representation | None:
        """The representation with id `rep_id`, if any."""
        return self._index["representation"].get(rep_id)  # type: ignore[return-value]


@dataclass(frozen=True)
class Person:
    """One author, split into BibTeX name parts and decoded for display."""

    first: str
    von: str
    last: str
    jr: str = ""

    @property
    def display(self) -> str:
        """`First von Last, Jr` as a reader writes it."""
        name = " ".join(p for p in (self.first, self.von, self.last) if p)
        return f"{name}, {self.jr}" if self.jr else name

    @property
    def family(self) -> str:
        """The family name with its particle (`van Gool`)."""
        return " ".join(p for p in (self.von, self.last) if p)


@dataclass(frozen=True)
class BibEntry:
    """One BibTeX entry: raw field values for export, decoded ones for display.

    `fields` holds the values exactly as written in the source (without the
    enclosing braces), in the source order; `display` holds the decoded text of
    the fields the site shows. `lines` maps field names to their source line.
    """

    key: str
    entry_type: str
    fields: tuple[tuple[str, str], ...]
    display: Mapping[str, str]
    authors: tuple[Person, ...]
    line: int = 1
    lines: Mapping[str, int] = dc_field(default_factory=lambda: MappingProxyType({}))

    @cached_property
    def _by_name(self) -> dict[str, str]:
        return dict(self.fields)

    def get(self, name: str, default: str = "") -> str:
        """The raw value of field `name`, or `default`."""
        return self._by_name.get(name, default)

    @property
    def et_al(self) -> bool:
        """Whether the author list ends with `and others` (more authors than listed)."""
        return bool(re.search(r"\band\s+others\s*$", self.get("author")))

    def text(self, name: str) -> str:
        """The decoded display text of field `name` (raw value if not decoded)."""
        return self.display.get(name, self.get(name))


@dataclass(frozen=True)
class CodeLink:
    """A code repository of a method."""

    url: str
    framework: str = ""
    official: bool = True


@dataclass(frozen=True)
class References:
    """The taxonomy terms a paper names, joined once when the catalog is built."""

    venue: Venue
    field: Term
    tasks: tuple[Term, ...]
    tags: tuple[Tag, ...]
    representations: tuple[Representation, ...] = ()

    @property
    def task(self) -> Term:
        """The primary task."""
        return self.tasks[0]


@dataclass(frozen=True)
class Paper:
    """One method of the survey: the front matter, the summary and its BibTeX entry.

    `field`, `tasks` (primary first), `venue`, `tags`, `representation` and `builds_on`
    hold the names, ids and slugs as written; in a catalog, `refs` holds the taxonomy
    objects they name (and `Catalog.builds_on` the papers).
    """

    slug: str
    name: str
    field: str
    tasks: tuple[str, ...]
    venue: str
    entry: BibEntry
    body: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    posted: dt.date | None = None
    added: dt.date | None = None
    code: tuple[CodeLink, ...] = ()
    project: str = ""
    representation: tuple[str, ...] = ()
    key_idea: str = ""
    builds_on: tuple[BuildsOn, ...] = ()
    builds_on_none: str = ""
    corrections: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    survey: SurveyLabel | None = None
    results: tuple[Result, ...] | None = None
    """Benchmark results; None when not entered yet, empty when the paper reports none."""
    md_path: str = ""
    bib_path: str = ""
    lines: Mapping[str, int] = dc_field(default_factory=lambda: MappingProxyType({}))
    refs: References | None = dc_field(default=None, compare=False, repr=False)

    @property
    def joined(self) -> References:
        """The taxonomy objects this paper names: its venue, field, task and tags.

        Set by `Catalog.of`; a paper whose venue, field or task is not in the taxonomy has
        none (validation reports it, and no page is rendered for it).

        Raises:
            LookupError: if the paper was not joined to a taxonomy.
        """
        if self.refs is None:
            raise LookupError(f"{self.md_path or self.slug}: not joined to the taxonomy (unknown venue, field or task)")
        return self.refs

    @property
    def task(self) -> str:
        """The primary task: the first of `tasks`."""
        return self.tasks[0] if self.tasks else ""

    @property
    def builds_on_slugs(self) -> tuple[str, ...]:
        """The slugs of the methods this one builds on, in the order listed."""
        return tuple(b.method for b in self.builds_on)

    @property
    def first_year(self) -> int | None:
        """The year of the first posting: `posted`, else the year its arXiv identifier encodes, else the cited year."""
        if self.posted:
            return self.posted.year
        yymm = arxiv_yymm(self.arxiv)
        return yymm[0] if yymm else self.year

    @property
    def key(self) -> str:
        """The citation key."""
        return self.entry.key

    @property
    def title(self) -> str:
        """The full title, decoded for display."""
        return self.entry.text("title")

    @property
    def authors(self) -> tuple[Person, ...]:
        """The authors, in order."""
        return self.entry.authors

    @cached_property
    def year(self) -> int | None:
        """The year of the cited (published) version."""
        value = self.entry.get("year")
        return int(value) if value.isdigit() else None

    @property
    def arxiv(self) -> str:
        """The arXiv identifier, or an empty string."""
        return self.entry.get("eprint")

    @property
    def doi(self) -> str:
        """The DOI, or an empty string."""
        return self.entry.get("doi")

    @property
    def has_official_code(self) -> bool:
        """Whether an official code repository is listed."""
        return any(c.official for c in self.code)

    @property
    def paper_url(self) -> str:
        """The best link to the paper: DOI, then official URL, then arXiv."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.entry.get("url"):
            return self.entry.get("url")
        return f"https://arxiv.org/abs/{self.arxiv}" if self.arxiv else ""

    @property
    def sort_date(self) -> dt.date:
        """First posting date, else the month of the arXiv number, else 1 January of the year."""
        if self.posted:
            return self.posted
        yymm = arxiv_yymm(self.arxiv)
        if yymm:
            return dt.date(yymm[0], yymm[1], 1)
        return dt.date(self.year or 1900, 1, 1)


@dataclass(frozen=True)
class Metric:
    """A quantity benchmarks report: its direction, unit, printed precision and valid range."""

    id: str
    name: str
    unit: str
    higher_is_better: bool
    decimals: int
    low: float
    high: float

    def better(self, a: float, b: float) -> bool:
        """Whether value `a` is strictly better than `b` under this metric."""
        return a > b if self.higher_is_better else a < b


@dataclass(frozen=True)
class Benchmark:
    """A dataset and protocol that results are reported on, declared once in `papers/benchmarks.yml`."""

    id: str
    name: str
    scenes: tuple[str, ...]
    protocol: str
    metrics: tuple[str, ...]
    main: str
    tasks: tuple[str, ...] = ()
    dataset_method: str = ""
    """The survey method whose paper introduced the dataset, if it is in the survey."""
    dataset_entry: BibEntry | None = None
    """The dataset paper's BibTeX entry, when it is not a survey method."""
    line: int | None = None


@dataclass(frozen=True)
class Result:
    """Numbers a method's own paper reports on one benchmark, exactly as printed."""

    benchmark: str
    where: str
    values: tuple[tuple[str, str], ...]
    variant: str = ""
    protocol: str = ""
    scenes: tuple[str, ...] = ()
    train_time: str = ""
    render_speed: str = ""
    hardware: str = ""
    line: int | None = None

    def value(self, metric: str) -> str:
        """The printed value of `metric`, or an empty string."""
        return dict(self.values).get(metric, "")


@dataclass(frozen=True)
class Benchmarks:
    """The metrics and benchmarks of `papers/benchmarks.yml`, in file order."""

    metrics: tuple[Metric, ...] = ()
    benchmarks: tuple[Benchmark, ...] = ()
    path: str = "papers/benchmarks.yml"

    @cached_property
    def metric_by_id(self) -> Mapping[str, Metric]:
        """Metrics by id."""
        return MappingProxyType({m.id: m for m in self.metrics})

    @cached_property
    def by_id(self) -> Mapping[str, Benchmark]:
        """Benchmarks by id."""
        return MappingProxyType({b.id: b for b in self.benchmarks})


def _group(papers: Iterable[Paper], key: str) -> Mapping[str, tuple[Paper, ...]]:
    groups: dict[str, list[Paper]] = {}
    for paper in papers:
        values = getattr(paper, key)
        for value in values if isinstance(values, tuple) else (values,):
            groups.setdefault(value, []).append(paper)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


def survey_order(taxonomy: Taxonomy) -> Callable[[Paper], tuple[object, ...]]:
    """The survey's sort key: field and task in taxonomy order, first posting, name, slug."""
    fields = {t.name: i for i, t in enumerate(taxonomy.fields)}
    tasks = {t.name: i for i, t in enumerate(taxonomy.tasks)}
    return lambda p: (
        fields.get(p.field, len(fields)),
        tasks.get(p.task, len(tasks)),
        p.sort_date,
        p.name.lower(),
        p.slug,
    )


def join(taxonomy: Taxonomy, paper: Paper) -> Paper:
    """The paper joined to the taxonomy objects it names.

    Unknown tags, representations and further tasks are left out (validation reports them);
    a paper whose venue, field or primary task is not in the taxonomy gets no `refs`.
    """
    venue, field, task = taxonomy.venue(paper.venue), taxonomy.field(paper.field), taxonomy.task(paper.task)
    if venue is None or field is None or task is None:
        return replace(paper, refs=None)
    tasks = tuple(dict.fromkeys(t for t in (taxonomy.task(n) for n in paper.tasks) if t is not None))
    tags = tuple(t for t in (taxonomy.tag(i) for i in paper.tags) if t is not None)
    reps = tuple(r for r in (taxonomy.representation(i) for i in paper.representation) if r is not None)
    return replace(paper, refs=References(venue, field, tasks, tags, reps))


@dataclass(frozen=True)
class Catalog:
    """All papers of the survey with the taxonomy; lookup indexes are computed once, on first use.

    Build one with `Catalog.of`, which joins each paper to the taxonomy and puts the papers
    in the survey's order: by field and task (taxonomy order), then by first posting date,
    then by name.
    """

    taxonomy: Taxonomy
    papers: tuple[Paper, ...]
    benchmarks: Benchmarks = Benchmarks()

    @classmethod
    def of(cls, taxonomy: Taxonomy, papers: Iterable[Paper], benchmarks: Benchmarks | None = None) -> Catalog:
        """The catalog of `papers`: joined to `taxonomy`, in the survey's order."""
        ordered = tuple(sorted((join(taxonomy, p) for p in papers), key=survey_order(taxonomy)))
        return cls(taxonomy, ordered, benchmarks or Benchmarks())

    @cached_property
    def results_by_benchmark(self) -> Mapping[str, tuple[tuple[Paper, Result], ...]]:
        """For each benchmark id, the (paper, result) pairs reported on it, in survey order."""
        found: dict[str, list[tuple[Paper, Result]]] = {}
        for paper in self.papers:
            for result in paper.results or ():
                found.setdefault(result.benchmark, []).append((paper, result))
        return MappingProxyType({k: tuple(v) for k, v in found.items()})

    @cached_property
    def by_slug(self) -> Mapping[str, Paper]:
        """Papers by slug."""
        return MappingProxyType({p.slug: p for p in self.papers})

    @cached_property
    def by_field(self) -> Mapping[str, tuple[Paper, ...]]:
        """Papers by field name, in survey order."""
        return _group(self.papers, "field")

    @cached_property
    def by_task(self) -> Mapping[str, tuple[Paper, ...]]:
        """Papers by task name, each under every task it addresses, in survey order."""
        return _group(self.papers, "tasks")

    @cached_property
    def by_representation(self) -> Mapping[str, tuple[Paper, ...]]:
        """Papers by representation id, in survey order."""
        return _group(self.papers, "representation")

    @cached_property
    def by_tag(self) -> Mapping[str, tuple[Paper, ...]]:
        """Papers by tag id, in survey order."""
        return _group(self.papers, "tags")

    @cached_property
    def by_venue(self) -> Mapping[str, tuple[Paper, ...]]:
        """Papers by venue id, in survey order."""
        return _group(self.papers, "venue")

    @cached_property
    def built_on_by(self) -> Mapping[str, tuple[Paper, ...]]:
        """For each slug, the papers that name it in `builds_on`."""
        reverse: dict[str, list[Paper]] = {}
        for paper in self.papers:
            for target in paper.builds_on_slugs:
                reverse.setdefault(target, []).append(paper)
        return MappingProxyType({k: tuple(v) for k, v in reverse.items()})

    def builds_on(self, paper: Paper) -> tuple[Paper, ...]:
        """The papers of the catalog that `paper` builds on, in the order it lists them."""
        return tuple(self.by_slug[s] for s in paper.builds_on_slugs if s in self.by_slug)

    @cached_property
    def task_timeline(self) -> Mapping[str, tuple[Paper, ...]]:
        """Each task's papers by first posting date."""
        return MappingProxyType(
            {task: tuple(sorted(group, key=lambda p: (p.sort_date, p.slug))) for task, group in self.by_task.items()}
        )

    @cached_property
    def timeline_index(self) -> Mapping[tuple[str, str], int]:
        """Each paper's position in the timeline of each of its tasks, by (task, slug)."""
        return MappingProxyType(
            {(task, p.slug): i for task, group in self.task_timeline.items() for i, p in enumerate(group)}
        )

    def nearest_in_task(self, paper: Paper, count: int) -> tuple[Paper, ...]:
        """Up to `count` other methods of the paper's primary task, nearest in first-posting date.

        Uses the per-task timeline built once, so each call costs O(count).
        """
        group = self.task_timeline.get(paper.task, ())
        index = self.timeline_index.get((paper.task, paper.slug))
        if index is None or index >= len(group) or group[index].slug != paper.slug:
            return ()
        left, right = index - 1, index + 1
        chosen: list[Paper] = []
        while len(chosen) < count and (left >= 0 or right < len(group)):
            before = group[left] if left >= 0 else None
            after = group[right] if right < len(group) else None
            if after is None or (
                before is not None and (paper.sort_date - before.sort_date) <= (after.sort_date - paper.sort_date)
            ):
                assert before is not None
                chosen.append(before)
                left -= 1
            else:
                chosen.append(after)
                right += 1
        return tuple(sorted(chosen, key=lambda p: (p.sort_date, p.slug)))

    def __len__(self) -> int:
        return len(self.papers)
