"""Workday: the `cxs` JSON API behind Workday career sites, paged by POST, then one
detail request per posting for its description.

Career sites live either on the company's own subdomain
(`acme.wd5.myworkdayjobs.com/{locale?}/{site}`) or on a shared host that names the
tenant in the path (`wd3.myworkdaysite.com/{locale?}/recruiting/{tenant}/{site}`)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from boards.scrapers.base import (
    ScrapedJob,
    ScrapeError,
    Scraper,
    ScrapeResult,
    looks_remote,
    parse_when,
    text_of,
)

CAREERS_DOMAIN = ".myworkdayjobs.com"
SHARED_DOMAIN = ".myworkdaysite.com"
PAGE_SIZE = 20  # Workday refuses a larger page
_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_LOCALE = re.compile(r"^[a-z]{2,3}-[A-Z]{2}$")
_DAYS_AGO = re.compile(r"(\d+)\+?\s+days?\s+ago", re.IGNORECASE)


class WorkdayScraper(Scraper):
    type = "workday"
    label = "Workday"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if not host.endswith((CAREERS_DOMAIN, SHARED_DOMAIN)):
            return None
        segments = [segment for segment in parts.path.split("/") if segment]
        config = {"type": cls.type}
        if segments[:2] == ["wday", "cxs"]:  # the API: /wday/cxs/{tenant}/{site}/jobs
            segments = segments[2:]
            config["tenant"] = segments.pop(0) if segments else ""
        else:  # a careers page: /{locale?}/{site}/... or /{locale?}/recruiting/{tenant}/{site}
            if segments and _LOCALE.match(segments[0]):
                config["locale"] = segments.pop(0)
            if host.endswith(SHARED_DOMAIN):
                if segments[:1] != ["recruiting"] or len(segments) < 2:
                    return None
                config["tenant"] = segments[1]
                segments = segments[2:]
            else:
                config["tenant"] = host.split(".")[0]
        config["site"] = segments[0] if segments else ""
        if not (_NAME.match(config["tenant"]) and _NAME.match(config["site"])):
            return None
        return config

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        problems = []
        for key, example in (("tenant", "acme"), ("site", "External")):
            value = config.get(key)
            if value is not None and not (isinstance(value, str) and _NAME.match(value)):
                problems.append(
                    f'"{key}" must be a name from the careers URL, like "{example}" in '
                    "https://acme.wd5.myworkdayjobs.com/External."
                )
        locale = config.get("locale")
        if locale is not None and not (isinstance(locale, str) and _LOCALE.match(locale)):
            problems.append('"locale" must be a language and country code, like "en-US".')
        if not isinstance(config.get("search_text", ""), str):
            problems.append('"search_text" must be text, like "python".')
        return problems

    def api_url(self) -> str:
        """The jobs endpoint: built from a careers URL, or the board URL itself when it
        is already a `cxs` URL or on another host, used exactly as given."""
        parts = urlsplit(self.board_url)
        host = (parts.hostname or "").lower()
        if not host.endswith((CAREERS_DOMAIN, SHARED_DOMAIN)) or parts.path.startswith(
            "/wday/cxs/"
        ):
            return self.board_url
        found = self.config_from_url(self.board_url) or {}
        tenant = self.config.get("tenant") or found.get("tenant")
        site = self.config.get("site") or found.get("site")
        if not (tenant and site):
            raise ScrapeError(
                "This Workday URL names no career site: use one like "
                "https://acme.wd5.myworkdayjobs.com/External."
            )
        return f"https://{parts.netloc}/wday/cxs/{tenant}/{site}/jobs"

    def job_url(self, external_path: str) -> str:
        """A posting's public page: /{locale}/{site}{externalPath} on the API's host."""
        parts = urlsplit(self.api_url())
        segments = [segment for segment in parts.path.split("/") if segment]
        in_path = segments[2:4] if segments[:2] == ["wday", "cxs"] and len(segments) > 3 else []
        from_board_url = self.config_from_url(self.board_url) or {}
        tenant, site = in_path or (
            self.config.get("tenant") or from_board_url.get("tenant"),
            self.config.get("site") or "",
        )
        locale = self.config.get("locale") or from_board_url.get("locale")
        shared = (parts.hostname or "").lower().endswith(SHARED_DOMAIN)
        path = (locale, "recruiting", tenant, site) if shared else (locale, site)
        prefix = "".join(f"/{segment}" for segment in path if segment)
        return f"{parts.scheme}://{parts.netloc}{prefix}{external_path}"

    def detail_url(self, external_path: str) -> str:
        """A posting's detail call: its externalPath under the jobs endpoint's base."""
        parts = urlsplit(self.api_url())
        path = parts.path.rstrip("/").removesuffix("/jobs")
        return urlunsplit((parts.scheme, parts.netloc, path + external_path, "", ""))

    def scrape(self) -> ScrapeResult:
        result = ScrapeResult()
        postings = self._list_postings(result)
        details = self.client.fetch_many(
            lambda posting: self.client.get_json(self.detail_url(posting["externalPath"])),
            postings,
        )
        for posting, detail in details:
            if isinstance(detail, Exception):
                # A posting can close between the list and its detail: the list's fields
                # are still worth keeping.
                title = text_of(posting.get("title"))
                result.log.append(f'Kept "{title}" without its description: {detail}')
            result.jobs.append(self._job(posting, detail if isinstance(detail, dict) else {}))
        return result

    def _list_postings(self, result: ScrapeResult) -> list[dict[str, Any]]:
        """The postings of every page, up to the scan's limits."""
        url = self.api_url()
        postings: list[dict[str, Any]] = []
        total: int | None = None
        offset = pages = 0
        while True:
            data = self.client.post_json(
                url,
                {
                    "appliedFacets": {},
                    "limit": PAGE_SIZE,
                    "offset": offset,
                    "searchText": self.config.get("search_text", ""),
                },
            )
            pages += 1
            if not isinstance(data, dict) or not isinstance(data.get("jobPostings"), list):
                raise ScrapeError(
                    "Workday answered without a list of job postings: "
                    "is the career site's name right?"
                )
            # Only the first page counts the postings; later pages say 0.
            if pages == 1 and isinstance(data.get("total"), int):
                total = data["total"]
            page = data["jobPostings"]
            for item in page:
                if (
                    isinstance(item, dict)
                    and text_of(item.get("title"))
                    and text_of(item.get("externalPath")).startswith("/")
                ):
                    postings.append(item)
                else:
                    result.log.append("Skipped a Workday posting without a title or path.")
            offset += len(page)
            more = bool(page) and (offset < total if total is not None else len(page) >= PAGE_SIZE)
            max_items = self.limits.max_items
            if len(postings) > max_items or (more and len(postings) >= max_items):
                del postings[max_items:]
                result.log.append(f"Stopped at {max_items} jobs (max_items).")
                result.complete = False
                return postings
            if not more:
                return postings
            if pages >= self.limits.max_pages:
                result.log.append(f"Stopped after {pages} pages (max_pages).")
                result.complete = False
                return postings

    def _job(self, posting: dict[str, Any], detail: dict[str, Any]) -> ScrapedJob:
        info = detail.get("jobPostingInfo")
        info = info if isinstance(info, dict) else {}
        employer = detail.get("hiringOrganization")
        employer = employer if isinstance(employer, dict) else {}
        title = text_of(posting.get("title"))
        places = [text_of(info.get("location"))]
        if isinstance(info.get("additionalLocations"), list):
            places += [text_of(place) for place in info["additionalLocations"]]
        location = "; ".join(dict.fromkeys(place for place in places if place))
        # "2 Locations" in the list says little, but it is all there is without details.
        location = location or text_of(posting.get("locationsText"))
        bullets = posting.get("bulletFields")
        # The first bullet is the requisition id; the path is unique when it is missing.
        requisition = text_of(bullets[0]) if isinstance(bullets, list) and bullets else ""
        remote_type = text_of(info.get("remoteType") or posting.get("remoteType"))
        return ScrapedJob(
            title=title,
            url=self.job_url(posting["externalPath"]),
            company=text_of(employer.get("name")) or self.company,
            location=location,
            description_html=text_of(info.get("jobDescription")),
            posted_at=parse_when(info.get("startDate")) or _posted_on(posting.get("postedOn")),
            remote=looks_remote(remote_type, location, title),
            external_id=requisition or text_of(posting["externalPath"]),
        )


def _posted_on(value: object) -> datetime | None:
    """The day "Posted 3 Days Ago" points to, at midnight UTC. Workday stops counting
    at "30+", so older postings come out as 30 days old."""
    text = text_of(value).lower()
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if "today" in text:
        return today
    if "yesterday" in text:
        return today - timedelta(days=1)
    if match := _DAYS_AGO.search(text):
        return today - timedelta(days=int(match[1]))
    return None


SCRAPER = WorkdayScraper
