from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.db import connection
from django.test import Client

from applications.events import announce_application
from applications.models import Application
from hunter.asgi import application as asgi_application
from jobs.tests.factories import JobFactory
from profiles.models import UserProfile

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("fresh_channel_layer"),
]


def _announce(application: Application) -> None:
    try:
        announce_application(application)
    finally:
        connection.close()


def test_an_application_waiting_for_review_updates_its_badge_and_raises_a_toast(user):
    UserProfile.for_user(user)
    job = JobFactory(title="Data Engineer", company="Acme")
    application = Application.objects.create(job=job, status=Application.Status.NEEDS_REVIEW)
    client = Client()
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()

    async def scenario():
        socket = WebsocketCommunicator(
            asgi_application,
            "/ws/",
            headers=[(b"origin", b"http://localhost"), (b"cookie", cookie)],
        )
        assert (await socket.connect())[0]
        await asyncio.to_thread(_announce, application)
        html = await socket.receive_from(timeout=5)
        assert f'id="application-{application.pk}-status"' in html and 'hx-swap-oob="true"' in html
        assert "Needs review" in html
        assert "Your application to Data Engineer at Acme needs your review" in html
        await socket.disconnect()

    async_to_sync(scenario)()


def test_the_applications_page_shows_the_same_badge(logged_in_client):
    application = Application.objects.create(job=JobFactory(), status=Application.Status.SUBMITTED)
    response = logged_in_client.get("/applications/")
    assert f'id="application-{application.pk}-status"' in response.text
    assert "Submitted" in response.text
