"""The API reference renders every module (ruff's docstring rules, in pyproject.toml, check the docstrings themselves)."""

from __future__ import annotations

import pkgutil

import inrsurvey
from helpers import ROOT


def test_every_module_is_in_the_reference() -> None:
    """The API reference (docs/reference/) renders every module of the package."""
    listed = {
        line.removeprefix(":::").strip()
        for page in (ROOT / "docs" / "reference").glob("*.md")
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith(":::")
    }
    modules = {
        info.name
        for info in pkgutil.walk_packages(inrsurvey.__path__, "inrsurvey.")
        if not info.ispkg and not info.name.endswith("__main__")
    }
    assert modules <= listed, sorted(modules - listed)
