from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from boards.scrapers import config_problems
from boards.scrapers.base import ScanLimits
from boards.scrapers.http import FetchError
from boards.scrapers.jsonld import JsonLdScraper, find_job_postings, salary_from
from boards.tests.fake_site import FIXTURES, Reply, fixture_reply
from jobs.salary import Salary


def _page(name: str) -> Reply:
    return fixture_reply(f"jsonld/{name}", content_type="text/html; charset=utf-8")


def _scrape(fake_site, http_client, path, config=None, **options):
    scraper = JsonLdScraper(
        board_url=fake_site.url + path,
        config={"type": "jsonld", **(config or {})},
        client=http_client,
        **options,
    )
    return scraper.scrape()


def _careers_site(fake_site):
    fake_site.route("/careers/", _page("careers_index.html"))
    fake_site.route("/careers/jobs/101", _page("job_101.html"))
    fake_site.route("/careers/jobs/102", _page("job_102.html"))


# --- Postings in the board page -----------------------------------------------------


def test_reads_a_posting_in_the_board_page(fake_site, http_client):
    fake_site.route("/jobs/nw-2291", _page("posting_page.html"))
    result = _scrape(fake_site, http_client, "/jobs/nw-2291")
    [job] = result.jobs
    assert job.title == "Platform Engineer, R&D Tools"
    assert job.company == "Northwind Analytics"
    assert job.location == "Leeds, West Yorkshire, GB"
    assert job.external_id == "NW-2291"
    assert job.posted_at == datetime(2026, 9, 14, tzinfo=UTC)
    assert job.remote is False
    assert result.log == []


def test_posting_without_a_url_takes_the_page_url(fake_site, http_client):
    url = fake_site.route("/jobs/nw-2291", _page("posting_page.html"))
    [job] = _scrape(fake_site, http_client, "/jobs/nw-2291").jobs
    assert job.url == url


def test_escaped_description_html_is_unescaped(fake_site, http_client):
    fake_site.route("/jobs/nw-2291", _page("posting_page.html"))
    [job] = _scrape(fake_site, http_client, "/jobs/nw-2291").jobs
    assert job.description_html.startswith("<p>Northwind builds forecasting tools for <strong>")
    assert "<li>Own our build farm</li>" in job.description_html


def test_base_salary_becomes_structured_pay(fake_site, http_client):
    fake_site.route("/jobs/nw-2291", _page("posting_page.html"))
    [job] = _scrape(fake_site, http_client, "/jobs/nw-2291").jobs
    assert job.salary == Salary(
        min=Decimal("62000"), max=Decimal("78500"), currency="GBP", period="year"
    )


def test_reads_a_posting_in_a_graph_once_though_the_page_repeats_it(fake_site, http_client):
    fake_site.route("/careers/jobs/7731", _page("graph_page.html"))
    result = _scrape(fake_site, http_client, "/careers/jobs/7731")
    [job] = result.jobs
    assert job.title == "Senior Data Engineer"
    assert job.company == "Lumen Health"
    assert job.url == f"{fake_site.url}/careers/jobs/7731"
    assert job.posted_at.isoformat() == "2026-10-01T09:30:00-04:00"


def test_telecommute_posting_is_remote_where_applicants_may_live(fake_site, http_client):
    fake_site.route("/careers/jobs/7731", _page("graph_page.html"))
    [job] = _scrape(fake_site, http_client, "/careers/jobs/7731").jobs
    assert job.remote is True
    assert job.location == "Remote (USA, Canada)"


def test_reads_postings_in_arrays_item_lists_and_nested_entities(fake_site, http_client):
    fake_site.route("/open-roles", _page("listing_page.html"))
    result = _scrape(fake_site, http_client, "/open-roles")
    assert [(job.title, job.location) for job in result.jobs] == [
        ("Warehouse Shift Lead", "Rotterdam, NL; Antwerp, BE"),
        ("Customs Broker", "Hamburg, Germany"),
        ("Fleet Planner", "Gdańsk port office"),
    ]
    assert result.jobs[0].company == "Harbor Freight Logistics"
    assert result.jobs[2].external_id == "FP-88"


def test_postings_on_a_listing_page_keep_their_own_urls(fake_site, http_client):
    fake_site.route("/open-roles", _page("listing_page.html"))
    result = _scrape(fake_site, http_client, "/open-roles")
    assert [job.url for job in result.jobs] == [
        "https://harbor.example/jobs/shift-lead",
        "https://harbor.example/jobs/customs-broker",
        "https://harbor.example/jobs/fleet-planner",
    ]


def test_company_falls_back_to_the_board_setting(fake_site, http_client):
    fake_site.route("/open-roles", _page("listing_page.html"))
    result = _scrape(fake_site, http_client, "/open-roles", company="Harbor Freight")
    assert result.jobs[1].company == "Harbor Freight"


def test_hourly_and_monthly_pay_keep_their_period(fake_site, http_client):
    fake_site.route("/open-roles", _page("listing_page.html"))
    shift_lead, broker, planner = _scrape(fake_site, http_client, "/open-roles").jobs
    assert shift_lead.salary == Salary(
        min=Decimal("21.50"), max=None, currency="EUR", period="hour"
    )
    assert broker.salary == Salary(
        min=Decimal("4200"), max=Decimal("5100"), currency="EUR", period="month"
    )
    assert planner.salary is None


def test_malformed_block_is_skipped_and_noted(fake_site, http_client):
    fake_site.route("/careers", _page("malformed_page.html"))
    result = _scrape(fake_site, http_client, "/careers")
    assert [job.title for job in result.jobs] == ["Gameplay Programmer", "QA Analyst"]
    [note] = result.log
    assert note.startswith(f"Skipped a JSON-LD block on {fake_site.url}/careers that is not valid")


def test_raw_line_breaks_and_trailing_commas_are_forgiven(fake_site, http_client):
    fake_site.route("/careers", _page("malformed_page.html"))
    programmer = _scrape(fake_site, http_client, "/careers").jobs[0]
    assert programmer.description_html == "<p>C++ and Lua.\nShip three titles a year.</p>"


def test_find_job_postings_reads_a_pasted_page():
    html = (FIXTURES / "jsonld/graph_page.html").read_text()
    [job] = find_job_postings(html, "https://lumen.example/careers/jobs/7731?utm_source=x")
    assert job.title == "Senior Data Engineer"
    assert job.url == "https://lumen.example/careers/jobs/7731"


def test_page_without_json_ld_has_no_postings():
    assert find_job_postings("<html><body><h1>Careers</h1></body></html>", "https://a.test/") == []


# --- Postings in the pages the board links to ---------------------------------------


def test_follows_job_links_when_the_board_page_has_none(fake_site, http_client):
    _careers_site(fake_site)
    result = _scrape(fake_site, http_client, "/careers/")
    assert [(job.title, job.url) for job in result.jobs] == [
        ("Robotics Software Engineer", f"{fake_site.url}/careers/jobs/101"),
        ("Field Technician", f"{fake_site.url}/careers/jobs/102"),
    ]
    assert result.jobs[0].location == "Remote (USA)"
    assert result.jobs[1].salary == Salary(
        min=Decimal("28"), max=Decimal("34"), currency="USD", period="hour"
    )


def test_only_job_links_on_the_same_site_are_followed(fake_site, http_client):
    _careers_site(fake_site)
    result = _scrape(fake_site, http_client, "/careers/")
    fetched = sorted({request.path for request in fake_site.requests})
    assert fetched == ["/careers/", "/careers/jobs/101", "/careers/jobs/102", "/careers/jobs/103"]
    assert not any("elsewhere.example" in note for note in result.log)


def test_linked_page_that_fails_is_noted_and_the_others_kept(fake_site, http_client):
    _careers_site(fake_site)
    result = _scrape(fake_site, http_client, "/careers/")
    assert len(result.jobs) == 2
    assert f"Skipped a linked page: GET {fake_site.url}/careers/jobs/103 answered 404" in "\n".join(
        result.log
    )
    assert result.complete is True


def test_follows_only_links_matching_link_selector(fake_site, http_client):
    fake_site.route("/join", _page("custom_links_index.html"))
    fake_site.route("/p/ab12", _page("quarry_sre.html"))
    fake_site.route("/p/cd34", _page("quarry_designer.html"))
    result = _scrape(fake_site, http_client, "/join", {"link_selector": "div.opening"})
    assert [job.title for job in result.jobs] == ["Site Reliability Engineer", "Product Designer"]
    assert {request.path for request in fake_site.requests} == {"/join", "/p/ab12", "/p/cd34"}


def test_linked_pages_are_capped_by_max_items(fake_site, http_client):
    _careers_site(fake_site)
    result = _scrape(fake_site, http_client, "/careers/", limits=ScanLimits(max_items=1))
    assert [job.title for job in result.jobs] == ["Robotics Software Engineer"]
    assert result.complete is False
    assert "Read the first 1 of 4 linked pages (max_items)." in result.log


def test_page_without_postings_or_job_links_is_noted(fake_site, http_client):
    url = fake_site.route("/join", _page("custom_links_index.html"))
    result = _scrape(fake_site, http_client, "/join")
    assert result.jobs == []
    assert result.log == [
        f"Found no JobPosting data on {url}, and no links to job pages to look in."
    ]


def test_board_page_that_fails_is_an_error(fake_site, http_client):
    fake_site.route("/careers/", Reply(status=500, body="oops", content_type="text/plain"))
    with pytest.raises(FetchError, match="500"):
        _scrape(fake_site, http_client, "/careers/")


# --- Config and salary details ------------------------------------------------------


def test_invalid_link_selector_is_reported():
    [problem] = config_problems({"type": "jsonld", "link_selector": "a[href"})
    assert problem.startswith("\"link_selector\" is not a valid CSS selector: 'a[href'")


def test_salary_range_given_backwards_is_put_right():
    amount = {"currency": "USD", "value": {"minValue": 90000, "maxValue": 70000}}
    assert salary_from(amount) == Salary(
        min=Decimal("70000"), max=Decimal("90000"), currency="USD", period="year"
    )


def test_zero_salary_is_no_salary():
    assert salary_from({"currency": "USD", "value": {"minValue": 0, "unitText": "YEAR"}}) is None
