"""Lineage benchmark: layout, drawing and neighbourhoods of synthetic surveys of N methods.

Run with the project's environment, from the repository root:

    .venv/bin/python bench/lineage.py --methods 100 1000 5000

For each N it writes N valid synthetic methods (seeded, as bench/scale.py does), loads
the catalog, and times in this process (the fastest of --repeat runs, the least
disturbed by other work on a shared machine): the layout alone,
the SVG drawing, every lineage page (layout, SVG and tables: one page, or an index and
one page per year beyond SPLIT_AT methods), and the lineage blocks of every method page.
`page_kb` is the largest lineage page's source (the built page adds the theme's frame,
about 40 KB), `whole_page_kb` the single page the survey would have without the split. One JSON object per N, with the growth of the layout
time against the previous N (`layout_growth`; linear growth equals `methods_growth`).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from inrsurvey.catalog import load_catalog  # noqa: E402
from inrsurvey.render import paths  # noqa: E402
from inrsurvey.render.lineage import NARROW, lineage_page, lineage_svg, neighbourhood  # noqa: E402
from inrsurvey.render.lineage_layout import layout_lineage  # noqa: E402
from inrsurvey.render.lineage_periods import lineage_pages  # noqa: E402
from synthetic import write_synthetic  # noqa: E402


def timed(func: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Fewest seconds of `repeat` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


def measure(methods: int, repeat: int, workdir: Path, seed: int) -> dict[str, Any]:
    papers = workdir / f"papers-{methods}"
    write_synthetic(papers, methods, seed=seed, taxonomy_file=ROOT / "papers" / "taxonomy.yml")
    loaded = load_catalog(papers)
    assert loaded.catalog is not None and not loaded.problems, loaded.problems[:3]
    catalog = loaded.catalog
    layout_s, layout = timed(lambda: layout_lineage(catalog.papers, NARROW), repeat)
    svg_s, svg = timed(lambda: lineage_svg(layout, catalog.by_slug, paths.LINEAGE, len(catalog)), repeat)
    page_s, pages = timed(lambda: lineage_pages(catalog), repeat)
    whole = lineage_page(catalog)
    near_s, blocks = timed(lambda: [neighbourhood(catalog, p) for p in catalog.papers], repeat)
    return {
        "methods": methods,
        "edges": len(layout.edges),
        "backward_edges": sum(e.backward for e in layout.edges),
        "in_graph": len(layout.nodes),
        "layout_ms": round(layout_s * 1000, 1),
        "svg_ms": round(svg_s * 1000, 1),
        "page_ms": round(page_s * 1000, 1),
        "neighbourhoods_ms": round(near_s * 1000, 1),
        "svg_kb": round(len(svg.encode()) / 1024, 1),
        "pages": len(pages),
        "page_kb": round(max(len(text.encode()) for _, text in pages) / 1024, 1),
        "whole_page_kb": round(len(whole.encode()) / 1024, 1),
        "svg_height_px": layout.height,
        "neighbourhood_kb_max": round(max(len(b.encode()) for b in blocks) / 1024, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--methods", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument(
        "--repeat", type=int, default=7, help="runs per measurement; the fastest is printed (default 7)"
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    previous: dict[str, Any] | None = None
    with tempfile.TemporaryDirectory(prefix="inr-lineage-bench-") as workdir:
        for methods in args.methods:
            row = measure(methods, args.repeat, Path(workdir), args.seed)
            if previous:
                row["methods_growth"] = round(methods / previous["methods"], 2)
                row["layout_growth"] = round(row["layout_ms"] / max(previous["layout_ms"], 0.1), 2)
                row["page_growth"] = round(row["page_ms"] / max(previous["page_ms"], 0.1), 2)
            print(json.dumps(row), flush=True)
            previous = row


if __name__ == "__main__":
    main()
