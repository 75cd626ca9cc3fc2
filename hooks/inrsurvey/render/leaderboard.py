"""Benchmark pages: the index of benchmarks, one leaderboard per benchmark, a method's results.

Every number is shown as its paper prints it, with where it is printed; the best value
of each metric among rows that follow the benchmark's protocol is marked. The boards
say plainly that they collect reported numbers, not a re-run under one protocol.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..bib import format_entry
from ..model import Benchmark, Catalog, Metric, Paper, Result
from . import paths
from .links import link, rel
from .pagefront import page_front
from .sanitize import fence
from .tables import Table
from .text import esc, md
from .wording import author_short, counted, venue_label

REPORTED_NOTE = (
    "These are the numbers each method's own paper reports, copied as printed, with the table they come "
    "from; they were not re-run under one protocol. A note beside a number says how that paper deviates "
    "from the benchmark's protocol; such numbers are not marked as best."
)
"""The statement every board and results section carries."""

Row = tuple[Paper, Result]


def metric_header(metric: Metric) -> str:
    """A column header: name, unit and which direction is better (`PSNR (dB) ↑`)."""
    unit = f" ({metric.unit})" if metric.unit else ""
    return f"{metric.name}{unit} {'↑' if metric.higher_is_better else '↓'}"


def best_values(bench: Benchmark, metrics: Sequence[Metric], rows: Sequence[Row]) -> dict[str, float]:
    """The best value of each metric among rows without a protocol deviation."""
    best: dict[str, float] = {}
    for metric in metrics:
        for _, result in rows:
            printed = result.value(metric.id)
            if not printed or result.protocol or result.scenes:
                continue
            value = float(printed)
            if metric.id not in best or metric.better(value, best[metric.id]):
                best[metric.id] = value
    return best


def _value_cell(result: Result, metric: Metric, best: dict[str, float]) -> str:
    printed = result.value(metric.id)
    if not printed:
        return "—"
    if metric.id in best and float(printed) == best[metric.id] and not (result.protocol or result.scenes):
        return f'<strong class="inr-best" title="best reported value">{esc(printed)}</strong>'
    return esc(printed)


def _note(result: Result) -> str:
    parts = [md(result.protocol)] if result.protocol else []
    if result.scenes:
        parts.append(f"{len(result.scenes)} scenes: {md(', '.join(result.scenes))}")
    return "; ".join(parts) or "—"


def _speed(result: Result) -> str:
    parts = []
    if result.train_time:
        parts.append(f"train {md(result.train_time)}")
    if result.render_speed:
        parts.append(f"render {md(result.render_speed)}")
    if parts and result.hardware:
        parts.append(f"on {md(result.hardware)}")
    return ", ".join(parts) or "—"


def board_metrics(catalog: Catalog, bench: Benchmark) -> list[Metric]:
    """The benchmark's metrics, in declared order."""
    return [catalog.benchmarks.metric_by_id[m] for m in bench.metrics if m in catalog.benchmarks.metric_by_id]


def leaderboard_table(catalog: Catalog, bench: Benchmark, uri: str) -> Table:
    """One row per reported result: method, venue, each metric, variant, note, speed, where."""
    rows = catalog.results_by_benchmark.get(bench.id, ())
    metrics = board_metrics(catalog, bench)
    best = best_values(bench, metrics, rows)
    body = []
    for paper, result in sorted(rows, key=lambda r: (r[0].sort_date, r[0].slug, r[1].variant)):
        body.append(
            (
                link(paper.name, uri, paths.method(paper)),
                md(venue_label(paper.joined.venue, paper.year)),
                *(_value_cell(result, m, best) for m in metrics),
                md(result.variant) or "—",
                _note(result),
                _speed(result),
                md(result.where),
            )
        )
    headers = ("Method", "Published", *(metric_header(m) for m in metrics), "Variant", "Deviation", "Speed", "Where")
    return Table(headers, tuple(body), caption=f"Reported results on {bench.name}", css_class="inr-table inr-board")


def _point_y(value: float, low: float, high: float, top: int, height: int) -> float:
    span = (high - low) or 1.0
    return top + height - height * (value - low) / span


def board_chart(catalog: Catalog, bench: Benchmark, uri: str) -> str:
    """A static SVG of the main metric against first posting, each point linked to its method."""
    metric = catalog.benchmarks.metric_by_id[bench.main]
    points = [
        (paper, float(result.value(metric.id)), result)
        for paper, result in catalog.results_by_benchmark.get(bench.id, ())
        if result.value(metric.id) and not (result.protocol or result.scenes)
    ]
    if len(points) < 2:
        return ""
    width, height, left, top, bottom = 720, 260, 48, 16, 40
    plot_h, plot_w = height - top - bottom, width - left - 16
    days = [p.sort_date.toordinal() for p, _, _ in points]
    first, last = min(days), max(days)
    low, high = min(v for _, v, _ in points), max(v for _, v, _ in points)
    pad = (high - low) * 0.1 or 1.0
    low, high = low - pad, high + pad
    title = f"{metric.name} on {bench.name} by first posting"
    parts = [
        f'<svg class="inr-chart-svg" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="board-title" aria-describedby="board-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="board-title">{esc(title)}</title>',
        f'<desc id="board-desc">{esc(metric_header(metric))}: one point per reported result, linked to its method.</desc>',
    ]
    for value in (low + pad, (low + high) / 2, high - pad):
        y = _point_y(value, low, high, top, plot_h)
        parts.append(f'<line class="inr-grid" x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(
            f'<text class="inr-axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{value:.{metric.decimals}f}</text>'
        )
    for year in range(dt.date.fromordinal(first).year, dt.date.fromordinal(last).year + 1):
        x = left + plot_w * (dt.date(year, 1, 1).toordinal() - first) / ((last - first) or 1)
        if left <= x <= width - 8:
            parts.append(f'<text class="inr-axis" x="{x:.1f}" y="{height - 12}" text-anchor="middle">{year}</text>')
    for paper, value, result in sorted(points, key=lambda p: (p[0].sort_date, p[0].slug, p[2].variant)):
        x = left + plot_w * (paper.sort_date.toordinal() - first) / ((last - first) or 1)
        y = _point_y(value, low, high, top, plot_h)
        label = f"{paper.name}{f' ({result.variant})' if result.variant else ''}: {result.value(metric.id)}"
        href = paths.url_between(uri, paths.method(paper))
        parts.append(_point(x, y, href, label))
    parts.append("</svg>")
    return (
        f'<figure class="inr-chart" id="board-chart" data-pagefind-ignore="all">{"".join(parts)}'
        f"<figcaption>{esc(title)}; the table above holds every number.</figcaption></figure>\n"
    )


def _point(x: float, y: float, href: str, label: str) -> str:
    """One plotted result: a dot, and over it an HTML link to the method in a `foreignObject`.

    The link is HTML, not SVG `<a>`: Material's instant navigation assigns `link.href`, which an
    SVG link only has a getter for, and stops with an error on the page (as on the lineage page).
    """
    return (
        f'<circle class="inr-series-0" cx="{x:.1f}" cy="{y:.1f}" r="5" aria-hidden="true"/>'
        f'<foreignObject x="{x - 7:.1f}" y="{y - 7:.1f}" width="14" height="14">'
        f'<a class="inr-chart-point" href="{esc(href)}" aria-label="{esc(label)}" title="{esc(label)}"></a>'
        "</foreignObject>"
    )


def dataset_citation(catalog: Catalog, bench: Benchmark, uri: str) -> str:
    """Who introduced the dataset: a link to the survey's method page, or the entry's BibTeX."""
    if bench.dataset_method and bench.dataset_method in catalog.by_slug:
        paper = catalog.by_slug[bench.dataset_method]
        return f"Dataset introduced by {link(paper.name, uri, paths.method(paper))} ({md(paper.title)}).\n"
    entry = bench.dataset_entry
    if entry is None:
        return ""
    who = author_short(entry.authors, entry.et_al)
    return (
        f"Dataset introduced by {md(who)}, *{md(entry.text('title'))}* ({md(entry.get('year'))}).\n\n"
        f"{fence(format_entry(entry).rstrip(), 'bibtex')}\n"
    )


def benchmark_page(catalog: Catalog, bench: Benchmark) -> str:
    """A benchmark's leaderboard page."""
    uri = paths.benchmark(bench)
    rows = catalog.results_by_benchmark.get(bench.id, ())
    methods = {p.slug for p, _ in rows}
    tasks = [t for t in catalog.taxonomy.tasks if t.name in bench.tasks]
    metrics = board_metrics(catalog, bench)
    parts = [
        page_front(bench.name, f"Reported results on {bench.name}: {counted(len(methods), 'method')}."),
        f"# {md(bench.name)}\n",
        f"{REPORTED_NOTE}\n{{: .inr-definition }}\n",
        f"**Protocol.** {md(bench.protocol)}\n",
        f"**Scenes ({len(bench.scenes)}).** {md(', '.join(bench.scenes))}\n",
        "**Metrics.** "
        + "; ".join(
            f"{md(metric_header(m))} ({'higher' if m.higher_is_better else 'lower'} is better)" for m in metrics
        )
        + "\n",
    ]
    if tasks:
        parts.append("**Tasks.** " + ", ".join(link(t.name, uri, paths.task(t)) for t in tasks) + "\n")
    parts.append(dataset_citation(catalog, bench, uri))
    noun = "method" if len(methods) == 1 else "methods"
    parts.append(
        f"[:material-download: BibTeX of these {len(methods)} {noun}]({rel(uri, paths.group_bib('benchmark', bench.id))})"
        "{: .md-button download }\n"
    )
    if rows:
        parts += [
            "## Results\n",
            "Select a column header to sort the table.\n",
            leaderboard_table(catalog, bench, uri).as_markdown(),
        ]
        parts.append(board_chart(catalog, bench, uri))
    else:
        parts.append("No results on this benchmark are recorded yet.\n")
    return "\n".join(p for p in parts if p)


def board_papers(catalog: Catalog, bench: Benchmark) -> list[Paper]:
    """The methods with a result on the benchmark, each once, in survey order."""
    seen = {p.slug for p, _ in catalog.results_by_benchmark.get(bench.id, ())}
    return [p for p in catalog.papers if p.slug in seen]


def benchmarks_index(catalog: Catalog) -> str:
    """The index of benchmarks: what each measures and how many methods report on it."""
    uri = paths.BENCHMARKS
    rows = []
    for bench in catalog.benchmarks.benchmarks:
        results = catalog.results_by_benchmark.get(bench.id, ())
        rows.append(
            (
                link(bench.name, uri, paths.benchmark(bench)),
                str(len(bench.scenes)),
                ", ".join(md(metric_header(m)) for m in board_metrics(catalog, bench)),
                str(len({p.slug for p, _ in results})),
                str(len(results)),
            )
        )
    table = Table(("Benchmark", "Scenes", "Metrics", "Methods", "Results"), tuple(rows), caption="Benchmarks")
    reported = sum(1 for p in catalog.papers if p.results)
    return "\n".join(
        [
            page_front("Benchmarks", "Benchmark results as the papers report them."),
            "# Benchmarks\n",
            f"{REPORTED_NOTE}\n{{: .inr-definition }}\n",
            f"{counted(reported, 'method reports', 'methods report')} results on {counted(len(catalog.benchmarks.benchmarks), 'benchmark')}. "
            f"Every number is also in {link('data/results.json', uri, paths.RESULTS_JSON)} and "
            f"{link('data/results.csv', uri, paths.RESULTS_CSV)}.\n",
            table.as_markdown(),
        ]
    )


def results_section(catalog: Catalog, paper: Paper, uri: str) -> str:
    """A method page's Results section; empty when no results were entered for it."""
    if paper.results is None:
        return ""
    if not paper.results:
        return (
            '<div class="inr-results" markdown>\n\n## Results\n\n'
            f"Its paper reports on none of the survey's {link('benchmarks', uri, paths.BENCHMARKS)}.\n\n</div>\n"
        )
    rows = []
    for result in paper.results:
        bench = catalog.benchmarks.by_id.get(result.benchmark)
        if bench is None:
            continue
        metrics = board_metrics(catalog, bench)
        values = "; ".join(f"{md(m.name)} {esc(result.value(m.id))}" for m in metrics if result.value(m.id))
        rows.append(
            (
                link(bench.name, uri, paths.benchmark(bench)),
                values,
                md(result.variant) or "—",
                _note(result),
                md(result.where),
            )
        )
    table = Table(
        ("Benchmark", "Reported", "Variant", "Deviation", "Where"),
        tuple(rows),
        caption="Reported results",
        sortable=False,
    )
    return (
        '<div class="inr-results" markdown>\n\n## Results\n\n'
        "As printed in the paper; each benchmark's page compares them with other methods.\n\n"
        + table.as_markdown()
        + "\n</div>\n"
    )
