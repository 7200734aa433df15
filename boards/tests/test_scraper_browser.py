from __future__ import annotations

import asyncio
import re
import socket
import time

import psutil
import pytest

from boards.scrapers import config_problems
from boards.scrapers.base import ScrapeError
from boards.scrapers.browser import BrowserScraper
from boards.scrapers.html import HtmlScraper
from boards.scrapers.http import FetchError
from boards.tests.fake_site import Reply, fixture_reply
from hunter.browser import chromium_launch_options

LISTING = {
    "type": "browser",
    "item": "li.opening",
    "title": "h2",
    "location": ".where",
    "next": "a.next",
}


def _page(name: str) -> Reply:
    return fixture_reply(f"browser/{name}", content_type="text/html; charset=utf-8")


def _kestrel_site(fake_site, *detail_paths: str) -> str:
    for path in detail_paths:
        fake_site.route(path, _page("js_detail.html"))
    return fake_site.route("/positions", _page("js_listing.html"))


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _scrape(board_url, http_client, config=None, cls=BrowserScraper):
    scraper = cls(board_url=board_url, config={**LISTING, **(config or {})}, client=http_client)
    return scraper.scrape()


def _browser_processes() -> set[int]:
    found = set()
    for process in psutil.Process().children(recursive=True):
        try:
            if "chrom" in process.name().lower() or "playwright" in " ".join(process.cmdline()):
                found.add(process.pid)
        except psutil.NoSuchProcess:
            pass
    return found


def _no_browser_left(before: set[int]) -> bool:
    deadline = time.monotonic() + 5
    while _browser_processes() - before and time.monotonic() < deadline:
        time.sleep(0.1)
    return not _browser_processes() - before


def test_renders_items_that_javascript_builds(chromium, fake_site, http_client):
    url = _kestrel_site(fake_site)
    result = _scrape(url, http_client, {"next": ""})
    assert [(job.title, job.location, job.url) for job in result.jobs] == [
        ("Avionics Engineer", "Toulouse, France", f"{fake_site.url}/positions/avionics-engineer"),
        ("Flight Test Analyst", "Remote (EU)", f"{fake_site.url}/positions/flight-test-analyst"),
    ]
    assert result.jobs[1].remote is True
    assert result.log == []


def test_plain_html_scraper_sees_none_of_the_javascript_items(fake_site, http_client):
    url = _kestrel_site(fake_site)
    result = _scrape(url, http_client, {"type": "html"}, cls=HtmlScraper)
    assert result.jobs == []
    assert "matched nothing" in result.log[0]


def test_follows_a_next_link_that_javascript_builds(chromium, fake_site, http_client):
    url = _kestrel_site(fake_site)
    result = _scrape(url, http_client)
    assert [job.title for job in result.jobs] == [
        "Avionics Engineer",
        "Flight Test Analyst",
        "Composites Technician",
    ]
    assert [request.query for request in fake_site.requests_to("/positions")] == [
        {},
        {"page": "2"},
    ]


def test_reads_descriptions_that_javascript_builds_on_detail_pages(
    chromium, fake_site, http_client
):
    url = _kestrel_site(fake_site, "/positions/avionics-engineer", "/positions/flight-test-analyst")
    config = {"next": "", "description": "section.description"}
    engineer, analyst = _scrape(url, http_client, config).jobs
    assert engineer.description_html == (
        '<section class="description"><p>Certify <b>DO-178C</b> flight software.</p></section>'
    )
    assert "Turn telemetry into test reports." in analyst.description_html


def test_detail_page_that_is_gone_is_noted_and_the_job_kept(chromium, fake_site, http_client):
    url = _kestrel_site(fake_site, "/positions/avionics-engineer")
    config = {"next": "", "description": "section.description"}
    result = _scrape(url, http_client, config)
    assert len(result.jobs) == 2
    assert result.jobs[1].description_html == ""
    assert (
        f'Kept "Flight Test Analyst" without its description: {fake_site.url}'
        "/positions/flight-test-analyst answered 404 Not Found"
    ) in result.log


def test_page_that_does_not_load_is_a_clear_error(chromium, fake_site, http_client):
    url = fake_site.route("/gone", Reply(status=410, body="gone", content_type="text/html"))
    with pytest.raises(FetchError, match=f"^{re.escape(url)} answered 410 Gone$"):
        _scrape(url, http_client)


def test_unreachable_page_is_a_clear_error(chromium, http_client):
    with pytest.raises(FetchError, match=r"did not load: .*ERR_CONNECTION_REFUSED"):
        _scrape(f"http://127.0.0.1:{_closed_port()}/careers", http_client)


def test_chromium_that_does_not_start_is_a_clear_error(settings, fake_site, http_client):
    settings.HUNTER_CHROMIUM = "/nonexistent/chromium"
    url = _kestrel_site(fake_site)
    with pytest.raises(ScrapeError, match=r"^Chromium \(/nonexistent/chromium\) did not start"):
        _scrape(url, http_client)
    assert not fake_site.requests


def test_browser_is_closed_after_a_failed_scrape(chromium, fake_site, http_client):
    before = _browser_processes()
    url = fake_site.route("/gone", Reply(status=404, body="no", content_type="text/html"))
    with pytest.raises(FetchError):
        _scrape(url, http_client)
    assert _no_browser_left(before)


def test_works_when_called_inside_a_running_event_loop(chromium, fake_site, http_client):
    url = _kestrel_site(fake_site)

    async def scan_from_async_code():
        return _scrape(url, http_client, {"next": ""})

    assert len(asyncio.run(scan_from_async_code()).jobs) == 2


def test_config_is_checked_like_the_html_scraper():
    assert config_problems({"type": "browser", "title": "h2"}) == [
        'The "browser" scraper needs an "item" selector: the element that holds one job, '
        'like "li.job".'
    ]


def test_launch_options_use_the_configured_chromium_headless(settings):
    settings.HUNTER_CHROMIUM = "/opt/chromium/chrome"
    options = chromium_launch_options()
    assert options["executable_path"] == "/opt/chromium/chrome"
    assert options["headless"] is True
    assert {"--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"} <= set(options["args"])


def test_launch_options_leave_playwright_its_own_chromium_by_default(settings):
    settings.HUNTER_CHROMIUM = ""
    assert "executable_path" not in chromium_launch_options()
