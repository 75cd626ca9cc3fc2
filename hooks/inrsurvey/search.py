"""Site search with Pagefind: a chunked static index that the browser loads piece by piece.

Material's built-in search ships one JSON index that every visitor downloads whole and
indexes in the browser; at thousands of methods that takes many seconds. Pagefind
writes a fragmented index (`pagefind/` beside the pages), and the site's search box
loads only the fragments a query needs.

The index is fed page by page while MkDocs renders (`StreamingIndex`): the Pagefind
binary (from the `pagefind-bin` package) runs as a service process, so on a machine
with two cores the indexing overlaps the build instead of adding a pass at the end.

What is indexed is marked in the theme templates with Pagefind's attributes, not found
here: `data-pagefind-body` on the page's article (pages without it are left out),
`data-pagefind-ignore` on listings that repeat other pages, `data-pagefind-weight` on a
method's facts, and `data-pagefind-meta` for what a result shows (title, facts).
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from pathlib import Path
from typing import IO, Any

SEARCH_DIR = "pagefind"
"""Folder of the index inside the built site."""

EXCLUDE_SELECTORS = (".headerlink",)
"""Elements inside the indexed region that search leaves out: the headings' permalink symbol."""


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the `pagefind-bin` package.

    Raises:
        RuntimeError: when the package is not installed.
    """
    try:
        from pagefind_bin import get_executable
    except ImportError as error:  # pragma: no cover - it is a runtime dependency
        raise RuntimeError("Pagefind is not installed; pip install pagefind-bin") from error
    return Path(get_executable())


class StreamingIndex:
    """A Pagefind index fed page by page through Pagefind's service protocol.

    Requests are base64-encoded JSON messages ended by a comma on the service's stdin;
    responses come back the same way on stdout, read by a thread as soon as they
    arrive. `add` returns at once; `finish` waits for every page and writes the index;
    `close` stops the service without writing (after a failed build).
    """

    def __init__(self, language: str = "en", timeout: float = 600.0) -> None:
        self._timeout = timeout
        self._process = subprocess.Popen(
            [str(pagefind_executable()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._responses: dict[int | None, dict[str, Any]] = {}
        self._ready = threading.Condition()
        self._next_id = 0
        self._pending: list[int] = []
        assert self._process.stdout is not None
        self._reader = threading.Thread(target=self._read, args=(self._process.stdout,), name="pagefind", daemon=True)
        self._reader.start()
        config = {"force_language": language, "exclude_selectors": list(EXCLUDE_SELECTORS)}
        created = self._wait(self._send({"type": "NewIndex", "config": config}))
        self._index_id = int(created["index_id"])

    def _send(self, payload: dict[str, Any]) -> int:
        self._next_id += 1
        message = json.dumps({"message_id": self._next_id, "payload": payload}).encode("utf-8")
        assert self._process.stdin is not None
        self._process.stdin.write(base64.b64encode(message) + b",")
        self._process.stdin.flush()
        return self._next_id

    def _read(self, stream: IO[bytes]) -> None:
        buffer = b""
        while chunk := stream.read1(1 << 16):  # type: ignore[attr-defined]
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for raw in messages:
                if not raw.strip():
                    continue
                response = json.loads(base64.b64decode(raw))
                with self._ready:
                    self._responses[response.get("message_id")] = response.get("payload") or {}
                    self._ready.notify_all()
        with self._ready:
            self._responses.setdefault(None, {"type": "Error", "message": "the Pagefind service stopped"})
            self._ready.notify_all()

    def _wait(self, message_id: int) -> dict[str, Any]:
        with self._ready:
            if not self._ready.wait_for(
                lambda: message_id in self._responses or None in self._responses, timeout=self._timeout
            ):
                raise RuntimeError(f"no answer from Pagefind within {self._timeout:.0f} s")
            payload = self._responses.pop(message_id, None) or self._responses[None]
        if payload.get("type") == "Error":
            raise RuntimeError(str(payload.get("message", payload)))
        return payload

    def add(self, url: str, page_html: str) -> None:
        """Queue a finished page for indexing (Pagefind keeps only pages with `data-pagefind-body`)."""
        payload = {
            "type": "AddFile",
            "index_id": self._index_id,
            "url": url,
            "file_path": None,
            "file_contents": page_html,
        }
        self._pending.append(self._send(payload))

    def finish(self, output_path: Path) -> int:
        """Wait for every queued page, write the index to `output_path`; returns how many pages were sent.

        The files are asked for (`GetFiles`) and written here, whole, after the service has
        answered: Pagefind's own `WriteFiles` could leave a file cut short (a worker script of
        exactly 32 KiB) when the service stopped right after answering.

        Raises:
            RuntimeError: when Pagefind failed on a page, or the index cannot be written.
        """
        try:
            for message_id in self._pending:
                self._wait(message_id)
            files = self._wait(self._send({"type": "GetFiles", "index_id": self._index_id})).get("files", [])
        finally:
            self.close()
        write_index(output_path, [(str(f["path"]), base64.b64decode(f["content"])) for f in files])
        return len(self._pending)

    def close(self) -> None:
        """Stop the Pagefind service (idempotent)."""
        if self._process.poll() is not None:
            return
        try:
            assert self._process.stdin is not None
            self._process.stdin.close()
            self._process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()


def write_index(output_path: Path, files: list[tuple[str, bytes]]) -> None:
    """Write the index files (relative paths and their bytes) under `output_path`.

    Raises:
        RuntimeError: when a path would leave `output_path`, or a file cannot be written.
    """
    root = output_path.resolve()
    for relative, content in files:
        try:
            target = (root / relative).resolve()
        except (OSError, ValueError) as error:  # a NUL byte, a name the system refuses
            raise RuntimeError(f"Pagefind named a file that cannot be written: {relative!r} ({error})") from error
        if not target.is_relative_to(root):
            raise RuntimeError(f"Pagefind named a file outside {output_path}: {relative!r}")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        except OSError as error:
            raise RuntimeError(f"could not write the search index under {output_path}: {error}") from error
