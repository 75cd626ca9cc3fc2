"""The lineage of the survey: which methods build on which, as a graph and as text.

`lineage_svg` draws a `Layout` (from `lineage_layout`) as a static, accessible SVG in
which every method is a keyboard-focusable link with a name; `lineage_page` is the
whole page with its text alternative (a table per period); `neighbourhood` is the
capped two-level view of one method for its own page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Catalog, Paper
from . import paths
from .lineage_layout import Edge, Grid, Layout, Node, half_year, half_year_label, layout_lineage, path_data, route
from .links import link, rel
from .pagefront import page_front
from .tables import Table
from .text import esc, md
from .wording import long_date

LABEL_CHARS = 20
"""Longest name sure to fit a node; a longer one is replaced by an alias that fits, if any."""

NEIGHBOURS_SHOWN = 8
"""How many methods a method page lists per level of its neighbourhood."""

SPLIT_AT = 800
"""A survey of more methods than this gets one lineage page per year of first posting."""


def lineage_uri(catalog: Catalog, paper: Paper) -> str:
    """The lineage page that draws and lists `paper`: the whole survey's, or its year's when split."""
    return paths.lineage_year(paper.sort_date.year) if len(catalog) > SPLIT_AT else paths.LINEAGE


def node_label(paper: Paper) -> str:
    """The text inside a node: the name, else its shortest alias that fits, else the name.

    The original survey's own label is kept as an alias for search only: the graph never
    shows it in place of the authors' name. A name that still does not fit is cut with an
    ellipsis by the stylesheet; the link's title and accessible name carry it in full.
    """
    if len(paper.name) <= LABEL_CHARS:
        return paper.name
    invented = paper.survey.label if paper.survey else None
    fitting = sorted((a for a in paper.aliases if len(a) <= LABEL_CHARS and a != invented), key=lambda a: (len(a), a))
    return fitting[0] if fitting else paper.name


def posted_text(paper: Paper) -> str:
    """When a method was first posted, as precisely as known (`19 March 2020`, `March 2020`)."""
    if paper.posted:
        return long_date(paper.posted)
    day = paper.sort_date
    return f"{day.strftime('%B')} {day.year}" if paper.arxiv else str(day.year)


NARROW = Grid(columns=2, node_width=140, column_gap=16)
"""The layout a phone shows (332 px wide), and the page's own: it needs no script to fit."""

WIDE = Grid()
"""The layout a script swaps in where the figure is wide enough for it."""


def _alt(pairs: Iterable[tuple[float, float]]) -> str:
    return " ".join(f"{round(value, 1):g}" for _, value in pairs)


def _bands(layout: Layout, wide: Layout) -> tuple[list[str], list[str]]:
    parts = ['<g class="inr-lin-bands" aria-hidden="true">']
    labels = ['<g class="inr-lin-labels" aria-hidden="true">']
    for index, (layer, other) in enumerate(zip(layout.layers, wide.layers, strict=True)):
        parts.append(
            f'<rect class="inr-lin-band inr-lin-band-{index % 2}" x="0" y="{layer.y:g}" width="100%" '
            f'height="{layer.height:g}" data-alt="{_alt([(0, other.y), (0, other.height)])}"/>'
        )
        period, _, year = layer.label.rpartition(" ")
        alt = _alt([(0, other.y + 14)])
        labels.append(f'<text class="inr-lin-year" x="4" y="{layer.y + 14:g}" data-alt="{alt}">{esc(year)}</text>')
        labels.append(f'<text class="inr-lin-period" x="42" y="{layer.y + 14:g}" data-alt="{alt}">{esc(period)}</text>')
    return [*parts, "</g>"], [*labels, "</g>"]


def _edges(layout: Layout, wide: Layout) -> list[str]:
    """Every edge once, under the nodes; `data-e` names its ends for the highlighting script."""
    at = {node.slug: node for node in layout.nodes}
    wide_at = {node.slug: node for node in wide.nodes}
    parts = ['<g class="inr-lin-edges" aria-hidden="true">']
    for lane, edge in enumerate(layout.edges):
        kind = " inr-lin-back" if edge.backward else ""
        d = path_data(route(layout, edge, at, lane))
        alt = path_data(route(wide, edge, wide_at, lane))
        parts.append(
            f'<path class="inr-lin-edge{kind}" data-e="{esc(edge.source)} {esc(edge.target)}" d="{d}" data-alt="{alt}"/>'
        )
    parts.append("</g>")
    return parts


def _node(layout: Layout, node: Node, other: Node, paper: Paper, incident: Iterable[Edge], href: str) -> str:
    """One method: an HTML link in a `foreignObject`.

    The link is HTML, not SVG `<a>`: Material's instant navigation assigns `link.href`,
    which an SVG link only has a getter for, and stops with an error on the page.
    """
    grid = layout.grid
    builds = sum(1 for e in incident if e.target == paper.slug)
    later = sum(1 for e in incident if e.source == paper.slug)
    label = node_label(paper)
    called = label if label == paper.name else f"{label} ({paper.name})"  # the visible text comes first
    name = f"{called}, first posted {posted_text(paper)}; builds on {builds}, built on by {later}"
    return (
        f'<foreignObject x="{node.x:g}" y="{node.y:g}" width="{grid.node_width}" height="{grid.node_height}" '
        f'data-alt="{other.x:g} {other.y:g}">'
        f'<a class="inr-lin-box" href="{esc(href)}" id="lineage-node-{esc(paper.slug)}" aria-label="{esc(name)}" '
        f'title="{esc(paper.name)}: {esc(paper.title)} ({esc(posted_text(paper))})">{esc(label)}</a>'
        "</foreignObject>"
    )


def lineage_svg(
    layout: Layout, papers: Mapping[str, Paper], from_uri: str, total: int, wide: Layout | None = None
) -> str:
    """The laid-out graph as an SVG whose nodes link to the method pages.

    `wide` is the same graph laid out for a wider figure: each element carries its
    geometry there in `data-alt`, which the page's script swaps in when it fits.
    """
    wide = wide or layout
    wide_at = {node.slug: node for node in wide.nodes}
    incident: dict[str, list[Edge]] = {}
    for edge in layout.edges:
        incident.setdefault(edge.source, []).append(edge)
        incident.setdefault(edge.target, []).append(edge)
    bands, labels = _bands(layout, wide)
    parts = [
        f'<svg class="inr-lineage-svg" width="{layout.width}" height="{layout.height}" '
        f'viewBox="0 0 {layout.width} {layout.height}" data-alt="{wide.width} {wide.height}" role="group" '
        'aria-labelledby="lineage-title lineage-desc" xmlns="http://www.w3.org/2000/svg">',
        '<title id="lineage-title">Lineage of the survey\'s methods</title>',
        f'<desc id="lineage-desc">{len(layout.nodes)} of {total} methods, one band per half-year of first posting, '
        "oldest at the top; a line runs from each method down to every method that builds on it.</desc>",
        *bands,
        *_edges(layout, wide),
        *labels,
    ]
    for node in layout.nodes:
        href = paths.url_between(from_uri, paths.method(node.slug))
        parts.append(_node(layout, node, wide_at[node.slug], papers[node.slug], incident.get(node.slug, ()), href))
    parts.append("</svg>")
    return "".join(parts)


def _names(papers: Sequence[Paper], from_uri: str) -> str:
    return ", ".join(link(p.name, from_uri, paths.method(p)) for p in papers) or "—"


def lineage_tables(catalog: Catalog, from_uri: str, papers: Iterable[Paper] | None = None) -> str:
    """The text alternative: every method (or `papers`) by period, with what it builds on and what builds on it."""
    periods: dict[tuple[int, int], list[Paper]] = {}
    chosen = catalog.papers if papers is None else papers
    for paper in sorted(chosen, key=lambda p: (p.sort_date, p.name.lower(), p.slug)):
        periods.setdefault(half_year(paper.sort_date), []).append(paper)
    parts = []
    for key in sorted(periods):
        rows = []
        for paper in periods[key]:
            builds = list(catalog.builds_on(paper))
            method = link(paper.name, from_uri, paths.method(paper)) + f"{{: #lineage-{paper.slug} }}"
            later = sorted(catalog.built_on_by.get(paper.slug, ()), key=lambda p: (p.sort_date, p.slug))
            rows.append((method, md(posted_text(paper)), _names(builds, from_uri), _names(later, from_uri)))
        label = half_year_label(key)
        table = Table(
            ("Method", "First posted", "Builds on", "Later methods building on it"),
            tuple(rows),
            f"Methods first posted {label}",
            sortable=False,
        )
        parts.append(f"### {esc(label)}\n\n{table.as_markdown()}")
    # One wrapper, so that the stylesheet can leave each table unrendered until it is scrolled to.
    return '<div class="inr-lin-tables" markdown>\n\n' + "\n".join(parts) + "\n\n</div>\n"


def lineage_figure(catalog: Catalog, papers: Sequence[Paper], uri: str) -> tuple[Layout, str]:
    """The graph of `papers` as the page's figure (phone layout, wide one in `data-alt`), and its layout."""
    layout = layout_lineage(papers, NARROW)
    shown, total = len(layout.nodes), len(catalog)
    svg = lineage_svg(layout, catalog.by_slug, uri, total, layout_lineage(papers, WIDE))
    return layout, (
        '<figure class="inr-lineage" data-lineage="graph">'
        '<div class="inr-lineage-scroll" role="region" aria-label="Lineage graph">'
        f"{svg}</div><figcaption>{shown} of {total} methods; lines run from a method to what builds on it."
        "</figcaption></figure>\n"
    )


def how_to_read(layout: Layout) -> str:
    """The paragraph that says how to read and use the graph."""
    backward = sum(e.backward for e in layout.edges)
    dashed = (
        f" A dashed line joins a method to one posted before it that builds on it ({backward} such links)."
        if backward
        else ""
    )
    return (
        "Which methods build on which. Each band is a half-year of first posting, oldest at the top; "
        "a line runs from a method down to every method that builds on it. Point at or focus a method "
        "to pick out its ancestors and descendants, select it to open its page; a method's own page "
        f"links to the view of its ancestors and descendants alone.{dashed}\n"
    )


def lineage_page(catalog: Catalog) -> str:
    """The lineage page: the whole survey as a layered graph, then the same as tables."""
    uri = paths.LINEAGE
    layout, figure = lineage_figure(catalog, catalog.papers, uri)
    shown, total = len(layout.nodes), len(catalog)
    return "\n".join(
        [
            page_front(
                "Lineage",
                "Which methods build on which, ordered by first posting",
                hide=["toc"],
                search={"exclude": True},
            ),
            "# Lineage\n",
            how_to_read(layout),
            f"The graph shows **{shown} of {total} methods**: the {len(layout.isolated)} that neither build on "
            f"another method of the survey nor are built on are left out of it, and listed with all the others "
            f"in the {link('tables below', uri, uri, 'methods-by-period')}.\n",
            figure,
            "## Methods by period\n",
            "Every method of the survey, by half-year of first posting, with the methods it builds on "
            "and the methods that build on it.\n",
            lineage_tables(catalog, uri),
        ]
    )


@dataclass(frozen=True)
class Level:
    """Methods at one distance from a method: those shown and how many more there are."""

    shown: tuple[Paper, ...]
    more: int


def _cap(papers: Iterable[Paper], catalog: Catalog) -> Level:
    items = list(papers)
    best = sorted(items, key=lambda p: (-len(catalog.built_on_by.get(p.slug, ())), p.sort_date, p.slug))[
        :NEIGHBOURS_SHOWN
    ]
    return Level(tuple(sorted(best, key=lambda p: (p.sort_date, p.slug))), len(items) - len(best))


def neighbour_levels(catalog: Catalog, paper: Paper, upward: bool) -> tuple[Level, Level]:
    """Direct and second-level ancestors (`upward`) or descendants, capped for the page."""

    def step(p: Paper) -> Iterable[Paper]:
        if upward:
            return catalog.builds_on(p)
        return catalog.built_on_by.get(p.slug, ())

    first = {p.slug: p for p in step(paper) if p.slug != paper.slug}
    second: dict[str, Paper] = {}
    for near in first.values():
        for far in step(near):
            if far.slug != paper.slug and far.slug not in first:
                second.setdefault(far.slug, far)
    return _cap(first.values(), catalog), _cap(second.values(), catalog)


def _level_line(level: Level, label: str, uri: str, graph: str, anchor: str, indent: str = "") -> str:
    text = ", ".join(link(p.name, uri, paths.method(p)) for p in level.shown)
    if level.more:
        text += f", and {link(f'{level.more} more', uri, graph, anchor)}"
    return f"{indent}- **{label}:** {text}"


def neighbourhood(catalog: Catalog, paper: Paper) -> str:
    """A method's lineage on its page: two levels of ancestors and descendants, each capped."""
    uri = paths.method(paper)
    anchor = f"lineage-{paper.slug}"
    where = lineage_uri(catalog, paper)
    lines = []
    for upward in (True, False):
        first, second = neighbour_levels(catalog, paper, upward)
        one = len(first.shown) + first.more == 1
        if first.shown:
            lines.append(
                _level_line(first, "Builds on" if upward else "Later methods building on it", uri, where, anchor)
            )
        if second.shown:
            label = (
                ("which builds on" if one else "which build on")
                if upward
                else ("which is built on by" if one else "which are built on by")
            )
            lines.append(_level_line(second, label, uri, where, anchor, "    "))
    if not lines:
        return ""
    graph = rel(uri, where)
    focus = f"{graph}?focus={paper.slug}#lineage-node-{paper.slug}"
    return (
        '<div class="inr-lineage-near" data-pagefind-ignore="all" markdown>\n\n'
        "## Lineage\n\n"
        + "\n".join(lines)
        + f"\n\nSee [its ancestors and descendants in the lineage graph]({focus}).\n\n</div>\n"
    )
