"""Partner side of meetings and actions: the .ics of one of their own meetings, and marking one
of their own actions done. Reached by link or account, like the rest of the partner's page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from buurt.tijdlijn import namens
from initiatieven.models import Voorkeur
from overleg import ics, services
from overleg.forms import GedaanForm
from overleg.partner import meeting_of, open_action_of

from .views import _partner_for_request, partner_headers


def _home(bron, partner, section=""):
    query = f"?partner={partner.pk}" if bron == Voorkeur.Bron.ACCOUNT else ""
    return reverse("partnerportaal:partner_home") + query + section


@partner_headers
@require_GET
def partner_overleg_ics(request, pk):
    partner, _bron, response = _partner_for_request(request)
    if response is not None:
        return response
    overleg = meeting_of(partner, pk)
    if overleg is None:
        raise Http404
    return ics.response(overleg)


@partner_headers
@require_POST
def partner_actie_gedaan(request, pk):
    partner, bron, response = _partner_for_request(request)
    if response is not None:
        return response
    actie = open_action_of(partner, pk)
    if actie is None:
        raise Http404
    form = GedaanForm(request.POST, actie=actie)
    if form.is_valid():
        # Through a link there is no account: the timeline names the partner instead.
        via_link = bron == Voorkeur.Bron.PARTNERLINK
        try:
            with namens(partner.actor if via_link else None):
                actie = services.mark_done(actie, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
    if form.is_valid() and not request.htmx:
        messages.success(request, _("Bedankt! De actie staat als gedaan."))
        return redirect(_home(bron, partner, "#acties"))
    context = {
        "actie": actie,
        "partner": partner,
        "form": form if form.errors else None,
        "account_query": f"?partner={partner.pk}" if bron == Voorkeur.Bron.ACCOUNT else "",
        "home": _home(bron, partner, "#acties"),
        "vandaag": timezone.localdate(),
        "bewaard": not form.errors,
    }
    # With HTMX the action's item is swapped; without, a refusal gets a page of its own.
    template = "overleg/_partner_actie.html" if request.htmx else "overleg/partner_actie.html"
    return render(request, template, context)
