from __future__ import annotations

from decimal import Decimal

import pytest

from boards.scrapers.base import ScrapeError
from boards.scrapers.http import FetchError
from boards.scrapers.remoteok import RemoteOkScraper
from boards.tests.fake_site import Reply, fixture_reply, json_reply
from jobs.salary import Salary

API_PATH = "/api"


def _scrape(fake_site, http_client, *replies, **config):
    url = fake_site.route(API_PATH, *replies)
    scraper = RemoteOkScraper(
        board_url=url, config={"type": "remoteok", **config}, client=http_client
    )
    return scraper.scrape()


def _jobs_by_title(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("remoteok/api.json"))
    return {job.title: job for job in result.jobs}


def test_careers_urls_give_the_api_call():
    for url in ("https://remoteok.com", "https://remoteok.io/", "https://www.remoteok.com/"):
        config = RemoteOkScraper.config_from_url(url)
        assert config == {"type": "remoteok"}, url
        scraper = RemoteOkScraper(board_url=url, config=config, client=None)
        assert scraper.api_url() == "https://remoteok.com/api"


def test_tag_page_gives_the_api_call_for_its_tag():
    url = "https://remoteok.com/remote-python-jobs"
    config = RemoteOkScraper.config_from_url(url)
    assert config == {"type": "remoteok", "tag": "python"}
    scraper = RemoteOkScraper(board_url=url, config=config, client=None)
    assert scraper.api_url() == "https://remoteok.com/api?tag=python"


def test_api_url_on_another_host_is_used_as_given():
    url = "http://proxy.internal:8080/api?tag=golang"
    scraper = RemoteOkScraper(board_url=url, config={"type": "remoteok"}, client=None)
    assert scraper.api_url() == url


def test_other_hosts_are_not_remoteok():
    assert RemoteOkScraper.config_from_url("https://remotive.com/remote-jobs") is None


def test_tag_must_be_a_remoteok_tag():
    assert RemoteOkScraper.validate_config({"type": "remoteok", "tag": "python"}) == []
    assert RemoteOkScraper.validate_config({"type": "remoteok", "tag": "Python jobs"})


def test_legal_notice_is_not_taken_for_a_job(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("remoteok/api.json"))
    assert len(result.jobs) == 4
    assert not any("API Terms" in job.description_html for job in result.jobs)


def test_reads_jobs_with_entities_in_the_title_and_html_kept(fake_site, http_client):
    job = _jobs_by_title(fake_site, http_client)["Senior Python & Django Engineer"]
    assert job.company == "Acme Robotics"
    assert job.location == "Remote, United States"
    assert job.url.endswith("/remote-senior-python-django-engineer-acme-robotics-1200101")
    assert job.external_id == "1200101"
    assert job.posted_at.isoformat() == "2026-09-20T10:00:00+00:00"
    assert job.description_html.startswith("<p>Acme builds warehouse robots &amp; the software")
    assert "Django&nbsp;API" in job.description_html


def test_every_job_is_remote(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("remoteok/api.json"))
    assert all(job.remote for job in result.jobs)


def test_text_decoded_twice_by_remoteok_is_repaired(fake_site, http_client):
    job = _jobs_by_title(fake_site, http_client)["Recruiting Coordinator"]
    assert job.company == "Zócalo Health"
    assert job.location == "Gdańsk"
    assert "What You’ll Do" in job.description_html
    assert "interviews – across" in job.description_html


def test_missing_optional_fields_are_left_empty_or_taken_from_fallbacks(fake_site, http_client):
    job = _jobs_by_title(fake_site, http_client)["Support Engineer"]
    assert job.url.endswith("/remote-support-engineer-northwind-1200103")  # apply_url
    assert job.posted_at.isoformat() == "2026-09-18T10:00:00+00:00"  # epoch
    assert job.description_html == ""
    assert job.location == ""
    assert job.salary is None


def test_salary_range_is_structured_yearly_usd(fake_site, http_client):
    job = _jobs_by_title(fake_site, http_client)["Senior Python & Django Engineer"]
    assert job.salary == Salary(
        min=Decimal(120000), max=Decimal(150000), currency="USD", period="year"
    )


def test_equal_salary_figures_are_a_single_figure(fake_site, http_client):
    job = _jobs_by_title(fake_site, http_client)["Data Analyst"]
    assert job.salary == Salary(min=Decimal(90000), max=None, currency="USD", period="year")


def test_salary_figures_too_small_for_a_year_are_hourly(fake_site, http_client):
    job = _jobs_by_title(fake_site, http_client)["Recruiting Coordinator"]
    assert job.salary == Salary(min=Decimal(25), max=Decimal(27), currency="USD", period="hour")


def test_zero_salary_means_unknown(fake_site, http_client):
    result = _scrape(
        fake_site,
        http_client,
        json_reply([{"id": "1", "position": "Tester", "salary_min": 0, "salary_max": 0}]),
    )
    assert result.jobs[0].salary is None


def test_record_without_position_is_skipped_and_noted(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("remoteok/api.json"))
    assert "Skipped a Remote OK record without a title." in result.log
    assert "1200104" not in [job.external_id for job in result.jobs]


def test_feed_with_only_the_legal_notice_gives_no_jobs(fake_site, http_client):
    result = _scrape(fake_site, http_client, json_reply([{"last_updated": 1, "legal": "Terms"}]))
    assert result.jobs == []
    assert result.log == []
    assert result.complete is True


def test_max_items_stops_the_scan_and_says_so(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("remoteok/api.json"), max_items=2)
    assert len(result.jobs) == 2
    assert result.complete is False
    assert "Stopped at 2 jobs (max_items)." in result.log


def test_server_error_fails_after_retries(fake_site, http_client):
    with pytest.raises(FetchError, match="500"):
        _scrape(fake_site, http_client, Reply(status=500, body="oops", content_type="text/plain"))
    assert len(fake_site.requests_to(API_PATH)) == 3


def test_rate_limit_then_success(fake_site, http_client):
    result = _scrape(
        fake_site,
        http_client,
        json_reply({"error": "slow down"}, status=429, **{"Retry-After": "0"}),
        fixture_reply("remoteok/api.json"),
    )
    assert len(result.jobs) == 4


def test_malformed_json_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="did not return valid JSON"):
        _scrape(fake_site, http_client, Reply(body='[{"legal": "Terms"}, {"position": '))


def test_answer_that_is_not_a_list_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="without a list of jobs"):
        _scrape(fake_site, http_client, json_reply({"error": "blocked"}))
