"""The traces of a person outside the buurt's own tables: the timeline entries of what goes
with them, the admin's log, sessions (unread messages such as "Koen Aerts is bijgewerkt.")
and the cache (het bos caches its map with the names on it)."""

import base64

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.base_session import AbstractBaseSession
from django.core.cache import cache
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router

from buurt.models import Wijziging
from partners.links import SESSION_PARTNER

from .vermeldingen import noemt

# The admin's log keeps at most this many characters of an object's name.
OBJECT_REPR_MAX = 200


def _content_types(verzameld):
    return {
        ContentType.objects.get_for_model(model): pks
        for model, pks in verzameld.items()
        if pks and not model._meta.auto_created
    }


def wis_regels(verzameld):
    """Delete the timeline entries and the admin's log entries of the objects in
    ``verzameld`` ({model: pks}): they are about the person. Returns how many."""
    n = 0
    for ct, pks in _content_types(verzameld).items():
        n += Wijziging.objects.filter(content_type=ct, object_id__in=pks).delete()[0]
        ids = [str(pk) for pk in pks]
        n += LogEntry.objects.filter(content_type=ct, object_id__in=ids).delete()[0]
    return n


def admin_log(patroon):
    """Replace the person's name in the admin's log of other objects (it has no buurt:
    every entry that names them). Returns how many entries."""
    n = 0
    rows = LogEntry.objects.filter(patroon.q(["object_repr", "change_message"]))
    for entry in list(rows.only("pk", "object_repr", "change_message")):
        if not (patroon.search(entry.object_repr) or patroon.search(entry.change_message)):
            continue
        LogEntry.objects.filter(pk=entry.pk).update(
            object_repr=patroon.sub(entry.object_repr)[:OBJECT_REPR_MAX],
            change_message=patroon.sub(entry.change_message),
        )
        n += 1
    return n


def session_models():
    return [m for m in apps.get_models() if issubclass(m, AbstractBaseSession)]


def sessies(patroon, partner_id=None):
    """Every stored session is decoded: a value that names the person (most often the list of
    unread messages) is taken out, and a partner's own link sessions end. Returns how many
    sessions changed."""
    n = 0
    for model in session_models():
        store = model.get_session_store_class()()
        for row in model.objects.all().iterator(chunk_size=500):
            data = store.decode(row.session_data)
            if partner_id is not None and data.get(SESSION_PARTNER) == partner_id:
                model.objects.filter(pk=row.pk).delete()
                n += 1
                continue
            noemend = [key for key, value in data.items() if noemt(value, patroon)]
            if not noemend:
                continue
            for key in noemend:
                del data[key]
            model.objects.filter(pk=row.pk).update(session_data=store.encode(data))
            n += 1
    return n


def deze_sessie(request, patroon):
    """The session of the request doing the erasure: Django writes it back after the view,
    with the unread messages it loaded, so they are marked read and its values cleaned here."""
    from django.contrib import messages

    for message in messages.get_messages(request):
        if noemt(str(message), patroon):
            continue  # iterating marks it read: it is not stored again
    for key in [key for key, value in request.session.items() if noemt(value, patroon)]:
        del request.session[key]


def cache_opschonen(patroon):
    """Drop every cached value that holds a needle. The database cache is read row by row
    (its values are pickles, whose strings are UTF-8: no need to unpickle); another cache
    cannot be searched and is emptied. Returns how many entries went, or None if all."""
    if not isinstance(cache, DatabaseCache):
        cache.clear()
        return None
    needles = [v.lower() for v in patroon.needles]
    connection = connections[router.db_for_write(cache.cache_model_class)]
    table = connection.ops.quote_name(cache._table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key, value FROM {table}")  # noqa: S608 (our table name)
        rows = cursor.fetchall()
    keys = []
    for key, value in rows:
        raw = base64.b64decode(value).decode("utf-8", "ignore").lower()
        if any(needle in raw for needle in needles):
            keys.append(key)
    with connection.cursor() as cursor:
        for i in range(0, len(keys), 500):
            batch = keys[i : i + 500]
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(f"DELETE FROM {table} WHERE cache_key IN ({marks})", batch)  # noqa: S608
    return len(keys)
