"""Small text helpers of the renderers, against the standard library's answers."""

from __future__ import annotations

import html as htmlmod
import posixpath
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inrsurvey.render.links import rel
from inrsurvey.render.text import md

_part = st.sampled_from(["methods", "tasks", "bib", "a", "b", "venues"])
_uri = st.builds(
    lambda folders, name: "/".join([*folders, name]),
    st.lists(_part, max_size=3),
    st.sampled_from(["x.md", "index.md", "y.bib"]),
)


@given(_uri, _uri)
def test_rel_agrees_with_relpath(from_uri: str, to_uri: str) -> None:
    assert rel(from_uri, to_uri) == posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def test_rel_examples() -> None:
    assert rel("tasks/a.md", "methods/b.md") == "../methods/b.md"
    assert rel("index.md", "methods/b.md") == "methods/b.md"
    assert rel("methods/a.md", "methods/b.md") == "b.md"
    assert rel("bib/task/x.bib", "bib/all.bib") == "../all.bib"


def test_title_after_name_drops_only_a_repeated_name() -> None:
    from inrsurvey.model import BibEntry, Paper
    from inrsurvey.render.wording import title_after_name

    def paper(name: str, title: str) -> Paper:
        entry = BibEntry("k", "misc", (("title", title),), {"title": title}, ())
        return Paper(slug="x", name=name, field="", tasks=(), venue="", entry=entry)

    assert (
        title_after_name(paper("Zip-NeRF", "Zip-NeRF: Anti-Aliased Grid-Based Neural Radiance Fields"))
        == "Anti-Aliased Grid-Based Neural Radiance Fields"
    )
    assert title_after_name(
        paper("NeRF--", "NeRF--: Neural Radiance Fields Without Known Camera Parameters")
    ).startswith("Neural")
    assert (
        title_after_name(paper("DVGO", "Direct Voxel Grid Optimization: Super-fast Convergence"))
        == "Direct Voxel Grid Optimization: Super-fast Convergence"
    )
    assert title_after_name(paper("NeRV", "NeRV:")) == "NeRV:"


@pytest.mark.parametrize("value", ["sin(ω(|z|+1)z)", "a \\| b", "\\\\|", "|", "x||y"])
def test_pipes_in_table_cells_stay_in_their_cell(value: str) -> None:
    """Text with pipes (escaped by `md` or not) is one cell of one row, shown as typed."""
    import markdown

    from inrsurvey.render.tables import Table

    table = Table(headers=("h", "k"), rows=((md(value), "end"),)).as_markdown()
    html = markdown.markdown(table, extensions=["tables", "md_in_html"])
    cells = re.findall(r"<td>(.*?)</td>", html)
    assert len(cells) == 2 and cells[1] == "end", html
    assert htmlmod.unescape(cells[0]) == value
