from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from boards.models import JobBoard

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:boards_jobboard_add")


def _form(**overrides):
    return {
        "name": "Acme",
        "url": "https://boards.greenhouse.io/acme",
        "enabled": "on",
        "scan_interval_minutes": "60",
        "keyword_filters": '["python"]',
        "scraper_config": '{"type": "greenhouse"}',
        **overrides,
    }


def test_admin_saves_a_valid_board(admin_client):
    response = admin_client.post(ADD_URL, _form())
    assert response.status_code == 302
    board = JobBoard.objects.get()
    assert board.keyword_filters == ["python"]
    assert board.scraper_config == {"type": "greenhouse"}


def test_admin_keeps_broken_json_and_says_what_is_wrong(admin_client):
    response = admin_client.post(ADD_URL, _form(scraper_config='{"type": '))
    assert response.status_code == 200
    assert "Enter a valid JSON" in response.text
    assert "{&quot;type&quot;: </textarea>" in response.text
    assert not JobBoard.objects.exists()


def test_admin_refuses_a_config_without_a_type(admin_client):
    response = admin_client.post(ADD_URL, _form(scraper_config='{"url": "x"}'))
    assert "needs a &quot;type&quot;" in response.text
    assert not JobBoard.objects.exists()


def test_admin_refuses_keyword_filters_that_are_not_a_list(admin_client):
    response = admin_client.post(ADD_URL, _form(keyword_filters='{"python": 1}'))
    assert "must be a list of words" in response.text
    assert not JobBoard.objects.exists()


def test_admin_treats_empty_keyword_filters_as_keep_all(admin_client):
    admin_client.post(ADD_URL, _form(keyword_filters=""))
    assert JobBoard.objects.get().keyword_filters == []


def test_admin_list_shows_scan_state(admin_client):
    JobBoard.objects.create(
        name="Acme",
        url="https://jobs.lever.co/acme",
        scraper_config={"type": "lever"},
        last_scan_status=JobBoard.ScanStatus.FAILED,
    )
    response = admin_client.get(reverse("admin:boards_jobboard_changelist"))
    assert "Acme" in response.text
    assert "Failed" in response.text


def test_board_never_scanned_is_due():
    board = JobBoard(name="A", url="https://a.example", scraper_config={"type": "rss"})
    assert board.scan_is_due()


def test_board_is_due_once_its_interval_has_passed():
    now = timezone.now()
    board = JobBoard(scan_interval_minutes=60, last_scanned_at=now - timedelta(minutes=59))
    assert not board.scan_is_due(now)
    assert board.scan_is_due(now + timedelta(minutes=1))


def test_disabled_or_running_board_is_not_due():
    assert not JobBoard(enabled=False).scan_is_due()
    assert not JobBoard(last_scan_status=JobBoard.ScanStatus.RUNNING).scan_is_due()


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [(30, "30 min"), (90, "90 min"), (360, "6 h"), (1440, "1 day"), (2880, "2 days")],
)
def test_scan_interval_is_shown_in_its_largest_whole_unit(minutes, shown):
    assert JobBoard(scan_interval_minutes=minutes).interval_display == shown
