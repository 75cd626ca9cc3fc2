"""The built site's citations as their real consumers read them.

pandoc citeproc renders our .bib and our CSL-JSON with the APA, IEEE and Chicago styles; the
CSL-JSON is checked against the official schema; Zotero's own BibTeX translator imports the .bib
under node; feedparser reads the feed; the JSON-LD is expanded by a JSON-LD processor and held
against schema.org's vocabulary.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest

from consumers import VENDOR, have_node, have_pandoc, occurrences, render, zotero_import
from helpers import require_tool
from inrsurvey.citation import citation
from inrsurvey.model import Catalog
from sitehtml import page, parse

pytestmark = [pytest.mark.build, pytest.mark.consumers]

STYLES = ("apa", "ieee", "chicago")


@pytest.fixture(scope="module")
def renderings(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, str]]:
    """Every entry rendered by pandoc citeproc: `{(style, "bib" | "csl"): {key: text}}`."""
    require_tool(have_pandoc(), "pandoc (Debian package pandoc)")
    folder = tmp_path_factory.mktemp("citeproc")
    sources = {"bib": site_dir / "bib" / "all.bib", "csl": site_dir / "data" / "papers.csl.json"}
    return {(style, name): render(path, style, folder) for style in STYLES for name, path in sources.items()}


def words(text: str) -> list[str]:
    """The words of a rendered entry; compatibility forms fold (R² from CSL-JSON reads as pandoc's R<sup>2</sup>)."""
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


@pytest.mark.parametrize("style", STYLES)
def test_bib_and_csl_json_read_the_same(
    catalog: Catalog, renderings: dict[tuple[str, str], dict[str, str]], style: str
) -> None:
    """Same authors, year, title and venue words from the .bib and from the CSL-JSON, in every entry."""
    from_bib, from_csl = renderings[(style, "bib")], renderings[(style, "csl")]
    assert set(from_bib) == set(from_csl) == {p.key for p in catalog.papers}
    for paper in catalog.papers:
        bib_text, csl_text = from_bib[paper.key], from_csl[paper.key]
        assert words(bib_text) == words(csl_text), f"{style} {paper.key}\n{bib_text}\n{csl_text}"
        # Chicago writes a dash for an author list repeated from the entry before.
        first = paper.authors[0].last.split()[-1]
        assert (first in csl_text or csl_text.startswith("———")) and str(paper.year) in csl_text, csl_text
        assert all(w in words(csl_text) for w in words(paper.title)), csl_text


@pytest.mark.parametrize("style", STYLES)
def test_no_venue_printed_twice(
    catalog: Catalog, renderings: dict[tuple[str, str], dict[str, str]], style: str
) -> None:
    for source in ("bib", "csl"):
        entries = renderings[(style, source)]
        twice = [
            p.key
            for p in catalog.papers
            if p.joined.venue.kind != "preprint"
            and occurrences(re.sub(r"https?://\S+", "", entries[p.key]), p.joined.venue.name) > 1
        ]
        assert not twice, f"{style} from {source}: {twice}"


def test_protected_capitals_survive_sentence_case(
    catalog: Catalog, renderings: dict[tuple[str, str], dict[str, str]]
) -> None:
    """APA lowercases titles; the words the .bib protects with braces keep their capitals."""
    for paper in catalog.papers:
        text = renderings[("apa", "csl")][paper.key]
        for piece, protected in citation(paper).title_parts:
            if protected:  # citeproc prints R² as R<sup>2</sup>: compare compatibility forms
                assert unicodedata.normalize("NFKC", piece) in unicodedata.normalize("NFKC", text), (piece, text)


def test_preprints_print_their_arxiv_id_once(
    catalog: Catalog, renderings: dict[tuple[str, str], dict[str, str]]
) -> None:
    preprints = [p for p in catalog.papers if p.joined.venue.kind == "preprint"]
    assert preprints
    for paper in preprints:
        for (style, source), entries in renderings.items():
            text = entries[paper.key].replace(f"https://arxiv.org/abs/{paper.arxiv}", "")
            assert text.count(f"arXiv:{paper.arxiv}") == 1, (style, source, entries[paper.key])


def test_csl_json_is_valid_against_the_official_schema(site_dir: Path) -> None:
    import jsonschema

    schema = json.loads((VENDOR / "csl-schema" / "csl-data.json").read_text(encoding="utf-8"))
    items = json.loads((site_dir / "data" / "papers.csl.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(items)
    assert all(i["type"] in ("paper-conference", "article-journal", "report") for i in items)


def test_zotero_bibtex_import_keeps_every_arxiv_id(catalog: Catalog, site_dir: Path, tmp_path: Path) -> None:
    require_tool(have_node(), "node (Debian package nodejs)")
    items = {i.key: i for i in zotero_import((site_dir / "bib" / "all.bib").read_text(encoding="utf-8"), tmp_path)}
    assert set(items) == {p.key for p in catalog.papers}
    expected_type = {"conference": "conferencePaper", "workshop": "conferencePaper", "journal": "journalArticle"}
    for paper in catalog.papers:
        item = items[paper.key]
        assert item.arxiv == paper.arxiv, (paper.key, item.fields.get("extra"))
        assert item.item_type == expected_type.get(paper.joined.venue.kind, "report"), paper.key
        assert len(item.fields["creators"]) == len(paper.authors)  # type: ignore[arg-type]
        assert item.fields.get("date") == str(paper.year)
        if paper.doi:
            assert paper.doi in (str(item.fields.get("DOI", "")) + str(item.fields.get("extra", "")))


def test_feed_reads_with_feedparser(catalog: Catalog, site_dir: Path) -> None:
    import feedparser

    feed = feedparser.parse((site_dir / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == len(catalog)
    added = {p.slug: p.added for p in catalog.papers}
    for entry in feed.entries:
        slug = entry.link.rstrip("/").rsplit("/", 1)[-1]
        day = added[slug]
        assert day is not None
        assert dt.date(*entry.updated_parsed[:3]) == day and dt.date(*entry.published_parsed[:3]) == day
    newest = max(d for d in added.values() if d)
    assert dt.date(*feed.feed.updated_parsed[:3]) == newest


SCHEMA = "https://schema.org/"


def _loader(url: str, options: dict[str, object] | None = None) -> dict[str, object]:
    """Serve schema.org's context from here (a vocabulary mapping), never from the network."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": SCHEMA}}}  # fmt: skip
    raise AssertionError(f"the JSON-LD names a context other than schema.org: {url}")


def _check_node(node: dict[str, object], vocabulary: dict[str, dict[str, object]], where: str) -> None:
    """Every type and property of an expanded node is schema.org's, each property on a type it belongs to."""
    types: dict[str, list[str]] = vocabulary["types"]  # type: ignore[assignment]
    properties: dict[str, dict[str, list[str]]] = vocabulary["properties"]  # type: ignore[assignment]

    def ancestors(name: str) -> set[str]:
        found, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo += types.get(current, [])
        return found

    node_types = [t.removeprefix(SCHEMA) for t in node.get("@type", [])]  # type: ignore[union-attr]
    assert node_types and all(t in types for t in node_types), (where, node_types)
    lineage = set().union(*(ancestors(t) for t in node_types))
    for key, values in node.items():
        if key.startswith("@"):
            continue
        assert key.startswith(SCHEMA), (where, key)
        name = key.removeprefix(SCHEMA)
        assert name in properties, f"{where}: {name} is not a property of {node_types}"
        assert lineage & set(properties[name]["domains"]), f"{where}: {name} does not belong on {node_types}"
        for value in values:  # type: ignore[union-attr]
            if isinstance(value, dict) and "@type" in value:
                ranges = set(properties[name]["ranges"])
                value_types = [t.removeprefix(SCHEMA) for t in value["@type"]]
                assert ranges & set().union(*(ancestors(t) for t in value_types)), (where, name, value_types)
                _check_node(value, vocabulary, f"{where} > {name}")


def test_json_ld_stays_within_schema_org(catalog: Catalog, site_dir: Path) -> None:
    from pyld import jsonld

    vocabulary = json.loads((VENDOR / "schemaorg" / "vocabulary.json").read_text(encoding="utf-8"))
    for paper in catalog.papers:
        elements = parse(page(site_dir, f"methods/{paper.slug}/"))
        blocks = [e.text for e in elements if e.tag == "script" and e.attrs.get("type") == "application/ld+json"]
        assert len(blocks) == 1, paper.slug
        expanded = jsonld.expand(json.loads(blocks[0]), {"documentLoader": _loader})
        assert len(expanded) == 1
        page_node = expanded[0]
        _check_node(page_node, vocabulary, paper.slug)
        assert page_node["@type"] == [SCHEMA + "WebPage"]
        article = page_node[SCHEMA + "about"][0]
        assert article["@type"] == [SCHEMA + "ScholarlyArticle"]
        assert article[SCHEMA + "name"][0]["@value"] == paper.title
        ids = {
            v[SCHEMA + "propertyID"][0]["@value"]: v[SCHEMA + "value"][0]["@value"]
            for v in article.get(SCHEMA + "identifier", [])  # none for a paper known only by its publisher's page
        }
        assert ids.get("DOI", "") == paper.doi and ids.get("arXiv", "") == paper.arxiv
        assert article["@id"] == paper.paper_url
        code = page_node.get(SCHEMA + "mentions", [])
        assert [c[SCHEMA + "codeRepository"][0]["@value"] for c in code] == [c.url for c in paper.code]
        assert all(c["@type"] == [SCHEMA + "SoftwareSourceCode"] for c in code)
