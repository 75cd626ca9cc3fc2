"""Arbitrary strings as method slugs, tag ids and taxonomy names (Hypothesis), through check,
the site plan and the strict build: no traceback, a located problem or a safe page, and no
valid method lost.

The generated strings mix any text with the names that break code keyed by them:
JavaScript's own property names, quotes, markup, comment and CDATA terminators.
"""

from __future__ import annotations

import xml.dom.minidom
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import SMALL_SURVEY, build, copy_site, small_survey
from inrsurvey.site import SiteOptions, plan_site
from inrsurvey.validate import check
from sitehtml import parse

NASTY = [
    "constructor",
    "Constructor",
    "__proto__",
    "toString",
    "valueOf",
    "hasOwnProperty",
    '"',
    "'",
    "<",
    ">",
    "&",
    "-->",
    "--!>",
    "<!--",
    "]]>",
    "{",
    "}",
    "\\",
    "#",
    "/",
    ":",
    " ",
    "-",
]
NAMES = st.one_of(
    st.sampled_from(NASTY),
    st.lists(st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=3)), min_size=1, max_size=6).map("".join),
)
"""Names and ids: JavaScript's property names, markup and terminators, and any text."""


def _papers(tmp: Path) -> Path:
    return small_survey(tmp / "papers")


def _add_terms(papers: Path, tag_id: str, tag_name: str, task: str) -> None:
    """A tag and a task with the given names in the taxonomy, and NeRF carrying both."""
    data = yaml.safe_load((papers / "taxonomy.yml").read_text(encoding="utf-8"))
    data["tags"].append({"id": tag_id, "name": tag_name, "definition": "A generated tag."})
    data["tasks"].append({"name": task, "definition": "A generated task."})
    (papers / "taxonomy.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, head, body = (papers / "nerf.md").read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(head)
    meta.update(tags=["volume-rendering", tag_id], task=task)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    (papers / "nerf.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def _assert_located(result_problems: tuple[object, ...]) -> None:
    for problem in result_problems:
        assert problem.path.startswith("papers/"), problem  # type: ignore[attr-defined]
        assert problem.line is None or problem.line >= 1, problem  # type: ignore[attr-defined]


def _assert_safe_plan(papers: Path) -> None:
    """Whatever passed check: the feed is well-formed XML naming every method, every tag has its page."""
    result = check(papers)
    if result.problems or result.catalog is None:
        return
    planned = {f.uri: f.content for f in plan_site(result.catalog, SiteOptions(site_url="https://example.org/s/"))}
    feed = xml.dom.minidom.parseString(planned["feed.xml"].encode("utf-8"))
    titles = [e.firstChild.data for e in feed.getElementsByTagName("entry") for e in e.getElementsByTagName("title")]
    assert len(titles) == len(result.catalog.papers)
    terms = {c.getAttribute("term") for c in feed.getElementsByTagName("category")}
    assert terms == {p.task for p in result.catalog.papers}
    for tag in result.catalog.taxonomy.tags:
        count = len(result.catalog.by_tag.get(tag.id, ()))
        assert f"BibTeX of these {count} method" in planned[f"tags/{tag.id}.md"], tag.id


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tag_id=NAMES, tag_name=NAMES, task=NAMES)
def test_arbitrary_taxonomy_names(tmp_path: Path, tag_id: str, tag_name: str, task: str) -> None:
    papers = _papers(tmp_path)
    _add_terms(papers, tag_id, tag_name, task)
    result = check(papers)
    _assert_located(result.problems)
    assert result.catalog is None or "liif" in result.catalog.by_slug  # a bad term never loses another method
    _assert_safe_plan(papers)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(slug=NAMES)
def test_arbitrary_method_slugs(tmp_path: Path, slug: str) -> None:
    papers = _papers(tmp_path)
    if "/" in slug or "\x00" in slug or slug in (".", "..") or len(slug.encode()) > 200:
        return
    try:
        (papers / "siren.md").rename(papers / f"{slug}.md")
        (papers / "siren.bib").rename(papers / f"{slug}.bib")
    except OSError:
        return  # a name the file system refuses cannot reach papers/
    result = check(papers)
    _assert_located(result.problems)
    if slug != "siren":
        # Reported under the file's name (printed with its invisible characters escaped), not lost in silence.
        others = {f"papers/{n}" for n in SMALL_SURVEY if not n.startswith("siren")}
        assert any(p.path not in others for p in result.problems), result.problems
    assert result.catalog is not None and {"nerf", "liif"} <= set(result.catalog.by_slug)
    _assert_safe_plan(papers)


@pytest.mark.build
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tag_name=NAMES, task=NAMES)
def test_arbitrary_names_build_to_safe_pages(
    tmp_path_factory: pytest.TempPathFactory, tag_name: str, task: str
) -> None:
    """The strict build of whatever passed check: every page parses, no name reaches markup raw, nothing is lost."""
    base = tmp_path_factory.mktemp("names")
    papers = _papers(base)
    _add_terms(papers, "generated", tag_name, task)
    result = check(papers)
    site = copy_site(base / "src", papers)
    built = build(site / "mkdocs.yml", base / "site")
    assert "Traceback" not in built.log
    if result.problems:
        assert not built.ok and result.problems[0].path in built.log
        return
    assert built.ok, built.error + built.log
    xml.dom.minidom.parse(str(built.site / "feed.xml"))
    tag_page = (built.site / "tags" / "generated" / "index.html").read_text(encoding="utf-8")
    assert "/methods/nerf/" in tag_page.replace("../", "/"), "the tagged method is listed on its tag page"
    for path in built.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for element in parse(html):
            assert not any(name.startswith("on") for name in element.attrs), (path, element.tag)
        for name in (tag_name, task):
            if "<" in name and len(name.strip()) > 1:
                assert name not in html, (path, name)
