"""bench/rescore: scoring every job again after the profile's preferences change.

    .venv/bin/python bench/rescore.py [--jobs N] [--reuse]      (default: 100,000 jobs)

Loads N synthetic jobs (see _load.py) into its own database, `hunter_bench_rescore`
(`--reuse` keeps one already loaded with N jobs), creates the owner's profile, and times
`rescore_jobs()` twice: once for the new profile, and once more after its keywords,
titles and locations change. It prints seconds and jobs per second, and how much of the
time went to the database (reading the batches and the UPDATEs) rather than to scoring
in Python. Target: under 30 s for 100,000 jobs.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from _setup import setup_bench_database

DATABASE = "hunter_bench_rescore"


class DatabaseTime:
    """An execute wrapper that adds up the time spent in queries, by their first word."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.queries = 0

    def __call__(
        self, execute: Callable, sql: str, params: object, many: bool, context: dict
    ) -> object:
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            kind = sql.split(None, 1)[0].upper()
            self.seconds[kind] = self.seconds.get(kind, 0.0) + time.perf_counter() - began
            self.queries += 1

    @property
    def total(self) -> float:
        return sum(self.seconds.values())

    def __str__(self) -> str:
        kinds = ", ".join(f"{kind} {seconds:.1f} s" for kind, seconds in self.seconds.items())
        return f"database {self.total:.1f} s in {self.queries} queries ({kinds})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=100_000, help="how many jobs")
    parser.add_argument("--reuse", action="store_true", help="keep a loaded database")
    args = parser.parse_args()

    kept = setup_bench_database(DATABASE, keep=args.reuse)
    from _load import load_jobs
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Avg, Count, Q

    from jobs.models import Job
    from jobs.scoring import rescore_jobs
    from profiles.models import UserProfile

    if kept and Job.objects.count() == args.jobs:
        print(f"Reusing {DATABASE}: {args.jobs:,} jobs already loaded.")
    else:
        load_jobs(args.jobs)

    UserProfile.objects.all().delete()
    user, _ = get_user_model().objects.get_or_create(username="bench")
    profile = UserProfile.objects.create(
        user=user,
        keywords=["Python", "Django", "PostgreSQL", "Kubernetes", "distributed systems"],
        desired_titles=["Backend Engineer", "Senior Software Engineer", "Platform Engineer"],
        preferred_locations=["Berlin, Germany", "Amsterdam, Netherlands"],
        remote_preference=UserProfile.RemotePreference.ANY,
        authorized_countries=["DE", "NL"],
        min_salary=90_000,
        salary_currency="EUR",
    )
    changes = {
        "keywords": ["TypeScript", "React", "GraphQL", "machine learning", "AWS", "Go"],
        "desired_titles": ["Frontend Engineer", "Full Stack Developer"],
        "preferred_locations": ["London, UK"],
        "remote_preference": UserProfile.RemotePreference.REMOTE,
        "authorized_countries": ["GB"],
        "min_salary": 70_000,
        "salary_currency": "GBP",
    }

    print(f"\nRescoring {Job.objects.count():,} jobs (batches of the default size)")
    for label in ("new profile", "preferences changed"):
        if label == "preferences changed":
            for name, value in changes.items():
                setattr(profile, name, value)
            profile.save()
        database = DatabaseTime()
        began = time.perf_counter()
        with connection.execute_wrapper(database):
            done = rescore_jobs()
        seconds = time.perf_counter() - began
        stats = Job.objects.aggregate(
            mean=Avg("match_score"), scored=Count("id", filter=Q(match_score__gt=0))
        )
        print(
            f"  {label + ':':<22} {done:,} jobs in {seconds:5.1f} s = {done / seconds:7,.0f} "
            f"jobs/s; mean score {stats['mean']:.1f}, {stats['scored']:,} above 0"
        )
        # The UPDATEs run on the writer threads' own connections, beside the scoring:
        # only this thread's reads are timed here.
        print(
            f"  {'':<22} reads: {database}; scoring and the parallel writes: "
            f"{seconds - database.total:.1f} s"
        )
        per_100k = seconds * 100_000 / done
        verdict = "met" if per_100k < 30 else "MISSED"
        print(f"  {'':<22} {per_100k:.1f} s per 100,000 jobs; target under 30 s: {verdict}")


if __name__ == "__main__":
    main()
