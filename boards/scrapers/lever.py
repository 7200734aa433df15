"""Lever: the public Postings API (api.lever.co, or api.eu.lever.co), paged with skip/limit."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

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

# The careers host of each Lever instance, and the API host it answers from.
API_HOSTS = {"jobs.lever.co": "api.lever.co", "jobs.eu.lever.co": "api.eu.lever.co"}
API = "https://{host}/v0/postings/{site}?mode=json"
PAGE_SIZE = 100
_SITE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

# Lever's salaryRange.interval, as a period Salary knows and the factor that turns the
# amount into pay for that period: "bi-week-salary" is two weeks' pay, so half is a week's.
_INTERVALS: dict[str, tuple[Period, Decimal]] = {
    "per-year-salary": ("year", Decimal(1)),
    "per-month-salary": ("month", Decimal(1)),
    "semi-month-salary": ("month", Decimal(2)),
    "bi-month-salary": ("month", Decimal("0.5")),
    "per-week-salary": ("week", Decimal(1)),
    "bi-week-salary": ("week", Decimal("0.5")),
    "per-day-wage": ("day", Decimal(1)),
    "per-hour-wage": ("hour", Decimal(1)),
}


class LeverScraper(Scraper):
    type = "lever"
    label = "Lever"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        segments = [segment for segment in parts.path.split("/") if segment]
        if host in API_HOSTS and segments:
            return {"type": cls.type, "site": segments[0]}
        if host in API_HOSTS.values() and segments[:2] == ["v0", "postings"] and len(segments) > 2:
            return {"type": cls.type, "site": segments[2]}
        return None

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        site = config.get("site")
        if site is not None and not (isinstance(site, str) and _SITE.match(site)):
            return ['"site" must be the company\'s name in its Lever URL, like "acme".']
        return []

    def api_url(self) -> str:
        """The careers URL's API call, or the board URL itself when it is not a careers
        URL (an API URL, used exactly as given, whatever its host)."""
        host = (urlsplit(self.board_url).hostname or "").lower()
        if host not in API_HOSTS:
            return self.board_url
        site = self.config.get("site") or (self.config_from_url(self.board_url) or {}).get("site")
        if not site:
            raise ScrapeError(
                f"Cannot tell the Lever site from {self.board_url}: use the careers page "
                "URL, like https://jobs.lever.co/acme."
            )
        return API.format(host=API_HOSTS[host], site=site)

    def scrape(self) -> ScrapeResult:
        url = self.api_url()
        result = ScrapeResult()
        seen: set[str] = set()
        for page in range(self.limits.max_pages):
            postings = self._page(url, skip=page * PAGE_SIZE)
            ids = {text_of(item.get("id")) for item in postings if isinstance(item, dict)} - {""}
            if ids and ids <= seen:
                # A server that ignores `skip` would send the same page for ever.
                result.log.append(f"Lever sent the same postings again on page {page + 1}.")
                result.complete = False
                return result
            for item in postings:
                if len(result.jobs) >= self.limits.max_items:
                    result.log.append(f"Stopped at {self.limits.max_items} jobs (max_items).")
                    result.complete = False
                    return result
                if not isinstance(item, dict) or not text_of(item.get("text")):
                    result.log.append("Skipped a Lever posting without a title.")
                    continue
                job = self._job(item)
                if job.external_id:
                    # A posting added during the scan shifts the pages by one.
                    if job.external_id in seen:
                        continue
                    seen.add(job.external_id)
                result.jobs.append(job)
            if len(postings) < PAGE_SIZE:
                return result
        result.log.append(
            f"Stopped after {self.limits.max_pages} pages (max_pages); the board has more."
        )
        result.complete = False
        return result

    def _page(self, url: str, *, skip: int) -> list[Any]:
        # Lever answers HTML unless asked for JSON, so say so for a bare API URL too.
        postings = self.client.get_json(
            _with_page(url, skip=skip), headers={"Accept": "application/json"}
        )
        if not isinstance(postings, list):
            raise ScrapeError("Lever answered without a list of postings: is the site name right?")
        return postings

    def _job(self, item: dict[str, Any]) -> ScrapedJob:
        categories = item.get("categories") if isinstance(item.get("categories"), dict) else {}
        title = text_of(item.get("text"))
        location = _location(categories)
        return ScrapedJob(
            title=title,
            url=text_of(item.get("hostedUrl")) or text_of(item.get("applyUrl")),
            company=self.company,
            location=location,
            description_html=_description(item),
            salary_text=text_of(item.get("salaryDescriptionPlain")),
            salary=_salary(item.get("salaryRange")),
            posted_at=parse_when(item.get("createdAt")),
            remote=text_of(item.get("workplaceType")).lower() == "remote"
            or looks_remote(location, title, text_of(categories.get("commitment"))),
            external_id=text_of(item.get("id")),
        )


def _with_page(url: str, *, skip: int) -> str:
    """`url` asking for one page; its other parameters (mode, filters) kept."""
    parts = urlsplit(url)
    query = [
        pair
        for pair in parse_qsl(parts.query, keep_blank_values=True)
        if pair[0] not in ("skip", "limit")
    ]
    query += [("skip", str(skip)), ("limit", str(PAGE_SIZE))]
    return parts._replace(query=urlencode(query)).geturl()


def _location(categories: dict[str, Any]) -> str:
    every = categories.get("allLocations")
    places = [text_of(place) for place in every] if isinstance(every, list) else []
    places = list(dict.fromkeys(place for place in places if place))
    return "; ".join(places) or text_of(categories.get("location"))


def _description(item: dict[str, Any]) -> str:
    """The posting as Lever's own page shows it: the description (opening and body), the
    titled lists (responsibilities, requirements, ...), then the closing text."""
    parts = [text_of(item.get("description"))]
    for section in item.get("lists") or []:
        if not isinstance(section, dict):
            continue
        # The list's title is plain text; its content is already the <li> elements.
        heading = text_of(section.get("text"))
        if heading:
            parts.append(f"<h3>{html.escape(heading, quote=False)}</h3>")
        if content := text_of(section.get("content")):
            parts.append(f"<ul>{content}</ul>")
    parts.append(text_of(item.get("additional")))
    return "\n".join(part for part in parts if part)


def _salary(pay: object) -> Salary | None:
    if not isinstance(pay, dict) or text_of(pay.get("interval")) not in _INTERVALS:
        return None
    period, factor = _INTERVALS[text_of(pay.get("interval"))]
    low, high = positive_amount(pay.get("min")), positive_amount(pay.get("max"))
    if low is None:
        low, high = high, None
    if low is None:
        return None
    return Salary(
        min=low * factor,
        max=None if high is None or high == low else high * factor,
        currency=text_of(pay.get("currency")).upper() or None,
        period=period,
    )


SCRAPER = LeverScraper
