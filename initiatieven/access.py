from django.shortcuts import get_object_or_404

from buurt.access import get_buurt_for_user

from .models import Activiteit, Deelname, Initiatief, Succes, Team


def get_activiteit_for_user(request, slug, pk, write=False):
    buurt = get_buurt_for_user(request, slug, write=write)
    return buurt, get_object_or_404(Activiteit.objects.in_buurt(buurt), pk=pk)


def get_initiatief_for_user(request, slug, pk, write=False):
    buurt = get_buurt_for_user(request, slug, write=write)
    return buurt, get_object_or_404(Initiatief.objects.in_buurt(buurt), pk=pk)


def get_team_for_user(request, slug, pk, write=False):
    buurt = get_buurt_for_user(request, slug, write=write)
    team = get_object_or_404(Team.objects.in_buurt(buurt).select_related("initiatief"), pk=pk)
    return buurt, team


def get_deelname_for_user(request, slug, pk, write=False):
    """A running membership of a team in the buurt; a closed one is history, not editable."""
    buurt = get_buurt_for_user(request, slug, write=write)
    deelnames = Deelname.objects.in_buurt(buurt).actief().select_related("partner__actor", "team")
    return buurt, get_object_or_404(deelnames, pk=pk)


def get_succes_for_user(request, slug, pk, write=False):
    buurt = get_buurt_for_user(request, slug, write=write)
    return buurt, get_object_or_404(Succes.objects.in_buurt(buurt), pk=pk)
