from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

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
    phone = models.CharField(max_length=30, blank=True)
    address = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=100, blank=True)
    current_location = models.CharField(max_length=200, blank=True)

    # Links
    linkedin_url = models.URLField("LinkedIn", blank=True)
    github_url = models.URLField("GitHub", blank=True)
    website_url = models.URLField("Website or portfolio", blank=True)
    other_links = models.JSONField(default=list, blank=True)

    # Work
    current_company = models.CharField(max_length=200, blank=True)
    current_title = models.CharField(max_length=200, blank=True)
    years_experience = models.PositiveSmallIntegerField(null=True, blank=True)
    notice_period = models.CharField(max_length=100, blank=True)

    # Work authorisation
    authorized_countries = models.JSONField(default=list, blank=True)
    needs_sponsorship = models.BooleanField(null=True, blank=True)
    willing_to_relocate = models.BooleanField(null=True, blank=True)

    # Voluntary self-identification (EEO); blank means not answered yet.
    gender = models.CharField(max_length=20, choices=Gender, blank=True)
    race_ethnicity = models.CharField(max_length=100, blank=True)
    hispanic_latino = models.CharField(max_length=10, choices=YesNoDecline, blank=True)
    veteran_status = models.CharField(max_length=10, choices=YesNoDecline, blank=True)
    disability_status = models.CharField(max_length=10, choices=YesNoDecline, blank=True)

    # Resume
    resume = models.FileField(upload_to="resumes/", blank=True)
    resume_text = models.TextField(blank=True)

    # What the user is looking for
    desired_titles = models.JSONField(default=list, blank=True)
    preferred_locations = models.JSONField(default=list, blank=True)
    remote_preference = models.CharField(
        max_length=10, choices=RemotePreference, default=RemotePreference.ANY
    )
    min_salary = models.PositiveIntegerField(null=True, blank=True)
    salary_currency = models.CharField(max_length=3, default="USD")
    keywords = models.JSONField(default=list, blank=True)
    notify_threshold = models.PositiveSmallIntegerField(
        default=70, help_text="New jobs scoring at least this are e-mailed."
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Profile of {self.user}"


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
