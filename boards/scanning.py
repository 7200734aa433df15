"""Scanning a board: fetch its postings, keep the wanted ones, store the new ones."""

from __future__ import annotations

import hashlib
import logging
import re
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from psycopg.types.json import Jsonb

from boards.events import announce_scan
from boards.models import JobBoard, Scan
from boards.scrapers import scraper_class
from boards.scrapers.base import ScanLimits, ScrapedJob, ScrapeError
from boards.scrapers.http import HttpClient
from jobs.html import html_to_text, sanitize_description
from jobs.models import Job
from jobs.salary import Salary, parse_salary
from jobs.scoring import Criteria, current_criteria, score_posting

logger = logging.getLogger(__name__)

# A scan that has been "running" this long died with its worker: django-q2's hard
# limit is 15 minutes.
STALE_SCAN = timedelta(minutes=16)

TRACKING_PARAMS = {
    "gh_src", "lever-source", "lever-origin", "lever-source[]", "ref", "referrer", "referer",
    "source", "src", "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "trk", "trackingid",
    "refid", "_hsenc", "_hsmi", "campaign", "utm",
}  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}
_NOT_WORD = re.compile(r"[^\w]+")
MAX_SALARY = 2_000_000_000  # what the integer column holds, with room to spare


def normalize_url(url: str) -> str:
    """The URL with what does not identify a posting removed: scheme and host in lower
    case, no default port, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMS and not key.lower().startswith("utm_")
    )
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def compute_dedup_hash(*, url: str, title: str = "", company: str = "") -> str:
    """SHA-256 of the normalised URL, or of the normalised title and company without one."""
    if url.strip():
        key = normalize_url(url)
    else:
        key = "{}|{}".format(
            *(_NOT_WORD.sub(" ", text).strip().lower() for text in (title, company))
        )
    return hashlib.sha256(key.encode()).hexdigest()


def keyword_pattern(keywords: Sequence[str]) -> re.Pattern[str] | None:
    """A case-insensitive whole-word pattern for any of the keywords (phrases allowed)."""
    words = [
        r"\s+".join(map(re.escape, keyword.split())) for keyword in keywords if keyword.strip()
    ]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def filter_by_keywords(jobs: Iterable[ScrapedJob], keywords: Sequence[str]) -> list[ScrapedJob]:
    """The jobs whose title or description mentions one of the keywords; all when none."""
    pattern = keyword_pattern(keywords)
    if pattern is None:
        return list(jobs)
    return [
        job
        for job in jobs
        if pattern.search(job.title) or pattern.search(html_to_text(job.description_html))
    ]


# --- Storing ------------------------------------------------------------------------

# The columns a scan writes, with the Postgres type of each (for unnest's arrays).
_COLUMNS = {
    "id": "uuid", "board_id": "uuid", "title": "text", "company": "text", "location": "text",
    "url": "text", "description": "text", "is_remote": "boolean", "external_id": "text",
    "salary_min": "integer", "salary_max": "integer", "salary_currency": "text",
    "salary_period": "text", "salary_text": "text", "match_score": "smallint",
    "score_breakdown": "jsonb", "below_min_salary": "boolean", "dedup_hash": "text",
    "is_new": "boolean", "is_hidden": "boolean", "posted_at": "timestamptz",
    "last_seen_at": "timestamptz", "created_at": "timestamptz", "updated_at": "timestamptz",
}  # fmt: skip
_HASH = list(_COLUMNS).index("dedup_hash")
_BATCH = 5000
_INSERT = (
    f"INSERT INTO {Job._meta.db_table} ({', '.join(_COLUMNS)}) "
    f"SELECT * FROM unnest({', '.join(f'%s::{kind}[]' for kind in _COLUMNS.values())}) "
    "ON CONFLICT (dedup_hash) DO NOTHING RETURNING 1"  # a scan running beside this one
)


def store_scraped_jobs(
    *,
    board: JobBoard | None,
    scraped: Iterable[ScrapedJob],
    seen_at: datetime | None = None,
    criteria: Criteria | None = None,
) -> int:
    """Store the postings that are new, scored, and return how many there were.

    Per few thousand postings: one query finds those already stored (they are only
    marked seen again, which reopens one taken for closed), and one INSERT adds the
    rest, their columns sent as arrays and unnested.
    """
    seen_at = seen_at or timezone.now()
    criteria = criteria or current_criteria()
    rows: dict[str, tuple[object, ...]] = {}
    for job in scraped:
        row = _row(board, job, seen_at, criteria)
        rows.setdefault(row[_HASH], row)  # a page may list a posting twice
    hashes = list(rows)
    new = 0
    with connection.cursor() as cursor:
        for start in range(0, len(hashes), _BATCH):
            batch = hashes[start : start + _BATCH]
            cursor.execute(
                f"UPDATE {Job._meta.db_table} SET last_seen_at = %s, closed_at = NULL "
                "WHERE dedup_hash = ANY(%s) RETURNING dedup_hash",
                [seen_at, batch],
            )
            known = {dedup_hash for (dedup_hash,) in cursor.fetchall()}
            fresh = [rows[dedup_hash] for dedup_hash in batch if dedup_hash not in known]
            if fresh:
                cursor.execute(_INSERT, [list(column) for column in zip(*fresh, strict=True)])
                new += len(cursor.fetchall())
    return new


def _row(
    board: JobBoard | None, job: ScrapedJob, seen_at: datetime, criteria: Criteria
) -> tuple[object, ...]:
    salary = job.salary or (parse_salary(job.salary_text) if job.salary_text else None)
    annual_min, annual_max = _annual_range(salary)
    currency = (salary.currency or "")[:3] if salary and annual_min is not None else ""
    url = job.url.strip() if len(job.url.strip()) <= 2000 else ""
    title = job.title.strip()[:500]
    company = job.company.strip()[:300]
    location = job.location.strip()[:300]
    description = sanitize_description(job.description_html)
    score = score_posting(
        criteria,
        title=title,
        description=description,
        location=location,
        is_remote=job.remote,
        salary_min=annual_min,
        salary_max=annual_max,
        salary_currency=currency,
    )
    return (
        uuid.uuid4(),
        board.pk if board else None,
        title,
        company,
        location,
        url,
        description,
        job.remote,
        job.external_id[:200],
        annual_min,
        annual_max,
        currency,
        salary.period if salary and annual_min is not None else "",
        job.salary_text.strip()[:300],
        score.total,
        Jsonb(score.breakdown),
        score.below_min_salary,
        compute_dedup_hash(url=url, title=title, company=company),
        True,
        False,
        job.posted_at,
        seen_at,
        seen_at,
        seen_at,
    )


def _annual_range(salary: Salary | None) -> tuple[int | None, int | None]:
    """Annual amounts that fit the table, lowest first; (None, None) for nonsense."""
    if salary is None:
        return None, None
    low, high = salary.annual_min, salary.annual_max
    if high is not None and high < low:
        low, high = high, low
    if low <= 0 or (high or low) > MAX_SALARY:
        return None, None
    return low, high


# --- Scanning -----------------------------------------------------------------------


@dataclass
class ScanReport:
    board: JobBoard
    status: str = Scan.Status.SUCCESS
    fetched: int = 0
    kept: int = 0
    new: int = 0
    seconds: float = 0.0
    error: str = ""
    log: list[str] = field(default_factory=list)
    skipped: bool = False

    @property
    def failed(self) -> bool:
        return self.status == Scan.Status.FAILED


def claim_board(board: JobBoard, now: datetime) -> bool:
    """Mark the board running unless a live scan already holds it; True if we got it."""
    claimed = (
        JobBoard.objects.filter(pk=board.pk)
        .filter(
            ~Q(last_scan_status=JobBoard.ScanStatus.RUNNING)
            | Q(scan_started_at__lt=now - STALE_SCAN)
        )
        .update(last_scan_status=JobBoard.ScanStatus.RUNNING, scan_started_at=now)
    )
    return claimed == 1


def scan_board(
    *,
    board: JobBoard,
    dry_run: bool = False,
    client: HttpClient | None = None,
    limits: ScanLimits | None = None,
) -> ScanReport:
    """Scan one board: fetch, keyword-filter, store, and record the outcome on the board.

    A failure is recorded on the board and in the report, never raised: one broken
    board must not stop the others. With `dry_run` nothing is stored or recorded.
    """
    started = time.monotonic()
    now = timezone.now()
    report = ScanReport(board=board)
    if not dry_run and not claim_board(board, now):
        report.skipped = True
        report.log.append("Another scan of this board is running.")
        return report
    scan = None
    if not dry_run:
        scan = Scan.objects.create(board=board, started_at=now)
        board.scan_started_at = now
        announce_scan(board)
    own_client = client is None
    client = client or HttpClient()
    try:
        scraper = scraper_class(board.scraper_config["type"])(
            board_url=board.url,
            config=board.scraper_config,
            client=client,
            company=board.name,
            limits=limits,
        )
        result = scraper.scrape()
        report.fetched = len(result.jobs)
        report.log.extend(result.log)
        kept = filter_by_keywords(result.jobs, board.keyword_filters)
        report.kept = len(kept)
        if not dry_run:
            report.new = store_scraped_jobs(board=board, scraped=kept, seen_at=now)
            if result.complete:
                _close_vanished_jobs(board=board, fetched=result.jobs, scan_started=now)
    except ScrapeError as exc:
        report.status, report.error = Scan.Status.FAILED, str(exc)
    except Exception as exc:  # a bug in one scraper must not take the scheduler down
        logger.exception("scan_crashed", extra={"board": str(board.pk)})
        report.status = Scan.Status.FAILED
        report.error = f"Unexpected error while scanning: {type(exc).__name__}: {exc}"
    finally:
        if own_client:
            client.close()
    report.seconds = time.monotonic() - started
    if not dry_run:
        _record(board=board, scan=scan, report=report)
        announce_scan(board, report=report)
    logger.info(
        "scan_finished",
        extra={
            "board": board.name,
            "status": report.status,
            "fetched": report.fetched,
            "kept": report.kept,
            "new": report.new,
            "seconds": round(report.seconds, 2),
            "error": report.error,
        },
    )
    return report


def _close_vanished_jobs(
    *, board: JobBoard, fetched: list[ScrapedJob], scan_started: datetime
) -> int:
    """Mark closed the board's open postings that this complete scan no longer found."""
    found = [
        compute_dedup_hash(url=job.url, title=job.title, company=job.company) for job in fetched
    ]
    return (
        Job.objects.filter(board=board, closed_at__isnull=True, last_seen_at__lt=scan_started)
        .exclude(dedup_hash__in=found)
        .update(closed_at=timezone.now())
    )


def _record(*, board: JobBoard, scan: Scan | None, report: ScanReport) -> None:
    finished = timezone.now()
    status = JobBoard.ScanStatus(report.status)
    JobBoard.objects.filter(pk=board.pk).update(
        last_scan_status=status,
        last_scan_error=report.error,
        last_scanned_at=finished,
        scan_started_at=None,
    )
    board.last_scan_status, board.last_scan_error, board.last_scanned_at = (
        status,
        report.error,
        finished,
    )
    if scan is not None:
        scan.status = report.status
        scan.finished_at = finished
        scan.fetched, scan.kept, scan.new = report.fetched, report.kept, report.new
        scan.error = report.error
        scan.log = report.log
        scan.save()


def fail_stale_scans(now: datetime | None = None) -> int:
    """Boards left "running" by a scan that died (worker crash, hard time limit) are
    marked failed so that they are scanned again."""
    now = now or timezone.now()
    cutoff = now - STALE_SCAN
    message = "The scan stopped without finishing (the worker crashed or hit its time limit)."
    Scan.objects.filter(status=Scan.Status.RUNNING, started_at__lt=cutoff).update(
        status=Scan.Status.FAILED, error=message, finished_at=now
    )
    return JobBoard.objects.filter(
        last_scan_status=JobBoard.ScanStatus.RUNNING, scan_started_at__lt=cutoff
    ).update(
        last_scan_status=JobBoard.ScanStatus.FAILED, last_scan_error=message, scan_started_at=None
    )
