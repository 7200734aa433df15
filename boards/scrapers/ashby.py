"""Ashby: the public job posting API (api.ashbyhq.com), one request per job board."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from boards.scrapers.base import (
    ScrapedJob,
    ScrapeError,
    Scraper,
    ScrapeResult,
    looks_remote,
    parse_when,
    text_of,
)
from jobs.salary import Period, Salary, positive_amount

API = "https://api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true"
CAREERS_HOST = "jobs.ashbyhq.com"
API_HOST = "api.ashbyhq.com"
# A component's interval: "1 YEAR", "1 HOUR", "2 WEEK", or "NONE" for one-off pay.
_INTERVAL = re.compile(r"^\s*([1-9]\d*)\s+(HOUR|DAY|WEEK|MONTH|YEAR)S?\s*$", re.IGNORECASE)
_PERIODS: dict[str, Period] = {
    "HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year",
}  # fmt: skip


class AshbyScraper(Scraper):
    type = "ashby"
    label = "Ashby"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        # Board names are the company's own words, spaces and all ("Acme%20Labs").
        segments = [unquote(segment) for segment in parts.path.split("/") if segment]
        if host == CAREERS_HOST and segments:
            return {"type": cls.type, "board": segments[0]}
        if host == API_HOST and segments[:2] == ["posting-api", "job-board"] and len(segments) > 2:
            return {"type": cls.type, "board": segments[2]}
        return None

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        board = config.get("board")
        if board is not None and not (
            isinstance(board, str) and board.strip() and not set(board) & set("/?#")
        ):
            return ['"board" must be the job board\'s name in its Ashby URL, like "acme".']
        return []

    def api_url(self) -> str:
        """The careers URL's API call, or the board URL itself when it is not a careers
        URL (an API URL, used exactly as given, whatever its host)."""
        if (urlsplit(self.board_url).hostname or "").lower() != CAREERS_HOST:
            return self.board_url
        board = self.config.get("board") or (self.config_from_url(self.board_url) or {}).get(
            "board"
        )
        if not board:
            raise ScrapeError(
                f"Cannot tell the Ashby job board from {self.board_url}: use the careers "
                "page URL, like https://jobs.ashbyhq.com/acme."
            )
        return API.format(board=quote(board, safe=""))

    def scrape(self) -> ScrapeResult:
        data = self.client.get_json(self.api_url())
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise ScrapeError("Ashby answered without a list of jobs: is the board name right?")
        result = ScrapeResult()
        unlisted = 0
        for item in data["jobs"]:
            if result.is_full(self.limits.max_items):
                break
            if isinstance(item, dict) and item.get("isListed") is False:
                unlisted += 1
                continue
            if not isinstance(item, dict) or not text_of(item.get("title")):
                result.log.append("Skipped an Ashby job without a title.")
                continue
            result.jobs.append(self._job(item))
        if unlisted:
            result.log.append(f"Left out {unlisted} unlisted Ashby job(s).")
        return result

    def _job(self, item: dict[str, Any]) -> ScrapedJob:
        title = text_of(item.get("title"))
        location = _location(item)
        compensation = item.get("compensation")
        if not isinstance(compensation, dict):
            compensation = {}
        return ScrapedJob(
            title=title,
            url=text_of(item.get("jobUrl")) or text_of(item.get("applyUrl")),
            company=self.company,
            location=location,
            description_html=text_of(item.get("descriptionHtml")),
            salary_text=text_of(compensation.get("compensationTierSummary"))
            or text_of(compensation.get("scrapeableCompensationSalarySummary")),
            salary=_salary(compensation),
            posted_at=parse_when(item.get("publishedAt")),
            remote=item.get("isRemote") is True
            or text_of(item.get("workplaceType")).lower() == "remote"
            or looks_remote(location, title),
            external_id=text_of(item.get("id")),
        )


def _location(item: dict[str, Any]) -> str:
    places = [text_of(item.get("location"))]
    for other in item.get("secondaryLocations") or []:
        if isinstance(other, dict):
            places.append(text_of(other.get("location")))
    return "; ".join(dict.fromkeys(place for place in places if place))


def _salary(compensation: dict[str, Any]) -> Salary | None:
    """The base salary among the pay components. The summary spans every tier (zone);
    a board without one still has each tier's own components."""
    components = list(compensation.get("summaryComponents") or [])
    for tier in compensation.get("compensationTiers") or []:
        if isinstance(tier, dict):
            components += tier.get("components") or []
    salaries = (
        _salary_of(component)
        for component in components
        if isinstance(component, dict) and component.get("compensationType") == "Salary"
    )
    return next((salary for salary in salaries if salary), None)


def _salary_of(component: dict[str, Any]) -> Salary | None:
    interval = _INTERVAL.match(text_of(component.get("interval")))
    low, high = (
        positive_amount(component.get("minValue")),
        positive_amount(component.get("maxValue")),
    )
    if low is None:
        low, high = high, None
    if interval is None or low is None:
        return None
    # Pay per "2 WEEK" is half of it per week.
    count = int(interval[1])
    return Salary(
        min=low / count,
        max=None if high is None or high == low else high / count,
        currency=text_of(component.get("currencyCode")).upper() or None,
        period=_PERIODS[interval[2].upper()],
    )


SCRAPER = AshbyScraper
