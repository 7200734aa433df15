"""Remotive: the public JSON API (remotive.com/api/remote-jobs), every posting remote."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from boards.scrapers.base import (
    ScrapedJob,
    ScrapeError,
    Scraper,
    ScrapeResult,
    parse_when,
    plain_text,
    text_of,
)

API = "https://remotive.com/api/remote-jobs"
CAREERS_HOSTS = {"remotive.com", "www.remotive.com", "remotive.io", "www.remotive.io"}
_CATEGORY = re.compile(r"^[a-z0-9-]+$")


class RemotiveScraper(Scraper):
    type = "remotive"
    label = "Remotive"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        parts = urlsplit(url)
        if (parts.hostname or "").lower() not in CAREERS_HOSTS:
            return None
        config: dict[str, Any] = {"type": cls.type}
        segments = [segment for segment in parts.path.lower().split("/") if segment]
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        # A category page (/remote-jobs/software-dev) or a posting inside one.
        if len(segments) >= 2 and segments[0] == "remote-jobs":
            config["category"] = segments[1]
        elif segments == ["api", "remote-jobs"] and query.get("category"):
            config["category"] = query["category"].lower()
        if query.get("search"):
            config["search"] = query["search"]
        return config

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        problems = []
        category = config.get("category")
        if category is not None and not (isinstance(category, str) and _CATEGORY.match(category)):
            problems.append('"category" must be a Remotive category, like "software-dev".')
        if "search" in config and not isinstance(config["search"], str):
            problems.append('"search" must be text, like "python".')
        return problems

    def api_url(self) -> str:
        """The API call for a remotive.com page, or the board URL itself when it is on
        another host (used exactly as given)."""
        if (urlsplit(self.board_url).hostname or "").lower() not in CAREERS_HOSTS:
            return self.board_url
        params = {key: self.config[key] for key in ("category", "search") if self.config.get(key)}
        return f"{API}?{urlencode(params)}" if params else API

    def scrape(self) -> ScrapeResult:
        data = self.client.get_json(self.api_url())
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise ScrapeError("Remotive answered without a list of jobs.")
        result = ScrapeResult()
        for item in data["jobs"]:
            if result.is_full(self.limits.max_items):
                break
            if not isinstance(item, dict) or not text_of(item.get("title")):
                result.log.append("Skipped a Remotive record without a title.")
                continue
            result.jobs.append(self._job(item))
        return result

    def _job(self, item: dict[str, Any]) -> ScrapedJob:
        return ScrapedJob(
            title=plain_text(item.get("title")),
            url=text_of(item.get("url")),
            company=plain_text(item.get("company_name")),
            location=plain_text(item.get("candidate_required_location")),
            description_html=text_of(item.get("description")),
            salary_text=plain_text(item.get("salary")),
            # Naive ISO time, which Remotive means as UTC: parse_when reads it so.
            posted_at=parse_when(item.get("publication_date")),
            remote=True,
            external_id=text_of(item.get("id")),
        )


SCRAPER = RemotiveScraper
