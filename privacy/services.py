"""Erasing or anonymising a natural person: each one transaction, for the pages, the admin
and the retention command alike.

Both run with django-auditlog switched off: it would otherwise record each delete or blanked
field, the old values (the name) included, in the very timeline being cleaned. What is kept
is a ``Wissing``: when, by whom, which kind of actor, never whom.
"""

from dataclasses import dataclass

from auditlog.context import disable_auditlog
from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone

from buurt import tellingen, zoekindex
from buurt.models import Actor, Wijziging
from buurt.services import lock_buurt
from rollen.models import Uitnodiging

from . import opruimen
from .models import Wissing
from .vermeldingen import VERWIJDERD, Patroon, naalden, naamgenoten, tekstvelden, vervang

# The fields of the person themselves that an anonymised record loses (besides the name).
PERSOONSVELDEN = {
    "email": "",
    "telefoon": "",
    "adres": "",
    "omschrijving": "",
    "grondslag": "",
    "toestemming_op": None,
    "toestemming_hoe": "",
    "toestemming_door": None,
    "grondslag_toelichting": "",
}


def verzamel(actor):
    """{model: pks} of everything that goes when the actor is deleted: the actor, its
    partner, ratings, preferences, memberships, relations, links, actions, invitations to
    meetings, and the rows that tie it to successes, initiatives and activities."""
    collector = Collector(using=router.db_for_write(Actor))
    collector.collect([actor])
    result = {}
    for model, instances in collector.data.items():
        result.setdefault(model, set()).update(obj.pk for obj in instances)
    for queryset in collector.fast_deletes:
        result.setdefault(queryset.model, set()).update(queryset.values_list("pk", flat=True))
    return result


def _partner_id(actor):
    partner = getattr(actor, "partner", None)
    return partner.pk if partner else None


def _uitnodigingen(actor):
    """Invitations of the buurt to the person's address: an address is personal data."""
    if not actor.email:
        return Uitnodiging.objects.none()
    return Uitnodiging.objects.in_buurt(actor.buurt_id).filter(email__iexact=actor.email)


@dataclass
class Voorbereiding:
    """What the confirmation page shows before anything is done."""

    verzameld: dict
    naamgenoten: int
    uitnodigingen: int

    def aantal(self, label):
        return sum(len(pks) for model, pks in self.verzameld.items() if model._meta.label == label)


def voorbereiden(actor):
    return Voorbereiding(
        verzameld=verzamel(actor),
        naamgenoten=len(naamgenoten(actor)),
        uitnodigingen=_uitnodigingen(actor).count(),
    )


def _sporen(buurt_id, patroon, partner_id, namesakes, skip=None):
    """The traces outside the person's own rows; returns how many texts were rewritten."""
    n = vervang(buurt_id, patroon, skip or {}, namesakes)
    n += opruimen.admin_log(patroon)
    opruimen.sessies(patroon, partner_id=partner_id)
    opruimen.cache_opschonen(patroon)
    transaction.on_commit(lambda: opruimen.cache_opschonen(patroon))
    return n


@transaction.atomic
def wis(actor, door=None):
    """Erase ``actor`` (a natural person) and every trace of their name and address."""
    lock_buurt(actor.buurt_id)
    actor = Actor.objects.select_related("partner").get(pk=actor.pk)
    patroon = Patroon(naalden(actor))
    namesakes = naamgenoten(actor)
    partner_id = _partner_id(actor)
    wissing = Wissing(
        buurt_id=actor.buurt_id,
        manier=Wissing.Manier.GEWIST,
        soort=actor.soort,
        was_partner=partner_id is not None,
        door=door,
    )
    with disable_auditlog():
        opruimen.wis_regels(verzamel(actor))
        _uitnodigingen(actor).delete()
        actor.delete()
        zoekindex.forget_removed_names(connections[router.db_for_write(Actor)])
        wissing.vermeldingen = _sporen(actor.buurt_id, patroon, partner_id, namesakes)
    wissing.save()  # recorded in the timeline: "bewoner gewist"
    return wissing


def _blanco(model):
    """The free-text columns of ``model`` that may be empty: what an anonymised person's
    own records lose (a rating's note, a preference's note, a relation's note)."""
    return {
        field.name: ""
        for field in tekstvelden(model)
        if field.blank and not isinstance(field, models.JSONField)
    }


def _schoon_regels(verzameld, velden):
    """In the timeline entries about the person's own records, the old and new values of
    the blanked fields become "[verwijderd]"; the entries stay, so the history keeps its
    shape (who changed a rating when)."""
    for model, pks in verzameld.items():
        if model._meta.auto_created or not velden.get(model):
            continue
        ct = ContentType.objects.get_for_model(model)
        entries = Wijziging.objects.filter(content_type=ct, object_id__in=pks)
        for entry in entries.only("pk", "changes"):
            changes = entry.changes if isinstance(entry.changes, dict) else {}
            for name in velden[model] & changes.keys():
                if isinstance(changes[name], list):
                    changes[name] = [
                        v if v in (None, "", "None") else VERWIJDERD for v in changes[name]
                    ]
            Wijziging.objects.filter(pk=entry.pk).update(
                changes=changes, changes_text="", serialized_data=None
            )


@transaction.atomic
def anonimiseer(actor, door=None):
    """Make ``actor`` "bewoner 12": no name, contact data or free text, while their dated
    records (relations, memberships, ratings, preferences) keep their dates and levels."""
    from partners.models import Partner, Partnerlink

    lock_buurt(actor.buurt_id)
    actor = Actor.objects.select_related("partner").get(pk=actor.pk)
    if actor.geanonimiseerd_op:
        return None
    patroon = Patroon(naalden(actor))
    namesakes = naamgenoten(actor)
    partner_id = _partner_id(actor)
    verzameld = verzamel(actor)
    nummer = Wissing.objects.volgend_nummer(actor.buurt)
    now = timezone.now()
    velden = {}
    with disable_auditlog():
        for model, pks in verzameld.items():
            blank = {} if model is Actor else _blanco(model)
            if blank:
                model._base_manager.filter(pk__in=pks).update(**blank)
                velden[model] = set(blank)
        with tellingen.bijgewerkt(Actor, actor.pk):  # no longer without a legal basis
            Actor.objects.filter(pk=actor.pk).update(
                naam=f"{actor.soort} {nummer}",  # the Dutch value: "bewoner 12"
                geanonimiseerd_op=now,
                **PERSOONSVELDEN,
            )
        zoekindex.forget_removed_names(connections[router.db_for_write(Actor)])
        velden[Actor] = {"naam", *PERSOONSVELDEN}
        if partner_id:
            Partner.objects.filter(pk=partner_id).update(user=None)
            Partnerlink.objects.filter(partner_id=partner_id, ingetrokken_op__isnull=True).update(
                ingetrokken_op=now
            )
        _uitnodigingen(actor).delete()
        _schoon_regels(verzameld, velden)
        n = _sporen(actor.buurt_id, patroon, partner_id, namesakes)
    return Wissing.objects.create(
        buurt_id=actor.buurt_id,
        manier=Wissing.Manier.GEANONIMISEERD,
        soort=actor.soort,
        was_partner=partner_id is not None,
        volgnummer=nummer,
        door=door,
        vermeldingen=n,
    )
