"""Remote OK: the public JSON API (remoteok.com/api), every posting remote, one request."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

from boards.scrapers.base import (
    ScrapedJob,
    ScrapeError,
    Scraper,
    ScrapeResult,
    parse_when,
    plain_text,
    text_of,
)
from jobs.salary import Salary, positive_amount

API = "https://remoteok.com/api"
CAREERS_HOSTS = {"remoteok.com", "www.remoteok.com", "remoteok.io", "www.remoteok.io"}
# A tag page: /remote-python-jobs, /remote-dev+python-jobs.
_TAG_PAGE = re.compile(r"^remote-([a-z0-9+-]+?)-jobs$")
_TAG = re.compile(r"^[a-z0-9+-]+$")
# Remote OK sends UTF-8 that was once decoded as Latin-1 ("ZÃ³calo" for "Zócalo"): each
# match is one character's UTF-8 bytes, spelled as Latin-1 characters.
_MOJIBAKE = re.compile(
    r"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# The form asks for yearly pay, but some posters give an hourly rate ("25" to "27"):
# no one is paid less than this a year.
_LOWEST_YEARLY_PAY = 1000


class RemoteOkScraper(Scraper):
    type = "remoteok"
    label = "Remote OK"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        parts = urlsplit(url)
        if (parts.hostname or "").lower() not in CAREERS_HOSTS:
            return None
        config: dict[str, Any] = {"type": cls.type}
        segments = [segment for segment in unquote(parts.path).lower().split("/") if segment]
        if segments and (match := _TAG_PAGE.match(segments[0])):
            config["tag"] = match.group(1)
        elif segments == ["api"] and (tag := parse_qs(parts.query).get("tag")):
            config["tag"] = tag[-1].lower()
        return config

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        tag = config.get("tag")
        if tag is not None and not (isinstance(tag, str) and _TAG.match(tag)):
            return ['"tag" must be a Remote OK tag in lower case, like "python".']
        return []

    def api_url(self) -> str:
        """The API call for a remoteok.com page, or the board URL itself when it is on
        another host (used exactly as given)."""
        if (urlsplit(self.board_url).hostname or "").lower() not in CAREERS_HOSTS:
            return self.board_url
        if tag := self.config.get("tag"):
            return f"{API}?{urlencode({'tag': tag})}"
        return API

    def scrape(self) -> ScrapeResult:
        data = self.client.get_json(self.api_url())
        if not isinstance(data, list):
            raise ScrapeError("Remote OK answered without a list of jobs.")
        result = ScrapeResult()
        for item in data:
            # The first element is the API's terms of use, not a posting.
            if isinstance(item, dict) and "legal" in item and "position" not in item:
                continue
            if result.is_full(self.limits.max_items):
                break
            if not isinstance(item, dict) or not text_of(item.get("position")):
                result.log.append("Skipped a Remote OK record without a title.")
                continue
            result.jobs.append(self._job(item))
        return result

    def _job(self, item: dict[str, Any]) -> ScrapedJob:
        return ScrapedJob(
            title=_plain(item.get("position")),
            url=text_of(item.get("url")) or text_of(item.get("apply_url")),
            company=_plain(item.get("company")),
            location=_plain(item.get("location")),
            description_html=_repaired(text_of(item.get("description"))),
            salary=_salary(item.get("salary_min"), item.get("salary_max")),
            posted_at=parse_when(item.get("date")) or parse_when(item.get("epoch")),
            remote=True,
            external_id=text_of(item.get("id")) or text_of(item.get("slug")),
        )


def _plain(value: object) -> str:
    """A plain-text field, its entities and mis-decoded characters put right."""
    return plain_text(_repaired(text_of(value)))


def _repaired(text: str) -> str:
    return _MOJIBAKE.sub(_redecoded, text)


def _redecoded(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def _salary(low: object, high: object) -> Salary | None:
    """Structured pay from salary_min / salary_max (USD, 0 for unknown)."""
    figures = sorted(amount for amount in (positive_amount(low), positive_amount(high)) if amount)
    if not figures:
        return None
    period = "hour" if figures[-1] < _LOWEST_YEARLY_PAY else "year"
    top = figures[-1] if figures[-1] != figures[0] else None
    return Salary(min=figures[0], max=top, currency="USD", period=period)


SCRAPER = RemoteOkScraper
