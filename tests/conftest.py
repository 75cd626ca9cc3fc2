"""Session fixtures: the real catalog and one strict build of the real site."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, BuildResult, build, copy_site, require_tool
from inrsurvey.catalog import load_catalog
from inrsurvey.model import Catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The real survey's catalog (loading must be clean)."""
    result = load_catalog(ROOT / "papers")
    assert result.catalog is not None
    assert not result.problems, [str(p) for p in result.problems]
    return result.catalog


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site built once with --strict.

    With INRSURVEY_TESTED_SITE set (CI), it is built into that folder, so the deploy job
    publishes exactly the site these tests checked.
    """
    target = os.environ.get("INRSURVEY_TESTED_SITE")
    site = Path(target).resolve() if target else tmp_path_factory.mktemp("real-site")
    result = build(ROOT / "mkdocs.yml", site)
    assert result.ok, result.error + "\n" + result.log
    return result


@pytest.fixture(scope="session")
def site_dir(real_site: BuildResult) -> Path:
    """The folder of the real site's build."""
    return real_site.site


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright, shared by every browser test."""
    require_tool(CHROMIUM.exists(), "Debian's chromium (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, Path]:
    """A generated survey of 500 valid methods (a third with benchmark results) and its strict
    build, shared by the tests at scale."""
    from synthetic import write_synthetic

    base = tmp_path_factory.mktemp("synthetic-500")
    write_synthetic(base / "papers", 500, seed=11, results=True)
    result = load_catalog(base / "papers")
    assert result.catalog is not None and not result.problems
    site = copy_site(base / "src", base / "papers")
    built = build(site / "mkdocs.yml", base / "site")
    assert built.ok, built.error + built.log
    return result.catalog, base / "site"
