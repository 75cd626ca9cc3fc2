"""Exports of the real build: .bib files, JSON, CSL-JSON and the Atom feed, re-parsed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from inrsurvey.bib import format_entry, reparse_fields
from inrsurvey.export import CATALOG_COLUMNS, JSON_FIELDS
from inrsurvey.model import Catalog
from inrsurvey.render.taxonomy import editions

pytestmark = pytest.mark.build


def test_all_bib_reparses_and_equals_the_sources(catalog: Catalog, site_dir: Path) -> None:
    text = (site_dir / "bib" / "all.bib").read_text(encoding="utf-8")
    parsed = reparse_fields(text)
    assert list(parsed) == sorted(p.key for p in catalog.papers)
    for paper in catalog.papers:
        assert parsed[paper.key] == dict(paper.entry.fields), paper.key


def test_all_bib_parses_with_pybtex(catalog: Catalog, site_dir: Path) -> None:
    from pybtex.database import parse_string

    data = parse_string((site_dir / "bib" / "all.bib").read_text(encoding="utf-8"), "bibtex")
    assert set(data.entries) == {p.key for p in catalog.papers}
    for paper in catalog.papers:
        assert len(data.entries[paper.key].persons["author"]) == len(paper.authors)


def test_per_method_bib_files(catalog: Catalog, site_dir: Path) -> None:
    for paper in catalog.papers:
        assert (site_dir / "bib" / f"{paper.key}.bib").read_text(encoding="utf-8") == format_entry(paper.entry)


def test_group_bib_files_hold_exactly_their_methods(catalog: Catalog, site_dir: Path) -> None:
    def keys(path: Path) -> set[str]:
        return set(reparse_fields(path.read_text(encoding="utf-8")))

    for term in catalog.taxonomy.tasks:
        assert keys(site_dir / "bib" / "task" / f"{term.slug}.bib") == {
            p.key for p in catalog.papers if term.name in p.tasks
        }
    for rep in catalog.taxonomy.representations:
        assert keys(site_dir / "bib" / "representation" / f"{rep.id}.bib") == {
            p.key for p in catalog.papers if rep.id in p.representation
        }
    for term in catalog.taxonomy.fields:
        assert keys(site_dir / "bib" / "field" / f"{term.slug}.bib") == {
            p.key for p in catalog.by_field.get(term.name, ())
        }
    for tag in catalog.taxonomy.tags:
        assert keys(site_dir / "bib" / "tag" / f"{tag.id}.bib") == {p.key for p in catalog.by_tag.get(tag.id, ())}
    for edition in editions(catalog):
        slug = edition.uri.removeprefix("venues/").removesuffix(".md")
        assert keys(site_dir / "bib" / "venue" / f"{slug}.bib") == {p.key for p in edition.papers}


def test_papers_json(catalog: Catalog, site_dir: Path) -> None:
    data = json.loads((site_dir / "data" / "papers.json").read_text(encoding="utf-8"))
    assert data["count"] == len(catalog) == len(data["methods"])
    documented = [f.name for f in JSON_FIELDS]
    for record in data["methods"]:
        assert sorted(record) == sorted(documented)
        assert record["bibtex"] == (site_dir / "bib" / f"{record['key']}.bib").read_text(encoding="utf-8")
        assert (site_dir / record["page"] / "index.html").is_file()
    cite = (site_dir / "cite" / "index.html").read_text(encoding="utf-8")
    assert all(f"<code>{name}</code>" in cite for name in documented)


def test_papers_json_labels_match_the_front_matter(site_dir: Path) -> None:
    """tasks (primary first, `task` = the primary), representation, key idea and builds_on with where,
    re-read from each papers/<slug>.md."""
    data = json.loads((site_dir / "data" / "papers.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 2
    assert [r["id"] for r in data["taxonomy"]["representations"]]
    for record in data["methods"]:
        text = (ROOT / "papers" / f"{record['slug']}.md").read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("\n---\n")[0].removeprefix("---\n"))
        assert record["tasks"] == meta["tasks"] and record["task"] == meta["tasks"][0]
        assert record["representation"] == meta["representation"]
        assert record["key_idea"] == meta["key_idea"]
        assert record["builds_on"] == [
            {"method": b["method"], "where": b["where"]} for b in meta.get("builds_on") or []
        ]
        assert record["builds_on_none"] == meta.get("builds_on_none")


def test_catalog_json_is_the_full_export_without_bibtex(catalog: Catalog, site_dir: Path) -> None:
    """The catalog's compact index: the same facts as papers.json, one row per method, no BibTeX."""
    full = json.loads((site_dir / "data" / "papers.json").read_text(encoding="utf-8"))
    index = json.loads((site_dir / "data" / "catalog.json").read_text(encoding="utf-8"))
    documented = {f.name for f in JSON_FIELDS}
    assert index["columns"] == list(CATALOG_COLUMNS) and set(CATALOG_COLUMNS) <= documented
    assert "bibtex" not in index["columns"] and "bibtex" not in json.dumps(index["taxonomy"])
    assert index["count"] == len(catalog) == len(index["methods"])
    records = {m["slug"]: m for m in full["methods"]}
    for row in index["methods"]:
        method = dict(zip(CATALOG_COLUMNS, row, strict=True))
        record = records[method["slug"]]
        assert method == {c: record[c] for c in CATALOG_COLUMNS}
        assert (site_dir / index["urls"]["method"].replace("{slug}", method["slug"]) / "index.html").is_file()
        assert (site_dir / index["urls"]["bib"].replace("{key}", method["key"])).read_text(encoding="utf-8") == record[
            "bibtex"
        ]
    venues = {v["slug"]: v for v in index["taxonomy"]["venues"]}
    for record in full["methods"]:
        venue = venues[record["venue_slug"]]
        assert (venue["id"], venue["kind"], venue["peer_reviewed"]) == (
            record["venue"],
            record["venue_kind"],
            record["peer_reviewed"],
        )
    for name in ("catalog", "compare"):
        assert (site_dir / index["urls"][name] / "index.html").is_file()
    assert (site_dir / index["urls"]["papers"]).is_file()
    assert index["compare_limits"] == {"min": 2, "max": 8}
    assert (site_dir / "data" / "catalog.json").stat().st_size < (site_dir / "data" / "papers.json").stat().st_size / 2


def test_csl_json(catalog: Catalog, site_dir: Path) -> None:
    items = json.loads((site_dir / "data" / "papers.csl.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == sorted(p.key for p in catalog.papers)
    for item in items:
        paper = next(p for p in catalog.papers if p.key == item["id"])
        assert item["type"] in ("paper-conference", "article-journal", "article")
        assert item["title"] == paper.title
        assert [a.get("family") or a.get("literal") for a in item["author"]] == [a.family for a in paper.authors]
        assert item["issued"]["date-parts"][0][0] == paper.year


def test_atom_feed(catalog: Catalog, site_dir: Path) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.parse(site_dir / "feed.xml").getroot()
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.find("a:id", ns) is not None and root.find("a:updated", ns) is not None
    entries = root.findall("a:entry", ns)
    assert len(entries) == len(catalog)
    for entry in entries:
        link = entry.find("a:link", ns)
        assert link is not None and link.get("href", "").startswith("https://inr-survey.github.io/inr-survey/methods/")
        assert (
            entry.find("a:id", ns) is not None
            and entry.find("a:updated", ns) is not None
            and entry.find("a:title", ns) is not None
        )
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'rel="alternate" type="application/atom+xml"' in home


def test_changelog_lists_every_method_once(catalog: Catalog, site_dir: Path) -> None:
    from sitehtml import method_links

    slugs = method_links(site_dir, "changelog/")
    assert sorted(slugs) == sorted(p.slug for p in catalog.papers)
