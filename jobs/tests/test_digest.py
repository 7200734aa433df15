from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import connection
from django.utils import timezone
from lxml import etree

from boards.tests.factories import JobBoardFactory
from hunter.tests.mailers import BROKEN, LOCMEM
from jobs.models import Job
from jobs.notifications import MAX_LISTED, notify_new_jobs
from jobs.tasks import send_job_digest
from jobs.tests.factories import JobFactory
from profiles.models import UserProfile

pytestmark = pytest.mark.django_db

SITE = "https://hunter.example.com"


class SlowMailer(LocmemBackend):
    """Delivers once the test lets it, so that a second run overlaps the first."""

    sending: threading.Event
    release: threading.Event

    def send_messages(self, messages):
        type(self).sending.set()
        type(self).release.wait(timeout=10)
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch, settings):
    monkeypatch.setattr("hunter.notifications.RETRY_WAITS", (0, 0))
    settings.HUNTER_SITE_URL = SITE
    settings.HUNTER_NOTIFY_EMAIL = ""


@pytest.fixture
def profile(django_user_model):
    profile = UserProfile.for_user(django_user_model.objects.create_user(username="ana"))
    profile.email = "ana@example.com"
    profile.notify_threshold = 70
    profile.save()
    return profile


def _later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def _html(email) -> str:
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    return html


def test_one_digest_lists_the_new_jobs_of_every_board(profile, mailoutbox):
    for name in ("Greenhouse", "Lever", "Ashby"):
        JobFactory(board=JobBoardFactory(name=name), title=f"Engineer via {name}", match_score=80)
    assert notify_new_jobs() == 3
    [email] = mailoutbox
    assert email.subject == "3 new jobs match your profile"
    assert email.to == ["ana@example.com"]
    for name in ("Greenhouse", "Lever", "Ashby"):
        assert f"Engineer via {name}" in email.body
        assert f"Engineer via {name}" in _html(email)


def test_the_digest_shows_each_jobs_facts_and_links_in_both_parts(profile, mailoutbox):
    job = JobFactory(
        title="Platform Engineer",
        company="AT&T",
        location="Berlin",
        url="https://boards.greenhouse.io/acme/jobs/42",
        salary_min=120000,
        salary_max=150000,
        salary_currency="EUR",
        match_score=91,
    )
    notify_new_jobs()
    [email] = mailoutbox
    assert email.subject == "1 new job matches your profile"
    html = _html(email)
    for part in (email.body, html):
        assert "Platform Engineer" in part
        assert "Berlin" in part
        assert "EUR 120,000–150,000 a year" in part
        assert "91" in part
        assert f"{SITE}/jobs/{job.pk}/" in part
        assert "https://boards.greenhouse.io/acme/jobs/42" in part
        assert f"{SITE}/profile/#notifications" in part
    assert "AT&T" in email.body  # plain text is not HTML-escaped
    assert "AT&amp;T" in html


def test_the_html_part_is_well_formed(profile, mailoutbox):
    JobFactory(title='Engineer <"Data"> & Co', match_score=90)
    notify_new_jobs()
    root = etree.fromstring(_html(mailoutbox[0]).encode())  # strict XML: raises if not
    assert root.tag.endswith("html")
    assert root.find(".//{*}table") is not None


def test_jobs_below_the_threshold_are_left_out(profile, mailoutbox):
    JobFactory(title="Good match", match_score=70)
    JobFactory(title="Poor match", match_score=69)
    assert notify_new_jobs() == 1
    assert "Good match" in mailoutbox[0].body
    assert "Poor match" not in mailoutbox[0].body


def test_a_job_passed_over_is_not_mailed_when_it_is_rescored_higher(profile, mailoutbox):
    job = JobFactory(title="Poor match", match_score=40)
    assert notify_new_jobs() == 0
    Job.objects.filter(pk=job.pk).update(match_score=95)
    assert notify_new_jobs(now=_later(120)) == 0
    assert mailoutbox == []


def test_hidden_read_and_closed_jobs_are_not_mailed(profile, mailoutbox):
    JobFactory(title="Hidden posting", match_score=90, is_hidden=True)
    JobFactory(title="Read posting", match_score=90, is_new=False)
    JobFactory(title="Closed posting", match_score=90, closed_at=timezone.now())
    JobFactory(title="Fresh posting", match_score=90)
    assert notify_new_jobs() == 1
    assert "Fresh posting" in mailoutbox[0].body
    for title in ("Hidden posting", "Read posting", "Closed posting"):
        assert title not in mailoutbox[0].body


def test_mailed_jobs_are_marked_and_not_mailed_again(profile, mailoutbox):
    job = JobFactory(match_score=90)
    now = timezone.now()
    notify_new_jobs(now=now)
    job.refresh_from_db()
    profile.refresh_from_db()
    assert job.notified_at == now and profile.last_digest_at == now
    assert notify_new_jobs(now=_later(120)) == 0
    assert len(mailoutbox) == 1


def test_the_interval_holds_back_a_second_digest(profile, mailoutbox):
    profile.digest_interval_minutes = 60
    profile.save()
    JobFactory(title="First find", match_score=90)
    notify_new_jobs()
    JobFactory(title="Second find", match_score=90)
    assert notify_new_jobs(now=_later(30)) == 0
    assert len(mailoutbox) == 1
    assert notify_new_jobs(now=_later(61)) == 1
    assert len(mailoutbox) == 2
    assert "Second find" in mailoutbox[1].body
    assert "First find" not in mailoutbox[1].body


def test_a_failed_send_leaves_the_jobs_for_the_next_run(profile, mailoutbox, settings):
    job = JobFactory(title="Keep me", match_score=90)
    settings.MAILERS = BROKEN
    assert notify_new_jobs() == 0  # and does not raise
    job.refresh_from_db()
    profile.refresh_from_db()
    assert job.notified_at is None and profile.last_digest_at is None
    settings.MAILERS = LOCMEM
    assert notify_new_jobs() == 1
    assert "Keep me" in mailoutbox[0].body


def test_nothing_is_sent_without_an_address(profile, mailoutbox):
    profile.email = ""
    profile.save()
    job = JobFactory(match_score=90)
    assert notify_new_jobs() == 0
    assert mailoutbox == []
    job.refresh_from_db()
    assert job.notified_at is None


def test_the_notify_email_setting_is_used_when_the_profile_has_no_address(
    profile, mailoutbox, settings
):
    profile.email = ""
    profile.save()
    settings.HUNTER_NOTIFY_EMAIL = "inbox@example.com"
    JobFactory(match_score=90)
    notify_new_jobs()
    assert mailoutbox[0].to == ["inbox@example.com"]


def test_a_long_digest_lists_the_best_and_counts_the_rest(profile, mailoutbox):
    JobFactory.create_batch(MAX_LISTED + 2, match_score=80)
    JobFactory(title="Best of all", match_score=99)
    assert notify_new_jobs() == MAX_LISTED + 3
    [email] = mailoutbox
    assert email.subject == f"{MAX_LISTED + 3} new jobs match your profile"
    assert email.body.index("Best of all") < email.body.index("Backend Engineer")
    assert "And 3 more." in email.body
    assert f"{SITE}/jobs/?new=1&min_score=70" in email.body


def test_no_matches_means_no_email(profile, mailoutbox):
    JobFactory(match_score=10)
    assert notify_new_jobs() == 0
    assert mailoutbox == []
    profile.refresh_from_db()
    assert profile.last_digest_at is None  # the next match need not wait an interval


def test_the_scheduled_task_sends_the_digest(profile, mailoutbox):
    JobFactory(match_score=90)
    assert send_job_digest() == 1
    assert len(mailoutbox) == 1


def test_the_every_minute_digest_schedule_exists_once():
    from django_q.models import Schedule

    from jobs.apps import ensure_digest_schedule

    ensure_digest_schedule()
    ensure_digest_schedule()
    schedule = Schedule.objects.get(func="jobs.tasks.send_job_digest")
    assert schedule.name == "Send new-job digest"
    assert (schedule.schedule_type, schedule.minutes, schedule.repeats) == (
        Schedule.MINUTES,
        1,
        -1,
    )


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_one_digest(profile, mailoutbox, settings):
    """The second run finds the first one's lock held and leaves the digest to it."""
    JobFactory(match_score=90)
    sending, release = threading.Event(), threading.Event()
    SlowMailer.sending, SlowMailer.release = sending, release
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.SlowMailer"}}
    results = []

    def first_worker():
        try:
            results.append(notify_new_jobs())
        finally:
            connection.close()

    worker = threading.Thread(target=first_worker)
    worker.start()
    assert sending.wait(timeout=10)
    assert notify_new_jobs() == 0
    release.set()
    worker.join(timeout=10)
    assert results == [1]
    assert len(mailoutbox) == 1
