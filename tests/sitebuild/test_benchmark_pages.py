"""The real build's benchmark pages and results exports agree with papers/."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from inrsurvey.model import Catalog

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
