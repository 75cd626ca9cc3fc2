"""`inrsurvey stage OUT/`: write the whole site's sources to disk, hooks already applied.

OUT/ gets `docs/` (hand-written pages with their markers expanded, every generated page
and download, the assets) and an `mkdocs.yml` without the hook, so plain MkDocs (or any
compatible generator) builds the same site without this package. Search there is
Material's built-in search (the Pagefind index is the hook's work).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .model import Catalog, Problem
from .render.markers import expand_markers
from .site import SiteOptions, plan_site
from .validate import check

_SITE_URL = re.compile(r"^site_url:\s*(\S+)\s*$", re.MULTILINE)
_SITE_NAME = re.compile(r"^site_name:\s*(.+?)\s*$", re.MULTILINE)


def staged_config(text: str, root: Path, catalog: Catalog) -> str:
    """The project's mkdocs.yml without `hooks:`, with absolute paths and the tag vocabulary."""
    lines = text.splitlines()
    out: list[str] = []
    skipping = False
    for line in lines:
        if re.match(r"^hooks:\s*$", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    config = "\n".join(out) + "\n"
    config = re.sub(r"(?m)^(\s*)paths: \[hooks\]", rf"\1paths: [{root / 'hooks'}]", config)
    config = re.sub(r"(?m)^custom_dir: overrides", f"custom_dir: {root / 'overrides'}", config)
    config = config.replace("  custom_dir: overrides", f"  custom_dir: {root / 'overrides'}")
    tags = ", ".join('"' + t.name.replace('"', '\\"') + '"' for t in catalog.taxonomy.tags)
    config = re.sub(r"(?m)^  - tags\s*$", f"  - search\n  - tags:\n      tags_allowed: [{tags}]", config)
    # Without the hook there is no Pagefind index: the staged site uses Material's own search.
    config = re.sub(r"(?m)^  - javascripts/search\.js\n", "", config)
    return config


def stage(root: Path, out: Path) -> tuple[int, list[Problem]]:
    """Write the staged site into `out`; returns the number of files and any problems.

    Nothing is written when papers/ has problems.
    """
    result = check(root / "papers")
    if result.problems or result.catalog is None:
        return 0, list(result.problems)
    catalog = result.catalog
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = _SITE_URL.search(text)
    site_name = _SITE_NAME.search(text)
    options = SiteOptions(site_url=site_url.group(1) if site_url else "", site_name=site_name.group(1) if site_name else "INR Survey")
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(root / "docs", docs)
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
    (out / "mkdocs.yml").write_text(staged_config(text, root, catalog), encoding="utf-8")
    return count, []
