"""How papers, people, venues and dates are written in running text and citations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..model import Catalog, Paper, Person, Venue


def counted(count: int, noun: str, plural: str = "") -> str:
    """`count` with its noun in the right number: `1 method`, `2 methods`."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def title_after_name(paper: Paper) -> str:
    """The title without a leading `Name:` that only repeats the method's name.

    So that `Name: title` reads once (`Zip-NeRF: Anti-Aliased ...`, not
    `Zip-NeRF: Zip-NeRF: ...`).
    """
    head, colon, rest = paper.title.partition(":")
    return rest.strip() if colon and rest.strip() and head.strip().casefold() == paper.name.casefold() else paper.title


def author_list(people: Sequence[Person], et_al: bool = False) -> str:
    """All authors as `A, B and C` (`A, B, C et al.` when the list ends with `and others`)."""
    names = [p.display for p in people]
    if et_al:
        return ", ".join(names) + " et al."
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def author_short(people: Sequence[Person], et_al: bool = False) -> str:
    """`Family et al.` (or `A and B` for two authors)."""
    if not people:
        return ""
    if et_al:
        return f"{people[0].family} et al."
    if len(people) == 1:
        return people[0].family
    if len(people) == 2:
        return f"{people[0].family} and {people[1].family}"
    return f"{people[0].family} et al."


def venue_label(venue: Venue, year: int | None) -> str:
    """`CVPR 2021`, or `arXiv preprint` for preprints."""
    if venue.kind == "preprint":
        return "arXiv preprint"
    return f"{venue.label} {year}" if year else venue.label


def long_date(day: dt.date) -> str:
    """`19 March 2020`."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def plain_citation(catalog: Catalog, paper: Paper) -> str:
    """A one-line citation for slides and e-mails: authors, title, venue, year."""
    venue = paper.joined.venue
    where = f"arXiv:{paper.arxiv}" if venue.kind == "preprint" and paper.arxiv else venue.label
    authors = author_short(paper.authors, paper.entry.et_al).removesuffix(".")
    return f"{authors}. {paper.title}. {where}, {paper.year}."
