"""Small text helpers of the renderers, against the standard library's answers."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from inrsurvey.render.text import rel

_part = st.sampled_from(["methods", "tasks", "bib", "a", "b", "venues"])
_uri = st.builds(lambda folders, name: "/".join([*folders, name]), st.lists(_part, max_size=3), st.sampled_from(["x.md", "index.md", "y.bib"]))


@given(_uri, _uri)
def test_rel_agrees_with_relpath(from_uri: str, to_uri: str) -> None:
    assert rel(from_uri, to_uri) == posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def test_rel_examples() -> None:
    assert rel("tasks/a.md", "methods/b.md") == "../methods/b.md"
    assert rel("index.md", "methods/b.md") == "methods/b.md"
    assert rel("methods/a.md", "methods/b.md") == "b.md"
    assert rel("bib/task/x.bib", "bib/all.bib") == "../all.bib"
