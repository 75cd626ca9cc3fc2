"""Post-processing of finished HTML pages."""

from __future__ import annotations

import re

_ANCHOR = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*(["'])(https?:)?//""", re.IGNORECASE)
_REL = re.compile(r"""\srel\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def secure_external_links(html: str) -> str:
    """Give every link to another host `rel="noopener"` (added to an existing rel)."""

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        if not _HREF.search(tag):
            return tag
        rel = _REL.search(tag)
        if rel is None:
            return tag[:-1].rstrip("/").rstrip() + ' rel="noopener">'
        values = rel.group(2).split()
        if "noopener" in values:
            return tag
        quote = rel.group(1)
        return tag[: rel.start()] + f" rel={quote}{' '.join([*values, 'noopener'])}{quote}" + tag[rel.end() :]

    return _ANCHOR.sub(fix, html)
