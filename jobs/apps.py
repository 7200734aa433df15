from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

DIGEST_SCHEDULE_NAME = "Send new-job digest"


def ensure_digest_schedule(**kwargs: Any) -> None:
    """The django-q2 schedule that looks for new matches to e-mail every minute, created
    once. Scans finishing within the same minute all land in the same digest, and the
    profile's interval holds back the ones after it."""
    from django_q.models import Schedule

    Schedule.objects.update_or_create(
        name=DIGEST_SCHEDULE_NAME,
        defaults={
            "func": "jobs.tasks.send_job_digest",
            "schedule_type": Schedule.MINUTES,
            "minutes": 1,
            "repeats": -1,
        },
    )


class JobsConfig(AppConfig):
    name = "jobs"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(ensure_digest_schedule, sender=self)
