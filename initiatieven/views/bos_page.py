"""Het bos: the network map of the buurt, with the measures that help untangle it."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils import timezone
from django.views.decorators.http import require_GET

from buurt.access import get_buurt_for_user
from buurt.models import Actor, Samenwerkingsintensiteit
from buurt.rendering import paginate, render_page

from .. import bos, netwerk
from ..models import Team

RELATIES_PER_PAGE = 25


@login_required
@require_GET
def bos_view(request, slug):
    buurt = get_buurt_for_user(request, slug)
    filters = bos.BosFilter.from_query(request.GET)
    focus = None
    if "actor" in request.GET:
        # A link to one actor's network: an unknown or foreign actor is not found.
        focus = Actor.objects.in_buurt(buurt).filter(pk=filters.actor).first()
        if focus is None:
            raise Http404
    teams = list(Team.objects.in_buurt(buurt).order_by("naam", "id").values_list("id", "naam"))
    if filters.team not in {pk for pk, _naam in teams}:
        filters.team = None
    today = timezone.localdate()
    stamp = netwerk.stempel(buurt, today)
    samenvatting = netwerk.samenvatting(buurt, today, stamp)
    kaart = bos.netwerkkaart(buurt, filters, today, samenvatting.klassen, stamp)
    context = {
        "buurt": buurt,
        "netwerk": samenvatting,
        "kaart": kaart,
        "filters": filters,
        "focus": focus,
        "soorten": Actor.Soort.choices,
        "intensiteiten": Samenwerkingsintensiteit.choices,
        "teams": teams,
        "relaties_page": paginate(request, kaart.relaties_tabel, RELATIES_PER_PAGE),
    }
    return render_page(request, "initiatieven/bos_page.html", context, "kaart")
