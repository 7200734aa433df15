"""SmartRecruiters: the public Posting API, paged, then one detail request per posting
for its job ad (the list carries no description)."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from boards.scrapers.base import (
    ScrapedJob,
    ScrapeError,
    Scraper,
    ScrapeResult,
    looks_remote,
    parse_when,
    text_of,
)

API = "https://api.smartrecruiters.com/v1/companies/{company}/postings"
API_HOST = "api.smartrecruiters.com"
CAREERS_HOSTS = {"careers.smartrecruiters.com", "jobs.smartrecruiters.com"}
PUBLIC_URL = "https://jobs.smartrecruiters.com/{company}/{id}"
PAGE_SIZE = 100  # the most the API gives in one page
# The job ad's sections, in the order the careers page shows them.
SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")
_IDENTIFIER = re.compile(r"^[A-Za-z0-9_.-]+$")


class SmartRecruitersScraper(Scraper):
    type = "smartrecruiters"
    label = "SmartRecruiters"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        segments = [segment for segment in parts.path.split("/") if segment]
        if host == API_HOST and segments[:2] == ["v1", "companies"] and len(segments) >= 3:
            segments = segments[2:]
        elif host not in CAREERS_HOSTS:
            return None
        if segments and _IDENTIFIER.match(segments[0]):
            return {"type": cls.type, "company_identifier": segments[0]}
        return None

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        identifier = config.get("company_identifier")
        if identifier is not None and not (
            isinstance(identifier, str) and _IDENTIFIER.match(identifier)
        ):
            return [
                '"company_identifier" must be the company\'s name in its careers URL, '
                'like "Acme" in careers.smartrecruiters.com/Acme.'
            ]
        return []

    def api_url(self) -> str:
        """The postings list (without paging): built from a careers URL, or the board URL
        itself when it is not one (an API URL, used exactly as given, whatever its host)."""
        if (urlsplit(self.board_url).hostname or "").lower() not in CAREERS_HOSTS:
            return self.board_url
        identifier = self.config.get("company_identifier") or (
            self.config_from_url(self.board_url) or {}
        ).get("company_identifier")
        if not identifier:
            raise ScrapeError(
                "This SmartRecruiters URL names no company: use one like "
                "https://careers.smartrecruiters.com/Acme."
            )
        return API.format(company=identifier)

    def scrape(self) -> ScrapeResult:
        result = ScrapeResult()
        postings = self._list_postings(result)
        for posting, detail in self.client.fetch_many(self._detail, postings):
            if isinstance(detail, Exception):
                # Often a posting closed between the list and its detail: the list's
                # fields are still worth keeping.
                title = text_of(posting.get("name"))
                result.log.append(f'Kept "{title}" without its description: {detail}')
            result.jobs.append(self._job(posting, detail if isinstance(detail, dict) else {}))
        return result

    def _list_postings(self, result: ScrapeResult) -> list[dict[str, Any]]:
        """The postings of every page, up to the scan's limits."""
        postings: list[dict[str, Any]] = []
        offset = pages = 0
        while True:
            data = self.client.get_json(self._page_url(offset))
            pages += 1
            if not isinstance(data, dict) or not isinstance(data.get("content"), list):
                raise ScrapeError(
                    "SmartRecruiters answered without a list of postings: "
                    "is the company identifier right?"
                )
            page = data["content"]
            for item in page:
                if isinstance(item, dict) and text_of(item.get("name")) and text_of(item.get("id")):
                    postings.append(item)
                else:
                    result.log.append("Skipped a SmartRecruiters posting without a title or id.")
            offset += len(page)
            total = data.get("totalFound")
            more = bool(page) and (
                offset < total if isinstance(total, int) else len(page) >= PAGE_SIZE
            )
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

    def _page_url(self, offset: int) -> str:
        """The list URL with this page's offset and limit, keeping any other parameters."""
        parts = urlsplit(self.api_url())
        query = [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if key not in ("offset", "limit")
        ]
        query += [("offset", str(offset)), ("limit", str(PAGE_SIZE))]
        return urlunsplit(parts._replace(query=urlencode(query)))

    def _detail(self, posting: dict[str, Any]) -> Any:
        # From the list URL's own base, not the posting's `ref`, so that a board given
        # as an API URL on another host gets its details from there too.
        parts = urlsplit(self.api_url())
        base = urlunsplit(parts._replace(query="", fragment="")).rstrip("/")
        return self.client.get_json(f"{base}/{quote(text_of(posting['id']), safe='')}")

    def _job(self, posting: dict[str, Any], detail: dict[str, Any]) -> ScrapedJob:
        item = {**posting, **detail}
        title = text_of(posting.get("name"))
        location = item.get("location") if isinstance(item.get("location"), dict) else {}
        place = _place(location)
        company = item.get("company") if isinstance(item.get("company"), dict) else {}
        return ScrapedJob(
            title=title,
            url=self._public_url(company, text_of(posting.get("id"))),
            company=text_of(company.get("name")) or self.company,
            location=place,
            description_html=_description(item.get("jobAd")),
            posted_at=parse_when(item.get("releasedDate")),
            remote=location.get("remote") is True or looks_remote(place, title),
            external_id=text_of(posting.get("id")),
        )

    def _public_url(self, company: dict[str, Any], posting_id: str) -> str:
        # Built the same way whether or not the detail (and its postingUrl) arrived, so
        # the URL of a posting does not change from one scan to the next.
        segments = [segment for segment in urlsplit(self.api_url()).path.split("/") if segment]
        from_path = segments[2] if segments[:2] == ["v1", "companies"] and len(segments) > 2 else ""
        identifier = (
            text_of(company.get("identifier")) or self.config.get("company_identifier") or from_path
        )
        return PUBLIC_URL.format(company=identifier, id=posting_id) if identifier else ""


def _place(location: dict[str, Any]) -> str:
    if full := text_of(location.get("fullLocation")):
        return full
    city, region = text_of(location.get("city")), text_of(location.get("region"))
    country = text_of(location.get("country")).upper()  # a code: "ca"
    return ", ".join(part for part in (city, region, country) if part)


def _description(job_ad: object) -> str:
    """The job ad's sections as one HTML text, each under its own heading."""
    sections = job_ad.get("sections") if isinstance(job_ad, dict) else None
    if not isinstance(sections, dict):
        return ""
    parts = []
    for key in SECTIONS:
        section = sections.get(key)
        if not isinstance(section, dict) or not text_of(section.get("text")):
            continue
        if heading := text_of(section.get("title")):
            parts.append(f"<h3>{html.escape(heading)}</h3>")
        parts.append(text_of(section.get("text")))
    return "\n".join(parts)


SCRAPER = SmartRecruitersScraper
