"""Workable: the public careers widget API (apply.workable.com), one request per account."""

from __future__ import annotations

import re
from typing import Any
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

API = "https://apply.workable.com/api/v1/widget/accounts/{account}?details=true"
WIDGET_PATH = "/api/v1/widget/accounts/"
# Subdomains of workable.com that are Workable's own, not an employer's old careers page.
_NOT_ACCOUNTS = {"www", "apply", "jobs", "help", "resources", "api"}
_ACCOUNT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


class WorkableScraper(Scraper):
    type = "workable"
    label = "Workable"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        account = _account_in(url)
        return {"type": cls.type, "account": account} if account else None

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        account = config.get("account")
        if account is not None and not (isinstance(account, str) and _ACCOUNT.match(account)):
            return ['"account" must be the company\'s name in its Workable URL, like "acme".']
        return []

    def api_url(self) -> str:
        """The widget API call for a URL on Workable's own hosts (its careers pages and
        its other APIs), or the board URL itself: the widget URL, or an API URL on any
        other host, used exactly as given."""
        parts = urlsplit(self.board_url)
        host = (parts.hostname or "").lower()
        if not _is_workable(host) or parts.path.startswith(WIDGET_PATH):
            return self.board_url
        account = self.config.get("account") or _account_in(self.board_url)
        if not account:
            raise ScrapeError(
                f"Cannot tell the Workable account from {self.board_url}: use the careers "
                "page URL, like https://apply.workable.com/acme/."
            )
        return API.format(account=account)

    def scrape(self) -> ScrapeResult:
        data = self.client.get_json(self.api_url())
        # The careers page's own API (v3) names its list "results"; read that shape too.
        records = data.get("jobs", data.get("results")) if isinstance(data, dict) else None
        if not isinstance(records, list):
            raise ScrapeError(
                "Workable answered without a list of jobs: is the account name right?"
            )
        result = ScrapeResult()
        # Workable lists a job once for each of its locations: one job, many rows.
        rows_by_job: dict[str, list[dict[str, Any]]] = {}
        for index, item in enumerate(records):
            if not isinstance(item, dict) or not text_of(item.get("title")):
                result.log.append("Skipped a Workable job without a title.")
                continue
            key = text_of(item.get("shortcode")) or f"#{index}"
            rows_by_job.setdefault(key, []).append(item)
        company = text_of(data.get("name")) or self.company
        for rows in rows_by_job.values():
            if result.is_full(self.limits.max_items):
                break
            result.jobs.append(self._job(rows, company=company))
        return result

    def _job(self, rows: list[dict[str, Any]], *, company: str) -> ScrapedJob:
        item = rows[0]
        title = text_of(item.get("title"))
        location = "; ".join(dict.fromkeys(place for row in rows for place in _places(row)))
        shortcode = text_of(item.get("shortcode"))
        account = self.config.get("account") or _account_in(self.board_url)
        remote = any(row.get("telecommuting") is True or row.get("remote") is True for row in rows)
        return ScrapedJob(
            title=title,
            url=text_of(item.get("url"))
            or text_of(item.get("shortlink"))
            or text_of(item.get("application_url"))
            or (f"https://apply.workable.com/{account}/j/{shortcode}/" if account else ""),
            company=company,
            location=location,
            description_html=_description(item),
            posted_at=parse_when(
                item.get("published_on") or item.get("created_at") or item.get("published")
            ),
            remote=remote
            or text_of(item.get("workplace")).lower() == "remote"
            or looks_remote(location, title),
            external_id=shortcode or text_of(item.get("id")),
        )


def _is_workable(host: str) -> bool:
    return host == "workable.com" or host.endswith(".workable.com")


def _account_in(url: str) -> str | None:
    """The account a Workable URL names: apply.workable.com/acme/..., the API's
    .../accounts/acme..., or the older acme.workable.com."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    if not _is_workable(host):
        return None
    if segments[:1] == ["api"]:
        after = segments.index("accounts") + 1 if "accounts" in segments else len(segments)
        return segments[after] if after < len(segments) else None
    if host == "apply.workable.com":
        return segments[0] if segments and segments[0] != "j" else None
    subdomain = host.removesuffix(".workable.com")
    return subdomain if "." not in subdomain and subdomain not in _NOT_ACCOUNTS else None


def _places(row: dict[str, Any]) -> list[str]:
    """Where a row says the job is. The employer can hide a location from candidates;
    a hidden one is neither shown nor used for matching."""
    listed = row.get("locations")
    if isinstance(listed, list) and listed:
        places = [
            _place(spot.get("city"), spot.get("region"), spot.get("country"))
            for spot in listed
            if isinstance(spot, dict) and not spot.get("hidden")
        ]
    else:
        where = row.get("location") if isinstance(row.get("location"), dict) else row
        places = [_place(where.get("city"), where.get("state") or where.get("region"),
                         where.get("country"))]  # fmt: skip
    return [place for place in places if place]


def _place(*parts: object) -> str:
    # "Berlin, Berlin, Germany" reads better as "Berlin, Germany".
    return ", ".join(dict.fromkeys(text for text in map(text_of, parts) if text))


def _description(item: dict[str, Any]) -> str:
    parts = [text_of(item.get("description"))]
    for key, heading in (("requirements", "Requirements"), ("benefits", "Benefits")):
        if section := text_of(item.get(key)):
            parts += [f"<h3>{heading}</h3>", section]
    return "\n".join(part for part in parts if part)


SCRAPER = WorkableScraper
