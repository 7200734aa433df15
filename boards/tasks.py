"""Background tasks for scanning, run by django-q2 workers."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import DurationField, ExpressionWrapper, F, Q, QuerySet, Value
from django.utils import timezone
from django_q.tasks import async_task

from boards.models import JobBoard
from boards.scanning import STALE_SCAN, fail_stale_scans, scan_board

SCAN_TASK = "boards.tasks.scan_board_task"


def enqueue_scan(board: JobBoard, *, only_if_due: bool = False) -> None:
    """Queue a scan of `board` once the current transaction commits."""
    JobBoard.objects.filter(pk=board.pk).update(scan_queued_at=timezone.now())
    transaction.on_commit(
        lambda: async_task(
            SCAN_TASK,
            str(board.pk),
            only_if_due=only_if_due,
            task_name=f"Scan {board.name}"[:100],
            group="scans",
        )
    )


def scan_board_task(board_id: str, *, only_if_due: bool = False) -> dict[str, Any]:
    """Scan one board. A scheduled scan (`only_if_due`) that finds the board scanned
    meanwhile does nothing."""
    board = JobBoard.objects.filter(pk=board_id).first()
    if board is None:
        return {"skipped": "the board was deleted"}
    if only_if_due and not board.scan_is_due():
        return {"skipped": "not due"}
    report = scan_board(board=board)
    return {
        "board": board.name,
        "status": report.status,
        "fetched": report.fetched,
        "kept": report.kept,
        "new": report.new,
        "error": report.error,
        "skipped": report.skipped,
    }


def due_boards(now: datetime | None = None) -> QuerySet[JobBoard]:
    """Enabled boards whose interval has passed and that are neither running nor queued."""
    now = now or timezone.now()
    interval = ExpressionWrapper(
        F("scan_interval_minutes") * Value(timedelta(minutes=1)), output_field=DurationField()
    )
    return (
        JobBoard.objects.filter(enabled=True)
        .exclude(last_scan_status=JobBoard.ScanStatus.RUNNING)
        .filter(Q(scan_queued_at__isnull=True) | Q(scan_queued_at__lt=now - STALE_SCAN))
        .alias(next_scan_at=F("last_scanned_at") + interval)
        .filter(Q(last_scanned_at__isnull=True) | Q(next_scan_at__lte=now))
    )


def check_scan_schedules() -> int:
    """Every minute: give each due board a scan; returns how many were queued."""
    fail_stale_scans()
    boards = list(due_boards())
    for board in boards:
        enqueue_scan(board, only_if_due=True)
    return len(boards)
