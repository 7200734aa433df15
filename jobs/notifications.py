"""The new-jobs digest: one e-mail listing the good matches found since the last one."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from hunter.notifications import absolute_url, send_email
from jobs.models import Job
from profiles.models import UserProfile

logger = logging.getLogger(__name__)

# The e-mail lists the best this many; the rest are a link to the jobs page.
MAX_LISTED = 25
# Held while a digest is built and sent, so that two workers running the schedule at
# once (a backlog of ticks) cannot both send one. Any constant unique to this use.
DIGEST_LOCK = 0x48554E5401


def notify_new_jobs(*, now: datetime | None = None) -> int:
    """E-mail the owner the new matches no digest has dealt with yet; return how many
    the e-mail announced (0 when none was sent).

    Runs every minute (jobs.tasks.send_job_digest) and sends at most one e-mail per
    profile.digest_interval_minutes, so boards that finish scanning close together
    make one e-mail, not one each. A job qualifies when it is new (unread), visible,
    open and scores at least profile.notify_threshold.

    Every job is dealt with by exactly one digest: the ones mailed, and with them the
    ones passed over (below the threshold, hidden, read or closed by then), get
    `notified_at`, so a job rescored above the threshold weeks later is never mailed
    as new. "Since the last digest" is that marker rather than a cut on `created_at`:
    a scan stamps `created_at` before its rows commit, so a time cut could skip a
    late-committed job for good. When the send fails nothing is marked and
    `last_digest_at` stays: everything waits for the next run.
    """
    now = now or timezone.now()
    profile = UserProfile.owner()
    if profile is None or not profile.notification_address:
        return 0
    if not profile.digest_is_due(now=now):
        return 0
    with _digest_lock() as acquired:
        if not acquired:
            return 0
        # Another worker may have sent one since the check above.
        profile.refresh_from_db(fields=["last_digest_at"])
        if not profile.digest_is_due(now=now):
            return 0
        return _send_digest(profile=profile, now=now)


def _send_digest(*, profile: UserProfile, now: datetime) -> int:
    pending = Job.objects.filter(notified_at__isnull=True, created_at__lte=now)
    qualifies = Q(
        is_new=True,
        is_hidden=False,
        closed_at__isnull=True,
        match_score__gte=profile.notify_threshold,
    )
    matches = list(
        pending.filter(qualifies)
        .defer("description", "search_vector", "score_breakdown")
        .order_by("-match_score", "-created_at")
    )
    if matches:
        sent = send_email(
            to=[profile.notification_address],
            **_digest_email(matches=matches, profile=profile),
        )
        if not sent:
            logger.warning("job_digest_not_sent", extra={"jobs": len(matches)})
            return 0
    with transaction.atomic():
        # The mailed jobs by id: one committed since the query above waits for the next.
        Job.objects.filter(pk__in=[job.pk for job in matches]).update(notified_at=now)
        pending.exclude(qualifies).update(notified_at=now)
        if matches:
            profile.last_digest_at = now
            profile.save(update_fields=["last_digest_at", "updated_at"])
    if matches:
        logger.info("job_digest_sent", extra={"jobs": len(matches)})
    return len(matches)


def _digest_email(*, matches: list[Job], profile: UserProfile) -> dict[str, str]:
    count = len(matches)
    subject = (
        "1 new job matches your profile" if count == 1 else f"{count} new jobs match your profile"
    )
    listed = matches[:MAX_LISTED]
    context = {
        "subject": subject,
        "count": count,
        "threshold": profile.notify_threshold,
        "rows": [
            {
                "job": job,
                "page_url": absolute_url(reverse("jobs:detail", args=[job.pk])),
                # Scraped text: only a web address becomes a link.
                "posting_url": job.url if job.url.startswith(("https://", "http://")) else "",
            }
            for job in listed
        ],
        "more": count - len(listed),
        "jobs_url": absolute_url(
            reverse("jobs:list") + f"?new=1&min_score={profile.notify_threshold}"
        ),
        "settings_url": absolute_url(reverse("profiles:edit") + "#notifications"),
    }
    return {
        "subject": subject,
        "text": render_to_string("jobs/email/new_jobs.txt", context),
        "html": render_to_string("jobs/email/new_jobs.html", context),
    }


@contextmanager
def _digest_lock() -> Iterator[bool]:
    """A Postgres advisory lock for this session, taken without waiting. Unlike a row
    lock it holds no transaction open while the e-mail goes out (which may take a
    while), so saving the profile meanwhile is never blocked."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [DIGEST_LOCK])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [DIGEST_LOCK])
