from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from boards.scrapers.base import ScanLimits, ScrapeError
from boards.scrapers.http import FetchError
from boards.scrapers.workday import WorkdayScraper
from boards.tests.fake_site import Reply, fixture_reply, json_reply

BASE = "/wday/cxs/acme/External"
JOBS_PATH = f"{BASE}/jobs"
FIRST = "/job/Berlin-Germany/Senior-Python-Engineer_R-10234"
SECOND = "/job/US-Remote/Site-Reliability-Engineer---Platform--Tools_R-10240-1"
THIRD = "/job/Austin-TX/Warehouse-Robotics-Technician_R-10177"


def _scraper(fake_site, http_client, *replies, config=None, limits=None):
    url = fake_site.route(JOBS_PATH, *replies, method="POST")
    return WorkdayScraper(
        board_url=url,
        config=config or {"type": "workday", "locale": "en-US"},
        client=http_client,
        limits=limits,
    )


def _route_details(fake_site, **overrides):
    for path, name in ((FIRST, "R-10234"), (SECOND, "R-10240"), (THIRD, "R-10177")):
        fake_site.route(
            BASE + path, overrides.get(name) or fixture_reply(f"workday/job_{name}.json")
        )


def _fixture_scrape(fake_site, http_client, **kwargs):
    _route_details(fake_site)
    return _scraper(fake_site, http_client, fixture_reply("workday/jobs.json"), **kwargs).scrape()


def _paged_board(total):
    """A handler answering like Workday: `total` postings, counted on the first page only."""

    def answer(request):
        body = request.json()
        offset, limit = body["offset"], body["limit"]
        postings = [
            {"title": f"Job {n}", "externalPath": f"/job/Berlin/Job-{n}_R-{n}", "bulletFields": []}
            for n in range(offset, min(offset + limit, total))
        ]
        return json_reply({"total": total if offset == 0 else 0, "jobPostings": postings})

    return answer


def _days_ago(days):
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today - timedelta(days=days)


def test_careers_urls_give_the_api_call():
    api = "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs"
    for url, locale in (
        ("https://acme.wd5.myworkdayjobs.com/External", None),
        ("https://acme.wd5.myworkdayjobs.com/en-US/External", "en-US"),
        (f"https://acme.wd5.myworkdayjobs.com/de-DE/External{FIRST}", "de-DE"),
    ):
        config = WorkdayScraper.config_from_url(url)
        expected = {"type": "workday", "tenant": "acme", "site": "External"}
        assert config == (expected | {"locale": locale} if locale else expected), url
        assert WorkdayScraper(board_url=url, config=config, client=None).api_url() == api


def test_job_urls_follow_the_careers_url():
    for url, job_url in (
        ("https://acme.wd5.myworkdayjobs.com/External", f"https://acme.wd5.myworkdayjobs.com/External{FIRST}"),
        ("https://acme.wd5.myworkdayjobs.com/en-US/External", f"https://acme.wd5.myworkdayjobs.com/en-US/External{FIRST}"),
    ):  # fmt: skip
        config = WorkdayScraper.config_from_url(url)
        assert WorkdayScraper(board_url=url, config=config, client=None).job_url(FIRST) == job_url


def test_career_sites_on_the_shared_workday_host_name_their_tenant_in_the_path():
    api = "https://wd3.myworkdaysite.com/wday/cxs/acme/Careers/jobs"
    for url, locale in (
        ("https://wd3.myworkdaysite.com/recruiting/acme/Careers", None),
        ("https://wd3.myworkdaysite.com/en-US/recruiting/acme/Careers", "en-US"),
        (f"https://wd3.myworkdaysite.com/recruiting/acme/Careers{FIRST}", None),
    ):
        config = WorkdayScraper.config_from_url(url)
        expected = {"type": "workday", "tenant": "acme", "site": "Careers"}
        assert config == (expected | {"locale": locale} if locale else expected), url
        scraper = WorkdayScraper(board_url=url, config=config, client=None)
        assert scraper.api_url() == api
        prefix = "/en-US" if locale else ""
        assert scraper.job_url(FIRST) == (
            f"https://wd3.myworkdaysite.com{prefix}/recruiting/acme/Careers{FIRST}"
        )
    cxs = WorkdayScraper(board_url=api, config={"type": "workday"}, client=None)
    assert cxs.job_url(FIRST) == f"https://wd3.myworkdaysite.com/recruiting/acme/Careers{FIRST}"
    assert WorkdayScraper.config_from_url("https://wd3.myworkdaysite.com/en-US/acme") is None


def test_cxs_url_is_used_as_given_whatever_its_host():
    for url in (
        "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs",
        "http://proxy.internal:8080/wday/cxs/acme/External/jobs",
    ):
        scraper = WorkdayScraper(board_url=url, config={"type": "workday"}, client=None)
        assert scraper.api_url() == url
        assert scraper.detail_url(FIRST) == url.removesuffix("/jobs") + FIRST
    assert WorkdayScraper.config_from_url(
        "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs"
    ) == {"type": "workday", "tenant": "acme", "site": "External"}


def test_other_hosts_and_urls_without_a_site_are_not_workday():
    assert WorkdayScraper.config_from_url("https://jobs.lever.co/acme") is None
    assert WorkdayScraper.config_from_url("https://acme.wd5.myworkdayjobs.com/") is None
    assert WorkdayScraper.config_from_url("https://acme.wd5.myworkdayjobs.com/en-US") is None


def test_bad_config_is_explained():
    problems = WorkdayScraper.validate_config(
        {"tenant": "acme corp", "site": "External", "locale": "english", "search_text": 3}
    )
    assert len(problems) == 3
    assert '"tenant"' in problems[0]
    valid = {"tenant": "acme", "site": "External", "locale": "en-US", "search_text": "python"}
    assert WorkdayScraper.validate_config(valid) == []


def test_reads_postings_with_their_details(fake_site, http_client):
    result = _fixture_scrape(fake_site, http_client)
    assert [job.title for job in result.jobs] == [
        "Senior Python Engineer",
        "Site Reliability Engineer – Platform & Tools",
        "Warehouse Robotics Technician",
    ]
    first = result.jobs[0]
    assert first.url == f"{fake_site.url}/en-US/External{FIRST}"
    assert first.company == "Acme Robotics GmbH"
    assert first.location == "Berlin, Germany; Munich, Germany"
    assert first.remote is False
    assert first.external_id == "R-10234"
    assert first.posted_at.isoformat() == "2026-10-05T00:00:00+00:00"
    assert result.log == ["Skipped a Workday posting without a title or path."]
    assert result.complete is True


def test_description_keeps_its_html_entities(fake_site, http_client):
    description = _fixture_scrape(fake_site, http_client).jobs[0].description_html
    assert description.startswith("<p><b>About Acme</b></p><p>We build warehouse robots &amp;")
    assert "Python&nbsp;services" in description
    assert "latency &lt; 200 ms" in description


def test_missing_optional_fields_fall_back(fake_site, http_client):
    config = {"type": "workday", "company_name": "Acme"}
    second, third = _fixture_scrape(fake_site, http_client, config=config).jobs[1:]
    assert second.company == "Acme"
    assert second.remote is True
    assert second.external_id == "R-10240"
    assert third.location == "Austin, TX"
    assert third.posted_at == _days_ago(30)
    assert third.external_id == THIRD
    assert third.url == f"{fake_site.url}/External{THIRD}"


def test_failed_detail_keeps_the_posting_and_notes_it(fake_site, http_client):
    _route_details(
        fake_site, **{"R-10234": Reply(status=500, body="oops", content_type="text/plain")}
    )
    result = _scraper(fake_site, http_client, fixture_reply("workday/jobs.json")).scrape()
    first = result.jobs[0]
    assert first.title == "Senior Python Engineer"
    assert first.location == "2 Locations"
    assert first.description_html == ""
    assert first.posted_at == _days_ago(0)
    assert first.external_id == "R-10234"
    assert any("Senior Python Engineer" in line and "500" in line for line in result.log)
    assert len(fake_site.requests_to(BASE + FIRST)) == 3
    assert result.jobs[1].description_html.startswith("<p>Keep our fleet online")


def test_posted_on_gives_approximate_dates(fake_site, http_client):
    postings = [
        {"title": f"Job {n}", "externalPath": f"/job/X/Job-{n}", "postedOn": posted}
        for n, posted in enumerate(
            ["Posted Today", "Posted Yesterday", "Posted 3 Days Ago", "Posted 30+ Days Ago", ""]
        )
    ]
    reply = json_reply({"total": 5, "jobPostings": postings})
    result = _scraper(fake_site, http_client, reply).scrape()  # every detail answers 404
    assert [job.posted_at for job in result.jobs] == [
        _days_ago(0),
        _days_ago(1),
        _days_ago(3),
        _days_ago(30),
        None,
    ]


def test_asks_for_twenty_postings_from_the_offset(fake_site, http_client):
    config = {"type": "workday", "search_text": "python"}
    _scraper(fake_site, http_client, _paged_board(0), config=config).scrape()
    assert fake_site.requests_to(JOBS_PATH)[0].json() == {
        "appliedFacets": {},
        "limit": 20,
        "offset": 0,
        "searchText": "python",
    }


def test_pages_through_with_the_first_pages_total(fake_site, http_client):
    result = _scraper(fake_site, http_client, _paged_board(45)).scrape()
    assert len(result.jobs) == 45
    offsets = [request.json()["offset"] for request in fake_site.requests_to(JOBS_PATH)]
    assert offsets == [0, 20, 40]
    assert result.complete is True


def test_stops_at_max_pages_and_says_so(fake_site, http_client):
    limits = ScanLimits(max_pages=2, max_items=2000)
    result = _scraper(fake_site, http_client, _paged_board(100), limits=limits).scrape()
    assert len(result.jobs) == 40
    assert result.complete is False
    assert "Stopped after 2 pages (max_pages)." in result.log


def test_stops_at_max_items_and_says_so(fake_site, http_client):
    limits = ScanLimits(max_pages=50, max_items=30)
    result = _scraper(fake_site, http_client, _paged_board(100), limits=limits).scrape()
    assert len(result.jobs) == 30
    assert len(fake_site.requests_to(JOBS_PATH)) == 2
    assert result.complete is False
    assert "Stopped at 30 jobs (max_items)." in result.log


def test_empty_board_gives_no_jobs(fake_site, http_client):
    empty = json_reply({"total": 0, "jobPostings": [], "facets": [], "userAuthenticated": False})
    result = _scraper(fake_site, http_client, empty).scrape()
    assert result.jobs == []
    assert result.complete is True


def test_server_error_fails_after_retries(fake_site, http_client):
    scraper = _scraper(
        fake_site, http_client, Reply(status=500, body="oops", content_type="text/plain")
    )
    with pytest.raises(FetchError, match="500"):
        scraper.scrape()
    assert len(fake_site.requests_to(JOBS_PATH)) == 3


def test_rate_limit_then_success(fake_site, http_client):
    _route_details(fake_site)
    result = _scraper(
        fake_site,
        http_client,
        json_reply({"errorCode": "TOO_MANY_REQUESTS"}, status=429, **{"Retry-After": "0"}),
        fixture_reply("workday/jobs.json"),
    ).scrape()
    assert len(result.jobs) == 3


def test_malformed_json_is_a_clear_error(fake_site, http_client):
    scraper = _scraper(fake_site, http_client, Reply(body='{"total": 3, "jobPostings": [{'))
    with pytest.raises(ScrapeError, match="did not return valid JSON"):
        scraper.scrape()


def test_answer_without_postings_is_a_clear_error(fake_site, http_client):
    scraper = _scraper(fake_site, http_client, json_reply({"errorCode": "HTTP_404"}))
    with pytest.raises(ScrapeError, match="without a list of job postings"):
        scraper.scrape()
