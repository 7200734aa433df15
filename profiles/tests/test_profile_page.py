from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from profiles.forms import SECTIONS
from profiles.models import Answer, Education, UserProfile, WorkExperience

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}

VALID = {
    "personal": {
        "first_name": "Ana", "last_name": "Lima", "preferred_name": "Ana", "pronouns": "she/her",
    },
    "contact": {
        "email": "ana@example.com", "phone": "030 1234567", "address": "Hauptstr. 1",
        "city": "Berlin", "state": "Berlin", "postal_code": "10115", "country": "DE",
        "current_location": "Berlin, Germany",
    },
    "links": {
        "linkedin_url": "https://www.linkedin.com/in/ana", "github_url": "https://github.com/ana",
        "twitter_url": "", "website_url": "https://ana.dev",
        "other_links": "https://dribbble.com/ana\nhttps://ana.blog",
    },
    "work": {
        "current_title": "Backend Engineer", "current_company": "Acme", "years_experience": "7",
        "notice_period": "4 weeks", "earliest_start_date": "2027-01-15",
    },
    "authorization": {
        "authorized_countries": ["DE", "NL"], "needs_sponsorship": "false",
        "willing_to_relocate": "true",
    },
    "eeo": {
        "gender": "female", "race_ethnicity": "decline", "hispanic_latino": "no",
        "veteran_status": "no", "disability_status": "decline", "sexual_orientation": "decline",
        "transgender": "no",
    },
    "preferences": {
        "desired_titles": "Backend Engineer\nPlatform Engineer",
        "preferred_locations": "Berlin\nRemote - EU",
        "remote_preference": "hybrid", "min_salary": "85000", "salary_currency": "eur",
        "keywords": "python\npostgres",
    },
    "notifications": {
        "notify_email": "alerts@example.com", "notify_threshold": "75",
        "digest_interval_minutes": "30",
    },
}  # fmt: skip


def _post(section: str, data: dict) -> dict:
    return {f"{section}-{key}": value for key, value in data.items()}


def test_profile_is_created_on_first_visit(logged_in_client, user):
    response = logged_in_client.get(reverse("profiles:edit"))
    assert response.status_code == 200
    assert UserProfile.objects.filter(user=user).count() == 1
    for key in SECTIONS:
        assert f'id="{key}"' in response.text


@pytest.mark.django_db(transaction=True)
def test_profile_is_created_once_under_concurrent_first_requests(user):
    barrier = threading.Barrier(2)
    errors = []

    def first_visit():
        try:
            barrier.wait()
            UserProfile.for_user(user)
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=first_visit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert UserProfile.objects.filter(user=user).count() == 1


@pytest.mark.parametrize("section", list(SECTIONS))
def test_each_section_saves_and_rerenders_as_a_full_page(logged_in_client, user, section):
    response = logged_in_client.post(
        reverse("profiles:section", args=[section]), _post(section, VALID[section]), follow=True
    )
    assert response.status_code == 200
    assert "<nav" in response.text
    assert f"Saved {SECTIONS[section][0].lower()}." in response.text


@pytest.mark.parametrize("section", list(SECTIONS))
def test_each_section_saves_and_rerenders_as_a_fragment(logged_in_client, user, section):
    response = logged_in_client.post(
        reverse("profiles:section", args=[section]), _post(section, VALID[section]), **HTMX
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith(f'<section id="{section}"')
    assert "Saved." in response.text


def test_saved_values_are_stored_as_forms_need_them(logged_in_client, user):
    for section, data in VALID.items():
        logged_in_client.post(reverse("profiles:section", args=[section]), _post(section, data))
    profile = UserProfile.objects.get(user=user)
    assert profile.phone == "+49301234567"
    assert profile.country.code == "DE"
    assert [country.code for country in profile.authorized_countries] == ["DE", "NL"]
    assert profile.needs_sponsorship is False and profile.willing_to_relocate is True
    assert profile.other_links == ["https://dribbble.com/ana", "https://ana.blog"]
    assert profile.desired_titles == ["Backend Engineer", "Platform Engineer"]
    assert profile.salary_currency == "EUR"
    assert profile.earliest_start_date == date(2027, 1, 15)
    assert profile.race_ethnicity == "decline"


def test_saving_one_section_leaves_the_others_alone(logged_in_client, user):
    logged_in_client.post(
        reverse("profiles:section", args=["personal"]), _post("personal", VALID["personal"])
    )
    logged_in_client.post(reverse("profiles:section", args=["work"]), _post("work", VALID["work"]))
    profile = UserProfile.objects.get(user=user)
    assert (profile.first_name, profile.current_company) == ("Ana", "Acme")


@pytest.mark.parametrize(
    ("section", "field", "value", "message"),
    [
        ("contact", "email", "ana@", "valid email"),
        ("contact", "phone", "call me", "country code"),
        ("contact", "phone", "+1 415", "too few or too many digits"),
        ("links", "linkedin_url", "linkedin/ana", "valid URL"),
        ("links", "other_links", "https://ok.example\nnot a link", "is not a web address"),
        ("preferences", "min_salary", "-5", "greater than or equal to 0"),
        ("preferences", "min_salary", "85k", "whole number"),
        ("preferences", "salary_currency", "euros", "three-letter currency code"),
        ("notifications", "notify_threshold", "120", "from 0 to 100"),
        ("notifications", "notify_email", "alerts@", "valid email"),
        ("notifications", "digest_interval_minutes", "1", "greater than or equal to 5"),
        ("work", "earliest_start_date", "15/01/2027", "valid date"),
    ],
)
def test_bad_input_is_explained_and_not_saved(
    logged_in_client, user, section, field, value, message
):
    data = _post(section, {**VALID[section], field: value})
    page = logged_in_client.post(reverse("profiles:section", args=[section]), data)
    assert page.status_code == 400
    assert message in page.text
    fragment = logged_in_client.post(reverse("profiles:section", args=[section]), data, **HTMX)
    assert fragment.status_code == 200
    assert message in fragment.text and "Not saved" in fragment.text
    assert UserProfile.objects.get(user=user).first_name == ""


def test_the_saved_fragment_shows_the_stored_phone_number(logged_in_client, user):
    data = _post("contact", VALID["contact"])
    response = logged_in_client.post(reverse("profiles:section", args=["contact"]), data, **HTMX)
    assert 'value="+49301234567"' in response.text


def test_phone_with_country_code_needs_no_country(logged_in_client, user):
    data = _post("contact", {**VALID["contact"], "phone": "+1 (415) 555-0100", "country": ""})
    logged_in_client.post(reverse("profiles:section", args=["contact"]), data)
    assert UserProfile.objects.get(user=user).phone == "+14155550100"


def test_each_section_shows_only_its_own_fields(logged_in_client):
    response = logged_in_client.get(reverse("profiles:edit"))
    for section in response.context["sections"]:
        assert list(section["form"].fields) == SECTIONS[section["key"]][1]


def test_decline_to_answer_is_offered_for_every_eeo_question(logged_in_client):
    response = logged_in_client.get(reverse("profiles:edit"))
    form = response.context["sections"][list(SECTIONS).index("eeo")]["form"]
    for name in SECTIONS["eeo"][1]:
        assert "decline" in [value for value, _ in form.fields[name].choices], name


def test_unknown_section_is_not_found(logged_in_client):
    assert logged_in_client.post(reverse("profiles:section", args=["salary"])).status_code == 404


# --- Education, experience and answers -------------------------------------------------


def _add(client, kind, data, **extra):
    return client.post(
        reverse("profiles:add_row", args=[kind]),
        {f"{kind}-new-{k}": v for k, v in data.items()},
        **extra,
    )


def test_education_is_added_edited_and_deleted(logged_in_client, user):
    _add(
        logged_in_client,
        "education",
        {
            "school": "TU Berlin",
            "degree": "MSc",
            "field_of_study": "CS",
            "start_date": "2015-10-01",
            "end_date": "2018-09-30",
        },
    )
    row = Education.objects.get()
    logged_in_client.post(
        reverse("profiles:edit_row", args=["education", row.pk]),
        {f"education-{row.pk}-school": "TU Berlin", f"education-{row.pk}-degree": "M.Sc."},
    )
    row.refresh_from_db()
    assert row.degree == "M.Sc."
    logged_in_client.post(reverse("profiles:delete_row", args=["education", row.pk]))
    assert not Education.objects.exists()


def test_experience_is_added_over_htmx_and_the_list_comes_back(logged_in_client, user):
    response = _add(
        logged_in_client,
        "experience",
        {"title": "Engineer", "company": "Acme", "start_date": "2019-01-01"},
        **HTMX,
    )
    assert response.text.lstrip().startswith('<section id="experience"')
    assert "Engineer at Acme" in response.text
    assert WorkExperience.objects.get().is_current


def test_end_before_start_is_refused(logged_in_client, user):
    response = _add(
        logged_in_client,
        "experience",
        {
            "title": "Engineer",
            "company": "Acme",
            "start_date": "2020-01-01",
            "end_date": "2019-01-01",
        },
    )
    assert response.status_code == 400
    assert "end date must come after the start date" in response.text
    assert not WorkExperience.objects.exists()


def test_rows_are_reordered_up_and_down(logged_in_client, user):
    for title in ("First", "Second", "Third"):
        _add(logged_in_client, "experience", {"title": title, "company": "Acme"})
    third = WorkExperience.objects.get(title="Third")
    logged_in_client.post(reverse("profiles:move_row", args=["experience", third.pk, "up"]))
    assert [row.title for row in WorkExperience.objects.all()] == ["First", "Third", "Second"]
    first = WorkExperience.objects.get(title="First")
    logged_in_client.post(reverse("profiles:move_row", args=["experience", first.pk, "down"]))
    assert [row.title for row in WorkExperience.objects.all()] == ["Third", "First", "Second"]


def test_answer_bank_keeps_answers_with_their_question_wordings(logged_in_client, user):
    _add(
        logged_in_client,
        "answers",
        {
            "kind": "how_heard",
            "questions": "How did you hear about us?\nReferral source",
            "text": "Your careers page",
        },
    )
    answer = Answer.objects.get()
    assert answer.questions == ["How did you hear about us?", "Referral source"]
    assert answer.profile.user == user


def test_another_users_rows_cannot_be_touched(logged_in_client, user, django_user_model):
    other = UserProfile.for_user(
        django_user_model.objects.create_user("bo", password="pw-long-enough-1")
    )
    row = Education.objects.create(profile=other, school="Elsewhere")
    response = logged_in_client.post(reverse("profiles:delete_row", args=["education", row.pk]))
    assert response.status_code == 404
    assert Education.objects.filter(pk=row.pk).exists()
