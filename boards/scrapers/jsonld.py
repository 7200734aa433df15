"""schema.org `JobPosting` in JSON-LD: the structured data careers pages publish for
search engines, read from the board page or from the job pages it links to."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from boards.scrapers.base import (
    ScrapedJob,
    ScrapeError,
    Scraper,
    ScrapeResult,
    looks_remote,
    parse_when,
    plain_text,
    text_of,
)
from boards.scrapers.html import (
    absolute_url,
    add_notes,
    base_url_of,
    parse_html,
    read_page,
    selector_problem,
    without_fragment,
)
from jobs.salary import Period, Salary, positive_amount

# Path segments under which careers sites put their job pages: /jobs/123, /careers/x.
JOB_SECTIONS = {"job", "jobs", "career", "careers", "position", "positions", "opening",
                "openings", "vacancy", "vacancies", "opportunity", "opportunities", "role",
                "roles", "posting", "postings"}  # fmt: skip
# unitText as Google documents it (HOUR ... YEAR), its -LY forms, and UN/CEFACT codes.
PERIODS: dict[str, Period] = {"HOUR": "hour", "HUR": "hour", "DAY": "day", "DAI": "day",
                              "WEEK": "week", "WEE": "week", "MONTH": "month", "MON": "month",
                              "YEAR": "year", "ANN": "year"}  # fmt: skip
_HAS_TAG = re.compile(r"<[a-zA-Z/!]")
_ESCAPED_TAG = re.compile(r"&(amp;)*lt;[a-zA-Z/!]")
_WRAPPER_START = re.compile(r"^\s*(<!--|(//\s*)?<!\[CDATA\[)")
_WRAPPER_END = re.compile(r"(-->|(//\s*)?\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


class JsonLdScraper(Scraper):
    """Postings from the board page's JSON-LD, or, when it has none, from the pages it
    links to: those matching "link_selector", or by default same-site job-like links."""

    type = "jsonld"
    label = "Structured data (schema.org JobPosting)"

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        selector = config.get("link_selector")
        if selector not in (None, "") and (problem := selector_problem("link_selector", selector)):
            return [problem]
        return []

    def scrape(self) -> ScrapeResult:
        if problems := self.validate_config(self.config):
            raise ScrapeError(" ".join(problems))
        result = ScrapeResult()
        page = read_page(self.client, self.board_url)
        soup = parse_html(page.html)
        jobs, notes = postings_in(soup, page.url, company=self.company)
        result.log.extend(notes)
        if jobs:
            self._keep(result, jobs, seen=set())
            return result
        links = self._job_links(soup, page.url)
        if not links:
            result.log.append(
                f"Found no JobPosting data on {page.url}, and no links to job pages to look in."
            )
            return result
        if len(links) > self.limits.max_items:
            result.log.append(
                f"Read the first {self.limits.max_items} of {len(links)} linked pages (max_items)."
            )
            result.complete = False
            links = links[: self.limits.max_items]
        self._read_linked_pages(links, result)
        return result

    def _job_links(self, soup: BeautifulSoup, page_url: str) -> list[str]:
        """The pages to look in for postings, in the order the board lists them."""
        base = base_url_of(soup, page_url)
        selector = self.config.get("link_selector")
        here = without_fragment(page_url)
        links: dict[str, None] = {}  # ordered, without repeats
        for element in soup.select(selector) if selector else soup.find_all("a", href=True):
            anchor = element if element.get("href") else element.find("a", href=True)
            if anchor is None:
                continue
            url = without_fragment(absolute_url(anchor.get("href"), base))
            if not url or url == here or url in links:
                continue
            # A chosen selector is trusted, even off-site (a board hosted elsewhere).
            if selector or looks_like_job_page(url, page_url):
                links[url] = None
        return list(links)

    def _read_linked_pages(self, links: list[str], result: ScrapeResult) -> None:
        def postings_on(url: str) -> tuple[list[ScrapedJob], list[str]]:
            page = read_page(self.client, url)
            return postings_in(parse_html(page.html), page.url, company=self.company)

        failures, without_postings, notes = [], [], []
        seen: set[tuple[str, ...]] = set()
        for url, outcome in self.client.fetch_many(postings_on, links):
            if isinstance(outcome, Exception):
                failures.append(f"Skipped a linked page: {outcome}")
                continue
            jobs, page_notes = outcome
            notes.extend(page_notes)
            if not jobs:
                without_postings.append(url)
            if not self._keep(result, jobs, seen=seen):
                break
        add_notes(result, notes)
        add_notes(result, failures)
        if without_postings:
            result.log.append(
                f"{len(without_postings)} of {len(links)} linked pages had no JobPosting data, "
                f"such as {without_postings[0]}."
            )

    def _keep(
        self, result: ScrapeResult, jobs: list[ScrapedJob], *, seen: set[tuple[str, ...]]
    ) -> bool:
        """Add the jobs not seen yet; False once max_items is reached."""
        for job in jobs:
            key = _identity(job)
            if key in seen:
                continue
            if len(result.jobs) >= self.limits.max_items:
                result.log.append(f"Stopped at {self.limits.max_items} jobs (max_items).")
                result.complete = False
                return False
            seen.add(key)
            result.jobs.append(job)
        return True


def find_job_postings(html: str, page_url: str) -> list[ScrapedJob]:
    """The JobPostings in a page's JSON-LD: how URL detection recognises a job page."""
    jobs, _ = postings_in(parse_html(html), page_url)
    return jobs


def looks_like_job_page(url: str, page_url: str) -> bool:
    """Whether a link from `page_url` leads to a job page on the same site: its path
    sits below a jobs section (/jobs/123, /careers/engineer) or names one (/job-4521)."""
    target, here = urlsplit(url), urlsplit(page_url)
    if _site(target.hostname) != _site(here.hostname) or target.path == here.path:
        return False
    segments = [segment.lower() for segment in target.path.split("/") if segment]
    return any(
        (segment in JOB_SECTIONS and position < len(segments) - 1)
        or (segment.startswith("job") and segment not in JOB_SECTIONS)
        for position, segment in enumerate(segments)
    )


def _site(hostname: str | None) -> str:
    return (hostname or "").lower().removeprefix("www.")


# --- From JSON-LD to ScrapedJob -------------------------------------------------------


def postings_in(
    soup: BeautifulSoup, page_url: str, *, company: str = ""
) -> tuple[list[ScrapedJob], list[str]]:
    """The jobs in a page's JSON-LD blocks, and notes on what could not be read."""
    nodes: dict[str, dict[str, Any]] = {}
    notes = []
    for script in soup.find_all("script"):
        kind = str(script.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        try:
            data = _load_json(script.get_text())
        except ValueError as exc:
            notes.append(f"Skipped a JSON-LD block on {page_url} that is not valid JSON ({exc}).")
            continue
        for node in _job_posting_nodes(data):
            # Pages repeat a block (in <head> and again in <noscript>): count it once.
            nodes.setdefault(json.dumps(node, sort_keys=True, default=str), node)
    jobs: list[ScrapedJob] = []
    seen: set[tuple[str, ...]] = set()
    for node in nodes.values():
        # The page URL stands in for a posting's own only when it can mean just that one.
        alone = len(nodes) == 1
        job = job_from_posting(node, page_url=page_url, company=company, page_is_the_posting=alone)
        if job is None:
            notes.append(f"Skipped a JobPosting without a title on {page_url}.")
        elif _identity(job) not in seen:
            seen.add(_identity(job))
            jobs.append(job)
    return jobs, notes


def job_from_posting(
    node: dict[str, Any], *, page_url: str, company: str = "", page_is_the_posting: bool = True
) -> ScrapedJob | None:
    """The job a JobPosting object describes, or None when it has no title."""
    title = plain_text(node.get("title") or node.get("name"))
    if not title:
        return None
    locations, telecommute = _locations(node)
    location = "; ".join(locations)
    url = absolute_url(_first(node.get("url")), page_url)
    return ScrapedJob(
        title=title,
        url=url or (page_url if page_is_the_posting else ""),
        company=_name_of(node.get("hiringOrganization")) or company,
        location=location,
        description_html=_description(node.get("description")),
        salary=salary_from(node.get("baseSalary")),
        posted_at=parse_when(text_of(_first(node.get("datePosted")))),
        remote=telecommute or looks_remote(location, title),
        external_id=_identifier(node.get("identifier")),
    )


def salary_from(base_salary: object) -> Salary | None:
    """Pay from a schema.org MonetaryAmount: {"currency": "USD", "value":
    {"minValue": 100000, "maxValue": 120000, "unitText": "YEAR"}}, or a bare amount."""
    amount = _first(base_salary)
    if not isinstance(amount, dict):
        low = positive_amount(amount)
        return Salary(min=low, max=None, currency=None) if low else None
    value = amount.get("value")
    currency = text_of(amount.get("currency"))
    unit = amount.get("unitText")
    if isinstance(value, dict):
        low, high = positive_amount(value.get("minValue")), positive_amount(value.get("maxValue"))
        low = low or positive_amount(value.get("value")) or high
        currency = currency or text_of(value.get("currency"))
        unit = value.get("unitText") or unit
    else:
        low, high = positive_amount(_first(value)), None
    if not low:
        return None
    if high is not None and high < low:
        low, high = high, low
    return Salary(
        min=low,
        max=high if high and high != low else None,
        currency=currency.upper() or None,
        period=_period(unit),
    )


def _load_json(text: str) -> Any:
    # Old templates wrap the block in <!-- --> or CDATA markers, left over from XHTML.
    text = _WRAPPER_END.sub("", _WRAPPER_START.sub("", text)).strip()
    if not text:
        return None
    try:
        # strict=False lets raw line breaks inside strings through: common in descriptions.
        return json.loads(text, strict=False)
    except json.JSONDecodeError as first_error:
        try:
            # Hand-built templates often leave a comma before a closing bracket.
            return json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False)
        except json.JSONDecodeError:
            raise first_error from None


def _job_posting_nodes(data: object, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JobPosting in a JSON-LD document, wherever it sits: the top level, an array,
    an @graph, an ItemList's items, a WebPage's mainEntity."""
    if depth > 12:
        return
    if isinstance(data, list):
        for value in data:
            yield from _job_posting_nodes(value, depth + 1)
    elif isinstance(data, dict):
        if _is_a(data, "JobPosting"):
            yield data
            return
        for value in data.values():
            if isinstance(value, dict | list):
                yield from _job_posting_nodes(value, depth + 1)


def _is_a(node: dict[str, Any], type_name: str) -> bool:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    # "JobPosting", "schema:JobPosting" and "http://schema.org/JobPosting" all count.
    return any(
        isinstance(kind, str) and re.split(r"[/:#]", kind)[-1] == type_name for kind in types
    )


def _locations(node: dict[str, Any]) -> tuple[list[str], bool]:
    """Where the job is, one name per place, and whether it is remote (TELECOMMUTE)."""
    names: list[str] = []
    for place in _as_list(node.get("jobLocation")):
        if isinstance(place, dict):
            name = _address(place.get("address")) or plain_text(place.get("name"))
        else:
            name = plain_text(place)
        if name and name not in names:
            names.append(name)
    location_types = [text_of(kind).upper() for kind in _as_list(node.get("jobLocationType"))]
    telecommute = "TELECOMMUTE" in location_types
    if telecommute:
        allowed = [_name_of(area) for area in _as_list(node.get("applicantLocationRequirements"))]
        where = ", ".join(area for area in allowed if area)
        names.append(f"Remote ({where})" if where else "Remote")
    return names, telecommute


def _address(address: object) -> str:
    """ "Berlin, Berlin, DE" from a PostalAddress: locality, region and country, each once."""
    if isinstance(address, list):
        return "; ".join(filter(None, (_address(part) for part in address)))
    if not isinstance(address, dict):
        return plain_text(address)
    parts: list[str] = []
    for key in ("addressLocality", "addressRegion", "addressCountry"):
        part = _name_of(address.get(key))
        if part and part.lower() not in (kept.lower() for kept in parts):
            parts.append(part)
    return ", ".join(parts)


def _description(value: object) -> str:
    text = text_of(_first(value))
    # Some sites escape the HTML once more ("&lt;p&gt;"), a few twice.
    for _ in range(2):
        if _HAS_TAG.search(text) or not _ESCAPED_TAG.search(text):
            break
        text = html.unescape(text)
    return text


def _name_of(value: object) -> str:
    """The name of an Organization, Country or Place, given as an object or as text."""
    value = _first(value)
    if isinstance(value, dict):
        return plain_text(value.get("name"))
    return plain_text(value)


def _identifier(value: object) -> str:
    value = _first(value)
    if isinstance(value, dict):
        return text_of(value.get("value") or value.get("name"))
    return text_of(value)


def _period(unit: object) -> Period:
    code = re.sub(r"[^A-Z]", "", text_of(unit).upper()).removeprefix("PER")
    for prefix, period in PERIODS.items():
        if code.startswith(prefix):
            return period
    return "year"


def _first(value: object) -> object:
    return value[0] if isinstance(value, list) and value else value


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _identity(job: ScrapedJob) -> tuple[str, ...]:
    """What makes two postings the same one: the employer's id for it, when given (the
    same posting is often linked as /jobs/1 and /jobs/1?ref=home)."""
    if job.external_id:
        return ("id", job.company, job.external_id)
    return ("url", job.url, job.title, job.company, job.location)


SCRAPER = JsonLdScraper
