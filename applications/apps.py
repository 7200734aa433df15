from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_stale_check_schedule(**kwargs: Any) -> None:
    """Every five minutes, end applications whose browser task died."""
    from django_q.models import Schedule

    Schedule.objects.update_or_create(
        name="Fail stale applications",
        defaults={
            "func": "applications.tasks.fail_stale_applications_task",
            "schedule_type": Schedule.MINUTES,
            "minutes": 5,
            "repeats": -1,
        },
    )


class ApplicationsConfig(AppConfig):
    name = "applications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(ensure_stale_check_schedule, sender=self)
