"""The part of Pagefind's service protocol the build relies on still behaves as it did when
`pagefind-bin` was pinned: pages go in over the service, the index comes out on disk, and
the data-pagefind-* attributes decide what is indexed and what a result shows."""

from __future__ import annotations

import gzip
import json
import re
import tomllib
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT
from inrsurvey.search import StreamingIndex, write_index

METHOD_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LIIF - INR Survey</title>
<meta data-pagefind-meta="title[content]" content="LIIF &amp; friends">
<meta data-pagefind-meta="facts[content]" content="CVPR 2021 · Image Super-Resolution"></head>
<body><header>headerword</header><nav>navigationword</nav>
<article data-pagefind-body>
<h1 id="liif">LIIF<a class="headerlink" href="#liif" title="Permanent link">¶</a></h1>
<div data-pagefind-weight="2"><dl><div><dt>Authors</dt>
<dd>Yinbo Chen</dd></div></dl></div>
<h2 id="summary">Summary<a class="headerlink" href="#summary">¶</a></h2>
<p>A local implicit image function.</p>
<div data-pagefind-ignore="all"><h2 id="cite">Cite</h2><p>bibtexword</p></div>
<figure data-pagefind-ignore="all"><figcaption>chartword</figcaption></figure>
</article>
<footer>footerword</footer></body></html>"""

UNMARKED_PAGE = """<!doctype html><html lang="en"><head><title>Unmarked</title></head>
<body><p>unmarkedword</p></body></html>"""


def fragments(bundle: Path) -> dict[str, dict[str, Any]]:
    """The pages of a written index by URL (fragments are gzip'd JSON after a signature)."""
    pages = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        page = json.loads(data[len(b"pagefind_dcd") :])
        pages[page["url"]] = page
    return pages


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pagefind") / "pagefind"
    index = StreamingIndex(language="en")
    index.add("/methods/liif/", METHOD_PAGE)
    index.add("/unmarked/", UNMARKED_PAGE)
    assert index.finish(out) == 2
    return out


def test_pagefind_is_pinned_exactly() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [d for d in pyproject["project"]["dependencies"] if d.startswith("pagefind-bin")]
    assert pins == [f"pagefind-bin=={version('pagefind-bin')}"]


def test_bundle_files(bundle: Path) -> None:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["version"] == version("pagefind-bin")
    assert entry["languages"]["en"]["page_count"] == 1
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    assert any((bundle / "index").glob("en_*.pf_index"))
    assert any(bundle.glob("pagefind.en_*.pf_meta")) and (bundle / "wasm.en.pagefind").is_file()


def test_only_pages_with_a_marked_body_are_indexed(bundle: Path) -> None:
    assert list(fragments(bundle)) == ["/methods/liif/"]


def test_marked_region_meta_and_anchors(bundle: Path) -> None:
    page = fragments(bundle)["/methods/liif/"]
    assert page["meta"] == {"title": "LIIF & friends", "facts": "CVPR 2021 · Image Super-Resolution"}
    words = re.findall(r"\w+", page["content"])
    assert "Yinbo" in words and "function" in words
    for left_out in ("¶", "headerword", "navigationword", "footerword", "bibtexword", "chartword", "Cite"):
        assert left_out not in page["content"], left_out
    assert [(a["element"], a["id"], a["text"]) for a in page["anchors"]] == [
        ("h1", "liif", "LIIF"),
        ("h2", "summary", "Summary"),
    ]
    # Anchors index the words of `content`, which the search box uses to quote a summary.
    summary = page["anchors"][1]
    assert page["content"].split()[summary["location"]].rstrip(".") == "Summary"


def test_a_failure_is_raised(tmp_path: Path) -> None:
    index = StreamingIndex(language="en")
    index.add("/a/", METHOD_PAGE)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(RuntimeError):
        index.finish(blocker / "pagefind")


def test_index_files_are_written_whole_and_only_inside(tmp_path: Path) -> None:
    """`write_index` writes each file's bytes in full, in sub-folders, and refuses a path that leaves the folder."""
    big = bytes(range(256)) * 300  # 76,800 bytes: more than one 32 KiB write
    write_index(tmp_path / "pagefind", [("pagefind-worker.js", big), ("fragment/en_1.pf_fragment", b"x")])
    assert (tmp_path / "pagefind" / "pagefind-worker.js").read_bytes() == big
    assert (tmp_path / "pagefind" / "fragment" / "en_1.pf_fragment").read_bytes() == b"x"
    with pytest.raises(RuntimeError, match="outside"):
        write_index(tmp_path / "pagefind", [("../escaped.js", b"x")])
    assert not (tmp_path / "escaped.js").exists()
    with pytest.raises(RuntimeError, match="cannot be written"):
        write_index(tmp_path / "pagefind", [("a\x00b.js", b"x")])
