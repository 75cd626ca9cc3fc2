"""The compare page: a side-by-side table of 2 to 8 methods named in its URL, oldest first.

The table (`compare/?methods=nerf,siren,liif`) is built in the browser by the compare
script from the compact index `data/catalog.json`, with rows for the benchmarks the methods
share from `data/results.json`. The page itself holds only the frame and a note for readers
without JavaScript.
"""

from __future__ import annotations

from ..model import Catalog
from . import paths
from .links import link
from .pagefront import front_matter

MIN_METHODS = 2
"""The fewest methods a comparison is meant for (fewer are shown with a note)."""

MAX_METHODS = 8
"""The most methods shown side by side; further ones in the URL are named and left out."""


def compare_page(catalog: Catalog) -> str:
    """The compare page's Markdown."""
    meta = {
        "title": "Compare methods",
        "description": (
            "Methods of the survey side by side: authors, venue, year, field, task, inputs, outputs, tags, code, "
            "and the results they report on shared benchmarks"
        ),
        "search": {"exclude": True},
        "hide": ["toc"],
    }
    uri = paths.COMPARE
    catalog_link = link("catalog", uri, paths.CATALOG)
    tasks_link = link("task pages", uri, paths.TASKS)
    note = (
        f"Find {MIN_METHODS} to {MAX_METHODS} methods with this page's search box, tick them on the {tasks_link} "
        f"or in the {catalog_link}, or add them from their own pages: this page shows them side by side, oldest "
        "first, with the numbers their papers report on the benchmarks they share, and its address alone brings the same comparison back. "
        f"It needs JavaScript; without it, the {tasks_link} compare the methods of each task in a table."
    )
    return (
        front_matter(meta) + "\n"
        "# Compare methods\n\n"
        f'<div class="inr-compare" data-src="{paths.CATALOG_JSON}" markdown>\n\n'
        f'<p class="inr-compare-static" markdown>{note}</p>\n\n'
        "</div>\n"
    )
