from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from applications.models import Application, ApplicationLog
from boards.models import JobBoard, Scan
from boards.tests.factories import JobBoardFactory
from hunter.charts import bar_chart, column_chart
from hunter.dashboard import applications_over_time, recent_activity
from jobs.models import Job
from jobs.tests.factories import JobFactory
from profiles.models import UserProfile

pytestmark = pytest.mark.django_db

HOME = reverse("dashboard")


@pytest.fixture
def world(user):
    UserProfile.objects.create(user=user, notify_threshold=70)
    acme = JobBoardFactory(name="Acme careers")
    globex = JobBoardFactory(name="Globex jobs", last_scan_status=JobBoard.ScanStatus.FAILED)
    JobBoardFactory(name="Paused", enabled=False, last_scan_status=JobBoard.ScanStatus.FAILED)
    old = timezone.now() - timedelta(days=20)
    jobs = [JobFactory(board=acme, match_score=score) for score in (90, 75, 40)]
    JobFactory(board=globex, match_score=95, is_hidden=True)
    JobFactory(board=globex, match_score=80, closed_at=timezone.now())
    read = JobFactory(board=globex, match_score=10, is_new=False)
    Job.objects.filter(pk=read.pk).update(created_at=old)
    Application.objects.create(job=jobs[0], status=Application.Status.SUBMITTED)
    Application.objects.create(job=jobs[1], status=Application.Status.NEEDS_REVIEW)
    Application.objects.create(job=jobs[2], status=Application.Status.FAILED)
    return acme, globex


def test_counters_answer_every_question(logged_in_client, world):
    context = logged_in_client.get(HOME).context
    assert context["boards"] == {"total": 3, "enabled": 2, "failing": 1}
    # Open jobs only; new and above-threshold leave out the hidden one.
    assert context["jobs"] == {"total": 5, "new": 3, "this_week": 4, "above_threshold": 2}
    counts = {status: count for status, _, count in context["applications"]}
    assert counts["submitted"] == counts["needs_review"] == counts["failed"] == 1
    assert counts["pending"] == counts["cancelled"] == 0
    assert list(counts) == list(Application.Status.values)


def test_each_widget_is_one_query_however_many_rows(logged_in_client, world):
    logged_in_client.get(HOME)  # Session and profile set up.
    with CaptureQueriesContext(connection) as few:
        logged_in_client.get(HOME)
    acme, _ = world
    for _ in range(20):
        job = JobFactory(board=acme)
        application = Application.objects.create(job=job)
        application.log("Started.")
    JobBoardFactory.create_batch(5)
    with CaptureQueriesContext(connection) as many:
        logged_in_client.get(HOME)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_page_shows_statuses_charts_and_activity(logged_in_client, world):
    acme, globex = world
    Scan.objects.create(board=acme, status=Scan.Status.SUCCESS, fetched=12, new=3)
    Scan.objects.create(board=globex, status=Scan.Status.FAILED, error="HTTP 500 from the board")
    Application.objects.get(status="submitted").log("Submitted; the site said thank you.")
    text = logged_in_client.get(HOME).text
    assert 'data-status="submitted"' in text
    assert 'aria-label="Open jobs per board: Acme careers: 3, Globex jobs: 2' in text
    assert "Scanned Acme careers: 12 fetched, 3 new" in text
    assert "Scan of Globex jobs failed: HTTP 500 from the board" in text
    assert "Submitted; the site said thank you." in text
    assert "<svg" in text and "Applications, last 30 days" in text


def test_an_empty_installation_explains_itself(logged_in_client):
    text = logged_in_client.get(HOME).text
    assert "No boards yet" in text and "Nothing yet" in text
    assert "No applications in this period." in text


def test_the_htmx_refresh_returns_only_the_widgets(logged_in_client, world):
    response = logged_in_client.get(HOME, HTTP_HX_REQUEST="true")
    assert response.text.lstrip().startswith('<div id="dashboard-widgets">')
    assert "<html" not in response.text


def test_applications_over_time_counts_each_day_and_the_submitted_ones(world):
    acme, _ = world
    two_days_ago = timezone.now() - timedelta(days=2)
    for status in ("submitted", "cancelled"):
        application = Application.objects.create(job=JobFactory(board=acme), status=status)
        Application.objects.filter(pk=application.pk).update(created_at=two_days_ago)
    ancient = Application.objects.create(job=JobFactory(board=acme))
    Application.objects.filter(pk=ancient.pk).update(created_at=timezone.now() - timedelta(days=90))
    chart = applications_over_time(days=30)
    started = [bar.value for bar in chart.bars if bar.tip == "started"]
    submitted = [bar.value for bar in chart.bars if bar.tip == "submitted"]
    assert len(started) == 30 and sum(started) == 5
    assert started[-3] == 2 and submitted[-3] == 1
    assert started[-1] == 3 and submitted[-1] == 1


def test_recent_activity_merges_scans_and_logs_newest_first(world):
    acme, _ = world
    now = timezone.now()
    Scan.objects.create(board=acme, status=Scan.Status.SUCCESS, started_at=now - timedelta(hours=2))
    application = Application.objects.first()
    ApplicationLog.objects.create(
        application=application, message="Old", created_at=now - timedelta(days=1)
    )
    ApplicationLog.objects.create(application=application, message="Newest", created_at=now)
    items = recent_activity(limit=3)
    assert [item.text.split(": ")[-1] for item in items] == ["Newest", "0 fetched, 0 new", "Old"]


def test_bar_chart_scales_to_the_largest():
    chart = bar_chart([("A", 10), ("B", 5), ("C", 0)], width=200)
    assert [bar.width for bar in chart.bars] == [200, 100, 0]
    assert chart.summary == "A: 10, B: 5, C: 0"


def test_column_chart_of_nothing_draws_nothing():
    from datetime import date

    chart = column_chart([(date(2026, 1, day), 0, 0) for day in range(1, 8)])
    assert all(bar.height == 0 for bar in chart.bars)
    assert chart.ticks == [(chart.bars[0].x, "Jan 1")]
