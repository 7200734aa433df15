"""The one HTTP client every scraper fetches through: polite and hard to knock over.

Timeouts on every request, a browser-like User-Agent, retries with exponential backoff
on 429, 5xx and network errors (honouring Retry-After), and at most `per_host`
requests in flight to any one host, also across the threads of `fetch_many`.
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from boards.scrapers.base import ScrapeError, first_line

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36 Hunter/0.1"
)
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_BODY_BYTES = 20 * 1024 * 1024


class FetchError(ScrapeError):
    """A request failed for good (after its retries). `status` is None for network errors."""

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class HttpClient:
    def __init__(
        self,
        *,
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_retry_wait: float = 60.0,
        per_host: int = 4,
        user_agent: str = USER_AGENT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.retries = retries
        self.backoff = backoff
        self.max_retry_wait = max_retry_wait
        self.per_host = per_host
        self._host_slots: dict[str, threading.BoundedSemaphore] = {}
        self._slots_lock = threading.Lock()
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=True,
            headers={
                "User-Agent": user_agent,
                "Accept-Language": "en-US,en;q=0.8",
            },
            transport=transport,
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
        )

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # --- requests ------------------------------------------------------------------

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """The response to a request, retried while the server or network asks for it.

        Raises FetchError with a message a user can act on when it fails for good.
        """
        attempt = 0
        while True:
            attempt += 1
            try:
                with self._slot(url):
                    response = self._client.request(method, url, **kwargs)
            except httpx.TimeoutException:
                error, response = f"{method} {url} timed out", None
            except httpx.InvalidURL as exc:
                raise FetchError(f"{url} is not a valid URL ({exc})", url=url) from exc
            except httpx.HTTPError as exc:
                error, response = f"{method} {url} failed: {first_line(exc)}", None
            else:
                if response.status_code < 400:
                    if len(response.content) > MAX_BODY_BYTES:
                        raise FetchError(f"{url} answered more than 20 MB", url=url)
                    return response
                error = f"{method} {url} answered {response.status_code} {response.reason_phrase}"
                if response.status_code not in RETRY_STATUSES:
                    raise FetchError(error, url=url, status=response.status_code)

            if attempt > self.retries:
                status = response.status_code if response is not None else None
                raise FetchError(f"{error} (after {attempt} attempts)", url=url, status=status)
            wait = self._wait_before_retry(attempt, response)
            logger.info("http_retry", extra={"url": url, "attempt": attempt, "wait": wait})
            time.sleep(wait)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def get_text(self, url: str, **kwargs: Any) -> str:
        return self.get(url, **kwargs).text

    def get_json(self, url: str, **kwargs: Any) -> Any:
        return _json_of(self.get(url, **kwargs))

    def post_json(self, url: str, payload: Any, **kwargs: Any) -> Any:
        return _json_of(self.request("POST", url, json=payload, **kwargs))

    def fetch_many(
        self, fetch: Callable[[T], R], items: Iterable[T]
    ) -> list[tuple[T, R | Exception]]:
        """`fetch(item)` for every item, a few at a time; each result or its exception,
        in the items' order. One failure does not stop the others."""
        items = list(items)

        def run(item: T) -> R | Exception:
            try:
                return fetch(item)
            except Exception as exc:  # reported to the caller, item by item
                return exc

        if len(items) <= 1:
            return [(item, run(item)) for item in items]
        with ThreadPoolExecutor(max_workers=min(self.per_host, len(items))) as pool:
            return list(zip(items, pool.map(run, items), strict=True))

    # --- politeness ----------------------------------------------------------------

    def _slot(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc.lower()
        with self._slots_lock:
            if host not in self._host_slots:
                self._host_slots[host] = threading.BoundedSemaphore(self.per_host)
            return self._host_slots[host]

    def _wait_before_retry(self, attempt: int, response: httpx.Response | None) -> float:
        if response is not None and (retry_after := _retry_after(response)) is not None:
            return min(retry_after, self.max_retry_wait)
        exponential = self.backoff * 2 ** (attempt - 1)
        return min(exponential * (0.5 + random.random() / 2), self.max_retry_wait)


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds to wait from a Retry-After header: a number, or an HTTP date."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _json_of(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        snippet = response.text[:80].replace("\n", " ")
        raise ScrapeError(f"{response.request.url} did not return valid JSON: {snippet!r}") from exc
