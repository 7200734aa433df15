"""Scoring jobs against the owner's profile, as they are stored and in bulk later."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from django.db import connection
from psycopg.types.json import Jsonb

from jobs.matching import Preferences, compute_match_score, html_text
from jobs.models import Job
from profiles.models import UserProfile

logger = logging.getLogger(__name__)

RESCORE_BATCH = 2000


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
    UPDATE: no query per job.
    """
    criteria = criteria or current_criteria()
    started = time.monotonic()
    columns = ("id", "title", "description", "location", "is_remote", "salary_min", "salary_max",
               "salary_currency")  # fmt: skip
    done = 0
    last_id = None
    while True:
        batch = Job.objects.order_by("id").values_list(*columns)
        if last_id is not None:
            batch = batch.filter(id__gt=last_id)
        rows = list(batch[:batch_size])
        if not rows:
            break
        ids, scores, breakdowns, below = [], [], [], []
        for job_id, title, description, location, remote, low, high, currency in rows:
            score = score_posting(
                criteria,
                title=title,
                description=description,
                location=location,
                is_remote=remote,
                salary_min=low,
                salary_max=high,
                salary_currency=currency,
            )
            ids.append(job_id)
            scores.append(score.total)
            breakdowns.append(Jsonb(score.breakdown))
            below.append(score.below_min_salary)
        with connection.cursor() as cursor:
            cursor.execute(_RESCORE, [ids, scores, breakdowns, below])
        done += len(rows)
        last_id = rows[-1][0]
    logger.info(
        "jobs_rescored", extra={"jobs": done, "seconds": round(time.monotonic() - started, 2)}
    )
    return done
