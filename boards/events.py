"""Live events about scans, rendered as the HTML fragments the owner's open pages swap in."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from boards.models import JobBoard
from hunter.live import push_event
from jobs.models import Job
from profiles.models import UserProfile


def boards_with_counts() -> QuerySet[JobBoard]:
    return JobBoard.objects.annotate(
        job_count=Count("jobs"),
        open_job_count=Count("jobs", filter=Q(jobs__closed_at__isnull=True)),
    )


def announce_scan(board: JobBoard, *, report: object | None = None) -> None:
    """Push a scan's progress: the board's row (spinner, then the outcome), and once it
    ends the jobs page's "new jobs" banner, the dashboard's counters, and a toast when it
    failed or found jobs above the notification threshold."""
    user_id = UserProfile.owner_user_id()
    if user_id is None:
        return
    context: dict[str, object] = {
        "board": boards_with_counts().get(pk=board.pk),
        "report": report,
        "oob": True,
    }
    event = "scan.started"
    if report is not None:
        event = "scan.failed" if report.failed else "scan.finished"
        context["new_jobs"] = Job.objects.visible().open().filter(is_new=True).count()
        profile = UserProfile.owner()
        if profile is not None and report.new and not report.failed:
            context["matches"] = Job.objects.filter(
                board=board,
                created_at__gte=board.scan_started_at or timezone.now(),
                match_score__gte=profile.notify_threshold,
            ).count()
            context["threshold"] = profile.notify_threshold
    push_event(
        event=event, html=render_to_string("boards/_scan_event.html", context), user_id=user_id
    )
