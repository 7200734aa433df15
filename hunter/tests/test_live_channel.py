from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.conf import settings

from hunter.asgi import application
from hunter.live import push_event

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("fresh_channel_layer"),
]

ORIGIN = (b"origin", b"http://localhost")


def _socket_for(client=None) -> WebsocketCommunicator:
    headers = [ORIGIN]
    if client is not None:
        headers.append((b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()))
    return WebsocketCommunicator(application, "/ws/", headers=headers)


def _push_from_another_process(*, user_id: int, html: str) -> None:
    script = textwrap.dedent(
        f"""
        import django
        django.setup()
        from hunter.live import push_event
        push_event(event="test", html={html!r}, user_id={user_id!r})
        """
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hunter.settings"}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, cwd=settings.BASE_DIR)


def test_anonymous_socket_is_refused():
    async def scenario():
        socket = _socket_for()
        connected, _ = await socket.connect()
        assert not connected

    async_to_sync(scenario)()


def test_socket_from_a_foreign_origin_is_refused(logged_in_client):
    async def scenario():
        socket = _socket_for(logged_in_client)
        socket.scope["headers"] = [
            (b"origin", b"https://evil.example"),
            *[h for h in socket.scope["headers"] if h[0] != b"origin"],
        ]
        connected, _ = await socket.connect()
        assert not connected

    async_to_sync(scenario)()


def test_logged_in_socket_receives_an_event_pushed_from_another_process(logged_in_client, user):
    html = '<span id="board-1-status" hx-swap-oob="true">running</span>'

    async def scenario():
        socket = _socket_for(logged_in_client)
        connected, _ = await socket.connect()
        assert connected
        await asyncio.to_thread(_push_from_another_process, user_id=user.pk, html=html)
        assert await socket.receive_from(timeout=10) == html
        await socket.disconnect()

    async_to_sync(scenario)()


def test_event_for_everyone_reaches_a_socket_pushed_from_another_thread(logged_in_client):
    async def scenario():
        socket = _socket_for(logged_in_client)
        assert (await socket.connect())[0]
        await asyncio.to_thread(push_event, event="scan", html="<p id='x'>done</p>")
        assert await socket.receive_from(timeout=5) == "<p id='x'>done</p>"
        await socket.disconnect()

    async_to_sync(scenario)()


def test_event_for_one_user_never_reaches_another(client, django_user_model, user):
    other = django_user_model.objects.create_user(username="bo", password="another-password-2")
    client.force_login(other)

    async def scenario():
        socket = _socket_for(client)
        assert (await socket.connect())[0]
        await asyncio.to_thread(push_event, event="private", html="<p>for ana</p>", user_id=user.pk)
        await asyncio.to_thread(push_event, event="private", html="<p>for bo</p>", user_id=other.pk)
        # Events arrive in order, so had ana's reached bo it would come first.
        assert await socket.receive_from(timeout=5) == "<p>for bo</p>"
        assert await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()

    async_to_sync(scenario)()


def test_an_idle_socket_still_receives_events(logged_in_client):
    """channels-redis waits 5 s per blocking read: a socket idle longer must survive it."""

    async def scenario():
        socket = _socket_for(logged_in_client)
        assert (await socket.connect())[0]
        await asyncio.sleep(6.5)
        await asyncio.to_thread(push_event, event="late", html="<p id='late'>still here</p>")
        assert await socket.receive_from(timeout=5) == "<p id='late'>still here</p>"
        await socket.disconnect()

    async_to_sync(scenario)()
