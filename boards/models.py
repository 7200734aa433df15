from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


def validate_keyword_filters(value: object) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(
            'Keyword filters must be a list of words or phrases, like ["python", "data"].'
        )
    if any(not item.strip() for item in value):
        raise ValidationError("Keyword filters cannot contain empty entries.")


def validate_scraper_config(value: object) -> None:
    from boards.scrapers import config_problems

    if problems := config_problems(value):
        raise ValidationError(problems)


class JobBoard(models.Model):
    """A source of postings that Hunter scans on a schedule."""

    class ScanStatus(models.TextChoices):
        IDLE = "idle", "Idle"
        RUNNING = "running", "Running"
        SUCCESS = "success", "Success"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    url = models.URLField("URL", max_length=2000)
    enabled = models.BooleanField(default=True)
    scan_interval_minutes = models.PositiveIntegerField(
        default=360, help_text="How often Hunter scans this board."
    )
    keyword_filters = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_keyword_filters],
        help_text="Keep only postings that mention one of these; empty keeps all.",
    )
    scraper_config = models.JSONField(
        default=dict,
        validators=[validate_scraper_config],
        help_text='How to read this board: {"type": "greenhouse", ...}.',
    )
    last_scanned_at = models.DateTimeField(null=True, blank=True)
    last_scan_status = models.CharField(max_length=10, choices=ScanStatus, default=ScanStatus.IDLE)
    last_scan_error = models.TextField(blank=True)
    # When the running scan started, and when a scan was last put in the queue: the
    # scheduler uses them to never queue a board twice and to spot scans that died.
    scan_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    scan_queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scan_interval_minutes__gte=1),
                name="board_scan_interval_positive",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def interval_display(self) -> str:
        """The scan interval in the largest whole unit: "30 min", "6 h", "2 days"."""
        minutes = self.scan_interval_minutes
        if minutes % 1440 == 0:
            days = minutes // 1440
            return f"{days} day{'s' if days > 1 else ''}"
        if minutes % 60 == 0:
            return f"{minutes // 60} h"
        return f"{minutes} min"

    @property
    def is_queued(self) -> bool:
        """A scan has been asked for and has not started yet."""
        return (
            self.scan_queued_at is not None
            and self.last_scan_status != self.ScanStatus.RUNNING
            and (self.last_scanned_at is None or self.scan_queued_at > self.last_scanned_at)
        )

    def scan_is_due(self, now: datetime | None = None) -> bool:
        if not self.enabled or self.last_scan_status == self.ScanStatus.RUNNING:
            return False
        if self.last_scanned_at is None:
            return True
        now = now or timezone.now()
        return now - self.last_scanned_at >= timedelta(minutes=self.scan_interval_minutes)


class Scan(models.Model):
    """One scan of a board: what it fetched, kept and added, and its log."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCESS = "success", "Success"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    board = models.ForeignKey(JobBoard, on_delete=models.CASCADE, related_name="scans")
    status = models.CharField(max_length=10, choices=Status, default=Status.RUNNING)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    fetched = models.PositiveIntegerField(default=0)
    kept = models.PositiveIntegerField(default=0)
    new = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    log = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["board", "-started_at"], name="scan_board_started_idx"),
            models.Index(fields=["-started_at"], name="scan_started_idx"),
        ]

    def __str__(self) -> str:
        return f"Scan of {self.board} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def seconds(self) -> float | None:
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()
