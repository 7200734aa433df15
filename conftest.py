from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest
from channels.layers import channel_layers
from django.conf import settings
from django.db import connections
from playwright.sync_api import Page, sync_playwright

from boards.scrapers.http import HttpClient
from boards.tests.fake_site import FakeSite
from hunter.browser import chromium_launch_options
from hunter.testing import free_port, live_database_url, stop_process_tree, wait_for_http

CHROMIUM = os.environ.get("HUNTER_CHROMIUM") or shutil.which("chromium")


@pytest.fixture
def chromium(settings) -> str:
    """A Chromium for Playwright: HUNTER_CHROMIUM, or Debian's on the PATH."""
    if not CHROMIUM:
        pytest.skip("No Chromium found: set HUNTER_CHROMIUM or install Debian's chromium.")
    settings.HUNTER_CHROMIUM = CHROMIUM
    return CHROMIUM


@pytest.fixture
def browser_page(chromium, monkeypatch) -> Iterator[Page]:
    """A page in a fresh headless Chromium, closed after the test."""
    # Playwright's sync API runs an event loop in this thread; the test's own database
    # calls beside it are still plain sequential code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium_launch_options())
        page = browser.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            # The test's queries ran beside Playwright's event loop, on a connection of
            # their own: close it here, where it can still be reached.
            connections.close_all()
            browser.close()


@pytest.fixture
def fake_site() -> Iterator[FakeSite]:
    """A local HTTP server answering like an outside service (a job board, an API)."""
    site = FakeSite()
    yield site
    site.close()


@pytest.fixture
def http_client() -> Iterator[HttpClient]:
    """The scrapers' real client, with retries that wait milliseconds instead of seconds."""
    with HttpClient(timeout=5, retries=2, backoff=0.01, max_retry_wait=0.2) as client:
        yield client


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(username="ana", password="a-long-password-1")


@pytest.fixture
def logged_in_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def fresh_channel_layer() -> Iterator[None]:
    """Channel layers hold connections bound to the event loop that opened them; each
    test runs its own loop, so it gets its own layer."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture
def running_hunter(transactional_db) -> Iterator[str]:
    """Hunter as `make run` starts it (uvicorn and a django-q2 cluster), on the test
    database and a free port; yields its base URL. The test's rows must be committed."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": live_database_url(), "HUNTER_PASSWORD": "unused-here-1"}
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run", "--port", str(port)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/login/", timeout=60)
        yield base
    finally:
        stop_process_tree(process)
