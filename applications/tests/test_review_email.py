from __future__ import annotations

import pytest
from lxml import etree

from applications.models import Application
from applications.notifications import notify_application_needs_review
from hunter.tests.mailers import BROKEN
from jobs.tests.factories import JobFactory
from profiles.models import UserProfile

pytestmark = pytest.mark.django_db

SITE = "https://hunter.example.com"
# What the autofill records for each field it found (its confidence from 0 to 1).
FORM_FIELDS = [
    {"label": "First name", "type": "text", "value": "Ana", "confidence": 0.98},
    {"label": "Salary expectations", "type": "text", "value": "85000", "confidence": 0.45},
    {"label": "Why do you want to work here?", "type": "textarea", "value": "", "confidence": 0.2},
]


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch, settings):
    monkeypatch.setattr("hunter.notifications.RETRY_WAITS", (0, 0))
    settings.HUNTER_SITE_URL = SITE
    settings.HUNTER_NOTIFY_EMAIL = ""


@pytest.fixture
def profile(django_user_model):
    profile = UserProfile.for_user(django_user_model.objects.create_user(username="ana"))
    profile.email = "ana@example.com"
    profile.save()
    return profile


def _application(form_fields=None) -> Application:
    job = JobFactory(title="Platform Engineer", company="Acme")
    return Application.objects.create(
        job=job, status=Application.Status.NEEDS_REVIEW, form_fields=form_fields or []
    )


def _html(email) -> str:
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    return html


def test_review_email_links_to_the_review_page(profile, mailoutbox):
    application = _application(FORM_FIELDS)
    assert notify_application_needs_review(application=application) is True
    [email] = mailoutbox
    assert email.to == ["ana@example.com"]
    assert email.subject == "Review your application: Platform Engineer at Acme"
    link = f"{SITE}/applications/{application.pk}/"
    assert link in email.body
    assert f'href="{link}"' in _html(email)


def test_review_email_lists_the_fields_hunter_was_unsure_of(profile, mailoutbox):
    notify_application_needs_review(application=_application(FORM_FIELDS))
    [email] = mailoutbox
    for part in (email.body, _html(email)):
        assert "Salary expectations" in part and "45% sure" in part
        assert "Why do you want to work here?" in part and "left empty" in part
        assert "First name" not in part
    assert "unsure of 2 fields" in email.body


def test_review_email_html_is_well_formed(profile, mailoutbox):
    notify_application_needs_review(application=_application(FORM_FIELDS))
    etree.fromstring(_html(mailoutbox[0]).encode())  # strict XML: raises if not


def test_review_email_goes_out_without_any_detected_fields(profile, mailoutbox):
    assert notify_application_needs_review(application=_application([])) is True
    assert "unsure" not in mailoutbox[0].body


def test_review_email_tolerates_odd_field_entries(profile, mailoutbox):
    odd = ["not a field", {"label": "No confidence"}, {"confidence": "n/a"}, {"confidence": 0.1}]
    assert notify_application_needs_review(application=_application(odd)) is True
    body = mailoutbox[0].body
    assert "Unnamed field" in body and "No confidence" not in body
    assert "unsure of 1 field:" in body


def test_review_email_is_not_sent_without_an_address(profile, mailoutbox):
    profile.email = ""
    profile.save()
    assert notify_application_needs_review(application=_application(FORM_FIELDS)) is False
    assert mailoutbox == []


def test_review_email_that_cannot_be_sent_reports_false(profile, settings):
    settings.MAILERS = BROKEN
    assert notify_application_needs_review(application=_application(FORM_FIELDS)) is False
