"""Exports of the real build: .bib files, JSON, CSL-JSON and the Atom feed, re-parsed."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from inrsurvey.bib import export_fields, format_entry, reparse_fields
from inrsurvey.citation import citation
from inrsurvey.export import CATALOG_COLUMNS, JSON_FIELDS
from inrsurvey.model import Catalog
from inrsurvey.render.taxonomy import editions

pytestmark = pytest.mark.build


def csl_family(name: dict[str, str]) -> str:
    """A CSL name's family with its dropping particle (`de Lutio`), or its literal."""
    if "literal" in name:
        return name["literal"]
    return " ".join(p for p in (name.get("dropping-particle", ""), name["family"]) if p)


def test_all_bib_reparses_and_equals_the_sources(catalog: Catalog, site_dir: Path) -> None:
    text = (site_dir / "bib" / "all.bib").read_text(encoding="utf-8")
    parsed = reparse_fields(text)
    assert list(parsed) == sorted(p.key for p in catalog.papers)
    for paper in catalog.papers:
        assert parsed[paper.key] == dict(export_fields(paper.entry)), paper.key


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
    for name in ("papers", "results"):
        assert (site_dir / index["urls"][name]).is_file()
    assert index["compare_limits"] == {"min": 2, "max": 8}
    assert (site_dir / "data" / "catalog.json").stat().st_size < (site_dir / "data" / "papers.json").stat().st_size / 2


def test_csl_json(catalog: Catalog, site_dir: Path) -> None:
    items = json.loads((site_dir / "data" / "papers.csl.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == sorted(p.key for p in catalog.papers)
    for item in items:
        paper = next(p for p in catalog.papers if p.key == item["id"])
        assert item["type"] in ("paper-conference", "article-journal", "report")
        # Sentence case for citeproc, with the .bib's protected words in nocase spans.
        assert html.unescape(re.sub(r"<[^>]+>", "", item["title"])).casefold() == paper.title.casefold()
        protected = [t for t, p in citation(paper).title_parts if p]
        assert re.findall(r'<span class="nocase">(.*?)</span>', item["title"]) == protected
        assert "event-title" not in item or item["event-title"] == paper.joined.venue.name
        if paper.joined.venue.kind == "preprint":
            assert item["number"] == f"arXiv:{paper.arxiv}" and item["publisher"] == "arXiv"
        else:
            assert item["container-title"] == (paper.entry.text("booktitle") or paper.entry.text("journal"))
        assert [csl_family(a) for a in item["author"]] == [a.family for a in paper.authors]
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


def test_math_minus_signs_in_every_export(site_dir: Path) -> None:
    """`NeRF$--$` prints as two minus signs in LaTeX, so every export says NeRF−−, never an en dash."""
    shown = "NeRF\N{MINUS SIGN}\N{MINUS SIGN}"
    records = json.loads((site_dir / "data" / "papers.json").read_text(encoding="utf-8"))["methods"]
    assert next(r for r in records if r["slug"] == "nerf-minus-minus")["title"].startswith(shown)
    csl = json.loads((site_dir / "data" / "papers.csl.json").read_text(encoding="utf-8"))
    assert shown in next(i for i in csl if i["id"] == "wang2021nerf")["title"]
    assert f"{shown}: Neural Radiance Fields" in (site_dir / "feed.xml").read_text(encoding="utf-8")
    page = (site_dir / "methods" / "nerf-minus-minus" / "index.html").read_text(encoding="utf-8")
    assert f'name="citation_title" content="{shown}:' in page and f'"headline":"{shown}:' in page
    assert "NeRF\N{EN DASH}" not in page


def test_every_export_agrees_with_the_bib(catalog: Catalog, site_dir: Path) -> None:
    """papers.json, CSL-JSON, the meta tags and JSON-LD say what all.bib says (read by pybtex)."""
    from pybtex.database import parse_string

    from sitehtml import page, parse

    bib = parse_string((site_dir / "bib" / "all.bib").read_text(encoding="utf-8"), "bibtex").entries
    records = {
        r["key"]: r for r in json.loads((site_dir / "data" / "papers.json").read_text(encoding="utf-8"))["methods"]
    }
    csl = {i["id"]: i for i in json.loads((site_dir / "data" / "papers.csl.json").read_text(encoding="utf-8"))}
    for paper in catalog.papers:
        entry, record, item = bib[paper.key], records[paper.key], csl[paper.key]
        families = [" ".join(p.last_names) for p in entry.persons["author"]]
        pages = entry.fields.get("pages", "").replace("--", "-")
        doi, arxiv = entry.fields.get("doi", ""), entry.fields.get("eprint", "")
        year = int(entry.fields["year"])
        assert len(record["authors"]) == len(item["author"]) == len(families), paper.key
        assert record["year"] == item["issued"]["date-parts"][0][0] == year
        assert (record["pages"] or "") == item.get("page", "") == pages, paper.key
        assert (record["doi"] or "") == item.get("DOI", "") == doi and (record["arxiv"] or "") == arxiv, paper.key
        elements = parse(page(site_dir, record["page"]))
        meta: dict[str, list[str]] = {}
        for e in elements:
            if e.tag == "meta" and e.attrs.get("name", "").startswith("citation_"):
                meta.setdefault(e.attrs["name"], []).append(e.attrs.get("content", ""))
        assert meta["citation_title"] == [record["title"]] and len(meta["citation_author"]) == len(families)
        assert meta["citation_publication_date"] == [str(year)] and meta.get("citation_doi", [""]) == [doi]
        assert (
            meta.get("citation_arxiv_id", [""]) == [arxiv]
            and "-".join(meta.get("citation_firstpage", []) + meta.get("citation_lastpage", [])) == pages
        )
        ld = json.loads(next(e.text for e in elements if e.attrs.get("type") == "application/ld+json"))["about"]
        assert ld["name"] == record["title"] and [a["familyName"] for a in ld["author"]] == [
            csl_family(a) for a in item["author"]
        ]
        assert "-".join(x for x in (ld.get("pageStart", ""), ld.get("pageEnd", "")) if x) == pages
