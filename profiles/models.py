from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django_countries.fields import CountryField

DECLINE = "decline"


class UserProfile(models.Model):
    """Everything an application form asks, and what the user is looking for."""

    class RemotePreference(models.TextChoices):
        ANY = "any", "Any"
        REMOTE = "remote", "Remote only"
        HYBRID = "hybrid", "Hybrid"
        ONSITE = "onsite", "On-site"

    class Gender(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        NON_BINARY = "non_binary", "Non-binary"
        DECLINE = DECLINE, "Decline to answer"

    class YesNoDecline(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        DECLINE = DECLINE, "Decline to answer"

    class Race(models.TextChoices):
        # The categories of the US EEO-1 form, which most application forms use.
        AMERICAN_INDIAN = "american_indian", "American Indian or Alaska Native"
        ASIAN = "asian", "Asian"
        BLACK = "black", "Black or African American"
        HISPANIC = "hispanic", "Hispanic or Latino"
        PACIFIC_ISLANDER = "pacific_islander", "Native Hawaiian or Other Pacific Islander"
        WHITE = "white", "White"
        TWO_OR_MORE = "two_or_more", "Two or more races"
        DECLINE = DECLINE, "Decline to answer"

    class Veteran(models.TextChoices):
        NOT_VETERAN = "no", "I am not a protected veteran"
        PROTECTED = "yes", "I identify as a protected veteran"
        DECLINE = DECLINE, "Decline to answer"

    class SexualOrientation(models.TextChoices):
        HETEROSEXUAL = "heterosexual", "Heterosexual"
        GAY_LESBIAN = "gay_lesbian", "Gay or lesbian"
        BISEXUAL = "bisexual", "Bisexual"
        OTHER = "other", "Another orientation"
        DECLINE = DECLINE, "Decline to answer"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )

    # Personal
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    preferred_name = models.CharField(max_length=100, blank=True)
    pronouns = models.CharField(max_length=50, blank=True)

    # Contact
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True, help_text="Stored as +<country><number>.")
    address = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = CountryField(blank=True)
    current_location = models.CharField(
        max_length=200,
        blank=True,
        help_text='Where you live now, as forms ask it: "Berlin, Germany".',
    )

    # Links
    linkedin_url = models.URLField("LinkedIn", blank=True)
    github_url = models.URLField("GitHub", blank=True)
    twitter_url = models.URLField("X / Twitter", blank=True)
    website_url = models.URLField("Website or portfolio", blank=True)
    other_links = models.JSONField(default=list, blank=True)

    # Work
    current_company = models.CharField(max_length=200, blank=True)
    current_title = models.CharField(max_length=200, blank=True)
    years_experience = models.PositiveSmallIntegerField(null=True, blank=True)
    notice_period = models.CharField(
        max_length=100, blank=True, help_text='As you would say it: "4 weeks", "immediately".'
    )
    earliest_start_date = models.DateField(null=True, blank=True)

    # Work authorisation
    authorized_countries = CountryField(
        multiple=True, blank=True, help_text="Where you may work without a visa."
    )
    needs_sponsorship = models.BooleanField(null=True, blank=True)
    willing_to_relocate = models.BooleanField(null=True, blank=True)

    # Voluntary self-identification (EEO); blank means not answered yet.
    gender = models.CharField(max_length=20, choices=Gender, blank=True)
    race_ethnicity = models.CharField(max_length=20, choices=Race, blank=True)
    hispanic_latino = models.CharField(max_length=10, choices=YesNoDecline, blank=True)
    veteran_status = models.CharField(max_length=10, choices=Veteran, blank=True)
    disability_status = models.CharField(max_length=10, choices=YesNoDecline, blank=True)
    sexual_orientation = models.CharField(max_length=20, choices=SexualOrientation, blank=True)
    transgender = models.CharField(max_length=10, choices=YesNoDecline, blank=True)

    # Resume
    resume = models.FileField(upload_to="resumes/", blank=True)
    resume_name = models.CharField(max_length=255, blank=True, help_text="As uploaded.")
    resume_content_type = models.CharField(max_length=100, blank=True)
    resume_text = models.TextField(blank=True)
    resume_uploaded_at = models.DateTimeField(null=True, blank=True)

    # What the user is looking for
    desired_titles = models.JSONField(default=list, blank=True)
    preferred_locations = models.JSONField(default=list, blank=True)
    remote_preference = models.CharField(
        max_length=10, choices=RemotePreference, default=RemotePreference.ANY
    )
    min_salary = models.PositiveIntegerField(
        null=True, blank=True, help_text="A year's pay; jobs known to pay less are marked."
    )
    salary_currency = models.CharField(max_length=3, default="USD")
    keywords = models.JSONField(default=list, blank=True)

    # Notifications
    notify_threshold = models.PositiveSmallIntegerField(
        "E-mail new jobs scoring at least",
        default=70,
        help_text="A match score from 0 to 100.",
    )
    notify_email = models.EmailField(
        "Send notifications to",
        blank=True,
        help_text="Empty: your contact e-mail.",
    )
    digest_interval_minutes = models.PositiveIntegerField(
        "At most one new-jobs e-mail every (minutes)",
        default=60,
        validators=[MinValueValidator(5)],
        help_text="New matches found in between are gathered into one e-mail.",
    )
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @classmethod
    def for_user(cls, user: object) -> UserProfile:
        """The user's profile, created on first use. Safe under concurrent first requests:
        the unique user column makes the loser of a race fetch the winner's row."""
        profile, _ = cls.objects.get_or_create(user=user)
        return profile

    @classmethod
    def owner(cls) -> UserProfile | None:
        """The profile jobs are scored for: Hunter serves one person, whose profile is
        the first one created; None until it exists."""
        return cls.objects.order_by("created_at").first()

    @classmethod
    def owner_user_id(cls) -> object | None:
        """Whose pages hear about scans: the owner's, or before any profile exists, the
        first administrator's."""
        if profile := cls.owner():
            return profile.user_id
        from django.contrib.auth import get_user_model

        return (
            get_user_model()
            .objects.filter(is_superuser=True)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def notification_address(self) -> str:
        """Where e-mails go: the address set for them, else the contact e-mail, else the
        HUNTER_NOTIFY_EMAIL setting; empty when there is none (then nothing is sent)."""
        return self.notify_email or self.email or settings.HUNTER_NOTIFY_EMAIL

    def digest_is_due(self, *, now: datetime) -> bool:
        """Whether a new-jobs e-mail may go out now, at most one per interval."""
        if self.last_digest_at is None:
            return True
        return now - self.last_digest_at >= timedelta(minutes=self.digest_interval_minutes)


class Answer(models.Model):
    """A reusable answer to a question application forms keep asking."""

    class Kind(models.TextChoices):
        SALARY = "salary_expectation", "Salary expectation"
        HOW_HEARD = "how_heard", "How did you hear about us"
        WHY_COMPANY = "why_company", "Why this company"
        COVER_LETTER = "cover_letter", "Cover letter"
        OTHER = "other", "Other question"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    profile = models.ForeignKey(UserProfile, on_delete=models.CASCADE, related_name="answers")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    questions = models.JSONField(
        default=list, help_text="The wordings of the question this answers, one per line."
    )
    text = models.TextField(
        help_text="The answer. {company} and {title} are replaced by the job's when used."
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "kind"]

    def __str__(self) -> str:
        return self.questions[0] if self.questions else self.get_kind_display()


class Education(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    profile = models.ForeignKey(UserProfile, on_delete=models.CASCADE, related_name="education")
    school = models.CharField(max_length=200)
    degree = models.CharField(max_length=200, blank=True)
    field_of_study = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "-end_date"]
        verbose_name_plural = "education"
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="education_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return " — ".join(part for part in (self.degree, self.school) if part)


class WorkExperience(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    profile = models.ForeignKey(UserProfile, on_delete=models.CASCADE, related_name="experience")
    company = models.CharField(max_length=200)
    title = models.CharField(max_length=200)
    location = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True, help_text="Empty while current.")
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "-start_date"]
        verbose_name_plural = "work experience"
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="experience_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.company}"

    @property
    def is_current(self) -> bool:
        return self.end_date is None
