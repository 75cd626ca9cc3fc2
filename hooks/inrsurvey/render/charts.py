"""Static, accessible SVG charts rendered at build time (no chart library, no script).

Each chart is a `<figure>` with two SVGs (`role="img"`, `<title>`, `<desc>`): one laid out
for wide screens and one for phones (bars run sideways, one row per period or label, so the
chart fits a 375 px screen without scrolling); the stylesheet shows one of them. Every bar
carries a `<title>` tooltip and `data-*` numbers, and a data table is the text alternative. Colours come from CSS classes, so light and dark schemes both work. Site
search leaves charts out (`data-pagefind-ignore`): their text is numbers and labels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Catalog, Paper
from .text import esc
from .wording import counted

PALETTE_SIZE = 10
"""Number of series colours defined in the stylesheet (`.inr-series-0` ...)."""


@dataclass(frozen=True)
class Series:
    """One stacked series: its name and one value per bin."""

    name: str
    values: tuple[int, ...]


def time_bins(papers: Sequence[Paper]) -> list[str]:
    """Bins for first-posting dates: quarters when the span is at most 4 years, else years."""
    dates = [p.sort_date for p in papers]
    if not dates:
        return []
    first, last = min(dates), max(dates)
    if last.year - first.year <= 4:
        return [
            f"{y} Q{q}"
            for y in range(first.year, last.year + 1)
            for q in range(1, 5)
            if (y, q) >= (first.year, (first.month - 1) // 3 + 1) and (y, q) <= (last.year, (last.month - 1) // 3 + 1)
        ]
    return [str(y) for y in range(first.year, last.year + 1)]


def bin_of(paper: Paper, quarterly: bool) -> str:
    """The time bin of a paper's first posting."""
    day = paper.sort_date
    return f"{day.year} Q{(day.month - 1) // 3 + 1}" if quarterly else str(day.year)


def methods_over_time(catalog: Catalog) -> tuple[list[str], list[Series]]:
    """Counts of methods per time bin (first posting), stacked by field."""
    bins = time_bins(catalog.papers)
    quarterly = bool(bins) and " Q" in bins[0]
    series = []
    for field in catalog.taxonomy.fields:
        counts = Counter(bin_of(p, quarterly) for p in catalog.by_field.get(field.name, ()))
        series.append(Series(field.name, tuple(counts.get(b, 0) for b in bins)))
    return bins, [s for s in series if any(s.values)]


def _data_table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + f'<th scope="row">{esc(r[0])}</th>' + "".join(f"<td>{esc(c)}</td>" for c in r[1:]) + "</tr>"
        for r in rows
    )
    return (
        f'<details class="inr-chart-data"><summary>Data table: {esc(caption)}</summary>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>"
    )


def stacked_columns(chart_id: str, title: str, description: str, bins: Sequence[str], series: Sequence[Series]) -> str:
    """A stacked column chart as a `<figure>` with an SVG and a data table."""
    width, height, left, bottom, top = 720, 300, 40, 70, 16
    totals = [sum(s.values[i] for s in series) for i in range(len(bins))]
    peak = max(totals, default=0) or 1
    plot_h = height - bottom - top
    step = (width - left - 8) / max(len(bins), 1)
    bar_w = max(step * 0.7, 2)
    parts = [
        f'<svg class="inr-chart-svg inr-chart-wide" viewBox="0 0 {width} {height + 24 * ((len(series) + 3) // 4)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{esc(title)}</title>',
        f'<desc id="{chart_id}-desc">{esc(description)}</desc>',
    ]
    for tick in sorted({0, peak // 2, peak}):
        y = top + plot_h - plot_h * tick / peak
        parts.append(f'<line class="inr-grid" x1="{left}" x2="{width - 4}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="inr-axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    for i, label in enumerate(bins):
        x = left + i * step + (step - bar_w) / 2
        base = float(top + plot_h)
        for index, s in enumerate(series):
            value = s.values[i]
            if not value:
                continue
            h = plot_h * value / peak
            base -= h
            parts.append(
                f'<rect class="inr-series-{index % PALETTE_SIZE}" x="{x:.1f}" y="{base:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'data-series="{esc(s.name)}" data-bin="{esc(label)}" data-count="{value}">'
                f"<title>{esc(s.name)}, {esc(label)}: {value}</title></rect>"
            )
        cx = left + i * step + step / 2
        parts.append(
            f'<text class="inr-axis" x="{cx:.1f}" y="{top + plot_h + 14}" text-anchor="end" '
            f'transform="rotate(-45 {cx:.1f} {top + plot_h + 14})">{esc(label)}</text>'
        )
    for index, s in enumerate(series):
        lx = left + (index % 4) * 170
        ly = height + 24 * (index // 4) - 4
        parts.append(f'<rect class="inr-series-{index % PALETTE_SIZE}" x="{lx}" y="{ly - 10}" width="12" height="12"/>')
        parts.append(f'<text class="inr-legend" x="{lx + 18}" y="{ly}">{esc(s.name)} ({sum(s.values)})</text>')
    parts.append("</svg>")
    rows = [[label, *[str(s.values[i]) for s in series], str(totals[i])] for i, label in enumerate(bins)]
    table = _data_table(title, ["Period", *[s.name for s in series], "Total"], rows)
    return (
        f'<figure class="inr-chart" id="{chart_id}" data-pagefind-ignore="all">'
        + "".join(parts)
        + stacked_rows(f"{chart_id}-narrow", title, description, bins, series)
        + f"<figcaption>{esc(description)}</figcaption>{table}</figure>\n"
    )


NARROW_WIDTH = 340
"""Width of the phone layout's view box: at a 375 px screen one unit is about one CSS pixel."""


def _svg_open(chart_id: str, title: str, description: str, width: int, height: int, layout: str) -> str:
    return (
        f'<svg class="inr-chart-svg inr-chart-{layout}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{esc(title)}</title><desc id="{chart_id}-desc">{esc(description)}</desc>'
    )


def stacked_rows(chart_id: str, title: str, description: str, bins: Sequence[str], series: Sequence[Series]) -> str:
    """The phone layout of a stacked column chart: one row per period, bars stacked sideways, legend below."""
    width, left, row_h, right = NARROW_WIDTH, 58, 22, 34
    totals = [sum(s.values[i] for s in series) for i in range(len(bins))]
    peak = max(totals, default=0) or 1
    legend_top = row_h * len(bins) + 12
    height = legend_top + 20 * ((len(series) + 1) // 2) + 4
    parts = [_svg_open(chart_id, title, description, width, height, "narrow")]
    for i, label in enumerate(bins):
        y = i * row_h
        x = float(left)
        parts.append(f'<text class="inr-axis" x="{left - 6}" y="{y + 15}" text-anchor="end">{esc(label)}</text>')
        for index, s in enumerate(series):
            value = s.values[i]
            if not value:
                continue
            w = (width - left - right) * value / peak
            parts.append(
                f'<rect class="inr-series-{index % PALETTE_SIZE}" x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                f'data-series="{esc(s.name)}" data-bin="{esc(label)}" data-count="{value}">'
                f"<title>{esc(s.name)}, {esc(label)}: {value}</title></rect>"
            )
            x += w
        parts.append(f'<text class="inr-legend" x="{x + 5:.1f}" y="{y + 15}">{totals[i]}</text>')
    for index, s in enumerate(series):
        lx = (index % 2) * (width // 2)
        ly = legend_top + 20 * (index // 2)
        parts.append(f'<rect class="inr-series-{index % PALETTE_SIZE}" x="{lx}" y="{ly + 2}" width="12" height="12"/>')
        parts.append(f'<text class="inr-legend" x="{lx + 17}" y="{ly + 12}">{esc(s.name)} ({sum(s.values)})</text>')
    parts.append("</svg>")
    return "".join(parts)


def labelled_rows(chart_id: str, title: str, description: str, items: Sequence[tuple[str, int]]) -> str:
    """The phone layout of a horizontal bar chart: each label on its own line above its bar."""
    width, row_h, right = NARROW_WIDTH, 36, 34
    peak = max((c for _, c in items), default=0) or 1
    parts = [_svg_open(chart_id, title, description, width, row_h * len(items) + 4, "narrow")]
    for i, (label, count) in enumerate(items):
        y = i * row_h
        w = (width - right) * count / peak
        parts.append(f'<text class="inr-axis" x="0" y="{y + 13}">{esc(label)}</text>')
        parts.append(
            f'<rect class="inr-series-0" x="0" y="{y + 18}" width="{w:.1f}" height="12" '
            f'data-bin="{esc(label)}" data-count="{count}"><title>{esc(label)}: {count}</title></rect>'
        )
        parts.append(f'<text class="inr-legend" x="{w + 5:.1f}" y="{y + 29}">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def horizontal_bars(chart_id: str, title: str, description: str, items: Sequence[tuple[str, int]]) -> str:
    """A horizontal bar chart (label, count), largest first as given, with a data table."""
    row_h, left, width = 22, 230, 720
    height = row_h * len(items) + 10
    peak = max((c for _, c in items), default=0) or 1
    parts = [
        f'<svg class="inr-chart-svg inr-chart-wide" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{esc(title)}</title>',
        f'<desc id="{chart_id}-desc">{esc(description)}</desc>',
    ]
    for i, (label, count) in enumerate(items):
        y = 5 + i * row_h
        w = (width - left - 50) * count / peak
        parts.append(f'<text class="inr-axis" x="{left - 8}" y="{y + 14}" text-anchor="end">{esc(label)}</text>')
        parts.append(
            f'<rect class="inr-series-0" x="{left}" y="{y + 2}" width="{w:.1f}" height="{row_h - 6}" '
            f'data-bin="{esc(label)}" data-count="{count}"><title>{esc(label)}: {count}</title></rect>'
        )
        parts.append(f'<text class="inr-legend" x="{left + w + 6:.1f}" y="{y + 14}">{count}</text>')
    parts.append("</svg>")
    table = _data_table(title, ["Label", "Methods"], [[label, str(count)] for label, count in items])
    return (
        f'<figure class="inr-chart" id="{chart_id}" data-pagefind-ignore="all">'
        + "".join(parts)
        + labelled_rows(f"{chart_id}-narrow", title, description, items)
        + f"<figcaption>{esc(description)}</figcaption>{table}</figure>\n"
    )


def field_timeline_chart(catalog: Catalog) -> str:
    """Methods over time by field (first arXiv posting), for the home page."""
    bins, series = methods_over_time(catalog)
    unit = "quarter" if bins and " Q" in bins[0] else "year"
    undated = sum(1 for p in catalog.papers if not p.posted)
    fallback = (
        f" ({counted(undated, 'method')} without a recorded posting date counted by the month of "
        "their arXiv number, else their year of publication)"
        if undated
        else ""
    )
    return stacked_columns(
        "chart-fields-over-time",
        "Methods over time by field",
        f"Number of methods per {unit} of first posting{fallback}, stacked by field; {len(catalog)} methods in all.",
        bins,
        series,
    )


def venue_chart(catalog: Catalog) -> str:
    """Methods per venue series, most first."""
    counts = Counter(p.venue for p in catalog.papers)
    items = sorted(
        (
            (v.label if v.kind != "preprint" else "arXiv only", counts[v.id])
            for v in catalog.taxonomy.venues
            if counts[v.id]
        ),
        key=lambda x: (-x[1], x[0]),
    )
    return horizontal_bars(
        "chart-venues", "Methods per venue", "Number of methods published at each venue (all years).", items
    )


def task_chart(catalog: Catalog) -> str:
    """Methods per task, most first."""
    items = sorted(
        ((t.name, len(catalog.by_task.get(t.name, ()))) for t in catalog.taxonomy.tasks if catalog.by_task.get(t.name)),
        key=lambda x: (-x[1], x[0]),
    )
    return horizontal_bars("chart-tasks", "Methods per task", "Number of methods for each task.", items)
