"""Indexes for a buurt with many actors.

(buurt, aangebracht_door) lets "who knows whom" count per introducer from the index alone.

Two more on PostgreSQL only (SQLite has neither kind, and plans these queries well enough at
its scale), created with SQL so that SQLite migrations still run:
- a trigram index serves the name search (`naam__icontains`, which Django writes as
  `UPPER(naam::text) LIKE UPPER(...)`), so searching stays fast however large the buurt;
- (buurt, id) INCLUDE (naam) lets a join from partners (or anything else that reaches its
  buurt through the actor) probe the few actors it needs, names included, where the planner
  would otherwise read every actor of the buurt.
"""

from django.db import migrations, models

POSTGRESQL_INDEXES = {
    "actor_naam_trgm": "USING gin (UPPER(naam::text) gin_trgm_ops)",
    "actor_buurt_id_naam": "(buurt_id, id) INCLUDE (naam)",
}


def create_postgresql_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
    for name, definition in POSTGRESQL_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON buurt_actor {definition};")


def drop_postgresql_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in POSTGRESQL_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name};")


class Migration(migrations.Migration):
    dependencies = [
        ("buurt", "0002_same_buurt_triggers"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="actor",
            index=models.Index(fields=["buurt", "aangebracht_door"], name="actor_buurt_aangebracht"),
        ),
        migrations.RunPython(create_postgresql_indexes, drop_postgresql_indexes),
    ]
