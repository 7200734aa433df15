from __future__ import annotations

import uuid

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone


class InvalidTransition(Exception):
    """An application was asked to move where its lifecycle does not go."""


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
    # Where each status may go. Submitted, failed and cancelled are final: nothing is
    # ever submitted twice, and a retry is a new application.
    TRANSITIONS = {
        Status.PENDING: {Status.IN_PROGRESS, Status.FAILED, Status.CANCELLED},
        Status.IN_PROGRESS: {
            Status.NEEDS_REVIEW, Status.READY_TO_SUBMIT, Status.FAILED, Status.CANCELLED,
        },
        Status.NEEDS_REVIEW: {Status.READY_TO_SUBMIT, Status.FAILED, Status.CANCELLED},
        Status.READY_TO_SUBMIT: {Status.SUBMITTED, Status.FAILED, Status.CANCELLED},
        Status.SUBMITTED: set(),
        Status.FAILED: set(),
        Status.CANCELLED: set(),
    }  # fmt: skip

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
    url = models.URLField("form URL", max_length=2000, blank=True, help_text="Where the form was.")
    captcha = models.CharField(max_length=20, blank=True, help_text="The CAPTCHA found, if any.")
    review_reasons = models.JSONField(default=list, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    ai_input_tokens = models.PositiveIntegerField(default=0)
    ai_output_tokens = models.PositiveIntegerField(default=0)
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

    @property
    def is_final(self) -> bool:
        return not self.TRANSITIONS[self.Status(self.status)]

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    def log(self, message: str) -> ApplicationLog:
        """Note a step in the audit trail, without a change of status."""
        return ApplicationLog.objects.create(application=self, message=message)

    def move_to(self, status: str, message: str, **changes: object) -> None:
        """Change the status (and `changes`), if the lifecycle allows it from the status
        the row has in the database now, and record it in the audit trail.

        Raises InvalidTransition otherwise: a cancelled application is never revived
        by a task that finishes late, and nothing is submitted twice.
        """
        with transaction.atomic():
            current = Application.objects.select_for_update().get(pk=self.pk)
            if status not in self.TRANSITIONS[self.Status(current.status)]:
                raise InvalidTransition(
                    f"An application that is {current.get_status_display().lower()} cannot "
                    f"become {self.Status(status).label.lower()}."
                )
            now = timezone.now()
            if status == self.Status.SUBMITTED:
                changes.setdefault("submitted_at", now)
            for name, value in changes.items():
                setattr(self, name, value)
            self.status = status
            self.save(update_fields=["status", "updated_at", *changes])
            ApplicationLog.objects.create(
                application=self, status=status, message=message, created_at=now
            )
            transaction.on_commit(lambda: _announce(self))


class ApplicationLog(models.Model):
    """The audit trail of an application: every status change and notable step."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="logs")
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=20, choices=Application.Status, blank=True)
    message = models.TextField()

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(fields=["application", "created_at"], name="applog_app_time_idx"),
            models.Index(fields=["-created_at"], name="applog_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.message}"


def _announce(application: Application) -> None:
    from applications.events import announce_application

    announce_application(application)
