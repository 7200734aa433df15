"""A local HTTP server that answers like a job board, for the scrapers' tests.

Routes answer with canned replies in the vendors' own formats (the fixtures next to
the tests), in sequence (a 429 then a 200), or from a function of the request (paging).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Reply:
    status: int = 200
    body: str | bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")


Handler = Callable[[Request], Reply]


def json_reply(data: Any, status: int = 200, **headers: str) -> Reply:
    return Reply(status=status, body=json.dumps(data), headers=headers)


def fixture_reply(name: str, content_type: str = "application/json", status: int = 200) -> Reply:
    """A reply whose body is the file `fixtures/<name>`."""
    return Reply(status=status, body=(FIXTURES / name).read_bytes(), content_type=content_type)


class FakeSite:
    def __init__(self) -> None:
        self._routes: dict[tuple[str, str], Handler | list[Reply]] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        site = self

        class _Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site._answer(self)

            def do_POST(self) -> None:
                site._answer(self)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def route(self, path: str, *replies: Reply | Handler, method: str = "GET") -> str:
        """Answer `method path` (the query string is ignored) with `replies` in turn, the
        last one repeating, or with a handler function. Returns the route's full URL."""
        if len(replies) == 1 and callable(replies[0]):
            self._routes[(method, path)] = replies[0]
        else:
            self._routes[(method, path)] = list(replies)
        return self.url + path

    def requests_to(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path == path]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        request = Request(
            method=handler.command,
            path=parts.path,
            query={key: values[-1] for key, values in parse_qs(parts.query).items()},
            headers={key.lower(): value for key, value in handler.headers.items()},
            body=handler.rfile.read(length) if length else b"",
        )
        with self._lock:
            self.requests.append(request)
            route = self._routes.get((request.method, request.path))
            if route is None:
                reply = Reply(status=404, body=b"not found", content_type="text/plain")
            elif callable(route):
                reply = None
            else:
                reply = route.pop(0) if len(route) > 1 else route[0]
        if reply is None:
            reply = route(request)
        body = reply.body.encode() if isinstance(reply.body, str) else reply.body
        handler.send_response(reply.status)
        handler.send_header("Content-Type", reply.content_type)
        handler.send_header("Content-Length", str(len(body)))
        for key, value in reply.headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(body)
