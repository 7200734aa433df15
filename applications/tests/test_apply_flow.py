"""Auto-apply end to end in real Chromium, against a fake ATS served by the test."""

from __future__ import annotations

import email.parser
import email.policy
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.autofill import FormField
from applications.models import Application
from applications.services import start_application
from applications.tasks import auto_apply_task, resume_apply_task
from boards.tests.fake_site import Reply, Request
from jobs.tests.factories import JobFactory
from profiles.models import UserProfile
from profiles.resume import replace_resume
from profiles.tests.documents import minimal_pdf

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("chromium")]

FIXTURES = Path(__file__).parent / "fixtures" / "apply"
JOB_PATH = "/acme/jobs/4011223001"


def _page(name: str) -> Reply:
    return Reply(body=(FIXTURES / name).read_bytes(), content_type="text/html; charset=utf-8")


def posted_form(request: Request) -> dict[str, object]:
    """The fields of a multipart/form-data POST: text values, and (name, bytes) of files."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode() + request.body
    )
    fields: dict[str, object] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if filename := part.get_filename():
            fields[name] = (filename, part.get_payload(decode=True))
        else:
            fields[name] = part.get_content().strip()
    return fields


@pytest.fixture
def fake_ats(fake_site):
    fake_site.route(JOB_PATH, _page("greenhouse_job.html"))
    fake_site.route(f"{JOB_PATH}/submit", _page("thanks.html"), method="POST")
    fake_site.route("/careers", _page("company_careers_iframe.html"))
    fake_site.route("/embed/job_app", _page("greenhouse_job.html"))
    fake_site.route("/captcha", _page("captcha_form.html"))
    fake_site.route("/recaptcha/api.js", Reply(body="", content_type="text/javascript"))
    fake_site.route("/wd/apply", _page("workday_steps.html"))
    fake_site.route("/wd/submit", _page("thanks.html"), method="POST")
    return fake_site


@pytest.fixture
def profile(user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    profile = UserProfile.for_user(user)
    profile.first_name, profile.last_name = "Ana", "Lima"
    profile.email, profile.phone = "ana@example.com", "+49301234567"
    profile.city, profile.country = "Berlin", "DE"
    profile.linkedin_url = "https://www.linkedin.com/in/ana-lima"
    profile.needs_sponsorship = False
    profile.authorized_countries = ["DE"]
    profile.gender = "decline"
    profile.veteran_status = "decline"
    profile.earliest_start_date = date(2027, 1, 15)
    profile.save()
    resume = SimpleUploadedFile("Ana Lima CV.pdf", minimal_pdf("Ana Lima, backend engineer"))
    replace_resume(profile=profile, upload=resume)
    return profile


def _fields(application: Application) -> list[FormField]:
    return [FormField.from_dict(data) for data in application.form_fields]


def _field(application: Application, label: str) -> tuple[int, FormField]:
    """The field whose question starts with `label`, and its index."""
    return next(
        (index, field)
        for index, field in enumerate(_fields(application))
        if field.label.startswith(label)
    )


def _start(url: str, **job_fields) -> Application:
    job = JobFactory(url=url, **job_fields)
    application = start_application(job=job)
    auto_apply_task(str(application.pk))
    application.refresh_from_db()
    return application


def test_start_review_submit(profile, fake_ats, logged_in_client):
    application = _start(
        fake_ats.url + JOB_PATH, title="Senior Backend Engineer", company="Acme Robotics"
    )
    assert application.status == Application.Status.NEEDS_REVIEW, application.error
    assert _field(application, "First Name")[1].value == "Ana"
    assert _field(application, "Email")[1].value == "ana@example.com"
    assert _field(application, "Gender")[1].value == "Decline To Self Identify"
    assert any("Why do you want to work at Acme Robotics?" in r for r in application.review_reasons)
    assert Path(application.screenshot_path).exists()
    assert not fake_ats.requests_to(f"{JOB_PATH}/submit")  # nothing sent before approval

    why, _ = _field(application, "Why do you want")
    logged_in_client.post(
        reverse("applications:approve", args=[application.pk]),
        {f"field-{why}": "Your robots run half of Europe's warehouses."},
    )
    resume_apply_task(str(application.pk))
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED, application.error
    assert "Thank you for applying" in application.logs.last().message

    posted = posted_form(fake_ats.requests_to(f"{JOB_PATH}/submit")[0])
    assert posted["job_application[first_name]"] == "Ana"
    assert posted["job_application[last_name]"] == "Lima"
    assert posted["job_application[email]"] == "ana@example.com"
    assert posted["job_application[phone]"].replace(" ", "").endswith("301234567")
    assert posted["job_application[answers_attributes][0][text_value]"] == (
        "https://www.linkedin.com/in/ana-lima"
    )
    assert posted["job_application[answers_attributes][1][boolean_value]"] == "0"  # no sponsorship
    assert posted["job_application[answers_attributes][2][text_value]"].startswith("Your robots")
    assert posted["job_application[gender]"] == "3"  # decline
    assert posted["job_application[veteran_status]"] == "3"  # decline
    filename, content = posted["job_application[resume]"]
    assert filename.endswith(".pdf") and content.startswith(b"%PDF-")


def test_a_submitted_application_is_never_submitted_again(profile, fake_ats, logged_in_client):
    application = _start(fake_ats.url + JOB_PATH, company="Acme Robotics")
    logged_in_client.post(reverse("applications:approve", args=[application.pk]))
    resume_apply_task(str(application.pk))
    resume_apply_task(str(application.pk))
    assert len(fake_ats.requests_to(f"{JOB_PATH}/submit")) <= 1


def test_a_form_embedded_in_an_iframe_is_found_and_filled(profile, fake_ats):
    application = _start(fake_ats.url + "/careers", company="Acme Robotics")
    assert application.status == Application.Status.NEEDS_REVIEW, application.error
    _, first_name = _field(application, "First Name")
    assert first_name.value == "Ana"


def test_a_multi_step_form_is_walked_through(profile, fake_ats, logged_in_client):
    application = _start(fake_ats.url + "/wd/apply")
    assert {field.step for field in _fields(application)} == {0, 1}
    assert application.status in (
        Application.Status.NEEDS_REVIEW,
        Application.Status.READY_TO_SUBMIT,
    ), application.error
    # Whether Ana may work where this job is, Hunter cannot know: she answers it.
    authorized, _ = _field(application, "Are you legally authorized")
    logged_in_client.post(
        reverse("applications:approve", args=[application.pk]), {f"field-{authorized}": "Yes"}
    )
    resume_apply_task(str(application.pk))
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED, application.error
    posted = posted_form(fake_ats.requests_to("/wd/submit")[0])
    assert posted["legalNameSection_firstName"] == "Ana"
    assert posted["authorized"] == "yes"


def test_a_required_answer_left_empty_stops_the_submission_with_a_reason(
    profile, fake_ats, logged_in_client
):
    application = _start(fake_ats.url + "/wd/apply")
    logged_in_client.post(reverse("applications:approve", args=[application.pk]))
    resume_apply_task(str(application.pk))
    application.refresh_from_db()
    assert application.status == Application.Status.FAILED
    assert "Are you legally authorized" in application.error
    assert not fake_ats.requests_to("/wd/submit")


def test_a_captcha_means_review_with_the_values_ready(profile, fake_ats):
    application = _start(fake_ats.url + "/captcha")
    assert application.status == Application.Status.NEEDS_REVIEW
    assert application.captcha == "recaptcha"
    assert any(
        "CAPTCHA" in reason or "reCAPTCHA" in reason for reason in application.review_reasons
    )
    assert _field(application, "Email")[1].value == "ana@example.com"


def test_a_page_that_never_loads_fails_with_the_reason(profile):
    application = _start("http://127.0.0.1:9/jobs/1")  # nothing listens on port 9
    assert application.status == Application.Status.FAILED
    assert "Could not prepare the application" in application.error


def test_a_submit_the_site_refuses_fails_with_its_message(profile, fake_ats, logged_in_client):
    fake_ats.route(f"{JOB_PATH}/submit", _page("rejected.html"), method="POST")
    application = _start(fake_ats.url + JOB_PATH, company="Acme Robotics")
    logged_in_client.post(reverse("applications:approve", args=[application.pk]))
    resume_apply_task(str(application.pk))
    application.refresh_from_db()
    assert application.status == Application.Status.FAILED
    assert "position is closed" in application.error


def test_a_dry_run_fills_and_checks_but_never_submits(profile, fake_ats, logged_in_client):
    job = JobFactory(url=fake_ats.url + JOB_PATH, company="Acme Robotics")
    application = start_application(job=job, dry_run=True)
    auto_apply_task(str(application.pk))
    logged_in_client.post(reverse("applications:approve", args=[application.pk]))
    resume_apply_task(str(application.pk))
    application.refresh_from_db()
    assert application.status == Application.Status.CANCELLED
    assert "Dry run" in application.logs.last().message
    assert not fake_ats.requests_to(f"{JOB_PATH}/submit")
