from __future__ import annotations

import pytest

from boards.scrapers.base import ScanLimits, ScrapeError
from boards.scrapers.http import FetchError
from boards.scrapers.workable import WorkableScraper
from boards.tests.fake_site import Reply, fixture_reply, json_reply

API_PATH = "/api/v1/widget/accounts/acme"
WIDGET_CALL = "https://apply.workable.com/api/v1/widget/accounts/acme?details=true"


def _scrape(fake_site, http_client, *replies, config=None, limits=None):
    url = fake_site.route(API_PATH, *replies)
    scraper = WorkableScraper(
        board_url=f"{url}?details=true",
        config=config or {"type": "workable"},
        client=http_client,
        limits=limits,
    )
    return scraper.scrape()


def _jobs(fake_site, http_client, **kwargs):
    return _scrape(fake_site, http_client, fixture_reply("workable/widget.json"), **kwargs).jobs


def test_careers_urls_give_the_api_call():
    for url in (
        "https://apply.workable.com/acme/",
        "https://apply.workable.com/acme/j/A1B2C3D4E5/",
        "https://apply.workable.com/acme/j/A1B2C3D4E5/apply",
        "https://acme.workable.com/",
        "https://acme.workable.com/jobs/123456",
    ):
        config = WorkableScraper.config_from_url(url)
        assert config == {"type": "workable", "account": "acme"}, url
        scraper = WorkableScraper(board_url=url, config=config, client=None)
        assert scraper.api_url() == WIDGET_CALL, url


def test_api_urls_are_recognised():
    for url in (
        "https://apply.workable.com/api/v1/widget/accounts/acme?details=true",
        "https://apply.workable.com/api/v3/accounts/acme/jobs",
        "https://www.workable.com/api/accounts/acme?details=true",
    ):
        assert WorkableScraper.config_from_url(url) == {"type": "workable", "account": "acme"}, url


def test_widget_api_url_is_used_as_given():
    url = "https://apply.workable.com/api/v1/widget/accounts/acme"
    scraper = WorkableScraper(board_url=url, config={"account": "acme"}, client=None)
    assert scraper.api_url() == url


def test_other_workable_api_urls_give_the_widget_call():
    url = "https://apply.workable.com/api/v3/accounts/acme/jobs"
    scraper = WorkableScraper(board_url=url, config={"account": "acme"}, client=None)
    assert scraper.api_url() == WIDGET_CALL


def test_urls_that_name_no_account_are_not_workable():
    for url in (
        "https://apply.workable.com/j/A1B2C3D4E5",
        "https://www.workable.com/pricing",
        "https://jobs.workable.com/search?query=python",
        "https://jobs.lever.co/acme",
    ):
        assert WorkableScraper.config_from_url(url) is None, url


def test_careers_url_without_an_account_is_a_clear_error():
    scraper = WorkableScraper(
        board_url="https://apply.workable.com/j/A1B2C3D4E5", config={}, client=None
    )
    with pytest.raises(ScrapeError, match="Cannot tell the Workable account"):
        scraper.api_url()


def test_api_url_on_another_host_is_used_as_given():
    url = "http://proxy.internal:8080/api/v1/widget/accounts/acme?details=true"
    scraper = WorkableScraper(board_url=url, config={"account": "acme"}, client=None)
    assert scraper.api_url() == url


def test_given_api_url_is_requested_unchanged(fake_site, http_client):
    _jobs(fake_site, http_client)
    assert fake_site.requests_to(API_PATH)[0].query == {"details": "true"}


def test_reads_jobs(fake_site, http_client):
    first, second, _ = _jobs(fake_site, http_client)
    assert first.title == "Senior Backend Engineer, Payments"
    assert first.url == "https://apply.workable.com/j/A1B2C3D4E5"
    assert first.remote is True
    assert first.external_id == "A1B2C3D4E5"
    assert first.posted_at.isoformat() == "2026-09-28T00:00:00+00:00"
    assert second.location == "Rotterdam, South Holland, Netherlands"
    assert second.remote is False
    assert second.url == "https://apply.workable.com/j/F6G7H8I9J0"
    assert second.posted_at.isoformat() == "2026-10-05T00:00:00+00:00"


def test_company_is_the_account_name(fake_site, http_client):
    jobs = _jobs(fake_site, http_client, config={"type": "workable", "company_name": "Acme"})
    assert {job.company for job in jobs} == {"Acme Robotics"}


def test_job_listed_once_per_location_is_one_job(fake_site, http_client):
    first = _jobs(fake_site, http_client)[0]
    assert first.location == "Berlin, Germany; Lisbon, Portugal"


def test_hidden_locations_are_left_out(fake_site, http_client):
    first = _jobs(fake_site, http_client)[0]
    assert "Poland" not in first.location


def test_description_joins_requirements_and_benefits(fake_site, http_client):
    first = _jobs(fake_site, http_client)[0]
    assert first.description_html == (
        "<p>Design our Python &amp; Postgres payment services.</p>"
        "<p>You&#39;ll work with &lt;3 people.</p>\n"
        "<h3>Requirements</h3>\n<ul><li>5+ years of Python</li></ul>\n"
        "<h3>Benefits</h3>\n<ul><li>30 days&nbsp;off</li></ul>"
    )


def test_missing_optional_fields_are_left_empty(fake_site, http_client):
    bare = _jobs(fake_site, http_client)[2]
    assert bare.title == "Office Manager"
    assert bare.url == ""
    assert bare.location == ""
    assert bare.description_html == ""
    assert bare.posted_at is None
    assert bare.remote is False


def test_job_without_a_link_gets_its_careers_page(fake_site, http_client):
    bare = _jobs(fake_site, http_client, config={"type": "workable", "account": "acme"})[2]
    assert bare.url == "https://apply.workable.com/acme/j/K1L2M3N4O5/"


def test_job_without_title_is_skipped_and_noted(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("workable/widget.json"))
    assert len(result.jobs) == 3
    assert "Skipped a Workable job without a title." in result.log


def test_item_cap_leaves_the_scan_incomplete(fake_site, http_client):
    result = _scrape(
        fake_site,
        http_client,
        fixture_reply("workable/widget.json"),
        limits=ScanLimits(max_items=2),
    )
    assert len(result.jobs) == 2
    assert result.complete is False
    assert "Stopped at 2 jobs (max_items)." in result.log


def test_empty_board_gives_no_jobs(fake_site, http_client):
    result = _scrape(fake_site, http_client, json_reply({"name": "Acme", "jobs": []}))
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
        Reply(status=429, body="Too Many Requests", content_type="text/plain",
              headers={"Retry-After": "0"}),
        fixture_reply("workable/widget.json"),
    )  # fmt: skip
    assert len(result.jobs) == 3


def test_malformed_json_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="did not return valid JSON"):
        _scrape(fake_site, http_client, Reply(body='{"name": "Acme", "jobs": [{"title'))


def test_answer_without_jobs_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="without a list of jobs"):
        _scrape(fake_site, http_client, json_reply({"error": "Not found"}))


def test_unknown_account_is_a_clear_error(fake_site, http_client):
    with pytest.raises(FetchError, match="404"):
        _scrape(fake_site, http_client, json_reply({"error": "Not found"}, 404))


def test_account_setting_must_look_like_an_account_name():
    assert WorkableScraper.validate_config({"type": "workable", "account": "acme-labs"}) == []
    assert WorkableScraper.validate_config({"type": "workable", "account": "acme labs"}) == [
        '"account" must be the company\'s name in its Workable URL, like "acme".'
    ]
