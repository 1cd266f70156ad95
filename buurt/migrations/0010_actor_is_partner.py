"""An actor's partner flag and the index that pages a buurt's partners by name; the
triggers that keep the flag are partners/0003's."""

import importlib

from django.db import migrations, models

# SQLite rebuilds buurt_actor to add a column: the triggers that name the table (the
# same-buurt rules of 0002, the search index's of 0008) would break the rename or be lost
# with the old table, so they are dropped first and made again after.
same_buurt = importlib.import_module("buurt.migrations.0002_same_buurt_triggers")
zoekindex = importlib.import_module("buurt.migrations.0008_actor_zoekindex")


def drop_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        same_buurt.drop(apps, schema_editor)
        for name in zoekindex.TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name};")


def create_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        same_buurt.create(apps, schema_editor)
        for name, definition in zoekindex.TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER {name} {definition};")
        # The rebuilt table has lost its planner statistics: without them SQLite picks
        # plans that read the whole table (vonken took 4x as long at 100,000 actors).
        schema_editor.execute("ANALYZE buurt_actor;")


class Migration(migrations.Migration):
    dependencies = [("buurt", "0009_telling")]

    operations = [
        migrations.RunPython(drop_sqlite_triggers, create_sqlite_triggers),
        migrations.AddField(
            model_name="actor",
            name="is_partner",
            field=models.BooleanField(
                default=False, db_default=False, editable=False, verbose_name="partner"
            ),
        ),
        migrations.AddIndex(
            model_name="actor",
            index=models.Index(
                condition=models.Q(("is_partner", True)),
                fields=["buurt", "naam", "id"],
                name="actor_partner_naam",
            ),
        ),
        migrations.RunPython(create_sqlite_triggers, drop_sqlite_triggers),
    ]
