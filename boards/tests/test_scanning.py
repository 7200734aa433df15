from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from boards.models import JobBoard, Scan
from boards.scanning import (
    compute_dedup_hash,
    fail_stale_scans,
    filter_by_keywords,
    normalize_url,
    scan_board,
    store_scraped_jobs,
)
from boards.scrapers.base import ScrapedJob
from boards.tasks import check_scan_schedules, due_boards, scan_board_task
from boards.tests.factories import JobBoardFactory
from boards.tests.fake_site import Reply, fixture_reply, json_reply
from jobs.models import Job

API_PATH = "/v1/boards/acme/jobs"


@pytest.mark.parametrize(
    ("url", "normalized"),
    [
        ("HTTPS://Jobs.Example.COM/Postings/42/", "https://jobs.example.com/Postings/42"),
        ("https://jobs.example.com/42#apply", "https://jobs.example.com/42"),
        ("https://jobs.example.com/42?utm_source=x&utm_medium=y", "https://jobs.example.com/42"),
        (
            "https://boards.greenhouse.io/acme/jobs/1?gh_src=abc",
            "https://boards.greenhouse.io/acme/jobs/1",
        ),
        ("https://jobs.lever.co/acme/9?lever-source=LinkedIn", "https://jobs.lever.co/acme/9"),
        ("https://acme.com/careers?gh_jid=77&ref=hn", "https://acme.com/careers?gh_jid=77"),
        ("https://acme.com:443/jobs/1", "https://acme.com/jobs/1"),
        ("https://acme.com/jobs?b=2&a=1", "https://acme.com/jobs?a=1&b=2"),
    ],
)
def test_normalize_url(url, normalized):
    assert normalize_url(url) == normalized


def test_urls_differing_only_in_tracking_share_a_hash():
    assert compute_dedup_hash(url="https://a.com/j/1?utm_campaign=x#top") == compute_dedup_hash(
        url="https://A.com/j/1/"
    )


def test_postings_without_url_are_identified_by_title_and_company():
    first = compute_dedup_hash(url="", title="Senior  Engineer!", company="Acme, Inc.")
    assert first == compute_dedup_hash(url="", title="senior engineer", company="ACME Inc")
    assert first != compute_dedup_hash(url="", title="Senior Engineer", company="Other")


def test_hash_is_sha256_hex():
    assert len(compute_dedup_hash(url="https://a.com/1")) == 64


@pytest.mark.parametrize(
    ("keywords", "kept_titles"),
    [
        ([], ["Python Developer", "Pythonista Wanted", "Go Engineer"]),
        (["python"], ["Python Developer"]),
        (["PYTHON"], ["Python Developer"]),
        (["kubernetes"], ["Go Engineer"]),
        (["machine learning"], ["Pythonista Wanted"]),
        (["rust", "go"], ["Go Engineer"]),
    ],
)
def test_keyword_filters_match_whole_words_in_title_or_description(keywords, kept_titles):
    jobs = [
        ScrapedJob(title="Python Developer", description_html="<p>Django</p>"),
        ScrapedJob(title="Pythonista Wanted", description_html="<p>Machine\n learning</p>"),
        ScrapedJob(title="Go Engineer", description_html="<p>Run <b>Kubernetes</b></p>"),
    ]
    assert [job.title for job in filter_by_keywords(jobs, keywords)] == kept_titles


@pytest.mark.django_db
def test_store_inserts_new_jobs_and_counts_them():
    board = JobBoardFactory()
    scraped = [
        ScrapedJob(title="A", url="https://x.com/1", company="X", description_html="<p>a</p>"),
        ScrapedJob(title="B", url="https://x.com/2", company="X"),
    ]
    assert store_scraped_jobs(board=board, scraped=scraped) == 2
    assert set(Job.objects.values_list("title", flat=True)) == {"A", "B"}


@pytest.mark.django_db
def test_storing_again_adds_nothing_and_marks_jobs_seen():
    board = JobBoardFactory()
    scraped = [ScrapedJob(title="A", url="https://x.com/1")]
    store_scraped_jobs(board=board, scraped=scraped)
    later = timezone.now() + timedelta(hours=1)
    assert store_scraped_jobs(board=board, scraped=scraped, seen_at=later) == 0
    assert Job.objects.get().last_seen_at == later


@pytest.mark.django_db
def test_duplicates_within_one_batch_are_stored_once():
    scraped = [
        ScrapedJob(title="A", url="https://x.com/1?utm_source=a"),
        ScrapedJob(title="A", url="https://x.com/1?utm_source=b"),
    ]
    assert store_scraped_jobs(board=None, scraped=scraped) == 1


@pytest.mark.django_db
def test_descriptions_are_sanitised_when_stored():
    html = (
        '<p onclick="steal()">Hi<script>alert(1)</script><img src=x onerror=y></p>'
        '<a href="javascript:x">l</a>'
    )
    store_scraped_jobs(board=None, scraped=[ScrapedJob(title="A", description_html=html)])
    stored = Job.objects.get().description
    assert "script" not in stored and "onclick" not in stored and "onerror" not in stored
    assert "javascript" not in stored
    assert stored.startswith("<p>Hi</p>")


@pytest.mark.django_db
def test_structured_salary_is_stored_annualised():
    from decimal import Decimal

    from jobs.salary import Salary

    job = ScrapedJob(
        title="A",
        salary=Salary(min=Decimal(50), max=Decimal(60), currency="USD", period="hour"),
        salary_text="ignored when structured pay is given",
    )
    store_scraped_jobs(board=None, scraped=[job])
    stored = Job.objects.get()
    assert (stored.salary_min, stored.salary_max) == (104000, 124800)
    assert (stored.salary_currency, stored.salary_period) == ("USD", "hour")


@pytest.mark.django_db
def test_oversized_fields_are_cut_not_refused():
    job = ScrapedJob(title="T" * 900, company="C" * 400, url="https://x.com/" + "p" * 2100)
    assert store_scraped_jobs(board=None, scraped=[job]) == 1
    stored = Job.objects.get()
    assert len(stored.title) == 500 and stored.url == ""


def _greenhouse_board(fake_site, **fields):
    url = fake_site.route(API_PATH, fixture_reply("greenhouse/jobs.json"))
    return JobBoardFactory(name="Acme", url=url, **fields)


@pytest.mark.django_db
def test_scan_stores_jobs_and_records_success(fake_site, http_client):
    board = _greenhouse_board(fake_site)
    report = scan_board(board=board, client=http_client)
    board.refresh_from_db()
    assert (report.fetched, report.kept, report.new) == (2, 2, 2)
    assert board.last_scan_status == JobBoard.ScanStatus.SUCCESS
    assert board.last_scanned_at is not None
    assert board.jobs.count() == 2
    scan = board.scans.get()
    assert (scan.status, scan.new) == (Scan.Status.SUCCESS, 2)
    assert "Skipped a Greenhouse record without a title." in scan.log


@pytest.mark.django_db
def test_rescan_adds_no_duplicates(fake_site, http_client):
    board = _greenhouse_board(fake_site)
    scan_board(board=board, client=http_client)
    assert scan_board(board=board, client=http_client).new == 0
    assert Job.objects.count() == 2


@pytest.mark.django_db
def test_scan_applies_the_board_keyword_filters(fake_site, http_client):
    board = _greenhouse_board(fake_site, keyword_filters=["postgres"])
    report = scan_board(board=board, client=http_client)
    assert (report.fetched, report.kept) == (2, 1)
    assert list(Job.objects.values_list("title", flat=True)) == [
        "Senior Backend Engineer, Payments"
    ]


@pytest.mark.django_db
def test_failing_board_records_its_error_and_keeps_its_jobs(fake_site, http_client):
    board = _greenhouse_board(fake_site)
    scan_board(board=board, client=http_client)
    fake_site.route(API_PATH, Reply(status=500, body="boom", content_type="text/plain"))
    report = scan_board(board=board, client=http_client)
    board.refresh_from_db()
    assert report.failed
    assert board.last_scan_status == JobBoard.ScanStatus.FAILED
    assert "500" in board.last_scan_error
    assert board.jobs.count() == 2
    assert board.scans.filter(status=Scan.Status.FAILED).count() == 1


@pytest.mark.django_db
def test_one_failing_board_does_not_affect_another(fake_site, http_client):
    broken = JobBoardFactory(url=fake_site.route("/broken", Reply(body="{not json")))
    working = _greenhouse_board(fake_site)
    assert scan_board(board=broken, client=http_client).failed
    assert scan_board(board=working, client=http_client).new == 2


@pytest.mark.django_db
def test_posting_gone_from_a_complete_scan_is_closed_and_reopens_when_back(fake_site, http_client):
    board = _greenhouse_board(fake_site)
    scan_board(board=board, client=http_client)
    fake_site.route(API_PATH, json_reply({"jobs": [], "meta": {"total": 0}}))
    scan_board(board=board, client=http_client)
    assert Job.objects.open().count() == 0
    fake_site.route(API_PATH, fixture_reply("greenhouse/jobs.json"))
    scan_board(board=board, client=http_client)
    assert Job.objects.open().count() == 2


@pytest.mark.django_db
def test_dry_run_stores_and_records_nothing(fake_site, http_client):
    board = _greenhouse_board(fake_site)
    report = scan_board(board=board, client=http_client, dry_run=True)
    board.refresh_from_db()
    assert report.fetched == 2
    assert not Job.objects.exists() and not Scan.objects.exists()
    assert board.last_scan_status == JobBoard.ScanStatus.IDLE


@pytest.mark.django_db
def test_board_already_running_is_not_scanned_twice(fake_site, http_client):
    board = _greenhouse_board(
        fake_site, last_scan_status=JobBoard.ScanStatus.RUNNING, scan_started_at=timezone.now()
    )
    report = scan_board(board=board, client=http_client)
    assert report.skipped
    assert fake_site.requests_to(API_PATH) == []


@pytest.mark.django_db
def test_scan_that_died_does_not_leave_the_board_running_forever(fake_site, http_client):
    long_ago = timezone.now() - timedelta(minutes=30)
    board = _greenhouse_board(
        fake_site, last_scan_status=JobBoard.ScanStatus.RUNNING, scan_started_at=long_ago
    )
    Scan.objects.create(board=board, started_at=long_ago)
    assert fail_stale_scans() == 1
    board.refresh_from_db()
    assert board.last_scan_status == JobBoard.ScanStatus.FAILED
    assert "stopped without finishing" in board.last_scan_error
    assert Scan.objects.get().status == Scan.Status.FAILED
    assert scan_board(board=board, client=http_client).new == 2


@pytest.mark.django_db
def test_scheduler_picks_only_due_boards():
    now = timezone.now()
    never = JobBoardFactory(name="never scanned")
    due = JobBoardFactory(
        name="due", scan_interval_minutes=60, last_scanned_at=now - timedelta(minutes=61)
    )
    JobBoardFactory(
        name="recent", scan_interval_minutes=60, last_scanned_at=now - timedelta(minutes=10)
    )
    JobBoardFactory(name="disabled", enabled=False)
    JobBoardFactory(name="running", last_scan_status=JobBoard.ScanStatus.RUNNING)
    JobBoardFactory(name="queued", scan_queued_at=now - timedelta(minutes=1))
    assert set(due_boards(now)) == {never, due}


@pytest.mark.django_db(transaction=True)
def test_check_scan_schedules_queues_each_due_board_once():
    from django_q.models import OrmQ

    JobBoardFactory(name="a")
    JobBoardFactory(name="b")
    assert check_scan_schedules() == 2
    assert check_scan_schedules() == 0  # queued boards are not queued again
    assert OrmQ.objects.count() == 2


@pytest.mark.django_db
def test_the_every_minute_schedule_exists_once():
    from django_q.models import Schedule

    from boards.apps import ensure_scan_schedule

    ensure_scan_schedule()
    schedule = Schedule.objects.get(func="boards.tasks.check_scan_schedules")
    assert (schedule.schedule_type, schedule.minutes) == (Schedule.MINUTES, 1)


@pytest.mark.django_db
def test_scheduled_task_skips_a_board_scanned_meanwhile():
    board = JobBoardFactory(last_scanned_at=timezone.now(), scan_interval_minutes=60)
    assert scan_board_task(str(board.pk), only_if_due=True) == {"skipped": "not due"}


@pytest.mark.django_db
def test_scan_command_prints_what_each_board_found(fake_site, capsys):
    board = _greenhouse_board(fake_site)
    call_command("scan", "--board", "acme")
    out = capsys.readouterr().out
    assert "Acme: fetched 2, kept 2, new 2" in out
    assert board.jobs.count() == 2


@pytest.mark.django_db
def test_scan_command_dry_run_stores_nothing(fake_site, capsys):
    board = _greenhouse_board(fake_site)
    call_command("scan", "--board", str(board.pk), "--dry-run")
    assert "not stored (dry run)" in capsys.readouterr().out
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_scan_command_fails_when_a_board_fails(fake_site, capsys):
    JobBoardFactory(name="Broken", url=fake_site.route("/x", Reply(status=404, body="gone")))
    _greenhouse_board(fake_site)
    with pytest.raises(CommandError, match="1 of 2 boards failed"):
        call_command("scan", "--all")
    out = capsys.readouterr().out
    assert "Broken: FAILED" in out and "404" in out
    assert "Acme: fetched 2" in out


@pytest.mark.django_db
def test_scan_command_names_an_unknown_board():
    with pytest.raises(CommandError, match='No board is called "nope"'):
        call_command("scan", "--board", "nope")
