from __future__ import annotations

import pytest

from boards.scrapers.base import ScanLimits, ScrapeError
from boards.scrapers.http import FetchError
from boards.scrapers.smartrecruiters import SmartRecruitersScraper
from boards.tests.fake_site import Reply, fixture_reply, json_reply

API_PATH = "/v1/companies/AcmeRobotics/postings"
FIRST_ID, SECOND_ID = "744000012345678", "744000012345679"


def _scraper(fake_site, http_client, *replies, limits=None):
    url = fake_site.route(API_PATH, *replies)
    return SmartRecruitersScraper(
        board_url=url, config={"type": "smartrecruiters"}, client=http_client, limits=limits
    )


def _route_details(fake_site, **replies):
    for posting_id, reply in replies.items():
        fake_site.route(f"{API_PATH}/{posting_id}", reply)


def _route_fixture_details(fake_site):
    _route_details(
        fake_site,
        **{
            FIRST_ID: fixture_reply(f"smartrecruiters/posting_{FIRST_ID}.json"),
            SECOND_ID: fixture_reply(f"smartrecruiters/posting_{SECOND_ID}.json"),
        },
    )


def _posting(number):
    return {"id": str(number), "name": f"Job {number}", "company": {"identifier": "AcmeRobotics"}}


def _paged_board(total):
    """A handler answering like the API: `total` postings, by offset and limit."""

    def answer(request):
        offset, limit = int(request.query["offset"]), int(request.query["limit"])
        content = [_posting(n) for n in range(offset, min(offset + limit, total))]
        return json_reply(
            {"offset": offset, "limit": limit, "totalFound": total, "content": content}
        )

    return answer


def test_careers_urls_give_the_api_call():
    for url in (
        "https://careers.smartrecruiters.com/AcmeRobotics",
        "https://jobs.smartrecruiters.com/AcmeRobotics/744000012345678-senior-python-developer",
        "https://api.smartrecruiters.com/v1/companies/AcmeRobotics/postings?limit=10",
    ):
        config = SmartRecruitersScraper.config_from_url(url)
        assert config == {"type": "smartrecruiters", "company_identifier": "AcmeRobotics"}, url
    scraper = SmartRecruitersScraper(
        board_url="https://careers.smartrecruiters.com/AcmeRobotics",
        config={"type": "smartrecruiters"},
        client=None,
    )
    assert scraper.api_url() == "https://api.smartrecruiters.com/v1/companies/AcmeRobotics/postings"


def test_api_url_on_another_host_is_used_as_given():
    url = "http://proxy.internal:8080/v1/companies/AcmeRobotics/postings?country=de"
    scraper = SmartRecruitersScraper(board_url=url, config={"type": "smartrecruiters"}, client=None)
    assert scraper.api_url() == url


def test_other_hosts_are_not_smartrecruiters():
    assert SmartRecruitersScraper.config_from_url("https://boards.greenhouse.io/acme") is None
    assert SmartRecruitersScraper.config_from_url("https://careers.smartrecruiters.com/") is None


def test_bad_company_identifier_is_explained():
    problems = SmartRecruitersScraper.validate_config({"company_identifier": "Acme Robotics"})
    assert problems and "company_identifier" in problems[0]
    assert SmartRecruitersScraper.validate_config({"company_identifier": "AcmeRobotics"}) == []


def test_reads_postings_with_their_details(fake_site, http_client):
    _route_fixture_details(fake_site)
    result = _scraper(
        fake_site, http_client, fixture_reply("smartrecruiters/postings.json")
    ).scrape()
    assert [job.title for job in result.jobs] == [
        "Senior Python Developer (Payments)",
        "Customer Success Manager – Sales & Support",
    ]
    first = result.jobs[0]
    assert first.url == f"https://jobs.smartrecruiters.com/AcmeRobotics/{FIRST_ID}"
    assert first.company == "Acme Robotics"
    assert first.location == "Berlin, BE, Germany"
    assert first.remote is False
    assert first.external_id == FIRST_ID
    assert first.posted_at.isoformat() == "2026-09-28T13:48:30+00:00"
    assert result.complete is True


def test_description_joins_the_job_ad_sections_keeping_their_entities(fake_site, http_client):
    _route_fixture_details(fake_site)
    result = _scraper(
        fake_site, http_client, fixture_reply("smartrecruiters/postings.json")
    ).scrape()
    description = result.jobs[0].description_html
    assert description.startswith(
        "<h3>Company Description</h3>\n<p>Acme builds warehouse robots &amp;"
    )
    assert "<h3>Qualifications</h3>" in description
    assert "latency &lt; 200&nbsp;ms" in description
    assert description.endswith("per year.</p>")


def test_missing_optional_fields_are_left_empty(fake_site, http_client):
    _route_fixture_details(fake_site)
    result = _scraper(
        fake_site, http_client, fixture_reply("smartrecruiters/postings.json")
    ).scrape()
    second = result.jobs[1]
    assert second.location == "London, England, GB"
    assert second.remote is True
    assert second.posted_at is None
    assert (
        second.description_html
        == "<h3>Job Description</h3>\n<p>Look after our fleet customers.</p>"
    )


def test_posting_without_title_is_skipped_and_noted(fake_site, http_client):
    _route_fixture_details(fake_site)
    result = _scraper(
        fake_site, http_client, fixture_reply("smartrecruiters/postings.json")
    ).scrape()
    assert "Skipped a SmartRecruiters posting without a title or id." in result.log
    assert fake_site.requests_to(f"{API_PATH}/744000012345680") == []


def test_details_come_from_the_same_base_as_the_list(fake_site, http_client):
    _route_fixture_details(fake_site)
    _scraper(fake_site, http_client, fixture_reply("smartrecruiters/postings.json")).scrape()
    assert len(fake_site.requests_to(f"{API_PATH}/{FIRST_ID}")) == 1
    assert len(fake_site.requests_to(f"{API_PATH}/{SECOND_ID}")) == 1


def test_failed_detail_keeps_the_posting_and_notes_it(fake_site, http_client):
    _route_details(
        fake_site,
        **{
            FIRST_ID: fixture_reply(f"smartrecruiters/posting_{FIRST_ID}.json"),
            SECOND_ID: json_reply({"message": "Posting not found"}, 404),
        },
    )
    result = _scraper(
        fake_site, http_client, fixture_reply("smartrecruiters/postings.json")
    ).scrape()
    second = result.jobs[1]
    assert second.title == "Customer Success Manager – Sales & Support"
    assert second.url == f"https://jobs.smartrecruiters.com/AcmeRobotics/{SECOND_ID}"
    assert second.description_html == ""
    assert any("Customer Success Manager" in line and "404" in line for line in result.log)
    assert result.complete is True


def test_pages_through_the_postings_with_offset_and_limit(fake_site, http_client):
    result = _scraper(fake_site, http_client, _paged_board(230)).scrape()
    assert len(result.jobs) == 230
    queries = [request.query for request in fake_site.requests_to(API_PATH)]
    assert queries == [
        {"offset": "0", "limit": "100"},
        {"offset": "100", "limit": "100"},
        {"offset": "200", "limit": "100"},
    ]
    assert result.complete is True


def test_paging_keeps_the_api_urls_own_parameters(fake_site, http_client):
    url = fake_site.route(API_PATH, _paged_board(0))
    scraper = SmartRecruitersScraper(
        board_url=f"{url}?country=de&offset=7", config={}, client=http_client
    )
    scraper.scrape()
    assert fake_site.requests_to(API_PATH)[0].query == {
        "country": "de",
        "offset": "0",
        "limit": "100",
    }


def test_stops_at_max_pages_and_says_so(fake_site, http_client):
    limits = ScanLimits(max_pages=2, max_items=2000)
    result = _scraper(fake_site, http_client, _paged_board(450), limits=limits).scrape()
    assert len(result.jobs) == 200
    assert result.complete is False
    assert "Stopped after 2 pages (max_pages)." in result.log


def test_stops_at_max_items_and_says_so(fake_site, http_client):
    limits = ScanLimits(max_pages=50, max_items=150)
    result = _scraper(fake_site, http_client, _paged_board(450), limits=limits).scrape()
    assert len(result.jobs) == 150
    assert len(fake_site.requests_to(API_PATH)) == 2
    assert result.complete is False
    assert "Stopped at 150 jobs (max_items)." in result.log


def test_empty_board_gives_no_jobs(fake_site, http_client):
    empty = json_reply({"offset": 0, "limit": 100, "totalFound": 0, "content": []})
    result = _scraper(fake_site, http_client, empty).scrape()
    assert result.jobs == []
    assert result.complete is True


def test_server_error_fails_after_retries(fake_site, http_client):
    scraper = _scraper(
        fake_site, http_client, Reply(status=500, body="oops", content_type="text/plain")
    )
    with pytest.raises(FetchError, match="500"):
        scraper.scrape()
    assert len(fake_site.requests_to(API_PATH)) == 3


def test_rate_limit_then_success(fake_site, http_client):
    _route_fixture_details(fake_site)
    result = _scraper(
        fake_site,
        http_client,
        json_reply({"message": "Too many requests"}, status=429, **{"Retry-After": "0"}),
        fixture_reply("smartrecruiters/postings.json"),
    ).scrape()
    assert len(result.jobs) == 2


def test_malformed_json_is_a_clear_error(fake_site, http_client):
    scraper = _scraper(fake_site, http_client, Reply(body='{"content": [{"name": '))
    with pytest.raises(ScrapeError, match="did not return valid JSON"):
        scraper.scrape()


def test_answer_without_postings_is_a_clear_error(fake_site, http_client):
    scraper = _scraper(fake_site, http_client, json_reply({"message": "Company not found"}))
    with pytest.raises(ScrapeError, match="without a list of postings"):
        scraper.scrape()
