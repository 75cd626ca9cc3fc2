"""Site search with Pagefind: a chunked static index that the browser loads piece by piece.

Material's built-in search ships one JSON index that every visitor downloads whole and
indexes in the browser; at thousands of methods that takes many seconds. Pagefind
writes a fragmented index (`pagefind/` beside the pages), and the site's search box
loads only the fragments a query needs.

The index is fed page by page while MkDocs renders (`StreamingIndex`): Pagefind runs as
a separate process, so on a machine with two cores the indexing overlaps the build
instead of adding a pass over every page at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import re
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

SEARCH_DIR = "pagefind"
"""Folder of the index inside the built site."""

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>.*?</article>', re.DOTALL)
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_LANG = re.compile(r'<html[^>]*\slang="([^"]+)"')


def searchable_document(page_html: str) -> str | None:
    """The part of a finished page that search indexes: its main article, in a minimal
    HTML document with the page's title and language. None when the page has no article."""
    article = _ARTICLE.search(page_html)
    if article is None:
        return None
    title = _TITLE.search(page_html)
    lang = _LANG.search(page_html)
    body = article.group(0).replace('<article class="md-content__inner md-typeset"', '<article data-pagefind-body class="md-content__inner md-typeset"', 1)
    return (
        f'<!doctype html><html lang="{html.escape(lang.group(1) if lang else "en")}"><head><meta charset="utf-8">'
        f"<title>{title.group(1) if title else ''}</title></head><body>{body}</body></html>"
    )


class StreamingIndex:
    """A Pagefind index fed page by page from a background event loop.

    `add` returns at once; `finish` waits for every page, writes the index and stops
    the Pagefind process. `close` stops it without writing (after a failed build).
    """

    def __init__(self, language: str = "en") -> None:
        from pagefind.index import PagefindIndex

        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        self._pending: list[Future[Any]] = []
        self._index = PagefindIndex(config={"force_language": language})
        self._run(self._index.__aenter__(), timeout=120)

    def _run(self, coroutine: Any, timeout: float) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=timeout)

    def add(self, url: str, page_html: str) -> bool:
        """Queue a finished page for indexing; returns whether it had anything to index."""
        document = searchable_document(page_html)
        if document is None:
            return False
        coroutine = self._index.add_html_file(content=document, url=url)
        self._pending.append(asyncio.run_coroutine_threadsafe(coroutine, self._loop))
        return True

    def finish(self, output_path: Path, timeout: float = 600.0) -> int:
        """Wait for every queued page, write the index to `output_path`; returns the page count.

        Raises:
            RuntimeError: when Pagefind failed on a page or while writing.
        """
        try:
            for future in self._pending:
                future.result(timeout=timeout)
            self._run(self._index.write_files(output_path=str(output_path)), timeout=timeout)
        except Exception as error:
            raise RuntimeError(f"Pagefind failed: {error}") from error
        finally:
            self.close()
        return len(self._pending)

    def close(self) -> None:
        """Stop the Pagefind process and the event loop (idempotent)."""
        if not self._thread.is_alive():
            return
        service = getattr(self._index, "_service", None)
        if service is not None:
            with contextlib.suppress(Exception):  # shutting down; any error was reported already
                self._run(service.close(), timeout=30)
            self._index._service = None
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)
