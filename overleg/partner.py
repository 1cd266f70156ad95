"""What a partner sees of meetings and actions on their own page: only their own upcoming
meetings (when, where, the agenda) and their own open actions, nothing else of the buurt."""

from django.utils import timezone

from .models import Actie, Overleg

SHOWN = 20


def upcoming_meetings(partner, now=None):
    return list(
        Overleg.objects.voor_partner(partner)
        .komend(now or timezone.now())
        .only("pk", "titel", "begint_op", "eindigt_op", "plaats", "agenda")
        .order_by("begint_op", "id")[:SHOWN]
    )


def open_actions(partner):
    return list(
        Actie.objects.voor_partner(partner).open().select_related("overleg").order_by("tegen", "id")
    )


def meeting_of(partner, pk):
    """The partner's own meeting with this id, or None."""
    return Overleg.objects.voor_partner(partner).select_related("buurt").filter(pk=pk).first()


def open_action_of(partner, pk):
    """The partner's own open action with this id, or None."""
    return Actie.objects.voor_partner(partner).open().filter(pk=pk).first()
