"""Checks of a method's labels: its tasks, representations, key idea, lineage and tags by rule.

Each check returns located problems (file, line of the item, code, what to do). The tag
rules are the mechanical part of the tag definitions in `papers/taxonomy.yml`: where a
method's own inputs, outputs or representation show that a tag's rule holds, the tag must
be listed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .model import Catalog, Paper, Problem
from .schema import BUILDS_ON_NONE_FROM, KEY_IDEA_WORDS


def _at(paper: Paper, key: str, index: int | None, code: str, message: str) -> Problem:
    """A problem at item `index` of list `key` (or at the key itself)."""
    line = paper.lines.get(f"{key}.{index}") if index is not None else None
    return Problem(paper.md_path, line or paper.lines.get(key, 1), code, message)


def check_tasks(catalog: Catalog, paper: Paper) -> Iterator[Problem]:
    """Every task is in the taxonomy and listed once."""
    tax = catalog.taxonomy
    seen: set[str] = set()
    for index, name in enumerate(paper.tasks):
        if tax.task(name) is None:
            what = "the primary task" if index == 0 else "task"
            yield _at(
                paper,
                "tasks",
                index,
                "unknown-task",
                f"{what} '{name}' is not in taxonomy.yml; use one of: " + ", ".join(t.name for t in tax.tasks),
            )
        elif name in seen:
            yield _at(
                paper, "tasks", index, "duplicate-task", f"task '{name}' is listed twice in 'tasks'; list it once"
            )
        seen.add(name)


def check_representation(catalog: Catalog, paper: Paper) -> Iterator[Problem]:
    """Every representation is in the taxonomy and listed once."""
    tax = catalog.taxonomy
    seen: set[str] = set()
    for index, rep in enumerate(paper.representation):
        if tax.representation(rep) is None:
            yield _at(
                paper,
                "representation",
                index,
                "unknown-representation",
                f"representation '{rep}' is not in taxonomy.yml; use one of: "
                + ", ".join(r.id for r in tax.representations),
            )
        elif rep in seen:
            yield _at(
                paper,
                "representation",
                index,
                "duplicate-representation",
                f"representation '{rep}' is listed twice; list it once",
            )
        seen.add(rep)


ABBREVIATIONS = frozenset({"e.g.", "i.e.", "cf.", "vs.", "al.", "fig.", "sec.", "eq.", "approx.", "etc.", "no."})
"""Words ending in a full stop that do not end a sentence."""

_SENTENCE_END = re.compile(r"""(\S+)[.!?]["')\]]*\s+(?=["'(\[]?[A-Z0-9])""")
_FINAL = re.compile(r"""[.!?]["')\]]*$""")


def sentence_count(text: str) -> int:
    """How many sentences `text` holds: full stops (not after an abbreviation), ! or ? before a capital, plus one."""
    ends = [
        m for m in _SENTENCE_END.finditer(text) if m.group(0).split()[0].lstrip("([\"'").lower() not in ABBREVIATIONS
    ]
    return len(ends) + 1


def check_key_idea(paper: Paper) -> Iterator[Problem]:
    """The key idea is one sentence of at most `KEY_IDEA_WORDS` words."""
    text = paper.key_idea
    if not text:
        return
    words = len(text.split())
    if words > KEY_IDEA_WORDS:
        yield _at(
            paper,
            "key_idea",
            None,
            "key-idea-length",
            f"the key idea has {words} words; say what the method contributes in at most {KEY_IDEA_WORDS}",
        )
    if "\n" in text.strip() or sentence_count(text) > 1 or not _FINAL.search(text):
        yield _at(
            paper,
            "key_idea",
            None,
            "key-idea-sentence",
            "the key idea must be one sentence ending with a full stop; join or cut the sentences",
        )


def check_lineage(paper: Paper) -> Iterator[Problem]:
    """Each builds_on link says where; `builds_on_none` is there exactly when it is required."""
    for index, link in enumerate(paper.builds_on):
        if not link.where:
            yield _at(
                paper,
                "builds_on",
                index,
                "builds-on-where",
                f"the link to '{link.method}' does not say where the paper states it: write it as "
                "'- method: <slug>' with 'where: \"Sec. N (short quote or paraphrase)\"'",
            )
    year = paper.first_year
    if paper.builds_on and paper.builds_on_none:
        yield _at(
            paper,
            "builds_on_none",
            None,
            "builds-on-none-conflict",
            "'builds_on_none' says the paper builds on no survey method, but 'builds_on' lists some; remove one",
        )
    elif not paper.builds_on and not paper.builds_on_none and year is not None and year >= BUILDS_ON_NONE_FROM:
        yield _at(
            paper,
            "posted" if paper.posted else "name",
            None,
            "builds-on-none-missing",
            f"first posted in {year} with no 'builds_on' link: add the survey methods its paper says it extends "
            "(with where), or 'builds_on_none:' saying that it extends none of them and where you looked",
        )


@dataclass(frozen=True)
class TagRule:
    """The mechanical part of a tag's definition: when a method's own data shows that the tag applies."""

    tag: str
    evidence: str
    holds: Callable[[Paper], bool]


def _mentions(key: str, pattern: str) -> Callable[[Paper], bool]:
    regex = re.compile(pattern, re.IGNORECASE)
    return lambda p: any(regex.search(v) for v in getattr(p, key))


_GRID_INPUT = _mentions(
    "inputs",
    r"hash|tri-?planes?|feature (grid|planes?|volume|voxel)|(planes?|grid|voxel)s? (features|embeddings)|"
    r"features? (read|interpolated|sampled)[^,]*(grid|planes?|voxel|octree|volume)",
)
GRID_REPRESENTATIONS = frozenset({"voxel-grid", "hash-grid", "planes"})
EXPLICIT_REPRESENTATIONS = frozenset({"voxel-grid", "hash-grid", "planes", "points", "gaussians", "mesh", "layered"})

TAG_RULES: tuple[TagRule, ...] = (
    TagRule(
        "positional-encoding",
        "its inputs mention a positional (Fourier, sinusoidal, frequency) encoding",
        _mentions("inputs", r"positional(ly)?[- ]encod|fourier feature|sinusoidal(ly)? encod|frequency encod"),
    ),
    TagRule("grid-encoding", "its inputs read features from a grid, planes or a hash table", _GRID_INPUT),
    TagRule(
        "grid-encoding",
        "its representation is a voxel grid, a hash grid or planes",
        lambda p: bool(GRID_REPRESENTATIONS & set(p.representation)),
    ),
    TagRule(
        "hybrid-representation",
        "its representation combines an MLP with an explicit structure",
        lambda p: "mlp" in p.representation and bool(EXPLICIT_REPRESENTATIONS & set(p.representation)),
    ),
    TagRule(
        "distance-fields",
        "its outputs include a signed or unsigned distance",
        _mentions("outputs", r"signed distance|\bsdf\b"),
    ),
    TagRule("occupancy", "its outputs include an occupancy", _mentions("outputs", r"occupanc")),
    TagRule("semantics", "its outputs include semantic labels", _mentions("outputs", r"semantic")),
    TagRule("point-clouds", "its inputs include a point cloud", _mentions("inputs", r"point cloud")),
    TagRule(
        "text-to-3d",
        "its inputs include a text prompt and it generates or edits 3D content",
        lambda p: _mentions("inputs", r"\btext\b")(p) and bool({"3D Generation", "Scene Editing"} & set(p.tasks)),
    ),
)
"""Every mechanical tag rule; a tag may have several."""


def check_tag_rules(catalog: Catalog, paper: Paper) -> Iterator[Problem]:
    """Each tag whose rule the method's own data meets is listed (once per tag)."""
    missing: dict[str, str] = {}
    for rule in TAG_RULES:
        if rule.tag not in paper.tags and catalog.taxonomy.tag(rule.tag) and rule.holds(paper):
            missing.setdefault(rule.tag, rule.evidence)
    for tag, evidence in missing.items():
        yield _at(
            paper,
            "tags",
            None,
            "tag-rule",
            f"add the tag '{tag}': {evidence}, which is its rule in taxonomy.yml (or correct the "
            "inputs, outputs or representation)",
        )


def check_labels(catalog: Catalog, paper: Paper) -> Iterator[Problem]:
    """Every label check of one method."""
    yield from check_tasks(catalog, paper)
    yield from check_representation(catalog, paper)
    yield from check_key_idea(paper)
    yield from check_lineage(paper)
    yield from check_tag_rules(catalog, paper)
