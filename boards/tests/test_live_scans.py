"""Scans announce themselves to the owner's open pages, and to nobody else's."""

from __future__ import annotations

import asyncio
import os

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.db import connection
from django.test import Client
from django_q.tasks import async_task

from boards.scanning import scan_board
from boards.tests.factories import JobBoardFactory
from boards.tests.fake_site import Reply, fixture_reply
from hunter.asgi import application
from hunter.testing import live_database_url, stop_process_tree
from profiles.models import UserProfile

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("fresh_channel_layer"),
]

API_PATH = "/v1/boards/acme/jobs"


def _session_cookie(user) -> bytes:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}".encode()


def _socket(cookie: bytes) -> WebsocketCommunicator:
    headers = [(b"origin", b"http://localhost"), (b"cookie", cookie)]
    return WebsocketCommunicator(application, "/ws/", headers=headers)


def _in_thread(function, *args, **kwargs):
    """Run Django code in a worker thread, closing the thread's database connection
    after, so that the test database can be dropped at the end."""
    try:
        return function(*args, **kwargs)
    finally:
        connection.close()


def _acme(fake_site):
    url = fake_site.route(API_PATH, fixture_reply("greenhouse/jobs.json"))
    return JobBoardFactory(name="Acme", url=url)


async def _receive_until(socket: WebsocketCommunicator, text: str, timeout: float) -> str:
    """The first message that contains `text`, skipping earlier ones."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        message = await socket.receive_from(timeout=max(0.1, deadline - loop.time()))
        if text in message:
            return message


@pytest.fixture
def owner(user):
    UserProfile.for_user(user)
    return user


def test_the_owner_sees_a_scan_start_and_finish(owner, fake_site, http_client):
    board = JobBoardFactory(
        name="Acme", url=fake_site.route(API_PATH, fixture_reply("greenhouse/jobs.json"))
    )

    cookie = _session_cookie(owner)

    async def scenario():
        socket = _socket(cookie)
        assert (await socket.connect())[0]
        await asyncio.to_thread(_in_thread, scan_board, board=board, client=http_client)
        started = await socket.receive_from(timeout=5)
        assert f'id="board-{board.pk}" hx-swap-oob="true"' in started and "Scanning" in started
        finished = await socket.receive_from(timeout=5)
        assert "Success" in finished
        assert 'id="new-jobs-banner"' in finished and "2 new jobs" in finished
        assert 'id="dashboard-refresh"' in finished
        await socket.disconnect()

    async_to_sync(scenario)()


def test_a_failed_scan_says_why_in_a_toast(owner, fake_site, http_client):
    board = JobBoardFactory(
        name="Broken", url=fake_site.route("/x", Reply(status=404, body="gone"))
    )

    cookie = _session_cookie(owner)

    async def scenario():
        socket = _socket(cookie)
        assert (await socket.connect())[0]
        await asyncio.to_thread(_in_thread, scan_board, board=board, client=http_client)
        failed = await _receive_until(socket, "Failed", timeout=5)
        assert "Scan of Broken failed" in failed and "404" in failed
        await socket.disconnect()

    async_to_sync(scenario)()


def test_new_matches_are_announced_in_a_toast(owner, fake_site, http_client):
    profile = UserProfile.for_user(owner)
    profile.notify_threshold = 0
    profile.save()
    board = JobBoardFactory(
        name="Acme", url=fake_site.route(API_PATH, fixture_reply("greenhouse/jobs.json"))
    )

    cookie = _session_cookie(owner)

    async def scenario():
        socket = _socket(cookie)
        assert (await socket.connect())[0]
        await asyncio.to_thread(_in_thread, scan_board, board=board, client=http_client)
        finished = await _receive_until(socket, "Success", timeout=5)
        assert "2 new jobs from Acme match your profile" in finished
        await socket.disconnect()

    async_to_sync(scenario)()


def test_a_scan_in_a_django_q2_worker_reaches_the_owner_and_no_one_else(
    owner, django_user_model, fake_site, settings
):
    """The whole path: the task runs in a real worker process, which publishes through
    Redis to the web process's socket."""
    other = django_user_model.objects.create_user("bo", password="another-password-2")
    board = JobBoardFactory(
        name="Acme", url=fake_site.route(API_PATH, fixture_reply("greenhouse/jobs.json"))
    )
    worker = _start_worker(live_database_url())

    my_cookie, their_cookie = _session_cookie(owner), _session_cookie(other)

    async def scenario():
        mine, theirs = _socket(my_cookie), _socket(their_cookie)
        assert (await mine.connect())[0] and (await theirs.connect())[0]
        await asyncio.to_thread(
            _in_thread, async_task, "boards.tasks.scan_board_task", str(board.pk)
        )
        finished = await _receive_until(mine, "Success", timeout=60)
        assert f'id="board-{board.pk}"' in finished
        assert await theirs.receive_nothing(timeout=0.5)
        await mine.disconnect()
        await theirs.disconnect()

    try:
        async_to_sync(scenario)()
    finally:
        stop_process_tree(worker)


def _start_worker(database_url: str):
    import subprocess
    import sys

    from django.conf import settings

    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
