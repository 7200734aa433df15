from __future__ import annotations

import pytest

from boards.scrapers.base import ScrapeError
from boards.scrapers.http import FetchError
from boards.scrapers.rss import RssScraper
from boards.tests.fake_site import Reply, fixture_reply

FEED_PATH = "/categories/remote-programming-jobs.rss"
WWR_FEED = "https://weworkremotely.com/categories/remote-programming-jobs.rss"
RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"


def _feed(name, content_type=RSS):
    return fixture_reply(f"rss/{name}", content_type=content_type)


def _scrape(fake_site, http_client, *replies, **config):
    url = fake_site.route(FEED_PATH, *replies)
    scraper = RssScraper(board_url=url, config={"type": "rss", **config}, client=http_client)
    return scraper.scrape()


def _wwr(fake_site, http_client, **config):
    """The We Work Remotely fixture, read as the scraper reads weworkremotely.com."""
    return _scrape(
        fake_site, http_client, _feed("weworkremotely.rss"), title_format="company: title",
        remote=True, **config,
    )  # fmt: skip


def test_feed_urls_are_recognised():
    assert RssScraper.config_from_url(WWR_FEED) == {"type": "rss"}
    assert RssScraper.config_from_url("https://initech.example/jobs.atom") == {"type": "rss"}


def test_pages_that_are_not_feeds_are_not_rss():
    assert RssScraper.config_from_url("https://weworkremotely.com/remote-jobs") is None


def test_we_work_remotely_titles_are_split_by_default():
    scraper = RssScraper(board_url=WWR_FEED, config={"type": "rss"}, client=None)
    assert scraper.splits_company_from_title is True
    assert scraper.all_remote is True


def test_other_feeds_keep_titles_whole_by_default():
    url = "https://initech.example/jobs.atom"
    scraper = RssScraper(board_url=url, config={"type": "rss"}, client=None)
    assert scraper.splits_company_from_title is False
    assert scraper.all_remote is False


def test_config_can_turn_the_split_off_for_we_work_remotely():
    config = {"type": "rss", "title_format": "title"}
    scraper = RssScraper(board_url=WWR_FEED, config=config, client=None)
    assert scraper.splits_company_from_title is False


def test_unknown_title_format_is_a_problem():
    assert RssScraper.validate_config({"type": "rss", "title_format": "company: title"}) == []
    assert RssScraper.validate_config({"type": "rss", "title_format": "title - company"})


def test_board_url_is_fetched_as_given(fake_site, http_client):
    _scrape(fake_site, http_client, _feed("empty.rss"))
    assert len(fake_site.requests_to(FEED_PATH)) == 1


def test_reads_we_work_remotely_items_with_company_split_from_title(fake_site, http_client):
    job = _wwr(fake_site, http_client).jobs[0]
    assert job.title == "Senior Python Developer"
    assert job.company == "Acme Inc"
    assert job.location == "Anywhere in the World"
    assert job.url == "https://weworkremotely.com/remote-jobs/acme-inc-senior-python-developer"
    assert job.external_id == job.url
    assert job.posted_at.isoformat() == "2026-09-21T14:21:33+00:00"
    assert job.remote is True


def test_description_is_the_items_unescaped_html(fake_site, http_client):
    job = _wwr(fake_site, http_client).jobs[0]
    assert "<strong>Headquarters:</strong> Lisbon" in job.description_html
    assert "tools for R&amp;D teams" in job.description_html


def test_only_the_first_colon_separates_company_from_title(fake_site, http_client):
    job = _wwr(fake_site, http_client).jobs[1]
    assert (job.company, job.title) == ("Globex", "Backend Engineer: Payments")
    assert job.location == "USA Only"


def test_title_without_company_is_kept_whole(fake_site, http_client):
    job = _wwr(fake_site, http_client, company_name="Fallback Co").jobs[2]
    assert job.title == "Full-Stack Developer"
    assert job.company == "Fallback Co"
    assert job.location == ""


def test_entry_without_title_is_skipped_and_noted(fake_site, http_client):
    result = _wwr(fake_site, http_client)
    assert len(result.jobs) == 3
    assert "Skipped a feed entry without a title." in result.log


def test_titles_are_kept_whole_unless_configured(fake_site, http_client):
    job = _scrape(fake_site, http_client, _feed("weworkremotely.rss")).jobs[0]
    assert job.title == "Acme Inc: Senior Python Developer"
    assert job.company == ""


def test_reads_atom_entries_preferring_full_content(fake_site, http_client):
    result = _scrape(fake_site, http_client, _feed("jobs.atom", ATOM))
    job = result.jobs[0]
    assert job.title == "Site Reliability Engineer (Remote, EU)"
    assert job.url == "https://initech.example/jobs/sre"
    assert job.external_id == "tag:initech.example,2026:job-311"
    assert job.description_html == (
        "<h2>The role</h2><p>Keep our Postgres &amp; Kubernetes estate healthy.</p>"
    )
    assert job.posted_at.isoformat() == "2026-09-21T09:30:00+02:00"
    assert job.remote is True  # "Remote" in the title


def test_atom_entry_falls_back_to_updated_summary_and_resolved_link(fake_site, http_client):
    job = _scrape(fake_site, http_client, _feed("jobs.atom", ATOM)).jobs[1]
    assert job.url == f"{fake_site.url}/jobs/office-manager"
    assert job.posted_at.isoformat() == "2026-09-20T12:00:00+00:00"
    assert job.description_html == "Run the Austin office: desks &lt;&amp;&gt; coffee."
    assert job.remote is False


def test_empty_feed_gives_no_jobs(fake_site, http_client):
    result = _scrape(fake_site, http_client, _feed("empty.rss"))
    assert result.jobs == []
    assert result.log == []
    assert result.complete is True


def test_broken_feed_keeps_its_entries_and_notes_it(fake_site, http_client):
    result = _scrape(fake_site, http_client, _feed("broken.rss"))
    assert [job.title for job in result.jobs] == ["Sales & Marketing Lead", "Support Agent"]
    assert any(note.startswith("The feed is not well-formed") for note in result.log)


def test_broken_feed_without_entries_is_a_clear_error(fake_site, http_client):
    cut_short = Reply(
        body='<?xml version="1.0"?><rss version="2.0"><channel><title>Jo', content_type=RSS
    )
    with pytest.raises(ScrapeError, match="is broken"):
        _scrape(fake_site, http_client, cut_short)


def test_html_page_is_not_a_feed(fake_site, http_client):
    page = Reply(
        body="<!DOCTYPE html><html><head><title>Jobs</title></head><body><p>Hi</p></body></html>",
        content_type="text/html; charset=utf-8",
    )
    with pytest.raises(ScrapeError, match="is not an RSS or Atom feed but a web page"):
        _scrape(fake_site, http_client, page)


def test_garbage_is_not_a_feed(fake_site, http_client):
    garbage = Reply(body=b"\x00\x01{]] not a feed", content_type="application/octet-stream")
    with pytest.raises(ScrapeError, match="is not an RSS or Atom feed"):
        _scrape(fake_site, http_client, garbage)


def test_feed_body_naming_a_url_or_file_is_never_opened(fake_site, http_client, tmp_path):
    # Given a string, feedparser would fetch the URL or open the file it names.
    fake_site.route("/elsewhere.rss", _feed("weworkremotely.rss"))
    local_feed = tmp_path / "feed.rss"
    local_feed.write_bytes(
        b"<rss version='2.0'><channel><item><title>x</title></item></channel></rss>"
    )
    for body in (f"{fake_site.url}/elsewhere.rss", str(local_feed)):
        with pytest.raises(ScrapeError, match="is not an RSS or Atom feed"):
            _scrape(fake_site, http_client, Reply(body=body, content_type="text/plain"))
    assert fake_site.requests_to("/elsewhere.rss") == []


def test_max_items_stops_the_scan_and_says_so(fake_site, http_client):
    result = _wwr(fake_site, http_client, max_items=2)
    assert len(result.jobs) == 2
    assert result.complete is False
    assert "Stopped at 2 jobs (max_items)." in result.log


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
        _feed("weworkremotely.rss"),
    )
    assert len(result.jobs) == 3
