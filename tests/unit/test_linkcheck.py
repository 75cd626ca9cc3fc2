"""The external link checker, against a server on the loopback interface."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

from helpers import free_port
from inrsurvey.linkcheck import Link, check_links


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
        results = check_links(links, timeout=2, max_requests=10, workers=2)
        assert [r.dead for r in results] == [False, True, False, True]
        assert results[1].status == 404 and results[3].status == 0
        assert len(check_links(links, timeout=2, max_requests=2)) == 2
    finally:
        server.shutdown()
        server.server_close()
