from __future__ import annotations

from datetime import timedelta
from io import StringIO
from itertools import pairwise

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from applications.models import Application, ApplicationLog
from boards.models import JobBoard, Scan
from boards.tests.factories import JobBoardFactory
from hunter.models import DemoRecord
from jobs.models import Job
from jobs.scoring import current_criteria, rescore_jobs, score_posting
from jobs.tests.factories import JobFactory
from profiles.models import Answer, Education, UserProfile, WorkExperience

pytestmark = pytest.mark.django_db


def demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(user) -> str:
    return demo()


def test_demo_loads_boards_of_every_kind_with_their_scans(loaded):
    boards = JobBoard.objects.all()
    assert {board.scraper_config["type"] for board in boards} == {
        "greenhouse", "lever", "ashby", "workable", "rss"
    }  # fmt: skip
    failing = boards.get(last_scan_status=JobBoard.ScanStatus.FAILED)
    assert "503 Service Unavailable" in failing.last_scan_error
    assert boards.filter(last_scan_status=JobBoard.ScanStatus.SUCCESS).count() == 4
    for board in boards:
        assert board.scans.count() >= 3
        assert board.scans.first().status == board.last_scan_status
    assert "Loaded the demo: 5 boards" in loaded


def test_clear_removes_jobs_later_scans_found_on_the_demo_boards(loaded):
    board = JobBoard.objects.get(name="Northwind Health")
    found_since = JobFactory(board=board)
    Application.objects.create(job=found_since)
    demo("--clear")
    assert not Job.objects.exists() and not Application.objects.exists()


def test_demo_jobs_are_scored_against_the_profile(loaded):
    criteria = current_criteria()
    jobs = Job.objects.all()
    assert jobs.count() == 300
    assert all(job.score_breakdown.get("parts") for job in jobs)
    for job in jobs[:20]:
        scored = score_posting(
            criteria, title=job.title, description=job.description, location=job.location,
            is_remote=job.is_remote, salary_min=job.salary_min, salary_max=job.salary_max,
            salary_currency=job.salary_currency,
        )  # fmt: skip
        assert job.match_score == scored.total
    scores = [job.match_score for job in jobs]
    assert min(scores) < 20 and max(scores) >= 70


def test_demo_jobs_span_two_months_some_new_some_hidden_some_closed(loaded):
    now = timezone.now()
    jobs = Job.objects.all()
    assert jobs.filter(created_at__lt=now - timedelta(days=45)).exists()
    assert jobs.filter(created_at__gt=now - timedelta(days=3)).exists()
    assert jobs.filter(is_new=True).exists()
    assert jobs.filter(is_hidden=True).exists()
    assert jobs.filter(closed_at__isnull=False).exists()
    assert jobs.exclude(salary_min=None).exists()
    # None is e-mailed as a new match: the digest dealt with them in their time.
    assert not jobs.filter(notified_at=None).exists()


def test_demo_applications_are_in_every_status_with_their_trail(loaded):
    applications = Application.objects.all()
    assert set(applications.values_list("status", flat=True)) == set(Application.Status.values)
    for application in applications:
        logs = list(application.logs.all())
        assert logs[0].message.startswith("Started")
        assert logs[0].created_at == application.created_at
        statuses = [log.status for log in logs if log.status]
        assert statuses[-1:] in ([], [application.status])
        assert all(first.created_at <= then.created_at for first, then in pairwise(logs))
    assert not applications.filter(status="submitted", submitted_at=None).exists()
    assert not applications.filter(status="failed", error="").exists()
    for application in applications.filter(status="needs_review"):
        assert application.review_reasons and application.form_fields
    oldest = applications.order_by("created_at").first().created_at
    assert timezone.now() - oldest > timedelta(days=25)


def test_demo_fills_the_profile_of_the_login(loaded, user):
    profile = UserProfile.objects.get(user=user)
    assert profile.first_name == "Maya"
    assert profile.keywords and profile.desired_titles and profile.preferred_locations
    assert profile.answers.count() and profile.education.count() and profile.experience.count()


@pytest.mark.parametrize("page", ["dashboard", "jobs:list", "boards:list", "applications:list"])
def test_every_page_shows_the_demo(loaded, logged_in_client, page):
    response = logged_in_client.get(reverse(page))
    assert response.status_code == 200
    best = Job.objects.visible().open().order_by("-match_score", "-created_at").first()
    shown = {
        "dashboard": "Northwind Health",
        "jobs:list": escape(best.title),
        "boards:list": "Service Unavailable",
        "applications:list": escape(Application.objects.first().job.title),
    }[page]
    assert shown in response.text


def test_the_profile_page_shows_the_demo_profile(loaded, logged_in_client):
    response = logged_in_client.get(reverse("profiles:edit"))
    assert response.status_code == 200
    assert "Okafor" in response.text and "Technische Universität Berlin" in response.text


def test_a_demo_job_and_application_have_their_pages(loaded, logged_in_client):
    application = Application.objects.get(status="needs_review", captcha="recaptcha")
    response = logged_in_client.get(reverse("applications:detail", args=[application.pk]))
    assert response.status_code == 200
    assert "Hunter needs you" in response.text and "reCAPTCHA" in response.text
    response = logged_in_client.get(reverse("jobs:detail", args=[application.job.pk]))
    assert response.status_code == 200
    assert escape(application.job.title) in response.text


def test_running_demo_twice_adds_nothing(loaded):
    models = (JobBoard, Scan, Job, Application, ApplicationLog, Answer, DemoRecord)
    counts = [model.objects.count() for model in models]
    assert "already loaded" in demo()
    assert [model.objects.count() for model in models] == counts


def test_clear_leaves_what_was_there_before(user):
    board = JobBoardFactory(name="My board")
    job = JobFactory(board=board, title="My job")
    application = Application.objects.create(job=job, status=Application.Status.SUBMITTED)
    profile = UserProfile.objects.create(user=user, first_name="Ana", city="Lisbon")
    Education.objects.create(profile=profile, school="My school")

    demo()
    profile.refresh_from_db()
    assert (profile.first_name, profile.city, profile.last_name) == ("Ana", "Lisbon", "Okafor")
    assert profile.education.count() == 1  # the user's list is theirs
    assert profile.experience.count() == 3

    output = demo("--clear")
    assert "Removed the demo: 5 boards" in output
    assert list(JobBoard.objects.all()) == [board]
    assert list(Job.objects.all()) == [job]
    assert list(Application.objects.all()) == [application]
    assert not Scan.objects.exists() and not DemoRecord.objects.exists()
    profile.refresh_from_db()
    assert (profile.first_name, profile.city, profile.last_name) == ("Ana", "Lisbon", "")
    assert profile.keywords == [] and profile.min_salary is None
    assert list(profile.education.values_list("school", flat=True)) == ["My school"]
    assert not WorkExperience.objects.exists() and not Answer.objects.exists()


def test_clear_keeps_what_the_user_changed_in_a_field_the_demo_filled(user):
    profile = UserProfile.objects.create(user=user, first_name="Ana")
    demo()
    UserProfile.objects.filter(pk=profile.pk).update(city="Porto")
    demo("--clear")
    profile.refresh_from_db()
    assert (profile.first_name, profile.city, profile.last_name) == ("Ana", "Porto", "")


def test_clear_deletes_a_profile_the_demo_created(loaded, user):
    demo("--clear")
    assert not UserProfile.objects.exists()
    assert not Job.objects.exists() and not JobBoard.objects.exists()
    assert not Application.objects.exists() and not ApplicationLog.objects.exists()
    assert user.__class__.objects.filter(pk=user.pk).exists()


def test_the_user_s_jobs_are_scored_for_the_demo_profile_and_back(user):
    job = JobFactory(title="Backend Engineer", description="<p>Python and Django.</p>")
    rescore_jobs()
    job.refresh_from_db()
    before = job.match_score
    demo()
    job.refresh_from_db()
    assert job.match_score > before
    demo("--clear")
    job.refresh_from_db()
    assert job.match_score == before


def test_demo_can_be_loaded_again_after_clearing(loaded):
    demo("--clear")
    assert "Loaded the demo" in demo()
    assert Job.objects.count() == 300


def test_clear_without_the_demo_says_so(user):
    assert "not loaded" in demo("--clear")


def test_demo_without_a_login_says_how_to_create_one():
    with pytest.raises(CommandError, match="ensure_user"):
        demo()
    assert not JobBoard.objects.exists()
