"""E-mail the user when an application stops for their review."""

from __future__ import annotations

import logging
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse

from applications.models import Application
from hunter.notifications import absolute_url, send_email
from profiles.models import UserProfile

logger = logging.getLogger(__name__)

# A filled field below this confidence is one the user should look at (the same bar
# the autofill uses to pause an application).
REVIEW_CONFIDENCE = 0.7


def notify_application_needs_review(*, application: Application) -> bool:
    """Tell the owner that `application` waits for their review, with a link to the
    review page and the fields Hunter was unsure of; whether the e-mail was sent."""
    profile = UserProfile.owner()
    address = profile.notification_address if profile else ""
    if not address:
        logger.info("review_email_without_address", extra={"application": str(application.pk)})
        return False
    job = application.job
    # The review page arrives with the applications pages; its path is fixed already.
    review_url = absolute_url(f"/applications/{application.pk}/")
    subject = f"Review your application: {job.title}" + (
        f" at {job.company}" if job.company else ""
    )
    context = {
        "subject": subject,
        "application": application,
        "job": job,
        "review_url": review_url,
        # Scraped text: only a web address becomes a link.
        "posting_url": job.url if job.url.startswith(("https://", "http://")) else "",
        "uncertain_fields": uncertain_fields(application.form_fields),
        "settings_url": absolute_url(reverse("profiles:edit") + "#notifications"),
    }
    return send_email(
        to=[address],
        subject=subject,
        text=render_to_string("applications/email/needs_review.txt", context),
        html=render_to_string("applications/email/needs_review.html", context),
    )


def uncertain_fields(form_fields: Any) -> list[dict[str, Any]]:
    """The detected fields filled with a confidence below REVIEW_CONFIDENCE, as
    {label, value, confidence (a whole percent)}. Tolerates whatever the JSON holds:
    entries that are not objects, or lack a label, value or usable confidence."""
    uncertain = []
    for field in form_fields if isinstance(form_fields, list) else []:
        if not isinstance(field, dict):
            continue
        try:
            confidence = float(field.get("confidence"))
        except (TypeError, ValueError):
            continue
        if confidence >= REVIEW_CONFIDENCE:
            continue
        label = field.get("label") or field.get("name") or field.get("type") or "Unnamed field"
        uncertain.append(
            {
                "label": str(label),
                "value": _shown(field.get("value")),
                "confidence": round(confidence * 100),
            }
        )
    return uncertain


def _shown(value: Any) -> str:
    """A filled value as the user would read it; empty when nothing was filled."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)
