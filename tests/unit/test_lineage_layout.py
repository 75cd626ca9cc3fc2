"""The lineage layout: time order, edge direction, determinism, isolated nodes, cycles."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from inrsurvey.render.lineage_layout import Grid, Layout, half_year, layout_lineage, path_data, route


@dataclass(frozen=True)
class Item:
    slug: str
    sort_date: dt.date
    builds_on_slugs: tuple[str, ...] = ()


def day(year: int, month: int, d: int = 1) -> dt.date:
    return dt.date(year, month, d)


SMALL = [
    Item("a", day(2019, 3)),
    Item("b", day(2020, 3), ("a",)),
    Item("c", day(2020, 4), ("b",)),  # same half-year as its parent
    Item("d", day(2020, 5), ("c", "b")),
    Item("e", day(2021, 9), ("b", "missing")),
    Item("lonely", day(2020, 4)),
    Item("f", day(2020, 8), ("a",)),
]


def check_invariants(items: list[Item], layout: Layout) -> None:
    """What every layout must satisfy, whatever the input."""
    dates = {i.slug: i.sort_date for i in items}
    nodes = {n.slug: n for n in layout.nodes}
    assert len(nodes) == len(layout.nodes), "a method is placed twice"
    linked = {e.source for e in layout.edges} | {e.target for e in layout.edges}
    assert set(nodes) == linked
    assert set(layout.isolated) == set(dates) - linked
    # Layers follow time: a later half-year is never drawn above an earlier one.
    ordered = sorted(layout.nodes, key=lambda n: (n.layer, n.line))
    keys = [half_year(dates[n.slug]) for n in ordered]
    assert keys == sorted(keys)
    assert [n.layer for n in ordered] == sorted(n.layer for n in ordered)
    assert len(layout.layers) == len({half_year(dates[s]) for s in nodes})
    for a, b in zip(layout.layers, layout.layers[1:], strict=False):
        assert a.y + a.height <= b.y
    # Edges point forward in time, or stay within one layer; only real back-dated links are flagged.
    for edge in layout.edges:
        source, target = nodes[edge.source], nodes[edge.target]
        assert edge.backward == (dates[edge.source] > dates[edge.target])
        if not edge.backward:
            assert target.layer >= source.layer
            if dates[edge.source] < dates[edge.target]:
                assert target.line > source.line, edge
    # No two boxes overlap, and every box lies inside the drawing.
    grid = layout.grid
    boxes = sorted((n.y, n.x) for n in layout.nodes)
    for (y1, x1), (y2, x2) in itertools.pairwise(boxes):
        assert y2 >= y1 + grid.pitch_y or x2 >= x1 + grid.node_width, (y1, x1, y2, x2)
    for n in layout.nodes:
        assert grid.left <= n.x and n.x + grid.node_width <= layout.width
        assert n.y >= 0 and n.y + grid.node_height <= layout.height
    check_routes(layout)


def check_routes(layout: Layout) -> None:
    """Every edge runs in gaps and gutters: no segment touches a box but its own two ends."""
    grid = layout.grid
    at = {n.slug: n for n in layout.nodes}
    for index, edge in enumerate(layout.edges):
        points = route(layout, edge, at, index)
        ends = {edge.source, edge.target}
        assert points[0][1] in (at[edge.source].y, at[edge.source].y + grid.node_height)
        assert points[-1][1] in (at[edge.target].y, at[edge.target].y + grid.node_height)
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            assert x1 == x2 or y1 == y2, "a segment is neither horizontal nor vertical"
            assert min(x1, x2) >= 0 and max(x1, x2) <= layout.width and 0 <= min(y1, y2) <= layout.height
            for node in layout.nodes:
                if node.slug in ends:
                    continue
                apart_x = max(x1, x2) < node.x or min(x1, x2) > node.x + grid.node_width
                apart_y = max(y1, y2) < node.y or min(y1, y2) > node.y + grid.node_height
                assert apart_x or apart_y, (edge, node.slug, (x1, y1, x2, y2))
        for slug in ends:  # the path only touches its own boxes at their top or bottom edge
            node = at[slug]
            inside = [
                (x, y)
                for x, y in points
                if node.x < x < node.x + grid.node_width and node.y < y < node.y + grid.node_height
            ]
            assert not inside, (edge, slug, inside)


def test_small_survey_layout() -> None:
    layout = layout_lineage(SMALL)
    check_invariants(SMALL, layout)
    nodes = {n.slug: n for n in layout.nodes}
    assert layout.isolated == ("lonely",)
    assert [layer.label for layer in layout.layers] == ["Jan–Jun 2019", "Jan–Jun 2020", "Jul–Dec 2020", "Jul–Dec 2021"]
    # b, c and d share a half-year: each is drawn on a later line than what it builds on.
    assert nodes["b"].layer == nodes["c"].layer == nodes["d"].layer
    assert nodes["b"].line < nodes["c"].line < nodes["d"].line
    assert {(e.source, e.target) for e in layout.edges} == {
        ("a", "b"),
        ("b", "c"),
        ("c", "d"),
        ("b", "d"),
        ("b", "e"),
        ("a", "f"),
    }


def test_output_is_deterministic_whatever_the_input_order() -> None:
    first = layout_lineage(SMALL)
    for seed in range(5):
        shuffled = SMALL[:]
        random.Random(seed).shuffle(shuffled)
        assert layout_lineage(shuffled) == first


def test_isolated_only_and_empty() -> None:
    alone = [Item("x", day(2020, 1)), Item("y", day(2021, 1))]
    layout = layout_lineage(alone)
    assert layout.nodes == () and layout.edges == () and layout.layers == ()
    assert layout.isolated == ("x", "y")
    assert layout_lineage([]).nodes == ()


def test_cycles_and_self_links_terminate() -> None:
    items = [
        Item("p", day(2020, 1), ("q",)),
        Item("q", day(2020, 1), ("p",)),  # same date: a cycle inside one layer
        Item("r", day(2020, 9), ("s",)),
        Item("s", day(2021, 2), ("r",)),  # across layers: one edge must point back in time
        Item("t", day(2022, 1), ("t", "t")),  # a self link is no edge
        Item("u", day(2019, 1), ("v",)),
        Item("v", day(2019, 2), ("w",)),
        Item("w", day(2019, 3), ("u",)),  # a three-cycle
    ]
    layout = layout_lineage(items)
    check_invariants(items, layout)
    # An edge runs from the method built on to the one building on it; it points back in
    # time where a method builds on a later one (r on s, u on v, v on w).
    assert {(e.source, e.target) for e in layout.edges if e.backward} == {("s", "r"), ("v", "u"), ("w", "v")}
    assert len(layout.edges) == 7
    assert "t" in layout.isolated


def test_wide_layers_wrap_and_parents_sit_above() -> None:
    hub = Item("hub", day(2020, 1))
    many = [Item(f"m{i:02d}", day(2020, 7, 1 + i), ("hub",)) for i in range(23)]
    layout = layout_lineage([hub, *many], Grid(columns=5))
    check_invariants([hub, *many], layout)
    lines = {n.line for n in layout.nodes if n.slug != "hub"}
    assert len(lines) == 5  # 23 methods in rows of at most 5
    assert max(n.x for n in layout.nodes) + layout.grid.node_width <= layout.width


DATES = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2024, 12, 31))


@settings(max_examples=150, deadline=None)
@given(data=st.data(), count=st.integers(min_value=0, max_value=40))
def test_any_graph_keeps_the_invariants(data: st.DataObject, count: int) -> None:
    """Random graphs, cycles and back-dated links included."""
    slugs = [f"n{i}" for i in range(count)]
    items = [
        Item(slug, data.draw(DATES), tuple(data.draw(st.lists(st.sampled_from(slugs), max_size=3)) if slugs else ()))
        for slug in slugs
    ]
    check_invariants(items, layout_lineage(items, Grid(columns=data.draw(st.integers(1, 7)))))


def test_a_long_edge_runs_down_a_gutter_not_through_the_boxes_between() -> None:
    """An edge over several lines of boxes leaves into the gap below, runs down a gutter, enters from above."""
    root = Item("root", day(2018, 1))
    middle = [Item(f"m{i:02d}", day(2019, 1 + i % 12, 1 + i), ("root",)) for i in range(20)]
    late = Item("late", day(2022, 1), ("root",))
    layout = layout_lineage([root, *middle, late], Grid(columns=3))
    check_invariants([root, *middle, late], layout)
    at = {n.slug: n for n in layout.nodes}
    edge = next(e for e in layout.edges if e.target == "late")
    points = route(layout, edge, at)
    assert len(points) == 6 and at["late"].line - at["root"].line > 3
    gutter_x = points[2][0]
    grid = layout.grid
    assert all(not (n.x <= gutter_x <= n.x + grid.node_width) for n in layout.nodes)
    assert path_data(points).startswith(f"M{points[0][0]:g} {points[0][1]:g}V")
