from __future__ import annotations

from decimal import Decimal

import pytest

from boards.scrapers.base import ScanLimits, ScrapeError
from boards.scrapers.http import FetchError
from boards.scrapers.lever import LeverScraper
from boards.tests.fake_site import Reply, fixture_reply, json_reply

API_PATH = "/v0/postings/acme"


def _scraper(fake_site, http_client, *replies, limits=None, config=None):
    url = fake_site.route(API_PATH, *replies)
    return LeverScraper(
        board_url=f"{url}?mode=json",
        config=config or {"type": "lever"},
        client=http_client,
        limits=limits,
    )


def _scrape(fake_site, http_client, *replies, **kwargs):
    return _scraper(fake_site, http_client, *replies, **kwargs).scrape()


def _board_of(total):
    """A board of `total` postings that pages like Lever: `skip` and `limit`."""

    def answer(request):
        skip, limit = int(request.query["skip"]), int(request.query["limit"])
        return json_reply(
            [
                {
                    "id": f"id-{n}",
                    "text": f"Job {n}",
                    "hostedUrl": f"https://jobs.lever.co/acme/{n}",
                }
                for n in range(skip, min(skip + limit, total))
            ]
        )

    return answer


def test_careers_urls_give_the_api_call():
    for url in (
        "https://jobs.lever.co/acme",
        "https://jobs.lever.co/acme/5f0c2a4e-9d1b-4c3a-8e7f-112233445566",
        "https://jobs.lever.co/acme/5f0c2a4e-9d1b-4c3a-8e7f-112233445566/apply",
    ):
        config = LeverScraper.config_from_url(url)
        assert config == {"type": "lever", "site": "acme"}, url
        scraper = LeverScraper(board_url=url, config=config, client=None)
        assert scraper.api_url() == "https://api.lever.co/v0/postings/acme?mode=json"


def test_eu_careers_url_gives_the_eu_api_call():
    url = "https://jobs.eu.lever.co/acme/"
    config = LeverScraper.config_from_url(url)
    scraper = LeverScraper(board_url=url, config=config, client=None)
    assert scraper.api_url() == "https://api.eu.lever.co/v0/postings/acme?mode=json"


def test_api_urls_are_recognised():
    for url in (
        "https://api.lever.co/v0/postings/acme?mode=json",
        "https://api.eu.lever.co/v0/postings/acme",
    ):
        assert LeverScraper.config_from_url(url) == {"type": "lever", "site": "acme"}, url


def test_other_hosts_are_not_lever():
    assert LeverScraper.config_from_url("https://boards.greenhouse.io/acme") is None
    assert LeverScraper.config_from_url("https://api.lever.co/v1/opportunities") is None


def test_careers_url_without_config_still_finds_the_site():
    scraper = LeverScraper(board_url="https://jobs.lever.co/acme", config={}, client=None)
    assert scraper.api_url() == "https://api.lever.co/v0/postings/acme?mode=json"


def test_api_url_on_another_host_is_used_as_given():
    url = "http://proxy.internal:8080/v0/postings/acme?mode=json"
    scraper = LeverScraper(board_url=url, config={"type": "lever", "site": "acme"}, client=None)
    assert scraper.api_url() == url


def test_paging_params_are_added_to_the_given_url(fake_site, http_client):
    _scrape(fake_site, http_client, fixture_reply("lever/postings.json"))
    request = fake_site.requests_to(API_PATH)[0]
    assert request.query == {"mode": "json", "skip": "0", "limit": "100"}
    assert request.headers["accept"] == "application/json"


def test_reads_postings(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("lever/postings.json"))
    assert [job.title for job in result.jobs] == [
        "Senior Backend Engineer, Payments",
        "Robot Technician",
        "Office Manager",
    ]
    first, second, _ = result.jobs
    assert first.url == "https://jobs.lever.co/acme/5f0c2a4e-9d1b-4c3a-8e7f-112233445566"
    assert first.location == "Remote - US; New York, NY"
    assert first.remote is True
    assert first.external_id == "5f0c2a4e-9d1b-4c3a-8e7f-112233445566"
    assert first.posted_at.isoformat() == "2024-09-28T17:48:30+00:00"
    assert first.salary_text == "Base pay for US candidates."
    assert second.location == "Berlin, Germany"
    assert second.remote is False


def test_description_joins_lists_and_closing_text(fake_site, http_client):
    first = _scrape(fake_site, http_client, fixture_reply("lever/postings.json")).jobs[0]
    assert first.description_html == (
        "<div>Acme builds warehouse robots &amp; the software that runs them.</div>"
        "<div>&nbsp;</div><div>You&rsquo;ll own our payment services.</div>\n"
        "<h3>What you'll do</h3>\n"
        "<ul><li>Design Python &amp; Postgres services</li>\n<li>Review code</li></ul>\n"
        "<h3>R&amp;D experience &lt;nice to have&gt;</h3>\n"
        "<ul><li>Robotics</li></ul>\n"
        "<div><b>Pay &amp; benefits</b></div><div>The range below is for US candidates.</div>"
    )


def test_missing_optional_fields_are_left_empty(fake_site, http_client):
    bare = _scrape(fake_site, http_client, fixture_reply("lever/postings.json")).jobs[2]
    assert bare.url == "https://jobs.lever.co/acme/0e1f2a3b-4c5d-4e6f-9a0b-ccddeeff0011/apply"
    assert bare.location == ""
    assert bare.description_html == ""
    assert bare.posted_at is None
    assert bare.remote is False


def test_posting_without_title_is_skipped_and_noted(fake_site, http_client):
    result = _scrape(fake_site, http_client, fixture_reply("lever/postings.json"))
    assert "Skipped a Lever posting without a title." in result.log


def test_company_comes_from_the_board_setting(fake_site, http_client):
    config = {"type": "lever", "company_name": "Acme Robotics"}
    result = _scrape(fake_site, http_client, fixture_reply("lever/postings.json"), config=config)
    assert {job.company for job in result.jobs} == {"Acme Robotics"}


def test_salary_range_becomes_structured_salary(fake_site, http_client):
    first = _scrape(fake_site, http_client, fixture_reply("lever/postings.json")).jobs[0]
    assert first.salary.min == Decimal(150000)
    assert first.salary.max == Decimal(185000)
    assert first.salary.currency == "USD"
    assert first.salary.period == "year"


def test_hourly_salary_range_keeps_its_period(fake_site, http_client):
    second = _scrape(fake_site, http_client, fixture_reply("lever/postings.json")).jobs[1]
    assert second.salary.min == Decimal("21.5")
    assert second.salary.max == Decimal(24)
    assert second.salary.period == "hour"


def test_biweekly_salary_is_counted_per_week(fake_site, http_client):
    posting = {
        "id": "a",
        "text": "Driver",
        "salaryRange": {"currency": "USD", "interval": "bi-week-salary", "min": 3000, "max": 3400},
    }
    job = _scrape(fake_site, http_client, json_reply([posting])).jobs[0]
    assert (job.salary.min, job.salary.max, job.salary.period) == (1500, 1700, "week")


def test_one_time_pay_is_no_structured_salary(fake_site, http_client):
    bare = _scrape(fake_site, http_client, fixture_reply("lever/postings.json")).jobs[2]
    assert bare.salary is None


def test_pages_until_a_page_is_not_full(fake_site, http_client):
    result = _scrape(fake_site, http_client, _board_of(230))
    assert len(result.jobs) == 230
    assert result.complete is True
    skips = [request.query["skip"] for request in fake_site.requests_to(API_PATH)]
    assert skips == ["0", "100", "200"]


def test_full_last_page_asks_once_more(fake_site, http_client):
    result = _scrape(fake_site, http_client, _board_of(200))
    assert len(result.jobs) == 200
    assert result.complete is True
    assert len(fake_site.requests_to(API_PATH)) == 3


def test_page_cap_leaves_the_scan_incomplete(fake_site, http_client):
    result = _scrape(fake_site, http_client, _board_of(500), limits=ScanLimits(max_pages=2))
    assert len(result.jobs) == 200
    assert result.complete is False
    assert "Stopped after 2 pages (max_pages); the board has more." in result.log
    assert len(fake_site.requests_to(API_PATH)) == 2


def test_item_cap_leaves_the_scan_incomplete(fake_site, http_client):
    result = _scrape(fake_site, http_client, _board_of(500), limits=ScanLimits(max_items=150))
    assert len(result.jobs) == 150
    assert result.complete is False
    assert "Stopped at 150 jobs (max_items)." in result.log


def test_server_that_ignores_skip_does_not_loop(fake_site, http_client):
    same_page = json_reply([{"id": f"id-{n}", "text": f"Job {n}"} for n in range(100)])
    result = _scrape(fake_site, http_client, same_page)
    assert len(result.jobs) == 100
    assert result.complete is False
    assert "Lever sent the same postings again on page 2." in result.log


def test_empty_board_gives_no_jobs(fake_site, http_client):
    result = _scrape(fake_site, http_client, json_reply([]))
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
        json_reply({"ok": False, "error": "Too many requests"}, status=429, **{"Retry-After": "0"}),
        fixture_reply("lever/postings.json"),
    )
    assert len(result.jobs) == 3


def test_malformed_json_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="did not return valid JSON"):
        _scrape(fake_site, http_client, Reply(body='[{"text": '))


def test_answer_that_is_not_a_list_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="without a list of postings"):
        _scrape(fake_site, http_client, json_reply({"ok": False, "error": "Document not found"}))


def test_unknown_site_is_a_clear_error(fake_site, http_client):
    with pytest.raises(FetchError, match="404"):
        _scrape(fake_site, http_client, json_reply({"ok": False, "error": "Not found"}, 404))


def test_site_setting_must_look_like_a_site_name():
    assert LeverScraper.validate_config({"type": "lever", "site": "acme-robotics"}) == []
    assert LeverScraper.validate_config({"type": "lever", "site": "acme/jobs"}) == [
        '"site" must be the company\'s name in its Lever URL, like "acme".'
    ]
