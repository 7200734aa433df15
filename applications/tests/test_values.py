from __future__ import annotations

import os
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from applications.autofill import CONFIDENCE_THRESHOLD, FormField
from applications.autofill.values import choose_option, propose_values
from jobs.tests.factories import JobFactory
from profiles.models import DECLINE, Answer, Education, UserProfile, WorkExperience

SPONSORSHIP = ["Yes, I will require sponsorship", "No, I will not require sponsorship"]
WORK_PERMIT_US = [
    "I am authorized to work in the US for any employer",
    "I am authorized to work in the US for my present employer only",
    "I am not authorized to work in the US",
]
VETERAN = [
    "I am not a protected veteran",
    "I identify as one or more of the classifications of protected veteran",
    "I don't wish to answer",
]
VETERAN_CLASSES = [
    "Disabled veteran",
    "Recently separated veteran",
    "Active duty wartime or campaign badge veteran",
    "Armed forces service medal veteran",
    "I am not a protected veteran",
]
DISABILITY = [
    "Yes, I have a disability (or previously had a disability)",
    "No, I do not have a disability and have not had one in the past",
    "I do not want to answer",
]
GENDER = ["Male", "Female", "Non-binary", "Decline To Self Identify"]
RACE_GREENHOUSE = [
    "American Indian or Alaskan Native",
    "Asian",
    "Black or African American",
    "Hispanic or Latino",
    "White",
    "Native Hawaiian or Other Pacific Islander",
    "Two or More Races",
    "Decline To Self Identify",
]
RACE_LEVER = [
    "Hispanic or Latino",
    "White (Not Hispanic or Latino)",
    "Black or African American (Not Hispanic or Latino)",
    "Asian (Not Hispanic or Latino)",
    "Two or More Races (Not Hispanic or Latino)",
    "Prefer not to say",
]
YEARS = ["0-2 years", "3-5 years", "6-10 years", "10+ years"]
DEGREES = ["High School", "Associate's Degree", "Bachelor's Degree", "Master's Degree", "Doctorate"]

CHOICES = [
    # Sponsorship: the polarity of a statement, negations included.
    ("sponsorship", True, SPONSORSHIP, SPONSORSHIP[0]),
    ("sponsorship", False, SPONSORSHIP, SPONSORSHIP[1]),
    (
        "sponsorship",
        False,
        ["I will require sponsorship now or in the future", "I do not require sponsorship"],
        "I do not require sponsorship",
    ),
    (
        "sponsorship",
        True,
        ["Sponsorship required", "No sponsorship required"],
        "Sponsorship required",
    ),
    ("sponsorship", True, ["I won’t need a visa", "I’ll need a visa"], "I’ll need a visa"),
    ("sponsorship", False, ["Select...", "Yes", "No"], "No"),
    ("sponsorship", False, ["Yes – now", "Yes – in the future", "No"], "No"),
    ("sponsorship", True, ["Yes – now", "Yes – in the future", "No"], None),
    # Work authorisation, short and verbose.
    ("work_authorization", True, ["Yes", "No"], "Yes"),
    ("work_authorization", True, WORK_PERMIT_US, WORK_PERMIT_US[0]),
    ("work_authorization", False, WORK_PERMIT_US, WORK_PERMIT_US[2]),
    (
        "work_authorization",
        True,
        [
            "I am legally eligible to work in the UK and do not need a visa",
            "I am not eligible to work in the UK",
        ],
        "I am legally eligible to work in the UK and do not need a visa",
    ),
    # Options that speak of sponsorship do not answer whether one is authorised.
    ("work_authorization", True, ["I will require sponsorship", "I won't require it"], None),
    # Relocation.
    ("relocation", True, ["Yes", "No", "Open to discussion"], "Yes"),
    (
        "relocation",
        False,
        ["I am willing to relocate", "I am not willing to relocate"],
        "I am not willing to relocate",
    ),
    (
        "relocation",
        False,
        ["Yes", "No, I would prefer not to relocate"],
        "No, I would prefer not to relocate",
    ),
    # Veterans.
    ("veteran", "no", VETERAN, VETERAN[0]),
    ("veteran", "yes", VETERAN, VETERAN[1]),
    ("veteran", DECLINE, VETERAN, VETERAN[2]),
    ("veteran", "yes", VETERAN_CLASSES, None),
    ("veteran", "no", VETERAN_CLASSES, "I am not a protected veteran"),
    ("country", "GB", ["England", "Scotland", "United Kingdom"], "United Kingdom"),
    # Disability (the US form CC-305).
    ("disability", "yes", DISABILITY, DISABILITY[0]),
    ("disability", "no", DISABILITY, DISABILITY[1]),
    ("disability", DECLINE, DISABILITY, DISABILITY[2]),
    # Gender: "female" is not "male".
    ("gender", "male", GENDER, "Male"),
    ("gender", "female", GENDER, "Female"),
    ("gender", "non_binary", GENDER, "Non-binary"),
    ("gender", DECLINE, GENDER, "Decline To Self Identify"),
    ("gender", "female", ["Man", "Woman", "Prefer to self-describe", "Prefer not to say"], "Woman"),
    ("gender", "male", ["Cisgender man", "Transgender man", "Woman"], None),
    ("gender", "non_binary", ["Male", "Female"], None),
    ("gender", "Woman", ["Male", "Female"], "Female"),
    # Race and ethnicity (EEO-1 categories, as Greenhouse and Lever word them).
    ("race", "two_or_more", RACE_GREENHOUSE, "Two or More Races"),
    ("race", "american_indian", RACE_GREENHOUSE, "American Indian or Alaskan Native"),
    ("race", "pacific_islander", RACE_GREENHOUSE, "Native Hawaiian or Other Pacific Islander"),
    ("race", DECLINE, RACE_GREENHOUSE, "Decline To Self Identify"),
    ("race", "white", RACE_LEVER, "White (Not Hispanic or Latino)"),
    ("race", "hispanic", RACE_LEVER, "Hispanic or Latino"),
    ("race", DECLINE, RACE_LEVER, "Prefer not to say"),
    ("race", "asian", ["East Asian", "South Asian", "Southeast Asian", "White"], None),
    # Hispanic or Latino.
    ("hispanic_latino", "yes", ["Yes", "No", "Decline To Self Identify"], "Yes"),
    (
        "hispanic_latino",
        "no",
        ["Hispanic or Latino", "Not Hispanic or Latino", "Prefer not to say"],
        "Not Hispanic or Latino",
    ),
    ("hispanic_latino", DECLINE, ["Yes", "No", "I don’t wish to answer"], "I don’t wish to answer"),
    ("transgender", "no", ["Yes", "No", "Prefer not to say"], "No"),
    ("sexual_orientation", "gay_lesbian", ["Gay", "Lesbian", "Bisexual", "Heterosexual"], None),
    (
        "sexual_orientation",
        "heterosexual",
        ["Heterosexual or straight", "Gay or lesbian", "Bisexual"],
        "Heterosexual or straight",
    ),
    # Countries by name, common name, ISO code and dialling-code lists.
    ("country", "DE", ["France", "Germany", "Spain"], "Germany"),
    ("country", "US", ["United States of America", "Canada"], "United States of America"),
    ("country", "US", ["USA", "UK"], "USA"),
    ("country", "GB", ["US", "GB", "DE"], "GB"),
    ("country", "Germany", ["DEU", "FRA"], "DEU"),
    (
        "country",
        "KR",
        ["Korea, Democratic People's Republic of", "Korea, Republic of"],
        "Korea, Republic of",
    ),
    ("country", "US", ["Germany (+49)", "United States (+1)"], "United States (+1)"),
    ("country", "AT", ["Australia", "Germany"], None),
    # Numbers in ranges.
    ("years_experience", 4, YEARS, "3-5 years"),
    ("years_experience", 12, YEARS, "10+ years"),
    (
        "years_experience",
        5,
        ["Less than 1 year", "1-5 years", "5-10 years", "More than 10 years"],
        "5-10 years",
    ),
    (
        "salary_expectation",
        95000,
        ["$50,000 - $75,000", "$75,000 - $100,000", "$100,000+"],
        "$75,000 - $100,000",
    ),
    ("salary_expectation", "Around 120k", ["Under 100k", "100k-150k", "Over 150k"], "100k-150k"),
    # Degrees by level.
    ("education_degree", "BSc Computer Science", DEGREES, "Bachelor's Degree"),
    (
        "education_degree",
        "M.Sc.",
        ["Bachelor's Degree", "Master's Degree", "MBA"],
        "Master's Degree",
    ),
    ("education_degree", "Ph.D. in Physics", ["Master's Degree", "Ph.D."], "Ph.D."),
    ("education_degree", "MBA", ["Bachelor's", "Master's"], "Master's"),
    # Consent, text, states, pronouns.
    ("consent", True, ["I agree", "I do not agree"], "I agree"),
    ("consent", False, ["I agree", "I do not agree"], "I do not agree"),
    ("how_heard", "LinkedIn", ["Indeed", "LinkedIn", "Referral", "Other"], "LinkedIn"),
    ("how_heard", "A friend told me", ["LinkedIn", "Indeed"], None),
    ("state", "CA", ["California", "Colorado"], "California"),
    ("pronouns", "she/her", ["He/him", "She/her", "They/them"], "She/her"),
]

DECLINE_WORDINGS = [
    "Decline to self-identify",
    "I don't wish to answer",
    "I do not want to answer",
    "Prefer not to say",
    "I'd rather not say",
    "I choose not to disclose",
    "Prefer not to answer",
]


@pytest.mark.parametrize(("field_type", "wanted", "options", "expected"), CHOICES)
def test_option_is_chosen_by_meaning(field_type, wanted, options, expected):
    choice, confidence = choose_option(field_type, wanted, options)
    assert choice == expected
    if expected is None:
        assert confidence < CONFIDENCE_THRESHOLD
    else:
        assert confidence >= CONFIDENCE_THRESHOLD


@pytest.mark.parametrize("wording", DECLINE_WORDINGS)
def test_decline_finds_every_way_forms_word_it(wording):
    choice, _ = choose_option("gender", DECLINE, ["Male", "Female", wording])
    assert choice == wording


def test_a_plain_yes_is_chosen_with_full_confidence():
    assert choose_option("sponsorship", True, ["Yes", "No"]) == ("Yes", 0.95)


def test_a_statement_read_for_its_meaning_is_chosen_with_good_confidence():
    assert choose_option("work_authorization", True, WORK_PERMIT_US) == (WORK_PERMIT_US[0], 0.8)


def test_an_option_that_says_more_than_the_profile_knows_is_proposed_for_review():
    options = ["I am not a veteran", "I am a protected veteran", "Prefer not to say"]
    choice, confidence = choose_option("veteran", "no", options)
    assert choice == "I am not a veteran"
    assert confidence < CONFIDENCE_THRESHOLD


def test_no_option_is_chosen_from_an_empty_list():
    assert choose_option("sponsorship", True, []) == (None, 0.0)


# --- propose_values ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def user(django_user_model):
    # No password: hashing one would cost more than the test itself.
    return django_user_model.objects.create(username="ana")


@pytest.fixture
def profile(db, user) -> UserProfile:
    profile = UserProfile.objects.create(
        user=user,
        first_name="Ana",
        last_name="Lima",
        preferred_name="Ani",
        pronouns="she/her",
        email="ana@example.com",
        phone="+14155550123",
        address="1 Main St",
        city="San Francisco",
        state="CA",
        postal_code="94105",
        country="US",
        current_location="San Francisco, CA",
        linkedin_url="https://www.linkedin.com/in/ana",
        github_url="https://github.com/ana",
        twitter_url="https://x.com/ana",
        website_url="https://ana.dev",
        current_company="Acme",
        current_title="Backend Engineer",
        years_experience=7,
        notice_period="4 weeks",
        earliest_start_date=timezone.localdate() + timedelta(days=30),
        authorized_countries=["US", "CA"],
        needs_sponsorship=False,
        willing_to_relocate=True,
        gender="female",
        race_ethnicity="two_or_more",
        hispanic_latino="no",
        veteran_status="no",
        disability_status=DECLINE,
        sexual_orientation="bisexual",
        transgender="no",
        min_salary=150000,
        salary_currency="USD",
    )
    profile.resume.save("ana-lima-cv.pdf", ContentFile(b"%PDF-1.4 resume"), save=False)
    profile.resume_name = "Ana Lima CV.pdf"
    profile.save()
    Education.objects.create(
        profile=profile,
        school="Stanford University",
        degree="BSc",
        field_of_study="Computer Science",
        start_date=date(2012, 9, 1),
        end_date=date(2016, 6, 15),
        position=0,
    )
    Education.objects.create(
        profile=profile, school="Lincoln High School", degree="Diploma", position=1
    )
    return profile


@pytest.fixture
def bare_profile(db, user) -> UserProfile:
    return UserProfile.objects.create(user=user)


@pytest.fixture
def job(db):
    return JobFactory(title="Staff Engineer", company="Globex", location="New York, NY")


def make_field(field_type: str, label: str = "", **attributes) -> FormField:
    attributes.setdefault("type_confidence", 0.9)
    return FormField(frame=0, selector="#q", field_type=field_type, label=label, **attributes)


def proposed(field: FormField, profile, job=None) -> FormField:
    propose_values([field], profile=profile, job=job)
    return field


@pytest.mark.parametrize(
    ("field_type", "expected"),
    [
        ("first_name", "Ana"),
        ("last_name", "Lima"),
        ("preferred_name", "Ani"),
        ("pronouns", "she/her"),
        ("email", "ana@example.com"),
        ("address", "1 Main St"),
        ("postal_code", "94105"),
        ("state", "CA"),
        ("linkedin", "https://www.linkedin.com/in/ana"),
        ("github", "https://github.com/ana"),
        ("twitter", "https://x.com/ana"),
        ("website", "https://ana.dev"),
        ("current_company", "Acme"),
        ("current_title", "Backend Engineer"),
        ("years_experience", "7"),
    ],
)
def test_profile_text_fills_its_field(profile, field_type, expected):
    field = proposed(make_field(field_type), profile)
    assert field.value == expected
    assert field.source == "profile"
    assert field.confidence >= 0.95


def test_full_name_is_first_and_last_name(profile):
    assert proposed(make_field("full_name"), profile).value == "Ana Lima"


def test_phone_is_given_as_stored_in_international_form(profile):
    assert proposed(make_field("phone", "Phone"), profile).value == "+14155550123"


def test_phone_is_given_in_national_form_when_the_placeholder_shows_a_local_number(profile):
    field = proposed(make_field("phone", "Phone", placeholder="(555) 555-5555"), profile)
    assert field.value == "(415) 555-0123"


def test_phone_is_given_in_national_form_when_the_label_asks_for_no_country_code(profile):
    field = proposed(make_field("phone", "Phone (without country code)"), profile)
    assert field.value == "(415) 555-0123"


def test_city_is_the_profile_city(profile):
    assert proposed(make_field("city"), profile).value == "San Francisco"


def test_city_falls_back_to_the_current_location(bare_profile):
    bare_profile.current_location = "Berlin, Germany"
    field = proposed(make_field("city"), bare_profile)
    assert field.value == "Berlin"
    assert field.confidence == 0.8


def test_location_is_the_current_location(profile):
    assert proposed(make_field("location"), profile).value == "San Francisco, CA"


def test_country_is_the_name_of_the_profile_country(profile):
    assert proposed(make_field("country"), profile).value == "United States of America"


def test_country_is_chosen_among_the_options_by_code(profile):
    field = make_field("country", tag="select", options=["Select...", "Canada", "USA"])
    assert proposed(field, profile).value == "USA"


def test_resume_is_the_absolute_path_of_the_uploaded_file(profile):
    field = proposed(make_field("resume", tag="file"), profile)
    assert os.path.isabs(field.value)
    assert field.value == profile.resume.path
    assert "Ana Lima CV.pdf" in field.note


def test_resume_is_left_empty_with_a_note_when_none_was_uploaded(bare_profile):
    field = proposed(make_field("resume", tag="file"), bare_profile)
    assert field.value == ""
    assert field.confidence == 0
    assert "No resume" in field.note


def test_cover_letter_is_the_saved_letter_with_the_job_filled_in(profile, job):
    Answer.objects.create(
        profile=profile,
        kind=Answer.Kind.COVER_LETTER,
        text="Dear {company}, I would love to be your {title}.",
    )
    field = proposed(make_field("cover_letter", "Cover letter", tag="textarea"), profile, job)
    assert field.value == "Dear Globex, I would love to be your Staff Engineer."
    assert field.source == "answer_bank"


def test_current_position_comes_from_experience_when_the_profile_has_none(bare_profile):
    WorkExperience.objects.create(
        profile=bare_profile, company="Old Co", title="Intern", end_date=date(2019, 1, 1)
    )
    WorkExperience.objects.create(profile=bare_profile, company="Initech", title="Developer")
    field = proposed(make_field("current_company"), bare_profile)
    assert (field.value, field.source) == ("Initech", "experience")


def test_years_of_experience_picks_the_range_that_holds_them(profile):
    field = make_field("years_experience", tag="select", options=YEARS)
    assert proposed(field, profile).value == "6-10 years"


def test_salary_expectation_falls_back_to_the_minimum_salary_with_its_currency(profile):
    field = proposed(make_field("salary_expectation", "Expected salary"), profile)
    assert field.value == "150,000 USD"
    assert field.confidence >= CONFIDENCE_THRESHOLD


def test_salary_expectation_in_a_number_input_is_the_bare_amount(profile):
    field = make_field("salary_expectation", "Expected salary", input_type="number")
    assert proposed(field, profile).value == "150000"


def test_start_date_is_the_earliest_start_date_as_a_date_input_wants_it(profile):
    field = proposed(make_field("start_date", input_type="date"), profile)
    assert field.value == profile.earliest_start_date.isoformat()


def test_start_date_follows_the_placeholder_pattern(profile):
    field = proposed(make_field("start_date", placeholder="MM/DD/YYYY"), profile)
    assert field.value == profile.earliest_start_date.strftime("%m/%d/%Y")


def test_start_date_is_the_notice_period_when_no_date_is_known(profile):
    profile.earliest_start_date = None
    field = proposed(make_field("start_date", "When can you start?"), profile)
    assert field.value == "4 weeks"


def test_work_authorization_is_yes_for_a_country_the_user_may_work_in(profile):
    field = make_field(
        "work_authorization",
        "Are you legally authorized to work in the United States?",
        tag="radio",
        options=["Yes", "No"],
    )
    field = proposed(field, profile)
    assert (field.value, field.confidence) == ("Yes", 0.95)


def test_work_authorization_for_an_unlisted_country_is_no_but_left_for_the_user(profile):
    field = make_field(
        "work_authorization",
        "Are you legally authorized to work in the UK?",
        tag="radio",
        options=["Yes", "No"],
    )
    field = proposed(field, profile)
    assert field.value == "No"
    assert field.confidence < CONFIDENCE_THRESHOLD


def test_work_authorization_reads_the_country_from_the_job_when_the_question_names_none(
    profile, job
):
    field = make_field(
        "work_authorization", "Are you authorized to work in this country?", options=["Yes", "No"]
    )
    field = proposed(field, profile, job)
    assert (field.value, field.confidence) == ("Yes", 0.8)


@pytest.mark.parametrize("location", ["Albuquerque, New Mexico", "Remote - New Mexico"])
def test_work_authorization_reads_a_state_by_name_as_its_country(profile, location):
    """New Mexico is in the US (where this user may work), not in Mexico."""
    job = JobFactory(title="Staff Engineer", company="Globex", location=location)
    field = make_field(
        "work_authorization", "Are you authorized to work in this country?", options=["Yes", "No"]
    )
    field = proposed(field, profile, job)
    assert (field.value, field.confidence) == ("Yes", 0.8)


def test_work_authorization_without_a_known_country_is_left_empty(profile):
    field = make_field("work_authorization", "Are you authorized to work here?")
    field = proposed(field, profile)
    assert field.value == ""
    assert "which country" in field.note


def test_sponsorship_chooses_the_negated_option_when_none_is_needed(profile):
    field = make_field(
        "sponsorship", "Will you require sponsorship?", tag="radio", options=SPONSORSHIP
    )
    assert proposed(field, profile).value == "No, I will not require sponsorship"


def test_unknown_sponsorship_need_is_left_empty_with_a_note(bare_profile):
    field = proposed(make_field("sponsorship", "Will you require sponsorship?"), bare_profile)
    assert field.value == ""
    assert field.confidence == 0
    assert field.note == "No value in your profile for whether you need visa sponsorship."


def test_lone_sponsorship_checkbox_stays_unticked_when_none_is_needed(profile):
    field = make_field("sponsorship", "I will require visa sponsorship", tag="checkbox")
    field = proposed(field, profile)
    assert field.value is False
    assert field.confidence >= CONFIDENCE_THRESHOLD


def test_no_sponsorship_is_needed_where_the_user_may_already_work(profile, job):
    profile.needs_sponsorship = None
    field = make_field("sponsorship", "Will you require sponsorship?", options=["Yes", "No"])
    field = proposed(field, profile, job)
    assert (field.value, field.confidence) == ("No", 0.8)


def test_relocation_comes_from_the_profile(profile):
    field = make_field("relocation", tag="select", options=["Yes", "No"])
    assert proposed(field, profile).value == "Yes"


@pytest.mark.parametrize(
    ("field_type", "options", "expected"),
    [
        ("gender", GENDER, "Female"),
        ("race", RACE_GREENHOUSE, "Two or More Races"),
        ("hispanic_latino", ["Yes", "No", "Decline To Self Identify"], "No"),
        ("veteran", VETERAN, "I am not a protected veteran"),
        ("sexual_orientation", ["Heterosexual", "Bisexual", "Gay"], "Bisexual"),
        ("transgender", ["Yes", "No"], "No"),
    ],
)
def test_eeo_answers_come_from_the_profile(profile, field_type, options, expected):
    field = proposed(make_field(field_type, tag="select", options=options), profile)
    assert field.value == expected


def test_a_group_of_checkboxes_is_answered_with_a_list(profile):
    field = make_field("race", tag="checkbox", options=RACE_GREENHOUSE, multiple=True)
    assert proposed(field, profile).value == ["Two or More Races"]


def test_eeo_decline_picks_the_forms_own_decline_option(profile):
    field = proposed(make_field("disability", tag="radio", options=DISABILITY), profile)
    assert field.value == "I do not want to answer"
    assert field.confidence >= CONFIDENCE_THRESHOLD


def test_eeo_question_the_profile_has_not_answered_is_left_empty(bare_profile):
    field = proposed(make_field("veteran", tag="select", options=VETERAN), bare_profile)
    assert field.value == ""
    assert field.note == "You have not answered your veteran status in your profile."


def test_eeo_decline_without_a_decline_option_is_left_to_the_user(profile):
    field = make_field("disability", tag="select", options=["Yes", "No"])
    field = proposed(field, profile)
    assert field.value == ""
    assert field.confidence == 0


def test_education_is_the_first_by_position(profile):
    school = proposed(make_field("education_school"), profile)
    assert (school.value, school.source) == ("Stanford University", "education")
    assert proposed(make_field("education_field"), profile).value == "Computer Science"


def test_degree_is_chosen_among_options_by_its_level(profile):
    degree = make_field("education_degree", tag="select", options=DEGREES)
    assert proposed(degree, profile).value == "Bachelor's Degree"


def test_graduation_year_is_chosen_among_years(profile):
    field = make_field("graduation_date", tag="select", options=["2015", "2016", "2017"])
    assert proposed(field, profile).value == "2016"


def test_consent_is_never_ticked_on_the_users_behalf(profile):
    field = make_field("consent", "I agree to the privacy policy", tag="checkbox", required=True)
    field = proposed(field, profile)
    assert field.value == ""
    assert field.confidence == 0
    assert "never agrees" in field.note


def test_consent_is_ticked_when_the_user_saved_that_answer(profile):
    Answer.objects.create(profile=profile, questions=["I agree to the privacy policy"], text="Yes")
    field = make_field("consent", "I agree to the privacy policy *", tag="checkbox")
    assert proposed(field, profile).value is True


def test_free_text_comes_from_the_answer_bank(profile, job):
    Answer.objects.create(
        profile=profile,
        kind=Answer.Kind.WHY_COMPANY,
        questions=["Why do you want to work at {company}?"],
        text="{company} builds what I care about.",
    )
    field = proposed(make_field("free_text", "Why do you want to work at Globex?"), profile, job)
    assert field.value == "Globex builds what I care about."
    assert (field.source, field.confidence) == ("answer_bank", 0.95)


def test_a_saved_answer_to_a_similar_question_is_proposed_for_review(profile, job):
    Answer.objects.create(
        profile=profile,
        kind=Answer.Kind.WHY_COMPANY,
        questions=["Why do you want to work at {company}?"],
        text="{company} builds what I care about.",
    )
    field = make_field("free_text", "Why are you interested in joining our team?")
    field = proposed(field, profile, job)
    assert field.value == "Globex builds what I care about."
    assert field.confidence < CONFIDENCE_THRESHOLD


def test_free_text_without_a_saved_answer_is_left_empty_for_the_user(profile):
    field = proposed(make_field("free_text", "Tell us about a hard bug you fixed."), profile)
    assert field.value == ""
    assert "answer bank" in field.note


def test_answer_bank_wins_over_the_profile(profile):
    Answer.objects.create(
        profile=profile, questions=["Are you willing to relocate?"], text="Only within the US"
    )
    field = proposed(make_field("relocation", "Are you willing to relocate?"), profile)
    assert field.value == "Only within the US"
    assert field.source == "answer_bank"


def test_answer_bank_matches_a_question_worded_with_other_filler(profile):
    Answer.objects.create(
        profile=profile, questions=["How did you hear about us?"], text="LinkedIn"
    )
    field = make_field("how_heard", "How did you hear about us? (required)", options=["LinkedIn"])
    assert proposed(field, profile).value == "LinkedIn"


def test_answer_bank_does_not_answer_a_question_about_another_country(profile):
    Answer.objects.create(
        profile=profile, questions=["Are you authorized to work in the UK?"], text="No"
    )
    field = make_field("work_authorization", "Are you authorized to work in the US?")
    field = proposed(field, profile)
    assert (field.value, field.source) == ("Yes", "profile")


def test_saved_answer_needing_the_company_is_not_used_without_a_job(profile):
    Answer.objects.create(
        profile=profile, kind=Answer.Kind.COVER_LETTER, text="Dear {company}, hello."
    )
    field = proposed(make_field("cover_letter", "Cover letter"), profile, job=None)
    assert field.value == ""
    assert "company" in field.note


def test_saved_salary_answer_wins_over_the_minimum_salary(profile):
    Answer.objects.create(profile=profile, kind=Answer.Kind.SALARY, text="170,000 USD base")
    field = proposed(make_field("salary_expectation", "Desired salary"), profile)
    assert field.value == "170,000 USD base"


ALL_TYPES = [
    "first_name", "last_name", "full_name", "preferred_name", "email", "phone", "address",
    "city", "state", "postal_code", "country", "location", "linkedin", "github", "twitter",
    "website", "resume", "cover_letter", "current_company", "current_title",
    "years_experience", "salary_expectation", "start_date", "work_authorization",
    "sponsorship", "relocation", "how_heard", "referrer_name", "gender", "race",
    "hispanic_latino", "veteran", "disability", "pronouns", "sexual_orientation",
    "transgender", "education_school", "education_degree", "education_field",
    "graduation_date", "consent", "free_text", "other_question", "unknown",
]  # fmt: skip


@pytest.mark.parametrize("field_type", ALL_TYPES)
def test_nothing_is_invented_for_an_empty_profile(bare_profile, job, field_type):
    field = proposed(make_field(field_type, "Question", options=["Yes", "No"]), bare_profile, job)
    assert field.value == ""
    assert field.confidence == 0
    assert field.note


def test_without_a_profile_every_field_is_left_empty_with_a_note():
    fields = [make_field("first_name"), make_field("email")]
    propose_values(fields, profile=None, job=None)
    assert [(f.value, f.confidence) for f in fields] == [("", 0.0), ("", 0.0)]
    assert all("profile" in f.note for f in fields)


def test_values_the_user_gave_are_kept(profile):
    field = make_field("first_name", value="Anabel", source="user", confidence=1.0)
    assert proposed(field, profile).value == "Anabel"
