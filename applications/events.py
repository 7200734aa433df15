"""Live events about applications, for the owner's open pages."""

from __future__ import annotations

from django.template.loader import render_to_string

from applications.models import Application
from hunter.live import push_event
from profiles.models import UserProfile


def announce_application(application: Application) -> None:
    """Push an application's new status: its badge wherever it is shown, the dashboard's
    counters, and a toast with a link when it waits for the user's review."""
    user_id = UserProfile.owner_user_id()
    if user_id is None:
        return
    html = render_to_string(
        "applications/_status_event.html", {"application": application, "oob": True}
    )
    push_event(event=f"application.{application.status}", html=html, user_id=user_id)
