"""Access checks. Every view calls one of these first.

A user without a role in a buurt gets 404 for anything in it (never a hint that it
exists); a read-only role gets 403 on writes. Researchers get pseudonymised exports, never
names of people: they may only open pages that show aggregates (``for_researchers=True``),
and get 403 everywhere else. Other apps build their helpers on
``get_buurt_for_user`` and reach objects through the buurt, never by bare primary key.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Actor, Beleidsverwachting, Relatie, Rol


def get_buurt_for_user(request, slug, write=False, for_researchers=False):
    """Return the buurt with the user's role attached as ``buurt.rol``."""
    if not request.user.is_authenticated:
        raise Http404
    rol = get_object_or_404(
        Rol.objects.select_related("buurt"), buurt__slug=slug, user=request.user
    )
    if rol.rol != Rol.Soort.COORDINATOR and (write or not for_researchers):
        raise PermissionDenied
    buurt = rol.buurt
    buurt.rol = rol.rol
    return buurt


def get_actor_for_user(request, slug, pk, write=False):
    buurt = get_buurt_for_user(request, slug, write=write)
    return buurt, get_object_or_404(Actor.objects.in_buurt(buurt), pk=pk)


def get_relatie_for_user(request, slug, pk, write=False):
    buurt = get_buurt_for_user(request, slug, write=write)
    return buurt, get_object_or_404(Relatie.objects.in_buurt(buurt), pk=pk)


def get_beleidsverwachting_for_user(request, slug, pk, write=False):
    buurt = get_buurt_for_user(request, slug, write=write)
    return buurt, get_object_or_404(Beleidsverwachting.objects.in_buurt(buurt), pk=pk)


def can_edit(buurt):
    return getattr(buurt, "rol", None) == Rol.Soort.COORDINATOR
