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

    def scan_is_due(self, now: datetime | None = None) -> bool:
        if not self.enabled or self.last_scan_status == self.ScanStatus.RUNNING:
            return False
        if self.last_scanned_at is None:
            return True
        now = now or timezone.now()
        return now - self.last_scanned_at >= timedelta(minutes=self.scan_interval_minutes)
