"""An access request (article 15 GDPR): everything stored about one person, readable.

Built from what deleting the person would take with them (the same ``verzamel`` as the
erasure), so a table added later shows up here too; plus the texts elsewhere that name
them, and the timeline of their records. Other natural persons appear by their kind only
("een bewoner"): an answer to one person does not hand over another's name.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from buurt.models import Actor, Wijziging
from buurt.tijdlijn import present

from .services import verzamel
from .vermeldingen import Patroon, vermeldingen

VERBORGEN = {"token_hash", "id"}
# Copies the app keeps for its own working, not records about the person: a partner's
# current level repeats their latest rating (shown with the ratings), and a research
# pseudonym shown to a coordinator would link the pseudonymised exports back to the person.
AFGELEID = {"partners.huidigenthousiasme", "onderzoek.pseudoniem"}
TIJDLIJN_MAX = 500


@dataclass
class Rij:
    velden: list  # [(label, value)]


@dataclass
class Deel:
    titel: str
    sleutel: str
    rijen: list = field(default_factory=list)


def _tekst(value, subject):
    if value is None or value == "":
        return ""
    if isinstance(value, Actor):
        if value.pk != subject.pk and value.is_natuurlijk_persoon:
            return _("een %(soort)s") % {"soort": value.get_soort_display()}
        return value.naam
    if value.__class__.__name__ == "Partner" and hasattr(value, "actor"):
        return _tekst(value.actor, subject)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    if hasattr(value, "isoformat"):
        return formats.date_format(value, "j F Y")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _waarde(obj, model_field, subject):
    if model_field.choices and not model_field.is_relation:
        return str(getattr(obj, f"get_{model_field.name}_display")())
    return _tekst(getattr(obj, model_field.name), subject)


def _rij(obj, subject):
    velden = []
    for model_field in obj._meta.concrete_fields:
        if model_field.name in VERBORGEN:
            continue
        value = _waarde(obj, model_field, subject)
        if value != "":
            velden.append((str(model_field.verbose_name), value))
    return Rij(velden)


def _through_rij(obj, subject):
    """A row tying the person to a success, initiative, activity or meeting: its other end."""
    velden = []
    for model_field in obj._meta.concrete_fields:
        if model_field.is_relation:
            other = getattr(obj, model_field.name)
            if other is not None and other != subject and getattr(other, "actor", None) != subject:
                velden.append((str(other._meta.verbose_name), _tekst(other, subject)))
    return Rij(velden)


def _andere_kant(model_field):
    return model_field.is_relation and model_field.related_model._meta.label not in (
        "buurt.Actor",
        "partners.Partner",
    )


def _volgorde(model):
    return (model is not Actor, str(model._meta.verbose_name_plural))


def delen(actor):
    """The sections of the answer: the person first, then each kind of record."""
    verzameld = verzamel(actor)
    result = []
    for model in sorted(verzameld, key=_volgorde):
        if model._meta.label_lower in AFGELEID:
            continue
        pks = verzameld[model]
        objects = model._base_manager.filter(pk__in=pks).order_by("pk")
        if model._meta.auto_created:
            via = next(f for f in model._meta.concrete_fields if _andere_kant(f))
            titel = str(via.related_model._meta.verbose_name_plural)
            rijen = [_through_rij(obj, actor) for obj in objects.select_related(via.name)]
        else:
            titel = str(model._meta.verbose_name_plural)
            rijen = [_rij(obj, actor) for obj in objects]
        result.append(Deel(titel=titel, sleutel=model._meta.label_lower, rijen=rijen))
    return result, verzameld


def tijdlijn(actor, verzameld):
    """Who changed the person's records when, newest first (at most ``TIJDLIJN_MAX``)."""
    condition = Q()
    for model, pks in verzameld.items():
        if not model._meta.auto_created:
            ct = ContentType.objects.get_for_model(model)
            condition |= Q(content_type=ct, object_id__in=pks)
    entries = (
        Wijziging.objects.filter(condition)
        .select_related("actor", "door_actor")
        .order_by("-id")[:TIJDLIJN_MAX]
    )
    return present(actor.buurt, list(entries))


def _anderen(actor, verzameld):
    """{soort: [names]} of the other natural persons the person's records point to."""
    from partners.models import Partner

    ids = set()
    for model, pks in verzameld.items():
        for model_field in model._meta.concrete_fields:
            if not model_field.is_relation or model_field.related_model not in (Actor, Partner):
                continue
            values = model._base_manager.filter(pk__in=pks).values_list(model_field.attname)
            found = {pk for (pk,) in values if pk is not None}
            if model_field.related_model is Partner:
                found = set(Partner.objects.filter(pk__in=found).values_list("actor_id", flat=True))
            ids |= found
    ids.discard(actor.pk)
    anderen = {}
    for naam, soort in (
        Actor.objects.natuurlijke_personen().filter(pk__in=ids).values_list("naam", "soort")
    ):
        anderen.setdefault(soort, []).append(naam)
    return anderen


class Maskering:
    """Other people's names, as "een bewoner": in the timeline's rows and the texts."""

    def __init__(self, anderen):
        self.patronen = [
            (Patroon(namen), _("een %(soort)s") % {"soort": Actor.Soort(soort).label})
            for soort, namen in anderen.items()
        ]

    def __call__(self, text):
        if not isinstance(text, str):
            return text
        for patroon, label in self.patronen:
            text = patroon.regex.sub(label, text)
        return text

    def regels(self, rows):
        for row in rows:
            row.object = self(row.object)
            for veld in row.velden:
                veld.oud, veld.nieuw = self(veld.oud), self(veld.nieuw)
        return rows

    def vermeldingen(self, found):
        for v in found:
            v.fragment, v.object = self(v.fragment), self(v.object)
        return found


def inzage(actor):
    parts, verzameld = delen(actor)
    masker = Maskering(_anderen(actor, verzameld))
    return {
        "delen": parts,
        "vermeldingen": masker.vermeldingen(vermeldingen(actor, verzameld)),
        "tijdlijn": masker.regels(tijdlijn(actor, verzameld)),
        "gemaakt_op": timezone.now(),
    }


def als_json(actor, data):
    """The same answer as a JSON document, for the coordinator to hand over as a file."""

    def rij(r):
        return dict(r.velden)

    return {
        "over": actor.naam,
        "buurt": actor.buurt.naam,
        "gemaakt_op": data["gemaakt_op"].isoformat(),
        "gegevens": {
            d.sleutel: {"titel": d.titel, "rijen": [rij(r) for r in d.rijen]} for d in data["delen"]
        },
        "vermeld_in": [
            {"soort": v.soort, "veld": v.veld, "object": v.object, "tekst": v.fragment}
            for v in data["vermeldingen"]
        ],
        "geschiedenis": [
            {
                "wanneer": r.wanneer.isoformat(),
                "wie": r.wie,
                "wat": f"{r.soort} {r.actie}",
                "velden": [{"veld": v.label, "oud": v.oud, "nieuw": v.nieuw} for v in r.velden],
            }
            for r in data["tijdlijn"]
        ],
    }
