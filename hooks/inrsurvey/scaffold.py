"""`inrsurvey new`: draft a method's two source files from one BibTeX entry.

The entry, as copied from arXiv, DBLP or Google Scholar, is normalised to the survey's
style; prompts mark what the contributor has to write.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from . import bib, bibstyle
from .frontmatter import PROMPT
from .identifiers import show, slug_problem
from .model import BibEntry, Catalog, Taxonomy, Venue, slugify
from .schema import KEY_IDEA_WORDS

_ARXIV_IN_TEXT = re.compile(r"(?:arXiv[:\s]*|abs/|pdf/)(\d{4}\.\d{4,5})", re.IGNORECASE)


class ScaffoldError(ValueError):
    """The entry cannot become a method (unparsable, or already in the survey)."""


@dataclass(frozen=True)
class Scaffold:
    """The files `new` writes and the prompts left in them."""

    slug: str
    key: str
    md: str
    bib: str
    prompts: tuple[str, ...] = field(default=())


def _find_arxiv(fields: dict[str, str]) -> str:
    if fields.get("eprint") and re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?", fields["eprint"]):
        return re.sub(r"v\d+$", "", fields["eprint"])
    for name in ("journal", "howpublished", "url", "note", "volume", "archiveprefix"):
        match = _ARXIV_IN_TEXT.search(fields.get(name, ""))
        if match:
            return match.group(1)
    return ""


_ABBREVIATIONS = {
    "trans.": "transactions on",
    "graph.": "graphics",
    "proc.": "proceedings",
    "conf.": "conference",
    "int.": "international",
    "intl.": "international",
    "comput.": "computer",
    "vis.": "vision",
    "anal.": "analysis",
    "mach.": "machine",
    "intell.": "intelligence",
    "imaging.": "imaging",
}
"""ISO 4 abbreviations that publishers' entries use in venue names (`ACM Trans. Graph.`)."""


def _venue_text(text: str) -> str:
    """A booktitle or journal made comparable: decoded, lowercase, abbreviations written out, years dropped."""
    plain = bib.decode_latex(text).lower()
    plain = " ".join(_ABBREVIATIONS.get(word, word) for word in plain.split())
    return " ".join(re.sub(r"\b(19|20)\d\d\b", " ", plain).split())


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"\b(acm|ieee|cvf|the|of)\b", " ", text.lower()))


def _names_venue(venue: Venue, plain: str) -> bool:
    """Whether the normalised text names the venue: by id, full name, or BibTeX string."""
    short = venue.id.lower().rstrip("w") if venue.kind == "workshop" else venue.id.lower()
    core = re.sub(r"\s*\([^)]*\)$", "", venue.bibtex).lower()
    return bool(
        re.search(rf"(^|[^a-z0-9]){re.escape(short)}([^a-z0-9]|$)", plain)
        or venue.name.lower() in plain
        or (core and core in plain)
        or _squash(venue.name) == _squash(plain)
    )


def match_venue(taxonomy: Taxonomy, fields: dict[str, str]) -> Venue | None:
    """The taxonomy venue a booktitle or journal names.

    Matched by id, by full name or by its BibTeX string, with publishers' abbreviations
    written out and years set aside.
    """
    text = fields.get("booktitle") or fields.get("journal") or ""
    if not text or re.search(r"\barxiv\b|\bcorr\b", text, re.IGNORECASE):
        return taxonomy.venue("arXiv") if _find_arxiv(fields) else None
    plain = _venue_text(text)
    if not plain:
        return None
    workshop = "workshop" in plain
    candidates = [
        v
        for v in taxonomy.venues
        if v.kind != "preprint" and workshop == (v.kind == "workshop") and _names_venue(v, plain)
    ]
    # A series and its more specific sibling (SIGGRAPH, SIGGRAPHAsia) both match: the longer id names more.
    longest = sorted(candidates, key=lambda v: -len(v.id))
    if len(longest) > 1 and len(longest[0].id) > len(longest[1].id) and longest[1].id.lower() in longest[0].id.lower():
        return longest[0]
    return candidates[0] if len(candidates) == 1 else None


def _protect_title(title: str) -> str:
    for word in sorted(set(bibstyle.unprotected_words(title)), key=len, reverse=True):
        title = re.sub(rf"(?<![{{\w]){re.escape(word)}(?![\w}}])", "{" + word + "}", title)
    return title


def _name_from_title(title: str) -> str:
    head, sep, _ = bib.decode_latex(title).partition(":")
    head = head.strip()
    if sep and 0 < len(head) <= 24 and len(head.split()) <= 3:
        return head
    return ""


def _duplicate(catalog: Catalog, arxiv: str, doi: str, title: str) -> str | None:
    norm = re.sub(r"[^a-z0-9]", "", bib.decode_latex(title).lower())
    for paper in catalog.papers:
        if arxiv and paper.arxiv == arxiv:
            return f"arXiv {arxiv} is already in the survey as {paper.md_path}"
        if doi and paper.doi.lower() == doi.lower():
            return f"DOI {doi} is already in the survey as {paper.md_path}"
        if norm and re.sub(r"[^a-z0-9]", "", paper.title.lower()) == norm:
            return f"the title is already in the survey as {paper.md_path}"
    return None


def _source_entry(text: str) -> BibEntry:
    """The one entry of the pasted text (a `ScaffoldError` otherwise)."""
    entries, problems = bib.parse_entries(text, "<input>")
    fatal = [p for p in problems if p.code in ("bib-syntax", "bib-entry-type", "bib-duplicate-key")]
    if fatal or len(entries) != 1:
        reasons = "; ".join(p.message for p in fatal) or f"found {len(entries)} entries"
        raise ScaffoldError(f"give exactly one BibTeX entry ({reasons})")
    return entries[0]


def _venue_fields(source: BibEntry, venue: Venue | None, arxiv: str, prompts: list[str]) -> tuple[str, dict[str, str]]:
    """The entry type and the venue fields (`booktitle`, `journal` or `howpublished`)."""
    fields = dict(source.fields)
    if venue is not None and venue.kind != "preprint":
        kind = "journal" if venue.kind == "journal" else "booktitle"
        return ("article" if venue.kind == "journal" else "inproceedings"), {kind: venue.bibtex}
    out: dict[str, str] = {}
    if venue is None:
        prompts.append(
            "venue (front matter) and booktitle/journal (.bib): no venue in taxonomy.yml matches "
            f"'{fields.get('booktitle') or fields.get('journal') or 'nothing'}'"
        )
        out = {name: fields[name] for name in ("booktitle", "journal") if fields.get(name)}
        return source.entry_type, out
    if arxiv:
        out["howpublished"] = f"arXiv preprint arXiv:{arxiv}"
    return "misc", out


def _bib_fields(source: BibEntry, entry_type: str, arxiv: str, doi: str, prompts: list[str]) -> dict[str, str]:
    """Volume, pages, year and the other kept fields; the DOI, URL and arXiv fields."""
    fields = dict(source.fields)
    out: dict[str, str] = {}
    kept = ("volume", "number", "pages", "year") + (("publisher",) if entry_type != "article" else ())
    for name in kept:  # @article has no publisher in biblatex's data model
        if fields.get(name):
            out[name] = fields[name].strip()
    if fields.get("articleno") and entry_type == "article":
        out["eid"] = fields["articleno"].strip()  # ACM's article number; biblatex calls it eid
    if out.get("pages"):
        out["pages"] = re.sub(r"\s*-+\s*", "--", out["pages"])
    if doi:
        out["doi"] = doi
    url = fields.get("url", "")
    if url and not doi and "arxiv.org" not in url:
        out["url"] = url
    if arxiv:
        out["eprint"] = arxiv
        out["archiveprefix"] = "arXiv"
        if fields.get("primaryclass"):
            out["primaryclass"] = fields["primaryclass"].strip()
        else:
            prompts.append(f"primaryclass (.bib, optional): the primary category on arxiv.org/abs/{arxiv}, e.g. cs.CV")
    else:
        prompts.append(
            "eprint and posted: the entry names no arXiv identifier; if the paper is on arXiv, add "
            "eprint = {ID} and archiveprefix = {arXiv} to the .bib and posted: (date of v1) to the front matter"
        )
    return out


def _front_matter(
    name: str, taxonomy: Taxonomy, venue: Venue | None, arxiv: str, doi: str, added: dt.date
) -> dict[str, object]:
    """The draft front matter: what the entry tells, and a `FILL IN` prompt for the rest."""
    meta: dict[str, object] = {
        "name": name,
        "field": f"{PROMPT}: one of " + ", ".join(t.name for t in taxonomy.fields),
        "tasks": [
            f"{PROMPT}: the primary task, then every further task the paper evaluates; names from "
            + ", ".join(t.name for t in taxonomy.tasks)
        ],
        "representation": [
            f"{PROMPT}: what the model is made of, ids from " + ", ".join(r.id for r in taxonomy.representations)
        ],
        "key_idea": f"{PROMPT}: what the method contributes, one sentence of at most {KEY_IDEA_WORDS} words",
        "tags": [f"{PROMPT}: tag ids from papers/taxonomy.yml whose rule applies"],
        "venue": venue.id if venue else f"{PROMPT}: a venue id from papers/taxonomy.yml",
        "inputs": [f"{PROMPT}: what the network takes"],
        "outputs": [f"{PROMPT}: what the network predicts"],
    }
    if arxiv:
        meta["posted"] = f"{PROMPT}: date of arXiv v1 ({arxiv}), YYYY-MM-DD"
    meta["code"] = [
        {
            "url": f"{PROMPT}: official repository URL, or remove 'code'",
            "framework": f"{PROMPT}: PyTorch, TensorFlow, JAX, ...",
            "official": True,
        }
    ]
    where = ", ".join([f"https://arxiv.org/abs/{arxiv}"] * bool(arxiv) + [f"https://doi.org/{doi}"] * bool(doi))
    meta["builds_on"] = [
        {
            "method": f"{PROMPT}: slug of a survey method its paper says it extends",
            "where": f"{PROMPT}: section of this paper that says so, with a short quote; or replace builds_on "
            "with builds_on_none saying that it extends none of the survey's methods",
        }
    ]
    meta["sources"] = [
        f"{PROMPT}: every page you checked the facts against ({where + ', ' if where else ''}the proceedings page, the official repository)"
    ]
    meta["added"] = added
    return meta


def scaffold(text: str, catalog: Catalog, added: dt.date, name: str = "") -> Scaffold:
    """Normalise one BibTeX entry and draft the method's files.

    Raises:
        ScaffoldError: if the text is not exactly one parsable entry, or the paper is
            already in the survey (same arXiv ID, DOI or title).
    """
    source = _source_entry(text)
    fields = dict(source.fields)
    arxiv = _find_arxiv(fields)
    doi = re.sub(r"^https?://(dx\.)?doi\.org/", "", fields.get("doi", "")).strip()
    if doi.lower().startswith("10.48550/"):
        doi = ""  # arXiv's own DOI: the eprint field says it better
    duplicate = _duplicate(catalog, arxiv, doi, fields.get("title", ""))
    if duplicate:
        raise ScaffoldError(duplicate)
    prompts: list[str] = []
    venue = match_venue(catalog.taxonomy, fields)
    out = {
        "author": bib.normalise_authors(fields["author"]) if fields.get("author") else "",
        "title": _protect_title(re.sub(r"\s+", " ", fields.get("title", "")).strip()),
    }
    entry_type, venue_fields = _venue_fields(source, venue, arxiv, prompts)
    out |= venue_fields | _bib_fields(source, entry_type, arxiv, doi, prompts)
    authors = bib.split_authors(out["author"]) if out["author"] else ()
    display = MappingProxyType({"title": bib.decode_latex(out["title"])})
    key = bibstyle.expected_key(
        BibEntry(key="", entry_type=entry_type, fields=tuple(out.items()), display=display, authors=authors)
    )
    entry = BibEntry(key=key, entry_type=entry_type, fields=tuple(out.items()), display=display, authors=authors)
    display_name = name or _name_from_title(out["title"])
    if not display_name:
        raise ScaffoldError("the title names no method before a colon; pass --name with the method's display name")
    slug = _new_slug(display_name, catalog)
    meta = _front_matter(display_name, catalog.taxonomy, venue, arxiv, doi, added)
    prompts = (["posted"] if arxiv else []) + prompts
    prompts += [
        "field",
        "tasks",
        "representation",
        "key_idea",
        "tags",
        "builds_on",
        "inputs",
        "outputs",
        "code",
        "sources",
        "the summary (120-300 words, in your own words)",
    ]
    md = (
        "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"
        f"{PROMPT}: the summary, 120 to 300 words in your own words: the problem, the key idea, what the "
        "network takes and predicts and how it is trained, what it enables, and a limitation.\n"
    )
    return Scaffold(slug, key, md, bib.format_source_entry(entry), tuple(prompts))


def _new_slug(display_name: str, catalog: Catalog) -> str:
    """The slug of a new method's files; ScaffoldError when it is empty, invalid, reserved or taken."""
    slug = slugify(display_name)
    if not slug:
        raise ScaffoldError(f"the name {show(display_name)} gives an empty slug; pass --name with letters or digits")
    if why := slug_problem(slug, "the slug"):
        raise ScaffoldError(f"{why}; pass a distinct --name")
    if slug in catalog.by_slug:
        raise ScaffoldError(f"the slug '{slug}' is taken by {catalog.by_slug[slug].md_path}; pass a distinct --name")
    return slug


def write_draft(papers: Path, draft: Scaffold) -> list[Path]:
    """Create `papers/<slug>.bib` and `.md` as new regular files; returns their paths.

    Raises ScaffoldError, before writing anything, when papers/ is a symlink or either
    file exists (a symlink counts, dangling or not) or would lie outside papers/; each
    file is then created exclusively and never through a symlink.
    """
    if papers.is_symlink() or not papers.is_dir():
        raise ScaffoldError(f"{papers} is not a folder of the project (a symlink is refused)")
    targets = [papers / f"{draft.slug}.bib", papers / f"{draft.slug}.md"]
    for path in targets:
        if path.parent != papers or path.name != os.path.basename(path.name) or path.name.startswith("."):
            raise ScaffoldError(f"{show(path.name)} would lie outside {papers}")
        if os.path.lexists(path):
            kind = "a symlink" if path.is_symlink() else "already there"
            raise ScaffoldError(f"papers/{path.name} is {kind}; nothing was written")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for path, text in zip(targets, (draft.bib, draft.md), strict=True):
        try:
            descriptor = os.open(path, flags, 0o644)
        except OSError as error:
            raise ScaffoldError(f"cannot create papers/{path.name}: {error.strerror}") from None
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
    return targets
