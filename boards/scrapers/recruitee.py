"""Recruitee: the careers site's public Offers API, every offer in one request."""

from __future__ import annotations

import re
from typing import Any, cast
from urllib.parse import urlsplit

from boards.scrapers.base import (
    ScrapedJob,
    ScrapeError,
    Scraper,
    ScrapeResult,
    looks_remote,
    parse_when,
    text_of,
)
from jobs.salary import PERIODS_PER_YEAR, Period, Salary, positive_amount

API = "https://{subdomain}.recruitee.com/api/offers/"
CAREERS_DOMAIN = ".recruitee.com"
# Recruitee's own sites on its domain, not a company's careers site.
NOT_COMPANIES = {"www", "app", "api", "blog", "docs", "help", "support", "status"}
_SUBDOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


class RecruiteeScraper(Scraper):
    type = "recruitee"
    label = "Recruitee"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        subdomain = _subdomain_of(url)
        return {"type": cls.type, "subdomain": subdomain} if subdomain else None

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        subdomain = config.get("subdomain")
        if subdomain is not None and not (
            isinstance(subdomain, str) and _SUBDOMAIN.match(subdomain)
        ):
            return ['"subdomain" must be the first part of the careers site, like "acme".']
        return []

    def api_url(self) -> str:
        """The offers list: built from a careers URL on recruitee.com, or the board URL
        itself otherwise (an API URL, used exactly as given, whatever its host; a custom
        careers domain answers at its own /api/offers/)."""
        subdomain = _subdomain_of(self.board_url)
        if subdomain is None:
            return self.board_url
        return API.format(subdomain=self.config.get("subdomain") or subdomain)

    def scrape(self) -> ScrapeResult:
        data = self.client.get_json(self.api_url())
        if not isinstance(data, dict) or not isinstance(data.get("offers"), list):
            raise ScrapeError(
                "Recruitee answered without a list of offers: is the careers site's name right?"
            )
        result = ScrapeResult()
        for item in data["offers"]:
            if result.is_full(self.limits.max_items):
                break
            if not isinstance(item, dict) or not text_of(item.get("title")):
                result.log.append("Skipped a Recruitee offer without a title.")
                continue
            result.jobs.append(self._job(item))
        return result

    def _job(self, item: dict[str, Any]) -> ScrapedJob:
        title = text_of(item.get("title"))
        location = text_of(item.get("location")) or ", ".join(
            part for part in (text_of(item.get("city")), text_of(item.get("country"))) if part
        )
        description = text_of(item.get("description"))
        if requirements := text_of(item.get("requirements")):
            description = f"{description}\n<h3>Requirements</h3>\n{requirements}"
        return ScrapedJob(
            title=title,
            url=text_of(item.get("careers_url")) or text_of(item.get("careers_apply_url")),
            company=text_of(item.get("company_name")) or self.company,
            location=location,
            description_html=description,
            salary=_salary(item.get("salary")),
            posted_at=parse_when(item.get("published_at")) or parse_when(item.get("created_at")),
            remote=item.get("remote") is True or looks_remote(location, title),
            external_id=text_of(item.get("id")),
        )


def _subdomain_of(url: str) -> str | None:
    """The company's name in a careers URL on recruitee.com, or None if it is not one."""
    host = (urlsplit(url).hostname or "").lower()
    if not host.endswith(CAREERS_DOMAIN):
        return None
    subdomain = host.removesuffix(CAREERS_DOMAIN)
    if subdomain in NOT_COMPANIES or not _SUBDOMAIN.match(subdomain):
        return None
    return subdomain


def _salary(value: object) -> Salary | None:
    """The offer's pay range, when it states an amount and a period.

    Offers without pay still carry the object, with nulls (or zeros) in it; a period
    Recruitee might add later is left out rather than guessed.
    """
    if not isinstance(value, dict):
        return None
    low, high = positive_amount(value.get("min")), positive_amount(value.get("max"))
    period = text_of(value.get("period")).lower()
    if low is None or period not in PERIODS_PER_YEAR:
        return None
    return Salary(
        min=low,
        max=high if high is not None and high != low else None,
        currency=text_of(value.get("currency")).upper() or None,
        period=cast(Period, period),
    )


SCRAPER = RecruiteeScraper
