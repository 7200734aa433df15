from __future__ import annotations

from decimal import Decimal

import pytest

from boards.scrapers.ashby import AshbyScraper
from boards.scrapers.base import ScanLimits, ScrapeError
from boards.scrapers.http import FetchError
from boards.tests.fake_site import Reply, fixture_reply, json_reply

API_PATH = "/posting-api/job-board/Acme%20Robotics"


def _scrape(fake_site, http_client, *replies, config=None, limits=None):
    url = fake_site.route(API_PATH, *replies)
    scraper = AshbyScraper(
        board_url=f"{url}?includeCompensation=true",
        config=config or {"type": "ashby"},
        client=http_client,
        limits=limits,
    )
    return scraper.scrape()


def _jobs(fake_site, http_client):
    return _scrape(fake_site, http_client, fixture_reply("ashby/job-board.json")).jobs


def test_careers_urls_give_the_api_call():
    for url in (
        "https://jobs.ashbyhq.com/acme",
        "https://jobs.ashbyhq.com/acme/3f2b9c1e-8a7d-4e6f-b5a4-0123456789ab",
        "https://jobs.ashbyhq.com/acme/3f2b9c1e-8a7d-4e6f-b5a4-0123456789ab/application",
    ):
        config = AshbyScraper.config_from_url(url)
        assert config == {"type": "ashby", "board": "acme"}, url
        scraper = AshbyScraper(board_url=url, config=config, client=None)
        assert scraper.api_url() == (
            "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true"
        )


def test_board_name_with_spaces_is_kept_readable_and_sent_encoded():
    url = "https://jobs.ashbyhq.com/Acme%20Robotics%20Inc/3f2b9c1e"
    config = AshbyScraper.config_from_url(url)
    assert config == {"type": "ashby", "board": "Acme Robotics Inc"}
    scraper = AshbyScraper(board_url=url, config=config, client=None)
    assert scraper.api_url() == (
        "https://api.ashbyhq.com/posting-api/job-board/Acme%20Robotics%20Inc"
        "?includeCompensation=true"
    )


def test_api_url_is_recognised():
    url = "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true"
    assert AshbyScraper.config_from_url(url) == {"type": "ashby", "board": "acme"}


def test_other_hosts_are_not_ashby():
    assert AshbyScraper.config_from_url("https://jobs.lever.co/acme") is None
    assert AshbyScraper.config_from_url("https://jobs.ashbyhq.com/") is None


def test_api_url_on_another_host_is_used_as_given():
    url = "http://proxy.internal:8080/posting-api/job-board/acme"
    scraper = AshbyScraper(board_url=url, config={"type": "ashby", "board": "acme"}, client=None)
    assert scraper.api_url() == url


def test_given_api_url_is_requested_unchanged(fake_site, http_client):
    _scrape(fake_site, http_client, fixture_reply("ashby/job-board.json"))
    assert fake_site.requests_to(API_PATH)[0].query == {"includeCompensation": "true"}


def test_reads_jobs(fake_site, http_client):
    first, second, _ = _jobs(fake_site, http_client)
    assert first.title == "Senior Backend Engineer, Payments"
    assert first.url == (
        "https://jobs.ashbyhq.com/Acme%20Robotics/3f2b9c1e-8a7d-4e6f-b5a4-0123456789ab"
    )
    assert first.location == "Remote (US); New York"
    assert first.remote is True
    assert first.external_id == "3f2b9c1e-8a7d-4e6f-b5a4-0123456789ab"
    assert first.posted_at.isoformat() == "2026-09-28T17:48:30.120000+00:00"
    assert second.location == "Berlin"
    assert second.remote is False


def test_description_html_keeps_its_entities(fake_site, http_client):
    first = _jobs(fake_site, http_client)[0]
    assert "robots &amp; the software" in first.description_html
    assert "moves &gt;65% of parcels" in first.description_html


def test_missing_optional_fields_are_left_empty(fake_site, http_client):
    second, third = _jobs(fake_site, http_client)[1:]
    assert second.salary_text == ""
    assert second.salary is None
    assert third.url.endswith("/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/application")
    assert third.description_html == ""
    assert third.posted_at is None
    assert third.remote is False


def test_unlisted_jobs_are_left_out(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("ashby/job-board.json"))
    assert "Internal Transfer: Team Lead" not in [job.title for job in result.jobs]
    assert "Left out 1 unlisted Ashby job(s)." in result.log


def test_job_without_title_is_skipped_and_noted(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("ashby/job-board.json"))
    assert len(result.jobs) == 3
    assert "Skipped an Ashby job without a title." in result.log


def test_company_comes_from_the_board_setting(fake_site, http_client):
    config = {"type": "ashby", "company_name": "Acme Robotics"}
    result = _scrape(fake_site, http_client, fixture_reply("ashby/job-board.json"), config=config)
    assert {job.company for job in result.jobs} == {"Acme Robotics"}


def test_compensation_summary_is_the_salary_text(fake_site, http_client):
    first = _jobs(fake_site, http_client)[0]
    assert first.salary_text == "$150K – $185K • Offers Equity"


def test_salary_component_becomes_structured_salary(fake_site, http_client):
    first = _jobs(fake_site, http_client)[0]
    assert first.salary.min == Decimal(150000)
    assert first.salary.max == Decimal(185000)
    assert first.salary.currency == "USD"
    assert first.salary.period == "year"


def test_tier_salary_is_used_when_there_is_no_summary(fake_site, http_client):
    third = _jobs(fake_site, http_client)[2]
    assert third.salary_text == "€60 – €75 per hour"
    assert (third.salary.min, third.salary.max, third.salary.currency) == (60, 75, "EUR")
    assert third.salary.period == "hour"


def test_pay_without_a_recurring_interval_is_no_structured_salary(fake_site, http_client):
    job = {
        "id": "a",
        "title": "Signing bonus",
        "compensation": {
            "summaryComponents": [
                {"compensationType": "Salary", "interval": "NONE", "minValue": 5000,
                 "maxValue": 5000, "currencyCode": "USD"}
            ]
        },
    }  # fmt: skip
    result = _scrape(fake_site, http_client, json_reply({"apiVersion": "1", "jobs": [job]}))
    assert result.jobs[0].salary is None


def test_item_cap_leaves_the_scan_incomplete(fake_site, http_client):
    result = _scrape(
        fake_site,
        http_client,
        fixture_reply("ashby/job-board.json"),
        limits=ScanLimits(max_items=1),
    )
    assert len(result.jobs) == 1
    assert result.complete is False
    assert "Stopped at 1 jobs (max_items)." in result.log


def test_empty_board_gives_no_jobs(fake_site, http_client):
    result = _scrape(fake_site, http_client, json_reply({"apiVersion": "1", "jobs": []}))
    assert result.jobs == []
    assert result.complete is True


def test_server_error_fails_after_retries(fake_site, http_client):
    with pytest.raises(FetchError, match="500"):
        _scrape(fake_site, http_client, Reply(status=500, body="oops", content_type="text/plain"))
    assert len(fake_site.requests_to(API_PATH)) == 3


def test_rate_limit_then_success(fake_site, http_client):
    result = _scrape(
        fake_site,
        http_client,
        json_reply({"error": "rate limited"}, status=429, **{"Retry-After": "0"}),
        fixture_reply("ashby/job-board.json"),
    )
    assert len(result.jobs) == 3


def test_malformed_json_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="did not return valid JSON"):
        _scrape(fake_site, http_client, Reply(body='{"apiVersion": "1", "jobs": [{'))


def test_answer_without_jobs_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="without a list of jobs"):
        _scrape(fake_site, http_client, json_reply({"success": False, "errors": ["not found"]}))


def test_board_setting_must_look_like_a_board_name():
    assert AshbyScraper.validate_config({"type": "ashby", "board": "Acme Robotics"}) == []
    assert AshbyScraper.validate_config({"type": "ashby", "board": "acme/jobs"}) == [
        '"board" must be the job board\'s name in its Ashby URL, like "acme".'
    ]
