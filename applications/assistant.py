"""AI assist: Claude drafts answers to a form's open questions, for the user to edit.

Only open questions (free text, a cover letter typed into the form) are drafted. Facts
about the user that an employer relies on (identity, EEO answers, salary, authorisation,
sponsorship, yes/no questions) are never asked of the model.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass

import anthropic
from django.conf import settings
from django.db.models import F

from applications.autofill import FormField
from applications.models import Application
from jobs.html import html_to_text
from profiles.models import UserProfile

logger = logging.getLogger(__name__)

DRAFTED_TYPES = {"free_text", "cover_letter"}
MAX_TOKENS = 2000
INSTRUCTIONS = (
    "You help a job seeker answer the open questions of a job application form. Write "
    "in the first person as the applicant, plainly and specifically, from the profile and "
    "resume given; never invent employers, degrees, numbers or skills that are not there. "
    "Keep each answer under 150 words unless the question asks for more. If the profile "
    "does not support an answer, write an empty string for it. Answer with JSON only: "
    '{"answers": [{"question": <number>, "answer": "<text>"}]}.'
)


class AssistUnavailable(Exception):
    """The assistant cannot run; the message tells the user what to do."""


@dataclass
class AssistResult:
    drafted: int
    input_tokens: int
    output_tokens: int


def draftable(field: FormField) -> bool:
    return field.field_type in DRAFTED_TYPES and field.tag in {"textarea", "input"}


def draft_answers(*, application: Application) -> AssistResult:
    """Ask Claude to draft the open questions of `application` that have no answer yet,
    store the drafts as unapproved values, and record the tokens used."""
    if not settings.ANTHROPIC_API_KEY:
        raise AssistUnavailable(
            "AI assist needs an Anthropic API key: set ANTHROPIC_API_KEY in Hunter's "
            "environment and restart it."
        )
    fields = [FormField.from_dict(data) for data in application.form_fields]
    questions = [(index, field) for index, field in enumerate(fields) if draftable(field)]
    if not questions:
        return AssistResult(0, 0, 0)
    client = anthropic.Anthropic(
        api_key=settings.ANTHROPIC_API_KEY,
        base_url=settings.ANTHROPIC_BASE_URL or None,
        max_retries=2,
        timeout=90,
    )
    try:
        response = client.messages.create(
            model=settings.HUNTER_AI_MODEL,
            max_tokens=MAX_TOKENS,
            system=[
                {"type": "text", "text": INSTRUCTIONS},
                # The same for every application: cached, so it is paid for once.
                {
                    "type": "text",
                    "text": applicant_context(UserProfile.owner()),
                    "cache_control": {"type": "ephemeral"},
                },
            ],
            messages=[{"role": "user", "content": _job_and_questions(application, questions)}],
        )
    except anthropic.APIError as exc:
        raise AssistUnavailable(f"Claude could not draft the answers: {exc}") from exc

    text = "".join(block.text for block in response.content if block.type == "text")
    answers = _parse_answers(text)
    drafted = 0
    for number, (_, field) in enumerate(questions, start=1):
        if answer := answers.get(number, "").strip():
            field.value, field.source, field.approved = answer, "ai", False
            field.confidence = 0.5
            field.note = "Drafted by Claude: read and edit it before approving."
            drafted += 1
    usage = response.usage
    used_in = (
        usage.input_tokens
        + (usage.cache_creation_input_tokens or 0)
        + (usage.cache_read_input_tokens or 0)
    )
    Application.objects.filter(pk=application.pk).update(
        form_fields=[field.to_dict() for field in fields],
        ai_answers={str(number): answer for number, answer in answers.items()},
        ai_input_tokens=F("ai_input_tokens") + used_in,
        ai_output_tokens=F("ai_output_tokens") + usage.output_tokens,
    )
    application.refresh_from_db()
    application.log(
        f"Claude drafted {drafted} answer(s) ({used_in} tokens in, {usage.output_tokens} out)."
    )
    return AssistResult(drafted, used_in, usage.output_tokens)


def applicant_context(profile: UserProfile | None) -> str:
    """What the model knows of the applicant: a summary of the profile and the resume."""
    if profile is None:
        return "<profile>No profile yet.</profile>"
    lines = [
        f"Name: {profile.full_name}",
        f"Current role: {profile.current_title} at {profile.current_company}".strip(),
        f"Years of experience: {profile.years_experience or 'not stated'}",
        f"Looking for: {', '.join(profile.desired_titles) or 'not stated'}",
        f"Skills and interests: {', '.join(profile.keywords) or 'not stated'}",
    ]
    lines += [
        f"Experience: {row.title} at {row.company} ({row.start_date or '?'} to "
        f"{row.end_date or 'now'}). {row.description}".strip()
        for row in profile.experience.all()
    ]
    lines += [
        f"Education: {row.degree} {row.field_of_study} at {row.school}".strip()
        for row in profile.education.all()
    ]
    resume = profile.resume_text.strip()[:20000] or "No resume text."
    return "<profile>\n" + "\n".join(lines) + "\n</profile>\n<resume>\n" + resume + "\n</resume>"


def _job_and_questions(application: Application, questions: list[tuple[int, FormField]]) -> str:
    job = application.job
    description = html_to_text(job.description)[:12000]
    listed = "\n".join(
        f"{number}. {field.label or field.name}"
        for number, (_, field) in enumerate(questions, start=1)
    )
    return (
        f"<job>\nTitle: {job.title}\nCompany: {job.company}\n{description}\n</job>\n\n"
        f"Draft answers to these questions of the application form:\n{listed}"
    )


def _parse_answers(text: str) -> dict[int, str]:
    match = re.search(r"\{.*\}", text, re.DOTALL)
    if not match:
        return {}
    try:
        data = json.loads(match.group(0))
    except json.JSONDecodeError:
        return {}
    answers = {}
    for item in data.get("answers", []) if isinstance(data, dict) else []:
        if isinstance(item, dict) and isinstance(item.get("question"), int):
            answers[item["question"]] = str(item.get("answer") or "")
    return answers
