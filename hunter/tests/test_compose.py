from __future__ import annotations

import shutil
import subprocess

import pytest
from django.conf import settings


@pytest.mark.skipif(
    shutil.which("docker-compose") is None,
    reason="docker-compose is not installed (.ci/run installs it)",
)
def test_compose_file_is_valid():
    result = subprocess.run(
        ["docker-compose", "-f", "compose.yaml", "config", "--quiet"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "SECRET_KEY": "x", "POSTGRES_PASSWORD": "x"},
    )
    assert result.returncode == 0, result.stderr
