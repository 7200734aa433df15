from __future__ import annotations

from datetime import UTC, datetime

import pytest

from boards.scrapers import config_problems
from boards.scrapers.base import ScanLimits, ScrapeError
from boards.scrapers.html import HtmlScraper
from boards.scrapers.http import FetchError
from boards.tests.fake_site import Reply, fixture_reply

LISTING = {
    "type": "html",
    "item": "li.job",
    "title": "h3.title",
    "link": "h3.title a",
    "company": ".company",
    "location": ".location",
}


def _page(name: str, status: int = 200) -> Reply:
    return fixture_reply(f"html/{name}", content_type="text/html; charset=utf-8", status=status)


def _scrape(fake_site, http_client, path="/careers", config=None, **options):
    scraper = HtmlScraper(
        board_url=fake_site.url + path,
        config={**LISTING, **(config or {})},
        client=http_client,
        **options,
    )
    return scraper.scrape()


def _three_pages(fake_site):
    fake_site.route("/careers", _page("listing_page1.html"))
    fake_site.route("/careers/page/2", _page("listing_page2.html"))
    fake_site.route("/careers/page/3", _page("listing_page3.html"))


def _numbered_pages(fake_site, pages):
    """/openings?page=N answers pages[N - 1], and a page without results past the end."""

    def answer(request):
        number = int(request.query.get("page", "1"))
        return _page(pages[number - 1] if number <= len(pages) else "no_results.html")

    fake_site.route("/openings", answer)


# --- Items --------------------------------------------------------------------------


def test_reads_title_link_company_and_location_from_each_item(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    first = _scrape(fake_site, http_client).jobs[0]
    assert first.title == "Grid Analyst"
    assert first.url == f"{fake_site.url}/careers/jobs/grid-analyst"
    assert first.company == "Fernhill Energy"
    assert first.location == "Bristol, UK"
    assert first.remote is False


def test_text_is_read_on_one_line(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    second = _scrape(fake_site, http_client).jobs[1]
    assert (second.title, second.location) == ("Battery Chemist", "Remote (UK)")
    assert second.remote is True


def test_relative_links_are_resolved_against_the_page_url(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    second = _scrape(fake_site, http_client).jobs[1]
    assert second.url == f"{fake_site.url}/jobs/battery-chemist?src=list"


def test_link_defaults_to_the_first_link_in_the_item(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    config = {key: value for key, value in LISTING.items() if key != "link"}
    scraper = HtmlScraper(board_url=f"{fake_site.url}/careers", config=config, client=http_client)
    urls = [job.url for job in scraper.scrape().jobs]
    assert urls == [
        f"{fake_site.url}/careers/jobs/grid-analyst",
        f"{fake_site.url}/jobs/battery-chemist?src=list",
        "https://apply.fernhill.example/turbine-technician",
    ]


def test_company_defaults_to_the_board_company(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    jobs = _scrape(fake_site, http_client, company="Fernhill Group").jobs
    assert [job.company for job in jobs] == [
        "Fernhill Energy",
        "Fernhill Group",
        "Fernhill Wind Ltd",
    ]


def test_company_name_in_the_config_names_jobs_without_a_company(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    jobs = _scrape(fake_site, http_client, config={"company_name": "Fernhill"}).jobs
    assert [job.company for job in jobs] == ["Fernhill Energy", "Fernhill", "Fernhill Wind Ltd"]


def test_salary_text_and_posting_date_are_read_when_selected(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    first = _scrape(fake_site, http_client, config={"salary": ".pay", "posted": "time"}).jobs[0]
    assert first.salary_text == "£48,000 – £55,000"
    assert first.posted_at == datetime(2026, 10, 3, tzinfo=UTC)


def test_items_without_a_title_are_skipped_and_noted(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    result = _scrape(fake_site, http_client)
    assert len(result.jobs) == 3
    assert result.log == ['Skipped 1 item(s) in which the "title" selector matched nothing.']


def test_item_selector_matching_nothing_is_noted(fake_site, http_client):
    url = fake_site.route("/careers", _page("listing_page1.html"))
    result = _scrape(fake_site, http_client, config={"item": "article.posting"})
    assert result.jobs == []
    assert result.log[0].startswith(
        f"The \"item\" selector 'article.posting' matched nothing on {url}: check it"
    )


def test_malformed_html_is_read_without_crashing(fake_site, http_client):
    fake_site.route("/careers", _page("malformed.html"))
    config = {"type": "html", "item": "div.opening", "title": ".name", "location": ".where"}
    scraper = HtmlScraper(board_url=f"{fake_site.url}/careers", config=config, client=http_client)
    jobs = scraper.scrape().jobs
    assert [(job.title, job.location, job.url) for job in jobs[:2]] == [
        ("Barista & Shift Lead", "Portland, OR", f"{fake_site.url}/roles/1"),
        ("Roaster", "Remote", f"{fake_site.url}/roles/2"),
    ]
    assert jobs[2].title.startswith("Café Manager")


# --- Pages --------------------------------------------------------------------------


def test_follows_next_links_until_the_last_page(fake_site, http_client):
    _three_pages(fake_site)
    result = _scrape(fake_site, http_client, config={"next": "a.next"})
    assert [job.title for job in result.jobs] == [
        "Grid Analyst",
        "Battery Chemist",
        "Turbine Technician",
        "Solar Site Manager",
        "Data Engineer",
        "HR Business Partner",
    ]
    assert result.complete is True


def test_stops_when_the_next_link_leads_to_a_page_already_seen(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    fake_site.route("/careers/page/2", _page("listing_wraps_around.html"))
    result = _scrape(fake_site, http_client, config={"next": "a.next"})
    assert [request.path for request in fake_site.requests] == ["/careers", "/careers/page/2"]
    assert len(result.jobs) == 4
    assert result.complete is True


def test_pages_by_page_param_until_a_page_has_no_items(fake_site, http_client):
    _numbered_pages(fake_site, ["listing_page1.html", "listing_page2.html"])
    result = _scrape(fake_site, http_client, "/openings", config={"page_param": "page"})
    assert len(result.jobs) == 5
    assert [request.query for request in fake_site.requests] == [
        {"page": "1"},
        {"page": "2"},
        {"page": "3"},
    ]
    assert result.log == ['Skipped 1 item(s) in which the "title" selector matched nothing.']
    assert result.complete is True


def test_page_param_counts_from_first_page_and_keeps_the_query(fake_site, http_client):
    _numbered_pages(fake_site, ["listing_page1.html"])
    config = {"page_param": "p", "first_page": 0}
    _scrape(fake_site, http_client, "/openings?q=energy", config=config)
    assert fake_site.requests[0].query == {"q": "energy", "p": "0"}


def test_page_param_stops_when_the_site_repeats_its_last_page(fake_site, http_client):
    # A site that answers every page number past the end with its last page.
    fake_site.route("/openings", _page("listing_page2.html"))
    result = _scrape(fake_site, http_client, "/openings", config={"page_param": "page"})
    assert [job.title for job in result.jobs] == ["Solar Site Manager", "Data Engineer"]
    assert len(fake_site.requests) == 2
    assert result.complete is True


def test_page_cap_stops_early_and_marks_the_result_incomplete(fake_site, http_client):
    _three_pages(fake_site)
    result = _scrape(fake_site, http_client, config={"next": "a.next", "max_pages": 2})
    assert len(result.jobs) == 5
    assert result.complete is False
    assert "Stopped after 2 pages (max_pages): the board may have more." in result.log
    assert not fake_site.requests_to("/careers/page/3")


def test_item_cap_stops_early_and_marks_the_result_incomplete(fake_site, http_client):
    _three_pages(fake_site)
    result = _scrape(
        fake_site, http_client, config={"next": "a.next"}, limits=ScanLimits(max_items=4)
    )
    assert len(result.jobs) == 4
    assert result.complete is False
    assert "Stopped at 4 jobs (max_items)." in result.log


def test_failing_later_page_keeps_the_earlier_jobs(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    fake_site.route("/careers/page/2", Reply(status=503, body="busy", content_type="text/plain"))
    result = _scrape(fake_site, http_client, config={"next": "a.next"})
    assert len(result.jobs) == 3
    assert result.complete is False
    assert result.log[0].startswith(f"Stopped at page 2: GET {fake_site.url}/careers/page/2")


# --- Detail pages -------------------------------------------------------------------


def test_reads_the_description_from_each_detail_page(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    fake_site.route("/careers/jobs/grid-analyst", _page("detail_grid_analyst.html"))
    fake_site.route("/jobs/battery-chemist", _page("detail_battery_chemist.html"))
    result = _scrape(fake_site, http_client, config={"description": "div.job-description"})
    analyst, chemist, technician = result.jobs
    assert analyst.description_html.startswith('<div class="job-description">')
    assert "<strong>South West</strong> grid &amp; its storage" in analyst.description_html
    assert "Share" not in analyst.description_html
    assert "Solid-state cells" in chemist.description_html
    assert technician.description_html == ""  # no link, so no detail page
    assert result.log == ['Skipped 1 item(s) in which the "title" selector matched nothing.']


def test_detail_page_that_is_gone_is_noted_and_the_job_kept(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    fake_site.route("/careers/jobs/grid-analyst", _page("detail_grid_analyst.html"))
    result = _scrape(fake_site, http_client, config={"description": "div.job-description"})
    assert [job.title for job in result.jobs] == [
        "Grid Analyst",
        "Battery Chemist",
        "Turbine Technician",
    ]
    assert result.jobs[1].description_html == ""
    assert (
        f'Kept "Battery Chemist" without its description: GET {fake_site.url}'
        "/jobs/battery-chemist?src=list answered 404 Not Found"
    ) in result.log


def test_description_selector_matching_nothing_is_noted(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    fake_site.route("/careers/jobs/grid-analyst", _page("detail_grid_analyst.html"))
    fake_site.route("/jobs/battery-chemist", _page("detail_battery_chemist.html"))
    result = _scrape(fake_site, http_client, config={"description": "#jd"})
    assert result.log[-1] == (
        "The \"description\" selector '#jd' matched nothing on 2 detail page(s), such as "
        f"{fake_site.url}/careers/jobs/grid-analyst."
    )


# --- Failures -----------------------------------------------------------------------


def test_server_error_fails_after_retries(fake_site, http_client):
    fake_site.route("/careers", Reply(status=500, body="oops", content_type="text/plain"))
    with pytest.raises(FetchError, match="500"):
        _scrape(fake_site, http_client)
    assert len(fake_site.requests_to("/careers")) == 3


def test_rate_limit_then_success(fake_site, http_client):
    fake_site.route(
        "/careers",
        Reply(
            status=429, body="slow down", content_type="text/plain", headers={"Retry-After": "0"}
        ),
        _page("listing_page1.html"),
    )
    assert len(_scrape(fake_site, http_client).jobs) == 3


# --- Config -------------------------------------------------------------------------


def test_item_and_title_selectors_are_required():
    assert config_problems({"type": "html", "link": "a"}) == [
        'The "html" scraper needs an "item" selector: the element that holds one job, like '
        '"li.job".',
        'The "html" scraper needs a "title" selector: the job title inside an item, like "h3".',
    ]


def test_invalid_selectors_are_reported():
    problems = config_problems({**LISTING, "title": "h3..title", "next": "a[rel=next"})
    assert [problem.split(":")[0] for problem in problems] == [
        '"title" is not a valid CSS selector',
        '"next" is not a valid CSS selector',
    ]


def test_next_link_and_page_param_together_are_reported():
    problems = config_problems({**LISTING, "next": "a.next", "page_param": "page"})
    assert problems == ['Use either "next" or "page_param" to turn pages, not both.']


def test_complete_config_has_no_problems():
    config = {**LISTING, "description": ".jd", "next": "a.next", "max_pages": 5}
    assert config_problems(config) == []


def test_scraping_with_a_broken_config_is_a_clear_error(fake_site, http_client):
    fake_site.route("/careers", _page("listing_page1.html"))
    with pytest.raises(ScrapeError, match='needs an "item" selector'):
        _scrape(fake_site, http_client, config={"item": ""})
    assert not fake_site.requests
