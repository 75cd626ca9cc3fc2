"""Every public module, class and function of the package has a docstring (the reference needs them)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import inrsurvey
from helpers import ROOT


def test_every_public_object_is_documented() -> None:
    missing = []
    for info in pkgutil.walk_packages(inrsurvey.__path__, "inrsurvey."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        if not module.__doc__:
            missing.append(info.name)
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and not inspect.getdoc(obj):
                missing.append(f"{info.name}.{name}")
    assert not missing, missing


def test_every_module_is_in_the_reference() -> None:
    """The API reference (docs/reference/) renders every module of the package."""
    listed = {line.removeprefix(":::").strip() for page in (ROOT / "docs" / "reference").glob("*.md") for line in page.read_text(encoding="utf-8").splitlines() if line.startswith(":::")}
    modules = {info.name for info in pkgutil.walk_packages(inrsurvey.__path__, "inrsurvey.") if not info.ispkg and not info.name.endswith("__main__")}
    assert modules <= listed, sorted(modules - listed)
