"""The privacy pages: erase or anonymise a person, their legal basis, an access request, the
retention proposals and the log of research exports.

Messages never name the person: a message waits in the session, and the session is one of
the places an erasure has to clean.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurt.models import Actor, Exportregistratie
from buurt.privacy import Grondslag, zonder_grondslag
from buurt.rendering import paginate

from . import bewaartermijn as retention
from .access import get_buurt_for_privacy, get_levend_persoon, get_persoon
from .forms import BevestigForm, BewaartermijnForm, GrondslagForm
from .inzage import als_json, inzage
from .models import Wissing
from .opruimen import deze_sessie
from .services import anonimiseer, voorbereiden, wis
from .vermeldingen import Patroon, naalden, tijdlijn_vermeldingen, vermeldingen

PER_PAGE = 25


def _terug(buurt):
    """After an erasure: the buurt's list, or the admin for an administrator without a role."""
    if buurt.rol is None:
        return redirect("admin:buurt_actor_changelist")
    return redirect("buurt:ken_je_buurt", slug=buurt.slug)


@login_required
@require_GET
def overzicht(request, slug):
    buurt = get_buurt_for_privacy(request, slug)
    personen = Actor.objects.in_buurt(buurt).natuurlijke_personen()
    context = {
        "buurt": buurt,
        "zonder_grondslag": personen.filter(zonder_grondslag()).count(),
        "voorstellen": retention.voorstellen(buurt).count(),
        "maanden": retention.maanden(),
        "wissingen": paginate(
            request, Wissing.objects.in_buurt(buurt).select_related("door"), PER_PAGE
        ),
        "exports": Exportregistratie.objects.voor_buurt(buurt).count(),
    }
    return render(request, "privacy/overzicht.html", context)


def _bevestiging(request, buurt, actor, template, form):
    voorbereiding = voorbereiden(actor)
    context = {
        "buurt": buurt,
        "actor": actor,
        "form": form,
        "voorbereiding": voorbereiding,
        "vermeldingen": vermeldingen(actor, voorbereiding.verzameld),
        "tijdlijn_vermeldingen": tijdlijn_vermeldingen(actor, voorbereiding.verzameld),
        "account": getattr(getattr(actor, "partner", None), "user", None),
    }
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def wissen(request, slug, pk):
    buurt, actor = get_persoon(request, slug, pk)
    form = BevestigForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        deze_sessie(request, Patroon(naalden(actor)))
        wis(actor, door=request.user)
        messages.success(request, _("De persoon is gewist, met elk spoor van naam en adres."))
        return _terug(buurt)
    return _bevestiging(request, buurt, actor, "privacy/wissen.html", form)


@login_required
@require_http_methods(["GET", "POST"])
def anonimiseren(request, slug, pk):
    buurt, actor = get_levend_persoon(request, slug, pk)
    form = BevestigForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        deze_sessie(request, Patroon(naalden(actor)))
        wissing = anonimiseer(actor, door=request.user)
        messages.success(
            request,
            _("De persoon is geanonimiseerd: voortaan “%(naam)s”.")
            % {"naam": f"{wissing.soort} {wissing.volgnummer}"},
        )
        if buurt.rol is None:
            return _terug(buurt)
        return redirect("coordinatie:actor_detail", slug=buurt.slug, pk=actor.pk)
    return _bevestiging(request, buurt, actor, "privacy/anonimiseren.html", form)


@login_required
@require_http_methods(["GET", "POST"])
def grondslag(request, slug, pk):
    buurt, actor = get_levend_persoon(request, slug, pk)
    form = GrondslagForm(request.POST if request.method == "POST" else None, instance=actor)
    if request.method == "POST" and form.is_valid():
        actor = form.save(commit=False)
        if actor.grondslag == Grondslag.TOESTEMMING:
            actor.toestemming_door = actor.toestemming_door or request.user
        else:
            actor.toestemming_door = None
        actor.save()
        messages.success(request, _("De grondslag en de omschrijving zijn bewaard."))
        return redirect("coordinatie:actor_detail", slug=buurt.slug, pk=actor.pk)
    return render(request, "privacy/grondslag.html", {"buurt": buurt, "actor": actor, "form": form})


@login_required
@require_GET
def inzage_pagina(request, slug, pk):
    buurt, actor = get_persoon(request, slug, pk)
    context = {"buurt": buurt, "actor": actor, **inzage(actor)}
    return render(request, "privacy/inzage.html", context)


@login_required
@require_GET
def inzage_json(request, slug, pk):
    _buurt, actor = get_persoon(request, slug, pk)
    response = JsonResponse(
        als_json(actor, inzage(actor)), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="inzage-{actor.pk}-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def bewaartermijn(request, slug):
    buurt = get_buurt_for_privacy(request, slug)
    page = paginate(request, retention.voorstellen(buurt), PER_PAGE)
    voorstellen = list(page.object_list)
    form = BewaartermijnForm(
        request.POST if request.method == "POST" else None, voorstellen=voorstellen
    )
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["personen"])
        with transaction.atomic():
            for actor in voorstellen:
                if actor.pk in chosen:
                    anonimiseer(actor, door=request.user)
        messages.success(request, _("%(n)s personen geanonimiseerd.") % {"n": len(chosen)})
        return redirect("privacy:bewaartermijn", slug=buurt.slug)
    context = {
        "buurt": buurt,
        "page": page,
        "voorstellen": voorstellen,
        "form": form,
        "maanden": retention.maanden(),
        "grens": retention.grens(),
    }
    return render(request, "privacy/bewaartermijn.html", context)


@login_required
@require_GET
def exports(request, slug):
    buurt = get_buurt_for_privacy(request, slug)
    registraties = paginate(
        request,
        Exportregistratie.objects.voor_buurt(buurt)
        .select_related("door")
        .prefetch_related("buurten"),
        PER_PAGE,
    )
    return render(request, "privacy/exports.html", {"buurt": buurt, "page": registraties})
