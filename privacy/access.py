"""Who may see and change what the privacy pages show: the buurt's coordinators, and
administrators (who have no role in a buurt, but do an erasure someone asked them for)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from buurt.access import get_buurt_for_user
from buurt.models import Actor, Buurt


def is_beheerder(user):
    return user.is_authenticated and user.is_active and user.is_superuser


def get_buurt_for_privacy(request, slug):
    """The buurt, for its coordinators (404 for outsiders, 403 for researchers, as
    everywhere) or an administrator."""
    if is_beheerder(request.user):
        buurt = get_object_or_404(Buurt, slug=slug)
        buurt.rol = None
        return buurt
    return get_buurt_for_user(request, slug, write=True)


def get_persoon(request, slug, pk):
    """A natural person of the buurt; organisations and associations are no personal data
    (their pages delete them as before)."""
    buurt = get_buurt_for_privacy(request, slug)
    actor = get_object_or_404(
        Actor.objects.in_buurt(buurt).natuurlijke_personen().select_related("partner"), pk=pk
    )
    return buurt, actor


def get_levend_persoon(request, slug, pk):
    """As ``get_persoon``, but not one already anonymised (there is nobody left to find)."""
    buurt, actor = get_persoon(request, slug, pk)
    if actor.geanonimiseerd_op:
        raise Http404
    return buurt, actor
