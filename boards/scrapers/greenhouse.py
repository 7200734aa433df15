"""Greenhouse: the public Job Board API (boards-api.greenhouse.io), one request per board."""

from __future__ import annotations

import html
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

API = "https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true"
CAREERS_HOSTS = {"boards.greenhouse.io", "job-boards.greenhouse.io", "boards.eu.greenhouse.io",
                 "job-boards.eu.greenhouse.io"}  # fmt: skip
_TOKEN = re.compile(r"^[A-Za-z0-9_.-]+$")


class GreenhouseScraper(Scraper):
    type = "greenhouse"
    label = "Greenhouse"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        segments = [segment for segment in parts.path.split("/") if segment]
        if host in CAREERS_HOSTS and segments and segments[0] != "embed":
            return {"type": cls.type, "board_token": segments[0]}
        if host in CAREERS_HOSTS and segments[:2] == ["embed", "job_board"]:
            token = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p).get("for")
            return {"type": cls.type, "board_token": token} if token else None
        if host == "boards-api.greenhouse.io" and len(segments) >= 3:
            return {"type": cls.type, "board_token": segments[2]}
        return None

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        token = config.get("board_token")
        if token is not None and not (isinstance(token, str) and _TOKEN.match(token)):
            return ['"board_token" must be the board\'s name in its URL, like "acme".']
        return []

    def api_url(self) -> str:
        """The careers URL's API call, or the board URL itself when it is not a careers
        URL (an API URL, used exactly as given, whatever its host)."""
        if token := self.config.get("board_token"):
            host = (urlsplit(self.board_url).hostname or "").lower()
            if host in CAREERS_HOSTS:
                return API.format(token=token)
        return self.board_url

    def scrape(self) -> ScrapeResult:
        data = self.client.get_json(self.api_url())
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise ScrapeError(
                "Greenhouse answered without a list of jobs: is the board name right?"
            )
        result = ScrapeResult()
        for item in data["jobs"]:
            if result.is_full(self.limits.max_items):
                break
            if not isinstance(item, dict) or not text_of(item.get("title")):
                result.log.append("Skipped a Greenhouse record without a title.")
                continue
            result.jobs.append(self._job(item))
        return result

    def _job(self, item: dict[str, Any]) -> ScrapedJob:
        location = text_of((item.get("location") or {}).get("name"))
        title = text_of(item.get("title"))
        return ScrapedJob(
            title=title,
            url=text_of(item.get("absolute_url")),
            company=text_of(item.get("company_name")) or self.company,
            location=location,
            # The API escapes the HTML of `content` once more: "&lt;p&gt;".
            description_html=html.unescape(text_of(item.get("content"))),
            posted_at=parse_when(item.get("first_published") or item.get("updated_at")),
            remote=looks_remote(location, title),
            external_id=text_of(item.get("id")),
        )


SCRAPER = GreenhouseScraper
