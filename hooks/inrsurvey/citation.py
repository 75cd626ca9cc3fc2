"""The citation model: one verified entry read once, so that every writer says the same thing.

CSL-JSON, the `citation_*` meta tags, JSON-LD, the feed and `data/papers.json` all take their
authors, title, venue, year, pages, DOI and arXiv identifier from `Citation`, derived from the
paper's checked BibTeX entry and its venue in the taxonomy.
"""

from __future__ import annotations

from dataclasses import dataclass

from .bib import decode_latex_span
from .model import Paper, Person

ARXIV_ABS = "https://arxiv.org/abs/"
ARXIV_PDF = "https://arxiv.org/pdf/"


@dataclass(frozen=True)
class Citation:
    """What a citation of one paper says, decoded for display (the .bib keeps the LaTeX)."""

    key: str
    kind: str
    """The venue's kind: conference, workshop, journal or preprint."""
    title: str
    title_parts: tuple[tuple[str, bool], ...]
    """The title as decoded pieces; True where the .bib protects the piece's capitals with braces."""
    authors: tuple[Person, ...]
    et_al: bool
    year: int | None
    container: str
    """The proceedings' or the journal's name (empty for preprints)."""
    event: str
    """The conference's or workshop's name (empty for journals and preprints)."""
    venue_id: str
    volume: str
    issue: str
    first_page: str
    last_page: str
    publisher: str
    doi: str
    arxiv: str
    arxiv_class: str
    url: str
    """The paper's own address: its DOI, else its official page, else its arXiv abstract."""

    @property
    def preprint(self) -> bool:
        """Whether the cited version is an arXiv-only preprint."""
        return self.kind == "preprint"

    @property
    def pages(self) -> str:
        """`405-421` (a hyphen, as CSL and the meta tags want), or the single page."""
        return "-".join(p for p in (self.first_page, self.last_page) if p)

    @property
    def arxiv_url(self) -> str:
        """The arXiv abstract page, or an empty string."""
        return ARXIV_ABS + self.arxiv if self.arxiv else ""

    @property
    def arxiv_pdf(self) -> str:
        """The arXiv PDF, or an empty string."""
        return ARXIV_PDF + self.arxiv if self.arxiv else ""

    def title_html(self) -> str:
        """The title as CSL rich text: protected pieces in `<span class="nocase">`, the rest escaped."""
        return self.title_html_of(self.title_parts)

    @staticmethod
    def title_html_of(parts: tuple[tuple[str, bool], ...]) -> str:
        """Title pieces as CSL rich text (see `title_html`)."""

        # Only the markup characters are escaped: citeproc processors (pandoc among them) print
        # an entity such as `&amp;` literally, so `&` stays as it is.
        def rich(text: str) -> str:
            return text.replace("<", "&lt;").replace(">", "&gt;")

        return "".join(
            f'<span class="nocase">{rich(text)}</span>' if protected else rich(text) for text, protected in parts
        )


def title_pieces(raw: str) -> list[tuple[str, bool]]:
    r"""Split a raw BibTeX title into top-level pieces, marking the brace-protected ones.

    `{NeRF}: Representing` gives `[("{NeRF}", True), (": Representing", False)]`. A group that
    starts with a command (`{\"u}`, `{\em x}`) is markup, not protection.
    """
    pieces: list[tuple[str, bool]] = []
    start = depth = 0
    group_start = -1
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            if depth == 0 and not raw.startswith("\\", index + 1):
                if index > start:
                    pieces.append((raw[start:index], False))
                group_start = index
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0 and group_start >= 0:
                pieces.append((raw[group_start : index + 1], True))
                start = index + 1
                group_start = -1
        index += 1
    if start < len(raw):
        pieces.append((raw[start:], False))
    return pieces


def _decoded_title(raw: str) -> tuple[tuple[str, bool], ...]:
    parts: list[tuple[str, bool]] = []
    for text, protected in title_pieces(" ".join(raw.split())):
        decoded = decode_latex_span(text)
        if decoded:
            parts.append((decoded, protected))
    return tuple(parts)


def citation(paper: Paper) -> Citation:
    """The citation of a paper joined to the taxonomy (see `Paper.joined`)."""
    entry = paper.entry
    venue = paper.joined.venue
    first, _, last = entry.get("pages").partition("--")
    container = ""
    if venue.kind != "preprint":
        container = entry.text("journal") if venue.kind == "journal" else entry.text("booktitle")
        container = container or venue.bibtex or venue.name
    arxiv = paper.arxiv if entry.get("archiveprefix").lower() in ("arxiv", "") else ""
    return Citation(
        key=paper.key,
        kind=venue.kind,
        title=paper.title,
        title_parts=_decoded_title(entry.get("title")),
        authors=paper.authors,
        et_al=entry.et_al,
        year=paper.year,
        container=container,
        event=venue.name if venue.kind in ("conference", "workshop") else "",
        venue_id=venue.id,
        volume=entry.get("volume"),
        issue=entry.get("number"),
        first_page=first.strip(),
        last_page=last.strip(),
        publisher=entry.text("publisher"),
        doi=paper.doi,
        arxiv=arxiv,
        arxiv_class=entry.get("primaryclass"),
        url=paper.paper_url,
    )


def plain_title(parts: tuple[tuple[str, bool], ...]) -> str:
    """The display title the pieces make (the same text as `decode_latex` of the raw title)."""
    return " ".join("".join(text for text, _ in parts).split())
