"""Check the external links of papers/ (paper, arXiv, code, project) for dead ones.

For maintainers, not for the offline test suite: it makes real requests, with a
timeout per request, a bound on their number and a few at a time.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .model import Catalog

USER_AGENT = "inrsurvey-linkcheck/1 (+https://github.com/inr-survey/inr-survey)"


@dataclass(frozen=True)
class Link:
    """An external link and the file that holds it."""

    url: str
    source: str


@dataclass(frozen=True)
class LinkResult:
    """The outcome of checking one link: HTTP status (0 when no answer) and any error."""

    link: Link
    status: int
    error: str = ""

    @property
    def dead(self) -> bool:
        """Whether the link should be reported (no answer, or a 4xx/5xx status)."""
        return self.status == 0 or self.status >= 400


def collect_links(catalog: Catalog) -> list[Link]:
    """Every distinct external link of the catalog, in a stable order."""
    seen: dict[str, Link] = {}
    for paper in catalog.papers:
        urls = [paper.paper_url, paper.project, *(c.url for c in paper.code)]
        if paper.arxiv:
            urls.append(f"https://arxiv.org/abs/{paper.arxiv}")
        for url in urls:
            if url and url not in seen:
                seen[url] = Link(url, paper.md_path)
    return list(seen.values())


def check_one(link: Link, timeout: float) -> LinkResult:
    """HEAD the link (GET when HEAD is refused); never raises."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(link.url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return LinkResult(link, int(response.status))
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return LinkResult(link, int(error.code), error.reason if isinstance(error.reason, str) else "")
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            return LinkResult(link, 0, str(getattr(error, "reason", error)))
    return LinkResult(link, 0, "no answer")


def check_links(
    links: list[Link], timeout: float = 10.0, max_requests: int = 500, workers: int = 4
) -> list[LinkResult]:
    """Check at most `max_requests` links, `workers` at a time; results in input order."""
    chosen = links[:max_requests]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(lambda link: check_one(link, timeout), chosen))
