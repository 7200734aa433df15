from __future__ import annotations

import os
import signal
import subprocess
import sys

import psutil
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from hunter.testing import free_port, live_database_url, stop_process_tree, wait_for_http

pytestmark = pytest.mark.django_db(transaction=True)


def test_run_serves_the_site_then_stops_everything_on_sigterm():
    """`manage.py run` (what `make run` calls) on the test database: it migrates, creates
    the login, serves HTTP with the task cluster beside it, and leaves nothing behind."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": live_database_url(),
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
        status = wait_for_http(f"http://127.0.0.1:{port}/login/", timeout=60)
        children = psutil.Process(process.pid).children(recursive=True)
        assert status == 200
        assert get_user_model().objects.filter(username="owner", is_superuser=True).exists()
        assert any("qcluster" in " ".join(child.cmdline()) for child in children)
        assert any("uvicorn" in " ".join(child.cmdline()) for child in children)

        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    finally:
        stop_process_tree(process)
    assert process.returncode == 0, output
    assert "Hunter stopped." in output
    assert not [child for child in children if child.is_running()]
