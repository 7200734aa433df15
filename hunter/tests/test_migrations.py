from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db


def test_every_migration_is_applied():
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


def test_models_and_migrations_agree():
    # Raises SystemExit when a model change has no migration.
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


def test_job_search_vector_is_kept_by_triggers_with_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'jobs_job'::regclass "
            "AND NOT tgisinternal ORDER BY tgname"
        )
        assert [name for (name,) in cursor.fetchall()] == [
            "jobs_job_search_vector_insert",
            "jobs_job_search_vector_update",
        ]
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'job_search_vector_gin'")
        assert "USING gin (search_vector)" in cursor.fetchone()[0]
