"""Survey-scale benchmark: build synthetic surveys of N methods with and without the hooks.

Run with the project's environment, from the repository root:

    .venv/bin/python bench/scale.py --methods 100 1000 5000

For each N it writes N valid synthetic methods (seeded, deterministic; about a third of
them with benchmark results on the project's declared benchmarks) beside a copy
of the real mkdocs.yml and docs/, then builds (a) the site with the project's hooks and
(b) the same pages staged by `inrsurvey stage` and built by plain MkDocs + Material,
and prints one JSON object per N on its own line. Times are medians of --repeat runs.
The lineage page's own timings are in bench/lineage.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from synthetic import write_synthetic  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def make_project(base: Path, methods: int, seed: int) -> Path:
    """A copy of the real site's configuration and pages with a synthetic papers/."""
    project = base / f"survey-{methods}"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    write_synthetic(
        project / "papers", methods, seed=seed, taxonomy_file=ROOT / "papers" / "taxonomy.yml", results=True
    )
    return project


def child_build(config: Path, site: Path) -> dict[str, float]:
    """One build in a fresh interpreter (bench/_child.py); returns its measurements."""
    if site.exists():
        shutil.rmtree(site)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "_child.py"), str(config), str(site)],
        capture_output=True,
        text=True,
        cwd=config.parent,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def stage(project: Path, out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "inrsurvey", "stage", str(out), "--root", str(project)],
        capture_output=True,
        text=True,
        cwd=ROOT / "hooks",
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stdout + result.stderr)


def site_sizes(site: Path) -> dict[str, float]:
    method_pages = sorted(site.glob("methods/*/index.html"))
    sizes = [p.stat().st_size / 1024 for p in method_pages]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    # The index proper: entry file, word index chunks, page fragments, filters (not the
    # search engine's wasm/js runtime, which is a fixed ~100 KB like Material's lunr.js).
    pagefind = site / "pagefind"
    index = sum(
        p.stat().st_size
        for p in pagefind.rglob("*")
        if p.is_file()
        and (
            p.name == "pagefind-entry.json"
            or p.suffix == ".pf_meta"
            or p.parent.name in ("index", "fragment", "filter")
        )
    )
    return {
        "pages": sum(1 for _ in site.rglob("*.html")),
        "page_kb_median": round(statistics.median(sizes), 1),
        "site_mb": round(total / 1024 / 1024, 1),
        "search_index_kb": round(index / 1024, 1),
        "search_index_kb_per_method": round(index / 1024 / max(len(method_pages), 1), 2),
        "lineage_page_kb": round((site / "lineage" / "index.html").stat().st_size / 1024, 1),
        **board_sizes(site),
    }


def board_sizes(site: Path) -> dict[str, float]:
    """The benchmark boards: how many, the largest page, and the results export with its row count."""
    boards = [p.stat().st_size / 1024 for p in site.glob("benchmarks/*/index.html")]
    exported = site / "data" / "results.json"
    records = len(json.loads(exported.read_text(encoding="utf-8"))["results"]) if exported.is_file() else 0
    return {
        "boards": len(boards),
        "board_kb_max": round(max(boards, default=0.0), 1),
        "results": records,
        "results_json_kb": round(exported.stat().st_size / 1024, 1) if exported.is_file() else 0.0,
    }


@contextmanager
def served_page(site: Path) -> Iterator[tuple[str, Any]]:
    """A Chromium page at 1280x900 and the base URL of `site` served over HTTP."""
    from playwright.sync_api import sync_playwright

    from helpers import CHROMIUM_ARGS, serve

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield base, browser.new_page(viewport={"width": 1280, "height": 900})
        finally:
            browser.close()


def search_ready(site: Path, query: str, target: str, timeout: float = 120.0) -> float | None:
    """Seconds from opening the home page until a search for `query` lists `target`."""
    if not Path(CHROMIUM).exists():
        return None
    with served_page(site) as (base, page):
        start = time.perf_counter()
        page.goto(base)
        box = page.locator("#inr-search-input")
        box.click()
        box.press_sequentially(query)
        selector = f".inr-search-list a[href*='{target}']"
        deadline = start + timeout
        found = None
        while time.perf_counter() < deadline:
            if page.locator(selector).count():
                found = time.perf_counter() - start
                break
            page.wait_for_timeout(25)
        return found


CATALOG_READY = """() => {
  const card = document.querySelector("ol.inr-results > li.inr-card");
  const box = document.querySelector('.inr-catalog-app fieldset[data-facet="field"] input[type=checkbox]');
  const counter = document.querySelector(".inr-counter");
  return Boolean(card && box && !box.disabled && counter && / of \\d+ methods$/.test(counter.textContent));
}"""
"""The catalog is ready when its first result card is rendered, the facet checkboxes exist and
the counter reads `N of M methods`. The check runs on the page's main thread, so it cannot
answer while the page is still busy (parsing the page or the data, building the cards)."""


def catalog_ready(site: Path, timeout: float = 120.0) -> float | None:
    """Seconds from starting navigation to the catalog page until it is ready (CATALOG_READY).

    After the clock stops, one facet checkbox is ticked and the counter must change, so a
    catalog that renders but does not filter counts as never ready.
    """
    if not Path(CHROMIUM).exists():
        return None
    with served_page(site) as (base, page):
        start = time.perf_counter()
        page.goto(base + "catalog/", wait_until="commit")
        deadline = start + timeout
        found = None
        while time.perf_counter() < deadline:
            if page.evaluate(CATALOG_READY):
                found = time.perf_counter() - start
                break
            page.wait_for_timeout(25)
        if found is not None:
            before = page.inner_text(".inr-counter")
            page.locator('fieldset[data-facet="field"] input[type=checkbox]').first.check()
            page.wait_for_function(
                "t => document.querySelector('.inr-counter').textContent !== t", arg=before, timeout=timeout * 1000
            )
        return found


def catalog_sizes(site: Path) -> dict[str, float]:
    """Sizes of what the catalog page loads: its HTML and the JSON files it may fetch."""
    sizes = {"catalog_html_kb": round((site / "catalog" / "index.html").stat().st_size / 1024, 1)}
    for name in ("papers", "catalog"):
        path = site / "data" / f"{name}.json"
        if path.is_file():
            sizes[f"{name}_json_kb"] = round(path.stat().st_size / 1024, 1)
    return sizes


def measure(methods: int, repeat: int, workdir: Path, seed: int) -> dict[str, Any]:
    project = make_project(workdir, methods, seed)
    staged = workdir / f"staged-{methods}"
    hooks, plain = [], []
    for _ in range(repeat):
        hooks.append(child_build(project / "mkdocs.yml", project / "site"))
        stage(project, staged)
        plain.append(child_build(staged / "mkdocs.yml", staged / "site"))
    row: dict[str, Any] = {
        "methods": methods,
        "repeat": repeat,
        "build_s": round(statistics.median(r["build_s"] for r in hooks), 2),
        "plain_build_s": round(statistics.median(r["build_s"] for r in plain), 2),
        "hooks_s": round(statistics.median(r["hooks_s"] for r in hooks), 2),
        "sanitize_s": round(statistics.median(r["hook_events_s"].get("page_content", 0.0) for r in hooks), 2),
        "peak_rss_mb": round(max(r["peak_rss_mb"] for r in hooks), 1),
    }
    row["overhead"] = round(row["build_s"] / row["plain_build_s"], 3)
    row["sanitize_share"] = round(row["sanitize_s"] / row["build_s"], 4)
    row.update(site_sizes(project / "site"))
    name = f"Synth{methods // 2:05d}"
    ready = [search_ready(project / "site", name, f"methods/{name.lower()}/") for _ in range(max(1, min(repeat, 3)))]
    valid = [r for r in ready if r is not None]
    row["search_ready_s"] = round(statistics.median(valid), 2) if valid else None
    row.update(catalog_sizes(project / "site"))
    ready = [catalog_ready(project / "site") for _ in range(max(1, min(repeat, 3)))]
    valid = [r for r in ready if r is not None]
    row["catalog_ready_s"] = round(statistics.median(valid), 2) if valid else None
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--methods", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="builds per size; the median is printed (default 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temporary folder)")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="inr-bench-"))
    for methods in args.methods:
        print(json.dumps(measure(methods, args.repeat, workdir, args.seed)), flush=True)


if __name__ == "__main__":
    main()
