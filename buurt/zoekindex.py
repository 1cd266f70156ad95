"""SQLite's answer to the trigram index PostgreSQL searches actor names with (migration
0003): an FTS5 table of the names, tokenized in trigrams, that triggers keep in step with
``buurt_actor`` (migration 0008). A search of three characters or more finds its actors in
this index instead of reading every name of the buurt.

The trigram tokenizer folds case for all of Unicode, as PostgreSQL's UPPER() does, where
SQLite's LIKE folds ASCII letters only: on SQLite too "zoë" now finds "ZOË". Shorter
searches use LIKE, as before: a trigram index cannot answer them.
"""

TABLE = "buurt_actor_zoek"
MIN_LENGTH = 3


def answers(connection, text):
    """Whether the index answers a search for `text` on this connection."""
    return connection.vendor == "sqlite" and len(text) >= MIN_LENGTH


def matching_ids(text):
    """(sql, params) of the ids of the actors, of every buurt, whose name contains `text`."""
    phrase = '"' + text.replace('"', '""') + '"'
    return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [phrase]  # noqa: S608


def forget_removed_names(connection):
    """Rewrite the index without the names of deleted or renamed actors.

    Deleting a row from an FTS5 index only adds a delete marker: the old name's trigrams,
    with their positions, stay in the index's pages until a merge drops them. An erasure
    must leave no trace, so it merges the whole index (once, not per row).
    """
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")  # noqa: S608
