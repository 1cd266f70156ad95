"""What needs attention, putting an item off, the printable handover, the digest opt-out."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurt.access import get_buurt_for_user

from .forms import DigestForm, UitstelForm
from .lijst import lopend_uitstel, overzicht, pagina, vind
from .models import Digestvoorkeur, Soort, Uitstel
from .overdracht import overdracht_context
from .soorten import KINDS

PER_SOORT = 5


def _groepen_context(buurt, groepen):
    return {
        "buurt": buurt,
        "groepen": groepen,
        "aantal": sum(g.aantal for g in groepen),
        "uitgesteld": sum(g.uitgesteld for g in groepen),
    }


@login_required
@require_GET
def aandacht(request, slug):
    buurt = get_buurt_for_user(request, slug)
    context = _groepen_context(buurt, overzicht(buurt, limit=PER_SOORT))
    return render(request, "aandacht/aandacht.html", context)


@login_required
@require_GET
def soort(request, slug, soort):
    buurt = get_buurt_for_user(request, slug)
    if soort not in KINDS:  # the chances have their own page: step 3
        raise Http404
    page = pagina(request, buurt, soort)
    return render(
        request,
        "aandacht/soort.html",
        {"buurt": buurt, "soort": Soort(soort), "uitleg": KINDS[soort].uitleg, "page": page},
    )


def _terug(buurt, soort):
    return reverse("aandacht:aandacht", args=[buurt.slug]) + f"#soort-{soort}"


@login_required
@require_http_methods(["GET", "POST"])
def uitstellen(request, slug, soort, sleutel):
    buurt = get_buurt_for_user(request, slug, write=True)
    if soort not in Soort.values:
        raise Http404
    item = vind(buurt, soort, sleutel)
    if item is None:  # resolved meanwhile, or never an item of this buurt
        raise Http404
    bestaand = lopend_uitstel(buurt, soort, sleutel)
    if bestaand:
        messages.info(
            request,
            _("%(titel)s is al uitgesteld tot %(datum)s.")
            % {"titel": item.titel, "datum": date_format(bestaand.tot, "j F Y")},
        )
        return redirect(_terug(buurt, soort))
    form = UitstelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        uitstel = Uitstel.objects.create(
            buurt=buurt, soort=soort, sleutel=sleutel, door=request.user, **form.cleaned_data
        )
        messages.success(
            request,
            _("%(titel)s is uitgesteld tot %(datum)s.")
            % {"titel": item.titel, "datum": date_format(uitstel.tot, "j F Y")},
        )
        return redirect(_terug(buurt, soort))
    return render(
        request,
        "aandacht/uitstellen.html",
        {"buurt": buurt, "item": item, "soort": Soort(soort), "form": form},
    )


@login_required
@require_GET
def overdracht(request, slug):
    buurt = get_buurt_for_user(request, slug)
    return render(request, "aandacht/overdracht.html", overdracht_context(buurt))


@login_required
@require_POST
def digest_voorkeur(request):
    form = DigestForm(request.POST)
    form.is_valid()  # a checkbox: absent is "no", anything else is "yes"
    wil = form.cleaned_data.get("wil_digest", False)
    Digestvoorkeur.objects.update_or_create(user=request.user, defaults={"wil_digest": wil})
    if wil:
        messages.success(request, _("Je krijgt elke week een e-mail met wat aandacht vraagt."))
    else:
        messages.success(request, _("Je krijgt geen wekelijkse e-mail meer."))
    return redirect(reverse("accounts:account") + "#wekelijkse-mail")
