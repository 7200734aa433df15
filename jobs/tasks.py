"""Background tasks for jobs, run by django-q2 workers."""

from __future__ import annotations

from jobs.scoring import rescore_jobs


def rescore_all_jobs() -> int:
    """Score every job again for the profile as it is now."""
    return rescore_jobs()
