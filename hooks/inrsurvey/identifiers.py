"""One grammar for identifiers, and what no displayed string may hold.

Method slugs, tag ids, venue ids and the slugs of fields and tasks all become URLs and
file names, so they share one grammar, one length cap and one list of reserved names.
Displayed strings (names, aliases, titles, authors, definitions) may not hold control,
bidirectional or invisible characters, which could make one name look like another.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 64
"""The longest slug or id, in characters."""

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""Lowercase ASCII letters and digits in hyphen-separated runs (method slugs, tag ids)."""

VENUE_ID = re.compile(r"^[A-Za-z0-9]+$")
"""Venue ids are short names such as `CVPR`, `3DV`, `arXiv`."""

RESERVED = frozenset(
    {
        "index",
        "catalog",
        "tags",
        "tag",
        "bib",
        "data",
        "search",
        "404",
        "methods",
        "fields",
        "tasks",
        "venues",
        "years",
        "summary",
        "statistics",
        "changelog",
        "compare",
        "lineage",
        "assets",
        "javascripts",
        "stylesheets",
        "reference",
        "sitemap",
        "feed",
        "problems",
        "about-data",
        "contributing",
        "cite",
        "pagefind",
        "all",
    }
)
"""Names the site uses for its own pages and folders; no identifier may take them."""

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_INVISIBLE = frozenset("\u00ad\u034f\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")

MAX_QUOTE = 60
"""Messages quote at most this many characters of a value."""


def bad_characters(text: str, *, multiline: bool = False) -> list[str]:
    """The control, bidirectional and invisible characters of `text`, as `U+XXXX` names.

    Args:
        text: a displayed string.
        multiline: allow newlines and tabs (summaries).
    """
    allowed = "\n\t" if multiline else ""
    found = []
    for char in text:
        if char in allowed:
            continue
        if char in _BIDI or char in _INVISIBLE or unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            name = f"U+{ord(char):04X}"
            if name not in found:
                found.append(name)
    return found


def slug_problem(value: str, what: str, pattern: re.Pattern[str] = SLUG) -> str | None:
    """Why `value` is no valid identifier for `what`, or None when it is."""
    if len(value) > MAX_SLUG:
        return f"{what} {show(value)} is {len(value)} characters long; keep it to {MAX_SLUG}"
    if not pattern.match(value):
        allowed = (
            "ASCII letters and digits" if pattern is VENUE_ID else "lowercase ASCII letters, digits and single hyphens"
        )
        return f"{what} {show(value)} may use only {allowed}"
    if value.lower() in RESERVED:
        return f"{what} {show(value)} is a name the site reserves for its own pages; choose another"
    return None


def fold(value: str) -> str:
    """The form two identifiers are compared in: NFC-normalised and case-folded."""
    return unicodedata.normalize("NFC", value).casefold()


def show(value: object, limit: int = MAX_QUOTE) -> str:
    """Quote a value for a message: truncated, and with invisible differences made visible.

    Non-ASCII characters that are not letters, marks or digits, and every character of a
    value that is not NFC-normalised, are written as escapes, so two strings that look
    the same on screen print differently.
    """
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[:limit] + f"... ({len(text)} characters)"
    nfc = unicodedata.normalize("NFC", text) == text
    out = []
    for char in text:
        plain = char.isascii() and char.isprintable()
        shown = nfc and unicodedata.category(char)[0] in "LNPS" and char not in _BIDI and char not in _INVISIBLE
        out.append(char if plain or shown else f"\\u{ord(char):04x}")
    return "'" + "".join(out) + "'"


def printable(text: str) -> str:
    r"""`text` on one line with every control, bidirectional or invisible character written as `\uXXXX`.

    Messages quote contributed values: a newline or a terminal escape in one must not start
    a forged problem line or an "ok", nor reorder what the reader sees.
    """
    if text.isprintable() and not any(c in _BIDI or c in _INVISIBLE for c in text):
        return text
    return "".join(f"\\u{ord(c):04x}" if not c.isprintable() or c in _BIDI or c in _INVISIBLE else c for c in text)
