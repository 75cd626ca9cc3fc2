"""The front matter (`---` YAML block) of generated pages."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from .text import meta_text

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: Mapping[str, object]) -> str:
    """YAML front matter (`---` block) for a generated page, keys sorted."""
    return "---\n" + yaml.dump(dict(meta), Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=1000) + "---\n"


def page_front(title: str, description: str, **extra: object) -> str:
    """Front matter with an escaped title and description, plus any other keys."""
    return front_matter({"title": meta_text(title), "description": meta_text(description), **extra})
