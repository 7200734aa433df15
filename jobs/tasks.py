"""Background tasks for jobs, run by django-q2 workers."""

from __future__ import annotations

from jobs.notifications import notify_new_jobs
from jobs.scoring import rescore_jobs


def rescore_all_jobs() -> int:
    """Score every job again for the profile as it is now."""
    return rescore_jobs()


def send_job_digest() -> int:
    """E-mail the new matches when the profile's digest interval has passed (every minute)."""
    return notify_new_jobs()
