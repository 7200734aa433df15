"""Turning a pasted careers URL into a board: which scraper reads it, and how."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from boards.scrapers import config_from_known_url, scraper_class
from boards.scrapers.base import ScanLimits, ScrapeError
from boards.scrapers.http import HttpClient

_WORDS = re.compile(r"[-_.+\s]+")
_PATH_HOSTS = {"boards", "job-boards", "jobs", "apply", "careers"}

# ATS API URLs on any host (a proxy, a mirror, a test server), known by their path.
_API_PATHS = [
    (re.compile(r"/v1/boards/[^/]+/jobs/?$"), "greenhouse"),
    (re.compile(r"/v0/postings/[^/]+/?$"), "lever"),
    (re.compile(r"/posting-api/job-board/[^/]+/?$"), "ashby"),
    (re.compile(r"/api/v1/widget/accounts/[^/]+/?$"), "workable"),
    (re.compile(r"/v1/companies/[^/]+/postings/?$"), "smartrecruiters"),
    (re.compile(r"/api/offers/?$"), "recruitee"),
    (re.compile(r"/wday/cxs/[^/]+/[^/]+/jobs/?$"), "workday"),
    (re.compile(r"/api/remote-jobs/?$"), "remotive"),
]


@dataclass
class Detection:
    url: str
    name: str
    scraper_config: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    @property
    def scraper_type(self) -> str:
        return self.scraper_config.get("type", "")


def detect_board(*, url: str, client: HttpClient) -> Detection:
    """How to scan `url`: a known ATS from its host; else an ATS the page embeds or links
    to; else the page's schema.org JobPosting data; else CSS selectors the user fills in."""
    url = url.strip()
    if config := config_from_known_url(url):
        label = scraper_class(config["type"]).label
        # Workday's shared host (wd3.myworkdaysite.com) names the company only in the path.
        name = _WORDS.sub(" ", config.get("tenant", "")).strip().title() or _name_from_url(url)
        return Detection(url, name, config, f"Recognised a {label} job board.")
    path = urlsplit(url).path
    for pattern, scraper_type in _API_PATHS:
        if pattern.search(path):
            label = scraper_class(scraper_type).label
            name = _name_from_api_path(path) or _name_from_url(url)
            return Detection(url, name, {"type": scraper_type}, f"Recognised a {label} API URL.")
    try:
        page = client.get_text(url)
    except ScrapeError as exc:
        return Detection(
            url,
            _name_from_url(url),
            {"type": "html"},
            f"Could not load the page ({exc}). Check the URL, or set the CSS selectors below.",
        )
    soup = BeautifulSoup(page, "lxml")
    name = _page_title(soup) or _name_from_url(url)
    if embedded := _embedded_ats(soup, url):
        ats_url, config = embedded
        label = scraper_class(config["type"]).label
        return Detection(ats_url, name, config, f"This page shows a {label} job board: using it.")
    jsonld = scraper_class("jsonld")(
        board_url=url, config={"type": "jsonld"}, client=client, limits=ScanLimits(1, 3)
    )
    try:
        found = jsonld.scrape().jobs
    except ScrapeError:
        found = []
    if found:
        return Detection(
            url, name, {"type": "jsonld"}, "Found job postings in the page's structured data."
        )
    return Detection(
        url,
        name,
        {"type": "html", "item": "", "title": ""},
        "No job board or structured job data recognised: tell Hunter where the jobs are "
        'with CSS selectors ("item" for each job, "title" inside it), or use "browser" if '
        "the page needs JavaScript.",
    )


def _embedded_ats(soup: BeautifulSoup, page_url: str) -> tuple[str, dict[str, Any]] | None:
    """A known ATS board that the page frames or links to (careers pages often embed one)."""
    for tag in soup.select("iframe[src], a[href], script[src]"):
        link = urljoin(page_url, tag.get("src") or tag.get("href") or "")
        if (config := config_from_known_url(link)) is not None:
            return link, config
    return None


def _page_title(soup: BeautifulSoup) -> str:
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    return re.split(r"\s[|–—-]\s", title)[0][:200] if title else ""


def _name_from_url(url: str) -> str:
    """A name guessed from the URL: jobs.lever.co/acme-robotics gives "Acme Robotics"."""
    parts = urlsplit(url)
    labels = (parts.hostname or "").split(".")
    if labels[0] == "www":
        labels = labels[1:]
    segments = [segment for segment in parts.path.split("/") if segment]
    # ATS hosts put the company in the path; company hosts put it in the host name.
    if len(labels) > 2 and labels[0] in _PATH_HOSTS and segments:
        candidate = segments[0]
    else:
        candidate = labels[0] if labels else ""
    return _WORDS.sub(" ", unquote(candidate)).strip().title()[:200]


def _name_from_api_path(path: str) -> str:
    """The company in an API path: /v1/boards/acme-robotics/jobs gives "Acme Robotics"."""
    segments = [segment for segment in path.split("/") if segment]
    for marker in ("boards", "postings", "job-board", "accounts", "companies", "cxs"):
        if marker in segments[:-1]:
            return _WORDS.sub(" ", unquote(segments[segments.index(marker) + 1])).strip().title()
    return ""
