from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from applications.models import Application, ApplicationLog
from jobs.tests.factories import JobFactory

pytestmark = pytest.mark.django_db


def test_second_live_application_for_a_job_is_refused():
    job = JobFactory()
    Application.objects.create(job=job, status=Application.Status.NEEDS_REVIEW)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(job=job)


def test_submitted_application_blocks_another():
    job = JobFactory()
    Application.objects.create(job=job, status=Application.Status.SUBMITTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(job=job)


@pytest.mark.parametrize("ended", [Application.Status.FAILED, Application.Status.CANCELLED])
def test_ended_application_does_not_block_a_new_one(ended):
    job = JobFactory()
    Application.objects.create(job=job, status=ended)
    Application.objects.create(job=job, status=ended)
    retry = Application.objects.create(job=job)
    assert retry.is_live
    assert job.applications.count() == 3


def test_application_logs_come_in_time_order():
    application = Application.objects.create(job=JobFactory())
    now = timezone.now()
    later = ApplicationLog.objects.create(
        application=application, message="form filled", created_at=now + timedelta(seconds=5)
    )
    earlier = ApplicationLog.objects.create(
        application=application, message="browser opened", created_at=now
    )
    assert list(application.logs.all()) == [earlier, later]
