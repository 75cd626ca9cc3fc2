"""Immutable domain objects: taxonomy terms, venues, papers and the catalog.

This module imports neither MkDocs nor bibtexparser, so every other module can
depend on it and tests can build objects by hand.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import cached_property
from types import MappingProxyType

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
class Venue:
    """A venue series (CVPR, NeurIPS, a journal, or arXiv for preprints)."""

    id: str
    name: str
    bibtex: str
    kind: str

    @property
    def slug(self) -> str:
        """The venue's URL slug."""
        return slugify(self.id)

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

    def field(self, name: str) -> Term | None:
        """The field called `name`, if any."""
        return next((t for t in self.fields if t.name == name), None)

    def task(self, name: str) -> Term | None:
        """The task called `name`, if any."""
        return next((t for t in self.tasks if t.name == name), None)

    def tag(self, tag_id: str) -> Tag | None:
        """The tag with id `tag_id`, if any."""
        return next((t for t in self.tags if t.id == tag_id), None)

    def venue(self, venue_id: str) -> Venue | None:
        """The venue with id `venue_id`, if any."""
        return next((v for v in self.venues if v.id == venue_id), None)


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
class Paper:
    """One method of the survey: the front matter, the summary and its BibTeX entry."""

    slug: str
    name: str
    field: str
    task: str
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
    builds_on: tuple[str, ...] = ()
    corrections: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    survey: SurveyLabel | None = None
    md_path: str = ""
    bib_path: str = ""
    lines: Mapping[str, int] = dc_field(default_factory=lambda: MappingProxyType({}))

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


def _group(papers: Iterable[Paper], key: str) -> Mapping[str, tuple[Paper, ...]]:
    groups: dict[str, list[Paper]] = {}
    for paper in papers:
        values = getattr(paper, key)
        for value in values if isinstance(values, tuple) else (values,):
            groups.setdefault(value, []).append(paper)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


@dataclass(frozen=True)
class Catalog:
    """All papers of the survey with the taxonomy and lookup indexes built once.

    `papers` is in the survey's order: by field and task (taxonomy order), then
    by first posting date, then by name.
    """

    taxonomy: Taxonomy
    papers: tuple[Paper, ...]
    by_slug: Mapping[str, Paper] = dc_field(init=False, repr=False, compare=False)
    by_field: Mapping[str, tuple[Paper, ...]] = dc_field(init=False, repr=False, compare=False)
    by_task: Mapping[str, tuple[Paper, ...]] = dc_field(init=False, repr=False, compare=False)
    by_tag: Mapping[str, tuple[Paper, ...]] = dc_field(init=False, repr=False, compare=False)
    by_venue: Mapping[str, tuple[Paper, ...]] = dc_field(init=False, repr=False, compare=False)
    built_on_by: Mapping[str, tuple[Paper, ...]] = dc_field(
        init=False, repr=False, compare=False
    )
    task_timeline: Mapping[str, tuple[Paper, ...]] = dc_field(init=False, repr=False, compare=False)
    timeline_index: Mapping[str, int] = dc_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        order = {
            "field": {t.name: i for i, t in enumerate(self.taxonomy.fields)},
            "task": {t.name: i for i, t in enumerate(self.taxonomy.tasks)},
        }
        papers = tuple(
            sorted(
                self.papers,
                key=lambda p: (
                    order["field"].get(p.field, len(order["field"])),
                    order["task"].get(p.task, len(order["task"])),
                    p.sort_date,
                    p.name.lower(),
                    p.slug,
                ),
            )
        )
        object.__setattr__(self, "papers", papers)
        object.__setattr__(self, "by_slug", MappingProxyType({p.slug: p for p in papers}))
        object.__setattr__(self, "by_field", _group(papers, "field"))
        object.__setattr__(self, "by_task", _group(papers, "task"))
        object.__setattr__(self, "by_tag", _group(papers, "tags"))
        object.__setattr__(self, "by_venue", _group(papers, "venue"))
        reverse: dict[str, list[Paper]] = {}
        for paper in papers:
            for target in paper.builds_on:
                reverse.setdefault(target, []).append(paper)
        object.__setattr__(
            self, "built_on_by", MappingProxyType({k: tuple(v) for k, v in reverse.items()})
        )
        timeline = {task: tuple(sorted(group, key=lambda p: (p.sort_date, p.slug))) for task, group in self.by_task.items()}
        object.__setattr__(self, "task_timeline", MappingProxyType(timeline))
        object.__setattr__(
            self, "timeline_index", MappingProxyType({p.slug: i for group in timeline.values() for i, p in enumerate(group)})
        )

    def nearest_in_task(self, paper: Paper, count: int) -> tuple[Paper, ...]:
        """Up to `count` other methods of the paper's task, nearest in first-posting date.

        Uses the per-task timeline built once, so each call costs O(count).
        """
        group = self.task_timeline.get(paper.task, ())
        index = self.timeline_index.get(paper.slug)
        if index is None or index >= len(group) or group[index].slug != paper.slug:
            return ()
        left, right = index - 1, index + 1
        chosen: list[Paper] = []
        while len(chosen) < count and (left >= 0 or right < len(group)):
            before = group[left] if left >= 0 else None
            after = group[right] if right < len(group) else None
            if after is None or (before is not None and (paper.sort_date - before.sort_date) <= (after.sort_date - paper.sort_date)):
                assert before is not None
                chosen.append(before)
                left -= 1
            else:
                chosen.append(after)
                right += 1
        return tuple(sorted(chosen, key=lambda p: (p.sort_date, p.slug)))

    def __len__(self) -> int:
        return len(self.papers)
