"""What every scraper shares: the record it returns, its errors, and its interface."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from jobs.salary import Salary

if TYPE_CHECKING:
    from boards.scrapers.http import HttpClient


@dataclass
class ScrapedJob:
    """One posting as a source gives it, before it is filtered and stored.

    `description_html` may be raw: the store sanitises it. `salary` is structured pay
    from an API, which wins over `salary_text`.
    """

    title: str
    url: str = ""
    company: str = ""
    location: str = ""
    description_html: str = ""
    salary_text: str = ""
    salary: Salary | None = None
    posted_at: datetime | None = None
    remote: bool = False
    external_id: str = ""


@dataclass
class ScrapeResult:
    jobs: list[ScrapedJob] = field(default_factory=list)
    # Notes for the scan's log that did not fail the board: a detail page that is gone,
    # the page cap reached, a record skipped for lacking a title, ...
    log: list[str] = field(default_factory=list)
    # False when a cap stopped the scan early: the board may have more postings, so
    # the ones not seen this time must not be taken for closed.
    complete: bool = True

    def is_full(self, max_items: int) -> bool:
        """Whether the scan holds `max_items` jobs already: then it is marked incomplete
        (the board may have more) and the cap noted, once."""
        if len(self.jobs) < max_items:
            return False
        if self.complete:
            self.log.append(f"Stopped at {max_items} jobs (max_items).")
            self.complete = False
        return True


class ScrapeError(Exception):
    """A board could not be read. The message is shown to the user as it is."""


@dataclass(frozen=True)
class ScanLimits:
    max_pages: int = 50
    max_items: int = 2000


class Scraper:
    """One source type. Subclasses set `type` and `label` and implement `scrape`.

    A scraper reads `board_url` (a careers page it derives the API call from, or an API
    URL it uses exactly as given) and `config` (the board's scraper_config), fetches
    only through `client`, and stops at `limits`.
    """

    type: ClassVar[str]
    label: ClassVar[str]

    def __init__(
        self,
        *,
        board_url: str,
        config: dict[str, Any],
        client: HttpClient,
        company: str = "",
        limits: ScanLimits | None = None,
    ) -> None:
        self.board_url = board_url
        self.config = config
        self.client = client
        # The name to give the board's jobs when a posting does not name its employer.
        self.company = config.get("company_name") or company
        self.limits = limits or ScanLimits(
            max_pages=int(config.get("max_pages", ScanLimits.max_pages)),
            max_items=int(config.get("max_items", ScanLimits.max_items)),
        )

    def scrape(self) -> ScrapeResult:
        raise NotImplementedError

    @classmethod
    def config_from_url(cls, url: str) -> dict[str, Any] | None:
        """The scraper_config for a careers URL of this source, or None if it is not one."""
        return None

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> list[str]:
        """Problems with `config`, in words a user understands; empty when it is fine."""
        return []


# --- Small readers that several sources need ------------------------------------------

_REMOTE_WORDS = ("remote", "anywhere", "work from home", "wfh", "distributed")


def looks_remote(*texts: str | None) -> bool:
    """Whether a location or title says the job can be done remotely."""
    joined = " ".join(text for text in texts if text).lower()
    return any(word in joined for word in _REMOTE_WORDS)


def parse_when(value: object) -> datetime | None:
    """A timezone-aware datetime from what sources use: ISO 8601 text (with or without
    a zone or time), RFC 2822 text, or Unix seconds or milliseconds. None if unreadable."""
    import email.utils
    from datetime import UTC

    if value in (None, ""):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.endswith(" UTC"):  # "2021-03-15 09:54:19 UTC" (Recruitee)
        text = text.removesuffix(" UTC") + "+00:00"
    if text.isdigit():
        return parse_when(int(text))
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def text_of(value: object) -> str:
    """A string field that sources sometimes send as null, a number, or padded."""
    if value is None:
        return ""
    return str(value).strip()


def plain_text(value: object) -> str:
    """A one-line text field that sources often send HTML-escaped ("R&amp;D")."""
    import html

    if isinstance(value, dict | list):
        return ""
    return " ".join(html.unescape(text_of(value)).split())


def first_line(exc: BaseException | object) -> str:
    """The first line of an error's message, short enough for a scan log."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
