"""BibTeX in and out: parsing, decoding for display, and deterministic export.

The only module that imports bibtexparser. Parsing keeps every value exactly as
written (only the outer braces or quotes are removed), so exports reproduce the
source; display text is decoded separately with pylatexenc, for the few fields the
site shows.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from bibtexparser.middlewares import RemoveEnclosingMiddleware
from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ParsingFailedBlock,
    Preamble,
    String,
)

from .identifiers import show
from .model import BibEntry, Person, Problem
from .texsafe import field_problems

if TYPE_CHECKING:
    from pylatexenc.latex2text import LatexNodes2Text

ENTRY_TYPES = ("article", "inproceedings", "misc", "incollection", "techreport", "phdthesis")
"""Entry types the survey accepts."""

FIELD_ORDER = (
    "author",
    "title",
    "booktitle",
    "journal",
    "institution",
    "type",
    "volume",
    "number",
    "eid",
    "pages",
    "year",
    "publisher",
    "doi",
    "url",
    "howpublished",
    "eprint",
    "eprinttype",
    "archiveprefix",
    "primaryclass",
    "options",
)
"""The order in which exported entries list their fields; others follow alphabetically."""

DISPLAY_FIELDS = ("title", "booktitle", "journal", "publisher", "howpublished")
"""Fields decoded from LaTeX for display (authors are decoded name part by name part)."""


@contextmanager
def _parser_quiet() -> Iterator[None]:
    """Keep bibtexparser from logging the parse failures the survey reports as problems.

    Scoped to one parse: the logger's level is restored afterwards, so other users of
    bibtexparser in the same process keep their logging.
    """
    logger = logging.getLogger("bibtexparser")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)


@cache
def _latex_decoder() -> LatexNodes2Text:
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    db = get_default_latex_context_db()
    db.add_context_category(
        "inrsurvey-logos",
        prepend=True,
        macros=[
            MacroTextSpec("TeX", simplify_repl="TeX"),
            MacroTextSpec("LaTeX", simplify_repl="LaTeX"),
            MacroTextSpec("BibTeX", simplify_repl="BibTeX"),
        ],
    )
    return LatexNodes2Text(latex_context=db, math_mode="text", strict_latex_spaces=True)


class LatexError(ValueError):
    """LaTeX the display decoder cannot read; the message says what to write instead."""


def decode_latex(value: str) -> str:
    r"""Decode LaTeX markup to Unicode text for display.

    `M{\"u}ller` gives `Müller`, `--` an en dash, `{NeRF}` drops its braces and
    `The {\TeX}book` keeps its logo. Whitespace runs collapse to one space.

    Raises:
        LatexError: for markup the decoder fails on (`\href{a}{b}`, a bare `\input`), whatever
            the decoder's own exception; nothing else escapes.
    """
    return " ".join(decode_latex_span(value).split())


_MATH = re.compile(r"(?<!\\)\$(.*?)(?<!\\)\$")


_SUPERSCRIPT = dict(zip("0123456789+\N{MINUS SIGN}=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ", strict=True))
_SUBSCRIPT = dict(zip("0123456789+\N{MINUS SIGN}=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎", strict=True))
_SCRIPT = re.compile(r"([\^_])(?:\{([^{}]*)\}|([^{}\\\s]))")


def _script(match: re.Match[str]) -> str:
    """`^2`, `^{10}`, `_0` as the Unicode super- or subscript characters, where each character has one."""
    table = _SUPERSCRIPT if match.group(1) == "^" else _SUBSCRIPT
    body = match.group(2) if match.group(2) is not None else match.group(3)
    if body and all(c in table for c in body):
        return "".join(table[c] for c in body)
    return match.group(0)


def _math_minus(match: re.Match[str]) -> str:
    """A math span as LaTeX prints it: each hyphen a minus sign (`$--$` is two), `^2` a superscript two."""
    return "$" + _SCRIPT.sub(_script, match.group(1).replace("-", "\N{MINUS SIGN}")) + "$"


def decode_latex_span(value: str) -> str:
    """Decode LaTeX as `decode_latex` does, keeping whitespace (for pieces of a longer text).

    In math, `-` is a minus sign (`NeRF$--$` reads `NeRF−−`, as LaTeX prints it) and a
    simple super- or subscript is its Unicode character (`R$^2$` reads `R²`); in text, `--`
    is an en dash.
    """
    if not any(c in value for c in "\\$~") and "--" not in value and "``" not in value and "''" not in value:
        return value.replace("{", "").replace("}", "")
    try:
        text = _latex_decoder().latex_to_text(_MATH.sub(_math_minus, value))
    except Exception as error:  # the decoder raises IndexError, KeyError, AttributeError...
        raise LatexError(
            f"its LaTeX cannot be decoded for display ({type(error).__name__}); write plain text, accents or "
            "\\emph{...} instead of commands that take arguments"
        ) from error
    return unicodedata.normalize("NFC", text)


def _person(raw: str) -> Person:
    parts = parse_single_name_into_parts(raw, strict=False)
    return Person(
        first=decode_latex(" ".join(parts.first)),
        von=decode_latex(" ".join(parts.von)),
        last=decode_latex(" ".join(parts.last)),
        jr=decode_latex(" ".join(parts.jr)),
    )


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def split_authors(raw: str) -> tuple[Person, ...]:
    """Split a BibTeX `author` value into decoded people.

    A final `and others` (BibTeX's "et al.") is not a person: it is left out here, and
    `BibEntry.et_al` records it.

    Raises:
        ValueError: when a name cannot be split (for example unbalanced braces).
    """
    try:
        names = [name for name in split_multiple_persons_names(raw) if name]
        if names and names[-1].strip() == "others":
            names.pop()
        for name in names:
            parts = [part.strip().lower() for part in name.split(",")]
            if name.strip().lower().startswith("and ") or not all(parts):
                raise ValueError(f"an empty name near {show(name, 40)}: write one 'and' between two names")
            if len(parts) > 3 or (len(parts) == 3 and parts[1] not in _SUFFIXES):
                raise ValueError(f"{show(name, 60)} holds several names separated by commas: join authors with ' and '")
        return tuple(_person(name) for name in names)
    except (InvalidNameError, RecursionError) as error:
        raise ValueError(str(error)) from error


def normalise_authors(raw: str) -> str:
    """Rewrite an author list in the survey's `Family, Given and ...` form (LaTeX kept).

    Raises:
        ValueError: when a name cannot be split.
    """
    people = []
    try:
        for name in split_multiple_persons_names(" ".join(raw.split())):
            parts = parse_single_name_into_parts(name, strict=False)
            family = " ".join(parts.von + parts.last)
            rest = [p for p in (" ".join(parts.jr), " ".join(parts.first)) if p]
            people.append(", ".join([family, *rest]))
    except InvalidNameError as error:
        raise ValueError(str(error)) from error
    return " and ".join(people)


def _failed_message(block: ParsingFailedBlock) -> tuple[str, str]:
    if isinstance(block, DuplicateBlockKeyBlock):
        return "bib-duplicate-key", (f"the key '{block.key}' appears twice in this file; keep exactly one entry")
    if isinstance(block, DuplicateFieldKeyBlock):
        names = ", ".join(sorted(block.duplicate_keys))
        return "bib-duplicate-field", f"the field(s) {names} appear twice in this entry; keep one of each"
    raw = (block.raw or "").strip().splitlines()
    head = show(raw[0] if raw else "", 60)
    return "bib-syntax", (
        f"BibTeX syntax error in the block starting {head}: check for an unbalanced "
        "brace, a missing comma between fields or a missing closing brace"
    )


MAX_BRACE_DEPTH = 16
"""The deepest brace nesting accepted in a .bib file (titles need two or three)."""


def max_brace_depth(text: str) -> int:
    r"""The deepest nesting of `{...}` in `text` (escaped braces `\{` not counted)."""
    depth = deepest = 0
    previous = ""
    for char in text:
        if previous != "\\":
            if char == "{":
                depth += 1
                deepest = max(deepest, depth)
            elif char == "}":
                depth = max(depth - 1, 0)
        previous = char
    return deepest


def parse_entries(text: str, path: str) -> tuple[list[BibEntry], list[Problem]]:
    """Parse BibTeX text into entries, reporting every block that is not a clean entry.

    Args:
        text: the file's content.
        path: the file's path, used in problems.

    Returns:
        The entries that parsed, and one problem per failed block, `@string`,
        `@preamble` or unsupported entry type.
    """
    depth = max_brace_depth(text)
    if depth > MAX_BRACE_DEPTH:
        return [], [
            Problem(
                path,
                1,
                "bib-nesting",
                f"braces nest {depth} levels deep; BibTeX values need at most a few, so remove the extra braces",
            )
        ]
    with _parser_quiet():
        library: Library = parse_string(text, parse_stack=[RemoveEnclosingMiddleware(allow_inplace_modification=True)])
    problems: list[Problem] = []
    for failed in library.failed_blocks:
        code, message = _failed_message(failed)
        problems.append(Problem(path, (failed.start_line or 0) + 1, code, message))
    for block in library.blocks:
        if isinstance(block, (String, Preamble)):
            kind = "@string" if isinstance(block, String) else "@preamble"
            problems.append(
                Problem(
                    path,
                    (block.start_line or 0) + 1,
                    "bib-macro",
                    f"{kind} is not allowed: each .bib holds one self-contained entry; "
                    "write the value out in the field itself",
                )
            )
    entries: list[BibEntry] = []
    for entry in library.entries:
        line = (entry.start_line or 0) + 1
        entry_type = entry.entry_type.lower()
        if entry_type not in ENTRY_TYPES:
            problems.append(
                Problem(
                    path,
                    line,
                    "bib-entry-type",
                    f"unknown entry type @{entry.entry_type}; use one of " + ", ".join(f"@{t}" for t in ENTRY_TYPES),
                )
            )
            continue
        entries.append(_to_entry(entry, entry_type, line, path, problems))
    return entries, problems


def _field_problems(entry: Entry, path: str, problems: list[Problem]) -> list[tuple[str, str]]:
    """The entry's fields as (name, value), reporting values that BibTeX readers would read apart."""
    fields: list[tuple[str, str]] = []
    removed = entry.parser_metadata.get(RemoveEnclosingMiddleware.metadata_key(), {})
    for f in entry.fields:
        name = f.key.lower()
        value = str(f.value)
        line = f.start_line + 1
        if f.enclosing == "no-enclosing" and "=" in value:
            problems.append(
                Problem(
                    path,
                    line,
                    "bib-syntax",
                    f"the value of {show(f.key, 30)} runs into the next field ({show(value, 40)}); "
                    "a comma is probably missing between two fields",
                )
            )
        elif f.enclosing == "no-enclosing":
            problems.append(
                Problem(
                    path,
                    line,
                    "bib-macro",
                    f"the value of {show(f.key, 30)} is a bare word ({show(value, 40)}), which BibTeX reads "
                    "as an @string macro; enclose it in braces",
                )
            )
        else:
            quoted = removed.get(f.key) == '"'
            problems.extend(Problem(path, line, code, message) for code, message in field_problems(name, value, quoted))
        fields.append((name, value))
    return fields


def _decoded(
    fields: list[tuple[str, str]], lines: dict[str, int], path: str, problems: list[Problem]
) -> dict[str, str]:
    """The display text of the decoded fields; a field the decoder fails on is reported and shown plain."""
    display = {}
    for name, value in fields:
        if name in DISPLAY_FIELDS:
            try:
                display[name] = decode_latex(value)
            except LatexError as error:
                problems.append(Problem(path, lines.get(name), "bib-latex", f"{name}: {error}"))
                display[name] = " ".join(re.sub(r"[\\{}$]", "", value).split())
    return display


def _to_entry(entry: Entry, entry_type: str, line: int, path: str, problems: list[Problem]) -> BibEntry:
    fields = _field_problems(entry, path, problems)
    lines = {f.key.lower(): f.start_line + 1 for f in entry.fields}
    display = _decoded(fields, lines, path, problems)
    authors: tuple[Person, ...] = ()
    raw_authors = next((v for k, v in fields if k == "author"), "")
    if raw_authors:
        try:
            authors = split_authors(raw_authors)
        except ValueError as error:
            problems.append(
                Problem(
                    path,
                    lines.get("author", line),
                    "bib-author",
                    f"the author list cannot be split into names ({error}); write 'Family, Given and Family, Given'",
                )
            )
    return BibEntry(
        key=entry.key,
        entry_type=entry_type,
        fields=tuple(fields),
        display=MappingProxyType(display),
        authors=authors,
        line=line,
        lines=MappingProxyType(lines),
    )


def _ordered(fields: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    rank = {name: i for i, name in enumerate(FIELD_ORDER)}
    return sorted(fields, key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


def _format(entry_type: str, key: str, fields: tuple[tuple[str, str], ...]) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in _ordered(fields))
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


def _arxiv_id(entry: BibEntry) -> str:
    """The entry's arXiv identifier when its eprint is an arXiv one, else an empty string."""
    return entry.get("eprint") if entry.get("archiveprefix").lower() == "arxiv" else ""


def export_form(entry: BibEntry) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The entry type and fields an export writes for a checked entry.

    The values are the entry's; two things are written the way the readers of our files need:

    - an arXiv eprint names its archive as `eprinttype = {arxiv}` (biblatex's field, the one
      Zotero's import reads) instead of `archiveprefix` (biber's data model has no room for both);
    - an arXiv-only preprint (`@misc` whose `howpublished` only repeats the arXiv id) becomes
      `@techreport` with `institution = {arXiv}`, `type = {Preprint}` and `number = {arXiv:<id>}`,
      plus `options = {eprint=false}`: BibTeX and natbib styles, biblatex and biblatex-apa then
      each print the identifier once, and Zotero imports a report rather than a "Document".
    """
    arxiv = _arxiv_id(entry)
    if not arxiv:
        return entry.entry_type, entry.fields
    fields = [(k, "arxiv" if k == "archiveprefix" else v) for k, v in entry.fields]
    fields = [("eprinttype" if k == "archiveprefix" else k, v) for k, v in fields]
    if entry.entry_type != "misc" or entry.get("howpublished") not in ("", f"arXiv preprint arXiv:{arxiv}"):
        return entry.entry_type, tuple(fields)
    fields = [(k, v) for k, v in fields if k != "howpublished"]
    fields += [
        ("institution", "arXiv"),
        ("type", "Preprint"),
        ("number", f"arXiv:{arxiv}"),
        ("options", "eprint=false"),
    ]
    return "techreport", tuple(fields)


def export_fields(entry: BibEntry) -> tuple[tuple[str, str], ...]:
    """The fields an export writes for `entry` (see `export_form`)."""
    return export_form(entry)[1]


def format_entries(entries: Iterable[BibEntry]) -> str:
    """Write entries as BibTeX in the survey's style, deterministically.

    Fields follow `FIELD_ORDER`, every value is enclosed in braces, two-space
    indent, one blank line between entries; values are written exactly as in the
    source, so LaTeX markup is kept (`export_form` says what else an export writes).
    """
    return "\n".join(format_entry(e) for e in entries)


def format_source_entry(entry: BibEntry) -> str:
    """One entry as a `papers/<slug>.bib` holds it: its own type and fields, in `FIELD_ORDER`."""
    return _format(entry.entry_type, entry.key, entry.fields)


def format_entry(entry: BibEntry) -> str:
    """One entry in the survey's export style (see `format_entries`)."""
    entry_type, fields = export_form(entry)
    return _format(entry_type, entry.key, fields)


def reparse_fields(text: str) -> dict[str, dict[str, str]]:
    """Parse exported BibTeX back into `{key: {field: raw value}}` (for checks and tests).

    Raises:
        ValueError: if any block fails to parse.
    """
    with _parser_quiet():
        library = parse_string(text, parse_stack=[RemoveEnclosingMiddleware(allow_inplace_modification=True)])
    if library.failed_blocks:
        raise ValueError(f"{len(library.failed_blocks)} block(s) failed to parse")
    return {e.key: {f.key: str(f.value) for f in e.fields} for e in library.entries}
