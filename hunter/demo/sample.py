"""What the demo is made of: its boards, its profile and the application forms it shows.

Companies are fictional (jobs.corpus); the URLs have the shapes the real services use,
so that the boards read as the scrapers would have configured them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from applications.autofill import FormField


@dataclass(frozen=True)
class SampleBoard:
    name: str
    url: str
    scraper_config: dict
    # A careers page lists one company's jobs; a feed lists many ("" = many).
    company: str
    locations: tuple[str, ...]
    jobs: int
    job_url: str  # formatted with number, uuid, code and slug
    scan_interval_minutes: int = 360
    keyword_filters: tuple[str, ...] = ()
    # The error of its latest scans; empty when they succeed.
    error: str = ""
    failed_scans: int = 0


BOARDS = [
    SampleBoard(
        name="Northwind Health",
        url="https://boards.greenhouse.io/northwindhealth",
        scraper_config={"type": "greenhouse", "board_token": "northwindhealth"},
        company="Northwind Health",
        locations=("New York, NY", "Remote - US", "Austin, TX", "Berlin, Germany"),
        jobs=70,
        job_url="https://boards.greenhouse.io/northwindhealth/jobs/{number}",
    ),
    SampleBoard(
        name="Globex Systems",
        url="https://jobs.lever.co/globexsystems",
        scraper_config={"type": "lever", "site": "globexsystems"},
        company="Globex Systems",
        locations=("London, UK", "Berlin, Germany", "Remote (Europe)", "Amsterdam, Netherlands"),
        jobs=60,
        job_url="https://jobs.lever.co/globexsystems/{uuid}",
    ),
    SampleBoard(
        name="Hooli",
        url="https://jobs.ashbyhq.com/hooli",
        scraper_config={"type": "ashby", "board": "hooli"},
        company="Hooli Inc",
        locations=("San Francisco, CA", "Hybrid - Seattle, WA", "Remote - US", "Toronto, Canada"),
        jobs=50,
        job_url="https://jobs.ashbyhq.com/hooli/{uuid}",
        scan_interval_minutes=720,
    ),
    SampleBoard(
        name="Initech",
        url="https://apply.workable.com/initech/",
        scraper_config={"type": "workable", "account": "initech"},
        company="Initech Analytics",
        locations=("Austin, TX", "Remote", "Paris, France"),
        jobs=40,
        job_url="https://apply.workable.com/initech/j/{code}/",
        error=(
            "GET https://apply.workable.com/api/v1/widget/accounts/initech?details=true "
            "answered 503 Service Unavailable (after 4 attempts)"
        ),
        failed_scans=2,
    ),
    SampleBoard(
        name="We Work Remotely: Programming",
        url="https://weworkremotely.com/categories/remote-programming-jobs.rss",
        scraper_config={"type": "rss"},
        company="",
        locations=("Remote", "Remote - US", "Remote (Europe)", "Anywhere"),
        jobs=80,
        job_url="https://weworkremotely.com/remote-jobs/{slug}",
        scan_interval_minutes=120,
        keyword_filters=("Python", "Go", "PostgreSQL", "Kubernetes", "backend"),
    ),
]

# Pay as postings write it, by the currency of the place: (low, high) in thousands.
PAY_FORMATS = {
    "USD": ("${low},000 - ${high},000", "${low}K–${high}K", "USD {low},000–{high},000/yr"),
    "GBP": ("£{low},000 - £{high},000 per annum", "£{low}k–£{high}k"),
    "EUR": ("€{low}.000 - €{high}.000", "€{low}k–€{high}k"),
    "CAD": ("CA${low},000 – CA${high},000",),
}
CURRENCY_OF_PLACE = {"London": "GBP", "Berlin": "EUR", "Amsterdam": "EUR", "Paris": "EUR",
                     "Europe": "EUR", "Toronto": "CAD"}  # fmt: skip
# The lowest yearly minimum and how far above it minimums go, in thousands.
PAY_RANGES = {"USD": (110, 70), "CAD": (95, 40), "GBP": (55, 40), "EUR": (45, 45)}
HOURLY_PAY = ("${rate}/hr", "${rate} per hour")

# The profile Hunter scores for. On a profile that exists, only blank fields get these.
PROFILE = {
    "first_name": "Maya",
    "last_name": "Okafor",
    "pronouns": "she/her",
    "email": "maya.okafor@example.com",
    "phone": "+4915123456789",
    "address": "Oranienstraße 25",
    "city": "Berlin",
    "postal_code": "10999",
    "country": "DE",
    "current_location": "Berlin, Germany",
    "linkedin_url": "https://www.linkedin.com/in/maya-okafor",
    "github_url": "https://github.com/mayaokafor",
    "website_url": "https://mayaokafor.dev",
    "current_company": "Vandelay Analytics",
    "current_title": "Senior Software Engineer",
    "years_experience": 8,
    "notice_period": "4 weeks",
    "authorized_countries": ["AT", "DE", "ES", "FR", "IE", "NL"],
    "needs_sponsorship": False,
    "willing_to_relocate": True,
    "gender": "female",
    "race_ethnicity": "decline",
    "hispanic_latino": "decline",
    "veteran_status": "no",
    "disability_status": "decline",
    "desired_titles": ["Backend Engineer", "Senior Software Engineer", "Platform Engineer"],
    "preferred_locations": ["Berlin, Germany", "Remote (Europe)", "Amsterdam, Netherlands"],
    "min_salary": 70000,
    "keywords": ["Python", "Django", "PostgreSQL"],
}
# Set only on a profile the demo creates: an existing one's are the user's choices.
NEW_PROFILE_ONLY = {"salary_currency": "EUR", "remote_preference": "any"}
PREFERENCE_FIELDS = frozenset(
    {"desired_titles", "preferred_locations", "remote_preference", "keywords", "min_salary",
     "salary_currency", "authorized_countries"}
)  # fmt: skip

ANSWERS = [
    ("salary_expectation", ["What are your salary expectations?", "Desired salary"],
     "Around €80,000 a year, depending on the whole package."),
    ("how_heard", ["How did you hear about us?", "How did you hear about this job?"],
     "I found the role on your careers page."),
    ("why_company",
     ["Why do you want to work at {company}?", "Why are you interested in this role?"],
     "I have followed {company} for a while and like how the team writes about its engineering. "
     "The {title} role is close to what I do best: building and running reliable backend "
     "services in Python and PostgreSQL."),
    ("other", ["Are you able to work from our office two days a week?"],
     "Yes, when the office is in Berlin; otherwise I work remotely."),
]  # fmt: skip
EDUCATION = [
    ("Technische Universität Berlin", "M.Sc.", "Computer Science", date(2014, 10, 1),
     date(2016, 9, 30)),
    ("University of Lagos", "B.Sc.", "Computer Science", date(2009, 9, 1), date(2013, 7, 31)),
]  # fmt: skip
EXPERIENCE = [
    ("Vandelay Analytics", "Senior Software Engineer", "Berlin, Germany", date(2021, 3, 1), None,
     "Lead the team behind the reporting API: Django, PostgreSQL and Celery on AWS. Cut the "
     "p95 latency of the main endpoints from 900 to 120 ms."),
    ("Wayne Systems", "Backend Developer", "Berlin, Germany", date(2017, 1, 1), date(2021, 2, 28),
     "Built the billing services in Python and Go; moved deployments to Kubernetes."),
    ("Soylent Labs", "Software Engineering Intern", "Lagos, Nigeria", date(2012, 6, 1),
     date(2012, 12, 31), "Wrote internal tools for the data team."),
]  # fmt: skip


@dataclass(frozen=True)
class SampleQuestion:
    label: str
    name: str
    tag: str = "input"
    input_type: str = "text"
    required: bool = False
    options: tuple[str, ...] = field(default_factory=tuple)

    def form_field(self, company: str) -> FormField:
        return FormField(
            frame=0,
            selector=f'[name="{self.name}"]',
            id=self.name,
            name=self.name,
            tag=self.tag,
            input_type=self.input_type,
            label=self.label.format(company=company),
            required=self.required,
            options=list(self.options),
        )


_YES_NO = ("Yes", "No")
# A full ATS form: the questions Greenhouse and Lever forms ask most.
FULL_FORM = (
    SampleQuestion("First Name", "first_name", required=True),
    SampleQuestion("Last Name", "last_name", required=True),
    SampleQuestion("Email", "email", input_type="email", required=True),
    SampleQuestion("Phone", "phone", input_type="tel", required=True),
    SampleQuestion("Resume/CV", "resume", tag="file", input_type="file", required=True),
    SampleQuestion("LinkedIn Profile", "linkedin", input_type="url"),
    SampleQuestion("Website", "website", input_type="url"),
    SampleQuestion(
        "Are you legally authorized to work in the country where this job is located?",
        "work_authorization", tag="select", required=True, options=_YES_NO,
    ),
    SampleQuestion(
        "Will you now or in the future require sponsorship for employment visa status?",
        "sponsorship", tag="select", required=True, options=_YES_NO,
    ),
    SampleQuestion("What are your salary expectations?", "salary", required=True),
    SampleQuestion("How did you hear about this job?", "how_heard"),
    SampleQuestion("Why do you want to work at {company}?", "why_company", tag="textarea",
                   input_type="", required=True),
    SampleQuestion("Gender", "gender", tag="select",
                   options=("Male", "Female", "Decline To Self Identify")),
    SampleQuestion("Veteran Status", "veteran_status", tag="select",
                   options=("I am not a protected veteran",
                            "I identify as one or more of the classifications of protected veteran",
                            "I don't wish to answer")),
)  # fmt: skip
# A quick-apply form: nothing Hunter cannot answer from the profile alone.
SHORT_FORM = (
    SampleQuestion("Full name", "name", required=True),
    SampleQuestion("Email", "email", input_type="email", required=True),
    SampleQuestion("Phone number", "phone", input_type="tel"),
    SampleQuestion("LinkedIn URL", "urls[LinkedIn]", input_type="url"),
    SampleQuestion("GitHub URL", "urls[GitHub]", input_type="url"),
    SampleQuestion("Current company", "org"),
    SampleQuestion("Current location", "location", required=True),
)

# The applications, oldest first: (status, days ago it started, its form, how it went).
# Each ends in its status after the log a real run writes; "retry" applies again to the
# job of the failure before it, "dry run" fills and checks without sending.
APPLICATIONS = [
    ("submitted", 29, FULL_FORM, ""),
    ("submitted", 27, SHORT_FORM, ""),
    ("submitted", 25, FULL_FORM, ""),
    ("failed", 24, FULL_FORM, "Could not prepare the application: Timeout 30000ms exceeded "
     "while loading {url}"),
    ("submitted", 22, FULL_FORM, ""),
    ("cancelled", 21, FULL_FORM, "Cancelled by you."),
    ("submitted", 19, SHORT_FORM, ""),
    ("submitted", 17, FULL_FORM, ""),
    ("failed", 15, FULL_FORM, "Submitted, but the page did not confirm it: Please complete "
     "the security check."),
    ("submitted", 14, FULL_FORM, ""),
    ("submitted", 12, FULL_FORM, ""),
    ("cancelled", 11, FULL_FORM, "dry run"),
    ("submitted", 9, SHORT_FORM, ""),
    ("submitted", 8, FULL_FORM, ""),
    ("failed", 6, FULL_FORM, "The browser task stopped without finishing."),
    ("submitted", 5, FULL_FORM, "retry"),
    ("cancelled", 4, FULL_FORM, "Cancelled by you."),
    ("submitted", 3, FULL_FORM, ""),
    ("needs_review", 3, FULL_FORM, "recaptcha"),
    ("needs_review", 2, FULL_FORM, ""),
    ("ready_to_submit", 2, FULL_FORM, ""),
    ("needs_review", 1, FULL_FORM, ""),
    ("ready_to_submit", 1, FULL_FORM, ""),
    ("needs_review", 0, FULL_FORM, ""),
    ("in_progress", 0, FULL_FORM, ""),
    ("pending", 0, FULL_FORM, ""),
]  # fmt: skip
# What the user typed in review where Hunter had no answer, by the field's name.
TYPED_IN_REVIEW = {"salary": "€80,000", "why_company": "Your product is one I use every day."}
CONFIRMATIONS = (
    "Thank you for applying! We will review your application and be in touch.",
    "Application submitted. Thanks for your interest!",
    "Your application has been received.",
)
