"""Indexes for a buurt with many actors.

(buurt, aangebracht_door) lets "who knows whom" count per introducer from the index alone.
(buurt, id) lets a join from partners (or anything else that reaches its buurt through the
actor) probe the few actors it needs, where the planner would otherwise read them all.
On PostgreSQL a trigram index serves the name search (`naam__icontains`, which Django writes
as `UPPER(naam::text) LIKE UPPER(...)`), so searching stays fast however large the buurt;
SQLite has no such index and keeps scanning, which is fine at its scale.
"""

from django.db import migrations, models

TRIGRAM_INDEX = "actor_naam_trgm"


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
    schema_editor.execute(
        f"CREATE INDEX {TRIGRAM_INDEX} ON buurt_actor USING gin (UPPER(naam::text) gin_trgm_ops);"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX};")


class Migration(migrations.Migration):
    dependencies = [
        ("buurt", "0002_same_buurt_triggers"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="actor",
            index=models.Index(
                fields=["buurt", "aangebracht_door"], name="actor_buurt_aangebracht"
            ),
        ),
        migrations.AddIndex(
            model_name="actor",
            index=models.Index(fields=["buurt", "id"], name="actor_buurt_id"),
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
