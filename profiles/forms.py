from __future__ import annotations

import re
from typing import Any

import phonenumbers
from django import forms
from django.conf import settings

from profiles.models import Answer, Education, UserProfile, WorkExperience

_LINES = re.compile(r"[\r\n]+")
_WRONG_LENGTH = {
    phonenumbers.NumberParseException.TOO_SHORT_NSN,
    phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD,
    phonenumbers.NumberParseException.TOO_LONG,
}


class LinesField(forms.CharField):
    """A list of strings edited as text, one per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:
        text = super().to_python(value) or ""
        return [line.strip() for line in _LINES.split(text) if line.strip()]


class URLLinesField(LinesField):
    def validate(self, value: list[str]) -> None:
        super().validate(value)
        check = forms.URLField().clean
        for line in value:
            try:
                check(line)
            except forms.ValidationError:
                raise forms.ValidationError(f"“{line}” is not a web address.") from None


class YesNoField(forms.NullBooleanField):
    widget = forms.Select(choices=[("unknown", "Not answered"), ("true", "Yes"), ("false", "No")])


_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# The profile page's sections; each is saved on its own.
SECTIONS: dict[str, tuple[str, list[str]]] = {
    "personal": ("Personal", ["first_name", "last_name", "preferred_name", "pronouns"]),
    "contact": (
        "Contact",
        [
            "email",
            "phone",
            "address",
            "city",
            "state",
            "postal_code",
            "country",
            "current_location",
        ],
    ),
    "links": ("Links", ["linkedin_url", "github_url", "twitter_url", "website_url", "other_links"]),
    "work": (
        "Work",
        [
            "current_title",
            "current_company",
            "years_experience",
            "notice_period",
            "earliest_start_date",
        ],
    ),
    "authorization": (
        "Work authorisation",
        ["authorized_countries", "needs_sponsorship", "willing_to_relocate"],
    ),
    "eeo": (
        "Voluntary self-identification",
        [
            "gender",
            "race_ethnicity",
            "hispanic_latino",
            "veteran_status",
            "disability_status",
            "sexual_orientation",
            "transgender",
        ],
    ),
    "preferences": (
        "What you are looking for",
        [
            "desired_titles",
            "preferred_locations",
            "remote_preference",
            "min_salary",
            "salary_currency",
            "keywords",
        ],
    ),
    "notifications": (
        "Notifications",
        ["notify_email", "notify_threshold", "digest_interval_minutes"],
    ),
}


class SectionForm(forms.ModelForm):
    other_links = URLLinesField(required=False, label="Other links", help_text="One per line.")
    desired_titles = LinesField(required=False, help_text="One per line: “Backend Engineer”.")
    preferred_locations = LinesField(
        required=False, help_text="One per line: “Berlin”, “Remote - EU”."
    )
    keywords = LinesField(
        required=False, help_text="Skills and words that make a job interesting, one per line."
    )
    needs_sponsorship = YesNoField(
        required=False, label="Will you need visa sponsorship, now or in the future?"
    )
    willing_to_relocate = YesNoField(required=False, label="Willing to relocate?")
    salary_currency = forms.CharField(max_length=20, initial="USD", label="Currency")

    class Meta:
        model = UserProfile
        fields: list[str] = []
        widgets = {"earliest_start_date": _DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The fields declared above serve several sections; each keeps only its own.
        for name in list(self.fields):
            if name not in self._meta.fields:
                del self.fields[name]
        # Ranges the browser can check too: the model's validators do not reach widgets.
        if "notify_threshold" in self.fields:
            self.fields["notify_threshold"].widget.attrs["max"] = 100
        if "digest_interval_minutes" in self.fields:
            self.fields["digest_interval_minutes"].widget.attrs["min"] = 5
        # An empty notification address means this one: show it.
        fallback = self.instance.email or settings.HUNTER_NOTIFY_EMAIL
        if "notify_email" in self.fields and fallback:
            self.fields["notify_email"].widget.attrs["placeholder"] = fallback

    def clean_phone(self) -> str:
        """The number in E.164 (+4930123456) when it can be read, with the country as a
        hint for numbers written without their country code."""
        raw = (self.cleaned_data.get("phone") or "").strip()
        if not raw:
            return ""
        country = self.data.get(self.add_prefix("country")) or self.instance.country.code or None
        wrong_length = "This phone number has too few or too many digits."
        try:
            number = phonenumbers.parse(raw, country)
        except phonenumbers.NumberParseException as exc:
            if exc.error_type in _WRONG_LENGTH:
                raise forms.ValidationError(wrong_length) from None
            raise forms.ValidationError(
                "Enter the phone number with its country code, like +1 415 555 0100."
            ) from None
        if not phonenumbers.is_possible_number(number):
            raise forms.ValidationError(wrong_length)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def clean_salary_currency(self) -> str:
        currency = (self.cleaned_data.get("salary_currency") or "").strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", currency):
            raise forms.ValidationError("Use a three-letter currency code, like USD or EUR.")
        return currency

    def clean_notify_threshold(self) -> int:
        threshold = self.cleaned_data.get("notify_threshold")
        if threshold is None or not 0 <= threshold <= 100:
            raise forms.ValidationError("Choose a score from 0 to 100.")
        return threshold

    def clean_min_salary(self) -> int | None:
        salary = self.cleaned_data.get("min_salary")
        if salary is not None and salary > 10_000_000:
            raise forms.ValidationError("Enter a year's pay as a plain number, like 120000.")
        return salary


def section_form_class(section: str) -> type[SectionForm]:
    fields = SECTIONS[section][1]
    return forms.modelform_factory(UserProfile, form=SectionForm, fields=fields)


class _DatedForm(forms.ModelForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date must come after the start date.")
        return cleaned


class EducationForm(_DatedForm):
    class Meta:
        model = Education
        fields = ["school", "degree", "field_of_study", "start_date", "end_date"]
        widgets = {"start_date": _DATE, "end_date": _DATE}


class WorkExperienceForm(_DatedForm):
    class Meta:
        model = WorkExperience
        fields = ["title", "company", "location", "start_date", "end_date", "description"]
        widgets = {
            "start_date": _DATE,
            "end_date": _DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
        }


class AnswerForm(forms.ModelForm):
    questions = LinesField(
        label="Questions it answers",
        help_text="One wording per line: “How did you hear about us?”, “Referral source”.",
    )

    class Meta:
        model = Answer
        fields = ["kind", "questions", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class ResumeForm(forms.Form):
    resume = forms.FileField(
        label="Resume (PDF or Word .docx, at most 10 MB)",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )
