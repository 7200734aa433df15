from __future__ import annotations

from typing import Any

from applications.autofill import FormField
from applications.autofill.review import needs_human_review


def answered(label: str, value: Any = "x", **attributes: Any) -> FormField:
    """A field Hunter understood and answered with confidence, unless told otherwise."""
    attributes.setdefault("field_type", "other_question")
    attributes.setdefault("type_confidence", 0.95)
    attributes.setdefault("confidence", 0.95)
    attributes.setdefault("source", "profile")
    return FormField(frame=0, selector="#q", label=label, value=value, **attributes)


def empty(label: str, **attributes: Any) -> FormField:
    attributes.setdefault("confidence", 0.0)
    attributes.setdefault("source", "")
    return answered(label, "", **attributes)


def test_a_confidently_filled_form_needs_no_review():
    fields = [
        answered("First name", "Ana", field_type="first_name"),
        answered("Country", "Germany", field_type="country", tag="select"),
    ]
    assert needs_human_review(fields) == []


def test_a_recaptcha_must_be_solved_by_hand():
    assert needs_human_review([], captcha="recaptcha") == ["A reCAPTCHA must be solved by hand."]


def test_a_captcha_of_unknown_kind_is_still_a_reason():
    assert needs_human_review([], captcha="friendly-captcha") == [
        "A CAPTCHA (friendly-captcha) must be solved by hand."
    ]


def test_a_required_field_left_empty_says_why_it_is_empty():
    field = empty(
        "Will you require sponsorship?",
        field_type="sponsorship",
        required=True,
        note="No value in your profile for whether you need visa sponsorship.",
    )
    assert needs_human_review([field]) == [
        "“Will you require sponsorship?”: no value in your profile for whether you need "
        "visa sponsorship"
    ]


def test_an_unsure_value_is_a_reason_that_shows_the_value_and_why():
    field = answered(
        "Are you legally authorized to work in the UK?",
        "No",
        field_type="work_authorization",
        confidence=0.6,
        note="United Kingdom is not among the countries you may work in.",
    )
    assert needs_human_review([field]) == [
        "“Are you legally authorized to work in the UK?”: Hunter is not sure of “No” "
        "(United Kingdom is not among the countries you may work in)"
    ]


def test_an_unsure_reading_of_the_question_is_a_reason_when_it_was_answered():
    field = answered("Your handle", "ana", field_type="twitter", type_confidence=0.5)
    assert needs_human_review([field]) == [
        "“Your handle”: Hunter is not sure what this asks, and would answer “ana”"
    ]


def test_an_unsure_reading_of_an_optional_empty_field_is_not_a_reason():
    assert needs_human_review([empty("Anything else?", type_confidence=0.3)]) == []


def test_a_required_field_hunter_could_not_read_is_a_reason():
    field = empty("Code word", required=True, field_type="unknown", type_confidence=0.2)
    assert needs_human_review([field]) == [
        "“Code word”: required, and Hunter is not sure what it asks"
    ]


def test_an_optional_empty_field_of_low_interest_is_not_a_reason():
    fields = [
        empty("Twitter", field_type="twitter", note="No value in your profile for X."),
        empty("Pronouns", field_type="pronouns"),
        empty("Gender", field_type="gender", tag="select", options=["Male", "Female"]),
    ]
    assert needs_human_review(fields) == []


def test_an_empty_resume_is_a_reason_even_where_the_form_makes_it_optional():
    field = empty(
        "Resume/CV", field_type="resume", tag="file", note="No resume in your profile: upload one."
    )
    assert needs_human_review([field]) == ["“Resume/CV”: no resume in your profile: upload one"]


def test_an_ai_draft_nobody_approved_is_a_reason():
    field = answered(
        "Why do you want to work here?",
        "Because of the mission.",
        field_type="free_text",
        source="ai",
        confidence=0.9,
    )
    assert needs_human_review([field]) == [
        "“Why do you want to work here?”: an AI draft nobody has approved"
    ]


def test_an_approved_ai_draft_is_not_a_reason():
    field = answered(
        "Why do you want to work here?",
        "Because of the mission.",
        field_type="free_text",
        source="ai",
        confidence=0.9,
        approved=True,
    )
    assert needs_human_review([field]) == []


def test_a_required_consent_left_unticked_is_a_reason():
    field = empty(
        "I agree to the privacy policy", field_type="consent", tag="checkbox", required=True
    )
    assert needs_human_review([field]) == [
        "“I agree to the privacy policy”: Hunter never agrees on your behalf: tick it "
        "yourself if you agree"
    ]


def test_an_optional_consent_left_unticked_is_not_a_reason():
    field = empty("Send me news about jobs", field_type="consent", tag="checkbox")
    assert needs_human_review([field]) == []


def test_a_box_left_unticked_on_purpose_is_not_a_reason():
    field = answered(
        "I will require visa sponsorship",
        False,
        field_type="sponsorship",
        tag="checkbox",
        note="You need no visa sponsorship.",
    )
    assert needs_human_review([field]) == []


def test_a_required_box_the_answer_leaves_unticked_is_a_reason():
    field = answered(
        "I confirm I can work in the UK",
        False,
        field_type="work_authorization",
        tag="checkbox",
        required=True,
        note="You need visa sponsorship.",
    )
    assert needs_human_review([field]) == [
        "“I confirm I can work in the UK”: the form requires ticking it, but you need visa "
        "sponsorship"
    ]


def test_a_value_the_user_gave_is_not_a_reason():
    field = answered(
        "Salary", "Open", field_type="salary_expectation", source="user", confidence=0.1
    )
    assert needs_human_review([field]) == []


def test_a_question_without_a_label_is_named_by_its_placeholder():
    field = empty(
        "", placeholder="Your answer", required=True, note="Hunter could not tell what this asks."
    )
    assert needs_human_review([field]) == ["“Your answer”: Hunter could not tell what this asks"]
