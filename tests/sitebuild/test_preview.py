"""A non-strict build (the preview of `mkdocs serve`) shows methods with content problems, with them.

The small survey is edited so that NeRF's summary runs to 303 words (a content problem)
and SIREN's project link is an address on a bare IP (a safety problem): NeRF's page is
built with its problem at the top and linked as usual, SIREN is left out and the problems
page says why; a strict build of the same files fails naming both.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import BuildResult, build, copy_site, small_survey
from sitehtml import article, article_text, method_links, page, parse

pytestmark = pytest.mark.build

LONG_WORDS = 303
UNSAFE_PROJECT = "http://127.0.0.1/siren"


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _papers(tmp: Path) -> Path:
    """The small survey with NeRF's summary at 303 words and SIREN's project on a bare IP address."""
    papers = small_survey(tmp / "papers")
    nerf = (papers / "nerf.md").read_text(encoding="utf-8")
    _, head, body = nerf.split("---\n", 2)
    body = body.rstrip() + "\n"
    missing = LONG_WORDS - _words(body)
    assert missing > 0
    (papers / "nerf.md").write_text(f"---\n{head}---\n{body}\n{' '.join(['filler'] * missing)}\n", encoding="utf-8")
    siren = (papers / "siren.md").read_text(encoding="utf-8")
    siren, count = re.subn(r"(?m)^project: .*$", f"project: {UNSAFE_PROJECT}", siren)
    assert count == 1
    (papers / "siren.md").write_text(siren, encoding="utf-8")
    return papers


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site's sources with the edited survey."""
    base = tmp_path_factory.mktemp("preview")
    return copy_site(base / "src", _papers(base))


@pytest.fixture(scope="module")
def preview_site(sources: Path) -> BuildResult:
    """The non-strict build of the edited survey."""
    result = build(sources / "mkdocs.yml", sources.parent / "site", strict=False)
    assert result.ok, result.error + result.log
    return result


def test_the_method_with_a_content_problem_is_built_with_it_on_top(preview_site: BuildResult) -> None:
    html = page(preview_site.site, "methods/nerf/")
    elements = article(html)
    warnings = [e for e in elements if e.tag == "div" and "admonition" in e.attrs.get("class", "").split()]
    assert len(warnings) == 1
    text = " ".join(" ".join(e.text for e in elements if e.tag in ("p", "li", "strong")).split())
    assert "papers/nerf.md, line" in text and "summary-length" in text
    assert f"the summary has {LONG_WORDS} words; write 120 to 300" in text
    # The warning comes right after the page's title, before the facts and the summary.
    body = article_text(html)
    assert body.index("summary-length") < body.index("Summary") and body.index("NeRF") < body.index("summary-length")


def test_the_kept_method_is_linked_as_usual(preview_site: BuildResult) -> None:
    assert "nerf" in method_links(preview_site.site, "tasks/view-synthesis/")
    assert "nerf" in method_links(preview_site.site, "catalog/")
    assert "liif" in method_links(preview_site.site, "catalog/")


def test_the_method_with_an_unsafe_link_is_left_out(preview_site: BuildResult) -> None:
    site = preview_site.site
    assert not (site / "methods" / "siren").exists()
    assert "siren" not in method_links(site, "catalog/")
    for html_file in site.rglob("*.html"):  # quoted as text on the problems page, never linked
        hrefs = [e.attrs.get("href", "") for e in parse(html_file.read_text(encoding="utf-8"))]
        assert not [h for h in hrefs if "127.0.0.1" in h], html_file
    # A method without problems carries no warning.
    assert not [e for e in article(page(site, "methods/liif/")) if "admonition" in e.attrs.get("class", "")]


def test_the_problems_page_says_what_is_shown_and_what_is_left_out(preview_site: BuildResult) -> None:
    text = " ".join(article_text(page(preview_site.site, "problems/")).split())
    assert re.search(
        r"siren: left out of the preview: it holds a link, markup, TeX or characters the site cannot "
        r"publish safely \(url-scheme\)",
        text,
    ), text
    assert "NeRF: 1 problem(s), listed at the top of its page" in text
    assert "2 problem(s) in papers/: 1 method(s) are left out of it and 1 shown with their problems" in text
    assert "papers/siren.md, line" in text and "papers/nerf.md, line" in text
    assert "nerf" in method_links(preview_site.site, "problems/")
    banner = [e for e in parse(page(preview_site.site, "")) if e.tag == "a" and "problems/" in e.attrs.get("href", "")]
    assert banner and "1 method(s) left out" in banner[0].text


def test_a_strict_build_of_the_same_files_fails_naming_both(sources: Path) -> None:
    result = build(sources / "mkdocs.yml", sources.parent / "strict-site", strict=True)
    assert not result.ok
    stopped = result.log[result.log.index("ERROR: 2 problem(s) in papers/") :]  # the message it stops with
    assert re.search(r"\npapers/nerf\.md:\d+: summary-length: ", stopped), stopped
    assert re.search(r"\npapers/siren\.md:\d+: url-scheme: ", stopped), stopped
    assert not (sources.parent / "strict-site" / "methods").exists()


@pytest.mark.parametrize(
    ("name", "left_out"), [("taxonomy-venue-kind", ["liif"]), ("taxonomy-missing", ["liif", "nerf", "siren"])]
)
def test_a_preview_with_an_unusable_taxonomy_finishes_without_the_methods_it_holds_back(
    name: str, left_out: list[str], tmp_path: Path
) -> None:
    from test_bad_input import CASES, make_papers

    empty = tmp_path / "empty"
    empty.mkdir()
    sources = copy_site(tmp_path / "src", empty)
    shutil.rmtree(sources / "papers")
    make_papers(next(c for c in CASES if c.name == name), sources / "papers")
    result = build(sources / "mkdocs.yml", tmp_path / "site", strict=False)
    assert result.ok, result.error + result.log
    methods = result.site / "methods"
    built = sorted(p.name for p in methods.iterdir() if p.is_dir()) if methods.is_dir() else []
    assert built == sorted({"liif", "nerf", "siren"} - set(left_out))
    text = " ".join(article_text(page(result.site, "problems/")).split())
    for slug in left_out:
        assert f"{slug}: left out of the preview: " in text
    csl = json.loads((result.site / "data" / "papers.csl.json").read_text(encoding="utf-8"))
    assert len(csl) == len(built) and all(item["type"] == "paper-conference" for item in csl)
