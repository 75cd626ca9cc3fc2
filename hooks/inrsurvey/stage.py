"""`inrsurvey stage OUT/`: write the whole site's sources to disk, hooks already applied.

OUT/ gets `docs/` (hand-written pages with their markers expanded, every generated page
and download, the assets), `overrides/`, `hooks/` (read as source by the API reference),
the project's configuration as `base.yml` and an `mkdocs.yml` that inherits it without
the hook, so plain MkDocs builds the same site without running this package, from
wherever OUT/ is moved. Search there is Material's built-in search (the Pagefind index
is the hook's work).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from .model import Catalog, Problem
from .render.markers import expand_markers
from .site import SiteOptions, plan_site
from .validate import check

BASE_CONFIG = "base.yml"
"""The project's mkdocs.yml as copied into the staged folder; the staged mkdocs.yml inherits it."""

COPIED = ("docs", "overrides", "hooks")
"""Folders copied beside the staged configuration (hooks/ only as source for the API reference)."""

WRITTEN = (*COPIED, BASE_CONFIG, "mkdocs.yml")
"""Everything `stage` writes into OUT/."""

MARKER = ".inrsurvey-stage"
"""The file that marks OUT/ as written by `stage`; only then are its earlier outputs replaced."""

PROJECT_FOLDERS = ("docs", "papers", "hooks", "overrides")
"""The project's own folders: OUT/ may be none of them, lie in none and hold none."""


class StageError(ValueError):
    """OUT/ cannot be used: it overlaps the project, or holds files `stage` did not write."""


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def refuse_overlap(root: Path, out: Path) -> None:
    """Raise StageError when `out` is the project root, contains it, or is or lies in one of its folders."""
    root, out = root.resolve(), out.resolve()
    if _within(root, out):
        raise StageError(f"{out} is or contains the project folder {root}; stage into a folder of its own")
    for name in PROJECT_FOLDERS:
        if _within(out, root / name):
            raise StageError(f"{out} is or lies in the project's {name}/ folder; stage into a folder of its own")


def previous_outputs(out: Path) -> list[Path]:
    """What an earlier `stage` wrote into `out`, to be replaced; raise StageError for anything else in the way.

    Only an OUT/ holding the marker file has its earlier outputs replaced, never through
    a symlink; a `docs/`, `hooks/`, `overrides/` or configuration file that `stage` did
    not write is left alone and refused.
    """
    if not os.path.lexists(out):
        return []
    if out.is_symlink() or not out.is_dir():
        raise StageError(f"{out} is not a folder; stage into an empty or new folder")
    ours = (out / MARKER).is_file() and not (out / MARKER).is_symlink()
    present = [out / name for name in WRITTEN if os.path.lexists(out / name)]
    if present and not ours:
        names = ", ".join(p.name for p in present)
        raise StageError(
            f"{out} already holds {names}, not written by inrsurvey stage; stage into an empty or new folder"
        )
    for target in present:
        if target.is_symlink() or not (target.is_dir() or target.is_file()):
            raise StageError(f"{target} is a symlink or special file; stage into an empty or new folder")
    return present


def _remove(paths: list[Path]) -> None:
    for target in paths:
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()


def read_config(path: Path) -> dict[str, Any]:
    """The project's MkDocs configuration as MkDocs reads it (its YAML tags included)."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    with path.open("rb") as handle:
        return yaml_load(handle, get_yaml_loader())


def _plugin_name(item: object) -> str:
    return item if isinstance(item, str) else next(iter(item)) if isinstance(item, dict) and item else ""


def _script_path(item: object) -> str:
    return str(item.get("path", "")) if isinstance(item, dict) else str(item)


def staged_config(base: dict[str, Any], catalog: Catalog) -> str:
    """The staged mkdocs.yml: inherit the project's configuration and override what the hook did.

    Lists replace their inherited value in MkDocs' INHERIT, so `hooks` becomes empty, the
    plugins gain Material's own search (the Pagefind index is the hook's work) and the
    closed tag vocabulary, and the Pagefind script leaves `extra_javascript`. Every path
    stays relative, so the staged folder builds wherever it is moved.
    """
    plugins: list[object] = [] if "search" in map(_plugin_name, base.get("plugins", [])) else ["search"]
    tags_allowed = [t.name for t in catalog.taxonomy.tags]
    for item in base.get("plugins", []):
        if _plugin_name(item) == "tags":
            options = dict(item["tags"] or {}) if isinstance(item, dict) else {}
            plugins.append({"tags": {**options, "tags_allowed": tags_allowed}})
        else:
            plugins.append(item)
    scripts = [s for s in base.get("extra_javascript", []) if not _script_path(s).endswith("javascripts/search.js")]
    override = {"INHERIT": BASE_CONFIG, "hooks": [], "plugins": plugins, "extra_javascript": scripts}
    header = "# Generated by `inrsurvey stage`: the project's configuration without its hook.\n"
    return header + yaml.safe_dump(override, sort_keys=False, allow_unicode=True)


def stage(root: Path, out: Path) -> tuple[int, list[Problem]]:
    """Write the staged site into `out`; returns the number of files and any problems.

    Nothing is written when papers/ has problems. Raises StageError (before anything is
    written or removed) when `out` overlaps the project or holds files of its own.
    """
    refuse_overlap(root, out)
    previous = previous_outputs(out)
    result = check(root / "papers")
    if result.problems or result.catalog is None:
        return 0, list(result.problems)
    catalog = result.catalog
    base = read_config(root / "mkdocs.yml")
    options = SiteOptions(site_url=base.get("site_url") or "", site_name=base.get("site_name") or "INR Survey")
    out.mkdir(parents=True, exist_ok=True)
    _remove(previous)
    (out / MARKER).write_text("Written by inrsurvey stage: " + ", ".join(WRITTEN) + "\n", encoding="utf-8")
    for name in COPIED:
        shutil.copytree(root / name, out / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    docs = out / "docs"
    count = 0
    for page in sorted((root / "docs").rglob("*.md")):
        uri = page.relative_to(root / "docs").as_posix()
        expanded = expand_markers(page.read_text(encoding="utf-8"), catalog, uri)
        (docs / uri).write_text(expanded, encoding="utf-8")
        count += 1
    for planned in plan_site(catalog, options):
        target = docs / planned.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(planned.content, encoding="utf-8")
        count += 1
    shutil.copyfile(root / "mkdocs.yml", out / BASE_CONFIG)
    (out / "mkdocs.yml").write_text(staged_config(base, catalog), encoding="utf-8")
    return count, []
