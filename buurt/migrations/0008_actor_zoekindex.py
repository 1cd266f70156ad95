"""SQLite only: a full-text index of actor names for the search (see buurt/zoekindex.py).

An external-content FTS5 table holds the trigrams, not the names; the triggers keep it in
step with every write, the ORM's and raw SQL's alike (imports and seed_scale insert with
executemany). PostgreSQL has its trigram index from 0003.
"""

from django.db import migrations

TABLE = "buurt_actor_zoek"
INSERT = f"INSERT INTO {TABLE}(rowid, naam) VALUES (new.id, new.naam);"
DELETE = f"INSERT INTO {TABLE}({TABLE}, rowid, naam) VALUES ('delete', old.id, old.naam);"
TRIGGERS = {
    f"{TABLE}_insert": f"AFTER INSERT ON buurt_actor BEGIN {INSERT} END",
    f"{TABLE}_delete": f"AFTER DELETE ON buurt_actor BEGIN {DELETE} END",
    f"{TABLE}_update": f"AFTER UPDATE OF naam ON buurt_actor BEGIN {DELETE} {INSERT} END",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
        "naam, content='buurt_actor', content_rowid='id', tokenize='trigram')"
    )
    schema_editor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    for name, definition in TRIGGERS.items():
        schema_editor.execute(f"CREATE TRIGGER {name} {definition};")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name};")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE};")


class Migration(migrations.Migration):
    dependencies = [("buurt", "0007_privacy")]

    operations = [migrations.RunPython(create, drop)]
