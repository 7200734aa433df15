"""RSS 2.0 and Atom job feeds (We Work Remotely and the like), read with feedparser.

The feed is fetched through the shared client and handed to feedparser as a stream:
given a string, feedparser would fetch a URL or open a file named by it.
"""

from __future__ import annotations

import html
import io
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx

from boards.scrapers.base import (
    ScrapedJob,
    ScrapeError,
    Scraper,
    ScrapeResult,
    first_line,
    looks_remote,
    parse_when,
    text_of,
)

TITLE_FORMATS = ("title", "company: title")
WWR_HOSTS = {"weworkremotely.com", "www.weworkremotely.com"}
FEED_SUFFIXES = (".rss", ".atom")
# Bozo reasons that say nothing about the feed's structure: a charset that differs from
# the declared one, an XML feed served as text/html.
_HARMLESS_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


class RssScraper(Scraper):
    type = "rss"
    label = "RSS or Atom feed"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        if urlsplit(url).path.lower().endswith(FEED_SUFFIXES):
            return {"type": cls.type}
        return None

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        problems = []
        if config.get("title_format", "title") not in TITLE_FORMATS:
            choices = " or ".join(f'"{choice}"' for choice in TITLE_FORMATS)
            problems.append(f'"title_format" must be {choices}.')
        if "remote" in config and not isinstance(config["remote"], bool):
            problems.append('"remote" must be true or false.')
        return problems

    @property
    def is_we_work_remotely(self) -> bool:
        return (urlsplit(self.board_url).hostname or "").lower() in WWR_HOSTS

    @property
    def splits_company_from_title(self) -> bool:
        """Whether titles read "Company: Title": as the config says, else as We Work
        Remotely writes them."""
        default = "company: title" if self.is_we_work_remotely else "title"
        return self.config.get("title_format", default) == "company: title"

    @property
    def all_remote(self) -> bool:
        return bool(self.config.get("remote", self.is_we_work_remotely))

    def scrape(self) -> ScrapeResult:
        response = self.client.get(self.board_url)
        feed = feedparser.parse(
            io.BytesIO(response.content),
            response_headers={
                "content-type": response.headers.get("content-type", ""),
                # Relative links in the feed resolve against where it was found.
                "content-location": str(response.url),
            },
        )
        if not feed.version and not feed.entries:
            raise ScrapeError(f"{self.board_url} is not an RSS or Atom feed{_hint(response)}.")
        result = ScrapeResult()
        if feed.bozo:
            reason = first_line(feed.get("bozo_exception"))
            if not feed.entries and not isinstance(feed.get("bozo_exception"), _HARMLESS_BOZO):
                raise ScrapeError(f"The feed at {self.board_url} is broken ({reason}).")
            if feed.entries:
                result.log.append(
                    f"The feed is not well-formed ({reason}); kept the entries it could read."
                )
        for entry in feed.entries:
            if result.is_full(self.limits.max_items):
                break
            if not text_of(entry.get("title")):
                result.log.append("Skipped a feed entry without a title.")
                continue
            result.jobs.append(self._job(entry))
        return result

    def _job(self, entry: feedparser.FeedParserDict) -> ScrapedJob:
        title = text_of(entry.get("title"))
        company = ""
        if self.splits_company_from_title and ": " in title:
            company, title = (part.strip() for part in title.split(": ", 1))
        # We Work Remotely's own <region>; other feeds may have a plain <location>.
        location = text_of(entry.get("region")) or text_of(entry.get("location"))
        link = text_of(entry.get("link"))
        return ScrapedJob(
            title=title,
            url=link,
            company=company or self.company,
            location=location,
            description_html=_description_html(entry),
            posted_at=_posted_at(entry),
            remote=self.all_remote or looks_remote(location, title),
            external_id=text_of(entry.get("id")) or link,
        )


def _description_html(entry: feedparser.FeedParserDict) -> str:
    """The fullest body an entry has: Atom <content> or <content:encoded>, else the
    summary (<description>). Plain text is escaped, so it stays text as HTML."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if detail and text_of(detail.get("value")):
            value = text_of(detail["value"])
            return html.escape(value) if detail.get("type") == "text/plain" else value
    return ""


def _posted_at(entry: feedparser.FeedParserDict) -> datetime | None:
    for key in ("published", "updated"):
        if when := parse_when(entry.get(key)):
            return when
        # feedparser reads many more date formats than parse_when, into UTC.
        if parsed := entry.get(f"{key}_parsed"):
            return datetime(*parsed[:6], tzinfo=UTC)
    return None


def _hint(response: httpx.Response) -> str:
    """Why the answer is not a feed, when the response tells."""
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    start = response.content[:200].lstrip().lower()
    if content_type == "text/html" or start.startswith((b"<!doctype html", b"<html")):
        return " but a web page: use the address of its feed, which often ends in .rss"
    return f" (it answered {content_type})" if content_type else ""


SCRAPER = RssScraper
