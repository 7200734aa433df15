from __future__ import annotations

import pytest

from boards.scrapers.base import ScrapeError
from boards.scrapers.http import FetchError
from boards.scrapers.remotive import RemotiveScraper
from boards.tests.fake_site import Reply, fixture_reply, json_reply

API_PATH = "/api/remote-jobs"


def _scrape(fake_site, http_client, *replies, **config):
    url = fake_site.route(API_PATH, *replies)
    scraper = RemotiveScraper(
        board_url=url, config={"type": "remotive", **config}, client=http_client
    )
    return scraper.scrape()


def test_home_page_gives_the_api_call():
    config = RemotiveScraper.config_from_url("https://remotive.com/")
    assert config == {"type": "remotive"}
    scraper = RemotiveScraper(board_url="https://remotive.com/", config=config, client=None)
    assert scraper.api_url() == "https://remotive.com/api/remote-jobs"


def test_category_page_gives_the_api_call_for_its_category():
    for url in (
        "https://remotive.com/remote-jobs/software-dev",
        "https://www.remotive.com/remote-jobs/software-dev/senior-backend-engineer-2091234",
    ):
        config = RemotiveScraper.config_from_url(url)
        assert config == {"type": "remotive", "category": "software-dev"}, url
        scraper = RemotiveScraper(board_url=url, config=config, client=None)
        assert scraper.api_url() == "https://remotive.com/api/remote-jobs?category=software-dev"


def test_search_in_the_config_is_sent_to_the_api():
    config = {"type": "remotive", "category": "devops", "search": "site reliability"}
    scraper = RemotiveScraper(board_url="https://remotive.com", config=config, client=None)
    assert scraper.api_url() == (
        "https://remotive.com/api/remote-jobs?category=devops&search=site+reliability"
    )


def test_api_url_on_another_host_is_used_as_given():
    url = "http://proxy.internal:8080/api/remote-jobs?category=qa"
    scraper = RemotiveScraper(board_url=url, config={"type": "remotive"}, client=None)
    assert scraper.api_url() == url


def test_other_hosts_are_not_remotive():
    assert RemotiveScraper.config_from_url("https://remoteok.com/remote-python-jobs") is None


def test_category_must_be_a_remotive_slug():
    assert RemotiveScraper.validate_config({"type": "remotive", "category": "software-dev"}) == []
    assert RemotiveScraper.validate_config({"type": "remotive", "category": "Software Dev"})


def test_reads_jobs_with_entities_in_plain_text_and_html_kept(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("remotive/remote-jobs.json"))
    job = result.jobs[0]
    assert job.title == "Senior Backend Engineer (Python & Go)"
    assert job.company == "Initech & Sons"
    assert job.location == "Europe, UK"
    assert job.url == (
        "https://remotive.com/remote-jobs/software-dev/senior-backend-engineer-python-2091234"
    )
    assert job.external_id == "2091234"
    assert job.salary_text == "$120k - $150k"
    assert job.salary is None
    assert "We&#39;re a small team building billing software&nbsp;&mdash;" in job.description_html


def test_publication_date_without_zone_is_utc(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("remotive/remote-jobs.json"))
    assert result.jobs[0].posted_at.isoformat() == "2026-09-21T14:05:33+00:00"


def test_every_job_is_remote(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("remotive/remote-jobs.json"))
    assert [job.remote for job in result.jobs] == [True, True]


def test_missing_optional_fields_are_left_empty(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("remotive/remote-jobs.json"))
    job = result.jobs[1]
    assert job.title == "Junior Frontend Developer"
    assert job.description_html == ""
    assert job.location == ""
    assert job.salary_text == ""


def test_record_without_title_is_skipped_and_noted(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("remotive/remote-jobs.json"))
    assert len(result.jobs) == 2
    assert "Skipped a Remotive record without a title." in result.log


def test_empty_feed_gives_no_jobs(fake_site, http_client):
    result = _scrape(fake_site, http_client, json_reply({"job-count": 0, "jobs": []}))
    assert result.jobs == []
    assert result.complete is True


def test_max_items_stops_the_scan_and_says_so(fake_site, http_client):
    result = _scrape(
        fake_site, http_client, fixture_reply("remotive/remote-jobs.json"), max_items=1
    )
    assert len(result.jobs) == 1
    assert result.complete is False
    assert "Stopped at 1 jobs (max_items)." in result.log


def test_server_error_fails_after_retries(fake_site, http_client):
    with pytest.raises(FetchError, match="500"):
        _scrape(fake_site, http_client, Reply(status=500, body="oops", content_type="text/plain"))
    assert len(fake_site.requests_to(API_PATH)) == 3


def test_rate_limit_then_success(fake_site, http_client):
    result = _scrape(
        fake_site,
        http_client,
        json_reply({"error": "slow down"}, status=429, **{"Retry-After": "0"}),
        fixture_reply("remotive/remote-jobs.json"),
    )
    assert len(result.jobs) == 2


def test_malformed_json_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="did not return valid JSON"):
        _scrape(fake_site, http_client, Reply(body='{"jobs": [{"title": '))


def test_answer_without_jobs_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="without a list of jobs"):
        _scrape(fake_site, http_client, json_reply({"error": "Too many requests"}))
