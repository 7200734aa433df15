"""AI assist against a local fake of Anthropic's Messages API, in its real format."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from applications.assistant import AssistUnavailable, draft_answers
from applications.autofill import FormField
from applications.models import Application
from boards.tests.fake_site import Reply, json_reply
from jobs.tests.factories import JobFactory
from profiles.models import UserProfile

pytestmark = pytest.mark.django_db


def _message(text: str) -> dict:
    return {
        "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-5",
        "content": [{"type": "text", "text": text}],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {
            "input_tokens": 412,
            "output_tokens": 96,
            "cache_creation_input_tokens": 1830,
            "cache_read_input_tokens": 0,
        },
    }


@pytest.fixture
def claude(fake_site, settings):
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    settings.ANTHROPIC_BASE_URL = fake_site.url
    settings.HUNTER_AI_MODEL = "claude-sonnet-5"
    return fake_site


@pytest.fixture
def application(user):
    profile = UserProfile.for_user(user)
    profile.first_name, profile.last_name = "Ana", "Lima"
    profile.resume_text = "Ana Lima. Backend engineer, 7 years of Python and Postgres."
    profile.save()
    fields = [
        FormField(frame=0, selector="#why", tag="textarea", label="Why do you want to work here?",
                  field_type="free_text"),
        FormField(frame=0, selector="#gender", tag="select", label="Gender", field_type="gender",
                  options=["Male", "Female", "Decline"]),
        FormField(frame=0, selector="#salary", label="Desired salary",
                  field_type="salary_expectation"),
        FormField(frame=0, selector="#cover", tag="textarea", label="Cover letter",
                  field_type="cover_letter"),
    ]  # fmt: skip
    return Application.objects.create(
        job=JobFactory(title="Platform Engineer", company="Acme"),
        status=Application.Status.NEEDS_REVIEW,
        form_fields=[field.to_dict() for field in fields],
    )


def test_drafts_fill_only_open_questions_and_wait_for_approval(claude, application):
    answers = {"answers": [{"question": 1, "answer": "Your robots."},
                           {"question": 2, "answer": "Dear Acme, ..."}]}  # fmt: skip
    claude.route("/v1/messages", json_reply(_message(json.dumps(answers))), method="POST")
    result = draft_answers(application=application)
    assert result.drafted == 2
    fields = [FormField.from_dict(data) for data in application.form_fields]
    why, gender, salary, cover = fields
    assert (why.value, why.source, why.approved) == ("Your robots.", "ai", False)
    assert cover.value == "Dear Acme, ..."
    assert gender.value == "" and salary.value == ""  # never asked of the model


def test_the_request_caches_the_profile_and_names_the_questions(claude, application):
    claude.route("/v1/messages", json_reply(_message('{"answers": []}')), method="POST")
    draft_answers(application=application)
    request = claude.requests_to("/v1/messages")[0]
    body = request.json()
    # The key travels as x-api-key or, in newer SDKs, as a bearer token.
    assert "sk-ant-test" in (
        request.headers.get("x-api-key", ""),
        request.headers.get("authorization", "")[7:],
    )
    assert body["model"] == "claude-sonnet-5"
    profile_block = body["system"][1]
    assert profile_block["cache_control"] == {"type": "ephemeral"}
    assert "7 years of Python" in profile_block["text"]
    prompt = body["messages"][0]["content"]
    assert "1. Why do you want to work here?" in prompt and "2. Cover letter" in prompt
    assert "Gender" not in prompt and "Desired salary" not in prompt


def test_tokens_used_are_recorded(claude, application):
    claude.route("/v1/messages", json_reply(_message('{"answers": []}')), method="POST")
    draft_answers(application=application)
    application.refresh_from_db()
    assert (application.ai_input_tokens, application.ai_output_tokens) == (412 + 1830, 96)


def test_without_a_key_the_user_is_told_what_to_configure(settings, application):
    settings.ANTHROPIC_API_KEY = ""
    with pytest.raises(AssistUnavailable, match="set ANTHROPIC_API_KEY"):
        draft_answers(application=application)


def test_an_api_error_is_explained(claude, application):
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    claude.route("/v1/messages", Reply(status=529, body=json.dumps(error)), method="POST")
    with pytest.raises(AssistUnavailable, match="Claude could not draft"):
        draft_answers(application=application)


def test_the_assist_button_reports_the_drafts(claude, application, logged_in_client):
    answers = {"answers": [{"question": 1, "answer": "Your robots."}]}
    claude.route("/v1/messages", json_reply(_message(json.dumps(answers))), method="POST")
    response = logged_in_client.post(
        reverse("applications:assist", args=[application.pk]), follow=True
    )
    assert "Claude drafted 1 answer(s)" in response.text
    assert "Your robots." in response.text
