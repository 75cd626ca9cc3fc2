"""Which addresses count as evidence: primary sources, and the mirrors that never do.

`sources` lists the pages the facts and the summary were checked against. Readers click
them as our evidence, so they must be the canonical pages (arXiv, doi.org, proceedings,
publishers, the official repository or project page), never a copy of the paper on a
document mirror or an aggregator's page about it. Both lists are maintained here.
"""

from __future__ import annotations

from collections.abc import Iterable

from .urls import Url

PRIMARY_HOSTS = frozenset(
    {
        "arxiv.org",
        "ar5iv.labs.arxiv.org",
        "ar5iv.org",
        "doi.org",
        "openaccess.thecvf.com",
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "papers.neurips.cc",
        "openreview.net",
        "proceedings.mlr.press",
        "dl.acm.org",
        "link.springer.com",
        "ieeexplore.ieee.org",
        "ecva.net",
        "bmva.org",
        "bmva-archive.org.uk",
    }
)
"""Hosts whose pages count as primary sources: arXiv, DOI resolver, proceedings and publishers."""

MIRROR_HOSTS: dict[str, str] = {
    "arxiv-vanity.com": "a re-rendering of arXiv papers",
    "deepai.org": "an aggregator of arXiv papers",
    "vdocuments.net": "a document mirror",
    "vdocuments.us": "a document mirror",
    "vdocuments.mx": "a document mirror",
    "vdocuments.site": "a document mirror",
    "vdocument.in": "a document mirror",
    "fdocuments.in": "a document mirror",
    "fdocuments.net": "a document mirror",
    "dokumen.tips": "a document mirror",
    "dokumen.pub": "a document mirror",
    "scribd.com": "a document mirror",
    "readkong.com": "a document mirror",
    "wixlib.com": "a document mirror",
    "yiyibooks.cn": "a mirror of arXiv papers",
    "vuink.com": "a mirror of other sites' pages",
    "object.cloud.sdsc.edu": "a storage bucket of paper text dumps",
    "liner.com": "an aggregator of paper summaries",
    "paperium.net": "an aggregator of paper summaries",
    "sciencestack.ai": "an aggregator of arXiv papers",
    "scholarfeed.org": "an aggregator of paper summaries",
    "paperswithcode.com": "an aggregator of papers and code",
    "alphaxiv.org": "an aggregator of arXiv papers",
    "semanticscholar.org": "a bibliographic aggregator",
    "researchgate.net": "a document mirror",
    "academia.edu": "a document mirror",
    "hf-mirror.com": "a mirror of Hugging Face",
    "hf.zsm.im": "a mirror of Hugging Face",
    "hf.qhduan.com": "a mirror of Hugging Face",
    "hf-p-cfw.fyan.top": "a mirror of Hugging Face",
}
"""Mirror and aggregator hosts (and their sub-domains), each with what it is."""

MIRROR_PATHS: dict[tuple[str, str], str] = {
    ("huggingface.co", "/papers/"): "an aggregator page about an arXiv paper",
    ("huggingface.co", "/datasets/"): "a dataset card",
}
"""Aggregator pages on hosts that also serve primary material, by host and path prefix."""


def _within(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def mirror_kind(url: Url) -> str | None:
    """What kind of mirror or aggregator `url` is on, or None for any other page."""
    for domain, kind in MIRROR_HOSTS.items():
        if _within(url.host, domain):
            return kind
    for (domain, prefix), kind in MIRROR_PATHS.items():
        if _within(url.host, domain) and url.path.startswith(prefix):
            return kind
    return None


def is_primary(url: Url, official: Iterable[str]) -> bool:
    """Whether `url` is on a primary host or is one of the `official` addresses (code, project page)."""
    if any(_within(url.host, domain) for domain in PRIMARY_HOSTS):
        return True
    own = url.text.rstrip("/").lower()
    return any(own == address.rstrip("/").lower() for address in official)
