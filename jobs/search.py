"""The jobs page's search: Postgres full-text search that stays fast at a million jobs.

Ranking every match costs seconds when a word is in half the postings. So a relevance
search ranks only the newest `CANDIDATES` matches (found by walking the date index, which
for common words stops early), and totals are counted up to `COUNT_CAP`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet

from jobs.models import SEARCH_CONFIG, Job

PAGE_SIZE = 25
CANDIDATES = 5000
COUNT_CAP = 5000
_MARK_START, _MARK_STOP = "\x02", "\x03"


@dataclass
class SearchResults:
    jobs: list[Job] = field(default_factory=list)
    page: int = 1
    has_next: bool = False
    count: int = 0
    count_is_capped: bool = False
    only_common_words: bool = False

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def web_query(text: str) -> SearchQuery:
    """Web-search syntax: "quoted phrases", `or`, and -excluded words."""
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def filtered_jobs(filters: dict[str, Any]) -> QuerySet[Job]:
    """The jobs that pass every filter of the jobs page, before any search or order."""
    jobs = Job.objects.all()
    if not filters.get("hidden"):
        jobs = jobs.visible()
    if not filters.get("closed"):
        jobs = jobs.open()
    if board := filters.get("board"):
        jobs = jobs.filter(board=board)
    if (low := filters.get("min_score")) is not None:
        jobs = jobs.filter(match_score__gte=low)
    if (high := filters.get("max_score")) is not None:
        jobs = jobs.filter(match_score__lte=high)
    if location := filters.get("location"):
        # A case-insensitive regex on the column itself rather than icontains's
        # UPPER(location) LIKE: Postgres estimates it from the column's statistics, so a
        # common place ("berlin") is not taken for a rare one and every job scanned.
        jobs = jobs.filter(location__iregex=re.escape(location))
    if filters.get("remote"):
        jobs = jobs.filter(is_remote=True)
    if filters.get("new"):
        jobs = jobs.filter(is_new=True)
    if filters.get("fair_pay"):
        jobs = jobs.filter(below_min_salary=False)
    if (salary := filters.get("salary")) is not None:
        jobs = jobs.filter(
            Q(salary_max__gte=salary) | Q(salary_max__isnull=True, salary_min__gte=salary)
        )
    return jobs


def search_jobs(filters: dict[str, Any]) -> SearchResults:
    """One page of the jobs page: filtered, searched, sorted, with snippets."""
    text, sort, page = filters.get("q", ""), filters.get("sort", "score"), filters.get("page", 1)
    jobs = filtered_jobs(filters)
    query = None
    if text:
        if _only_common_words(text):
            return SearchResults(page=page, only_common_words=True)
        query = web_query(text)
        jobs = jobs.filter(search_vector=query)

    start = (page - 1) * PAGE_SIZE
    if sort == "relevance" and query is not None:
        newest = jobs.order_by("-created_at").values("id")[:CANDIDATES]
        ordered = (
            Job.objects.filter(id__in=newest)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-created_at")
        )
    elif sort == "date":
        ordered = jobs.order_by("-created_at")
    else:
        ordered = jobs.order_by("-match_score", "-created_at")
    rows = list(ordered.select_related("board")[start : start + PAGE_SIZE + 1])

    results = SearchResults(jobs=rows[:PAGE_SIZE], page=page, has_next=len(rows) > PAGE_SIZE)
    # Unordered (the model orders by date): any COUNT_CAP + 1 matches will do, and
    # Postgres finds those without first finding the newest.
    results.count = jobs.order_by().values("id")[: COUNT_CAP + 1].count()
    results.count_is_capped = results.count > COUNT_CAP
    results.count = min(results.count, COUNT_CAP)
    if text and results.jobs:
        _add_snippets(results.jobs, text)
    return results


def _only_common_words(text: str) -> bool:
    """Whether the search has nothing to look for ("the", "and"): Postgres drops them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))", [SEARCH_CONFIG, text]
        )
        return cursor.fetchone()[0] == 0


def _add_snippets(jobs: list[Job], text: str) -> None:
    """`job.snippet`: a few words around the matches, the matched words in <mark>."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT id, ts_headline(
                %s::regconfig,
                regexp_replace(description, '<[^>]*>', ' ', 'g'),
                websearch_to_tsquery(%s::regconfig, %s),
                %s
            )
            FROM jobs_job WHERE id = ANY(%s)
            """,
            [
                SEARCH_CONFIG,
                SEARCH_CONFIG,
                text,
                f"StartSel={_MARK_START}, StopSel={_MARK_STOP}, MaxWords=30, MinWords=12, "
                "MaxFragments=2, FragmentDelimiter=' … '",
                [job.id for job in jobs],
            ],
        )
        snippets = dict(cursor.fetchall())
    for job in jobs:
        job.snippet = _marked(snippets.get(job.id, ""))


def _marked(snippet: str) -> str:
    """Safe HTML: the snippet's text escaped, then only our own <mark> tags added."""
    text = html.escape(" ".join(html.unescape(snippet).split()))
    return text.replace(_MARK_START, "<mark>").replace(_MARK_STOP, "</mark>")
