"""The one allow-list sanitizer every page's HTML leaves through, and safe code fences.

Method summaries, BibTeX values and taxonomy names are contributed input. Rendering
escapes them, and the finished HTML of each page is then cleaned by nh3 (the bindings of
Rust's ammonia) against the elements and attributes the site itself produces: anything
else (event handlers, `javascript:` or `data:` URLs, scripts, styles, forms, iframes) is
removed, whatever route it took into the page.
"""

from __future__ import annotations

import re

import nh3

_SVG = {
    "svg": {
        "viewBox",
        "role",
        "aria-labelledby",
        "aria-describedby",
        "aria-hidden",
        "xmlns",
        "width",
        "height",
        "focusable",
        "data-alt",
    },
    "title": {"id"},
    "desc": {"id"},
    "g": {"transform", "aria-hidden"},
    "path": {"d", "fill-rule", "clip-rule", "data-e", "data-alt"},
    "rect": {"x", "y", "width", "height", "rx", "data-bin", "data-count", "data-series", "data-alt"},
    "line": {"x1", "x2", "y1", "y2"},
    "text": {"x", "y", "text-anchor", "transform", "dy", "data-alt"},
    "circle": {"cx", "cy", "r", "aria-hidden"},
    "polyline": {"points"},
    "foreignObject": {"x", "y", "width", "height", "data-alt"},
}
_HTML = {
    "a": {"href", "title", "rel", "download", "aria-label"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "div": {"aria-label", "data-pagefind-ignore", "data-pagefind-weight", "data-sortable", "data-src", "role"},
    "span": {"data-sort", "title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "details": {"open"},
    "figure": {"data-pagefind-ignore", "data-lineage"},
    "figcaption": set(),
    "nav": {"aria-label"},
    "kbd": set(),
    "code": set(),
    "pre": set(),
    "p": set(),
    "em": set(),
    "strong": set(),
    "del": set(),
    "ins": set(),
    "mark": set(),
    "sub": set(),
    "sup": set(),
    "small": set(),
    "blockquote": set(),
    "hr": set(),
    "br": set(),
    "ul": set(),
    "li": set(),
    "dl": set(),
    "dt": set(),
    "dd": set(),
    "table": set(),
    "thead": set(),
    "tbody": set(),
    "tr": set(),
    "summary": set(),
    "article": set(),
    "section": set(),
    **{f"h{level}": set() for level in range(1, 7)},
}
ALLOWED: dict[str, set[str]] = {tag: {"class", "id", *attrs} for tag, attrs in {**_HTML, **_SVG}.items()}
"""Element -> attributes the site's pages may contain (everything else is removed)."""

URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""Schemes a link or image may use; relative URLs are always allowed."""


def local_resources(element: str, attribute: str, value: str) -> str | None:
    """Keep an attribute unless it makes the page load something from another host.

    A `src` with a scheme or starting with `//` is dropped: the site requests nothing
    from other hosts, whatever route an image took into a page.
    """
    if attribute == "src" and (_REMOTE.match(value) or value.lstrip().startswith("//")):
        return None
    return value


_REMOTE = re.compile(r"\s*[A-Za-z][A-Za-z0-9+.-]*:")


def clean_html(html: str) -> str:
    """`html` with every element, attribute and URL outside the allow-list removed, and no remote resource."""
    return nh3.clean(
        html,
        tags=set(ALLOWED),
        attributes=ALLOWED,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        attribute_filter=local_resources,
    )


def fence(text: str, lang: str = "") -> str:
    """`text` as a fenced code block whose fence is longer than any backtick run in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{lang}\n{text}\n{marks}"
