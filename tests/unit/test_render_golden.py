"""Renderers against golden files (set UPDATE_GOLDEN=1 to rewrite them after a deliberate change)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from inrsurvey.catalog import load_catalog
from inrsurvey.model import Catalog
from inrsurvey.render.markers import MarkerError, expand_markers
from inrsurvey.render.method import method_head, method_page
from inrsurvey.render.pages import summary_page
from inrsurvey.render.taxonomy import representation_page, task_page

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


def test_task_page_lists_methods_for_which_it_is_a_further_task(small: Catalog) -> None:
    """View Synthesis is Synth00001's primary task and one of Synth00002's further tasks: both are listed."""
    task = small.taxonomy.task("View Synthesis")
    assert task is not None
    assert [p.slug for p in small.by_task["View Synthesis"]] == ["synth00001", "synth00002"]
    compare("task-page-further.md", task_page(small, task))


def test_representation_page(small: Catalog) -> None:
    rep = small.taxonomy.representation("hash-grid")
    assert rep is not None
    compare("representation-page.md", representation_page(small, rep))


def test_method_page_with_builds_on(small: Catalog) -> None:
    """A method's links with where its paper states them (Synth00003), and a builds_on_none (Synth00001)."""
    compare("method-synth00003.md", method_page(small, small.by_slug["synth00003"]))
    page = method_page(small, small.by_slug["synth00001"])
    assert "builds on none of the survey's methods: Its paper \\(Sec\\. 2\\-3\\) presents the model" in page


def test_summary_page(small: Catalog) -> None:
    compare("summary.md", summary_page(small))


_DIGEST = """
import hashlib, sys
from inrsurvey.catalog import load_catalog
from inrsurvey.site import SiteOptions, plan_site
from pathlib import Path
catalog = load_catalog(Path(sys.argv[1])).catalog
digest = hashlib.sha256()
for f in plan_site(catalog, SiteOptions(site_url="https://example.org/inr/")):
    digest.update(f.uri.encode() + b"\\0" + f.content.encode() + b"\\0" + repr(f.context).encode())
print(digest.hexdigest())
"""


def test_rendering_is_deterministic_across_processes(tmp_path: Path) -> None:
    """Every generated file is the same in fresh processes with different hash seeds,
    and when papers/ is read from a copy whose files were written in another order."""
    copy = tmp_path / "papers"
    copy.mkdir()
    for source in sorted((GOLDEN / "papers").iterdir(), reverse=True):
        shutil.copyfile(source, copy / source.name)
    digests = set()
    for seed, folder in (("1", GOLDEN / "papers"), ("2", copy), ("3", GOLDEN / "papers")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "hooks")}
        run = subprocess.run(
            [sys.executable, "-c", _DIGEST, str(folder)], env=env, capture_output=True, text=True, check=True
        )
        digests.add(run.stdout.strip())
    assert len(digests) == 1, digests


def test_markers(small: Catalog) -> None:
    text = 'Intro\n<!-- inrsurvey:table task="View Synthesis" -->\nand `<!-- inrsurvey:stats -->` in code\n'
    out = expand_markers(text, small, "page.md")
    assert '<th scope="col">Method</th><th scope="col">Key idea</th>' in out and "`<!-- inrsurvey:stats -->`" in out
    assert 'href="../methods/' in out  # links from the page holding the marker
    with pytest.raises(MarkerError, match="unknown marker"):
        expand_markers("<!-- inrsurvey:nonsense -->", small, "page.md")
    with pytest.raises(MarkerError, match="not in taxonomy"):
        expand_markers('<!-- inrsurvey:table task="Juggling" -->', small, "page.md")
