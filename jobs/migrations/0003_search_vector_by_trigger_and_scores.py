import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

# The search vector moves from a generated column, which Postgres recomputes on every
# UPDATE of the row (rescoring 100,000 jobs would re-parse 100,000 descriptions), to
# triggers that compute it on INSERT and only on UPDATEs that change its texts.
VECTOR = """
    setweight(to_tsvector('english'::regconfig, coalesce({row}.title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce({row}.company, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce({row}.description, '')), 'C')
"""

CREATE_TRIGGERS = f"""
CREATE FUNCTION jobs_job_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := {VECTOR.format(row="NEW")};
    RETURN NEW;
END
$$;
CREATE TRIGGER jobs_job_search_vector_insert BEFORE INSERT ON jobs_job
    FOR EACH ROW EXECUTE FUNCTION jobs_job_search_vector();
CREATE TRIGGER jobs_job_search_vector_update BEFORE UPDATE OF title, company, description ON jobs_job
    FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title
          OR OLD.company IS DISTINCT FROM NEW.company
          OR OLD.description IS DISTINCT FROM NEW.description)
    EXECUTE FUNCTION jobs_job_search_vector();
UPDATE jobs_job SET search_vector = {VECTOR.format(row="jobs_job")};
"""

DROP_TRIGGERS = """
DROP TRIGGER IF EXISTS jobs_job_search_vector_update ON jobs_job;
DROP TRIGGER IF EXISTS jobs_job_search_vector_insert ON jobs_job;
DROP FUNCTION IF EXISTS jobs_job_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("boards", "0002_scan_history"),
        ("jobs", "0002_job_last_seen_and_closed"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="job", name="job_search_vector_gin"),
        migrations.RemoveField(model_name="job", name="search_vector"),
        migrations.AddField(
            model_name="job",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunSQL(CREATE_TRIGGERS, DROP_TRIGGERS),
        migrations.AddIndex(
            model_name="job",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="job_search_vector_gin"
            ),
        ),
        migrations.RemoveIndex(model_name="job", name="job_score_idx"),
        migrations.AddField(
            model_name="job",
            name="below_min_salary",
            field=models.BooleanField(
                default=False, help_text="Its known pay is below the profile's minimum."
            ),
        ),
        migrations.AddField(
            model_name="job",
            name="score_breakdown",
            field=models.JSONField(blank=True, default=dict, help_text="Why this score."),
        ),
        migrations.AddIndex(
            model_name="job",
            index=models.Index(fields=["-match_score", "-created_at"], name="job_score_created_idx"),
        ),
    ]
