"""The front-matter schema of `papers/<slug>.md`, in one place.

Loading, validation, the `new` scaffold and the contributing page's schema table
all read this table, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    """One front-matter key: its type, whether it is required, and its meaning."""

    name: str
    type: str
    required: bool
    meaning: str
    example: str


KEYS: tuple[Key, ...] = (
    Key("name", "string", True, "display name, as the authors call the method", "NeRF"),
    Key(
        "aliases",
        "list of strings",
        False,
        "other names readers search for, including the original survey's label when it "
        "differs",
        "[Neural Radiance Fields]",
    ),
    Key("field", "string", True, "a field `name` from `papers/taxonomy.yml`", "3D Vision"),
    Key("task", "string", True, "a task `name` from `papers/taxonomy.yml`", "View Synthesis"),
    Key(
        "tags",
        "list of strings",
        True,
        "tag `id`s from `papers/taxonomy.yml` that truly apply (at least one)",
        "[volume-rendering, positional-encoding]",
    ),
    Key(
        "venue",
        "string",
        True,
        "a venue `id` from `papers/taxonomy.yml`; `arXiv` for preprints",
        "ECCV",
    ),
    Key("inputs", "list of strings", True, "what the network takes", "[3D position, viewing direction]"),
    Key("outputs", "list of strings", True, "what the network predicts", "[volume density, RGB colour]"),
    Key(
        "posted",
        "date",
        False,
        "date of the first arXiv version (v1), `YYYY-MM-DD`; required when the .bib has "
        "an `eprint`",
        "2020-03-19",
    ),
    Key(
        "code",
        "list of mappings",
        False,
        "code repositories: `url` (http/https), `framework` (PyTorch, TensorFlow, JAX, ...), "
        "`official` (true/false)",
        "[{url: https://github.com/bmild/nerf, framework: TensorFlow, official: true}]",
    ),
    Key("project", "URL", False, "the official project page", "https://www.matthewtancik.com/nerf"),
    Key("builds_on", "list of strings", False, "slugs of survey methods this one directly extends", "[nerf]"),
    Key(
        "sources",
        "list of URLs",
        True,
        "the pages the facts and the summary were checked against: the arXiv abstract page, the "
        "proceedings or publisher page, the official repository; at least one primary source",
        "[https://arxiv.org/abs/2003.08934, https://github.com/bmild/nerf]",
    ),
    Key(
        "survey",
        "mapping",
        False,
        "the original survey's entry, kept as provenance: `label` (its name for the method), "
        "`field` and `task` (its classification, even where ours differs)",
        "{label: NRNeRF, field: 3D Vision, task: View Synthesis}",
    ),
    Key("added", "date", True, "the day the method was added to the survey, `YYYY-MM-DD`", "2026-11-27"),
    Key(
        "corrections",
        "list of strings",
        False,
        "where our facts differ from the original survey, one line each",
        '["Venue: published at CVPR 2021; the survey lists none."]',
    ),
)
"""Every front-matter key, in the order the contributing page documents them."""

KEY_NAMES = frozenset(k.name for k in KEYS)
REQUIRED = tuple(k.name for k in KEYS if k.required)
CODE_KEYS = frozenset({"url", "framework", "official"})
SURVEY_KEYS = ("label", "field", "task")


def schema_table() -> str:
    """The schema as a Markdown table for the contributing page."""
    rows = [
        "| key | type | required | meaning | example |",
        "|---|---|---|---|---|",
    ]
    for key in KEYS:
        example = key.example.replace("|", "\\|")
        rows.append(
            f"| `{key.name}` | {key.type} | {'yes' if key.required else 'no'} | "
            f"{key.meaning} | `{example}` |"
        )
    return "\n".join(rows) + "\n"
