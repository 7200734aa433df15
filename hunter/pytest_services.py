"""pytest plugin (loaded with `-p` in pyproject.toml): real Postgres and Redis for the suite.

Imported before pytest-django reads the settings, so that without DATABASE_URL /
REDIS_URL the embedded servers are up and their URLs exported first; with the URLs
set (as in CI) it starts nothing.
"""

from __future__ import annotations

from hunter.embedded import start_embedded_services_if_unconfigured

start_embedded_services_if_unconfigured()
