"""Check the external links of papers/ (paper, arXiv, code, project) for dead ones.

For maintainers, not for the offline test suite: it makes real requests, with a
timeout per request, a bound on their number and a few at a time.

The addresses come from papers/, which is untrusted, so only public http(s) hosts are
requested: no other scheme (file://, ftp://, data:), and every connection, redirects
included, goes to an address that DNS gave for the host and that is public (no
loopback, private, link-local, multicast or reserved address). No body is read past
MAX_BYTES.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from .model import Catalog

USER_AGENT = "inrsurvey-linkcheck/1 (+https://github.com/inr-survey/inr-survey)"

MAX_BYTES = 65536
"""The most of a response body read (a GET's answer is judged by its status)."""

AddressPolicy = Callable[[str], bool]
"""Whether a connection to an IP address is allowed."""


def public_address(address: str) -> bool:
    """Whether `address` is a public unicast address (not loopback, private, link-local, reserved)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class RefusedAddress(OSError):
    """A host that resolves to no allowed address."""


def _guarded_connect(allow: AddressPolicy) -> Callable[..., socket.socket]:
    """A replacement for socket.create_connection that connects only to allowed addresses."""

    def connect(
        address: tuple[str, int], timeout: Any = None, source_address: Any = None, **options: Any
    ) -> socket.socket:
        host, port = address
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        allowed = [info for info in infos if allow(str(info[4][0]))]
        if not allowed:
            raise RefusedAddress(f"{host} resolves to no public address")
        family, kind, proto, _name, sockaddr = allowed[0]
        sock = socket.socket(family, kind, proto)
        if timeout is not None:
            sock.settimeout(timeout)
        try:
            sock.connect(sockaddr)
        except OSError:
            sock.close()
            raise
        return sock

    return connect


def guarded_opener(allow: AddressPolicy = public_address) -> urllib.request.OpenerDirector:
    """An opener for http(s) only (no file, ftp or data handler, no proxy) whose connections obey `allow`."""
    connect = _guarded_connect(allow)

    class HTTPConnection(http.client.HTTPConnection):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = connect

    class HTTPSConnection(http.client.HTTPSConnection):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = connect

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> Any:
            return self.do_open(HTTPConnection, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> Any:
            return self.do_open(HTTPSConnection, req)

    opener = urllib.request.OpenerDirector()
    for handler in (
        HTTPHandler(),
        HTTPSHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


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


def check_one(link: Link, timeout: float, opener: urllib.request.OpenerDirector | None = None) -> LinkResult:
    """HEAD the link (GET when HEAD is refused); never raises, never requests a non-public host."""
    if not link.url.lower().startswith(("http://", "https://")):
        return LinkResult(link, 0, "not an http(s) address; refused")
    opener = opener or guarded_opener()
    for method in ("HEAD", "GET"):
        try:
            request = urllib.request.Request(link.url, method=method, headers={"User-Agent": USER_AGENT})
            with opener.open(request, timeout=timeout) as response:
                response.read(MAX_BYTES if method == "GET" else 0)
                return LinkResult(link, int(response.status))
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return LinkResult(link, int(error.code), error.reason if isinstance(error.reason, str) else "")
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            return LinkResult(link, 0, str(getattr(error, "reason", error)))
    return LinkResult(link, 0, "no answer")


def check_links(
    links: list[Link],
    timeout: float = 10.0,
    max_requests: int = 500,
    workers: int = 4,
    allow: AddressPolicy = public_address,
) -> list[LinkResult]:
    """Check at most `max_requests` links, `workers` at a time, connecting only where `allow` says; results in input order."""
    chosen = links[:max_requests]
    opener = guarded_opener(allow)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(lambda link: check_one(link, timeout, opener), chosen))
