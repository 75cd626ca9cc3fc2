"""Benchmarks and results: `papers/benchmarks.yml` read, and each method's `results` checked.

A benchmark is declared once (its scenes, protocol, metrics and the dataset's paper); a
result is what one method's own paper prints for it. The checks here make a number
comparable only with numbers of the same benchmark, metric and protocol.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from . import bib
from .identifiers import bad_characters, show
from .model import Benchmark, Benchmarks, BibEntry, Catalog, Metric, Paper, Problem, Result

BENCHMARKS_FILE = "benchmarks.yml"

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_NUMBER = re.compile(r"^-?\d+(\.(?P<decimals>\d+))?$")


def _text(item: Mapping[str, Any], key: str) -> str:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def _texts(item: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = item.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


def _metric(item: Any, rel: str, line: int | None, problems: list[Problem]) -> Metric | None:
    """One metric entry, or None (reported) when it is incomplete."""
    if not isinstance(item, dict):
        problems.append(Problem(rel, line, "benchmark-entry", "each metric must be a mapping"))
        return None
    ident, direction = _text(item, "id"), _text(item, "direction")
    decimals, bounds = item.get("decimals"), item.get("range")
    if (
        not _ID.match(ident)
        or not _text(item, "name")
        or direction not in ("higher", "lower")
        or not isinstance(decimals, int)
        or isinstance(decimals, bool)
        or not 0 <= decimals <= 6
        or not isinstance(bounds, list)
        or len(bounds) != 2
        or not all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in bounds)
        or bounds[0] >= bounds[1]
    ):
        problems.append(
            Problem(
                rel,
                line,
                "benchmark-entry",
                f"metric {show(ident or item.get('id'))} needs id (lowercase, hyphens), name, direction "
                "(higher or lower), decimals (0-6) and range [low, high]",
            )
        )
        return None
    return Metric(
        ident, _text(item, "name"), _text(item, "unit"), direction == "higher", decimals, bounds[0], bounds[1]
    )


def _dataset(
    item: Mapping[str, Any], where: str, rel: str, line: int | None, problems: list[Problem]
) -> tuple[str, BibEntry | None]:
    """The dataset's paper: a survey method slug, or one BibTeX entry written in the file."""
    dataset = item.get("dataset")
    if isinstance(dataset, dict) and set(dataset) == {"method"} and isinstance(dataset["method"], str):
        return dataset["method"].strip(), None
    if isinstance(dataset, dict) and set(dataset) == {"bibtex"} and isinstance(dataset["bibtex"], str):
        # Leading newlines make the parser's line numbers those of the file.
        entries, found = bib.parse_entries("\n" * (line or 0) + dataset["bibtex"], rel)
        problems.extend(found)
        if len(entries) == 1 and not found:
            return "", entries[0]
        if not found:
            problems.append(Problem(rel, line, "benchmark-dataset", f"{where}: 'dataset.bibtex' must hold one entry"))
        return "", None
    problems.append(
        Problem(
            rel,
            line,
            "benchmark-dataset",
            f"{where}: 'dataset' must be {{method: <slug>}} (a survey method) or {{bibtex: <one entry>}}",
        )
    )
    return "", None


def _benchmark(
    item: Any, rel: str, line: int | None, metrics: Mapping[str, Metric], problems: list[Problem]
) -> Benchmark | None:
    """One benchmark entry, or None (reported) when it cannot be used."""
    if not isinstance(item, dict):
        problems.append(Problem(rel, line, "benchmark-entry", "each benchmark must be a mapping"))
        return None
    ident = _text(item, "id")
    where = f"benchmark {show(ident or '?')}"
    names = _texts(item, "metrics")
    unknown = [m for m in names if m not in metrics]
    main = _text(item, "main")
    if not _ID.match(ident) or not _text(item, "name") or not _texts(item, "scenes") or not _text(item, "protocol"):
        problems.append(
            Problem(rel, line, "benchmark-entry", f"{where} needs id (lowercase, hyphens), name, scenes and protocol")
        )
        return None
    if not names or unknown or main not in names:
        problems.append(
            Problem(
                rel,
                line,
                "benchmark-metric",
                f"{where}: 'metrics' must list metric ids declared under 'metrics'"
                + (f" ({show(unknown[0])} is not)" if unknown else "")
                + ", and 'main' must be one of them",
            )
        )
        return None
    method, entry = _dataset(item, where, rel, line, problems)
    return Benchmark(
        ident,
        _text(item, "name"),
        _texts(item, "scenes"),
        _text(item, "protocol"),
        names,
        main,
        tasks=_texts(item, "tasks"),
        dataset_method=method,
        dataset_entry=entry,
        line=line,
    )


def _entry_lines(node_lines: Mapping[str, list[int]], section: str) -> list[int]:
    return node_lines.get(section, [])


def build_benchmarks(data: Any, item_lines: Mapping[str, list[int]], rel: str) -> tuple[Benchmarks, list[Problem]]:
    """The `Benchmarks` of a parsed `benchmarks.yml`, with every problem located.

    `item_lines` gives, for the sections `metrics` and `benchmarks`, the line of each item.
    """
    problems: list[Problem] = []
    if not isinstance(data, dict) or set(data) - {"metrics", "benchmarks"}:
        problems.append(
            Problem(rel, 1, "benchmark-entry", "benchmarks.yml must be a mapping of 'metrics' and 'benchmarks'")
        )
        return Benchmarks(path=rel), problems
    metrics: dict[str, Metric] = {}
    for index, item in enumerate(data.get("metrics") or []):
        lines = _entry_lines(item_lines, "metrics")
        metric = _metric(item, rel, lines[index] if index < len(lines) else None, problems)
        if metric and metric.id in metrics:
            problems.append(
                Problem(rel, lines[index], "benchmark-duplicate", f"metric {show(metric.id)} is declared twice")
            )
        elif metric:
            metrics[metric.id] = metric
    benchmarks: dict[str, Benchmark] = {}
    for index, item in enumerate(data.get("benchmarks") or []):
        lines = _entry_lines(item_lines, "benchmarks")
        bench = _benchmark(item, rel, lines[index] if index < len(lines) else None, metrics, problems)
        if bench and bench.id in benchmarks:
            problems.append(
                Problem(rel, bench.line, "benchmark-duplicate", f"benchmark {show(bench.id)} is declared twice")
            )
        elif bench:
            benchmarks[bench.id] = bench
    return Benchmarks(tuple(metrics.values()), tuple(benchmarks.values()), rel), problems


def check_declarations(catalog: Catalog) -> Iterator[Problem]:
    """Benchmarks whose dataset method or tasks are not in the survey."""
    declared = catalog.benchmarks
    tasks = {t.name for t in catalog.taxonomy.tasks}
    for bench in declared.benchmarks:
        if bench.dataset_method and bench.dataset_method not in catalog.by_slug:
            yield Problem(
                declared.path,
                bench.line,
                "benchmark-dataset",
                f"benchmark {show(bench.id)}: dataset method {show(bench.dataset_method)} is no method slug in papers/",
            )
        for task in bench.tasks:
            if task not in tasks:
                yield Problem(
                    declared.path,
                    bench.line,
                    "benchmark-task",
                    f"benchmark {show(bench.id)}: {show(task)} is no task name",
                )


def decimals_of(printed: str) -> int | None:
    """How many decimals a printed number has, or None when it is not a plain decimal number."""
    match = _NUMBER.match(printed)
    if match is None:
        return None
    return len(match["decimals"] or "")


def _check_value(bench: Benchmark, metric: Metric | None, name: str, printed: str, index: int) -> str | None:
    """Why one printed value cannot stand, or None."""
    label = f"results[{index}] ({bench.id}) {name}"
    if metric is None or name not in bench.metrics:
        return f"{label}: {bench.id} reports {', '.join(bench.metrics)}; {show(name)} is none of them"
    places = decimals_of(printed)
    if places is None:
        return f"{label}: {show(printed)} is not a number as printed (digits, one decimal point)"
    if places > metric.decimals:
        return f"{label}: {printed} has {places} decimals; papers print {metric.name} with at most {metric.decimals}"
    if not metric.low <= float(printed) <= metric.high:
        return f"{label}: {printed} is outside {metric.name}'s range [{metric.low:g}, {metric.high:g}]"
    return None


def _scene_problem(catalog: Catalog, bench: Benchmark, result: Result, index: int) -> str | None:
    """Why a result's scene list does not fit its benchmark, or None."""
    if not result.scenes:
        return None
    unknown = [s for s in result.scenes if s not in bench.scenes]
    if unknown:
        return f"results[{index}] ({bench.id}): scene {show(unknown[0])} is not one of {', '.join(bench.scenes)}"
    if set(result.scenes) == set(bench.scenes):
        return f"results[{index}] ({bench.id}): 'scenes' lists every scene; leave it out"
    exact = [b.id for b in catalog.benchmarks.benchmarks if set(b.scenes) == set(result.scenes)]
    hint = (
        f"enter it under benchmark {exact[0]}"
        if exact
        else "leave it out of this benchmark (or declare the subset as a benchmark of its own)"
    )
    return f"results[{index}] ({bench.id}): an average over {len(result.scenes)} of {len(bench.scenes)} scenes is not comparable; {hint}"


def _check_result(catalog: Catalog, paper: Paper, result: Result, index: int) -> Iterator[str]:
    bench = catalog.benchmarks.by_id.get(result.benchmark)
    if bench is None:
        known = ", ".join(b.id for b in catalog.benchmarks.benchmarks) or "none declared"
        yield f"results[{index}]: unknown benchmark {show(result.benchmark)}; use an id from papers/benchmarks.yml ({known})"
        return
    if not result.where:
        yield f"results[{index}] ({bench.id}): say 'where' the paper prints these numbers (e.g. Table 2)"
    texts = (result.where, result.variant, result.protocol, result.train_time, result.render_speed, result.hardware)
    for text in (*texts, *result.scenes):
        if bad_characters(text):
            yield f"results[{index}] ({bench.id}): {show(text)} holds invisible or control characters; delete them"
    for name, printed in result.values:
        problem = _check_value(bench, catalog.benchmarks.metric_by_id.get(name), name, printed, index)
        if problem:
            yield problem
    scene = _scene_problem(catalog, bench, result, index)
    if scene:
        yield scene


def check_results(catalog: Catalog) -> Iterator[Problem]:
    """Every problem of every method's results: unknown ids, missing places, bad values, duplicates."""
    yield from check_declarations(catalog)
    for paper in catalog.papers:
        line = paper.lines.get("results")
        seen: set[tuple[str, str, str]] = set()
        for index, result in enumerate(paper.results or ()):
            for message in _check_result(catalog, paper, result, index):
                yield Problem(paper.md_path, line, "result-invalid", message)
            for name, _ in result.values:
                key = (result.benchmark, name, result.variant)
                if key in seen:
                    yield Problem(
                        paper.md_path,
                        line,
                        "result-duplicate",
                        f"results[{index}]: {result.benchmark} {name} is given twice"
                        + (f" for variant {show(result.variant)}" if result.variant else "")
                        + "; name the variants apart with 'variant'",
                    )
                seen.add(key)
