from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Application(models.Model):
    """One attempt to apply to a job through its web form."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        IN_PROGRESS = "in_progress", "In progress"
        NEEDS_REVIEW = "needs_review", "Needs review"
        READY_TO_SUBMIT = "ready_to_submit", "Ready to submit"
        SUBMITTED = "submitted", "Submitted"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    ENDED = (Status.FAILED, Status.CANCELLED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="applications")
    status = models.CharField(max_length=20, choices=Status, default=Status.PENDING)
    dry_run = models.BooleanField(default=False, help_text="Fill the form but never submit.")
    form_fields = models.JSONField(
        default=list, blank=True, help_text="Every detected field: type, value, confidence."
    )
    ai_answers = models.JSONField(default=dict, blank=True)
    screenshot_path = models.CharField(max_length=500, blank=True)
    task_id = models.CharField(max_length=64, blank=True, help_text="The django-q2 task.")
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A job has at most one application that is still going or has been sent.
            models.UniqueConstraint(
                fields=["job"],
                condition=~Q(status__in=["failed", "cancelled"]),
                name="one_live_application_per_job",
                violation_error_message="This job already has an application in progress.",
            )
        ]

    def __str__(self) -> str:
        return f"Application to {self.job} ({self.get_status_display()})"

    @property
    def is_live(self) -> bool:
        return self.status not in self.ENDED


class ApplicationLog(models.Model):
    """The audit trail of an application: every status change and notable step."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="logs")
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=20, choices=Application.Status, blank=True)
    message = models.TextField()

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["application", "created_at"], name="applog_app_time_idx")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.message}"
