"""Point Django at a scratch database `hunter_bench` on the configured server, migrated."""

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


def setup_bench_database() -> None:
    start_embedded_services_if_unconfigured()
    import django
    import psycopg
    from django.conf import settings

    django.setup()
    database = settings.DATABASES["default"]
    admin = {**database, "NAME": "postgres"}
    with psycopg.connect(_conninfo(admin), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
    database["NAME"] = BENCH_DATABASE
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _conninfo(database: dict) -> str:
    parts = {
        "dbname": database["NAME"],
        "user": database["USER"],
        "password": database["PASSWORD"],
        "host": database["HOST"],
        "port": database["PORT"],
    }
    return " ".join(f"{key}='{value}'" for key, value in parts.items() if value)
