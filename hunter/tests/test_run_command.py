from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import quote

import psutil
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _url_of(database: dict) -> str:
    """The URL of the test database, which `run` is pointed at instead of the real one."""
    credentials = f"{quote(database['USER'])}:{quote(database['PASSWORD'])}"
    if database["HOST"].startswith("/"):
        return f"postgresql://{credentials}@/{database['NAME']}?host={database['HOST']}"
    return (
        f"postgresql://{credentials}@{database['HOST']}:{database['PORT'] or 5432}"
        f"/{database['NAME']}"
    )


def _wait_for_http(url: str, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def test_run_serves_the_site_then_stops_everything_on_sigterm():
    """`manage.py run` (what `make run` calls) on the test database: it migrates, creates
    the login, serves HTTP with the task cluster beside it, and leaves nothing behind."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": _url_of(connection.settings_dict),
        "HUNTER_USERNAME": "owner",
        "HUNTER_PASSWORD": "an-owner-password-3",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run", "--port", str(port)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        status = _wait_for_http(f"http://127.0.0.1:{port}/login/", timeout=60)
        children = psutil.Process(process.pid).children(recursive=True)
        assert status == 200
        assert get_user_model().objects.filter(username="owner", is_superuser=True).exists()
        assert any("qcluster" in " ".join(child.cmdline()) for child in children)
        assert any("uvicorn" in " ".join(child.cmdline()) for child in children)

        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, output
    assert "Hunter stopped." in output
    assert not [child for child in children if child.is_running()]
