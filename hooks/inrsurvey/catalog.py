"""Read `papers/`: the taxonomy, every method's .md and .bib, joined into a Catalog.

Loading reports what stops a file from being read at all (encoding, syntax, a
missing partner file, a wrong type); `validate.validate` checks the meaning of
what loaded. A method that cannot load is reported, never silently dropped.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from . import bib
from .benchmarks import BENCHMARKS_FILE, build_benchmarks
from .frontmatter import read_values
from .identifiers import SLUG, VENUE_ID, bad_characters, fold, show, slug_problem
from .model import (
    BODY_LINE,
    VENUE_KINDS,
    Benchmarks,
    BibEntry,
    Catalog,
    Paper,
    Problem,
    Representation,
    Tag,
    Taxonomy,
    Term,
    Venue,
    slugify,
)

TAXONOMY_FILE = "taxonomy.yml"

SECTIONS = ("fields", "tasks", "representations", "tags", "venues")
"""The sections of taxonomy.yml, each a non-empty list."""

ID_SECTIONS = ("representations", "tags", "venues")
"""Sections whose entries are named by an `id` (the others by their `name`)."""

MAX_FILE_BYTES = 256 * 1024
"""The largest source file accepted in papers/."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML loading (libyaml's when available) that leaves dates as text.

    Dates are parsed by the loader's caller, so that `2020-13-45` becomes a problem
    with a file and line instead of an exception.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _scalar_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """An explicitly tagged date or byte string, read as its text: the schema types values, not YAML tags."""
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


for _tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"):
    _Loader.add_constructor(_tag, _scalar_text)
_LOADER = _Loader


@dataclass(frozen=True)
class LoadResult:
    """A loaded catalog (None when the taxonomy itself is unusable) and the problems met."""

    catalog: Catalog | None
    problems: tuple[Problem, ...] = field(default=())
    failed: frozenset[str] = frozenset()
    """Slugs of methods whose files are there but could not be loaded."""


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 source file, refusing other encodings and a byte-order mark.

    Only a regular file is read (a symbolic link, pipe or device is reported, never
    followed or waited on), and at most `MAX_FILE_BYTES` of it.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        return None, [
            Problem(
                rel, None, "file-kind", f"cannot be opened as a regular file ({error.strerror}); replace it with one"
            )
        ]
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(rel, None, "file-kind", "is not a regular file; replace it with one")]
        if info.st_size > MAX_FILE_BYTES:
            return None, [
                Problem(
                    rel, None, "file-size", f"is {info.st_size} bytes; a source file may hold at most {MAX_FILE_BYTES}"
                )
            ]
        data = handle.read(MAX_FILE_BYTES + 1)
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [
            Problem(rel, 1, "file-bom", "the file starts with a byte-order mark; save it as UTF-8 without BOM")
        ]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                rel,
                line,
                "file-encoding",
                f"byte 0x{data[error.start]:02x} is not UTF-8; save the file as UTF-8",
            )
        ]


MAX_YAML_DEPTH = 12
"""Deepest nesting of lists and mappings accepted in YAML."""

MAX_YAML_NODES = 5000
"""Most scalars, lists and mappings accepted in one YAML document."""


def _yaml_shape_problem(node: yaml.Node, rel: str, first_line: int) -> Problem | None:
    """The first structural problem of a composed YAML tree: aliases, nesting, size, keys.

    Composing never expands aliases (a reused node is the same object), so this walk is
    bounded by the text; it runs before any value is constructed.
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(node, 1)]
    count = 0
    while stack:
        current, depth = stack.pop()
        line = first_line + current.start_mark.line
        if id(current) in seen:
            return Problem(
                rel, line, "yaml-alias", "YAML anchors and aliases (& and *) are not accepted; write the value out"
            )
        seen.add(id(current))
        count += 1
        if count > MAX_YAML_NODES:
            return Problem(rel, line, "yaml-size", f"the YAML holds more than {MAX_YAML_NODES} values; keep it small")
        if depth > MAX_YAML_DEPTH:
            return Problem(rel, line, "yaml-nesting", f"the YAML nests deeper than {MAX_YAML_DEPTH} levels; flatten it")
        if isinstance(current, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key_node, value_node in current.value:
                key_line = first_line + key_node.start_mark.line
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                    return Problem(
                        rel, key_line, "yaml-key", "every key must be a plain word (a string); quote it or rename it"
                    )
                if key_node.value in keys:
                    return Problem(
                        rel,
                        key_line,
                        "yaml-duplicate-key",
                        f"the key {show(key_node.value)} is written twice (also on line {keys[key_node.value]}); keep one",
                    )
                keys[key_node.value] = key_line
                stack.append((value_node, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in current.value)
    return None


_TAG_MESSAGE = "a value's YAML tag (such as !!int or !!float) names a type its text is not; remove the tag"


def _untyped_line(loader: Any, node: yaml.Node | None, first_line: int) -> int:
    """The line of the first scalar whose explicit tag its text does not fit."""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            try:
                loader.construct_object(current)
            except Exception:  # the constructors raise ValueError, TypeError, KeyError...
                return first_line + current.start_mark.line
        elif isinstance(current, yaml.MappingNode):
            stack.extend(n for pair in reversed(current.value) for n in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
    return first_line


def _load_yaml(text: str, rel: str, first_line: int) -> tuple[Any, dict[str, int], list[Problem]]:
    """Parse YAML, returning the data and the source line of each top-level key.

    Aliases, duplicate or non-string keys, deep nesting and very large documents are
    reported as problems before any value is built.
    """
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            shape = _yaml_shape_problem(node, rel, first_line)
            if shape is not None:
                return None, {}, [shape]
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        reason = getattr(error, "problem", None) or str(error)
        return None, {}, [Problem(rel, line, "yaml-syntax", f"invalid YAML ({show(reason, 120)}); fix the syntax")]
    except (ValueError, TypeError, KeyError, OverflowError):
        # A scalar's explicit tag names a type its text is not (`!!int NeRF`, `!!float x`).
        line = _untyped_line(loader, node, first_line)
        return None, {}, [Problem(rel, line, "yaml-syntax", _TAG_MESSAGE)]
    except RecursionError:
        return (
            None,
            {},
            [
                Problem(
                    rel, first_line, "yaml-nesting", f"the YAML nests deeper than {MAX_YAML_DEPTH} levels; flatten it"
                )
            ],
        )
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            lines[str(key_node.value)] = first_line + key_node.start_mark.line
            if isinstance(value_node, yaml.SequenceNode):
                for index, item in enumerate(value_node.value):
                    lines[f"{key_node.value}.{index}"] = first_line + item.start_mark.line
    return data, lines, []


# -- taxonomy ---------------------------------------------------------------------------


def _terms(
    data: dict[str, Any], section: str, rel: str, lines: dict[str, int], problems: list[Problem]
) -> list[dict[str, Any]]:
    items = data.get(section)
    if not isinstance(items, list) or not items:
        problems.append(Problem(rel, lines.get(section), "taxonomy-section", f"'{section}' must be a non-empty list"))
        return []
    good = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(Problem(rel, lines.get(section), "taxonomy-entry", f"{section}[{index}] must be a mapping"))
            continue
        good.append(item)
    return good


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def _term_identity_problem(section: str, item: Any, name: str, seen_slugs: dict[str, str]) -> tuple[str, str] | None:
    """Why an entry's name cannot identify it, as (code, message); None when it can.

    The name must follow the identifier grammar, hold no invisible characters, and differ
    from the other entries of its section in more than case or punctuation.
    """
    ident = "id" if section in ID_SECTIONS else "name"
    # Tags, representations and venues are named by their id; fields and tasks by the slug of their name.
    slug = slugify(name) if ident == "name" else name
    what = f"the {section[:-1]} {'slug' if ident == 'name' else 'id'}"
    why = slug_problem(slug, what, VENUE_ID if section == "venues" else SLUG)
    bad = [text for text in (name, _text(item, "name"), _text(item, "definition")) if bad_characters(text)]
    if why or bad:
        return "identifier", f"{section}: " + (
            why
            or f"{show(bad[0])} holds invisible or control characters ({', '.join(bad_characters(bad[0]))}); delete them"
        )
    if fold(slug) in seen_slugs:
        return "taxonomy-duplicate", (
            f"{show(name)} and {show(seen_slugs[fold(slug)])} in '{section}' differ only in case "
            "or punctuation and would share one page; keep one"
        )
    seen_slugs[fold(slug)] = name
    return None


def _term(
    section: str, item: Any, name: str, rel: str, where: int | None, problems: list[Problem]
) -> Term | Tag | Venue | Representation:
    """The taxonomy object of one valid entry, reporting missing descriptions."""
    if section == "venues":
        kind = _text(item, "kind")
        if kind not in VENUE_KINDS:
            problems.append(
                Problem(
                    rel,
                    where,
                    "taxonomy-venue-kind",
                    f"venue '{name}' has kind '{kind}'; use one of {', '.join(VENUE_KINDS)}",
                )
            )
        if not _text(item, "name"):
            problems.append(Problem(rel, where, "taxonomy-definition", f"venue '{name}' has no full 'name'"))
        if kind != "preprint" and not _text(item, "bibtex"):
            problems.append(Problem(rel, where, "taxonomy-definition", f"venue '{name}' has no 'bibtex' name"))
        return Venue(name, _text(item, "name"), _text(item, "bibtex"), kind, _text(item, "short"))
    definition = _text(item, "definition")
    if not definition:
        problems.append(
            Problem(
                rel, where, "taxonomy-definition", f"'{name}' in '{section}' has an empty definition; write one line"
            )
        )
    if section == "tags":
        return Tag(name, _text(item, "name") or name, definition)
    if section == "representations":
        return Representation(name, _text(item, "name") or name, definition)
    return Term(name, definition)


def _section(data: dict[str, Any], section: str, rel: str, lines: dict[str, int], problems: list[Problem]) -> list[Any]:
    """The valid entries of one taxonomy section, in file order; the others reported."""
    ident = "id" if section in ID_SECTIONS else "name"
    where = lines.get(section)
    seen: set[str] = set()
    seen_slugs: dict[str, str] = {}
    terms: list[Any] = []
    for item in _terms(data, section, rel, lines, problems):
        name = _text(item, ident)
        if not name:
            problems.append(Problem(rel, where, "taxonomy-entry", f"an entry of '{section}' has no '{ident}'"))
            continue
        if name in seen:
            problems.append(
                Problem(rel, where, "taxonomy-duplicate", f"{show(name)} is listed twice in '{section}'; keep one")
            )
            continue
        seen.add(name)
        problem = _term_identity_problem(section, item, name, seen_slugs)
        if problem:
            problems.append(Problem(rel, where, *problem))
            continue
        terms.append(_term(section, item, name, rel, where, problems))
    return terms


def load_taxonomy(path: Path, rel: str) -> tuple[Taxonomy | None, list[Problem]]:
    """Load `taxonomy.yml`; None when it is missing or unreadable."""
    if not os.path.lexists(path):
        return None, [Problem(rel, None, "taxonomy-missing", "papers/taxonomy.yml is missing; create it")]
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    data, lines, problems = _load_yaml(text, rel, 1)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(rel, 1, "taxonomy-section", "taxonomy.yml must be a mapping with " + ", ".join(SECTIONS))]
    sections = {name: tuple(_section(data, name, rel, lines, problems)) for name in SECTIONS}
    venues = sections.pop("venues")
    return Taxonomy(
        **sections,
        venues=tuple(v for v in venues if v.kind in VENUE_KINDS),
        unusable_venues=tuple((v.id, _unusable_kind(v.kind)) for v in venues if v.kind not in VENUE_KINDS),
    ), problems


def _unusable_kind(kind: str) -> str:
    """Why a venue of `kind` (none of `VENUE_KINDS`) cannot be used, for the methods naming it."""
    what = f"has the unknown kind {show(kind)}" if kind else "has no kind"
    return f"{what} (a kind is one of {', '.join(VENUE_KINDS)})"


# -- papers -----------------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split `---` front matter from the body; None when the file has none.

    Returns the YAML text, the body, and the line number where the body starts.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None


def _front_matter_paper(
    slug: str,
    meta: dict[str, Any],
    lines: dict[str, int],
    body: str,
    entry: BibEntry,
    md_rel: str,
    bib_rel: str,
    problems: list[Problem],
) -> Paper | None:
    values, found = read_values(meta, lines, md_rel)
    problems.extend(found)
    if values is None:
        return None
    return Paper(
        slug=slug,
        entry=entry,
        body=body,
        md_path=md_rel,
        bib_path=bib_rel,
        lines=MappingProxyType(dict(lines)),
        **values,  # type: ignore[arg-type]
    )


def load_paper(papers_dir: Path, slug: str, prefix: str) -> tuple[Paper | None, list[Problem]]:
    """Load one method from `<slug>.md` and `<slug>.bib`."""
    md_rel, bib_rel = f"{prefix}{slug}.md", f"{prefix}{slug}.bib"
    problems: list[Problem] = []
    bib_text, found = read_text(papers_dir / f"{slug}.bib", bib_rel)
    problems += found
    md_text, found = read_text(papers_dir / f"{slug}.md", md_rel)
    problems += found
    if bib_text is None or md_text is None:
        return None, problems
    entries, found = bib.parse_entries(bib_text, bib_rel)
    problems += found
    if len(entries) != 1:
        if not found:
            problems.append(
                Problem(
                    bib_rel,
                    entries[1].line if len(entries) > 1 else 1,
                    "bib-entry-count",
                    f"the file holds {len(entries)} entries; it must hold exactly one",
                )
            )
        return None, problems
    parts = split_front_matter(md_text)
    if parts is None:
        if md_text.startswith("---"):
            problems.append(
                Problem(
                    md_rel,
                    1,
                    "fm-unclosed",
                    "the front matter opened by '---' on line 1 is never closed; end it with a line '---'",
                )
            )
        else:
            problems.append(
                Problem(md_rel, 1, "fm-missing", "no front matter: start the file with '---', the YAML keys, and '---'")
            )
        return None, problems
    yaml_text, body, body_line = parts
    meta, lines, found = _load_yaml(yaml_text, md_rel, 2)
    lines = {**lines, BODY_LINE: body_line}
    problems += found
    if found:
        return None, problems
    if not isinstance(meta, dict):
        problems.append(
            Problem(md_rel, 2, "fm-not-mapping", "the front matter must be a YAML mapping of keys to values")
        )
        return None, problems
    paper = _front_matter_paper(slug, meta, lines, body, entries[0], md_rel, bib_rel, problems)
    return paper, problems


_SOURCE_NAME = re.compile(r"^(?P<stem>[a-z0-9]+(-[a-z0-9]+)*)\.(?P<ext>md|bib)$")


def scan_papers_dir(papers_dir: Path, prefix: str, problems: list[Problem]) -> tuple[set[str], set[str]]:
    """The method stems of `papers_dir` that have a .md and a .bib, as two sets.

    Only regular files are read. Every other entry (sub-folder, symbolic link, pipe,
    device) and every unexpected name or extension is reported with its path, never
    followed or skipped in silence; so is a file too large to be a source file.
    """
    md: set[str] = set()
    bibs: set[str] = set()
    with os.scandir(papers_dir) as entries:
        found = sorted(entries, key=lambda e: e.name)
    for entry in found:
        rel = prefix + show(entry.name, 80).strip("'")
        if entry.name in (TAXONOMY_FILE, BENCHMARKS_FILE) and entry.is_file(follow_symlinks=False):
            continue
        if entry.is_symlink():
            problems.append(
                Problem(
                    rel,
                    None,
                    "file-kind",
                    "is a symbolic link; papers/ holds only regular files, so commit the file itself",
                )
            )
            continue
        if entry.is_dir(follow_symlinks=False):
            problems.append(
                Problem(
                    rel,
                    None,
                    "file-kind",
                    "is a folder; papers/ is flat: move its files up into papers/ (or out of it)",
                )
            )
            continue
        if not entry.is_file(follow_symlinks=False):
            problems.append(
                Problem(rel, None, "file-kind", "is not a regular file (a pipe, socket or device); remove it")
            )
            continue
        match = _SOURCE_NAME.match(entry.name)
        if match is None:
            problems.append(
                Problem(
                    rel,
                    None,
                    "file-name",
                    "is not a method file: papers/ holds taxonomy.yml and <slug>.md / <slug>.bib pairs, with slugs "
                    "of lowercase letters, digits and hyphens; rename or remove it",
                )
            )
            continue
        size = entry.stat(follow_symlinks=False).st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(rel, None, "file-size", f"is {size} bytes; a source file may hold at most {MAX_FILE_BYTES}")
            )
            continue
        (md if match["ext"] == "md" else bibs).add(match["stem"])
    return md, bibs


def _item_lines(text: str) -> dict[str, list[int]]:
    """The line of each item of each top-level list in a YAML document (already checked to parse)."""
    node = yaml.compose(text, Loader=_LOADER)
    found: dict[str, list[int]] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(value, yaml.SequenceNode):
                found[str(key.value)] = [item.start_mark.line + 1 for item in value.value]
    return found


def load_benchmarks(papers_dir: Path, prefix: str) -> tuple[Benchmarks, list[Problem]]:
    """Load `benchmarks.yml` when there is one (a survey without it declares no benchmarks)."""
    path, rel = papers_dir / BENCHMARKS_FILE, prefix + BENCHMARKS_FILE
    if not os.path.lexists(path):
        return Benchmarks(path=rel), []
    text, problems = read_text(path, rel)
    if text is None:
        return Benchmarks(path=rel), problems
    data, _, problems = _load_yaml(text, rel, 1)
    if problems:
        return Benchmarks(path=rel), problems
    return build_benchmarks(data, _item_lines(text), rel)


def load_catalog(papers_dir: Path, prefix: str = "papers/") -> LoadResult:
    """Load the taxonomy and every method of `papers_dir` into a Catalog.

    Args:
        papers_dir: the folder holding `taxonomy.yml`, `<slug>.md` and `<slug>.bib`.
        prefix: what problems put before file names (the folder as the reader knows it).
    """
    taxonomy, problems = load_taxonomy(papers_dir / TAXONOMY_FILE, prefix + TAXONOMY_FILE)
    if taxonomy is None:
        # No method loads without the taxonomy: each is named as failed, its files checked once it is fixed.
        md, bibs = scan_papers_dir(papers_dir, prefix, []) if papers_dir.is_dir() else (set(), set())
        return LoadResult(None, tuple(problems), frozenset(md | bibs))
    md, bibs = scan_papers_dir(papers_dir, prefix, problems)
    for stem in sorted(md - bibs):
        problems.append(
            Problem(
                f"{prefix}{stem}.md",
                None,
                "file-unpaired",
                f"{stem}.md has no {stem}.bib beside it; add the BibTeX entry",
            )
        )
    for stem in sorted(bibs - md):
        problems.append(
            Problem(
                f"{prefix}{stem}.bib",
                None,
                "file-unpaired",
                f"{stem}.bib has no {stem}.md beside it; add the method page",
            )
        )
    papers: list[Paper] = []
    failed: set[str] = set(md ^ bibs)
    for slug in sorted(md & bibs):
        reserved = slug_problem(slug, "the slug")
        if reserved:
            problems.append(Problem(f"{prefix}{slug}.md", None, "identifier", reserved))
            failed.add(slug)
            continue
        paper, found = load_paper(papers_dir, slug, prefix)
        problems += found
        if paper is not None:
            papers.append(paper)
        else:
            failed.add(slug)
    benchmarks, found = load_benchmarks(papers_dir, prefix)
    problems += found
    return LoadResult(Catalog.of(taxonomy, papers, benchmarks), tuple(problems), frozenset(failed))
