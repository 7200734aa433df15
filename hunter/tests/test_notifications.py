from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from django.conf import settings as django_settings

from boards.tests.fake_site import FakeSite, json_reply
from hunter import notifications
from hunter.notifications import absolute_url, describe_mailer, send_email
from hunter.tests.mailers import BROKEN, FLAKY, BrokenMailer, FlakyMailer

MESSAGE = {
    "to": ["ana@example.com"],
    "subject": "3 new jobs match your profile",
    "text": "Backend Engineer at Acme",
    "html": "<p>Backend Engineer at <b>Acme</b></p>",
}
RESEND = {"default": {"BACKEND": "anymail.backends.resend.EmailBackend"}}
# What Resend answers: https://resend.com/docs/api-reference/emails/send-email
RESEND_SENT = {"id": "49a3999c-0ce1-4ea6-ab68-afcd6dc2e794"}
RESEND_INVALID = {
    "statusCode": 422,
    "message": (
        "Invalid `to` field. The email address needs to follow the `email@example.com` format."
    ),
    "name": "validation_error",
}


@pytest.fixture(autouse=True)
def waits(monkeypatch) -> list[float]:
    """Retries without sleeping; the waits asked for are kept to check."""
    asked: list[float] = []
    monkeypatch.setattr(notifications, "sleep", asked.append)
    return asked


@pytest.fixture
def resend(settings) -> Iterator[FakeSite]:
    """Resend's API, served locally, as the mailer."""
    site = FakeSite()
    settings.MAILERS = RESEND
    settings.ANYMAIL = {"RESEND_API_KEY": "re_test", "RESEND_API_URL": site.url + "/"}
    settings.DEFAULT_FROM_EMAIL = "Hunter <hunter@example.com>"
    yield site
    site.close()


def test_email_goes_out_as_text_with_an_html_alternative(mailoutbox, settings):
    settings.DEFAULT_FROM_EMAIL = "Hunter <hunter@example.com>"
    assert send_email(**MESSAGE) is True
    [email] = mailoutbox
    assert email.to == ["ana@example.com"]
    assert email.from_email == "Hunter <hunter@example.com>"
    assert email.subject == MESSAGE["subject"]
    assert email.body == MESSAGE["text"]
    assert email.alternatives == [(MESSAGE["html"], "text/html")]


def test_failed_sends_are_retried_after_one_then_two_seconds(settings, waits):
    settings.MAILERS = BROKEN
    BrokenMailer.attempts = 0
    assert send_email(**MESSAGE) is False
    assert BrokenMailer.attempts == 3
    assert waits == [1.0, 2.0]


def test_a_send_that_fails_once_is_delivered_by_the_retry(settings, mailoutbox):
    settings.MAILERS = FLAKY
    FlakyMailer.failures_left = 1
    assert send_email(**MESSAGE) is True
    assert len(mailoutbox) == 1


def test_each_failed_attempt_is_logged_with_its_details(settings, caplog):
    settings.MAILERS = BROKEN
    with caplog.at_level("INFO", logger="hunter.notifications"):
        send_email(**MESSAGE, retry_waits=[0])
    failures = [record for record in caplog.records if record.msg == "email_not_sent"]
    assert [record.attempt for record in failures] == [1, 2]
    assert failures[0].email_to == ["ana@example.com"]
    assert failures[0].email_subject == MESSAGE["subject"]
    assert failures[0].exc_info is not None
    [given_up] = [record for record in caplog.records if record.msg == "email_given_up"]
    assert given_up.error == "Connection unexpectedly closed"


def test_nothing_is_sent_without_an_address(mailoutbox):
    assert send_email(**{**MESSAGE, "to": [""]}) is False
    assert mailoutbox == []


def test_resend_receives_the_message_in_its_api_format(resend):
    resend.route("/emails", json_reply(RESEND_SENT), method="POST")
    assert send_email(**MESSAGE) is True
    [request] = resend.requests_to("/emails")
    assert request.headers["authorization"] == "Bearer re_test"
    payload = request.json()
    assert payload["from"] == "Hunter <hunter@example.com>"
    assert payload["to"] == ["ana@example.com"]
    assert payload["subject"] == MESSAGE["subject"]
    assert payload["text"] == MESSAGE["text"]
    assert payload["html"] == MESSAGE["html"]


def test_a_resend_error_reply_is_retried_then_reported_as_not_sent(resend, waits):
    resend.route("/emails", json_reply(RESEND_INVALID, status=422), method="POST")
    assert send_email(**MESSAGE) is False
    assert len(resend.requests_to("/emails")) == 3
    assert waits == [1.0, 2.0]


def test_one_attempt_reports_resends_reason_on_one_line(resend):
    resend.route("/emails", json_reply(RESEND_INVALID, status=422), method="POST")
    error = notifications.deliver_email(**MESSAGE)
    assert "422" in error and "Invalid `to` field" in error
    assert "\n" not in error


def test_the_mailer_is_described_in_the_users_words(settings):
    settings.MAILERS = RESEND
    assert describe_mailer() == "Resend"
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "smtp.example.com", "port": 465},
        }
    }
    assert describe_mailer() == "the SMTP server smtp.example.com:465"
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    assert "console" in describe_mailer() and "RESEND_API_KEY" in describe_mailer()


def test_links_in_email_are_absolute_on_the_site_url(settings):
    settings.HUNTER_SITE_URL = "https://hunter.example.com/"
    assert absolute_url("/jobs/1/") == "https://hunter.example.com/jobs/1/"


def _settings_from_environment(**env: str) -> dict:
    """Hunter's e-mail settings as a fresh process reads them from `env`."""
    code = (
        "import json, hunter.settings as s; "
        "print(json.dumps({'ANYMAIL': s.ANYMAIL, 'HUNTER_SITE_URL': s.HUNTER_SITE_URL}))"
    )
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"RESEND_API_URL", "HUNTER_SITE_URL"}
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**environment, **env},
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_resend_api_url_reaches_anymail_only_when_set():
    assert "RESEND_API_URL" not in _settings_from_environment()["ANYMAIL"]
    configured = _settings_from_environment(RESEND_API_URL="http://127.0.0.1:9/")
    assert configured["ANYMAIL"]["RESEND_API_URL"] == "http://127.0.0.1:9/"


def test_site_url_defaults_to_the_local_server():
    assert _settings_from_environment()["HUNTER_SITE_URL"] == "http://127.0.0.1:8000"
    configured = _settings_from_environment(HUNTER_SITE_URL="https://hunter.example.com/")
    assert configured["HUNTER_SITE_URL"] == "https://hunter.example.com"
