"""Point Django at a scratch database (`hunter_bench` unless named) on the configured server,
migrated."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hunter.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from hunter.embedded import start_embedded_services_if_unconfigured  # noqa: E402

BENCH_DATABASE = "hunter_bench"


def setup_bench_database(name: str = BENCH_DATABASE, *, keep: bool = False) -> bool:
    """Create the database `name` afresh (dropping any of that name) and migrate it; with
    `keep`, an existing one is kept, only migrated. Returns whether one was kept."""
    start_embedded_services_if_unconfigured()
    import django
    import psycopg
    from django.conf import settings

    django.setup()
    database = settings.DATABASES["default"]
    admin = {**database, "NAME": "postgres"}
    with psycopg.connect(_conninfo(admin), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        kept = bool(exists) and keep
        if not kept:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    database["NAME"] = name
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return kept


def conninfo() -> str:
    """The bench database's connection string, for connections of one's own (other
    processes, COPY)."""
    from django.conf import settings

    return _conninfo(settings.DATABASES["default"])


def _conninfo(database: dict) -> str:
    parts = {
        "dbname": database["NAME"],
        "user": database["USER"],
        "password": database["PASSWORD"],
        "host": database["HOST"],
        "port": database["PORT"],
    }
    return " ".join(f"{key}='{value}'" for key, value in parts.items() if value)
