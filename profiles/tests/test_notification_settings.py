from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hunter.tests.mailers import BROKEN
from profiles.models import UserProfile

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
SETTINGS = {
    "notifications-notify_email": "alerts@example.com",
    "notifications-notify_threshold": "80",
    "notifications-digest_interval_minutes": "15",
}


@pytest.fixture(autouse=True)
def no_fallback_address(settings):
    settings.HUNTER_NOTIFY_EMAIL = ""


@pytest.fixture
def profile(user) -> UserProfile:
    return UserProfile.for_user(user)


def _save(client, data, **extra):
    return client.post(reverse("profiles:section", args=["notifications"]), data, **extra)


def _test_email(client, **extra):
    return client.post(reverse("profiles:test_email"), **extra)


def test_notification_settings_save_from_the_full_page(logged_in_client, profile):
    response = _save(logged_in_client, SETTINGS, follow=True)
    assert "Saved notifications." in response.text
    profile.refresh_from_db()
    assert profile.notify_email == "alerts@example.com"
    assert profile.notify_threshold == 80
    assert profile.digest_interval_minutes == 15


def test_notification_settings_save_as_a_fragment_naming_the_new_address(logged_in_client, profile):
    response = _save(logged_in_client, SETTINGS, **HTMX)
    assert response.text.lstrip().startswith('<section id="notifications"')
    assert "Saved." in response.text
    assert "E-mails go to alerts@example.com." in response.text


def test_digests_cannot_be_more_often_than_every_five_minutes(logged_in_client, profile):
    data = {**SETTINGS, "notifications-digest_interval_minutes": "4"}
    assert _save(logged_in_client, data).status_code == 400
    profile.refresh_from_db()
    assert profile.digest_interval_minutes == 60


def test_when_the_last_digest_went_out_is_not_editable(logged_in_client, profile):
    _save(logged_in_client, {**SETTINGS, "notifications-last_digest_at": "2020-01-01 00:00"})
    profile.refresh_from_db()
    assert profile.last_digest_at is None


def test_notification_address_falls_back_to_the_contact_email_then_the_setting(profile, settings):
    settings.HUNTER_NOTIFY_EMAIL = "inbox@example.com"
    assert profile.notification_address == "inbox@example.com"
    profile.email = "ana@example.com"
    assert profile.notification_address == "ana@example.com"
    profile.notify_email = "alerts@example.com"
    assert profile.notification_address == "alerts@example.com"


def test_a_digest_is_due_once_its_interval_has_passed(profile):
    now = timezone.now()
    assert profile.digest_is_due(now=now)
    profile.last_digest_at = now - timedelta(minutes=59)
    assert not profile.digest_is_due(now=now)
    profile.last_digest_at = now - timedelta(minutes=60)
    assert profile.digest_is_due(now=now)


def test_the_test_email_goes_to_the_notification_address(logged_in_client, profile, mailoutbox):
    _save(logged_in_client, SETTINGS)
    response = _test_email(logged_in_client, follow=True)
    [email] = mailoutbox
    assert email.to == ["alerts@example.com"]
    assert email.subject == "Hunter test e-mail"
    assert email.alternatives and "alerts@example.com" in email.body
    assert "Sent a test e-mail to alerts@example.com" in response.text
    assert response.redirect_chain[-1][0].endswith("/profile/#notifications")


def test_the_test_email_reports_back_in_a_fragment(logged_in_client, profile, mailoutbox):
    _save(logged_in_client, SETTINGS)
    response = _test_email(logged_in_client, **HTMX)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<form id="test-email"')
    assert 'role="status"' in response.text
    assert "Sent a test e-mail to alerts@example.com" in response.text
    assert len(mailoutbox) == 1


def test_a_failed_test_email_says_why_on_the_page(logged_in_client, profile, settings):
    _save(logged_in_client, SETTINGS)
    settings.MAILERS = BROKEN
    response = _test_email(logged_in_client, follow=True)
    assert "The test e-mail to alerts@example.com was not sent" in response.text
    assert "Connection unexpectedly closed" in response.text


def test_a_failed_test_email_says_why_in_the_fragment(logged_in_client, profile, settings):
    _save(logged_in_client, SETTINGS)
    settings.MAILERS = BROKEN
    response = _test_email(logged_in_client, **HTMX)
    assert 'role="alert"' in response.text
    assert "was not sent" in response.text
    assert "Connection unexpectedly closed" in response.text


def test_the_test_email_asks_for_an_address_when_there_is_none(
    logged_in_client, profile, mailoutbox
):
    response = _test_email(logged_in_client, **HTMX)
    assert "There is no address to send to" in response.text
    assert mailoutbox == []


def test_the_test_email_button_needs_a_post(logged_in_client):
    assert logged_in_client.get(reverse("profiles:test_email")).status_code == 405


def test_the_address_field_shows_where_mail_goes_when_left_empty(logged_in_client, profile):
    profile.email = "ana@example.com"
    profile.save()
    response = logged_in_client.get(reverse("profiles:edit"))
    assert 'placeholder="ana@example.com"' in response.text
    [interval] = re.findall(r"<input[^>]*digest_interval_minutes[^>]*>", response.text)
    assert 'min="5"' in interval
