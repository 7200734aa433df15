"""bench/dashboard: the home page with 100,000 jobs and 1,000 applications.

    .venv/bin/python bench/dashboard.py [--jobs N] [--applications A] [--reuse] [--repeat R]

Loads N synthetic jobs (see _load.py) into its own database, `hunter_bench_dashboard`
(`--reuse` keeps one already loaded), adds A applications spread over the last 60 days
in every status with three log lines each, 5,000 scans, and the owner's profile. Then
times, logged in, through Django's test client (middleware, session, views, templates):
the whole page, and the HTMX refresh live events ask for; and each widget's query alone.
Prints p50/p95/max over R runs (default 30) after a warm-up. Target: under 100 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import timedelta

from _setup import setup_bench_database

DATABASE = "hunter_bench_dashboard"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--applications", type=int, default=1_000)
    parser.add_argument("--reuse", action="store_true", help="keep a loaded database")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    kept = setup_bench_database(DATABASE, keep=args.reuse)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from applications.models import Application
    from jobs.models import Job

    if not (kept and Job.objects.count() == args.jobs):
        from _load import load_jobs

        load_jobs(args.jobs)
        _add_activity(args.applications)

    from hunter import dashboard

    user, _ = get_user_model().objects.get_or_create(username="bench")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    client.force_login(user)
    print(
        f"{Job.objects.count():,} jobs, {Application.objects.count():,} applications; "
        f"{args.repeat} runs each after a warm-up"
    )

    widgets = {
        "boards": dashboard.board_totals,
        "jobs": lambda: dashboard.job_totals(70),
        "applications by status": dashboard.applications_by_status,
        "jobs per board": dashboard.jobs_per_board,
        "applications over time": dashboard.applications_over_time,
        "recent activity": dashboard.recent_activity,
        "whole page (GET /)": lambda: _ok(client.get("/")),
        "HTMX refresh (GET / HX-Request)": lambda: _ok(client.get("/", HTTP_HX_REQUEST="true")),
    }
    print(f"\n{'':34}{'p50':>9}{'p95':>9}{'max':>9}   (ms)")
    results = {}
    for name, call in widgets.items():
        call()
        times = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            call()
            times.append((time.perf_counter() - began) * 1000)
        times.sort()
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        results[name] = p95
        print(f"{name:34}{statistics.median(times):9.1f}{p95:9.1f}{times[-1]:9.1f}")
    page = results["whole page (GET /)"]
    print(f"\nTarget: the page p95 {page:.1f} ms < 100 ms: {'met' if page < 100 else 'MISSED'}")


def _ok(response) -> None:
    assert response.status_code == 200, response.status_code


def _add_activity(count: int) -> None:
    """`count` applications on random jobs, in every status, over the last 60 days, each
    with three log lines; 5,000 scans over the boards."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from applications.models import Application, ApplicationLog
    from boards.models import JobBoard, Scan
    from jobs.models import Job
    from profiles.models import UserProfile

    rng = random.Random(11)
    now = timezone.now()
    statuses = list(Application.Status.values)
    ids = list(Job.objects.order_by("?").values_list("id", flat=True)[:count])
    applications = []
    for job_id in ids:
        status = rng.choice(statuses)
        created = now - timedelta(days=rng.uniform(0, 60))
        applications.append(Application(job_id=job_id, status=status, created_at=created))
    Application.objects.bulk_create(applications)
    Application.objects.bulk_update(applications, ["created_at"])  # auto_now_add ignores it
    ApplicationLog.objects.bulk_create(
        ApplicationLog(
            application=application,
            message=message,
            status=application.status,
            created_at=application.created_at + timedelta(minutes=minutes),
        )
        for application in applications
        for minutes, message in ((0, "Started."), (2, "Form filled."), (5, "Done."))
    )
    boards = list(JobBoard.objects.all())
    Scan.objects.bulk_create(
        Scan(
            board=rng.choice(boards),
            status=rng.choice(["success", "success", "failed"]),
            started_at=now - timedelta(minutes=rng.uniform(0, 60 * 24 * 60)),
            fetched=rng.randint(0, 500),
            new=rng.randint(0, 20),
        )
        for _ in range(5_000)
    )
    owner, _ = get_user_model().objects.get_or_create(username="bench")
    UserProfile.objects.get_or_create(user=owner, defaults={"notify_threshold": 70})
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
