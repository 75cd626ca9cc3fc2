"""Machine-readable citation metadata of a method page: Highwire `citation_*` tags and JSON-LD.

Both describe the paper, not the survey's page about it: the paper's own address, its
identifiers and its container, as Zotero's Embedded Metadata translator and Google Scholar read
`citation_*` tags, and in schema.org's vocabulary (a `WebPage` *about* a `ScholarlyArticle`).
"""

from __future__ import annotations

from ..citation import Citation
from ..model import Paper


def highwire_tags(cite: Citation, posted: str = "") -> list[list[str]]:
    """Highwire Press `citation_*` tags as name/content pairs, in the order Zotero needs.

    A conference paper names its proceedings (`citation_inbook_title`) before the conference
    (`citation_conference_title`): Zotero types the item by the last of the two. A preprint is a
    technical report of arXiv, with its arXiv number.
    """
    meta = [["citation_title", cite.title]]
    meta += [["citation_author", f"{a.family}, {a.first}".strip(", ")] for a in cite.authors]
    if cite.year:
        meta.append(["citation_publication_date", str(cite.year)])
    if posted:
        meta.append(["citation_online_date", posted])
    if cite.kind == "journal":
        meta.append(["citation_journal_title", cite.container])
    elif cite.event:
        meta.append(["citation_inbook_title", cite.container])
        meta.append(["citation_conference_title", cite.event])
    elif cite.preprint:
        meta.append(["citation_technical_report_institution", "arXiv"])
        if cite.arxiv:
            meta.append(["citation_technical_report_number", f"arXiv:{cite.arxiv}"])
    for name, value in (
        ("citation_volume", cite.volume),
        ("citation_issue", cite.issue),
        ("citation_firstpage", cite.first_page),
        ("citation_lastpage", cite.last_page),
        ("citation_publisher", cite.publisher),
        ("citation_doi", cite.doi),
        ("citation_arxiv_id", cite.arxiv),
        ("citation_public_url", cite.url),
        ("citation_pdf_url", cite.arxiv_pdf),
    ):
        if value:
            meta.append([name, value])
    return meta


def _identifiers(cite: Citation) -> list[dict[str, str]]:
    found = []
    if cite.doi:
        found.append({"@type": "PropertyValue", "propertyID": "DOI", "value": cite.doi})
    if cite.arxiv:
        found.append({"@type": "PropertyValue", "propertyID": "arXiv", "value": cite.arxiv})
    return found


def _container(cite: Citation) -> dict[str, object] | None:
    """The article's container: a journal (Periodical, its volume and issue) or the proceedings (a Book)."""
    if cite.kind == "journal":
        container: dict[str, object] = {"@type": "Periodical", "name": cite.container}
        if cite.volume:
            container = {"@type": "PublicationVolume", "volumeNumber": cite.volume, "isPartOf": container}
        if cite.issue:
            container = {"@type": "PublicationIssue", "issueNumber": cite.issue, "isPartOf": container}
        return container
    if cite.container:
        return {"@type": "Book", "name": cite.container}
    return None


def scholarly_article(cite: Citation, posted: str = "") -> dict[str, object]:
    """The paper as a schema.org `ScholarlyArticle`."""
    article: dict[str, object] = {
        "@type": "ScholarlyArticle",
        "headline": cite.title,
        "name": cite.title,
        "author": [
            {"@type": "Person", "name": a.display, "familyName": a.family} | ({"givenName": a.first} if a.first else {})
            for a in cite.authors
        ],
    }
    if cite.url:
        article["@id"] = cite.url
        article["url"] = cite.url
    if cite.year:
        article["datePublished"] = str(cite.year)
    if posted:
        article["dateCreated"] = posted
    identifiers = _identifiers(cite)
    if identifiers:
        article["identifier"] = identifiers
    same = sorted({u for u in (f"https://doi.org/{cite.doi}" if cite.doi else "", cite.arxiv_url) if u} - {cite.url})
    if same:
        article["sameAs"] = same
    container = _container(cite)
    if container:
        article["isPartOf"] = container
    if cite.first_page:
        article["pageStart"] = cite.first_page
    if cite.last_page:
        article["pageEnd"] = cite.last_page
    if cite.publisher:
        article["publisher"] = {"@type": "Organization", "name": cite.publisher}
    return article


def page_json_ld(paper: Paper, cite: Citation, page_url: str) -> dict[str, object]:
    """The method page as a schema.org `WebPage` about the paper, mentioning its code."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": paper.name,
        "about": scholarly_article(cite, paper.posted.isoformat() if paper.posted else ""),
    }
    if page_url:
        data["url"] = page_url
    if paper.code:
        data["mentions"] = [
            {"@type": "SoftwareSourceCode", "codeRepository": c.url, "url": c.url}
            | ({"runtimePlatform": c.framework} if c.framework else {})
            for c in paper.code
        ]
    return data
