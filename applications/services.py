"""Starting, approving and cancelling applications: the decisions around the browser work."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_q.tasks import async_task

from applications.autofill import FormField
from applications.models import Application, InvalidTransition
from jobs.models import Job

logger = logging.getLogger(__name__)

PREPARE_TASK = "applications.tasks.auto_apply_task"
# django-q2's hard limit is 15 minutes: a task still "in progress" after this died.
STALE_TASK = timedelta(minutes=16)
SUBMIT_TASK = "applications.tasks.resume_apply_task"


class ApplyRefused(Exception):
    """An application cannot start; the message says why, for the user."""


def previous_applications(job: Job) -> list[Application]:
    """Applications to the same title at the same company (reposts), not failed or
    cancelled: the user may not want to apply twice."""
    if not job.company:
        return []
    return list(
        Application.objects.filter(job__company__iexact=job.company, job__title__iexact=job.title)
        .exclude(job=job)
        .exclude(status__in=Application.ENDED)
        .select_related("job")
    )


def applications_started_today() -> int:
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return Application.objects.filter(created_at__gte=start).count()


def start_application(
    *, job: Job, dry_run: bool | None = None, repost_ok: bool = False
) -> Application:
    """Create an application for `job` and queue the browser work that prepares it.

    Raises ApplyRefused when the job already has a live application, when it looks
    like a repost of one already applied to (unless `repost_ok`), or when today's cap
    is reached.
    """
    if not job.url:
        raise ApplyRefused("This job has no link to an application form.")
    if job.applications.exclude(status__in=Application.ENDED).exists():
        raise ApplyRefused("This job already has an application.")
    if not repost_ok and (earlier := previous_applications(job)):
        raise ApplyRefused(
            f"You already applied to “{job.title}” at {job.company} "
            f"({earlier[0].get_status_display().lower()}); it may be a repost."
        )
    cap = settings.HUNTER_DAILY_APPLICATION_CAP
    if applications_started_today() >= cap:
        raise ApplyRefused(f"Hunter starts at most {cap} applications a day; try tomorrow.")
    dry_run = settings.HUNTER_DRY_RUN if dry_run is None else dry_run
    try:
        with transaction.atomic():
            application = Application.objects.create(job=job, dry_run=dry_run, url=job.url)
            application.log(
                "Started" + (" as a dry run: it will never be submitted." if dry_run else ".")
            )
    except IntegrityError:
        raise ApplyRefused("This job already has an application.") from None
    queue_task(application, PREPARE_TASK)
    return application


def approve_application(*, application: Application, values: dict[int, Any]) -> None:
    """Take the user's reviewed values (by field index), mark every answer approved, and
    queue the submission."""
    fields = [FormField.from_dict(data) for data in application.form_fields]
    for index, value in values.items():
        if 0 <= index < len(fields) and fields[index].value != value:
            fields[index].value = value
            fields[index].source = "user"
            fields[index].confidence = 1.0
    for field in fields:
        field.approved = True
    approved = {"form_fields": [field.to_dict() for field in fields], "approved_at": timezone.now()}
    if application.status == Application.Status.READY_TO_SUBMIT:
        # Filled without doubts and waiting for the user (auto-submit is off): approving
        # changes no status, and only the first approval queues a submission.
        with transaction.atomic():
            if not Application.objects.filter(
                pk=application.pk, status=application.status, approved_at__isnull=True
            ).update(**approved):
                raise InvalidTransition("This application was already approved.")
            application.log("Approved by you.")
    else:
        application.move_to(Application.Status.READY_TO_SUBMIT, "Approved by you.", **approved)
    queue_task(application, SUBMIT_TASK)


def cancel_application(*, application: Application) -> None:
    application.move_to(Application.Status.CANCELLED, "Cancelled by you.")


def fail_application(application: Application, reason: str) -> None:
    """End an application that went wrong, unless it already ended."""
    try:
        application.move_to(Application.Status.FAILED, reason, error=reason)
    except InvalidTransition:
        logger.info("application_already_ended", extra={"application": str(application.pk)})


def fail_stale_applications(now: datetime | None = None) -> int:
    """Applications left in progress by a task that died (a worker crash, the hard
    time limit) end as failed, so the job can be applied to again."""
    now = now or timezone.now()
    stale = Application.objects.filter(
        status=Application.Status.IN_PROGRESS, updated_at__lt=now - STALE_TASK
    )
    for application in stale:
        fail_application(application, "The browser task stopped without finishing.")
    return len(stale)


def queue_task(application: Application, task: str) -> None:
    def enqueue() -> None:
        task_id = async_task(task, str(application.pk), group="applications")
        Application.objects.filter(pk=application.pk).update(task_id=task_id)

    transaction.on_commit(enqueue)
