"""The label checks: tasks, representations, key ideas, lineage and tag rules, on edited golden methods."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from helpers import ROOT
from inrsurvey.catalog import load_catalog
from inrsurvey.labelcheck import TAG_RULES, check_labels, sentence_count
from inrsurvey.model import BuildsOn, Catalog, Paper

GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "papers"


@pytest.fixture(scope="module")
def small() -> Catalog:
    result = load_catalog(GOLDEN)
    assert result.catalog is not None and not result.problems
    return result.catalog


def codes(catalog: Catalog, paper: Paper) -> list[str]:
    """The codes of every label problem of `paper`, checked in a catalog that holds it instead of its original."""
    edited = Catalog.of(catalog.taxonomy, [paper if p.slug == paper.slug else p for p in catalog.papers])
    return [p.code for p in check_labels(edited, edited.by_slug[paper.slug])]


def test_golden_methods_have_no_label_problem(small: Catalog) -> None:
    assert [p for paper in small.papers for p in check_labels(small, paper)] == []


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"tasks": ("View Synthesis", "3D Rendering")}, "unknown-task"),
        ({"tasks": ("View Synthesis", "Camera Pose Estimation", "View Synthesis")}, "duplicate-task"),
        ({"representation": ("mlp", "octree")}, "unknown-representation"),
        ({"representation": ("mlp", "mlp")}, "duplicate-representation"),
        ({"key_idea": " ".join(["word"] * 26) + "."}, "key-idea-length"),
        ({"key_idea": "One network stores a scene. Rays render it."}, "key-idea-sentence"),
        ({"key_idea": "No full stop at the end"}, "key-idea-sentence"),
        ({"builds_on": (BuildsOn("synth00002", ""),), "builds_on_none": ""}, "builds-on-where"),
        ({"builds_on": (BuildsOn("synth00002", "Sec. 3"),)}, "builds-on-none-conflict"),
        ({"builds_on_none": ""}, "builds-on-none-missing"),
        ({"inputs": ("3D position, Fourier features",), "tags": ()}, "tag-rule"),
    ],
)
def test_each_rule_reports_its_code(small: Catalog, change: dict[str, object], code: str) -> None:
    """Synth00001 (first posted 2024, builds on none) edited to break one rule at a time."""
    paper = small.by_slug["synth00001"]
    assert codes(small, paper) == []
    assert codes(small, replace(paper, **change)) == [code]  # type: ignore[arg-type]


def test_builds_on_none_is_required_from_2021_by_first_posting(small: Catalog) -> None:
    paper = replace(small.by_slug["synth00001"], builds_on_none="")
    assert codes(small, replace(paper, posted=dt.date(2020, 12, 31))) == []
    assert codes(small, replace(paper, posted=dt.date(2021, 1, 1))) == ["builds-on-none-missing"]
    # Without a first-posting date, the arXiv identifier's year decides (Synth00001: 2411.x), then the cited year.
    assert codes(small, replace(paper, posted=None)) == ["builds-on-none-missing"]
    entry = paper.entry
    december = replace(entry, fields=tuple((k, "2012.10001" if k == "eprint" else v) for k, v in entry.fields))
    assert codes(small, replace(paper, posted=None, entry=december)) == []
    no_arxiv = replace(entry, fields=tuple((k, v) for k, v in entry.fields if k != "eprint"))
    assert replace(paper, posted=None, entry=no_arxiv).first_year == 2025
    assert codes(small, replace(paper, posted=None, entry=no_arxiv)) == ["builds-on-none-missing"]


def test_abbreviations_do_not_end_the_sentence() -> None:
    assert sentence_count("Splits the scene, e.g. by objects, and fits each part (cf. Fig. 2).") == 1
    assert sentence_count("NeRF fails here. It works with DVGO.") == 2
    assert sentence_count("Trains in 5 s. 3D results follow.") == 2


@pytest.mark.parametrize(
    ("tag", "change"),
    [
        ("positional-encoding", {"inputs": ("3D position (integrated positional encoding)",)}),
        ("grid-encoding", {"inputs": ("3D point, features interpolated from a feature grid",)}),
        ("grid-encoding", {"representation": ("planes",)}),
        ("hybrid-representation", {"representation": ("mesh", "mlp")}),
        ("distance-fields", {"outputs": ("signed distance",)}),
        ("occupancy", {"outputs": ("occupancy probability",)}),
        ("semantics", {"outputs": ("semantic labels",)}),
        ("point-clouds", {"inputs": ("a sparse point cloud",)}),
        ("text-to-3d", {"inputs": ("a text prompt",), "tasks": ("3D Generation",)}),
        ("text-to-3d", {"inputs": ("a text instruction",), "tasks": ("View Synthesis", "Scene Editing")}),
    ],
)
def test_tag_rules(small: Catalog, tag: str, change: dict[str, object]) -> None:
    """Each mechanical rule asks for its tag, and is met once the tag is there."""
    paper = replace(small.by_slug["synth00001"], **change)  # type: ignore[arg-type]
    assert tag not in paper.tags
    messages = [p.message for p in check_labels(small, paper) if p.code == "tag-rule"]
    assert any(f"'{tag}'" in m for m in messages), messages
    assert tag in {rule.tag for rule in TAG_RULES}
    tagged = replace(paper, tags=(*paper.tags, tag))
    assert not [p for p in check_labels(small, tagged) if p.code == "tag-rule" and f"'{tag}'" in p.message]


def test_a_text_query_that_generates_nothing_is_not_text_to_3d(small: Catalog) -> None:
    paper = replace(small.by_slug["synth00001"], inputs=("a free-text query",), tasks=("Scene Understanding",))
    assert not [p for p in check_labels(small, paper) if "text-to-3d" in p.message]


def test_rules_do_not_fire_on_lookalikes(small: Catalog) -> None:
    paper = replace(
        small.by_slug["synth00001"],
        inputs=("per-pixel feature vector rasterised from the textured mesh", "voxel grid of the observation"),
        outputs=("distance to the first surface hit",),
    )
    assert [p.message for p in check_labels(small, paper)] == []
