"""Renderers against golden files (set UPDATE_GOLDEN=1 to rewrite them after a deliberate change)."""

from __future__ import annotations

import json
import os

import pytest

from helpers import ROOT
from inrsurvey.catalog import load_catalog
from inrsurvey.model import Catalog
from inrsurvey.render.markers import MarkerError, expand_markers
from inrsurvey.render.method import method_head, method_page
from inrsurvey.render.pages import summary_page
from inrsurvey.render.taxonomy import task_page

GOLDEN = ROOT / "tests" / "fixtures" / "golden"


@pytest.fixture(scope="module")
def small() -> Catalog:
    result = load_catalog(GOLDEN / "papers")
    assert result.catalog is not None and not result.problems
    return result.catalog


def compare(name: str, text: str) -> None:
    path = GOLDEN / "expected" / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; rerun with UPDATE_GOLDEN=1 if intended"


def test_method_page(small: Catalog) -> None:
    compare("method-synth00002.md", method_page(small, small.by_slug["synth00002"]))
    head = method_head(small, small.by_slug["synth00002"], "https://example.org/inr/")
    compare("method-synth00002-head.json", json.dumps(head, indent=1, ensure_ascii=False, sort_keys=True) + "\n")


def test_task_page_with_comparison_table(small: Catalog) -> None:
    task = small.taxonomy.task(small.by_slug["synth00002"].task)
    assert task is not None
    compare("task-page.md", task_page(small, task))


def test_summary_page(small: Catalog) -> None:
    compare("summary.md", summary_page(small))


def test_rendering_is_deterministic(small: Catalog) -> None:
    paper = small.by_slug["synth00001"]
    assert method_page(small, paper) == method_page(small, paper)


def test_markers(small: Catalog) -> None:
    text = 'Intro\n<!-- inrsurvey:table task="View Synthesis" -->\nand `<!-- inrsurvey:stats -->` in code\n'
    out = expand_markers(text, small, "page.md")
    assert "| Method | Inputs |" in out and "`<!-- inrsurvey:stats -->`" in out
    with pytest.raises(MarkerError, match="unknown marker"):
        expand_markers("<!-- inrsurvey:nonsense -->", small, "page.md")
    with pytest.raises(MarkerError, match="not in taxonomy"):
        expand_markers('<!-- inrsurvey:table task="Juggling" -->', small, "page.md")
