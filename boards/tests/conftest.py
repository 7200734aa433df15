from __future__ import annotations

from collections.abc import Iterator

import pytest

from boards.scrapers.http import HttpClient
from boards.tests.fake_site import FakeSite


@pytest.fixture
def fake_site() -> Iterator[FakeSite]:
    site = FakeSite()
    yield site
    site.close()


@pytest.fixture
def http_client() -> Iterator[HttpClient]:
    """The real client, with retries that wait milliseconds instead of seconds."""
    with HttpClient(timeout=5, retries=2, backoff=0.01, max_retry_wait=0.2) as client:
        yield client
