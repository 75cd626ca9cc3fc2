"""Every internal link, asset and anchor of the built site resolves."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpers import ROOT, BuildResult
from inrsurvey.model import Catalog
from sitehtml import parse

pytestmark = pytest.mark.build


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    @cache
    def ids(path: Path) -> frozenset[str]:
        return frozenset(e.attrs["id"] for e in parse(path.read_text(encoding="utf-8")) if "id" in e.attrs) | frozenset(
            e.attrs["name"] for e in parse(path.read_text(encoding="utf-8")) if e.tag == "a" and "name" in e.attrs
        )

    site_url = next(
        line.split(":", 1)[1].strip()
        for line in (ROOT / "mkdocs.yml").read_text().splitlines()
        if line.startswith("site_url:")
    )
    prefix = urlsplit(site_url).path  # 404.html links absolutely, for any depth of missing URL
    broken: list[str] = []
    checked = 0
    for html_file in sorted(site_dir.rglob("*.html")):
        page_dir = html_file.parent.relative_to(site_dir).as_posix()
        for element in parse(html_file.read_text(encoding="utf-8")):
            for attr in ("href", "src"):
                url = element.attrs.get(attr)
                if not url or element.tag in ("base",):
                    continue
                parts = urlsplit(url)
                if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:", "blob:")):
                    continue
                if not parts.path:
                    target = html_file
                elif parts.path.startswith("/"):
                    assert parts.path.startswith(prefix), (html_file, url)
                    target = site_dir / unquote(parts.path.removeprefix(prefix))
                    if target.is_dir():
                        target = target / "index.html"
                else:
                    rel = posixpath.normpath(posixpath.join(page_dir, unquote(parts.path)))
                    target = site_dir / rel
                    if target.is_dir():
                        target = target / "index.html"
                checked += 1
                if not target.is_file():
                    broken.append(f"{html_file.relative_to(site_dir)}: {url}")
                    continue
                fragment = unquote(parts.fragment)
                if (
                    fragment
                    and target.suffix == ".html"
                    and fragment not in ids(target)
                    and not fragment.startswith("__")
                ):
                    broken.append(f"{html_file.relative_to(site_dir)}: {url} (no anchor)")
    assert checked > 1000
    assert not broken, broken[:20]


def test_build_log_holds_only_what_matters(real_site: BuildResult) -> None:
    """No line per generated page ("not included in the nav"): a build says what it did and what is wrong."""
    lines = [line for line in real_site.log.splitlines() if line.strip()]
    assert not [line for line in lines if "not included" in line or "not in nav" in line.lower()], lines[:20]
    assert len(lines) <= 10, lines


def test_every_generated_page_is_where_paths_says(catalog: Catalog, site_dir: Path) -> None:
    """One module owns the URL layout: every generated page is published at `paths.page_url`."""
    from inrsurvey.render import paths
    from inrsurvey.site import plan_site

    pages = [f.uri for f in plan_site(catalog) if f.is_page]
    missing = [uri for uri in pages if not (site_dir / paths.page_url(uri) / "index.html").is_file()]
    assert pages and not missing, missing[:10]
