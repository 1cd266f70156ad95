"""Keep ``Actor.is_partner`` (buurt/0010) true exactly while a partner row points to the
actor, in the database itself, so every write keeps it: the ORM's, bulk inserts, COPY,
cascades.

Creating, deleting or re-pointing a partner sets its actors' flags. An update of an actor
recomputes its own flag, so an actor saved from a copy read before it became a partner (a
save writes every column) does not set it back. The migration fills the flag first.

On SQLite these triggers name buurt_actor: a later migration that rebuilds that table (to
add a column) drops them first and makes them again after, as buurt/0010 does for the
triggers of buurt/0002 and 0008.
"""

from django.db import migrations

EXISTS = "EXISTS (SELECT 1 FROM partners_partner WHERE partners_partner.actor_id = {id})"

POSTGRESQL = [
    f"""
    CREATE FUNCTION partner_zet_vlag() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            UPDATE buurt_actor SET is_partner = false WHERE id = OLD.actor_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            UPDATE buurt_actor SET is_partner = true WHERE id = NEW.actor_id;
        END IF;
        RETURN NULL;
    END $$;
    CREATE TRIGGER partner_zet_vlag AFTER INSERT OR DELETE OR UPDATE OF actor_id
        ON partners_partner FOR EACH ROW EXECUTE FUNCTION partner_zet_vlag();
    CREATE FUNCTION actor_herbereken_vlag() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.is_partner := {EXISTS.format(id="NEW.id")};
        RETURN NEW;
    END $$;
    CREATE TRIGGER actor_herbereken_vlag BEFORE UPDATE OF is_partner
        ON buurt_actor FOR EACH ROW EXECUTE FUNCTION actor_herbereken_vlag();
    """
]
POSTGRESQL_DROP = [
    """
    DROP TRIGGER IF EXISTS actor_herbereken_vlag ON buurt_actor;
    DROP FUNCTION IF EXISTS actor_herbereken_vlag();
    DROP TRIGGER IF EXISTS partner_zet_vlag ON partners_partner;
    DROP FUNCTION IF EXISTS partner_zet_vlag();
    """
]

# SQLite changes no NEW row: an actor's update that left a wrong flag corrects it after.
SQLITE = {
    "partner_zet_vlag_insert": (
        "AFTER INSERT ON partners_partner BEGIN "
        "UPDATE buurt_actor SET is_partner = 1 WHERE id = NEW.actor_id; END"
    ),
    "partner_zet_vlag_delete": (
        "AFTER DELETE ON partners_partner BEGIN "
        "UPDATE buurt_actor SET is_partner = 0 WHERE id = OLD.actor_id; END"
    ),
    "partner_zet_vlag_update": (
        "AFTER UPDATE OF actor_id ON partners_partner BEGIN "
        "UPDATE buurt_actor SET is_partner = 0 WHERE id = OLD.actor_id; "
        "UPDATE buurt_actor SET is_partner = 1 WHERE id = NEW.actor_id; END"
    ),
    "actor_herbereken_vlag": (
        "AFTER UPDATE OF is_partner ON buurt_actor "
        f"WHEN NEW.is_partner != ({EXISTS.format(id='NEW.id')}) BEGIN "
        f"UPDATE buurt_actor SET is_partner = ({EXISTS.format(id='NEW.id')}) "
        "WHERE id = NEW.id; END"
    ),
}


def create(apps, schema_editor):
    schema_editor.execute(f"UPDATE buurt_actor SET is_partner = {EXISTS.format(id='buurt_actor.id')}")
    # Statistics of the filled flag, for the index that pages partners on it.
    schema_editor.execute("ANALYZE buurt_actor")
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL:
            schema_editor.execute(statement)
    else:
        for name, definition in SQLITE.items():
            schema_editor.execute(f"CREATE TRIGGER {name} {definition};")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_DROP:
            schema_editor.execute(statement)
    else:
        for name in SQLITE:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name};")


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0002_huidig_enthousiasme"),
        ("buurt", "0010_actor_is_partner"),
    ]

    operations = [migrations.RunPython(create, drop)]
