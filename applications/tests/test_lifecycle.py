from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_q.models import OrmQ

from applications.autofill import FormField
from applications.models import Application, InvalidTransition
from applications.services import (
    ApplyRefused,
    approve_application,
    fail_stale_applications,
    start_application,
)
from jobs.tests.factories import JobFactory

pytestmark = pytest.mark.django_db

S = Application.Status


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (S.PENDING, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.NEEDS_REVIEW),
        (S.IN_PROGRESS, S.READY_TO_SUBMIT),
        (S.NEEDS_REVIEW, S.READY_TO_SUBMIT),
        (S.READY_TO_SUBMIT, S.SUBMITTED),
        (S.PENDING, S.CANCELLED),
        (S.NEEDS_REVIEW, S.CANCELLED),
        (S.IN_PROGRESS, S.FAILED),
        (S.READY_TO_SUBMIT, S.FAILED),
    ],
)
def test_allowed_moves_are_made_and_logged(start, end):
    application = Application.objects.create(job=JobFactory(), status=start)
    application.move_to(end, "because")
    application.refresh_from_db()
    assert application.status == end
    log = application.logs.last()
    assert (log.status, log.message) == (end, "because")
    assert log.created_at <= timezone.now()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (S.PENDING, S.SUBMITTED),
        (S.NEEDS_REVIEW, S.SUBMITTED),
        (S.SUBMITTED, S.SUBMITTED),
        (S.SUBMITTED, S.FAILED),
        (S.CANCELLED, S.IN_PROGRESS),
        (S.FAILED, S.READY_TO_SUBMIT),
    ],
)
def test_other_moves_are_refused(start, end):
    application = Application.objects.create(job=JobFactory(), status=start)
    with pytest.raises(InvalidTransition):
        application.move_to(end, "no")
    application.refresh_from_db()
    assert application.status == start


def test_a_stale_copy_cannot_revive_a_cancelled_application():
    application = Application.objects.create(job=JobFactory(), status=S.IN_PROGRESS)
    Application.objects.filter(pk=application.pk).update(status=S.CANCELLED)
    with pytest.raises(InvalidTransition):
        application.move_to(
            S.READY_TO_SUBMIT, "the task finished late"
        )  # its copy says in progress


def test_submitting_sets_the_time():
    application = Application.objects.create(job=JobFactory(), status=S.READY_TO_SUBMIT)
    application.move_to(S.SUBMITTED, "done")
    assert application.submitted_at is not None


def test_starting_queues_the_browser_task(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application = start_application(job=JobFactory())
    assert application.status == S.PENDING
    assert OrmQ.objects.get().func() == "applications.tasks.auto_apply_task"
    application.refresh_from_db()
    assert application.task_id


def test_a_job_with_a_live_application_is_not_applied_to_again():
    job = JobFactory()
    start_application(job=job)
    with pytest.raises(ApplyRefused, match="already has an application"):
        start_application(job=job)


def test_a_failed_application_can_be_retried():
    job = JobFactory()
    Application.objects.create(job=job, status=S.FAILED)
    assert start_application(job=job).status == S.PENDING


def test_a_repost_is_refused_until_confirmed():
    first = JobFactory(title="Data Engineer", company="Acme")
    repost = JobFactory(title="data engineer", company="ACME")
    Application.objects.create(job=first, status=S.SUBMITTED)
    with pytest.raises(ApplyRefused, match="may be a repost"):
        start_application(job=repost)
    assert start_application(job=repost, repost_ok=True).job == repost


def test_the_daily_cap_holds(settings):
    settings.HUNTER_DAILY_APPLICATION_CAP = 2
    start_application(job=JobFactory())
    start_application(job=JobFactory())
    with pytest.raises(ApplyRefused, match="at most 2 applications a day"):
        start_application(job=JobFactory())


def test_dry_run_comes_from_the_setting_unless_chosen(settings):
    settings.HUNTER_DRY_RUN = True
    assert start_application(job=JobFactory()).dry_run
    assert start_application(job=JobFactory(), dry_run=False).dry_run is False


def test_approving_takes_the_reviewed_values_and_queues_the_submission(
    django_capture_on_commit_callbacks,
):
    fields = [
        FormField(frame=0, selector="#a", label="First name", value="Ana", confidence=0.95),
        FormField(frame=0, selector="#b", label="Why us?", value="", field_type="free_text"),
    ]
    application = Application.objects.create(
        job=JobFactory(), status=S.NEEDS_REVIEW, form_fields=[f.to_dict() for f in fields]
    )
    with django_capture_on_commit_callbacks(execute=True):
        approve_application(application=application, values={1: "Your robots."})
    application.refresh_from_db()
    assert application.status == S.READY_TO_SUBMIT and application.approved_at
    stored = [FormField.from_dict(data) for data in application.form_fields]
    assert (stored[1].value, stored[1].source) == ("Your robots.", "user")
    assert all(field.approved for field in stored)
    assert OrmQ.objects.get().func() == "applications.tasks.resume_apply_task"


def test_one_filled_without_doubts_is_approved_once_without_a_change_of_status(
    django_capture_on_commit_callbacks,
):
    field = FormField(frame=0, selector="#a", label="First name", value="Ana", confidence=0.95)
    application = Application.objects.create(
        job=JobFactory(), status=S.READY_TO_SUBMIT, form_fields=[field.to_dict()]
    )
    with django_capture_on_commit_callbacks(execute=True):
        approve_application(application=application, values={0: "Ana María"})
    application.refresh_from_db()
    assert application.status == S.READY_TO_SUBMIT and application.approved_at
    assert FormField.from_dict(application.form_fields[0]).value == "Ana María"
    assert application.logs.get().message == "Approved by you."
    with pytest.raises(InvalidTransition, match="already approved"):
        approve_application(application=application, values={})
    assert OrmQ.objects.count() == 1


def test_an_application_whose_task_died_ends_as_failed():
    application = Application.objects.create(job=JobFactory(), status=S.IN_PROGRESS)
    Application.objects.filter(pk=application.pk).update(
        updated_at=timezone.now() - timedelta(minutes=20)
    )
    assert fail_stale_applications() == 1
    application.refresh_from_db()
    assert application.status == S.FAILED
    assert "stopped without finishing" in application.error


def test_the_apply_button_starts_and_shows_the_application(logged_in_client):
    job = JobFactory()
    response = logged_in_client.post(reverse("applications:start", args=[job.pk]), follow=True)
    application = Application.objects.get()
    assert response.redirect_chain[-1][0] == reverse("applications:detail", args=[application.pk])
    assert "opening the application form" in response.text


def test_a_refused_start_says_why_on_the_job_page(logged_in_client):
    job = JobFactory()
    Application.objects.create(job=job)
    response = logged_in_client.post(reverse("applications:start", args=[job.pk]), follow=True)
    assert "already has an application" in response.text


def test_the_review_page_lists_fields_reasons_and_actions(logged_in_client):
    question = "Will you need sponsorship?"
    fields = [
        FormField(frame=0, selector="#s", label=question, field_type="sponsorship",
                  options=["Yes", "No"], required=True, type_confidence=0.9),
    ]  # fmt: skip
    application = Application.objects.create(
        job=JobFactory(), status=S.NEEDS_REVIEW, form_fields=[f.to_dict() for f in fields],
        review_reasons=["“Will you need sponsorship?”: no value in your profile"],
    )  # fmt: skip
    response = logged_in_client.get(reverse("applications:detail", args=[application.pk]))
    assert "Will you need sponsorship?" in response.text
    assert "no value in your profile" in response.text
    assert "Approve and submit" in response.text and "Cancel the application" in response.text


def test_cancel_from_the_review_page(logged_in_client):
    application = Application.objects.create(job=JobFactory(), status=S.NEEDS_REVIEW)
    logged_in_client.post(reverse("applications:cancel", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == S.CANCELLED


def test_screenshots_outside_the_media_folder_are_never_served(logged_in_client):
    application = Application.objects.create(job=JobFactory(), screenshot_path="/etc/passwd")
    response = logged_in_client.get(reverse("applications:screenshot", args=[application.pk]))
    assert response.status_code == 404
