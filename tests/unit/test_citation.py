"""The citation model and its writers: decoding, title pieces, sentence case, the export form."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT
from inrsurvey import bib
from inrsurvey.citation import citation, plain_title, title_pieces
from inrsurvey.csl import sentence_case
from inrsurvey.model import Catalog


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("{NeRF$--$}: Without Poses", "NeRF\N{MINUS SIGN}\N{MINUS SIGN}: Without Poses"),
        ("Pages 1--2", "Pages 1\N{EN DASH}2"),
        ("$\\alpha$-Blending", "\N{GREEK SMALL LETTER ALPHA}-Blending"),
        ("Costs \\$5--\\$6", "Costs $5\N{EN DASH}$6"),
    ],
)
def test_display_decodes_as_latex_prints(raw: str, shown: str) -> None:
    """In math a hyphen is a minus sign (`$--$` is two); in text `--` is an en dash."""
    assert bib.decode_latex(raw) == shown


def test_title_pieces_mark_brace_protection_not_markup() -> None:
    raw = '{NeRF}: M{\\"u}ller {\\em and} {3D}-Aware'
    assert title_pieces(raw) == [
        ("{NeRF}", True),
        (': M{\\"u}ller {\\em and} ', False),
        ("{3D}", True),
        ("-Aware", False),
    ]


def test_sentence_case_as_pandoc_reads_a_bib() -> None:
    parts = (
        ("NeRF", True),
        (": Representing Pixel-Aligned Scenes With GANs and", False),
        ("3D", True),
        ("-Aware Fields", False),
    )
    assert "".join(t for t, _ in sentence_case(parts)) == (
        "NeRF: Representing pixel-aligned scenes with GANs and3D-aware fields"
    )


def test_every_title_piece_decodes_to_the_display_title(catalog: Catalog) -> None:
    for paper in catalog.papers:
        assert plain_title(citation(paper).title_parts) == paper.title, paper.key


def test_export_form_of_a_preprint_and_a_paper(catalog: Catalog) -> None:
    preprint = next(p for p in catalog.papers if p.joined.venue.kind == "preprint" and p.entry.get("primaryclass"))
    entry_type, fields = bib.export_form(preprint.entry)
    values = dict(fields)
    assert entry_type == "techreport" and "howpublished" not in values and "archiveprefix" not in values
    assert values["number"] == f"arXiv:{preprint.arxiv}" and values["eprint"] == preprint.arxiv
    assert (values["institution"], values["type"], values["eprinttype"], values["options"]) == (
        "arXiv",
        "Preprint",
        "arxiv",
        "eprint=false",
    )
    assert values["primaryclass"] == preprint.entry.get("primaryclass")
    published = catalog.by_slug["nerf"]
    entry_type, fields = bib.export_form(published.entry)
    assert entry_type == "inproceedings"
    assert [k for k, _ in fields] == [("eprinttype" if k == "archiveprefix" else k) for k, _ in published.entry.fields]


def _documented_order(page: str, marker: str) -> list[str]:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    start = text.index(marker)
    sentence = text[start : text.index(".", text.index("`primaryclass`", start))]
    return [name for group in re.findall(r"`([a-z/]+)`", sentence) for name in group.split("/")]


def test_documented_field_orders_follow_the_exporter() -> None:
    """The Cite page lists the export order in full; the contributing page the source fields, in the same order."""
    cite = _documented_order("cite.md", "**Fields** in a fixed order")
    assert cite == list(bib.FIELD_ORDER)
    source = _documented_order("contributing.md", "**Field order**")
    assert source == [name for name in bib.FIELD_ORDER if name in source]
    assert set(bib.FIELD_ORDER) - set(source) == {"institution", "type", "eprinttype", "options"}
