"""Any careers page, read with CSS selectors: items on listing pages, paging, detail pages.

Also home to what every page-reading scraper shares (`jsonld`, `browser`): fetching a
page, parsing lenient HTML, resolving links and checking selectors.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import soupsieve
from bs4 import BeautifulSoup, Tag

from boards.scrapers.base import (
    ScrapedJob,
    ScrapeError,
    Scraper,
    ScrapeResult,
    looks_remote,
    parse_when,
)

if TYPE_CHECKING:
    from boards.scrapers.http import HttpClient

# Beyond this many notes of one kind, the scan log says how many more there were.
MAX_SIMILAR_NOTES = 10


# --- Reading pages, for every scraper that reads HTML ---------------------------------


@dataclass(frozen=True)
class FetchedPage:
    """A page's HTML and the URL it was read from in the end (after redirects)."""

    url: str
    html: str | bytes


def read_page(client: HttpClient, url: str) -> FetchedPage:
    """The page at `url`, through the shared client."""
    response = client.get(url)
    # Without a charset in the headers, hand lxml the bytes so it reads the page's own
    # <meta charset> rather than take the client's guess.
    html = response.text if response.charset_encoding else response.content
    return FetchedPage(url=str(response.url), html=html)


def parse_html(html: str | bytes) -> BeautifulSoup:
    # lxml reads broken markup the way browsers do, without ever raising.
    return BeautifulSoup(html, "lxml")


def base_url_of(soup: BeautifulSoup, page_url: str) -> str:
    """The URL the page's relative links are relative to: its <base href>, if any."""
    base = soup.find("base", href=True)
    return urljoin(page_url, str(base["href"]).strip()) if isinstance(base, Tag) else page_url


def absolute_url(href: object, base: str) -> str:
    """The http(s) URL a link points to, or "" for in-page anchors, mailto: and the like."""
    if not isinstance(href, str) or not href.strip() or href.strip().startswith("#"):
        return ""
    url = urljoin(base, href.strip())
    return url if urlsplit(url).scheme in ("http", "https") else ""


def without_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(fragment=""))


def text_in(element: Tag | None) -> str:
    """An element's text on one line, as a reader sees it."""
    if element is None:
        return ""
    return " ".join(element.get_text(" ").split())


def selector_problem(key: str, selector: object) -> str | None:
    """What is wrong with a CSS selector from a board's config, or None."""
    if not isinstance(selector, str) or not selector.strip():
        return f'"{key}" must be a CSS selector, like "li.job".'
    try:
        soupsieve.compile(selector)
    except soupsieve.SelectorSyntaxError as exc:
        reason = str(exc).splitlines()[0]
        return f'"{key}" is not a valid CSS selector: {selector!r} ({reason}).'
    return None


def add_notes(result: ScrapeResult, notes: list[str]) -> None:
    """Add notes of one kind to the scan's log: a thousand dead links need not be a
    thousand lines."""
    result.log.extend(notes[:MAX_SIMILAR_NOTES])
    if len(notes) > MAX_SIMILAR_NOTES:
        result.log.append(f"... and {len(notes) - MAX_SIMILAR_NOTES} more like these.")


def with_query_param(url: str, name: str, value: object) -> str:
    """`url` with the query parameter `name` set to `value`, other parameters kept."""
    parts = urlsplit(url)
    query = [
        (key, val) for key, val in parse_qsl(parts.query, keep_blank_values=True) if key != name
    ]
    query.append((name, str(value)))
    return urlunsplit(parts._replace(query=urlencode(query)))


# --- The scraper ----------------------------------------------------------------------

# Selectors read inside each item; `description` is read on the item's detail page and
# `next` on the listing page.
ITEM_SELECTORS = ("title", "link", "company", "location", "salary", "posted")
SELECTOR_KEYS = ("item", *ITEM_SELECTORS, "description", "next")


class HtmlScraper(Scraper):
    """Jobs from a listing page by CSS selectors: {"item": "li.job", "title": "h3", ...}.

    Pages on by a "next" link selector or a "page_param" counter; with a "description"
    selector, reads each job's detail page too.
    """

    type = "html"
    label = "Web page (CSS selectors)"
    # Said when the item selector matches nothing on the first page.
    nothing_matched_hint = ' If the page builds its list with JavaScript, use the "browser" type.'

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        problems = []
        if not config.get("item"):
            problems.append(
                f'The "{cls.type}" scraper needs an "item" selector: the element that holds '
                'one job, like "li.job".'
            )
        if not config.get("title"):
            problems.append(
                f'The "{cls.type}" scraper needs a "title" selector: the job title inside an '
                'item, like "h3".'
            )
        for key in SELECTOR_KEYS:
            # Blank optional fields are how a form says "not set".
            if config.get(key) not in (None, "") and (
                problem := selector_problem(key, config[key])
            ):
                problems.append(problem)
        page_param = config.get("page_param")
        if page_param not in (None, "") and not isinstance(page_param, str):
            problems.append(
                '"page_param" must be the name of the page number in the URL, like "page".'
            )
        if config.get("next") and page_param:
            problems.append('Use either "next" or "page_param" to turn pages, not both.')
        first_page = config.get("first_page")
        if first_page is not None and (not isinstance(first_page, int) or first_page < 0):
            problems.append('"first_page" must be a whole number, like 1 (or 0).')
        return problems

    # Fetching: HTTP here, a rendering browser in the `browser` scraper.

    def fetch_page(self, url: str, *, wait_for: str | None = None) -> FetchedPage:
        """The page at `url`. `wait_for` is for renderers, which must wait for a page's
        scripts to build it; plain HTTP has nothing to wait for."""
        return read_page(self.client, url)

    def fetch_pages(
        self, urls: list[str], *, wait_for: str | None = None
    ) -> list[tuple[str, FetchedPage | Exception]]:
        """Each URL's page or the reason it failed, a few at a time, in order."""
        return self.client.fetch_many(lambda url: self.fetch_page(url, wait_for=wait_for), urls)

    # Scraping

    def scrape(self) -> ScrapeResult:
        if problems := self.validate_config(self.config):
            raise ScrapeError(" ".join(problems))
        result = ScrapeResult()
        self._read_listing(result)
        if self.config.get("description") and result.jobs:
            self._read_descriptions(result)
        return result

    def _read_listing(self, result: ScrapeResult) -> None:
        item_selector = self.config["item"]
        seen_pages: set[str] = set()
        seen_urls: set[str] = set()
        previous_page: list[tuple[str, str]] | None = None
        untitled = 0
        url = self._first_page_url()
        for number in itertools.count(1):
            seen_pages.add(without_fragment(url))
            try:
                page = self.fetch_page(url, wait_for=item_selector)
            except ScrapeError as exc:
                if number == 1:
                    raise
                # Keep what the earlier pages gave; the rest of the board is unknown.
                result.log.append(f"Stopped at page {number}: {exc}")
                result.complete = False
                break
            seen_pages.add(without_fragment(page.url))
            soup = parse_html(page.html)
            base = base_url_of(soup, page.url)
            items = soup.select(item_selector)
            if not items:
                if number == 1:
                    result.log.append(self._nothing_matched_note(page.url))
                break
            jobs = [self._job_in(item, base) for item in items]
            untitled += jobs.count(None)
            found = [job for job in jobs if job is not None]
            page_jobs = [(job.title, job.url) for job in found]
            if page_jobs == previous_page:
                # Some sites answer a page number past the end with the last page again.
                break
            previous_page = page_jobs
            if not self._keep(result, found, seen_urls):
                break
            next_url = self._next_page_url(soup, base, number)
            if not next_url or without_fragment(next_url) in seen_pages:
                break
            if number >= self.limits.max_pages:
                result.log.append(
                    f"Stopped after {number} pages (max_pages): the board may have more."
                )
                result.complete = False
                break
            url = next_url
        if untitled:
            result.log.append(
                f'Skipped {untitled} item(s) in which the "title" selector matched nothing.'
            )

    def _keep(self, result: ScrapeResult, jobs: list[ScrapedJob], seen_urls: set[str]) -> bool:
        """Add the jobs not listed already (featured and again in the list); False once
        max_items is reached."""
        for job in jobs:
            if job.url and job.url in seen_urls:
                continue
            if len(result.jobs) >= self.limits.max_items:
                result.log.append(f"Stopped at {self.limits.max_items} jobs (max_items).")
                result.complete = False
                return False
            seen_urls.add(job.url)
            result.jobs.append(job)
        return True

    def _nothing_matched_note(self, url: str) -> str:
        return (
            f'The "item" selector {self.config["item"]!r} matched nothing on {url}: check it '
            f"against the page.{self.nothing_matched_hint}"
        )

    def _first_page_url(self) -> str:
        if page_param := self.config.get("page_param"):
            return with_query_param(self.board_url, page_param, self.config.get("first_page", 1))
        return self.board_url

    def _next_page_url(self, soup: BeautifulSoup, base: str, number: int) -> str:
        """The page after page `number`, or "" when the board gives none."""
        if page_param := self.config.get("page_param"):
            first = self.config.get("first_page", 1)
            return with_query_param(self.board_url, page_param, first + number)
        if selector := self.config.get("next"):
            return _href_of(soup.select_one(selector), base)
        return ""

    def _job_in(self, item: Tag, base: str) -> ScrapedJob | None:
        """The job one listing item describes, or None when it has no title."""
        title = text_in(self._pick(item, "title"))
        if not title:
            return None
        location = text_in(self._pick(item, "location"))
        posted = self._pick(item, "posted")
        link = self._pick(item, "link") if self.config.get("link") else item
        return ScrapedJob(
            title=title,
            url=_href_of(link, base),
            company=text_in(self._pick(item, "company")) or self.company,
            location=location,
            salary_text=text_in(self._pick(item, "salary")),
            # <time datetime="2026-03-01"> says it exactly; the text may say "4 days ago".
            posted_at=parse_when(posted.get("datetime") or text_in(posted)) if posted else None,
            remote=looks_remote(location, title),
        )

    def _pick(self, item: Tag, key: str) -> Tag | None:
        selector = self.config.get(key)
        return item.select_one(selector) if selector else None

    def _read_descriptions(self, result: ScrapeResult) -> None:
        selector = self.config["description"]
        jobs = [job for job in result.jobs if job.url]
        failures, unmatched = [], []
        for job, (url, page) in zip(
            jobs, self.fetch_pages([job.url for job in jobs], wait_for=selector), strict=True
        ):
            if isinstance(page, Exception):
                failures.append(f'Kept "{job.title}" without its description: {page}')
                continue
            parts = parse_html(page.html).select(selector)
            if not parts:
                unmatched.append(url)
                continue
            job.description_html = "\n".join(str(part) for part in parts)
        add_notes(result, failures)
        if unmatched:
            result.log.append(
                f'The "description" selector {selector!r} matched nothing on '
                f"{len(unmatched)} detail page(s), such as {unmatched[0]}."
            )


def _href_of(element: Tag | None, base: str) -> str:
    """The URL of a link: the element's own href, or that of the first link inside it."""
    if element is None:
        return ""
    if not element.get("href"):
        found = element.find("a", href=True)
        if not isinstance(found, Tag):
            return ""
        element = found
    return absolute_url(element.get("href"), base)


SCRAPER = HtmlScraper
