"""Shared test helpers: site copies, in-process strict builds, tool discovery."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
"""How the tests and benchmarks start Debian's Chromium (no sandbox as root, no network of its own)."""
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tool(available: bool, what: str) -> None:
    """Skip when a tool is missing, but fail under CI=true (CI must have everything)."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required under CI=true but is missing")
    pytest.skip(f"{what} is not installed")


def copy_site(dest: Path, papers: Path | None = None) -> Path:
    """Copy the real site's configuration and hand-written pages to `dest`.

    `papers` replaces the real papers/ folder when given. Returns `dest`.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(papers or ROOT / "papers", dest / "papers")
    return dest


@dataclass
class BuildResult:
    """The outcome of an in-process MkDocs build."""

    ok: bool
    site: Path
    log: str
    error: str = ""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build(config_file: Path, site_dir: Path, strict: bool = True) -> BuildResult:
    """Build a site in-process with a real MkDocs configuration; never raises on failure."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    error = ""
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
        mkdocs_build(config)
        ok = True
    except (Abort, PluginError) as exc:
        ok, error = False, str(exc)
    finally:
        logger.removeHandler(handler)
    text = "\n".join(f"{r.levelname}: {r.getMessage()}" for r in handler.records)
    warnings = [r for r in handler.records if r.levelno >= logging.WARNING]
    if strict and warnings:
        ok = False
    return BuildResult(ok, site_dir, text, error)


def free_port() -> int:
    """An unused TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(directory: Path, not_found: str = "") -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1; yields the base URL.

    `not_found` (a path inside `directory`, e.g. `inr-survey/404.html`) is the page sent,
    with status 404, for a missing address, as GitHub Pages sends a site's 404.html.
    """
    missing_page = directory / not_found if not_found else None

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if code != 404 or missing_page is None or not missing_page.is_file():
                super().send_error(code, message, explain)
                return
            body = missing_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(Quiet, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def write_benchmarks_for(papers: Path, slugs: set[str]) -> None:
    """papers/benchmarks.yml with the real survey's metrics and the benchmarks whose dataset is citable.

    A benchmark whose dataset paper is a survey method is kept only when that method is among
    `slugs`, so a small survey built from a few real methods stays valid.
    """
    import yaml

    declared = yaml.safe_load((ROOT / "papers" / "benchmarks.yml").read_text(encoding="utf-8"))
    declared["benchmarks"] = [
        b for b in declared["benchmarks"] if "bibtex" in b["dataset"] or b["dataset"].get("method") in slugs
    ]
    text = yaml.safe_dump(declared, allow_unicode=True, sort_keys=False)
    (papers / "benchmarks.yml").write_text(text, encoding="utf-8")


SMALL_SURVEY = ("taxonomy.yml", "nerf.md", "nerf.bib", "siren.md", "siren.bib", "liif.md", "liif.bib")
"""A valid survey of three real methods (NeRF, SIREN, LIIF) and the taxonomy, for edited copies."""


def small_survey(papers: Path, names: tuple[str, ...] = SMALL_SURVEY) -> Path:
    """`papers` (emptied first) holding the real survey's `names` and the benchmarks their datasets allow."""
    import shutil

    if papers.exists():
        shutil.rmtree(papers)
    papers.mkdir(parents=True)
    for name in names:
        shutil.copy(ROOT / "papers" / name, papers / name)
    write_benchmarks_for(papers, {Path(n).stem for n in names if n.endswith(".md")})
    return papers


def show_all_cards(page: Any) -> None:
    """In the live catalog, press "Show all" when the list stops before the end (it shows 50 cards first)."""
    more = page.locator("button.inr-more")
    if more.is_visible():
        more.evaluate("button => button.click()")  # a script's click leaves the focus where the test put it
        page.wait_for_selector("button.inr-more", state="hidden")
