from __future__ import annotations

import uuid

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import models
from django.db.models import F
from django.utils import timezone

SEARCH_CONFIG = "english"


class JobQuerySet(models.QuerySet["Job"]):
    def visible(self) -> JobQuerySet:
        return self.filter(is_hidden=False)

    def open(self) -> JobQuerySet:
        return self.filter(closed_at__isnull=True)

    def search(self, text: str) -> JobQuerySet:
        """Postings matching `text` (web-search syntax), best matches first."""
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return (
            self.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-created_at")
        )


class Job(models.Model):
    """One posting found on a board."""

    class SalaryPeriod(models.TextChoices):
        YEAR = "year", "per year"
        MONTH = "month", "per month"
        WEEK = "week", "per week"
        DAY = "day", "per day"
        HOUR = "hour", "per hour"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Postings outlive the board that found them: applications refer to them.
    board = models.ForeignKey(
        "boards.JobBoard", on_delete=models.SET_NULL, null=True, blank=True, related_name="jobs"
    )
    title = models.CharField(max_length=500)
    company = models.CharField(max_length=300, blank=True)
    location = models.CharField(max_length=300, blank=True)
    url = models.URLField("URL", max_length=2000, blank=True)
    description = models.TextField(blank=True, help_text="Sanitised HTML.")
    is_remote = models.BooleanField(default=False)
    external_id = models.CharField(max_length=200, blank=True, help_text="The source's own id.")
    # Salaries are annualised whole amounts in `salary_currency`; the original
    # period and text are kept so the page can show what the posting said.
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    salary_currency = models.CharField(max_length=3, blank=True)
    salary_period = models.CharField(max_length=5, choices=SalaryPeriod, blank=True)
    salary_text = models.CharField(max_length=300, blank=True)
    match_score = models.PositiveSmallIntegerField(default=0)
    score_breakdown = models.JSONField(default=dict, blank=True, help_text="Why this score.")
    below_min_salary = models.BooleanField(
        default=False, help_text="Its known pay is below the profile's minimum."
    )
    # Weighted title (A), company (B) and description (C), kept current by database
    # triggers (see migration 0003) that run only when those texts change, so that
    # rescoring, hiding or marking a job seen does not recompute it.
    search_vector = SearchVectorField(null=True, editable=False)
    dedup_hash = models.CharField(max_length=64, unique=True)
    is_new = models.BooleanField(default=True)
    is_hidden = models.BooleanField(default=False)
    posted_at = models.DateTimeField(null=True, blank=True)
    # Every scan that finds the posting again moves last_seen_at; a complete scan that
    # no longer finds it sets closed_at (and a later sighting clears it).
    last_seen_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    # When a new-jobs digest dealt with the posting (mailed it, or passed over it as
    # below the threshold, hidden or already read); null = not yet.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="job_search_vector_gin"),
            models.Index(fields=["-created_at"], name="job_created_idx"),
            models.Index(fields=["-match_score", "-created_at"], name="job_score_created_idx"),
            # The digest looks every minute for the few jobs no digest has dealt with.
            models.Index(
                fields=["created_at"],
                condition=models.Q(notified_at__isnull=True),
                name="job_not_notified_idx",
            ),
            # The dashboard counts open jobs (per board, new, this week, good matches)
            # from this index alone, without reading the wide rows.
            models.Index(
                fields=["board"],
                include=["is_hidden", "is_new", "created_at", "match_score"],
                condition=models.Q(closed_at__isnull=True),
                name="job_open_stats_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(match_score__lte=100), name="job_match_score_at_most_100"
            ),
            models.CheckConstraint(
                condition=models.Q(salary_min__isnull=True)
                | models.Q(salary_max__isnull=True)
                | models.Q(salary_min__lte=F("salary_max")),
                name="job_salary_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.company}" if self.company else self.title

    def hide(self) -> None:
        self.is_hidden = True
        self.save(update_fields=["is_hidden", "updated_at"])

    def unhide(self) -> None:
        self.is_hidden = False
        self.save(update_fields=["is_hidden", "updated_at"])

    def mark_read(self) -> None:
        self.is_new = False
        self.save(update_fields=["is_new", "updated_at"])

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def score_parts(self) -> list[dict]:
        """The parts of the score, for "why this score"."""
        return list(self.score_breakdown.get("parts", []))
