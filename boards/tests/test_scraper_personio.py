from __future__ import annotations

import pytest

from boards.scrapers.base import ScanLimits, ScrapeError
from boards.scrapers.http import FetchError
from boards.scrapers.personio import PersonioScraper
from boards.tests.fake_site import Reply, fixture_reply

FEED_PATH = "/xml"


def _xml(body: str, status: int = 200) -> Reply:
    return Reply(status=status, body=body, content_type="text/xml; charset=utf-8")


def _scrape(fake_site, http_client, *replies, config=None, limits=None):
    url = fake_site.route(FEED_PATH, *replies)
    scraper = PersonioScraper(
        board_url=url, config=config or {"type": "personio"}, client=http_client, limits=limits
    )
    return scraper.scrape()


def _feed(fake_site, http_client, **kwargs):
    reply = fixture_reply("personio/feed.xml", content_type="text/xml; charset=utf-8")
    return _scrape(fake_site, http_client, reply, **kwargs)


def test_careers_urls_give_the_feed_url():
    for url, feed in (
        ("https://acme.jobs.personio.de", "https://acme.jobs.personio.de/xml"),
        (
            "https://acme.jobs.personio.de/job/1523876?language=en",
            "https://acme.jobs.personio.de/xml",
        ),
        ("https://acme.jobs.personio.com/", "https://acme.jobs.personio.com/xml"),
        ("https://acme.jobs.personio.de/xml", "https://acme.jobs.personio.de/xml"),
    ):
        config = PersonioScraper.config_from_url(url)
        assert config == {"type": "personio", "subdomain": "acme"}, url
        assert PersonioScraper(board_url=url, config=config, client=None).feed_url() == feed


def test_feed_url_on_another_host_is_used_as_given():
    url = "http://proxy.internal:8080/personio/acme/xml?language=en"
    scraper = PersonioScraper(board_url=url, config={"type": "personio"}, client=None)
    assert scraper.feed_url() == url
    assert scraper.job_url_base() == "http://proxy.internal:8080/personio/acme"


def test_other_hosts_are_not_personio():
    assert PersonioScraper.config_from_url("https://www.personio.de/jobs") is None
    assert PersonioScraper.config_from_url("https://jobs.personio.de/") is None


def test_bad_subdomain_is_explained():
    assert PersonioScraper.validate_config({"subdomain": "Acme GmbH"})
    assert PersonioScraper.validate_config({"subdomain": "acme"}) == []


def test_reads_positions(fake_site, http_client):
    result = _feed(fake_site, http_client)
    assert [job.title for job in result.jobs] == [
        "Senior Data Analyst (d/f/m)",
        "Werkstudent*in Marketing & Sales – Remote möglich",
    ]
    first = result.jobs[0]
    assert first.url == f"{fake_site.url}/job/1523876"
    assert first.company == "Acme Robotics GmbH"
    assert first.location == "Munich; Berlin"
    assert first.remote is False
    assert first.external_id == "1523876"
    assert first.posted_at.isoformat() == "2026-09-28T13:48:30+02:00"


def test_careers_site_boards_link_to_the_careers_site():
    scraper = PersonioScraper(
        board_url="https://acme.jobs.personio.de/", config={"type": "personio"}, client=None
    )
    assert scraper.job_url_base() == "https://acme.jobs.personio.de"


def test_description_sections_keep_their_html_and_entities(fake_site, http_client):
    description = _feed(fake_site, http_client).jobs[0].description_html
    assert description.split("\n") == [
        "<h3>Your Team</h3>",
        "<p>Data analysts &amp; data engineers who build a data-informed Acme.</p>"
        "<ul><li>Works agile&nbsp;with Kanban.</li></ul>",
        "<h3>Your Profile</h3>",
        "<ul><li>SQL &amp; Python</li><li>Dashboards in Looker &lt;3</li></ul>",
        "<h3>Why Acme &amp; Us?</h3>",
        "<p>Flexible hours and a Munich office.</p>",
    ]


def test_missing_optional_fields_fall_back(fake_site, http_client):
    result = _feed(fake_site, http_client, config={"type": "personio", "company_name": "Acme"})
    second = result.jobs[1]
    assert second.company == "Acme"
    assert second.location == "Remote"
    assert second.remote is True
    assert second.posted_at is None
    assert second.description_html == "<h3>Deine Aufgaben</h3>\n<p>Du betreust unsere Kanäle.</p>"


def test_position_without_name_is_skipped_and_noted(fake_site, http_client):
    result = _feed(fake_site, http_client)
    assert "Skipped a Personio position without a name or id." in result.log


def test_stops_at_max_items_and_says_so(fake_site, http_client):
    result = _feed(fake_site, http_client, limits=ScanLimits(max_items=1))
    assert len(result.jobs) == 1
    assert result.complete is False
    assert "Stopped at 1 jobs (max_items)." in result.log


def test_empty_feed_gives_no_jobs(fake_site, http_client):
    result = _scrape(fake_site, http_client, _xml('<?xml version="1.0"?>\n<workzag-jobs/>'))
    assert result.jobs == []
    assert result.complete is True


def test_server_error_fails_after_retries(fake_site, http_client):
    with pytest.raises(FetchError, match="500"):
        _scrape(fake_site, http_client, Reply(status=500, body="oops", content_type="text/plain"))
    assert len(fake_site.requests_to(FEED_PATH)) == 3


def test_rate_limit_then_success(fake_site, http_client):
    result = _scrape(
        fake_site,
        http_client,
        Reply(
            status=429, body="slow down", content_type="text/plain", headers={"Retry-After": "0"}
        ),
        fixture_reply("personio/feed.xml", content_type="text/xml"),
    )
    assert len(result.jobs) == 2


def test_malformed_xml_is_a_clear_error(fake_site, http_client):
    with pytest.raises(ScrapeError, match="did not return valid XML"):
        _scrape(fake_site, http_client, _xml("<workzag-jobs><position><name>Dev</position>"))


def test_entity_declarations_are_refused(fake_site, http_client):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        "<workzag-jobs><position><id>1</id><name>&lol2;</name></position></workzag-jobs>"
    )
    with pytest.raises(ScrapeError, match="refused for safety"):
        _scrape(fake_site, http_client, _xml(bomb))


def test_other_xml_is_not_taken_for_a_feed(fake_site, http_client):
    with pytest.raises(ScrapeError, match="did not return a Personio job feed"):
        _scrape(fake_site, http_client, _xml("<html><body>Page not found</body></html>"))
