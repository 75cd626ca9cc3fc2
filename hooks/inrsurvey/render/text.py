"""Escaping for the renderers: text that must show as text in Markdown, HTML and front matter."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from ..markup import CODE


def outside_code(markdown: str, transform: Callable[[str], str]) -> str:
    """Apply `transform` to the parts of Markdown outside code spans and fenced blocks."""
    parts = CODE.split(markdown)
    return "".join(part if index % 2 else transform(part) for index, part in enumerate(parts))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>:])")
"""Exactly the characters Python-Markdown (with the site's extensions) lets a backslash escape."""


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters no XML 1.0 document may hold, even escaped."""


def esc(text: str) -> str:
    """Escape text for HTML and XML: element content and quoted attribute values, either quote.

    The one escaping function for every value the site writes into markup (pages, feed,
    head tags): `&`, `<`, `>`, `"` and `'` become references (so `]]>` and comment
    terminators cannot occur), and characters XML forbids become U+FFFD.
    """
    return html.escape(_NOT_XML.sub("\ufffd", text), quote=True)


def md(text: str) -> str:
    """Escape text so Markdown shows it literally: HTML-escaped and Markdown-escaped.

    Data from papers/ goes through this (or `esc`) wherever a page shows it, so a
    title such as `<script>` or `*bold*` is displayed as typed, never interpreted.
    """
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")


def meta_text(text: str) -> str:
    """Text for `title` and `description` front matter, which themes print unescaped."""
    return esc(" ".join(text.split()))
