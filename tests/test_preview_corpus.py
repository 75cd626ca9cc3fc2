"""Every case of the bad-input corpus, previewed: what is kept renders, safely, with its problems.

A case of taxonomy.yml or benchmarks.yml says in expected.yml which methods its preview leaves
out (`preview_left_out`): those naming a term or benchmark it makes unusable, or every method
when taxonomy.yml does not load.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inrsurvey.problems import CONTENT_CODES, PAGE_URI, preview
from inrsurvey.render import paths
from inrsurvey.render.text import md
from inrsurvey.site import plan_preview
from inrsurvey.validate import check
from sitehtml import parse, site_markdown
from test_bad_input import CASES, make_papers

SURVEY_FILES = ("papers/taxonomy.yml", "papers/benchmarks.yml")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_preview_of_the_case(case: Path, tmp_path: Path) -> None:
    expected = make_papers(case, tmp_path / "papers")
    result = check(tmp_path / "papers")
    view = preview(result.catalog, result.problems, result.failed)
    if expected["path"] in SURVEY_FILES:
        assert sorted(view.left_out) == expected["preview_left_out"]
    if expected["code"] not in CONTENT_CODES:
        assert not [p for found in view.shown.values() for p in found if p.code == expected["code"]]
    files = {f.uri: f.content for f in plan_preview(view)}
    page = files[PAGE_URI]
    assert f": **{md(expected['code'])}**: " in page
    for slug in view.left_out:
        assert paths.method(slug) not in files
        assert f"- {md(slug)}: left out of the preview: " in page
    for slug, found in view.shown.items():
        assert {p.code for p in found} <= CONTENT_CODES
        elements = parse(site_markdown(files[paths.method(slug)].split("\n---\n", 1)[1]))
        warning = next(e for e in elements if e.tag == "div" and "admonition" in e.classes)
        assert all(p.code in warning.text for p in found)
        assert not [e for e in elements if e.tag in ("script", "img", "iframe", "style")]
        assert not [
            (e.tag, name)
            for e in elements
            for name, value in e.attrs.items()
            if name.startswith("on") or value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
        ]
