"""bench/search: the jobs page's relevance search at a million jobs, against ranking every match.

    .venv/bin/python bench/search.py [--jobs N] [--reuse] [--repeat R] [--explain]
                                     [--candidates C]

Loads N synthetic jobs (default 1,000,000; see _load.py and jobs/corpus.py) into its own
database, `hunter_bench_search`; `--reuse` keeps one already loaded with N jobs. Then
runs a fixed mix of 20 searches sorted by relevance: rare, medium and very common words,
phrases, `or` and `-` syntax, some with filters. Each is timed four ways, in the same
run, after one warm-up pass, taking the median of R runs (default 5):

- baseline: the plain query, every match ranked with ts_rank and sorted, first 25
  (`filtered_jobs(filters).search(q)[:25]`);
- Hunter's database query: the queries `search_jobs` sends to find the page (see below);
- `search_jobs(filters)` as a whole: that query, the capped count and the snippets;
- the HTMX request: GET /jobs/?q=... with HX-Request, logged in, through Django's test
  client (middleware, session, form, search, template fragment).

p50 and p95 are over the 20 searches' medians (p95 is the nearest rank: the 19th of 20).
Targets: Hunter's database query p95 <= 100 ms, the HTMX request p95 <= 200 ms.

"Best matches first", checked: where the planner and a sample of the newest jobs expect
at most 5,000 matches (`RANK_ALL`), Hunter ranks every match by the same ts_rank, so its
page is the baseline's page, job for job (the rare words here). Where more are expected,
Hunter ranks the matches among the newest postings, a date window expected to hold about
2,000 (`CANDIDATES`), and its page is the best of those, not of all. For each search the
script compares Hunter's first page with the baseline's: how many of the 25 jobs are the
same (overlap@25), how many of the baseline's top 10 are on Hunter's page, the mean
ts_rank of each one's top 10, and where Hunter's 10th result stands among all the
matches ("top x%": the share of all matches that rank at least as high).

Hunter's database query is every query that finds the page: the planner's estimate, the
sample, the date window, the ranking and the page's rows (not the count, when one is
needed, nor the snippets: those are in search_jobs).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from _setup import setup_bench_database

DATABASE = "hunter_bench_search"
PAGE = 25

# (what it is, the jobs page's URL parameters); "board" is an index into _load.BOARDS.
SEARCHES: list[tuple[str, dict]] = [
    ("rare", {"q": "fortran"}),
    ("rare, board", {"q": "cobol", "board": 0}),
    ("rare", {"q": "solidity"}),
    ("rare, or", {"q": "haskell or ocaml"}),
    ("medium", {"q": "kubernetes"}),
    ("medium", {"q": "terraform"}),
    ("medium, two words", {"q": "react typescript"}),
    ("medium, or", {"q": "rust or elixir"}),
    ("very common", {"q": "engineer"}),
    ("very common", {"q": "experience"}),
    ("common", {"q": "python"}),
    ("common, three words", {"q": "senior software engineer"}),
    ("phrase", {"q": '"distributed systems"'}),
    ("phrase", {"q": '"machine learning"'}),
    ("common, exclude", {"q": "python -django"}),
    ("medium, remote", {"q": "kubernetes", "remote": "1"}),
    ("very common, remote, score", {"q": "experience", "remote": "1", "min_score": "90"}),
    ("very common, location", {"q": "engineer", "location": "berlin"}),
    ("medium, board", {"q": "terraform", "board": 1}),
    ("phrase + word, score", {"q": '"machine learning" pytorch', "min_score": "50"}),
]  # fmt: skip


@dataclass
class Search:
    kind: str
    params: dict
    filters: dict = field(default_factory=dict)
    baseline: list = field(default_factory=list)
    database: list = field(default_factory=list)
    search_jobs: list = field(default_factory=list)
    htmx: list = field(default_factory=list)
    first_database: float = 0.0
    quality: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        extra = " ".join(f"{key}={value}" for key, value in self.params.items() if key != "q")
        if board := self.filters.get("board"):
            extra = extra.replace(f"board={board.pk}", f"board={board.name.split(':')[0]}")
        return f"{self.params['q']}  {extra}".strip()


class QueryTimer:
    """An execute wrapper that keeps each query's SQL, parameters and seconds."""

    def __init__(self) -> None:
        self.queries: list[tuple[str, object, float]] = []

    def __call__(
        self, execute: Callable, sql: str, params: object, many: bool, context: dict
    ) -> object:
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((sql, params, time.perf_counter() - began))

    def ranked_query(self) -> float:
        """The time of the queries that find the page among those kept (the planner's
        estimate, the date window, the ranking, the page's rows: all but the count, the
        snippets and the stop-word check); then forget them."""
        seconds = sum(
            seconds
            for sql, _, seconds in self.queries
            if not any(
                part in sql for part in ("ts_headline(", "numnode(", "COUNT(*) FROM (SELECT")
            )
        )
        self.queries.clear()
        return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=1_000_000, help="how many jobs")
    parser.add_argument("--reuse", action="store_true", help="keep a loaded database")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per search")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE slow ones")
    parser.add_argument(
        "--candidates", type=int, help="try another number of matches to rank (an experiment)"
    )
    args = parser.parse_args()

    kept = setup_bench_database(DATABASE, keep=args.reuse)
    from _load import BOARDS, load_jobs
    from django.conf import settings
    from django.db import connection

    from jobs.models import Job

    if kept and Job.objects.count() == args.jobs and _has_search_index():
        print(f"Reusing {DATABASE}: {args.jobs:,} jobs already loaded.")
    else:
        load_jobs(args.jobs)

    import jobs.search

    if args.candidates:
        print(
            f"Experiment: windows of {args.candidates:,} candidates, not {jobs.search.CANDIDATES:,}"
        )
        jobs.search.CANDIDATES = args.candidates

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from boards.models import JobBoard
    from jobs.forms import JobFilterForm
    from jobs.search import CANDIDATES, RANK_ALL, filtered_jobs, search_jobs

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    boards = {board.name: board.pk for board in JobBoard.objects.all()}
    user, _ = get_user_model().objects.get_or_create(username="bench")
    client = Client()
    client.force_login(user)
    url = reverse("jobs:list")
    timer = QueryTimer()

    searches = []
    for kind, params in SEARCHES:
        if "board" in params:
            params = {**params, "board": str(boards[BOARDS[params["board"]][0]])}
        form = JobFilterForm(params)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["sort"] == "relevance"
        searches.append(Search(kind, params, form.cleaned_data))

    def run(search: Search, timed: bool) -> tuple[list, list]:
        began = time.perf_counter()
        baseline = list(filtered_jobs(search.filters).search(search.filters["q"])[:PAGE])
        baseline_seconds = time.perf_counter() - began

        began = time.perf_counter()
        with connection.execute_wrapper(timer):
            results = search_jobs(search.filters)
        search_seconds = time.perf_counter() - began
        database_seconds = timer.ranked_query()

        began = time.perf_counter()
        response = client.get(url, search.params, HTTP_HX_REQUEST="true")
        htmx_seconds = time.perf_counter() - began
        assert response.status_code == 200 and b'id="results"' in response.content
        assert b"<html" not in response.content, "expected the HTMX fragment"

        if timed:
            search.baseline.append(baseline_seconds)
            search.database.append(database_seconds)
            search.search_jobs.append(search_seconds)
            search.htmx.append(htmx_seconds)
        else:
            search.first_database = database_seconds
        return baseline, results.jobs

    print(
        f"\nPostgreSQL {connection.cursor().connection.info.server_version}, "
        f"{Job.objects.count():,} jobs, shared_buffers {_setting('shared_buffers')}, "
        f"work_mem {_setting('work_mem')}, jit {_setting('jit')}; "
        f"Hunter ranks all matches up to {RANK_ALL:,}, else about {CANDIDATES:,} of the newest"
    )
    print("Warm-up pass, and the quality check (ranks every match once more)…", flush=True)
    for search in searches:
        baseline, hunter = run(search, timed=False)
        search.quality = _quality(search.filters, baseline, hunter)
    print(f"Timing: {args.repeat} runs of each search, interleaved…", flush=True)
    for _ in range(args.repeat):
        for search in searches:
            run(search, timed=True)

    _report(searches)
    print(
        f"Load average (1, 5, 15 min) at the end: {', '.join(f'{n:.1f}' for n in os.getloadavg())}"
    )
    if args.explain:
        _explain(searches)


def _quality(filters: dict, baseline: list, hunter: list) -> dict:
    """Hunter's first page against the baseline's; see the module's docstring."""
    from django.contrib.postgres.search import SearchRank
    from django.db.models import Count, F, Q

    from jobs.search import filtered_jobs, web_query

    query = web_query(filters["q"])
    tenth = hunter[min(9, len(hunter) - 1)].rank if hunter else math.inf
    counts = (
        filtered_jobs(filters)
        .filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .aggregate(matches=Count("id"), above=Count("id", filter=Q(rank__gte=tenth)))
    )
    base_ids, hunter_ids = [job.pk for job in baseline], [job.pk for job in hunter]
    return {
        "matches": counts["matches"],
        "identical": base_ids == hunter_ids,
        "overlap": len(set(base_ids) & set(hunter_ids)),
        "top10_kept": len(set(base_ids[:10]) & set(hunter_ids)),
        "rank_hunter": statistics.mean(job.rank for job in hunter[:10]) if hunter else 0.0,
        "rank_baseline": statistics.mean(job.rank for job in baseline[:10]) if baseline else 0.0,
        "tenth_top_share": counts["above"] / counts["matches"] if counts["matches"] else 0.0,
    }


def _report(searches: list[Search]) -> None:
    ms = 1000
    print(
        f"\n{'#':>2}  {'search':<44} {'kind':<26} {'matches':>9}  {'baseline':>9} "
        f"{'DB query':>9} {'search_jobs':>11} {'HTMX':>8}  {'ovl@25':>6} {'B10∈H25':>7} "
        f"{'rank H10 / B10':>15} {'H#10 top':>9}"
    )
    for number, search in enumerate(searches, 1):
        quality = search.quality
        print(
            f"{number:>2}  {search.label[:44]:<44} {search.kind[:26]:<26} "
            f"{quality['matches']:>9,}  "
            f"{statistics.median(search.baseline) * ms:>7.1f}ms "
            f"{statistics.median(search.database) * ms:>7.1f}ms "
            f"{statistics.median(search.search_jobs) * ms:>9.1f}ms "
            f"{statistics.median(search.htmx) * ms:>6.1f}ms  "
            f"{quality['overlap']:>6} {quality['top10_kept']:>7} "
            f"{quality['rank_hunter']:>7.3f}/{quality['rank_baseline']:<7.3f} "
            f"{quality['tenth_top_share']:>8.2%}"
        )

    def medians(name: str) -> list[float]:
        return [statistics.median(getattr(search, name)) * ms for search in searches]

    print(f"\n{'over the 20 searches (ms)':<34} {'p50':>8} {'p95':>8} {'max':>8}")
    rows = [
        ("baseline: rank every match", "baseline"),
        ("Hunter's database query", "database"),
        ("search_jobs (query, count, snippets)", "search_jobs"),
        ("HTMX results request", "htmx"),
    ]
    summary = {}
    for title, name in rows:
        values = medians(name)
        summary[name] = (statistics.median(values), _p95(values))
        print(f"{title:<34} {summary[name][0]:>8.1f} {summary[name][1]:>8.1f} {max(values):>8.1f}")
    first = [search.first_database * ms for search in searches]
    print(
        f"{'(Hunter DB query, warm-up pass)':<34} {statistics.median(first):>8.1f} "
        f"{_p95(first):>8.1f} {max(first):>8.1f}"
    )

    ratios = [b / d for b, d in zip(medians("baseline"), medians("database"), strict=True)]
    base, database = summary["baseline"], summary["database"]
    print(
        f"\nRatio baseline / Hunter's database query: p50 {base[0] / database[0]:.1f}x, "
        f"p95 {base[1] / database[1]:.1f}x; per search from {min(ratios):.1f}x to "
        f"{max(ratios):.1f}x (median {statistics.median(ratios):.1f}x)"
    )
    htmx = summary["htmx"]
    print(
        f"Targets: database query p95 {database[1]:.1f} ms <= 100 ms: "
        f"{'met' if database[1] <= 100 else 'MISSED'}; HTMX request p95 {htmx[1]:.1f} ms "
        f"<= 200 ms: {'met' if htmx[1] <= 200 else 'MISSED'}"
    )

    from jobs.search import RANK_ALL

    few = [search for search in searches if search.quality["matches"] <= RANK_ALL]
    many = [search for search in searches if search.quality["matches"] > RANK_ALL]
    print(
        f"\nQuality: {sum(s.quality['identical'] for s in few)} of the {len(few)} searches "
        f"with <= {RANK_ALL:,} matches have exactly the baseline's first page."
    )
    if many:
        overlap = statistics.mean(s.quality["overlap"] for s in many)
        kept = statistics.mean(s.quality["top10_kept"] for s in many)
        ratio = statistics.mean(s.quality["rank_hunter"] / s.quality["rank_baseline"] for s in many)
        share = statistics.median(s.quality["tenth_top_share"] for s in many)
        print(
            f"The {len(many)} with more: mean overlap@25 {overlap:.1f}, mean {kept:.1f} of "
            f"the baseline's top 10 on Hunter's page, Hunter's top-10 mean ts_rank "
            f"{ratio:.0%} of the baseline's, Hunter's 10th result in the top "
            f"{share:.2%} of all matches (median)."
        )


def _p95(values: list[float]) -> float:
    return sorted(values)[math.ceil(0.95 * len(values)) - 1]


def _explain(searches: list[Search]) -> None:
    """EXPLAIN ANALYZE of Hunter's queries for the searches over 100 ms."""
    from django.db import connection

    from jobs.search import search_jobs

    for search in searches:
        if statistics.median(search.database) <= 0.1:
            continue
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            search_jobs(search.filters)
        print(f"\n=== {search.label}")
        for sql, params, _ in timer.queries:
            if "numnode(" in sql:
                continue
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                print("\n".join(row[0] for row in cursor.fetchall()), end="\n\n")


def _has_search_index() -> bool:
    """Whether the load finished: the search index is built last."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'job_search_vector_gin'")
        return cursor.fetchone() is not None


def _setting(name: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


if __name__ == "__main__":
    main()
