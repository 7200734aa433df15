"""Whether a filled form must wait for the user, and why, in words for the user."""

from __future__ import annotations

import os

from applications.autofill import CONFIDENCE_THRESHOLD, FormField

# Fields an application is not worth sending without, even where the form marks them
# optional: who the applicant is, how to reach them, their resume, and the answers
# employers filter on.
ESSENTIAL_TYPES = frozenset(
    {"first_name", "last_name", "full_name", "email", "resume", "work_authorization",
     "sponsorship"}
)  # fmt: skip
# Words the notes of `values` start with that are not names.
_COMMON_FIRST_WORDS = frozenset(
    {"No", "None", "Nothing", "Not", "Your", "You", "The", "This", "There", "From", "When",
     "Left", "Only"}
)  # fmt: skip
CAPTCHA_NAMES = {
    "recaptcha": "A reCAPTCHA",
    "hcaptcha": "An hCaptcha",
    "turnstile": "A Cloudflare Turnstile check",
    "funcaptcha": "A FunCaptcha",
    "arkose": "An Arkose Labs check",
    "geetest": "A GeeTest check",
}


def needs_human_review(fields: list[FormField], *, captcha: str = "") -> list[str]:
    """The reasons the user must look at this form before it is sent; empty when none.

    A CAPTCHA; an AI draft nobody approved; a value or a reading of the question Hunter is
    not sure of (under CONFIDENCE_THRESHOLD); a required field left empty, or an
    essential one (ESSENTIAL_TYPES) even where the form makes it optional; a required
    consent, which Hunter never gives. Values the user gave or approved are theirs. Other
    optional fields left empty are not reasons: nothing is said there, so nothing can be
    wrong."""
    reasons = []
    if captcha:
        reasons.append(f"{_captcha_name(captcha)} must be solved by hand.")
    for field in fields:
        if reason := _reason(field):
            reasons.append(f"“{question_text(field)}”: {reason}")
    return reasons


def _reason(field: FormField) -> str:
    if field.source == "user" or field.approved:
        return ""
    sure_of_question = field.type_confidence >= CONFIDENCE_THRESHOLD
    if not field.is_empty:
        if field.source == "ai":
            return "an AI draft nobody has approved"
        if not sure_of_question:
            return f"Hunter is not sure what this asks, and would answer {_shown(field)}"
        if field.confidence < CONFIDENCE_THRESHOLD:
            why = field.note.strip().rstrip(".")
            return f"Hunter is not sure of {_shown(field)}" + (f" ({why})" if why else "")
        return ""
    if field.value is False and field.confidence >= CONFIDENCE_THRESHOLD:
        # A box Hunter decided to leave unticked is an answer, unless the form insists.
        if field.required and sure_of_question:
            return f"the form requires ticking it, but {_sentence(field.note) or 'you said no'}"
        return ""
    if field.field_type == "consent" and field.required:
        return "Hunter never agrees on your behalf: tick it yourself if you agree"
    essential = field.field_type in ESSENTIAL_TYPES and sure_of_question
    if not (field.required or essential):
        return ""
    if not sure_of_question:
        return "required, and Hunter is not sure what it asks"
    return _sentence(field.note) or "required, and Hunter has no value for it"


def _captcha_name(captcha: str) -> str:
    key = captcha.lower().replace("-", "").replace(" ", "")
    for name, shown in CAPTCHA_NAMES.items():
        if name in key:
            return shown
    return f"A CAPTCHA ({captcha})" if key != "captcha" else "A CAPTCHA"


def question_text(field: FormField) -> str:
    """The question as the user reads it, for messages about the field."""
    text = field.label or field.placeholder or field.name or field.id or field.selector
    return " ".join(text.split())


def _shown(field: FormField) -> str:
    """The value as the user would recognise it, short."""
    value = field.value
    if value is True:
        return "a ticked box"
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    text = str(value)
    if field.tag == "file" and os.path.sep in text:
        text = os.path.basename(text)
    text = " ".join(text.split())
    return f"“{text[:80]}…”" if len(text) > 80 else f"“{text}”"


def _sentence(note: str) -> str:
    """A note as the second half of a reason: "No value in your profile …" → "no value …".
    Only common words lose their capital: "Hunter", "AI" and country names keep it."""
    note = note.strip().rstrip(".")
    first = note.split(" ", 1)[0]
    return note[0].lower() + note[1:] if first in _COMMON_FIRST_WORDS else note
