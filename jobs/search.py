"""The jobs page's search: Postgres full-text search that stays fast at a million jobs.

Ranking every match costs seconds when a word is in half the postings, and Postgres has
no index that returns the best-ranked rows first. So a relevance search ranks the
matches among the most recent postings: when at most `RANK_ALL` matches are expected it
ranks them all (the answer is exact); otherwise it ranks those in the newest window of
postings expected to hold about `CANDIDATES` of them. With that date window
in the query Postgres intersects the word index with the date index, so the cost follows
the candidates, not the matches. Totals are counted up to `COUNT_CAP`.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet

from jobs.models import SEARCH_CONFIG, Job

PAGE_SIZE = 25
RANK_ALL = 5000
CANDIDATES = 2000
SAMPLE = 4000
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
        rows, count, more = _relevance_page(jobs, query, start)
    else:
        order = ("-created_at",) if sort == "date" else ("-match_score", "-created_at")
        rows = list(jobs.order_by(*order).select_related("board")[start : start + PAGE_SIZE + 1])
        count, more = None, False
    if count is None:
        # Unordered (the model orders by date): any COUNT_CAP + 1 matches will do, and
        # Postgres finds those without first finding the newest.
        count = jobs.order_by().values("id")[: COUNT_CAP + 1].count()
        count, more = min(count, COUNT_CAP), count > COUNT_CAP
    results = SearchResults(jobs=rows[:PAGE_SIZE], page=page, has_next=len(rows) > PAGE_SIZE)
    results.count, results.count_is_capped = count, more
    if text and results.jobs:
        _add_snippets(results.jobs, text)
    return results


def _relevance_page(
    jobs: QuerySet[Job], query: SearchQuery, start: int
) -> tuple[list[Job], int | None, bool]:
    """Rows `start` to `start + PAGE_SIZE` (one more, to tell if there is a next page)
    of the matches best ranked among the recent ones; how many were ranked (None if
    that is not known: past the last page); and whether more, older, ones match."""
    window = _window_start(jobs)
    while True:
        candidates = jobs if window is None else jobs.filter(created_at__gte=window)
        ranked = _ranked_ids(candidates, query, start)
        ranked_count = ranked[0][2] if ranked else None
        if window is None or (not ranked and start) or (ranked_count or 0) >= CANDIDATES // 4:
            break
        window = None  # The estimate was far off: the window held few; rank every match.
    by_id = (
        Job.objects.select_related("board")
        .defer("search_vector")
        .in_bulk([id for id, _, _ in ranked])
    )
    for id, rank, _ in ranked:
        by_id[id].rank = rank
    return [by_id[id] for id, _, _ in ranked], ranked_count, window is not None


def _ranked_ids(candidates: QuerySet[Job], query: SearchQuery, start: int) -> list[tuple]:
    """(id, rank, how many were ranked) of the best-ranked candidates, from `start`.

    Only ids, ranks and dates are sorted and counted: a few bytes a candidate, where the
    whole rows (a description and its vector each) would spill the sort to disk."""
    inner = candidates.annotate(rank=SearchRank(F("search_vector"), query)).values(
        "id", "rank", "created_at"
    )
    sql, params = inner.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, rank, count(*) OVER () FROM ({sql}) AS candidates"
            " ORDER BY rank DESC, created_at DESC LIMIT %s OFFSET %s",
            [*params, PAGE_SIZE + 1, start],
        )
        return cursor.fetchall()


def _window_start(jobs: QuerySet[Job]) -> Any:
    """When the search is expected to match more than `RANK_ALL` jobs: the creation time
    after which the newest jobs hold about `CANDIDATES` matches. None: rank them all.

    The number of matches is the larger of two estimates: the planner's (from the word
    index's statistics, blind to words that go together, like "machine learning" and
    "pytorch") and the share of matches among the newest `SAMPLE` jobs. Both cost a few
    milliseconds; counting the matches would cost as much as ranking them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [Job._meta.db_table]
        )
        total = cursor.fetchone()[0]
    if total <= RANK_ALL:
        return None
    expected = _planned_rows(jobs.order_by().values("id"))
    if recent := _nth_newest(SAMPLE):
        expected = max(expected, jobs.filter(created_at__gte=recent).count() * total / SAMPLE)
    if expected <= RANK_ALL:
        return None
    return _nth_newest(int(CANDIDATES * total / expected))


def _nth_newest(n: int) -> Any:
    """The creation time of the `n`th newest job (None if there are not so many)."""
    dates = Job.objects.order_by("-created_at").values_list("created_at", flat=True)
    return next(iter(dates[n : n + 1]), None)


def _planned_rows(queryset: QuerySet) -> float:
    """How many rows the planner expects `queryset` to return."""
    plan = json.loads(queryset.explain(format="json"))
    return plan[0]["Plan"]["Plan Rows"]


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
