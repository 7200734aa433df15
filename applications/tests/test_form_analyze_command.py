"""`manage.py analyze_form URL`: the table, the --json report, and pages that fail."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from boards.tests.fake_site import FakeSite, Reply
from hunter.testing import free_port

FORMS = Path(__file__).parent / "fixtures" / "forms"


@pytest.fixture
def site() -> Iterator[FakeSite]:
    fake = FakeSite()
    yield fake
    fake.close()


@pytest.fixture
def form_url(site) -> str:
    body = (FORMS / "greenhouse.html").read_bytes()
    return site.route("/acme/jobs/1", Reply(body=body, content_type="text/html; charset=utf-8"))


def analyze(*args: str) -> str:
    out = StringIO()
    call_command("analyze_form", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_json_report_is_one_object_of_the_documented_shape(chromium, form_url):
    report = json.loads(analyze(form_url, "--json"))
    assert (set(report), set(report["fields"][0])) == (
        {"url", "captcha", "needs_review", "fields"},
        {
            "id",
            "name",
            "label",
            "tag",
            "input_type",
            "field_type",
            "confidence",
            "value",
            "required",
        },
    )


@pytest.mark.django_db
def test_json_report_lists_every_field_with_its_type(chromium, form_url):
    report = json.loads(analyze(form_url, "--json"))
    assert [(field["id"], field["field_type"]) for field in report["fields"]][:3] == [
        ("first_name", "first_name"),
        ("last_name", "last_name"),
        ("email", "email"),
    ]


@pytest.mark.django_db
def test_json_confidence_is_the_type_confidence(chromium, form_url):
    report = json.loads(analyze(form_url, "--json"))
    assert all(0 <= field["confidence"] <= 1 for field in report["fields"])


@pytest.mark.django_db
def test_a_form_with_a_captcha_needs_review(chromium, site):
    page = "<form><label for=n>Full name</label><input id=n><div class='h-captcha'></div></form>"
    url = site.route("/apply", Reply(body=page, content_type="text/html"))
    report = json.loads(analyze(url, "--json"))
    assert (report["captcha"], report["needs_review"]) == ("hcaptcha", True)


@pytest.mark.django_db
def test_table_shows_each_question_with_its_type(chromium, form_url):
    lines = analyze(form_url).splitlines()
    assert any(line.startswith("LinkedIn Profile") and " linkedin " in line for line in lines)


@pytest.mark.django_db
def test_the_form_is_never_submitted(chromium, site, form_url):
    analyze(form_url, "--json")
    assert site.requests_to("/thanks") == []


def test_a_page_that_does_not_load_is_a_command_error(chromium):
    with pytest.raises(CommandError, match="could not be opened"):
        analyze(f"http://127.0.0.1:{free_port()}/apply", "--json")


def test_a_page_that_does_not_load_exits_with_status_one_and_says_why(chromium):
    url = f"http://127.0.0.1:{free_port()}/apply"
    env = {**os.environ, "HUNTER_CHROMIUM": chromium}
    done = subprocess.run(
        [sys.executable, "manage.py", "analyze_form", url, "--json"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout, "could not be opened" in done.stderr) == (1, "", True)
