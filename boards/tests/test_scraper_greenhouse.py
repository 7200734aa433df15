from __future__ import annotations

import pytest

from boards.scrapers.base import ScrapeError
from boards.scrapers.greenhouse import GreenhouseScraper
from boards.scrapers.http import FetchError
from boards.tests.fake_site import Reply, fixture_reply, json_reply

API_PATH = "/v1/boards/acme/jobs"


def _scrape(fake_site, http_client, *replies):
    url = fake_site.route(API_PATH, *replies)
    scraper = GreenhouseScraper(
        board_url=f"{url}?content=true", config={"type": "greenhouse"}, client=http_client
    )
    return scraper.scrape()


def test_careers_urls_give_the_api_call():
    for url in (
        "https://boards.greenhouse.io/acme",
        "https://job-boards.greenhouse.io/acme/jobs/123",
        "https://boards.greenhouse.io/embed/job_board?for=acme",
    ):
        config = GreenhouseScraper.config_from_url(url)
        assert config == {"type": "greenhouse", "board_token": "acme"}, url
        scraper = GreenhouseScraper(board_url=url, config=config, client=None)
        assert (
            scraper.api_url() == "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"
        )


def test_api_url_on_another_host_is_used_as_given():
    url = "http://proxy.internal:8080/v1/boards/acme/jobs?content=true"
    scraper = GreenhouseScraper(board_url=url, config={"type": "greenhouse"}, client=None)
    assert scraper.api_url() == url


def test_other_hosts_are_not_greenhouse():
    assert GreenhouseScraper.config_from_url("https://jobs.lever.co/acme") is None


def test_reads_jobs_with_unescaped_html(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("greenhouse/jobs.json"))
    assert [job.title for job in result.jobs] == [
        "Senior Backend Engineer, Payments",
        "Data Analyst",
    ]
    first, second = result.jobs
    assert first.company == "Acme Robotics"
    assert first.location == "Remote (United States)"
    assert first.remote is True
    assert first.external_id == "4011223001"
    assert first.description_html.startswith('<div class="content-intro"><p>Acme builds')
    assert "robots &amp; the software" in first.description_html
    assert first.posted_at.isoformat() == "2026-09-28T13:48:30-04:00"
    assert second.remote is False
    assert second.posted_at.isoformat() == "2026-10-05T11:00:00+00:00"
    assert fake_site.requests_to(API_PATH)[0].query == {"content": "true"}


def test_record_without_title_is_skipped_and_noted(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("greenhouse/jobs.json"))
    assert "Skipped a Greenhouse record without a title." in result.log


def test_company_falls_back_to_the_board_setting(fake_site, http_client):
    url = fake_site.route(API_PATH, fixture_reply("greenhouse/jobs.json"))
    scraper = GreenhouseScraper(
        board_url=url, config={"type": "greenhouse", "company_name": "Acme"}, client=http_client
    )
    assert scraper.scrape().jobs[1].company == "Acme"


def test_empty_board_gives_no_jobs(fake_site, http_client):
    result = _scrape(fake_site, http_client, json_reply({"jobs": [], "meta": {"total": 0}}))
    assert result.jobs == []


def test_server_error_fails_after_retries(fake_site, http_client):
    with pytest.raises(FetchError, match="500"):
        _scrape(fake_site, http_client, Reply(status=500, body="oops", content_type="text/plain"))
    assert len(fake_site.requests_to(API_PATH)) == 3


def test_rate_limit_then_success(fake_site, http_client):
    result = _scrape(
        fake_site,
        http_client,
        json_reply({"error": "slow down"}, status=429, **{"Retry-After": "0"}),
        fixture_reply("greenhouse/jobs.json"),
    )
    assert len(result.jobs) == 2


def test_malformed_json_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="did not return valid JSON"):
        _scrape(fake_site, http_client, Reply(body='{"jobs": [{"title": '))


def test_unknown_board_is_a_clear_error(fake_site, http_client):
    with pytest.raises(FetchError, match="404"):
        _scrape(fake_site, http_client, json_reply({"status": 404, "error": "Job not found"}, 404))
