"""Database triggers for cross-row invariants a CHECK constraint cannot express:
both ends of a relation, and the actor who introduced another, lie in the same buurt."""

from django.db import migrations

# (trigger name, table, condition on NEW that is a violation)
RULES = [
    (
        "relatie_zelfde_buurt",
        "buurt_relatie",
        "(SELECT buurt_id FROM buurt_actor WHERE id = NEW.van_id) IS DISTINCT FROM NEW.buurt_id"
        " OR (SELECT buurt_id FROM buurt_actor WHERE id = NEW.naar_id)"
        " IS DISTINCT FROM NEW.buurt_id",
    ),
    (
        "actor_aangebracht_zelfde_buurt",
        "buurt_actor",
        "NEW.aangebracht_door_id IS NOT NULL AND"
        " (SELECT buurt_id FROM buurt_actor WHERE id = NEW.aangebracht_door_id)"
        " IS DISTINCT FROM NEW.buurt_id",
    ),
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, table, violation in RULES:
        if vendor == "postgresql":
            schema_editor.execute(
                f"""
                CREATE FUNCTION {name}() RETURNS trigger AS $$
                BEGIN
                    IF {violation} THEN
                        RAISE EXCEPTION '{name}' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;
                """
            )
            schema_editor.execute(
                f"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON {table}"
                f" FOR EACH ROW EXECUTE FUNCTION {name}();"
            )
        elif vendor == "sqlite":
            for event in ("INSERT", "UPDATE"):
                schema_editor.execute(
                    f"CREATE TRIGGER {name}_{event.lower()} BEFORE {event} ON {table}"
                    f" FOR EACH ROW WHEN {violation}"
                    f" BEGIN SELECT RAISE(ABORT, '{name}'); END;"
                )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, table, _violation in RULES:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table};")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}();")
        elif vendor == "sqlite":
            for event in ("insert", "update"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}_{event};")


class Migration(migrations.Migration):
    dependencies = [("buurt", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
