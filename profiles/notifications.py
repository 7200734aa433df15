"""The profile's own e-mail: a test message that shows the mail settings work."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse

from hunter.notifications import absolute_url, deliver_email
from profiles.models import UserProfile


def send_test_email(*, profile: UserProfile) -> str:
    """A short message to the profile's notification address; returns what went wrong,
    empty when it was sent.

    One attempt, no retries: the user waits on the page for the answer (and the error,
    which the retrying `send_email` would keep to the log) and can press again.
    """
    address = profile.notification_address
    if not address:
        return "there is no address to send to"
    context = {
        "profile": profile,
        "address": address,
        "settings_url": absolute_url(reverse("profiles:edit") + "#notifications"),
    }
    return deliver_email(
        to=[address],
        subject="Hunter test e-mail",
        text=render_to_string("profiles/email/test.txt", context),
        html=render_to_string("profiles/email/test.html", context),
    )
