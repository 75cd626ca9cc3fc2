"""Small text helpers shared by the renderers: escaping, names, labels, links."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping, Sequence

import yaml

from ..markup import CODE
from ..model import Catalog, Paper, Person, Venue


def outside_code(markdown: str, transform: Callable[[str], str]) -> str:
    """Apply `transform` to the parts of Markdown outside code spans and fenced blocks."""
    parts = CODE.split(markdown)
    return "".join(part if index % 2 else transform(part) for index, part in enumerate(parts))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>:])")
"""Exactly the characters Python-Markdown (with the site's extensions) lets a backslash escape."""


def esc(text: str) -> str:
    """Escape text for HTML (element content and quoted attribute values)."""
    return html.escape(text, quote=True)


def md(text: str) -> str:
    """Escape text so Markdown shows it literally: HTML-escaped and Markdown-escaped.

    Data from papers/ goes through this (or `esc`) wherever a page shows it, so a
    title such as `<script>` or `*bold*` is displayed as typed, never interpreted.
    """
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")


def meta_text(text: str) -> str:
    """Text for `title` and `description` front matter, which themes print unescaped."""
    return html.escape(" ".join(text.split()), quote=True)


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: Mapping[str, object]) -> str:
    """YAML front matter (`---` block) for a generated page, keys sorted."""
    return "---\n" + yaml.dump(dict(meta), Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=1000) + "---\n"


def page_front(title: str, description: str, **extra: object) -> str:
    """Front matter with an escaped title and description, plus any other keys."""
    return front_matter({"title": meta_text(title), "description": meta_text(description), **extra})


def rel(from_uri: str, to_uri: str) -> str:
    """Relative link from one generated `.md` file to another (MkDocs checks these).

    Both URIs are normalised paths relative to docs/ (no `.` or `..` parts), so the
    link is found by dropping the common folders: `rel("tasks/a.md", "methods/b.md")`
    gives `../methods/b.md`.
    """
    here = from_uri.split("/")[:-1]
    there = to_uri.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def title_after_name(paper: Paper) -> str:
    """The title without a leading `Name:` that only repeats the method's name.

    So that `Name: title` reads once (`Zip-NeRF: Anti-Aliased ...`, not
    `Zip-NeRF: Zip-NeRF: ...`).
    """
    head, colon, rest = paper.title.partition(":")
    return rest.strip() if colon and rest.strip() and head.strip().casefold() == paper.name.casefold() else paper.title


def link(label: str, from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A Markdown link with an escaped label to another page of the site."""
    target = rel(from_uri, to_uri) + (f"#{anchor}" if anchor else "")
    return f"[{md(label)}]({target})"


def ext_link(label: str, url: str) -> str:
    """A Markdown link to another site, opened safely (`rel="noopener"`)."""
    safe = url.replace(" ", "%20").replace(")", "%29").replace("(", "%28").replace("<", "%3C").replace(">", "%3E")
    return f'[{md(label)}](<{safe}>){{: rel="noopener" }}'


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
    return f"{venue.id} {year}" if year else venue.id


def edition_slug(venue: Venue, year: int | None) -> str:
    """Slug of a venue edition page: `cvpr-2021`, or `arxiv` for all preprints."""
    if venue.kind == "preprint" or not year:
        return venue.slug
    return f"{venue.slug}-{year}"


def long_date(day: dt.date) -> str:
    """`19 March 2020`."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def plain_citation(catalog: Catalog, paper: Paper) -> str:
    """A one-line citation for slides and e-mails: authors, title, venue, year."""
    venue = paper.joined.venue
    where = f"arXiv:{paper.arxiv}" if venue.kind == "preprint" and paper.arxiv else venue.id
    authors = author_short(paper.authors, paper.entry.et_al).removesuffix(".")
    return f"{authors}. {paper.title}. {where}, {paper.year}."
