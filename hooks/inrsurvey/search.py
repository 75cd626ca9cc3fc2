"""Site search with Pagefind: a chunked static index that the browser loads piece by piece.

Material's built-in search ships one JSON index that every visitor downloads whole and
indexes in the browser; at thousands of methods that takes many seconds. Pagefind
writes a fragmented index after the build (`pagefind/` beside the pages), and the
site's search box loads only the fragments a query needs.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

SEARCH_DIR = "pagefind"
"""Folder of the index inside the built site."""

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')


def mark_searchable(html: str) -> str:
    """Mark a page's main article as the part Pagefind indexes (the theme's chrome is left out)."""
    return _ARTICLE.sub('<article class="md-content__inner md-typeset" data-pagefind-body', html, count=1)


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the `pagefind_bin` package.

    Raises:
        RuntimeError: when the package is not installed.
    """
    try:
        from pagefind_bin import get_executable
    except ImportError as error:  # pragma: no cover - it is a runtime dependency
        raise RuntimeError("Pagefind is not installed; pip install 'pagefind[bin]'") from error
    return Path(get_executable())


def index_site(site_dir: Path, timeout: float = 600.0) -> str:
    """Index the built site into `site_dir/pagefind/`; returns Pagefind's summary line.

    Raises:
        RuntimeError: when Pagefind fails or indexes no page.
    """
    result = subprocess.run(
        [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", SEARCH_DIR],
        capture_output=True, text=True, timeout=timeout, check=False,
    )
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed ({result.returncode}): {output[-2000:]}")
    match = re.search(r"Indexed (\d+) pages?", output)
    if not match or int(match.group(1)) == 0:
        raise RuntimeError(f"Pagefind indexed no page: {output[-2000:]}")
    return f"search index: {match.group(0)}"
