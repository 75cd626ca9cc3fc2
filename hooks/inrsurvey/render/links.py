"""Links between generated pages (relative Markdown links MkDocs checks) and to other sites."""

from __future__ import annotations

from .text import md


def rel(from_uri: str, to_uri: str) -> str:
    """Relative link from one generated `.md` file to another (MkDocs checks these).

    Both URIs are normalised paths relative to docs/ (no `.` or `..` parts), so the
    link is found by dropping the common folders: `rel("tasks/a.md", "methods/b.md")`
    gives `../methods/b.md`.
    """
    here = from_uri.split("/")[:-1]
    there = to_uri.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def link(label: str, from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A Markdown link with an escaped label to another page of the site."""
    target = rel(from_uri, to_uri) + (f"#{anchor}" if anchor else "")
    return f"[{md(label)}]({target})"


def ext_link(label: str, url: str) -> str:
    """A Markdown link to another site, opened safely (`rel="noopener"`)."""
    safe = (
        url.replace("\\", "%5C")
        .replace(" ", "%20")
        .replace(")", "%29")
        .replace("(", "%28")
        .replace("<", "%3C")
        .replace(">", "%3E")
    )
    return f'[{md(label)}](<{safe}>){{: rel="noopener" }}'
