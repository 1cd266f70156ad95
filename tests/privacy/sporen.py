"""Reading every row of every table for a person's traces, the way an auditor would."""

import base64
import json

from django.apps import apps
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import connection


def _variants(needle):
    return {needle.lower(), json.dumps(needle)[1:-1].lower()}


def _session_tables():
    return {
        m._meta.db_table: m.get_session_store_class()
        for m in apps.get_models()
        if issubclass(m, AbstractBaseSession)
    }


def _text(value):
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", "ignore")
    return str(value)


def _cache_tables():
    from django.conf import settings

    return {
        c["LOCATION"] for c in settings.CACHES.values() if c["BACKEND"].endswith("DatabaseCache")
    }


def sporen(*needles):
    """[(table, column, text)] of every cell of the database holding a needle, case-
    insensitively, as written or JSON-escaped; session data decoded, cache values unpacked."""
    wanted = set().union(*(_variants(n) for n in needles))
    sessions = _session_tables()
    caches = _cache_tables()
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [c[0] for c in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if value is None:
                        continue
                    texts = [_text(value)]
                    if table in sessions and column == "session_data":
                        data = sessions[table]().decode(value)
                        texts.append(json.dumps(data, ensure_ascii=False))
                        texts.extend(str(v) for v in data.values())  # messages: JSON in JSON
                    if table in caches and column == "value":
                        texts.append(base64.b64decode(value).decode("utf-8", "ignore"))
                    for text in texts:
                        if any(w in text.lower() for w in wanted):
                            found.append((table, column, text[:120]))
    return found
