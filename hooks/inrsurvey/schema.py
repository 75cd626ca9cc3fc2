"""The front-matter schema of `papers/<slug>.md`, in one place.

Each key is declared once with its kind; loading (frontmatter.py reads each kind),
validation (URL and prompt checks follow the kinds), the `new` scaffold and the
contributing page's schema table all derive from `KEYS`, so neither the code nor the
documentation can drift. A key's name is also the `Paper` attribute it fills.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "texts", "url", "urls", "date", "code", "links", "survey"]
"""How a value is written: one string, a list of strings, one or a list of http(s) URLs,
a `YYYY-MM-DD` date, the list of code mappings, the list of `builds_on` mappings, the
survey provenance mapping."""

TYPE_NAMES: dict[str, str] = {
    "text": "string",
    "texts": "list of strings",
    "url": "URL",
    "urls": "list of URLs",
    "date": "date",
    "code": "list of mappings",
    "links": "list of mappings",
    "survey": "mapping",
}
"""The type of each kind as the contributing page names it."""


KEY_IDEA_WORDS = 25
"""Most words a `key_idea` may hold."""

BUILDS_ON_NONE_FROM = 2021
"""From this year of first posting on (`posted`, else the arXiv identifier's year, else the cited
year), a method without `builds_on` links needs `builds_on_none`."""


@dataclass(frozen=True)
class Key:
    """One front-matter key: its kind, whether it is required, and its meaning."""

    name: str
    kind: Kind
    required: bool
    meaning: str
    example: str

    @property
    def type(self) -> str:
        """The kind in words (`list of strings`)."""
        return TYPE_NAMES[self.kind]


KEYS: tuple[Key, ...] = (
    Key("name", "text", True, "display name, as the authors call the method", "NeRF"),
    Key(
        "aliases",
        "texts",
        False,
        "other names readers search for, including the original survey's label when it differs",
        "[Neural Radiance Fields]",
    ),
    Key("field", "text", True, "a field `name` from `papers/taxonomy.yml`", "3D Vision"),
    Key(
        "tasks",
        "texts",
        True,
        "task `name`s from `papers/taxonomy.yml`: the primary task first, then every further task the paper "
        "itself presents experiments or claims for; each once",
        "[View Synthesis]",
    ),
    Key(
        "representation",
        "texts",
        True,
        "what the model is made of: representation `id`s from `papers/taxonomy.yml`; a hybrid lists every part",
        "[mlp]",
    ),
    Key(
        "key_idea",
        "text",
        True,
        f"what the method contributes: one sentence in our own words, at most {KEY_IDEA_WORDS} words",
        '"One MLP maps a 3D point and view direction to density and colour, rendered by volume rendering."',
    ),
    Key(
        "tags",
        "texts",
        True,
        "tag `id`s from `papers/taxonomy.yml` that truly apply (at least one)",
        "[volume-rendering, positional-encoding]",
    ),
    Key(
        "venue",
        "text",
        True,
        "a venue `id` from `papers/taxonomy.yml`; `arXiv` for preprints",
        "ECCV",
    ),
    Key("inputs", "texts", True, "what the network takes", "[3D position, viewing direction]"),
    Key("outputs", "texts", True, "what the network predicts", "[volume density, RGB colour]"),
    Key(
        "posted",
        "date",
        False,
        "date of the first arXiv version (v1), `YYYY-MM-DD`; required when the .bib has an `eprint`",
        "2020-03-19",
    ),
    Key(
        "code",
        "code",
        False,
        "code repositories: `url` (http/https), `framework` (PyTorch, TensorFlow, JAX, ...), `official` (true/false)",
        "[{url: https://github.com/bmild/nerf, framework: TensorFlow, official: true}]",
    ),
    Key("project", "url", False, "the official project page", "https://www.matthewtancik.com/nerf"),
    Key(
        "builds_on",
        "links",
        False,
        "survey methods whose model this one extends, starts from or reuses, as its paper states: `method` "
        "(a slug) and `where` (section, page or figure of this method's paper, with a short quote or paraphrase)",
        '[{method: nerf, where: "Sec. 3 (we build upon NeRF\'s volume rendering)"}]',
    ),
    Key(
        "builds_on_none",
        "text",
        False,
        f"required when a method first posted in {BUILDS_ON_NONE_FROM} or later has no `builds_on` link: that its "
        "paper builds on none of the survey's methods, and where we looked",
        '"Its paper (Sec. 2-3) presents the model as new and extends none of the survey\'s methods."',
    ),
    Key(
        "sources",
        "urls",
        True,
        "the pages the facts and the summary were checked against: the arXiv abstract page, the "
        "proceedings or publisher page, the official repository; at least one primary source",
        "[https://arxiv.org/abs/2003.08934, https://github.com/bmild/nerf]",
    ),
    Key(
        "survey",
        "survey",
        False,
        "the original survey's entry, kept as provenance: `label` (its name for the method), "
        "`field` and `task` (its classification, even where ours differs)",
        "{label: NRNeRF, field: 3D Vision, task: View Synthesis}",
    ),
    Key("added", "date", True, "the day the method was added to the survey, `YYYY-MM-DD`", "2026-11-27"),
    Key(
        "corrections",
        "texts",
        False,
        "where our facts differ from the original survey, one line each",
        '["Venue: published at CVPR 2021; the survey lists none."]',
    ),
)
"""Every front-matter key, in the order the contributing page documents them."""

KEY_NAMES = frozenset(k.name for k in KEYS)
CODE_KEYS = frozenset({"url", "framework", "official"})
LINK_KEYS = ("method", "where")
SURVEY_KEYS = ("label", "field", "task")


def keys_of(*kinds: Kind) -> tuple[Key, ...]:
    """The keys of the given kinds, in schema order."""
    return tuple(k for k in KEYS if k.kind in kinds)
