from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

SCHEDULE_NAME = "Check scan schedules"


def ensure_scan_schedule(**kwargs: Any) -> None:
    """The django-q2 schedule that starts due scans every minute, created once."""
    from django_q.models import Schedule

    Schedule.objects.update_or_create(
        name=SCHEDULE_NAME,
        defaults={
            "func": "boards.tasks.check_scan_schedules",
            "schedule_type": Schedule.MINUTES,
            "minutes": 1,
            "repeats": -1,
        },
    )


class BoardsConfig(AppConfig):
    name = "boards"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(ensure_scan_schedule, sender=self)
