"""Writes that span several rows. Each is one transaction, called by views, admin and CLI."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurt import tellingen
from buurt.services import add_relatie

from .models import Deelname, Initiatief, Statuswijziging, Team, Teamintensiteit, Voorkeur


@transaction.atomic
def save_activiteit(form):
    """Save an ActiviteitForm: the activity and its organisers together."""
    return form.save()


def record_relatie(buurt, van, naar, intensiteit):
    """Record a relation the fruit finder suggested, from today, unless one already runs;
    return (relatie, created)."""
    return add_relatie(buurt, van, naar, intensiteit, sinds=timezone.localdate())


@transaction.atomic
def create_initiatief(
    buurt,
    *,
    naam,
    soort,
    doel="",
    bouwt_voort_op=(),
    trekkers=(),
    ondersteunt=(),
    door=None,
    **extra,
):
    """Create an initiative with its links, and the first record of its status history."""
    initiatief = Initiatief(buurt=buurt, naam=naam, soort=soort, doel=doel, **extra)
    initiatief.validate_ondersteunt(list(ondersteunt))
    if initiatief.status == Initiatief.Status.LOOPT and not initiatief.gestart_op:
        initiatief.gestart_op = timezone.localdate()
    initiatief.save()
    start_status_history(initiatief, door=door)
    if bouwt_voort_op:
        initiatief.bouwt_voort_op.set(bouwt_voort_op)
    if trekkers:
        initiatief.trekkers.set(trekkers)
    if ondersteunt:
        initiatief.ondersteunt.set(ondersteunt)
    return initiatief


@transaction.atomic
def create_team(
    initiatief, *, naam, doel, intensiteit, leden, nodige_intensiteit="", door=None, **extra
):
    """Create a team with its first intensity records and its members.

    ``leden`` is a list of dicts with partner, participatieniveau, nodig and middelen.
    ``nodige_intensiteit``, the intensity the goal needs, may be left open ("").
    """
    vreemd = [
        lid["partner"] for lid in leden if lid["partner"].actor.buurt_id != initiatief.buurt_id
    ]
    if vreemd:
        raise ValidationError(_("Kies partners uit dezelfde buurt als het initiatief."))
    team = Team.objects.create(initiatief=initiatief, naam=naam, doel=doel, **extra)
    Teamintensiteit.objects.create(team=team, intensiteit=intensiteit, door=door)
    if nodige_intensiteit:
        Teamintensiteit.objects.create(
            team=team, soort=Teamintensiteit.Soort.NODIG, intensiteit=nodige_intensiteit, door=door
        )
    leden = Deelname.objects.bulk_create(
        Deelname(
            team=team,
            partner=lid["partner"],
            participatieniveau=lid["participatieniveau"],
            nodig=lid.get("nodig", True),
            middelen=list(lid.get("middelen") or []),
        )
        for lid in leden
    )
    tellingen.tel_nieuw(Deelname, leden)  # bulk_create sends no signals
    return team


@transaction.atomic
def update_team(team, *, intensiteit, nodige_intensiteit="", door=None):
    """Save the team's fields; a changed current or needed intensity becomes a new dated
    record. Clearing the needed intensity keeps its history and records nothing."""
    team.save()
    for soort, value in (
        (Teamintensiteit.Soort.HUIDIG, intensiteit),
        (Teamintensiteit.Soort.NODIG, nodige_intensiteit),
    ):
        if value and team.latest_intensiteit(soort) != value:
            Teamintensiteit.objects.create(team=team, soort=soort, intensiteit=value, door=door)
    return team


def record_voorkeur(partner, team, data, *, bron, door=None):
    """Record a partner's preference, for one team or (``team=None``) in general.

    ``data`` holds participatieniveau, middelen and notitie, as VoorkeurForm cleans them.
    A preference is never overwritten: the latest one counts, the older ones are history.
    """
    return Voorkeur.objects.create(
        partner=partner,
        team=team,
        participatieniveau=data["participatieniveau"],
        middelen=list(data.get("middelen") or []),
        notitie=data.get("notitie", ""),
        bron=bron,
        door=door,
    )


# An initiative's own edits: each one checks the version its form showed, under a row lock.

ENDED = (Initiatief.Status.AFGEROND, Initiatief.Status.GESTOPT)
VERSIE_CONFLICT = gettext_lazy(
    "Iemand anders heeft dit initiatief intussen gewijzigd. Bekijk de nieuwe gegevens "
    "hieronder en sla opnieuw op."
)


def start_status_history(initiatief, *, door=None):
    """The first record of a new initiative's status, dated like the status itself."""
    ended = initiatief.status in ENDED
    datum = (initiatief.afgerond_op if ended else initiatief.gestart_op) or timezone.localdate()
    return Statuswijziging.objects.create(
        initiatief=initiatief, status=initiatief.status, datum=datum, door=door
    )


def _locked(initiatief, versie=None):
    """The initiative's row, locked until the transaction ends; with ``versie``, refused when
    someone else saved it since that version was shown."""
    current = Initiatief.objects.select_for_update().get(pk=initiatief.pk)
    if versie is not None and current.versie != versie:
        raise ValidationError(VERSIE_CONFLICT, code="versie")
    return current


def _raise_versie(initiatief):
    # An UPDATE rather than a field on save(): the timeline records what people changed,
    # not the counter. The row is locked, so the value in memory is the one in the database.
    Initiatief.objects.filter(pk=initiatief.pk).update(versie=F("versie") + 1)
    initiatief.versie += 1


@transaction.atomic
def update_initiatief(
    initiatief,
    *,
    versie,
    naam,
    doel,
    gestart_door,
    trekkers_nodig,
    trekkers,
    bouwt_voort_op,
    ondersteunt=None,
):
    """Save what the edit form changed, all or nothing; ``ondersteunt=None`` leaves the
    supported initiatives as they are. Returns the saved initiative with its new version."""
    current = _locked(initiatief, versie)
    errors = {}
    if any(actor.buurt_id != current.buurt_id for actor in trekkers):
        errors["trekkers"] = _("Kies trekkers uit deze buurt.")
    if any(activiteit.buurt_id != current.buurt_id for activiteit in bouwt_voort_op):
        errors["bouwt_voort_op"] = _("Kies activiteiten uit deze buurt.")
    if errors:
        raise ValidationError(errors)
    if ondersteunt is not None:
        current.validate_ondersteunt(list(ondersteunt))
    fields = {
        "naam": naam,
        "doel": doel,
        "gestart_door": gestart_door,
        "trekkers_nodig": trekkers_nodig,
    }
    for name, value in fields.items():
        setattr(current, name, value)
    current.full_clean(exclude=["buurt", "trekkers", "bouwt_voort_op", "ondersteunt"])
    current.save(update_fields=list(fields))
    current.trekkers.set(trekkers)
    current.bouwt_voort_op.set(bouwt_voort_op)
    if ondersteunt is not None:
        current.ondersteunt.set(ondersteunt)
    _raise_versie(current)
    return current


@transaction.atomic
def change_status(initiatief, *, status, datum, reden="", door=None):
    """Record that from ``datum`` on the initiative has ``status``.

    Refused, with nothing written: the status it has already, a date in the future, a date
    before its latest change. Running for the first time dates its start; finishing or
    stopping dates its end, and running again clears that end.
    """
    current = _locked(initiatief)
    if status == current.status:
        raise ValidationError({"status": _("Het initiatief heeft die status al.")})
    if datum > timezone.localdate():
        raise ValidationError(
            {"datum": _("Die datum ligt in de toekomst. Kies vandaag of een dag ervoor.")}
        )
    history = list(current.statuswijzigingen.order_by("-datum", "-id")[:2])
    vorige = history[0].datum if history else None
    if len(history) == 1 and datum < vorige:
        # Only the record made when it was entered: an initiative that ran before anyone
        # entered it may start earlier, and its first record moves back with it.
        history[0].datum = datum
        history[0].save(update_fields=["datum"])
    elif vorige and datum < vorige:
        raise ValidationError(
            {
                "datum": _(
                    "Die datum ligt vóór de vorige statuswijziging (%(datum)s). Kies die dag "
                    "of later."
                )
                % {"datum": date_format(vorige)}
            }
        )
    if status in ENDED and current.gestart_op and datum < current.gestart_op:
        raise ValidationError(
            {
                "datum": _("Die datum ligt vóór de start van het initiatief (%(datum)s).")
                % {"datum": date_format(current.gestart_op)}
            }
        )
    wijziging = Statuswijziging.objects.create(
        initiatief=current, status=status, datum=datum, reden=reden, door=door
    )
    current.status = status
    fields = ["status"]
    if status == Initiatief.Status.LOOPT and not current.gestart_op:
        current.gestart_op = datum
        fields.append("gestart_op")
    if status in ENDED:
        current.afgerond_op = datum
        fields.append("afgerond_op")
    elif current.afgerond_op:
        current.afgerond_op = None
        fields.append("afgerond_op")
    current.save(update_fields=fields)
    _raise_versie(current)
    return wijziging
