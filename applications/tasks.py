"""Background tasks for applications, run by django-q2 workers."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from applications.autofill import FormField
from applications.autofill.session import ApplyError, prepare, submit
from applications.models import Application, InvalidTransition
from applications.notifications import notify_application_needs_review
from applications.services import SUBMIT_TASK, fail_application, fail_stale_applications, queue_task
from profiles.models import UserProfile

logger = logging.getLogger(__name__)

# django-q2 kills a task after 15 minutes (Q_CLUSTER["timeout"]); each task gives up by
# itself after 10, closing its browser and saying why.
SOFT_LIMIT_SECONDS = 10 * 60


def screenshot_path(application: Application, step: str) -> Path:
    folder = Path(settings.MEDIA_ROOT) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{application.pk}-{step}.png"


def auto_apply_task(application_id: str) -> str:
    """Open the form, fill it from the profile, and stop for review or get ready to submit."""
    application = Application.objects.select_related("job").get(pk=application_id)
    try:
        application.move_to(Application.Status.IN_PROGRESS, "Opening the application form.")
    except InvalidTransition as exc:
        return str(exc)
    shot = screenshot_path(application, "filled")
    try:
        prepared = asyncio.run(
            asyncio.wait_for(
                prepare(
                    url=application.url or application.job.url,
                    profile=UserProfile.owner(),
                    job=application.job,
                    screenshot=shot,
                ),
                SOFT_LIMIT_SECONDS,
            )
        )
    except TimeoutError:
        fail_application(application, "Gave up after 10 minutes; the browser was closed.")
        return "timeout"
    except Exception as exc:  # the form, the network or the browser: all end here
        logger.exception("apply_prepare_failed", extra={"application": application_id})
        fail_application(application, f"Could not prepare the application: {exc}")
        return "failed"

    changes = {
        "url": prepared.url[:2000],
        "form_fields": [field.to_dict() for field in prepared.fields],
        "captcha": prepared.captcha,
        "review_reasons": prepared.reasons,
        "screenshot_path": str(shot),
    }
    try:
        if prepared.reasons:
            application.move_to(
                Application.Status.NEEDS_REVIEW,
                f"Filled {len(prepared.fields)} fields; {len(prepared.reasons)} need you.",
                **changes,
            )
            notify_application_needs_review(application=application)
            return "needs_review"
        application.move_to(
            Application.Status.READY_TO_SUBMIT,
            f"Filled all {len(prepared.fields)} fields with confidence.",
            **changes,
        )
    except InvalidTransition as exc:  # cancelled meanwhile
        return str(exc)
    if settings.HUNTER_AUTO_SUBMIT:
        application.log("Auto-submit is on: submitting without a review.")
        Application.objects.filter(pk=application.pk).update(approved_at=timezone.now())
        queue_task(application, SUBMIT_TASK)
    return "ready_to_submit"


def resume_apply_task(application_id: str) -> str:
    """Fill the approved values, verify them, submit, and recognise the confirmation."""
    application = Application.objects.select_related("job").get(pk=application_id)
    if application.status != Application.Status.READY_TO_SUBMIT or not application.approved_at:
        return f"not submitted: the application is {application.get_status_display().lower()}"
    application.log("Submitting the approved values." if not application.dry_run else "Dry run.")
    fields = [FormField.from_dict(data) for data in application.form_fields]
    shot = screenshot_path(application, "submitted")
    try:
        confirmation = asyncio.run(
            asyncio.wait_for(
                submit(
                    url=application.url,
                    fields=fields,
                    screenshot=shot,
                    dry_run=application.dry_run,
                ),
                SOFT_LIMIT_SECONDS,
            )
        )
    except TimeoutError:
        fail_application(application, "Gave up after 10 minutes; the browser was closed.")
        return "timeout"
    except ApplyError as exc:
        fail_application(application, str(exc))
        return "failed"
    except Exception as exc:
        logger.exception("apply_submit_failed", extra={"application": application_id})
        fail_application(application, f"Could not submit: {exc}")
        return "failed"
    if application.dry_run:
        application.move_to(Application.Status.CANCELLED, confirmation, screenshot_path=str(shot))
        return "dry_run"
    try:
        application.move_to(
            Application.Status.SUBMITTED, f"Submitted: {confirmation}", screenshot_path=str(shot)
        )
    except InvalidTransition as exc:
        return str(exc)
    return "submitted"


def fail_stale_applications_task() -> int:
    return fail_stale_applications()
