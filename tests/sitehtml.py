"""Reading built HTML in tests: elements, links and text of the main article."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    """A parsed element: tag, attributes, text inside, and its ancestors' tags."""

    tag: str
    attrs: dict[str, str]
    ancestors: tuple[str, ...]
    text: str = ""
    classes: tuple[str, ...] = field(default=())


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        element = Element(
            tag,
            values,
            tuple(e.tag + "." + ".".join(e.classes) for e in self.stack),
            classes=tuple(values.get("class", "").split()),
        )
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def parse(html: str) -> list[Element]:
    """Every element of a document, in order."""
    parser = _Parser()
    parser.feed(html)
    return parser.elements


def page(site: Path, url_path: str) -> str:
    """The HTML of a built page given its URL path (`methods/nerf/`)."""
    path = site / url_path
    if url_path.endswith("/") or not url_path:
        path = path / "index.html"
    return path.read_text(encoding="utf-8")


def article(html: str) -> list[Element]:
    """Elements inside the main article (not the nav, header or footer)."""
    return [e for e in parse(html) if any(a.startswith("article.md-content__inner") for a in e.ancestors)]


def article_text(html: str) -> str:
    """The text of the main article."""
    for element in parse(html):
        if element.tag == "article" and "md-content__inner" in element.classes:
            return " ".join(element.text.split())
    raise AssertionError("no main article")


def resolve(from_url: str, href: str) -> str:
    """Resolve a relative href against a page's URL path; returns a site-relative path."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    target = href.split("#", 1)[0].split("?", 1)[0]
    joined = posixpath.normpath(posixpath.join(base, target)) if target else base.rstrip("/")
    if target.endswith("/") and not joined.endswith("/"):
        joined += "/"
    return joined.lstrip("./") if joined not in (".", "./") else ""


def method_links(site: Path, url_path: str, scope: str = "article") -> list[str]:
    """Slugs of the method pages linked from a page's article (in order, with repeats)."""
    html = page(site, url_path)
    elements = article(html) if scope == "article" else parse(html)
    slugs = []
    for element in elements:
        if (
            element.tag == "a"
            and "href" in element.attrs
            and not element.attrs["href"].startswith(("http:", "https:", "#"))
        ):
            target = resolve(url_path, element.attrs["href"])
            if target.startswith("methods/"):
                slugs.append(target.removeprefix("methods/").strip("/"))
    return slugs


def site_markdown(text: str) -> str:
    """Markdown rendered with the site's extensions that shape generated pages, then sanitized."""
    import markdown
    from material.extensions.emoji import to_svg, twemoji

    from inrsurvey.render.sanitize import clean_html

    extensions = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.superfences", "pymdownx.emoji"]
    emoji = {"emoji_index": twemoji, "emoji_generator": to_svg}  # emoji makes `\\:` an escape, as md() expects
    return clean_html(markdown.markdown(text, extensions=extensions, extension_configs={"pymdownx.emoji": emoji}))
