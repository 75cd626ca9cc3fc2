"""Check-time benchmark: `check` on a synthetic survey, and the summary checks on large hostile summaries.

Run with the project's environment, from the repository root:

    .venv/bin/python bench/check.py --methods 5000

Prints one JSON object: the median time of `check` over --repeat runs on N synthetic methods,
and the time the raw-HTML check takes on summaries of about 240 KB built from patterns that
made a backtracking search quadratic (`<a ` without a closing `>`, code spans, fences).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from inrsurvey.markup import CODE  # noqa: E402
from inrsurvey.validate import RAW_HTML, check  # noqa: E402
from synthetic import write_synthetic  # noqa: E402

SUMMARY_BYTES = 240 * 1024
PATTERNS = ("<a ", "<a\n", "`<a ", "~~~ <a", "```x")


def time_check(methods: int, repeat: int) -> float:
    """Median seconds of `check` over a synthetic survey of `methods` methods."""
    with tempfile.TemporaryDirectory() as tmp:
        papers = Path(tmp) / "papers"
        write_synthetic(papers, methods, seed=1, taxonomy_file=ROOT / "papers" / "taxonomy.yml")
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            check(papers)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_raw_html(pattern: str) -> float:
    """Seconds the raw-HTML check takes on a summary of `pattern` repeated to about 240 KB."""
    body = pattern * (SUMMARY_BYTES // len(pattern))
    start = time.perf_counter()
    RAW_HTML.search(CODE.sub(" ", body))
    return time.perf_counter() - start


def main() -> None:
    """Measure and print the results as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--methods", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    result = {
        "methods": args.methods,
        "check_s": round(time_check(args.methods, args.repeat), 2),
        "raw_html_s": {pattern: round(time_raw_html(pattern), 3) for pattern in PATTERNS},
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
