"""Nothing unsafe: HTML and script in the data show as text everywhere, and never run."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT, BuildResult, build, copy_site, serve, write_benchmarks_for
from sitehtml import parse

NAME = "Evil<script>window.__pwned=1</script>"
TITLE = r'{Evil}: <img src=x onerror="window.\_\_pwned=2"> \& <script>window.\_\_pwned=3</script> "quoted"'
ALIAS = "*emph* [click](javascript:window.__pwned=4)"
INPUT = "<svg onload=window.__pwned=5>"
SUMMARY = (
    "A harmless looking summary that mentions `<script>` in code. "
    + "This method represents a scene with a coordinate network and renders it by volume rendering. " * 12
    + "\n\nThen it smuggles attributes into the page.\n"
    + '{: onclick="window.__pwned=7" }\n'
)
pytestmark = pytest.mark.build

MARKERS = ["<script>window.__pwned", "<img src=x", "<svg onload"]  # raw tags; as escaped text they are fine


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    from inrsurvey.model import slugify

    base = tmp_path_factory.mktemp("evil")
    papers = base / "papers"
    papers.mkdir()
    for name in ("taxonomy.yml", "nerf.md", "nerf.bib", "liif.md", "liif.bib"):
        shutil.copy(ROOT / "papers" / name, papers / name)
    write_benchmarks_for(
        papers,
        {Path(n).stem for n in ("taxonomy.yml", "nerf.md", "nerf.bib", "liif.md", "liif.bib") if n.endswith(".md")},
    )
    slug = slugify(NAME)
    nerf_md = (ROOT / "papers" / "nerf.md").read_text(encoding="utf-8")
    head = nerf_md.split("---")[1]
    head = re.sub(r"(?m)^name:.*$", "name: " + json.dumps(NAME), head)
    head = re.sub(
        r"(?m)^aliases:.*$", "aliases: [" + json.dumps(ALIAS) + "]\nbuilds_on: [{method: nerf, where: Sec. 3}]", head
    )
    head = re.sub(r"(?ms)^inputs:.*?(?=^outputs:)", "inputs: [" + json.dumps(INPUT) + "]\n", head)
    (papers / f"{slug}.md").write_text("---" + head + "---\n\n" + SUMMARY, encoding="utf-8")
    bib = (ROOT / "papers" / "nerf.bib").read_text(encoding="utf-8")
    bib = re.sub(r"(?m)^  title = .*$", "  title = {" + TITLE + "},", bib)
    bib = bib.replace("{2003.08934}", "{2003.08935}").replace("{mildenhall2020nerf,", "{mildenhall2020evil,")
    bib = re.sub(r"(?m)^  doi = .*\n", "", bib)
    (papers / f"{slug}.bib").write_text(bib, encoding="utf-8")
    site = copy_site(base / "src", papers)
    result = build(site / "mkdocs.yml", base / "site", strict=False)
    assert (base / "site" / "methods" / slug / "index.html").is_file(), result.error + result.log
    result.site = base / "site"
    return result


def test_the_hostile_but_valid_method_builds(evil_site: BuildResult) -> None:
    assert evil_site.ok, evil_site.log


def test_no_injected_markup_in_any_page(evil_site: BuildResult) -> None:
    for html_file in evil_site.site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for marker in MARKERS:
            assert marker not in text, (html_file, marker)
        for element in parse(text):
            assert not any(k.startswith("on") for k in element.attrs), (html_file, element.tag, element.attrs)
            assert not element.attrs.get("href", "").lower().startswith("javascript:"), (html_file, element.attrs)
            if element.tag == "script":
                assert "__pwned" not in element.text or element.attrs.get("type") == "application/ld+json", html_file


def test_data_shows_as_text(evil_site: BuildResult) -> None:
    from inrsurvey.model import slugify

    slug = slugify(NAME)
    elements = parse((evil_site.site / "methods" / slug / "index.html").read_text(encoding="utf-8"))
    texts = " ".join(e.text for e in elements if e.tag in ("h1", "p", "dd"))
    assert NAME in texts and "<img src=x" in texts and INPUT in texts
    ld = [e.text for e in elements if e.tag == "script" and e.attrs.get("type") == "application/ld+json"]
    assert "</script" not in ld[0] and json.loads(ld[0])["about"]["name"].startswith("Evil: <img")
    meta = {e.attrs.get("name"): e.attrs.get("content") for e in elements if e.tag == "meta"}
    assert meta["citation_title"].startswith("Evil: <img src=x")
    assert not any(e.attrs.get("href", "").startswith("javascript:") for e in elements)
    assert (evil_site.site / "pagefind" / "pagefind-entry.json").is_file()
    lineage = parse((evil_site.site / "lineage" / "index.html").read_text(encoding="utf-8"))
    node = next(e for e in lineage if e.tag == "a" and e.attrs.get("id") == f"lineage-node-{slug}")
    assert node.attrs["aria-label"].startswith(NAME) and node.attrs["title"].startswith(f"{NAME}: Evil: <img src=x")
    assert node.attrs["href"] == f"../methods/{slug}/"


@pytest.mark.browser
def test_no_script_runs_in_the_browser(evil_site: BuildResult, browser: Any) -> None:
    from inrsurvey.model import slugify

    slug = slugify(NAME)
    with serve(evil_site.site) as base:
        context = browser.new_context(base_url=base)
        page: Any = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for url in (f"methods/{slug}/", "catalog/", "tasks/view-synthesis/", "summary/", "statistics/", "lineage/", ""):
            page.goto(url, wait_until="networkidle")
            assert page.evaluate("window.__pwned") is None, url
        page.goto("catalog/?q=evil")
        page.wait_for_selector("ol.inr-results > li.inr-card")
        assert NAME in page.inner_text("ol.inr-results")
        page.goto("")
        box = page.locator("#inr-search-input")
        box.click()
        box.press_sequentially("Evil", delay=20)
        page.wait_for_selector(".inr-search-list a.inr-search-link")
        assert "Evil" in page.inner_text(".inr-search-list")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__pwned") is None and not dialogs
        context.close()
