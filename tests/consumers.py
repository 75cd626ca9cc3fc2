"""The real consumers of our citations, driven from tests: pandoc citeproc and Zotero's BibTeX import.

Each helper runs the tool on files written by the site and returns what a reader would see, so the
tests (and the measurements in the closing notes) compare renderings, not our own data.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "vendor"
STYLES = {"apa": "apa.csl", "ieee": "ieee.csl", "chicago": "chicago-author-date.csl"}
"""The CSL styles the tests render with (vendored, see vendor/csl/README.md)."""
ZOTERO_BIBTEX = VENDOR / "zotero" / "BibTeX.js"
ZOTERO_HARNESS = VENDOR / "zotero" / "harness.js"


def have_pandoc() -> bool:
    """Whether Debian's pandoc (with its built-in citeproc) is on the PATH."""
    return shutil.which("pandoc") is not None


def have_node() -> bool:
    """Whether node is on the PATH (Zotero's translators are JavaScript)."""
    return shutil.which("node") is not None


class _Entries(HTMLParser):
    """Collects the text of each `<div id="ref-KEY" class="csl-entry">` of pandoc's HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: dict[str, str] = {}
        self._key: str | None = None
        self._depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        if self._key is not None:
            self._depth += 1
            return
        ident = dict(attrs).get("id") or ""
        if ident.startswith("ref-"):
            self._key, self._depth, self._text = ident[4:], 0, []

    def handle_endtag(self, tag: str) -> None:
        if tag != "div" or self._key is None:
            return
        if self._depth:
            self._depth -= 1
            return
        self.entries[self._key] = " ".join("".join(self._text).split())
        self._key = None

    def handle_data(self, data: str) -> None:
        if self._key is not None:
            self._text.append(data)


def _run(command: list[str], what: str) -> str:
    """Run a consumer tool (no input, 5 minutes at most) and return its output; raise with its errors."""
    result = subprocess.run(
        command, capture_output=True, encoding="utf-8", timeout=300, stdin=subprocess.DEVNULL, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed: {result.stderr[-3000:]}")
    return result.stdout


def render(bibliography: Path, style: str, folder: Path) -> dict[str, str]:
    """Every entry of `bibliography` (.bib or CSL-JSON) as pandoc citeproc prints it in `style`.

    Returns `{key: plain text of the bibliography entry}`.
    """
    source = folder / "doc.md"
    source.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    output = _run(
        [
            "pandoc",
            str(source),
            "--citeproc",
            "--bibliography",
            str(bibliography),
            "--csl",
            str(VENDOR / "csl" / STYLES[style]),
            "-t",
            "html",
        ],
        f"pandoc on {bibliography.name} with {style}",
    )
    parser = _Entries()
    parser.feed(output)
    return {key: html.unescape(text) for key, text in parser.entries.items()}


def occurrences(text: str, phrase: str) -> int:
    """How often `phrase` occurs in `text`, ignoring case."""
    return len(re.findall(re.escape(phrase.casefold()), text.casefold())) if phrase else 0


def rendered_title(text: str, title: str) -> str | None:
    """The title as it appears in a rendered entry (found ignoring case), or None if it is not there."""
    found = re.search(r"\s*".join(re.escape(w) for w in title.split()), text, re.IGNORECASE)
    return found.group(0) if found else None


@dataclass(frozen=True)
class ZoteroItem:
    """What Zotero's BibTeX import made of one entry: its item type and fields."""

    key: str
    item_type: str
    fields: dict[str, object]

    @property
    def arxiv(self) -> str:
        """The arXiv id Zotero kept (its `arXiv:` line in Extra), or an empty string."""
        found = re.search(r"^arXiv: *(\S+)", str(self.fields.get("extra", "")), re.MULTILINE)
        return found.group(1) if found else ""


def zotero_import(bibtex: str, folder: Path) -> list[ZoteroItem]:
    """Import BibTeX with Zotero's own BibTeX translator under node (see vendor/zotero/harness.js)."""
    source = folder / "in.bib"
    source.write_text(bibtex, encoding="utf-8")
    output = _run(["node", str(ZOTERO_HARNESS), str(ZOTERO_BIBTEX), str(source)], "Zotero's BibTeX import")
    items = json.loads(output)
    return [ZoteroItem(str(i.get("citationKey", "")), str(i["itemType"]), i) for i in items]
