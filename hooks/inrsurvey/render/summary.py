"""A method's summary rendered on its own, and every link and resource in it resolved.

The summary is contributed Markdown. Rendered inside its page, its abbreviation
definitions, headings, reference definitions and an unclosed code fence would reach the
rest of the page; so it is converted alone, with the site's extensions minus those that
let text carry attributes or raw HTML (and minus the table of contents), and the page
embeds the finished HTML. Its links are resolved here, by the one function that both
`check` (which reports what it finds, located in papers/) and the build (which drops what
it cannot resolve) use: the HTML seen is the HTML published, whatever Markdown route a
link took (inline, reference-style inside a quote or list, autolink).
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Collection
from dataclasses import dataclass
from html import unescape

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from . import paths
from .text import esc

EXTENSIONS = (
    "abbr",
    "admonition",
    "def_list",
    "tables",
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.superfences",
)
"""The site's Markdown extensions a summary gets (no attr_list, md_in_html or toc)."""

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_METHOD_LINK = re.compile(r"^([a-z0-9-]+)\.md(?:#(.*))?$")
_QUOTE = 40


@dataclass(frozen=True)
class Finding:
    """Something in a summary the site will not publish: its problem code, target and what to do."""

    code: str
    target: str
    message: str


Anchors = Callable[[str], Collection[str]]
"""The element ids of a method's page, by slug."""


def _shown(target: str) -> str:
    text = target if len(target) <= _QUOTE else target[:_QUOTE] + "..."
    return "'" + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text) + "'"


def resolve_link(target: str, slug: str, slugs: Collection[str], anchors: Anchors) -> tuple[str | None, Finding | None]:
    """The published URL of a summary link on method `slug`'s page, or None and why not."""
    target = target.strip()
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(0).lower() in ("http:", "https:"):
        return target, None
    if scheme or target.startswith("//"):
        why = f"the summary links to {_shown(target)}; link to http(s) pages or to other methods' .md files"
        return None, Finding("url-scheme", target, why)
    method = _METHOD_LINK.match(target)
    if not method or method.group(1) not in slugs:
        why = (
            f"the summary links to {_shown(target)}, which is no method of the survey; link another method "
            "as [Name](slug.md) or a page elsewhere with its http(s) address"
        )
        return None, Finding("summary-link", target, why)
    other, anchor = method.group(1), method.group(2)
    url = paths.url_between(paths.method(slug), paths.method(other))
    if anchor is None:
        return url, None
    if anchor not in anchors(other):
        why = f"the summary links to {_shown(target)}, but that method's page has no section '#{anchor[:_QUOTE]}'"
        return None, Finding("summary-link", target, why + "; drop the '#...' part or name one of its sections")
    return f"{url}#{anchor}", None


def _resource(target: str) -> Finding:
    """Why a summary may not load `target` (an image or other embedded resource)."""
    remote = bool(_SCHEME.match(target.strip())) or target.strip().startswith("//")
    where = "from another host" if remote else "that the site does not have"
    return Finding(
        "remote-resource",
        target,
        f"the summary embeds {_shown(target)}, a resource {where}; the site loads nothing from other hosts "
        "and summaries carry no images: describe it in words or link to it",
    )


def _replace_by_text(parent: ET.Element, element: ET.Element, text: str) -> None:
    """Remove `element` from `parent`, leaving `text` and the text that followed it."""
    index = list(parent).index(element)
    words = text + (element.tail or "")
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + words
    else:
        parent.text = (parent.text or "") + words
    parent.remove(element)


class _Isolate(Treeprocessor):  # type: ignore[misc]
    """Drop every embedded resource and demote every heading of a summary."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.findings: list[Finding] = []

    def run(self, root: ET.Element) -> None:
        for parent in list(root.iter()):
            for element in list(parent):
                self._visit(parent, element)

    def _visit(self, parent: ET.Element, element: ET.Element) -> None:
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.findings.append(
                Finding(
                    "summary-heading",
                    "".join(element.itertext()).strip(),
                    "the summary has a heading; the page gives the summary its own section, so write "
                    "plain paragraphs (bold text for a lead-in)",
                )
            )
            element.tag, element.attrib = "p", {"class": "inr-summary-heading"}
        if element.get("src") is not None or element.tag == "img":
            self.findings.append(_resource(element.get("src", "")))
            _replace_by_text(parent, element, f"[image: {element.get('alt', '')}]")


class _IsolateExtension(Extension):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__()
        self.instance: _Isolate | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Run after inline patterns, so links from every Markdown route are in the tree."""
        self.instance = _Isolate(md)
        md.treeprocessors.register(self.instance, "inr-isolate", 0)


_converter: tuple[markdown.Markdown, _Isolate] | None = None


def _markdown() -> tuple[markdown.Markdown, _Isolate]:
    """One converter for every summary (building one per summary costs more than converting)."""
    global _converter
    if _converter is None:
        extension = _IsolateExtension()
        converter = markdown.Markdown(extensions=[*EXTENSIONS, extension])
        assert extension.instance is not None
        _converter = (converter, extension.instance)
    return _converter


@functools.lru_cache(maxsize=16384)
def _convert(body: str) -> tuple[str, tuple[Finding, ...]]:
    """The summary's HTML with its links unresolved, and what the conversion refused (pure, cached)."""
    converter, isolate = _markdown()
    isolate.findings = []
    try:
        return converter.reset().convert(body), tuple(isolate.findings)
    finally:
        isolate.findings = []


_HREF = re.compile(r'<a href="([^"]*)"')


def render_summary(body: str, slug: str, slugs: Collection[str], anchors: Anchors) -> tuple[str, list[Finding]]:
    """The summary of method `slug` as HTML of its own, and what in it was not published.

    Args:
        body: the summary's Markdown (raw HTML already neutralised).
        slug: the method whose page shows it.
        slugs: every method of the survey (links to `<slug>.md` resolve to their pages).
        anchors: the element ids of a method's page, asked only for links with a `#`.
    """
    html, refused = _convert(body)
    findings = list(refused)

    def resolve(match: re.Match[str]) -> str:
        url, finding = resolve_link(unescape(match.group(1)), slug, slugs, anchors)
        if finding:
            findings.append(finding)
        return "<a" if url is None else f'<a href="{esc(url)}"'

    return _HREF.sub(resolve, html), findings


def embed(html: str) -> str:
    """The summary's HTML as a raw block of the page's Markdown, which the page leaves as it is."""
    inner = html.strip()
    return f'<div class="inr-summary" markdown="0">\n{inner}\n</div>\n' if inner else ""
