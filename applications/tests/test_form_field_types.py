"""detect_field_type on the wordings real application forms use."""

from __future__ import annotations

import pytest

from applications.autofill import FormField
from applications.autofill.fields import FIELD_PATTERNS, FIELD_TYPES, detect_field_type

YES_NO = ["Yes", "No"]


def text(label: str, **attributes: object) -> FormField:
    return FormField(frame=0, selector="#f", label=label, input_type="text", **attributes)


def choice(label: str, options: list[str], tag: str = "select", **attributes: object) -> FormField:
    return FormField(frame=0, selector="#f", label=label, tag=tag, options=options, **attributes)


def upload(label: str, **attributes: object) -> FormField:
    return FormField(
        frame=0, selector="#f", label=label, tag="file", input_type="file", **attributes
    )


def box(label: str) -> FormField:
    return FormField(frame=0, selector="#f", label=label, tag="checkbox", input_type="checkbox")


def area(label: str) -> FormField:
    return FormField(frame=0, selector="#f", label=label, tag="textarea")


WORDINGS = [
    # Names
    (text("First Name"), "first_name"),
    (text("Given name(s)"), "first_name"),
    (text("Legal first name"), "first_name"),
    (text("Last name"), "last_name"),
    (text("Surname / Family name"), "last_name"),
    (text("Full name"), "full_name"),
    (text("Legal Name"), "full_name"),
    (text("Name"), "full_name"),
    (text("First and last name"), "full_name"),
    (text("Please enter your Legal Name"), "full_name"),
    (text("Preferred first name"), "preferred_name"),
    (
        text("What's the name you'd prefer us to use throughout the interview process?"),
        "preferred_name",
    ),
    (text("Middle name"), "other_question"),
    # Contact
    (text("Email address"), "email"),
    (text("E-mail"), "email"),
    (FormField(frame=0, selector="#f", label="Your contact", input_type="email"), "email"),
    (text("Mobile phone number"), "phone"),
    (text("Telephone"), "phone"),
    (text("Street address"), "address"),
    (text("Address line 1"), "address"),
    (text("City"), "city"),
    (text("State / Province"), "state"),
    (text("ZIP / Postal code"), "postal_code"),
    (
        text("Please confirm the zip code of the location where you would be located."),
        "postal_code",
    ),
    (text("Country"), "country"),
    (text("What is your current country of residence?"), "country"),
    (text("Current location"), "location"),
    (text("Where are you currently based?"), "location"),
    (text("Where do you plan on working from (for payroll tax purposes)?"), "location"),
    (text("City, State"), "location"),
    # Links
    (text("LinkedIn Profile"), "linkedin"),
    (text("Linkedin URL", name="urls[LinkedIn]"), "linkedin"),
    (text("GitHub URL"), "github"),
    (text("Twitter URL"), "twitter"),
    (text("Portfolio URL"), "website"),
    (text("Personal website"), "website"),
    (text("What is your GitLab username?"), "other_question"),
    # Documents
    (upload("Resume/CV"), "resume"),
    (upload("Upload your CV"), "resume"),
    (upload("Cover Letter"), "cover_letter"),
    (upload("Photo"), "other_question"),
    (upload("Attach", id="resume"), "resume"),
    (area("Cover letter"), "cover_letter"),
    # Work
    (text("Current company"), "current_company"),
    (text("Most recent employer"), "current_company"),
    (text("Current job title"), "current_title"),
    (text("Headline"), "current_title"),
    (text("How many years of professional experience do you have?"), "years_experience"),
    (text("Desired salary before deductions"), "salary_expectation"),
    (text("What are your compensation expectations for this role?"), "salary_expectation"),
    (text("What is your current salary?"), "other_question"),
    (text("Notice period"), "start_date"),
    (text("When can you start?"), "start_date"),
    (text("Earliest start date"), "start_date"),
    # Authorisation and relocation
    (
        choice("Are you legally authorized to work in the United States?", YES_NO),
        "work_authorization",
    ),
    (choice("Do you have the right to work in the UK?", YES_NO, tag="radio"), "work_authorization"),
    (
        choice("Are you eligible to work in Canada without restriction?", YES_NO),
        "work_authorization",
    ),
    (
        choice(
            "Are you legally authorized to work in this country without visa sponsorship?",
            YES_NO,
        ),
        "work_authorization",
    ),
    (
        choice(
            "Will you now or in the future require sponsorship for a visa to remain in your "
            "current location?",
            YES_NO,
        ),
        "sponsorship",
    ),
    (
        choice("Will you need visa sponsorship (now or in the future)?", ["Yes", "N0"]),
        "sponsorship",
    ),
    (
        choice(
            "Will you now, or in the future, require sponsorship for employment visa status "
            "(e.g., H-1B visa status)?",
            YES_NO,
            tag="radio",
        ),
        "sponsorship",
    ),
    (
        choice(
            "Are you currently eligible to work in the UK without requiring visa sponsorship?",
            YES_NO,
        ),
        "work_authorization",
    ),
    (choice("Are you able to work in the US without restrictions?", YES_NO), "work_authorization"),
    (choice("What is your visa status?", ["Citizen", "H-1B", "Other"]), "other_question"),
    (choice("Are you willing to relocate?", YES_NO), "relocation"),
    # Referral
    (
        choice("How did you hear about us?", ["LinkedIn", "Indeed", "Referral", "Other"]),
        "how_heard",
    ),
    (text("How did you hear about this job? (e.g. LinkedIn, a friend)"), "how_heard"),
    (text("Who referred you?"), "referrer_name"),
    (text("Referrer's name"), "referrer_name"),
    # Voluntary self-identification
    (choice("Gender", ["Male", "Female", "Decline to self-identify"]), "gender"),
    (choice("What is your gender identity?", ["Man", "Woman", "Non-binary"]), "gender"),
    (choice("Race", ["White", "Asian", "Black or African American"]), "race"),
    (choice("Race or Ethnicity", ["White (not Hispanic or Latino)", "Hispanic or Latino"]), "race"),
    (
        choice("Ethnicity", ["Hispanic or Latino", "Not Hispanic or Latino", "Decline"]),
        "hispanic_latino",
    ),
    (choice("Are you Hispanic/Latino?", YES_NO), "hispanic_latino"),
    (choice("Veteran Status", ["I am not a protected veteran"]), "veteran"),
    (choice("Are you a protected veteran?", YES_NO), "veteran"),
    (choice("Disability Status", ["Yes, I have a disability", "No"]), "disability"),
    (
        choice(
            "Please check one of the boxes below:",
            [
                "Yes, I have a disability, or have had one in the past",
                "No, I do not have a disability",
            ],
            tag="radio",
        ),
        "disability",
    ),
    (choice("Pronouns", ["He/him", "She/her", "They/them"], tag="checkbox"), "pronouns"),
    (choice("Sexual orientation", ["Heterosexual", "Gay", "Bisexual"]), "sexual_orientation"),
    (choice("Do you identify as transgender?", YES_NO), "transgender"),
    (
        choice("Is your gender identity the same as the sex you were assigned at birth?", YES_NO),
        "transgender",
    ),
    # Education
    (text("School"), "education_school"),
    (text("University name"), "education_school"),
    (choice("Degree", ["Bachelor's", "Master's", "PhD"]), "education_degree"),
    (
        choice("What is your highest level of education?", ["High school", "Bachelor's"]),
        "education_degree",
    ),
    (text("Field of study"), "education_field"),
    (text("Major"), "education_field"),
    (text("Graduation date"), "graduation_date"),
    (text("End date year", name="education[end_date][year][]"), "graduation_date"),
    (text("Start date month", name="education[start_date][month][]"), "other_question"),
    (text("Start date", hints="Work Experience"), "other_question"),
    # Agreements
    (box("I agree to the terms and conditions"), "consent"),
    (box("I have read and accept the Privacy Notice"), "consent"),
    (
        box("Yes, Highspot can contact me about future job opportunities for up to 3 years"),
        "consent",
    ),
    (
        choice(
            "Check Yes or No to indicate your agreement to receive text message updates.",
            ["Yes - I consent to receiving text messages", "No - I do not consent"],
            tag="radio",
        ),
        "consent",
    ),
    # Open questions
    (area("Why do you want to work at Acme?"), "free_text"),
    (area("Tell us about a project you are proud of."), "free_text"),
    (area("Additional information"), "free_text"),
    (
        text(
            "It is important to us to create an accessible and inclusive interview experience. "
            "Please let us know if there are any adjustments we can make to assist you."
        ),
        "free_text",
    ),
    # Other questions
    (choice("Are you currently located in Canada?", YES_NO), "other_question"),
    (choice("Have you previously worked at or consulted for GitLab?", YES_NO), "other_question"),
    (
        choice(
            "Are you subject to any employment agreements and/or post-employment restrictions "
            "with your current employer?",
            YES_NO,
        ),
        "other_question",
    ),
    (
        choice("Are you currently based in the San Francisco Bay Area?", YES_NO, tag="checkbox"),
        "other_question",
    ),
    (choice("Do you have a bachelor's degree?", YES_NO, tag="radio"), "other_question"),
    (choice("Are you 18 years of age or older?", YES_NO), "other_question"),
    (choice("What is your citizenship?", ["United States", "Canada"]), "other_question"),
    (
        choice(
            "This position requires you to work from the Seattle office two days a week. "
            "Are you committed to fulfilling this requirement?",
            YES_NO,
            tag="radio",
        ),
        "other_question",
    ),
]


@pytest.mark.parametrize(
    ("field", "expected"),
    WORDINGS,
    ids=[f"{expected}:{field.label[:40]}" for field, expected in WORDINGS],
)
def test_wording_is_read_as_its_type(field, expected):
    assert detect_field_type(field)[0] == expected


def test_the_wordings_cover_at_least_sixty_cases():
    assert len(WORDINGS) >= 60


def test_every_pattern_names_a_type_of_the_vocabulary():
    assert set(FIELD_PATTERNS) <= set(FIELD_TYPES)


def test_a_question_about_sponsorship_that_mentions_location_is_sure_of_sponsorship():
    field = choice(
        "Will you now or in the future require sponsorship for a visa to remain in your "
        "current location?",
        YES_NO,
    )
    field_type, confidence = detect_field_type(field)
    assert (field_type, confidence >= 0.9) == ("sponsorship", True)


def test_a_file_input_is_never_an_email_whatever_its_label():
    assert detect_field_type(upload("Email your resume", id="email"))[0] == "resume"


def test_a_sensitive_type_known_only_from_the_options_is_not_trusted():
    field = choice("Please select", ["I am not a protected veteran", "I am a protected veteran"])
    field_type, confidence = detect_field_type(field)
    assert field_type == "veteran" and confidence < 0.7


def test_a_text_box_named_after_an_eeo_question_is_not_that_question():
    field = text("Date", name="eeo[disabilitySignatureDate]")
    assert detect_field_type(field)[0] != "disability"


def test_a_select_offering_email_or_phone_is_not_an_email_field():
    field = choice("Preferred way to contact you", ["Email", "Phone"])
    assert detect_field_type(field)[0] == "other_question"


def test_a_field_with_nothing_to_read_is_unknown_and_unsure():
    field_type, confidence = detect_field_type(text(""))
    assert field_type == "unknown" and confidence < 0.5


def test_a_name_attribute_alone_is_enough_for_plain_contact_fields():
    field_type, confidence = detect_field_type(text("", name="job_application[first_name]"))
    assert field_type == "first_name" and confidence < 0.9
