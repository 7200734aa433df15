"""Fill the bench database with many synthetic jobs, fast.

Rows come from jobs/corpus.py and go in with COPY, a chunk per task over one process per
core; the insert trigger computes each search vector. The full-text and trigram GIN
indexes are dropped for the load and built again after it, then the table is vacuumed
and analysed, as autovacuum would have done on a real installation.

Jobs are created at a steady pace over the past year and loaded oldest first, so, as
in a real database that gains jobs as boards are scanned, the newest jobs sit in the
last pages of the table.
"""

from __future__ import annotations

import hashlib
import os
import random
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta
from multiprocessing import get_context

from jobs.corpus import COMPANIES, LOCATIONS, posting

# Indexes built after the load rather than kept up to date during it (those that exist).
DEFERRED_INDEXES = ("job_search_vector_gin", "job_location_trgm")
BOARDS = [
    ("Greenhouse: Acme Labs", "https://boards.greenhouse.io/acmelabs", 35),
    ("Lever: Globex Systems", "https://jobs.lever.co/globex", 25),
    ("Ashby: Hooli Inc", "https://jobs.ashbyhq.com/hooli", 20),
    ("Workable: Initech Health", "https://apply.workable.com/initech", 12),
    ("RSS: Remote jobs", "https://remote.example.com/feed.xml", 8),
]
CHUNK = 20_000
YEAR = timedelta(days=365)
_COLUMNS = (
    "id", "board_id", "title", "company", "location", "url", "description", "is_remote",
    "external_id", "salary_min", "salary_max", "salary_currency", "salary_period",
    "salary_text", "match_score", "score_breakdown", "below_min_salary", "dedup_hash",
    "is_new", "is_hidden", "posted_at", "last_seen_at", "closed_at", "created_at", "updated_at",
)  # fmt: skip
_CURRENCIES = {"London": ("GBP", "£"), "Berlin": ("EUR", "€"), "Amsterdam": ("EUR", "€"),
               "Paris": ("EUR", "€"), "Toronto": ("CAD", "CA$"), "Bangalore": ("INR", "₹")}  # fmt: skip


def load_jobs(count: int, *, seed: int = 7) -> None:
    """Replace every job (and board) with `count` synthetic jobs; print how long it took."""
    from _setup import conninfo
    from django.db import connection, connections

    from boards.models import JobBoard

    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE jobs_job, boards_jobboard CASCADE")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'jobs_job' AND indexname = ANY(%s)",
            [list(DEFERRED_INDEXES)],
        )
        deferred = cursor.fetchall()
        for name, _ in deferred:
            cursor.execute(f'DROP INDEX "{name}"')
    boards = JobBoard.objects.bulk_create(
        JobBoard(name=name, url=url, scraper_config={"type": "rss", "url": url})
        for name, url, _ in BOARDS
    )
    board_weights = [
        (str(board.pk), weight) for board, (*_, weight) in zip(boards, BOARDS, strict=True)
    ]
    now = datetime.now().astimezone()
    connections.close_all()  # the workers open their own

    workers = os.cpu_count() or 2
    starts = range(0, count, CHUNK)
    print(f"Loading {count:,} jobs with COPY in {len(starts)} chunks over {workers} processes…")
    done = 0
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        tasks = [
            (conninfo(), start, min(CHUNK, count - start), count, seed, board_weights, now)
            for start in starts
        ]
        for rows in pool.map(_copy_chunk, tasks):
            done += rows
            elapsed = time.perf_counter() - began
            print(f"  {done:>9,} rows  {elapsed:6.0f} s  {done / elapsed:6,.0f} rows/s", flush=True)
    copied = time.perf_counter()

    with connection.cursor() as cursor:
        # For this session's index builds only; the server's settings are left alone.
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for _, definition in deferred:
            cursor.execute(definition)
        indexed = time.perf_counter()
        cursor.execute("VACUUM (ANALYZE) jobs_job")
        cursor.execute("CHECKPOINT")
    finished = time.perf_counter()
    print(
        f"Loaded {count:,} jobs in {finished - began:.0f} s: COPY {copied - began:.0f} s "
        f"({count / (copied - began):,.0f} rows/s), indexes {indexed - copied:.0f} s, "
        f"vacuum and analyse {finished - indexed:.0f} s"
    )


def _copy_chunk(task: tuple) -> int:
    import psycopg

    conninfo, start, size, count, seed, board_weights, now = task
    rng = random.Random(seed * 1_000_003 + start)
    boards, weights = zip(*board_weights, strict=True)
    sql = f"COPY jobs_job ({', '.join(_COLUMNS)}) FROM STDIN"
    with psycopg.connect(conninfo) as connection:
        connection.execute("SET synchronous_commit = off")
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            for n in range(start, start + size):
                copy.write_row(_job(rng, n, count, now, rng.choices(boards, weights)[0]))
    return size


def _job(rng: random.Random, n: int, count: int, now: datetime, board: str) -> tuple:
    job = posting(rng)
    company, location = rng.choice(COMPANIES), rng.choice(LOCATIONS)
    url = f"https://jobs.example.com/{company.replace(' ', '-').lower()}/{n}"
    created = now - YEAR + (n + rng.random()) * (YEAR / count)
    last_seen = created + rng.random() * (now - created)
    closed = last_seen if rng.random() < 0.08 else None
    salary: tuple = (None, None, "", "", "")
    if rng.random() < 0.4:
        currency, symbol = next(
            (money for city, money in _CURRENCIES.items() if city in location), ("USD", "$")
        )
        low = rng.randrange(40, 200) * 1000
        high = low + rng.randrange(0, 60) * 1000
        salary = (low, high, currency, "year", f"{symbol}{low:,} – {symbol}{high:,}")
    return (
        uuid.UUID(int=rng.getrandbits(128), version=4),
        board,
        job.title,
        company,
        location,
        url,
        job.description,
        "remote" in location.lower() or location == "Anywhere",
        str(n),
        *salary,
        rng.randint(0, 100),
        "{}",
        False,
        hashlib.sha256(url.encode()).hexdigest(),
        now - created < timedelta(days=14) or rng.random() < 0.1,
        rng.random() < 0.02,
        created - rng.random() * timedelta(days=3),
        last_seen,
        closed,
        created,
        created,
    )
