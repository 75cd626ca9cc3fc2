"""The real build's benchmark pages and results exports agree with papers/."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from inrsurvey.model import Catalog
from sitehtml import article, page, resolve

pytestmark = pytest.mark.build


def test_every_benchmark_has_a_board_with_every_result(catalog: Catalog, site_dir: Path) -> None:
    assert catalog.benchmarks.benchmarks, "papers/benchmarks.yml declares no benchmark"
    index = (site_dir / "benchmarks" / "index.html").read_text(encoding="utf-8")
    for bench in catalog.benchmarks.benchmarks:
        assert f'href="{bench.id}/"' in index
        page = (site_dir / "benchmarks" / bench.id / "index.html").read_text(encoding="utf-8")
        rows = catalog.results_by_benchmark.get(bench.id, ())
        for paper, result in rows:
            assert f'href="../../methods/{paper.slug}/"' in page, (bench.id, paper.slug)
            for _, printed in result.values:
                assert printed in page
        assert "not re-run" in page


def test_results_exports_hold_every_number(catalog: Catalog, site_dir: Path) -> None:
    expected = sorted(
        (p.slug, r.benchmark, r.variant, metric, printed)
        for p in catalog.papers
        for r in p.results or ()
        for metric, printed in r.values
    )
    data = json.loads((site_dir / "data" / "results.json").read_text(encoding="utf-8"))
    got = sorted((r["method"], r["benchmark"], r["variant"] or "", r["metric"], r["printed"]) for r in data["results"])
    assert got == expected
    with (site_dir / "data" / "results.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted((r["method"], r["benchmark"], r["metric"], r["value"]) for r in rows) == sorted(
        (m, b, k, v) for m, b, _, k, v in expected
    )


def test_method_pages_show_their_results(catalog: Catalog, site_dir: Path) -> None:
    for paper in catalog.papers:
        html = (site_dir / "methods" / paper.slug / "index.html").read_text(encoding="utf-8")
        has_section = 'id="results"' in html
        assert has_section == (paper.results is not None), paper.slug
        if paper.results == ():
            assert "reports on none of the survey" in html
        for result in paper.results or ():
            assert f"benchmarks/{result.benchmark}/" in html


def test_task_pages_link_their_benchmarks(catalog: Catalog, site_dir: Path) -> None:
    linked = 0
    for task in catalog.taxonomy.tasks:
        html = (site_dir / "tasks" / task.slug / "index.html").read_text(encoding="utf-8")
        for bench in catalog.benchmarks.benchmarks:
            expected = task.name in bench.tasks
            assert (f'href="../../benchmarks/{bench.id}/"' in html) == expected, (task.name, bench.id)
            linked += expected
    assert linked >= len(catalog.benchmarks.benchmarks)


def board_rows(site: Path, bench_id: str) -> Counter[str]:
    """The methods linked from the rows of a board's table (one link per row), with repeats."""
    url = f"benchmarks/{bench_id}/"
    return Counter(
        resolve(url, e.attrs["href"]).removeprefix("methods/").strip("/")
        for e in article(page(site, url))
        if e.tag == "a"
        and any("inr-board" in a.split(".")[1:] for a in e.ancestors)
        and "tbody." in e.ancestors
        and resolve(url, e.attrs.get("href", "")).startswith("methods/")
    )


def test_generated_survey_boards_at_scale(synthetic_site: tuple[Catalog, Path]) -> None:
    """500 generated methods, a third with results: each board has one row per result, and
    results.json holds every number once."""
    catalog, site = synthetic_site
    reported = [(p, r) for p in catalog.papers for r in p.results or ()]
    assert len(reported) > 100 and len(catalog.results_by_benchmark) == len(catalog.benchmarks.benchmarks)
    for bench in catalog.benchmarks.benchmarks:
        expected = Counter(p.slug for p, r in reported if r.benchmark == bench.id)
        assert board_rows(site, bench.id) == expected, bench.id
    data = json.loads((site / "data" / "results.json").read_text(encoding="utf-8"))
    assert Counter((r["method"], r["benchmark"], r["variant"], r["metric"]) for r in data["results"]) == Counter(
        (p.slug, r.benchmark, r.variant or None, metric) for p, r in reported for metric, _ in r.values
    )


def test_real_boards_have_one_row_per_result(catalog: Catalog, site_dir: Path) -> None:
    for bench in catalog.benchmarks.benchmarks:
        expected = Counter(p.slug for p, _ in catalog.results_by_benchmark.get(bench.id, ()))
        assert board_rows(site_dir, bench.id) == expected, bench.id
