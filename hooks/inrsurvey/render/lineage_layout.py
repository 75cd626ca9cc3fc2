"""Layout of the lineage graph: layers by date of first posting, positions, edges.

A pure function of the methods (slug, first-posting date, `builds_on_slugs`), separate from
drawing. Each time period (half-year by default) is one layer, oldest first. Inside a
layer, a method that builds on another of the same layer goes to a later sub-row, so
every edge between methods in date order points down; each sub-row wraps into lines of
at most `columns` nodes, ordered by the mean position of their neighbours (barycentre
sweeps) to keep edges short. Nodes sit on whole columns, so the gutters between columns
run unbroken from top to bottom: `route` draws each edge through the gap below its source,
down a gutter and through the gap above its target, never across another box. Everything
is O(N log N + E): one sort, a fixed number of linear sweeps, no search for cycles (a
cycle in `builds_on` only yields an edge that points back in time, which is flagged,
never followed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


class Dated(Protocol):
    """What the layout needs of a method (a `Paper` satisfies it)."""

    @property
    def slug(self) -> str:
        """The method's slug."""
        ...

    @property
    def sort_date(self) -> dt.date:
        """When the method was first posted (the layer it falls in)."""
        ...

    @property
    def builds_on_slugs(self) -> tuple[str, ...]:
        """The slugs it builds on."""
        ...


@dataclass(frozen=True)
class Grid:
    """Sizes of the drawing in pixels (SVG user units)."""

    columns: int = 5
    node_width: int = 150
    node_height: int = 26
    column_gap: int = 18
    line_gap: int = 20
    layer_gap: int = 4
    header: int = 18
    margin: int = 2

    @property
    def pitch_x(self) -> int:
        """Horizontal distance between neighbouring columns."""
        return self.node_width + self.column_gap

    @property
    def left(self) -> int:
        """X of the first column's boxes: the margin and a whole gutter to their left."""
        return self.margin + self.column_gap

    @property
    def pitch_y(self) -> int:
        """Vertical distance between neighbouring lines."""
        return self.node_height + self.line_gap


@dataclass(frozen=True)
class Node:
    """A placed method: its layer, line (global row) and top-left corner."""

    slug: str
    layer: int
    line: int
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    """`source` is built on by `target`; `backward` when the source was posted later."""

    source: str
    target: str
    backward: bool = False


@dataclass(frozen=True)
class Layer:
    """One time period: its label and vertical extent."""

    label: str
    y: float
    height: float


@dataclass(frozen=True)
class Layout:
    """The placed graph; `isolated` lists methods without any link, left out of it."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    layers: tuple[Layer, ...]
    isolated: tuple[str, ...]
    width: int
    height: int
    grid: Grid


def half_year(day: dt.date) -> tuple[int, int]:
    """The half-year of a date as a sortable key: (2020, 0) for January–June 2020."""
    return (day.year, 0 if day.month <= 6 else 1)


def half_year_label(key: tuple[int, int]) -> str:
    """`Jan–Jun 2020` or `Jul–Dec 2020`."""
    return f"{'Jan–Jun' if key[1] == 0 else 'Jul–Dec'} {key[0]}"


def _edges(items: Sequence[Dated], index: dict[str, int]) -> list[Edge]:
    edges: list[Edge] = []
    for item in items:
        for source in dict.fromkeys(item.builds_on_slugs):
            if source in index and source != item.slug:
                edges.append(Edge(source, item.slug, items[index[source]].sort_date > item.sort_date))
    return edges


def _groups(linked: list[int], period: list[tuple[int, int]], parents: list[list[int]]) -> list[list[int]]:
    """Linked nodes grouped by (layer, sub-row), in drawing order.

    Nodes are indexed in date order, so a parent with a smaller index in the same
    layer already has its sub-row; parents later in that order (same date or a
    cycle) are ignored, which keeps this one linear pass.
    """
    depth = [0] * len(period)
    for i in range(len(period)):
        depth[i] = max((depth[p] + 1 for p in parents[i] if p < i and period[p] == period[i]), default=0)
    keyed: dict[tuple[tuple[int, int], int], list[int]] = {}
    for i in linked:
        keyed.setdefault((period[i], depth[i]), []).append(i)
    return [keyed[k] for k in sorted(keyed)]


def _place(group: list[int], columns: int) -> list[tuple[float, int]]:
    """(column, line offset) per slot of a group sorted by key, filled column by column."""
    lines = -(-len(group) // columns)
    used = -(-len(group) // lines)
    shift = (columns - used) // 2  # whole columns, so that the gutters stay free
    return [(slot // lines + shift, slot % lines) for slot in range(len(group))]


def _sweep(groups: list[list[int]], column: list[float], key: Callable[[int], float | None], columns: int) -> None:
    for group in groups:
        wanted = {i: key(i) for i in group}
        group.sort(key=lambda i: (wanted[i] if wanted[i] is not None else column[i], i))
        for i, (col, _) in zip(group, _place(group, columns), strict=True):
            column[i] = col


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def layout_lineage(items: Sequence[Dated], grid: Grid = Grid()) -> Layout:
    """Place every method with at least one `builds_on` link in either direction."""
    order = sorted(items, key=lambda m: (m.sort_date, m.slug))
    index = {m.slug: i for i, m in enumerate(order)}
    edges = _edges(order, index)
    parents: list[list[int]] = [[] for _ in order]
    children: list[list[int]] = [[] for _ in order]
    for edge in edges:
        parents[index[edge.target]].append(index[edge.source])
        children[index[edge.source]].append(index[edge.target])
    linked = [i for i in range(len(order)) if parents[i] or children[i]]
    isolated = tuple(m.slug for i, m in enumerate(order) if not (parents[i] or children[i]))
    period = [half_year(m.sort_date) for m in order]
    groups = _groups(linked, period, parents)
    column = [float((grid.columns - 1) // 2)] * len(order)
    _sweep(groups, column, lambda i: _mean([column[p] for p in parents[i]]), grid.columns)
    _sweep(groups[::-1], column, lambda i: _mean([column[n] for n in parents[i] + children[i]]), grid.columns)
    _sweep(groups, column, lambda i: _mean([column[p] for p in parents[i]]) if parents[i] else column[i], grid.columns)
    nodes, layers, height = _coordinates(groups, order, period, column, grid)
    width = grid.left + grid.columns * grid.pitch_x + grid.margin
    return Layout(tuple(nodes), tuple(edges), tuple(layers), isolated, width, height, grid)


def _coordinates(
    groups: list[list[int]], order: Sequence[Dated], period: list[tuple[int, int]], column: list[float], grid: Grid
) -> tuple[list[Node], list[Layer], int]:
    nodes: list[Node] = []
    spans: dict[tuple[int, int], list[float]] = {}
    pad = grid.line_gap / 2
    y = grid.margin + pad
    line = 0
    for group in groups:
        key = period[group[0]]
        if key not in spans:
            y += (grid.layer_gap if spans else 0) + grid.header
            spans[key] = [y - pad - grid.header, y]
        for i, (_, offset) in zip(group, _place(group, grid.columns), strict=True):
            x = grid.left + column[i] * grid.pitch_x
            nodes.append(Node(order[i].slug, len(spans) - 1, line + offset, x, y + offset * grid.pitch_y))
        rows = -(-len(group) // grid.columns)
        line += rows
        y += rows * grid.pitch_y
        spans[key][1] = y - grid.line_gap + pad
    layers = [Layer(half_year_label(k), top, bottom - top) for k, (top, bottom) in spans.items()]
    nodes.sort(key=lambda n: (n.line, n.x, n.slug))
    return nodes, layers, round(y - pad + grid.margin)


LANES = (0, -4, 4, -8, 8)
"""Offsets in pixels that spread the edges sharing a gap or a gutter."""


def route(layout: Layout, edge: Edge, at: Mapping[str, Node], lane: int = 0) -> tuple[tuple[float, float], ...]:
    """The corners of an edge's path: out of its source, along gaps and one gutter, into its target.

    A forward edge leaves the bottom of its source and enters the top of its target; an
    edge to a line above (back in time, or a cycle) leaves the top and enters the bottom.
    Horizontal runs lie in the gap between two lines, vertical runs in a gutter between
    columns, so no segment crosses a box other than the edge's own two ends.
    """
    grid = layout.grid
    source, target = at[edge.source], at[edge.target]
    sx, tx = source.x + grid.node_width / 2, target.x + grid.node_width / 2
    gap = grid.line_gap / 2 + LANES[lane % len(LANES)] * grid.line_gap / 40
    down = target.line > source.line
    sy = source.y + grid.node_height if down else source.y
    ty = target.y if down or target.line == source.line else target.y + grid.node_height
    out = sy + gap if down else sy - gap
    if abs(target.line - source.line) <= 1:
        return ((sx, sy), (sx, out), (tx, out), (tx, ty))
    column = round((target.x - grid.left) / grid.pitch_x) + (0 if sx <= tx else 1)
    gx = grid.left - grid.column_gap / 2 + column * grid.pitch_x + LANES[lane % len(LANES)] * grid.column_gap / 24
    into = ty - gap if down else ty + gap
    return ((sx, sy), (sx, out), (gx, out), (gx, into), (tx, into), (tx, ty))


def path_data(points: Sequence[tuple[float, float]]) -> str:
    """SVG path data of a polyline: `M x y` then `H`/`V` runs (every segment is horizontal or vertical)."""
    (x, y), rest = points[0], points[1:]
    parts = [f"M{round(x, 1):g} {round(y, 1):g}"]
    for nx, ny in rest:
        if nx != x:
            parts.append(f"H{round(nx, 1):g}")
        if ny != y:
            parts.append(f"V{round(ny, 1):g}")
        x, y = nx, ny
    return "".join(parts)
