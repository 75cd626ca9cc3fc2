"""Web addresses: parsed once, safely, by one function with one error.

Every URL of papers/ (front matter, code links, sources, the .bib's `url`) goes through
`parse_url`. It never raises anything but `UrlError`, and it accepts only what every
consumer reads the same way: an absolute http(s) address with a plain ASCII host name,
no user-info, no port other than a number, and only the characters RFC 3986 allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .identifiers import show

_ALLOWED = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
"""The characters RFC 3986 allows in a URI (anything else must be percent-encoded)."""

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


class UrlError(ValueError):
    """An address that is not an acceptable absolute http(s) URL; the message says why."""


@dataclass(frozen=True)
class Url:
    """A parsed address: scheme, lowercase host, port (or None), path, query and fragment."""

    text: str
    scheme: str
    host: str
    port: int | None
    path: str
    query: str
    fragment: str

    @property
    def site(self) -> str:
        """The host without a leading `www.`."""
        return self.host.removeprefix("www.")


def _host_problem(host: str) -> str | None:
    """Why `host` is not a plain DNS name, or None."""
    if host.startswith("["):
        return "an IP address (IPv6) as its host; link the site by its name"
    labels = host.split(".")
    if all(label.isdigit() for label in labels):
        return "an IP address as its host; link the site by its name"
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        return "a host that is not a plain domain name (letters, digits, hyphens and dots)"
    if any(label.startswith("xn--") for label in labels):
        return "an internationalised (punycode) host, which can imitate another site's name; use the site's ASCII name"
    return None


def _reason(text: str) -> str | None:
    """Why `text` is no acceptable URL, or None; never raises."""
    if not text:
        return "is empty"
    if not text.isascii():
        return "holds non-ASCII characters (a look-alike or internationalised host, or unencoded text); percent-encode the path and use the site's ASCII host name"
    if not _ALLOWED.match(text):
        return "holds characters a URL may not hold (spaces, control characters, quotes, backslashes, braces)"
    if _PERCENT.search(text):
        return "holds a % not followed by two hex digits"
    scheme, sep, rest = text.partition(":")
    if not sep or scheme.lower() not in ("http", "https"):
        return "is not an http(s) URL (a local path, file: or another scheme)"
    if not rest.startswith("//"):
        return "has no host after its scheme"
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return "cannot be parsed (a malformed host or port)"
    netloc = parts.netloc
    if "@" in netloc:
        return "holds user-info before an '@' in its host part, so the host is not what it seems"
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "has no host"
    if netloc.startswith("["):
        return "has " + (_host_problem("[") or "")
    problem = _host_problem(host)
    if problem:
        return "has " + problem
    if port is None and ":" in netloc:
        return "has an empty port"
    return None


def parse_url(text: object) -> Url:
    """Parse an absolute http(s) URL.

    Raises:
        UrlError: for any other value, with the reason and the value (quoted safely).
    """
    if not isinstance(text, str):
        raise UrlError(f"{show(text)} is not a URL")
    reason = _reason(text)
    if reason:
        raise UrlError(f"{show(text)} {reason}")
    parts = urlsplit(text)
    return Url(
        text,
        parts.scheme.lower(),
        (parts.hostname or "").rstrip(".").lower(),
        parts.port,
        parts.path,
        parts.query,
        parts.fragment,
    )


def url_problem(text: str) -> str | None:
    """Why `text` is not an acceptable URL (the `UrlError` message), or None."""
    try:
        parse_url(text)
    except UrlError as error:
        return str(error)
    return None
