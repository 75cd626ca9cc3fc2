"""What a preview (a non-strict build) keeps and leaves out, decided by problem code."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import small_survey
from inrsurvey.model import Problem
from inrsurvey.problems import (
    CODES,
    CONTENT_CODES,
    LEFT_OUT_CODES,
    SURVEY_CODES,
    left_out_reason,
    preview,
    problems_admonition,
    problems_page,
    with_problems,
)
from inrsurvey.render.method import method_page
from inrsurvey.site import plan_preview
from inrsurvey.validate import check
from sitehtml import parse, site_markdown


def test_every_code_is_classified_exactly_once() -> None:
    groups = [CONTENT_CODES, SURVEY_CODES, *LEFT_OUT_CODES.values()]
    assert sum(len(g) for g in groups) == len(set().union(*groups)), "a code is in two groups"
    assert set().union(*groups) == set(CODES), sorted(set(CODES) ^ set().union(*groups))


def test_reasons() -> None:
    assert left_out_reason("summary-length") is None
    assert left_out_reason("url-scheme") == "it holds a link, markup, TeX or characters the site cannot publish safely"
    assert left_out_reason("yaml-syntax") == "its files do not load into a method"
    assert left_out_reason("no-such-code") == "it has a problem a preview does not show"  # unknown: left out


def _edited(tmp: Path) -> Path:
    """NeRF's key idea over 25 words (content), SIREN's summary with raw HTML (markup), a broken extra method."""
    papers = small_survey(tmp / "papers")
    nerf = (papers / "nerf.md").read_text(encoding="utf-8")
    nerf, count = re.subn(r"(?m)^key_idea: .*$", 'key_idea: "' + " ".join(["word"] * 30) + '."', nerf)
    assert count == 1
    (papers / "nerf.md").write_text(nerf, encoding="utf-8")
    siren = (papers / "siren.md").read_text(encoding="utf-8")
    (papers / "siren.md").write_text(siren + "\n<b>bold</b>\n", encoding="utf-8")
    (papers / "broken.md").write_text("---\nname: [unclosed\n---\n", encoding="utf-8")
    (papers / "broken.bib").write_text((papers / "liif.bib").read_text(encoding="utf-8"), encoding="utf-8")
    return papers


def test_preview_keeps_content_problems_and_leaves_out_the_rest(tmp_path: Path) -> None:
    result = check(_edited(tmp_path))
    assert result.catalog is not None
    view = preview(result.catalog, result.problems, result.failed)
    assert sorted(view.catalog.by_slug) == ["liif", "nerf"]
    assert list(view.shown) == ["nerf"] and {p.code for p in view.shown["nerf"]} == {"key-idea-length"}
    assert list(view.left_out) == ["broken", "siren"]
    assert {p.code for p in view.left_out["siren"]} >= {"summary-html"}
    assert {p.code for p in view.left_out["broken"]} == {"yaml-syntax"}
    assert view.problems == result.problems
    page = problems_page(view)
    assert "- broken: left out of the preview: its files do not load into a method (**yaml\\-syntax**)" in page
    assert "- siren: left out of the preview: it holds a link, markup" in page
    assert "- [NeRF](methods/nerf.md): 1 problem(s), listed at the top of its page" in page
    assert page.count("\n- ") == 2 + 1 + len(result.problems)


def test_a_survey_without_problems_is_planned_as_before(tmp_path: Path) -> None:
    result = check(small_survey(tmp_path / "papers"))
    assert result.catalog is not None and not result.problems
    view = preview(result.catalog, result.problems, result.failed)
    assert view.catalog is result.catalog and not view.shown and not view.left_out
    assert all("admonition" not in f.content and f.uri != "problems.md" for f in plan_preview(view))


def test_the_kept_method_page_opens_with_its_problems(tmp_path: Path) -> None:
    result = check(_edited(tmp_path))
    assert result.catalog is not None
    view = preview(result.catalog, result.problems, result.failed)
    files = {f.uri: f.content for f in plan_preview(view)}
    assert "methods/siren.md" not in files and "methods/broken.md" not in files
    assert "!!! warning" not in files["methods/liif.md"]
    nerf = files["methods/nerf.md"]
    assert nerf == with_problems(method_page(view.catalog, view.catalog.by_slug["nerf"]), view.shown["nerf"])
    html = site_markdown(nerf.split("\n---\n", 1)[1])
    elements = parse(html)
    assert [e.tag for e in elements[:2]] == ["h1", "div"] and elements[1].classes == ("admonition", "warning")
    assert "key-idea-length" in elements[1].text and "papers/nerf.md, line" in elements[1].text
    assert "problems.md" in files


def test_the_problems_are_shown_as_text() -> None:
    hostile = Problem(
        "papers/x_y.md", 3, "summary-length", "<script>alert(1)</script> *not em* [a](javascript:b) `code` {: .x }"
    )
    html = site_markdown(problems_admonition([hostile]))
    elements = parse(html)
    assert not [e for e in elements if e.tag in ("script", "em", "a", "code") and e.text != "mkdocs build --strict"]
    item = next(e for e in elements if e.tag == "li")
    assert " ".join(item.text.split()) == (
        "papers/x_y.md, line 3: summary-length: <script>alert(1)</script> *not em* [a](javascript:b) `code` {: .x }"
    )


def test_a_code_not_classified_as_content_leaves_its_method_out(tmp_path: Path) -> None:
    result = check(small_survey(tmp_path / "papers"))
    assert result.catalog is not None
    nerf = result.catalog.by_slug["nerf"]
    found = (Problem(nerf.md_path, 2, "no-such-code", "x"), Problem("papers/taxonomy.yml", 3, "taxonomy-entry", "y"))
    view = preview(result.catalog, found)
    assert sorted(view.catalog.by_slug) == ["liif", "siren"] and list(view.left_out) == ["nerf"]
    assert not view.shown
    assert "- nerf: left out of the preview: it has a problem a preview does not show (**no\\-such\\-code**)" in (
        problems_page(view)
    )


def test_a_venue_of_an_unknown_kind_leaves_out_the_methods_at_it(tmp_path: Path) -> None:
    papers = small_survey(tmp_path / "papers")
    taxonomy = (papers / "taxonomy.yml").read_text(encoding="utf-8")
    cvpr = "  - id: CVPR\n"
    start = taxonomy.index(cvpr)
    kind = taxonomy.index("    kind: conference\n", start)
    (papers / "taxonomy.yml").write_text(taxonomy[:kind] + "    kind: symposium\n" + taxonomy[kind + 21 :], "utf-8")
    result = check(papers)
    assert result.catalog is not None and result.catalog.taxonomy.venue("CVPR") is None
    at_cvpr = sorted(p.slug for p in result.catalog.papers if p.venue == "CVPR")
    assert at_cvpr == ["liif"]
    assert [p.code for p in result.problems] == ["unknown-venue", "taxonomy-venue-kind"]
    view = preview(result.catalog, result.problems, result.failed)
    assert list(view.left_out) == at_cvpr and sorted(view.catalog.by_slug) == ["nerf", "siren"]
    page = problems_page(view)
    assert "- liif: left out of the preview: an identifier, a taxonomy term" in page
    line = view.left_out["liif"][0].line
    assert (
        f"papers/liif\\.md, line {line}: **unknown\\-venue**: "
        "venue 'CVPR' cannot be used\\: in taxonomy\\.yml it has the unknown kind 'symposium'"
    ) in page
    files = {f.uri: f.content for f in plan_preview(view)}
    assert "methods/liif.md" not in files
    csl = json.loads(files["data/papers.csl.json"])
    assert sorted((item["id"], item["type"]) for item in csl) == [
        (view.catalog.by_slug["nerf"].key, "paper-conference"),
        (view.catalog.by_slug["siren"].key, "paper-conference"),
    ]


def test_without_a_taxonomy_the_preview_holds_no_method(tmp_path: Path) -> None:
    papers = small_survey(tmp_path / "papers")
    (papers / "taxonomy.yml").unlink()
    result = check(papers)
    assert result.catalog is None and [p.code for p in result.problems] == ["taxonomy-missing"]
    view = preview(result.catalog, result.problems, result.failed)
    assert not view.catalog.papers and list(view.left_out) == ["liif", "nerf", "siren"]
    files = {f.uri: f.content for f in plan_preview(view)}
    assert not [uri for uri in files if uri.startswith("methods/")]
    page = files["problems.md"]
    assert page.count(": left out of the preview: taxonomy.yml does not load") == 3
    assert "**taxonomy\\-missing**" in page
