"""bench/ingest: Hunter's store_scraped_jobs against a raw INSERT ... ON CONFLICT DO NOTHING.

    .venv/bin/python bench/ingest.py [SIZE ...]      (default: 10000 100000)

Both insert the same rows into the same (emptied) jobs table, with its generated
search vector and GIN index, in the same run. The baseline is one INSERT of every
row, its values computed beforehand; Hunter's path starts from scraped records and
does all its own work (sanitising, salary parsing, hashing, batching, counting new).
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta

from _setup import setup_bench_database


def scraped_jobs(count: int, seed: int = 7) -> list:
    from boards.scrapers.base import ScrapedJob
    from jobs.corpus import COMPANIES, LOCATIONS, SALARIES, description, title

    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        ScrapedJob(
            title=title(rng),
            company=rng.choice(COMPANIES),
            location=rng.choice(LOCATIONS),
            url=f"https://jobs.example.com/{rng.choice(COMPANIES).replace(' ', '-')}/{n}?utm_source=bench",
            description_html=description(rng),
            salary_text=rng.choice(SALARIES),
            posted_at=start + timedelta(minutes=n),
            external_id=str(n),
        )
        for n in range(count)
    ]


def main(sizes: list[int]) -> None:
    setup_bench_database()
    from django.db import connection
    from django.utils import timezone

    from boards.scanning import _COLUMNS, _row, store_scraped_jobs
    from jobs.scoring import current_criteria

    def empty_table() -> None:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE jobs_job CASCADE")
            cursor.execute("CHECKPOINT")

    print(f"PostgreSQL: {connection.cursor().connection.info.server_version}")
    for size in sizes:
        jobs = scraped_jobs(size)
        chars = sum(len(job.description_html) for job in jobs) / size
        print(f"\n{size:,} jobs, descriptions of {chars:,.0f} characters on average")

        seen = timezone.now()
        criteria = current_criteria()
        rows = [_row(None, job, seen, criteria) for job in jobs]
        columns = [list(column) for column in zip(*rows, strict=True)]
        baseline_sql = (
            f"INSERT INTO jobs_job ({', '.join(_COLUMNS)}) "
            f"SELECT * FROM unnest({', '.join(f'%s::{kind}[]' for kind in _COLUMNS.values())}) "
            "ON CONFLICT (dedup_hash) DO NOTHING"
        )

        empty_table()
        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(baseline_sql, columns)
        raw_seconds = time.perf_counter() - began

        empty_table()
        began = time.perf_counter()
        new = store_scraped_jobs(board=None, scraped=jobs)
        hunter_seconds = time.perf_counter() - began
        assert new == size, (new, size)

        began = time.perf_counter()
        again = store_scraped_jobs(board=None, scraped=jobs)
        rescan_seconds = time.perf_counter() - began
        assert again == 0

        raw_rate, hunter_rate = size / raw_seconds, size / hunter_seconds
        print(
            f"  raw INSERT ... ON CONFLICT DO NOTHING: {raw_seconds:7.2f} s  {raw_rate:9,.0f} rows/s"
        )
        print(
            f"  store_scraped_jobs:                    {hunter_seconds:7.2f} s  {hunter_rate:9,.0f} rows/s"
        )
        print(f"  ratio (Hunter / raw):                  {hunter_rate / raw_rate:7.2f}")
        print(f"  rescan of the same jobs (0 new):       {rescan_seconds:7.2f} s")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000, 100_000])
