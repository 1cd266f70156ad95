from django.shortcuts import get_object_or_404

from buurt.access import get_buurt_for_user

from .models import Actie, Overleg


def get_overleg_for_user(request, slug, pk, write=False):
    buurt = get_buurt_for_user(request, slug, write=write)
    queryset = Overleg.objects.in_buurt(buurt).select_related(
        "team__initiatief", "initiatief", "aangemaakt_door"
    )
    return buurt, get_object_or_404(queryset, pk=pk)


def get_actie_for_user(request, slug, pk, write=False):
    buurt = get_buurt_for_user(request, slug, write=write)
    queryset = Actie.objects.in_buurt(buurt).select_related(
        "partner__actor", "coordinator", "overleg", "team", "initiatief"
    )
    return buurt, get_object_or_404(queryset, pk=pk)
