"""What Zotero's connector saves from a method page, by the rules of its Embedded Metadata translator.

`zotero_reads` applies the rules of zotero/translators' "Embedded Metadata.js" (and the RDF
translator it hands `og:` tags to) to a page's `<head>`: the item type is set by the last of the
typing `citation_*` tags, fields come from the first tag of each name, the URL from
`citation_public_url`, else `og:url`, else `citation_abstract_html_url`, else the canonical link;
the abstract from `citation_abstract`, else `og:description`, else `description`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inrsurvey.model import Catalog
from sitehtml import page, parse

pytestmark = pytest.mark.build

TYPING_TAGS = {
    "citation_journal_title": "journalArticle",
    "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper",
    "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection",
    "citation_inbook_title": "bookSection",
    "citation_dissertation_institution": "thesis",
}
"""The tags that set the item type (`init` in Embedded Metadata.js); the last one on the page wins."""

FIELDS = {
    "citation_title": "title",
    "citation_publication_date": "date",
    "citation_journal_title": "publicationTitle",
    "citation_inbook_title": "publicationTitle",
    "citation_volume": "volume",
    "citation_issue": "issue",
    "citation_conference_title": "conferenceName",
    "citation_technical_report_institution": "institution",
    "citation_technical_report_number": "number",
    "citation_publisher": "publisher",
    "citation_doi": "DOI",
    "citation_public_url": "url",
    "citation_abstract": "abstractNote",
}
"""Part of HIGHWIRE_MAPPINGS in Embedded Metadata.js: the fields a method page can fill."""


def zotero_reads(html: str) -> dict[str, object]:
    """The item Zotero's Embedded Metadata translator makes of a page (the rules above)."""
    metas: list[tuple[str, str]] = []
    canonical = ""
    for element in parse(html):
        if element.tag == "meta":
            name = element.attrs.get("name") or element.attrs.get("property") or ""
            content = element.attrs.get("content") or ""
            if name and content:
                metas.append((name, content))
        elif element.tag == "link" and element.attrs.get("rel") == "canonical":
            canonical = element.attrs.get("href", "")
    item: dict[str, object] = {"itemType": "journalArticle" if any(n == "citation_title" for n, _ in metas) else ""}
    for name, _ in metas:
        if name in TYPING_TAGS:
            item["itemType"] = TYPING_TAGS[name]
    first: dict[str, str] = {}
    for name, content in metas:
        first.setdefault(name, " ".join(content.split()))
    for tag, field in FIELDS.items():
        if first.get(tag):
            item[field] = first[tag]
    item["creators"] = [c for n, c in metas if n == "citation_author"]
    if first.get("citation_firstpage"):
        item["pages"] = "-".join(p for p in (first["citation_firstpage"], first.get("citation_lastpage", "")) if p)
    item["url"] = item.get("url") or first.get("og:url") or first.get("citation_abstract_html_url") or canonical
    item["abstractNote"] = item.get("abstractNote") or first.get("og:description") or first.get("description", "")
    item["pdf"] = first.get("citation_pdf_url", "")
    return item


EXPECTED_TYPE = {"conference": "conferencePaper", "workshop": "conferencePaper", "journal": "journalArticle"}


def test_zotero_saves_the_paper_not_the_page(catalog: Catalog, site_dir: Path) -> None:
    for paper in catalog.papers:
        item = zotero_reads(page(site_dir, f"methods/{paper.slug}/"))
        venue = paper.joined.venue
        entry = paper.entry
        where = paper.slug
        assert item["itemType"] == EXPECTED_TYPE.get(venue.kind, "report"), where
        assert item["title"] == paper.title, where
        assert item["creators"] == [f"{a.family}, {a.first}".strip(", ") for a in paper.authors], where
        assert item["date"] == str(paper.year), where
        assert item["url"] == paper.paper_url and "inr-survey" not in str(item["url"]), where
        assert not item["abstractNote"], f"{where}: Zotero would store {item['abstractNote']!r} as the abstract"
        assert item.get("DOI", "") == paper.doi, where
        assert item.get("volume", "") == entry.get("volume") and item.get("issue", "") == entry.get("number"), where
        assert item.get("pages", "") == entry.get("pages").replace("--", "-"), where
        assert item.get("publisher", "") == entry.text("publisher"), where
        assert item["pdf"] == (f"https://arxiv.org/pdf/{paper.arxiv}" if paper.arxiv else ""), where
        if venue.kind == "journal":
            assert item["publicationTitle"] == entry.text("journal"), where
        elif venue.kind == "preprint":
            assert item["institution"] == "arXiv" and item["number"] == f"arXiv:{paper.arxiv}", where
        else:
            assert item["publicationTitle"] == entry.text("booktitle") and item["conferenceName"] == venue.name, where


def test_other_pages_keep_their_description(site_dir: Path) -> None:
    """Only method pages drop the description; the home page still has one for search engines."""
    item = zotero_reads(page(site_dir, ""))
    assert item["abstractNote"]
