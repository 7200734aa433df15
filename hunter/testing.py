"""Helpers for tests that start Hunter's processes (a worker, the web server)."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from urllib.parse import quote

import psutil
from django.db import connection


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def live_database_url() -> str:
    """The URL of the test database, for processes the tests start (a worker, the site)."""
    return database_url(connection.settings_dict)


def database_url(database: dict) -> str:
    """A postgresql:// URL for a Django database settings dict."""
    credentials = f"{quote(database['USER'] or '')}:{quote(database['PASSWORD'] or '')}"
    host = database["HOST"] or "127.0.0.1"
    if host.startswith("/"):
        return f"postgresql://{credentials}@/{database['NAME']}?host={host}"
    port = database["PORT"] or 5432
    return f"postgresql://{credentials}@{host}:{port}/{database['NAME']}"


def wait_for_http(url: str, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def stop_process_tree(process: subprocess.Popen) -> None:
    """SIGTERM a process Hunter's tests started and wait for all it started in turn:
    they hold connections to the test database, which is dropped after the tests."""
    try:
        children = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    if process.poll() is None:
        process.terminate()
    try:
        process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
    _, alive = psutil.wait_procs(children, timeout=15)
    for child in alive:
        child.kill()
    _wait_for_other_sessions_to_end()


def _wait_for_other_sessions_to_end(timeout: float = 10) -> None:
    """A server process outlives its client by a moment; let it go before the test
    database is dropped."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.1)
