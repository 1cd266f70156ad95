"""Finding and replacing a person's name and e-mail address in free text, anywhere.

Written over the model registry rather than a list of fields: every model that reaches a
buurt along its foreign keys is searched in each of its text and JSON columns, so a model
added later (a meeting's notes, a reason to put something off) is covered without a change
here. Only rows of the person's own buurt are touched; a namesake elsewhere keeps their name.
"""

import json
import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.apps import apps
from django.db import models
from django.db.models import Q

from buurt.models import Actor, Buurt, Wijziging

VERWIJDERD = "[verwijderd]"
# How far along foreign keys a model may be from its buurt (Enthousiasme: partner, actor).
MAX_DIEPTE = 4
EXCERPT = 60


def naalden(actor):
    """What identifies the person in text: their name and e-mail address."""
    return [value.strip() for value in (actor.naam, actor.email) if value and value.strip()]


def varianten(naald):
    """The needle as written, and as JSON writes it with non-ASCII escaped (SQLite keeps
    JSON columns so; a session's messages are JSON inside JSON)."""
    escaped = json.dumps(naald)[1:-1]
    return [naald] if escaped == naald else [naald, escaped]


class Patroon:
    """A case-insensitive match of any needle as a whole word (so "An" leaves "Anna")."""

    def __init__(self, needles):
        self.needles = [v for n in needles for v in varianten(n)]
        alternatives = "|".join(re.escape(v) for v in sorted(self.needles, key=len, reverse=True))
        self.regex = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I) if self.needles else None

    def __bool__(self):
        return self.regex is not None

    def search(self, text):
        return bool(self.regex and isinstance(text, str) and self.regex.search(text))

    def sub(self, text):
        return self.regex.sub(VERWIJDERD, text)

    def q(self, field_names):
        """Rows whose columns may hold a needle: the database narrows, ``search`` decides."""
        return reduce(
            or_, (Q(**{f"{name}__icontains": v}) for name in field_names for v in self.needles)
        )


def herschrijf(value, patroon):
    """``value`` with every mention replaced; JSON values are walked, keys left alone."""
    if isinstance(value, str):
        return patroon.sub(value)
    if isinstance(value, list):
        return [herschrijf(v, patroon) for v in value]
    if isinstance(value, dict):
        return {k: herschrijf(v, patroon) for k, v in value.items()}
    return value


def noemt(value, patroon):
    if isinstance(value, str):
        return patroon.search(value)
    if isinstance(value, list):
        return any(noemt(v, patroon) for v in value)
    if isinstance(value, dict):
        return any(noemt(v, patroon) for v in value.values())
    return False


def tekstvelden(model):
    """The columns of ``model`` that can hold free text: not choices, ids, slugs or hashes."""
    fields = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.choices or isinstance(field, models.SlugField):
            continue
        if field.name.endswith("_hash") or field.name == "object_pk":
            continue
        if isinstance(field, (models.CharField, models.TextField, models.JSONField)):
            fields.append(field)
    return fields


def pad_naar_buurt(model):
    """The lookup from ``model`` to its buurt's id ("buurt_id", "partner__actor__buurt_id"),
    or None when it reaches none (accounts, sessions, the admin's log)."""
    if model is Buurt:
        return "pk"
    queue = [(model, "")]
    seen = {model}
    for _depth in range(MAX_DIEPTE):
        next_queue = []
        for current, prefix in queue:
            for field in current._meta.concrete_fields:
                if not field.many_to_one and not field.one_to_one:
                    continue
                if field.related_model is Buurt:
                    return f"{prefix}{field.name}_id"
                if field.related_model not in seen:
                    seen.add(field.related_model)
                    next_queue.append((field.related_model, f"{prefix}{field.name}__"))
        queue = next_queue
    return None


def gescopete_modellen():
    """[(model, lookup to the buurt id, text fields)] of every model kept per buurt."""
    result = []
    for model in apps.get_models():
        pad = pad_naar_buurt(model)
        velden = tekstvelden(model)
        if pad and velden:
            result.append((model, pad, velden))
    return result


@dataclass
class Vermelding:
    """One text elsewhere that names the person, as the confirmation page lists it."""

    soort: str
    veld: str
    object: str
    fragment: str
    model: type
    pk: object


def fragment(text, patroon):
    match = patroon.regex.search(text)
    start, end = max(match.start() - EXCERPT, 0), min(match.end() + EXCERPT, len(text))
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _namesakes(actor, patroon):
    """Other actors of the buurt with the same name: someone else, whose own name and
    history stay."""
    candidates = Actor.objects.in_buurt(actor.buurt_id).exclude(pk=actor.pk)
    ids = [a.pk for a in candidates.filter(patroon.q(["naam"])) if patroon.search(a.naam)]
    return set(ids)


def naamgenoten(actor):
    return _namesakes(actor, Patroon(naalden(actor)))


def _rijen(buurt_id, patroon, overslaan, namesakes):
    """(model, row, {field: value}) of every row of the buurt that names the person."""
    from partners.models import Partner

    namesake_partners = set(
        Partner.objects.filter(actor_id__in=namesakes).values_list("pk", flat=True)
    )
    for model, pad, velden in gescopete_modellen():
        names = [f.name for f in velden if not (model is Actor and f.name == "naam")]
        if not names:
            continue
        queryset = model._base_manager.filter(**{pad: buurt_id}).filter(patroon.q(names))
        skip = overslaan.get(model, set())
        for row in queryset.only("pk", *names).iterator(chunk_size=500):
            if row.pk in skip:
                continue
            if model is Wijziging and _over_naamgenoot(row, namesakes, namesake_partners):
                continue
            hits = {n: getattr(row, n) for n in names if noemt(getattr(row, n), patroon)}
            if hits:
                yield model, row, hits


def _over_naamgenoot(entry, namesakes, namesake_partners):
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    if model is Actor:
        return entry.object_id in namesakes
    if model is not None and model._meta.label == "partners.Partner":
        return entry.object_id in namesake_partners
    return False


def vermeldingen(actor, overslaan):
    """The texts of other objects in the buurt that name ``actor`` (not the timeline's,
    which ``tijdlijn_vermeldingen`` counts): what the confirmation page shows."""
    patroon = Patroon(naalden(actor))
    if not patroon:
        return []
    namesakes = _namesakes(actor, patroon)
    found = []
    for model, row, hits in _rijen(actor.buurt_id, patroon, overslaan, namesakes):
        if model is Wijziging:
            continue
        obj = model._base_manager.get(pk=row.pk)
        for name, value in hits.items():
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            found.append(
                Vermelding(
                    soort=str(model._meta.verbose_name),
                    veld=str(model._meta.get_field(name).verbose_name),
                    object=patroon.sub(str(obj)),
                    fragment=fragment(text, patroon),
                    model=model,
                    pk=row.pk,
                )
            )
    return found


def tijdlijn_vermeldingen(actor, overslaan):
    """How many timeline entries about other objects name ``actor``."""
    patroon = Patroon(naalden(actor))
    if not patroon:
        return 0
    namesakes = _namesakes(actor, patroon)
    return sum(
        1
        for model, _row, _hits in _rijen(actor.buurt_id, patroon, overslaan, namesakes)
        if model is Wijziging
    )


def vervang(buurt_id, patroon, overslaan, namesakes):
    """Replace every mention in the buurt's rows by "[verwijderd]" (an e-mail field that
    names the person is emptied: "[verwijderd]" is no address). Returns how many rows.

    ``update()``, not ``save()``: no signals, no "last changed" dates moved, no new entries
    in the timeline that would carry the old text along.
    """
    n = 0
    for model, row, hits in list(_rijen(buurt_id, patroon, overslaan, namesakes)):
        changes = {}
        for name, value in hits.items():
            field = model._meta.get_field(name)
            if isinstance(field, models.EmailField):
                changes[name] = ""
                continue
            new = herschrijf(value, patroon)
            if isinstance(new, str) and field.max_length:
                new = new[: field.max_length]
            changes[name] = new
        model._base_manager.filter(pk=row.pk).update(**changes)
        n += 1
    return n
