from __future__ import annotations

from decimal import Decimal

import pytest

from boards.scrapers.base import ScanLimits, ScrapeError
from boards.scrapers.http import FetchError
from boards.scrapers.recruitee import RecruiteeScraper
from boards.tests.fake_site import Reply, fixture_reply, json_reply
from jobs.salary import Salary

API_PATH = "/api/offers/"


def _scrape(fake_site, http_client, *replies, config=None, limits=None):
    url = fake_site.route(API_PATH, *replies)
    scraper = RecruiteeScraper(
        board_url=url, config=config or {"type": "recruitee"}, client=http_client, limits=limits
    )
    return scraper.scrape()


def _offers(fake_site, http_client, **kwargs):
    return _scrape(fake_site, http_client, fixture_reply("recruitee/offers.json"), **kwargs)


def test_careers_urls_give_the_api_call():
    for url in (
        "https://acme.recruitee.com",
        "https://acme.recruitee.com/o/senior-backend-engineer-python",
        "https://ACME.recruitee.com/api/offers/",
    ):
        config = RecruiteeScraper.config_from_url(url)
        assert config == {"type": "recruitee", "subdomain": "acme"}, url
        scraper = RecruiteeScraper(board_url=url, config=config, client=None)
        assert scraper.api_url() == "https://acme.recruitee.com/api/offers/"


def test_api_url_on_another_host_is_used_as_given():
    url = "https://careers.acme.example/api/offers/?department=engineering"
    scraper = RecruiteeScraper(board_url=url, config={"type": "recruitee"}, client=None)
    assert scraper.api_url() == url


def test_other_hosts_and_recruitees_own_sites_are_not_boards():
    assert RecruiteeScraper.config_from_url("https://jobs.lever.co/acme") is None
    assert RecruiteeScraper.config_from_url("https://app.recruitee.com/login") is None
    assert RecruiteeScraper.config_from_url("https://recruitee.com/") is None


def test_bad_subdomain_is_explained():
    assert RecruiteeScraper.validate_config({"subdomain": "acme.recruitee.com"})
    assert RecruiteeScraper.validate_config({"subdomain": "acme"}) == []


def test_reads_offers(fake_site, http_client):
    result = _offers(fake_site, http_client)
    assert [job.title for job in result.jobs] == [
        "Senior Backend Engineer (Python)",
        "Support Engineer",
        "Office Manager & Assistant",
    ]
    first = result.jobs[0]
    assert first.url == "https://acme.recruitee.com/o/senior-backend-engineer-python"
    assert first.company == "Acme Robotics"
    assert first.location == "Amsterdam, Netherlands"
    assert first.remote is False
    assert first.external_id == "1234501"
    assert first.posted_at.isoformat() == "2026-09-28T13:48:30+00:00"


def test_description_and_requirements_are_joined_keeping_entities(fake_site, http_client):
    description = _offers(fake_site, http_client).jobs[0].description_html
    assert description.startswith("<p>Acme builds warehouse robots &amp; the software")
    assert "You&#39;ll join a team of&nbsp;six." in description
    assert "\n<h3>Requirements</h3>\n<ul><li>5+ years of Python &amp; PostgreSQL" in description


def test_salary_range_becomes_structured_pay(fake_site, http_client):
    salary = _offers(fake_site, http_client).jobs[0].salary
    assert salary == Salary(min=Decimal("65000.0"), max=Decimal("80000.0"), currency="EUR")


def test_salary_with_equal_bounds_is_a_single_figure(fake_site, http_client):
    salary = _offers(fake_site, http_client).jobs[1].salary
    assert salary == Salary(min=Decimal("32.50"), max=None, currency="EUR", period="hour")


def test_salary_of_nulls_means_no_salary(fake_site, http_client):
    assert _offers(fake_site, http_client).jobs[2].salary is None


def test_salary_without_a_known_period_is_left_out(fake_site, http_client):
    offer = {"id": 1, "title": "Welder", "salary": {"min": 3000, "max": 3500, "period": "shift"}}
    result = _scrape(fake_site, http_client, json_reply({"offers": [offer]}))
    assert result.jobs[0].salary is None


def test_missing_optional_fields_fall_back(fake_site, http_client):
    result = _offers(fake_site, http_client, config={"type": "recruitee", "company_name": "Acme"})
    second, third = result.jobs[1:]
    assert second.location == "Lisbon, Portugal"
    assert second.remote is True
    assert second.company == "Acme"
    assert second.description_html == "<p>Help our customers keep their robots running.</p>"
    assert second.posted_at.isoformat() == "2026-10-01T09:00:00+00:00"
    assert third.location == ""
    assert third.description_html == ""
    assert third.posted_at is None


def test_offer_without_title_is_skipped_and_noted(fake_site, http_client):
    result = _offers(fake_site, http_client)
    assert "Skipped a Recruitee offer without a title." in result.log


def test_stops_at_max_items_and_says_so(fake_site, http_client):
    result = _offers(fake_site, http_client, limits=ScanLimits(max_items=2))
    assert len(result.jobs) == 2
    assert result.complete is False
    assert "Stopped at 2 jobs (max_items)." in result.log


def test_empty_board_gives_no_jobs(fake_site, http_client):
    result = _scrape(fake_site, http_client, json_reply({"offers": []}))
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
        json_reply({"error": "Too many requests"}, status=429, **{"Retry-After": "0"}),
        fixture_reply("recruitee/offers.json"),
    )
    assert len(result.jobs) == 3


def test_malformed_json_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="did not return valid JSON"):
        _scrape(fake_site, http_client, Reply(body='{"offers": [{"title": '))


def test_answer_without_offers_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="without a list of offers"):
        _scrape(fake_site, http_client, json_reply({"error": "Not found"}))
