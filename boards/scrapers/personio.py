"""Personio: the careers site's public XML feed, every position in one request.

The feed is remote XML, so it is read with defusedxml, which refuses entity tricks
(billion laughs, external entities) that the standard library's parsers would follow.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

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

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

CAREERS_DOMAINS = (".jobs.personio.de", ".jobs.personio.com")
FEED_ROOT = "workzag-jobs"  # the feed's root element, named after Personio's old name
_SUBDOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


class PersonioScraper(Scraper):
    type = "personio"
    label = "Personio"

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        found = _careers_site(url)
        return {"type": cls.type, "subdomain": found[0]} if found else None

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        subdomain = config.get("subdomain")
        if subdomain is not None and not (
            isinstance(subdomain, str) and _SUBDOMAIN.match(subdomain)
        ):
            return ['"subdomain" must be the first part of the careers site, like "acme".']
        return []

    def feed_url(self) -> str:
        """The XML feed: built from a careers URL, or the board URL itself when it is not
        one (a feed URL, used exactly as given, whatever its host)."""
        if site := self._site():
            return f"{site}/xml"
        return self.board_url

    def job_url_base(self) -> str:
        """What `/job/<id>` hangs from: the careers site, or else the feed URL's own
        base, so a feed given on another host links to that host."""
        if site := self._site():
            return site
        parts = urlsplit(self.board_url)
        path = parts.path.rstrip("/").removesuffix("/xml")
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))

    def scrape(self) -> ScrapeResult:
        url = self.feed_url()
        # Bytes, not text: the parser honours the encoding the XML declares.
        root = _parse_feed(self.client.get(url).content, url)
        result = ScrapeResult()
        for position in root.iterfind("position"):
            if result.is_full(self.limits.max_items):
                break
            if not _text(position, "name") or not _text(position, "id"):
                result.log.append("Skipped a Personio position without a name or id.")
                continue
            result.jobs.append(self._job(position))
        return result

    def _site(self) -> str | None:
        found = _careers_site(self.board_url)
        if found is None:
            return None
        subdomain, domain = found
        return f"https://{self.config.get('subdomain') or subdomain}{domain}"

    def _job(self, position: Element) -> ScrapedJob:
        title = _text(position, "name")
        offices = [_text(position, "office")]
        offices += [
            plain_text(office.text) for office in position.iterfind("additionalOffices/office")
        ]
        location = "; ".join(dict.fromkeys(office for office in offices if office))
        return ScrapedJob(
            title=title,
            url=f"{self.job_url_base()}/job/{_text(position, 'id')}",
            company=_text(position, "subcompany") or self.company,
            location=location,
            description_html=_description(position),
            posted_at=parse_when(_text(position, "createdAt")),
            remote=looks_remote(location, title),
            external_id=_text(position, "id"),
        )


def _careers_site(url: str) -> tuple[str, str] | None:
    """The subdomain and domain of a careers URL on Personio, or None if it is not one."""
    host = (urlsplit(url).hostname or "").lower()
    for domain in CAREERS_DOMAINS:
        subdomain = host.removesuffix(domain)
        if host.endswith(domain) and _SUBDOMAIN.match(subdomain):
            return subdomain, domain
    return None


def _parse_feed(body: bytes, url: str) -> Element:
    try:
        root = fromstring(body)
    except ParseError as exc:
        raise ScrapeError(f"{url} did not return valid XML ({exc}).") from exc
    except DefusedXmlException as exc:
        raise ScrapeError(
            f"{url} sent XML that declares entities or a DTD, which is refused for safety."
        ) from exc
    if root.tag != FEED_ROOT:
        raise ScrapeError(
            f"{url} did not return a Personio job feed (it starts with <{root.tag}>): "
            "is the careers site's name right?"
        )
    return root


def _text(element: Element, path: str) -> str:
    return plain_text(element.findtext(path))


def _description(position: Element) -> str:
    """The position's description sections as one HTML text, each under its heading."""
    parts = []
    for section in position.iterfind("jobDescriptions/jobDescription"):
        value = text_of(section.findtext("value"))
        if not value:
            continue
        if heading := _text(section, "name"):
            parts.append(f"<h3>{html.escape(heading)}</h3>")
        parts.append(value)
    return "\n".join(parts)


SCRAPER = PersonioScraper
