"""Scoring jobs against the owner's profile, as they are stored and in bulk later."""

from __future__ import annotations

import logging
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from django.db import connection
from psycopg.types.json import Jsonb

from jobs.matching import Preferences, compute_match_score, html_text
from jobs.models import Job
from profiles.models import UserProfile

logger = logging.getLogger(__name__)

RESCORE_BATCH = 2000
WRITERS = 2


@dataclass(frozen=True)
class Criteria:
    """What scoring reads from the profile, gathered once for a whole batch of jobs."""

    preferences: Preferences = field(default_factory=Preferences)
    min_salary: int | None = None
    currency: str = ""

    @classmethod
    def of(cls, profile: UserProfile | None) -> Criteria:
        if profile is None:
            return cls()
        return cls(
            preferences=Preferences(
                keywords=tuple(profile.keywords),
                desired_titles=tuple(profile.desired_titles),
                locations=tuple(profile.preferred_locations),
                remote_preference=profile.remote_preference,
                countries=tuple(country.code for country in profile.authorized_countries),
            ),
            min_salary=profile.min_salary,
            currency=profile.salary_currency,
        )


def current_criteria() -> Criteria:
    return Criteria.of(UserProfile.owner())


@dataclass(frozen=True)
class PostingScore:
    total: int
    breakdown: dict
    below_min_salary: bool


def score_posting(
    criteria: Criteria,
    *,
    title: str,
    description: str,
    location: str,
    is_remote: bool,
    salary_min: int | None,
    salary_max: int | None,
    salary_currency: str,
) -> PostingScore:
    score = compute_match_score(
        criteria.preferences,
        title=title,
        text=html_text(description),
        location=location,
        is_remote=is_remote,
    )
    return PostingScore(
        total=score.total,
        breakdown=score.as_dict(),
        below_min_salary=pays_below(criteria, salary_min, salary_max, salary_currency),
    )


def pays_below(
    criteria: Criteria, salary_min: int | None, salary_max: int | None, currency: str
) -> bool:
    """Whether a posting's known (annual) pay tops out below the profile's minimum. Pay
    in another currency, or no pay stated, is never taken for too low."""
    best = salary_max if salary_max is not None else salary_min
    if criteria.min_salary is None or best is None:
        return False
    if currency and criteria.currency and currency.upper() != criteria.currency.upper():
        return False
    return best < criteria.min_salary


_RESCORE = f"""
    UPDATE {Job._meta.db_table} AS job
    SET match_score = scored.score, score_breakdown = scored.breakdown,
        below_min_salary = scored.below
    FROM unnest(%s::uuid[], %s::smallint[], %s::jsonb[], %s::boolean[])
        AS scored(id, score, breakdown, below)
    WHERE job.id = scored.id
"""


def rescore_jobs(*, criteria: Criteria | None = None, batch_size: int = RESCORE_BATCH) -> int:
    """Score every job again (after the profile's preferences changed); returns how many.

    Reads the jobs a batch at a time in id order and writes each batch back with one
    UPDATE: no query per job. Writing costs the database more than scoring costs
    Python, so up to WRITERS batches are written at once, on connections of their own,
    while the next batch is scored (inside a transaction, everything happens in it).
    """
    criteria = criteria or current_criteria()
    started = time.monotonic()
    columns = ("id", "title", "description", "location", "is_remote", "salary_min", "salary_max",
               "salary_currency")  # fmt: skip
    inline = connection.in_atomic_block  # other connections would not see its rows
    done = 0
    last_id = None
    with ThreadPoolExecutor(max_workers=WRITERS) as writers:
        writing: deque[Future[None]] = deque()
        while True:
            batch = Job.objects.order_by("id").values_list(*columns)
            if last_id is not None:
                batch = batch.filter(id__gt=last_id)
            rows = list(batch[:batch_size])
            if not rows:
                break
            scored = [
                (job_id, score_posting(
                    criteria, title=title, description=description, location=location,
                    is_remote=remote, salary_min=low, salary_max=high, salary_currency=currency,
                ))
                for job_id, title, description, location, remote, low, high, currency in rows
            ]  # fmt: skip
            if inline:
                _write_scores(scored, close=False)
            else:
                writing.append(writers.submit(_write_scores, scored, close=True))
                if len(writing) >= WRITERS:
                    writing.popleft().result()
            done += len(rows)
            last_id = rows[-1][0]
        for pending in writing:
            pending.result()
    logger.info(
        "jobs_rescored", extra={"jobs": done, "seconds": round(time.monotonic() - started, 2)}
    )
    return done


def _write_scores(scored: list[tuple[object, PostingScore]], *, close: bool) -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                _RESCORE,
                [
                    [job_id for job_id, _ in scored],
                    [score.total for _, score in scored],
                    [Jsonb(score.breakdown) for _, score in scored],
                    [score.below_min_salary for _, score in scored],
                ],
            )
    finally:
        if close:  # a writer thread's own connection
            connection.close()
