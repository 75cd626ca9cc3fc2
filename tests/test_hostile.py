"""Hostile input, generated and hand-made: check never crashes, output never carries script.

Property-based tests (Hypothesis) write generated values into a small valid survey and
assert that `check` either passes or reports located problems, never raises or hangs, and
that a method page rendered from whatever passed holds no unsafe markup after the site's
Markdown extensions and the sanitizer. A hostile fixture survey is then built in full and
every page of it parsed.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import BuildResult, build, copy_site, small_survey
from inrsurvey.problems import valid_catalog
from inrsurvey.render.method import method_page
from inrsurvey.render.sanitize import ALLOWED, clean_html
from inrsurvey.validate import check
from sitehtml import parse

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.superfences",
]
"""The Markdown extensions of mkdocs.yml that can change what markup a text produces."""

HOSTILE = st.lists(
    st.sampled_from(
        [
            *"<>&\"'`{}[]()=:;#*_!\\/ \n\tabcXYZ019.,-+|~",
            "javascript:",
            "data:",
            "onerror=",
            "<script>",
            "</div>",
            "{: onclick=x }",
            "```",
            "----",
            "\u202e",
            "\u200b",
            "\x00",
            "\x07",
            "é",
            "e\u0301",
            "---",
            "*a",
            "&a",
            "and others",
            "@string",
            "[x](javascript:y)",
        ]
    ),
    max_size=40,
).map("".join)


def _survey(tmp: Path) -> Path:
    return small_survey(tmp / "papers")


ALLOWED_TAGS = {tag.lower() for tag in ALLOWED}
"""The allowed elements as the HTML parser names them (it lowercases SVG's foreignObject)."""


def _unsafe(html: str) -> list[str]:
    """Every unsafe thing in `html`: event attributes, script URLs, disallowed elements."""
    found = []
    for element in parse(html):
        if element.tag not in ALLOWED_TAGS:
            found.append(f"<{element.tag}>")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append(f"{element.tag}[{name}]")
            if name in ("href", "src") and re.match(r"\s*(javascript|data|vbscript):", value, re.IGNORECASE):
                found.append(f"{element.tag}[{name}={value[:20]}]")
    return found


def _render(papers: Path) -> str:
    result = check(papers)
    assert result.catalog is not None
    catalog = valid_catalog(result.catalog, result.problems)  # what a non-strict build renders
    nerf = catalog.by_slug.get("nerf")
    if nerf is None:
        return ""
    text = method_page(catalog, nerf)
    body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
    return clean_html(markdown.markdown(body, extensions=EXTENSIONS))


def _assert_located(papers: Path) -> None:
    result = check(papers)
    for problem in result.problems:
        assert problem.path.startswith("papers/"), problem
        assert problem.line is None or problem.line >= 1, problem
        assert len(problem.message) < 600, problem


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    key=st.sampled_from(
        ["name", "aliases", "inputs", "outputs", "project", "tags", "venue", "field", "posted", "sources"]
    ),
    value=HOSTILE,
    as_list=st.booleans(),
)
def test_hostile_front_matter_values(tmp_path: Path, key: str, value: str, as_list: bool) -> None:
    papers = _survey(tmp_path)
    md = (papers / "nerf.md").read_text(encoding="utf-8")
    line = f"{key}: {json.dumps([value] if as_list else value)}"
    md = (
        re.sub(rf"(?m)^{key}:.*(\n  - .*)*$", line.replace("\\", "\\\\"), md, count=1)
        if re.search(rf"(?m)^{key}:", md)
        else md.replace("\n---\n", f"\n{line}\n---\n", 1)
    )
    (papers / "nerf.md").write_text(md, encoding="utf-8")
    _assert_located(papers)
    assert _unsafe(_render(papers)) == []


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(summary=HOSTILE, extra=HOSTILE)
def test_hostile_summaries(tmp_path: Path, summary: str, extra: str) -> None:
    papers = _survey(tmp_path)
    md = (papers / "nerf.md").read_text(encoding="utf-8")
    (papers / "nerf.md").write_text(md + "\n" + summary + "\n\n" + extra + "\n", encoding="utf-8")
    _assert_located(papers)
    assert _unsafe(_render(papers)) == []


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["title", "author", "booktitle", "pages", "doi", "note"]), value=HOSTILE)
def test_hostile_bibtex_values(tmp_path: Path, field: str, value: str) -> None:
    papers = _survey(tmp_path)
    bib = (papers / "nerf.bib").read_text(encoding="utf-8")
    new = f"  {field} = {{{value}}},"
    bib = (
        re.sub(rf"(?m)^  {field} = .*,$", lambda _: new, bib, count=1)
        if re.search(rf"(?m)^  {field} = ", bib)
        else bib.replace("  year =", new + "\n  year =", 1)
    )
    (papers / "nerf.bib").write_text(bib, encoding="utf-8")
    _assert_located(papers)
    assert _unsafe(_render(papers)) == []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=HOSTILE, ident=HOSTILE)
def test_hostile_taxonomy_terms(tmp_path: Path, name: str, ident: str) -> None:
    papers = _survey(tmp_path)
    taxonomy = (papers / "taxonomy.yml").read_text(encoding="utf-8")
    entry = f"tags:\n  - id: {json.dumps(ident)}\n    name: {json.dumps(name)}\n    definition: A generated tag.\n"
    (papers / "taxonomy.yml").write_text(taxonomy.replace("tags:\n", entry, 1), encoding="utf-8")
    _assert_located(papers)
    result = check(papers)
    assert result.catalog is not None and "liif" in result.catalog.by_slug  # a bad tag never loses a method


def test_failed_method_does_not_cascade(tmp_path: Path) -> None:
    """A method that cannot load is reported once, not again by every method that builds on it."""
    papers = _survey(tmp_path)
    (papers / "nerf.md").write_text("---\nname: [unclosed\n---\n", encoding="utf-8")
    siren = (papers / "siren.md").read_text(encoding="utf-8")
    (papers / "siren.md").write_text(
        siren.replace("\nadded:", "\nbuilds_on: [{method: nerf, where: Sec. 3}]\nadded:", 1), encoding="utf-8"
    )
    codes = [p.code for p in check(papers).problems]
    assert "yaml-syntax" in codes and "builds-on-unknown" not in codes


def test_and_others_is_et_al_everywhere(tmp_path: Path) -> None:
    """`and others` stays in the BibTeX and never becomes an author named "others"."""
    from inrsurvey.export import csl_item
    from inrsurvey.render.method import head_meta, json_ld
    from inrsurvey.render.wording import author_list, plain_citation

    papers = _survey(tmp_path)
    bib = (papers / "nerf.bib").read_text(encoding="utf-8")
    bib = re.sub(r"(?m)^  author = \{(.*?) and Ng, Ren\},$", r"  author = {\1 and others},", bib)
    (papers / "nerf.bib").write_text(bib, encoding="utf-8")
    result = check(papers)
    assert result.catalog is not None and not [p for p in result.problems if "nerf" in p.path], result.problems
    paper = result.catalog.by_slug["nerf"]
    assert paper.entry.et_al and all(a.family != "others" for a in paper.authors)
    assert "and others" in paper.entry.get("author")
    assert author_list(paper.authors, paper.entry.et_al).endswith("et al.")
    assert "others" not in json.dumps(csl_item(result.catalog, paper)["author"])
    assert all(
        "others" not in value for name, value in head_meta(result.catalog, paper, "") if name == "citation_author"
    )
    assert "others" not in json.dumps(json_ld(result.catalog, paper)["about"]["author"])
    assert ".." not in plain_citation(result.catalog, paper)


HOSTILE_SUMMARY = (
    "This method represents a scene with a coordinate network and renders it by volume rendering. " * 12
    + "\n\nSee the project and a figure.\n"
    + '{: onmouseover="window.__pwned=2" }\n\n'
    + 'A paragraph with attributes.\n{: onclick="window.__pwned=3" .md-button }\n'
)


HOSTILE_LINKS = (
    "[a](javascript:window.__pwned=1) [b](jav&#x61;script:window.__pwned=2) [c](JaVaScRiPt:window.__pwned=3) "
    "![d](data:image/svg+xml,evil) [e][ref] <javascript:window.__pwned=4>\n\n[ref]: vbscript:msgbox(5)\n"
)


def test_hostile_links_in_a_summary_are_refused_and_never_reach_the_page(tmp_path: Path) -> None:
    """Check names every such link, and even rendered without validation none survives."""
    papers = _survey(tmp_path)
    md = (papers / "nerf.md").read_text(encoding="utf-8")
    (papers / "nerf.md").write_text(md + "\n" + HOSTILE_LINKS, encoding="utf-8")
    result = check(papers)
    codes = [(p.path, p.code) for p in result.problems]
    # a, c and the reference by scheme; the image d as a resource; the entity-encoded b as no method's file;
    # the autolink as raw HTML.
    assert codes.count(("papers/nerf.md", "url-scheme")) == 3, codes
    assert ("papers/nerf.md", "remote-resource") in codes, codes
    assert ("papers/nerf.md", "summary-link") in codes and ("papers/nerf.md", "summary-html") in codes, codes
    assert result.catalog is not None
    text = method_page(result.catalog, result.catalog.by_slug["nerf"])
    html = clean_html(markdown.markdown(text.split("\n---\n", 1)[1], extensions=EXTENSIONS))
    assert _unsafe(html) == []
    targets = [unescape(v) for v in re.findall(r'(?:href|src)="([^"]*)"', html)]
    schemes = {m.group(1).lower() for t in targets if (m := re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*):", t))}
    assert schemes <= {"http", "https"}, targets


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    base = tmp_path_factory.mktemp("hostile")
    papers = small_survey(base / "papers")
    md = (papers / "nerf.md").read_text(encoding="utf-8")
    head, _, _ = md.removeprefix("---\n").partition("\n---\n")
    (papers / "nerf.md").write_text("---\n" + head + "\n---\n\n" + HOSTILE_SUMMARY, encoding="utf-8")
    bib = (papers / "nerf.bib").read_text(encoding="utf-8")
    # Written with \_ so that check's TeX allow-list accepts it and it reaches the cite box.
    fence_breaker = "\n````\n<img src=x onerror=window.\\_\\_pwned=5>\n```\n"
    (papers / "nerf.bib").write_text(
        bib.replace("  year = {2020},", "  year = {2020},\n  note = {" + fence_breaker + "},", 1), encoding="utf-8"
    )
    taxonomy = (papers / "taxonomy.yml").read_text(encoding="utf-8")
    taxonomy = taxonomy.replace(
        "    name: Volume rendering\n", '    name: "Volume <img src=x onerror=window.__pwned=6> rendering"\n', 1
    )
    (papers / "taxonomy.yml").write_text(taxonomy, encoding="utf-8")
    site = copy_site(base / "src", papers)
    return build(site / "mkdocs.yml", base / "site")


@pytest.mark.build
def test_hostile_survey_builds_without_unsafe_markup(hostile_site: BuildResult) -> None:
    assert hostile_site.ok, hostile_site.log
    pages = sorted(hostile_site.site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "__pwned" not in "".join(e.text for e in parse(html) if e.tag == "script"), path
        for element in parse(html):
            for name, value in element.attrs.items():
                assert not name.startswith("on"), (path, element.tag, name)
                if name in ("href", "src"):
                    assert not re.match(r"\s*(javascript|data|vbscript):", value, re.IGNORECASE), (path, value)
            if element.tag == "script" and element.attrs.get("src"):
                assert not re.match(r"(https?:)?//", element.attrs["src"]), (path, element.attrs["src"])
        article = html.split("<article", 1)[1].split("</article>", 1)[0] if "<article" in html else ""
        if article and "/reference/" not in str(path):
            assert _unsafe("<article" + article + "</article>") == [], path
    method = (hostile_site.site / "methods" / "nerf" / "index.html").read_text(encoding="utf-8")
    assert "window.\\_\\_pwned=5" in method.replace("&lt;", "<")  # the fence breaker shows as text in the code block
    assert "Volume &lt;img" in method  # the tag name is escaped in the tags partial and the facts


ESCAPING_SUMMARY = (
    "The HTML of this summary and its NeRF abbreviation stay here. [Cite][c] and a list:\n\n"
    "- an item [ref]\n\n    [ref]: siren.md\n\n"
    "# A heading of its own\n\n"
    "*[HTML]: Hyper Text Markup Language\n"
    "*[Cite]: defined by the summary\n\n"
    "[c]: siren.md#cite\n\n"
    "```python\nan unclosed fence that would swallow the rest of the page\n"
)


def test_a_summary_reaches_nothing_of_its_page(tmp_path: Path) -> None:
    """Abbreviations, headings, reference definitions and an unclosed fence stay inside the summary."""
    papers = _survey(tmp_path)
    md = (papers / "nerf.md").read_text(encoding="utf-8")
    md = md.replace("project: https://www.matthewtancik.com/nerf", "project: https://www.matthewtancik.com/nerf\\")
    (papers / "nerf.md").write_text(md + "\n" + ESCAPING_SUMMARY, encoding="utf-8")
    result = check(papers)
    assert result.catalog is not None
    found = [(p.code, p.line) for p in result.problems if p.path == "papers/nerf.md" and p.code.startswith("summary-h")]
    heading_line = md.count("\n") + 2 + ESCAPING_SUMMARY.split("# A heading")[0].count("\n")
    assert found == [("summary-heading", heading_line)], result.problems
    text = method_page(result.catalog, result.catalog.by_slug["nerf"])
    html = clean_html(markdown.markdown(text.split("\n---\n", 1)[1], extensions=EXTENSIONS))
    summary, _, rest = html.partition('<div class="inr-sources"')
    assert "<h2" in rest and 'id="cite"' in rest, "the sections after the summary are still sections"
    assert "<abbr" not in rest, "the summary's abbreviations apply to the summary only"
    assert "<h1" not in summary.split("Summary", 1)[1] and "A heading of its own" in summary
    assert '<a href="../siren/">ref</a>' in summary and '<a href="../siren/#cite">' in summary
    assert 'href="https://www.matthewtancik.com/nerf%5C"' in html, "a trailing backslash stays in the link"
