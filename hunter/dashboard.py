"""The dashboard's widgets: one aggregate query each, never a query per row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone

from applications.models import Application, ApplicationLog
from boards.models import JobBoard, Scan
from hunter.charts import Chart, bar_chart, column_chart
from jobs.models import Job
from profiles.models import UserProfile

CHART_DAYS = 30
ACTIVITY_ITEMS = 12


@dataclass(frozen=True)
class Activity:
    at: datetime
    text: str
    url: str
    status: str
    status_label: str


def board_totals() -> dict[str, int]:
    # Aliases that are not field names: an aggregate named "enabled" would shadow the
    # field in the filters that follow it.
    totals = JobBoard.objects.aggregate(
        all_boards=Count("id"),
        enabled_boards=Count("id", filter=Q(enabled=True)),
        failing_boards=Count(
            "id", filter=Q(enabled=True, last_scan_status=JobBoard.ScanStatus.FAILED)
        ),
    )
    return {
        "total": totals["all_boards"],
        "enabled": totals["enabled_boards"],
        "failing": totals["failing_boards"],
    }


def job_totals(threshold: int | None) -> dict[str, int]:
    """Open postings: all, new (unread, not hidden), found this week, and scoring at
    least the e-mail threshold."""
    week = timezone.now() - timedelta(days=7)
    visible = Q(is_hidden=False)
    # Counting a column of job_open_stats_idx (never null), not the id, lets Postgres
    # answer from that index without reading the wide rows.
    counted = "created_at"
    return Job.objects.filter(closed_at__isnull=True).aggregate(
        total=Count(counted),
        new=Count(counted, filter=visible & Q(is_new=True)),
        this_week=Count(counted, filter=Q(created_at__gte=week)),
        above_threshold=Count(counted, filter=visible & Q(match_score__gte=threshold or 0)),
    )


def applications_by_status() -> list[tuple[str, str, int]]:
    """(status, its label, how many) for every status, in the lifecycle's order."""
    counts = dict(Application.objects.order_by().values_list("status").annotate(count=Count("id")))
    return [
        (status.value, status.label, counts.get(status.value, 0)) for status in Application.Status
    ]


def jobs_per_board() -> Chart:
    """Open postings per board, most first."""
    open_jobs = (
        Job.objects.filter(board=OuterRef("pk"), closed_at__isnull=True)
        .order_by()
        .values("board")
        .annotate(count=Count("*"))
        .values("count")
    )
    boards = (
        JobBoard.objects.annotate(open_jobs=Coalesce(Subquery(open_jobs), 0))
        .order_by("-open_jobs", "name")
        .values_list("name", "open_jobs")
    )
    return bar_chart(list(boards))


def applications_over_time(days: int = CHART_DAYS) -> Chart:
    """Applications started per day over the last `days` days, and how many of those
    were submitted."""
    today = timezone.localdate()
    first = today - timedelta(days=days - 1)
    since = timezone.make_aware(datetime.combine(first, datetime.min.time()))
    rows = (
        Application.objects.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .order_by()
        .values("day")
        .annotate(
            total=Count("id"),
            submitted=Count("id", filter=Q(status=Application.Status.SUBMITTED)),
        )
    )
    by_day = {row["day"]: (row["total"], row["submitted"]) for row in rows}
    series = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        total, submitted = by_day.get(day, (0, 0))
        series.append((day, total, submitted))
    return column_chart(series)


def recent_activity(limit: int = ACTIVITY_ITEMS) -> list[Activity]:
    """The latest scans and application events, newest first: a query for each."""
    scans = Scan.objects.select_related("board").order_by("-started_at")[:limit]
    logs = ApplicationLog.objects.select_related("application__job").order_by("-created_at")[:limit]
    items = [_scan_activity(scan) for scan in scans] + [_log_activity(log) for log in logs]
    return sorted(items, key=lambda item: item.at, reverse=True)[:limit]


def _scan_activity(scan: Scan) -> Activity:
    board = scan.board.name
    if scan.status == Scan.Status.FAILED:
        reason = scan.error.splitlines()[0] if scan.error else "no reason given"
        text = f"Scan of {board} failed: {reason}"
    elif scan.status == Scan.Status.RUNNING:
        text = f"Scanning {board}…"
    else:
        text = f"Scanned {board}: {scan.fetched} fetched, {scan.new} new"
    return Activity(
        scan.started_at, text, reverse("boards:list"), scan.status, scan.get_status_display()
    )


def _log_activity(log: ApplicationLog) -> Activity:
    job = log.application.job
    text = f"{job.title} at {job.company}: {log.message}"
    url = reverse("applications:detail", args=[log.application_id])
    return Activity(log.created_at, text, url, log.status, log.get_status_display())


def dashboard_context() -> dict[str, Any]:
    profile = UserProfile.owner()
    threshold = profile.notify_threshold if profile else None
    return {
        "boards": board_totals(),
        "jobs": job_totals(threshold),
        "threshold": threshold,
        "applications": applications_by_status(),
        "jobs_per_board": jobs_per_board(),
        "applications_over_time": applications_over_time(),
        "activity": recent_activity(),
    }
