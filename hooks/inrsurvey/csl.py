"""CSL-JSON from the citation model: what citeproc (pandoc, Zotero, Mendeley) reads.

Titles are stored in sentence case with the .bib's brace-protected words in
`<span class="nocase">`, as CSL expects (styles that want title case convert it back); the
proceedings are the container and the conference the event (only where the proceedings'
title does not already identify it), so no style names a venue twice. Preprints are reports of
arXiv (`genre` "Preprint", `number` "arXiv:<id>"), which APA, IEEE and Chicago print.
"""

from __future__ import annotations

import re

from .citation import Citation
from .model import Person

_CAPITALISED = re.compile(r"^[A-Z][a-z]+[:.?!,;]*$")
_SENTENCE_END = re.compile(r"[:.?!]\s*$")


def _lower_word(word: str, sentence_start: bool) -> str:
    """One word in sentence case: capitalised parts lowercased, but a sentence's first part."""
    parts = word.split("-")
    return "-".join(
        part.lower() if _CAPITALISED.match(part) and not (index == 0 and sentence_start) else part
        for index, part in enumerate(parts)
    )


def sentence_case(parts: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, bool], ...]:
    """Lowercase the capitalised words a BibTeX style would lowercase, as citeproc stores titles.

    The first word and the first word after a colon keep their capital (not the later parts
    of a hyphenated word: `Pixel-aligned`); protected pieces and words with other capitals
    (`GANs`, `3D`) are left alone, as pandoc does when it reads a .bib.
    """
    out: list[tuple[str, bool]] = []
    sentence_start = True
    for text, protected in parts:
        if protected:
            out.append((text, True))
            sentence_start = bool(_SENTENCE_END.search(text))
            continue
        words = re.split(r"(\s+)", text)
        for index, word in enumerate(words):
            if not word or word.isspace():
                continue
            words[index] = _lower_word(word, sentence_start)
            sentence_start = bool(_SENTENCE_END.search(word))
        out.append(("".join(words), False))
    return tuple(out)


def _title(parts: tuple[tuple[str, bool], ...]) -> str:
    return Citation.title_html_of(sentence_case(parts))


def names_event(cite: Citation) -> bool:
    """Whether the container's title already names the conference (its name, or its id in parentheses).

    APA prints the event beside the container when there are no pages, so the event is written
    only where the proceedings' title does not identify it (`Advances in Neural Information
    Processing Systems (NeurIPS)` does).
    """
    container = cite.container.casefold()
    return cite.event.casefold() in container or f"({cite.venue_id.casefold()})" in container


def csl_fields(cite: Citation) -> dict[str, object]:
    """The CSL-JSON variables of one citation (without `id` and `type`)."""
    item: dict[str, object] = {
        "title": _title(cite.title_parts),
        "author": [_csl_name(a) for a in cite.authors],
    }
    if cite.year:
        item["issued"] = {"date-parts": [[cite.year]]}
    if cite.preprint:
        item["publisher"] = "arXiv"
        item["genre"] = "Preprint"
        if cite.arxiv:
            item["number"] = f"arXiv:{cite.arxiv}"
    else:
        item["container-title"] = cite.container
        if cite.event and not names_event(cite):
            item["event-title"] = cite.event
    for name, value in (
        ("page", cite.pages),
        ("volume", cite.volume),
        ("issue", cite.issue),
        ("publisher", cite.publisher),
        ("DOI", cite.doi),
        ("URL", cite.url),
    ):
        if value:
            item[name] = value
    return item


def _csl_name(person: Person) -> dict[str, str]:
    """A CSL name: a BibTeX `von` part is a dropping particle, as pandoc reads the .bib (`Lutio, R. de`)."""
    if not person.first:
        return {"literal": person.family}
    name = {"family": person.last, "given": person.first}
    if person.von:
        name["dropping-particle"] = person.von
    return name
