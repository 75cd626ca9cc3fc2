"""`mkdocs serve` picks up edits to papers/ and to the package without a restart."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import copy_site, free_port
from inrsurvey.catalog import load_catalog

pytestmark = pytest.mark.build

PATCH = """

_served_method_page = method_page


def method_page(catalog, paper):  # type: ignore[no-redef]
    return _served_method_page(catalog, paper) + "\\nPackage edit seen by the server.\\n"
"""


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, process: subprocess.Popen[str], limit: float = 240.0) -> str:
    """Poll `url` until its HTML holds `text` (a generous limit: this waits for a rebuild, it times nothing)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        assert process.poll() is None, "mkdocs serve stopped"
        html = fetch(url)
        if text in html:
            return html
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}")


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    site = copy_site(tmp_path / "site")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(site / "mkdocs.yml")],
        cwd=site,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield site, f"http://127.0.0.1:{port}/inr-survey/", process
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_serve_rebuilds_on_papers_and_package_edits(served: tuple[Path, str, subprocess.Popen[str]]) -> None:
    site, url, process = served
    slug = next(
        p.slug for p in load_catalog(site / "papers").catalog.papers if len(p.body.split()) < 280
    )  # room for 6 words
    page = url + f"methods/{slug}/"
    wait_for(page, "<h1", process)
    source = site / "papers" / f"{slug}.md"
    source.write_text(
        source.read_text(encoding="utf-8").rstrip() + "\n\nA sentence added while the server runs.\n", encoding="utf-8"
    )
    wait_for(page, "A sentence added while the server runs.", process)
    method = site / "hooks" / "inrsurvey" / "render" / "method.py"
    method.write_text(method.read_text(encoding="utf-8") + PATCH, encoding="utf-8")
    wait_for(page, "Package edit seen by the server.", process)
