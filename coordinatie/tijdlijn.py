"""The buurt's timeline page: who changed what, filterable, newest first.

Pages go by id (``?voor=<id>``), not by page number: a count over a million entries would
cost more than the page itself.
"""

from datetime import datetime, time, timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurt.models import Wijziging
from buurt.tijdlijn import base_queryset, present, registered_models

PER_PAGE = 50
PARTNERS = "partners"
BEHEER = "beheer"


class TijdlijnFilter(forms.Form):
    soort = forms.ChoiceField(label=gettext_lazy("Soort"), required=False)
    door = forms.ChoiceField(label=gettext_lazy("Door"), required=False)
    van = forms.DateField(
        label=gettext_lazy("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = forms.DateField(
        label=gettext_lazy("Tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    object = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    voor = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", _("alles"))] + [
            (str(ContentType.objects.get_for_model(m).pk), str(m._meta.verbose_name_plural))
            for m in registered_models()
        ]
        users = (
            get_user_model()
            .objects.filter(buurtrollen__buurt=buurt)
            .order_by("first_name", "username")
        )
        self.fields["door"].choices = (
            [("", _("iedereen"))]
            + [(f"u{u.pk}", u.get_full_name() or u.get_username()) for u in users]
            + [(PARTNERS, _("partners via hun link")), (BEHEER, _("beheerders"))]
        )

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        if data.get("object") and not data.get("soort"):
            self.add_error("soort", _("Kies een soort bij een object."))
        return data


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def _first_id_from(buurt, moment):
    first = Wijziging.objects.filter(buurt=buurt, timestamp__gte=moment).order_by("timestamp")
    return Subquery(first.values("id")[:1])


def timeline_page(buurt, params):
    """(form, rows, next_cursor) for one page of the buurt's timeline."""
    form = TijdlijnFilter(params or None, buurt=buurt)
    if params and not form.is_valid():
        return form, [], None
    data = form.cleaned_data if params else {}
    entries = base_queryset(buurt)
    if data.get("soort"):
        entries = entries.filter(content_type_id=int(data["soort"]))
        if data.get("object"):
            entries = entries.filter(object_id=data["object"])
    door = data.get("door")
    if door == PARTNERS:
        entries = entries.filter(door_actor__isnull=False)
    elif door == BEHEER:
        # The few administrators first: excluding everyone with a role would scan the buurt.
        # A list, not a subquery: the planner then walks the (buurt, actor, -id) index per
        # administrator instead of every entry of the buurt.
        beheerders = list(
            get_user_model()
            .objects.filter(Q(is_staff=True) | Q(is_superuser=True))
            .exclude(buurtrollen__buurt=buurt)
            .values_list("pk", flat=True)
        )
        entries = entries.filter(door_actor__isnull=True, actor_id__in=beheerders)
    elif door:
        entries = entries.filter(actor_id=int(door[1:]), door_actor__isnull=True)
    # A period also bounds the ids (through the (buurt, timestamp) index), so the newest-first
    # walk starts at the period's end instead of at today; entries get ids as time goes on.
    if data.get("van"):
        start = _day_start(data["van"])
        entries = entries.filter(timestamp__gte=start, id__gte=_first_id_from(buurt, start))
    if data.get("tot"):
        end = _day_start(data["tot"] + timedelta(days=1))
        after = Coalesce(_first_id_from(buurt, end), Value(2**62))
        entries = entries.filter(timestamp__lt=end, id__lt=after)
    if data.get("voor"):
        entries = entries.filter(id__lt=data["voor"])
    found = list(entries[: PER_PAGE + 1])
    next_cursor = found[PER_PAGE - 1].pk if len(found) > PER_PAGE else None
    return form, present(buurt, found[:PER_PAGE]), next_cursor
