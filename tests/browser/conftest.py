"""Browser fixtures: Debian's Chromium driven by Playwright against the built site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import serve


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as url:
        yield url


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, base_url=base_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    errors: list[str] = []
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    outside: list[str] = []
    tab.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith((base_url, "blob:", "data:")) else None
        ),
    )
    yield tab
    context.close()
    assert not errors, errors
    assert not outside, f"requests to other hosts: {outside}"
