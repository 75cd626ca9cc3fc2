"""Lighthouse scores of the built site, served with gzip as GitHub Pages serves it.

Run with the project's environment, from the repository root (needs Node's npx and
Debian's Chromium; Lighthouse 12 comes from npm on first use):

    .venv/bin/python bench/lighthouse.py                 # builds the site first
    .venv/bin/python bench/lighthouse.py --site /tmp/site --runs 3

The site is served under its site_url path (/inr-survey/) by a small HTTP server that
gzips text responses and answers missing addresses with 404.html, and Lighthouse runs in
its default mobile mode (emulated phone, slow 4G, 4x CPU slowdown) on home, catalog, a
method page, a task page, lineage/ and compare/ when the build has them, and the 404 page
(requested by its own address, so with status 200). It prints the
four category scores per page (medians of --runs) and, with --details, every weighted
audit that did not pass.
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("", "catalog/", "methods/nerf/", "tasks/view-synthesis/", "lineage/", "compare/", "404.html")
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files with gzip for text types, a 10-minute cache (as GitHub Pages) and 404.html."""

    prefix = "/"
    cache: dict[Path, bytes] = {}  # noqa: RUF012 - one server per run

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if not path.startswith(self.prefix):
            self._send(404, self._not_found())
            return
        target = Path(self.directory) / path[len(self.prefix) :].lstrip("/")
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_file():
            self._send(404, self._not_found())
            return
        self._send(200, target)

    def _not_found(self) -> Path:
        return Path(self.directory) / "404.html"

    def _send(self, status: int, file: Path) -> None:
        body = file.read_bytes()
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Cache-Control", "max-age=600")
        if kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
            if file not in self.cache:
                self.cache[file] = gzip.compress(body, compresslevel=6)
            body = self.cache[file]
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def site_path(config: Path) -> str:
    """The path part of the site_url in mkdocs.yml (`/inr-survey/`)."""
    for line in config.read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlsplit(line.split(":", 1)[1].strip()).path or "/"
    return "/"


def build_site(dest: Path) -> None:
    """A strict build of the real site into `dest`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)]
    subprocess.run(mkdocs, cwd=ROOT, env=env, check=True)


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse 12 run (mobile) over `url`; returns its JSON report."""
    command = [
        "npx",
        "--yes",
        "lighthouse@12",
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def failing_audits(report: dict[str, Any]) -> list[str]:
    """Weighted audits below a full score, as `category: audit (score)`."""
    lines = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                lines.append(f"{name}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".rstrip())
    return lines


def _exists(site: Path, page: str) -> bool:
    """Whether the built site has `page` (a path under its root, without a query)."""
    return (site / page / "index.html").is_file() or (site / page).is_file()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--pages", nargs="*", default=list(PAGES), help="paths under the site root")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median)")
    parser.add_argument("--details", action="store_true", help="list the audits that did not pass")
    args = parser.parse_args()
    if shutil.which("npx") is None or not Path(CHROMIUM).exists():
        sys.exit("needs npx (Node.js) and Debian's chromium")
    with tempfile.TemporaryDirectory(prefix="inr-lighthouse-") as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build_site(site)
        pages = [p for p in args.pages if _exists(site, p.split("?", 1)[0])]
        handler = type("Handler", (GzipHandler,), {"prefix": site_path(ROOT / "mkdocs.yml"), "cache": {}})
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}{handler.prefix}"
        print(f"| page | {' | '.join(CATEGORIES)} | CLS |")
        print("|---|" + "---:|" * (len(CATEGORIES) + 1))
        try:
            for page in pages:
                reports = [lighthouse(base + page, Path(tmp) / f"report-{run}.json") for run in range(args.runs)]
                scores = [statistics.median(r["categories"][c]["score"] for r in reports) for c in CATEGORIES]
                shift = statistics.median(r["audits"]["cumulative-layout-shift"]["numericValue"] for r in reports)
                print(f"| /{page} | " + " | ".join(f"{s:.2f}" for s in scores) + f" | {shift:.3f} |", flush=True)
                if args.details:
                    for line in failing_audits(reports[-1]):
                        print(f"|   {line} |", flush=True)
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
