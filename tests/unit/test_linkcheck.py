"""The external link checker, against a server on the loopback interface."""

from __future__ import annotations

import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest

from helpers import free_port
from inrsurvey.linkcheck import Link, check_links, public_address


def LOOPBACK(address: str) -> bool:
    """This test's server is on the loopback interface, which the default policy refuses."""
    return address == "127.0.0.1"


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path.startswith("/ok") else 404)
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_dead_and_live_links() -> None:
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{port}"
        closed = free_port()
        links = [
            Link(f"{base}/ok", "a.md"),
            Link(f"{base}/gone", "b.md"),
            Link(f"{base}/no-head", "c.md"),
            Link(f"http://127.0.0.1:{closed}/", "d.md"),
        ]
        results = check_links(links, timeout=2, max_requests=10, workers=2, allow=LOOPBACK)
        assert [r.dead for r in results] == [False, True, False, True]
        assert results[1].status == 404 and results[3].status == 0
        assert len(check_links(links, timeout=2, max_requests=2, allow=LOOPBACK)) == 2
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.1",
        "172.16.5.5",
        "169.254.169.254",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "198.18.0.1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not public_address(address)


def test_public_addresses_are_allowed() -> None:
    assert public_address("93.184.215.14") and public_address("2606:4700::6810:84e5")


def test_links_reach_no_local_host_file_or_pipe(tmp_path: Path) -> None:
    """With the default policy, a server on the loopback interface is never requested."""
    hits: list[str] = []

    class Counting(Handler):
        def do_HEAD(self) -> None:
            hits.append(self.path)
            super().do_HEAD()

    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Counting)
    Thread(target=server.serve_forever, daemon=True).start()
    secret = tmp_path / "secret.txt"
    secret.write_text("x", encoding="utf-8")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    try:
        links = [
            Link(f"http://127.0.0.1:{port}/ok", "a.md"),
            Link(f"http://localhost:{port}/ok", "b.md"),
            Link(f"http://[::ffff:127.0.0.1]:{port}/ok", "c.md"),
            Link(secret.as_uri(), "d.md"),
            Link(pipe.as_uri(), "e.md"),
            Link("ftp://127.0.0.1/", "f.md"),
        ]
        results = check_links(links, timeout=2, max_requests=10, workers=2)
        assert all(r.dead and r.status == 0 for r in results), results
        assert hits == []
        assert all("refused" in r.error or "no public address" in r.error for r in results), results
    finally:
        server.shutdown()
        server.server_close()


def test_a_redirect_to_a_local_host_is_not_followed() -> None:
    """A redirect's target is judged again: the policy allows the first server, not the target."""
    hits: list[str] = []
    asked: list[str] = []

    def policy(address: str) -> bool:
        asked.append(address)
        return address == "127.0.0.1"

    class Redirect(BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            hits.append(self.path)
            self.send_response(302)
            self.send_header("Location", f"http://[::1]:{port}/inside")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Redirect)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = check_links([Link(f"http://127.0.0.1:{port}/start", "a.md")], timeout=2, allow=policy)[0]
        assert result.dead and "no public address" in result.error and hits == ["/start"], (result, hits)
        assert "::1" in asked, asked
    finally:
        server.shutdown()
        server.server_close()
