"""Session fixtures: the real catalog and one strict build of the real site."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, BuildResult, build
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
    """The real site built once with --strict."""
    site = tmp_path_factory.mktemp("real-site")
    result = build(ROOT / "mkdocs.yml", site)
    assert result.ok, result.error + "\n" + result.log
    return result


@pytest.fixture(scope="session")
def site_dir(real_site: BuildResult) -> Path:
    """The folder of the real site's build."""
    return real_site.site
