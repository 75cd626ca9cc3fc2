"""Every case of the bad-input corpus, previewed: what is kept renders, safely, with its problems.

Cases of taxonomy.yml and benchmarks.yml are not methods' problems and are skipped here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inrsurvey.problems import CONTENT_CODES, preview
from inrsurvey.render import paths
from inrsurvey.site import plan_preview
from inrsurvey.validate import check
from sitehtml import parse, site_markdown
from test_bad_input import CASES, make_papers


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_preview_of_the_case(case: Path, tmp_path: Path) -> None:
    expected = make_papers(case, tmp_path / "papers")
    result = check(tmp_path / "papers")
    if result.catalog is None or any(not p.path.endswith((".md", ".bib")) for p in result.problems):
        return  # taxonomy.yml or benchmarks.yml: no method's problem, so not what a preview decides
    view = preview(result.catalog, result.problems, result.failed)
    if expected["code"] not in CONTENT_CODES:
        assert not [p for found in view.shown.values() for p in found if p.code == expected["code"]]
    files = {f.uri: f.content for f in plan_preview(view)}
    for slug in view.left_out:
        assert paths.method(slug) not in files
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
