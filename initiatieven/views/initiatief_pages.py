"""Initiatives by kind: the list, choosing a kind, the scale question, name suggestions
(one initiative's own page is in initiatief_detail.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurt.access import can_edit, get_buurt_for_user
from buurt.once import already_saved, first_submission
from buurt.rendering import paginate, render_page
from buurt.suggestions import datalist_response

from .. import services
from ..access import get_initiatief_for_user
from ..forms import InitiatiefForm, SchaalForm, SoortKeuzeForm
from ..models import Initiatief
from ..veel_tegelijk import veel_tegelijk
from ..vuur import partners_met_vuur

INITIATIEVEN_PER_PAGE = 25


def schaal_form(initiatief, data=None):
    # Every initiative on the list has its own scale form: keep their field names apart.
    return SchaalForm(data, instance=initiatief, prefix=f"i{initiatief.pk}")


def _lijst_context(request, buurt, form=None):
    initiatieven = (
        Initiatief.objects.in_buurt(buurt)
        .with_counts()
        .prefetch_related("ondersteunt", "ondersteund_door")
        .order_by("soort", "naam", "id")
    )
    page = paginate(request, initiatieven, INITIATIEVEN_PER_PAGE)
    per_soort = {soort: [] for soort in Initiatief.Soort.values}
    for initiatief in page:
        if initiatief.vraagt_schaal and can_edit(buurt):
            initiatief.schaal_form = schaal_form(initiatief)
        per_soort[initiatief.soort].append(initiatief)
    if form is None and can_edit(buurt):
        form = InitiatiefForm(buurt=buurt)
    groepen = [
        {
            "soort": soort,
            "label": label,
            "vragen": Initiatief.VRAGEN[soort],
            "initiatieven": per_soort[soort],
            "schaal": soort == Initiatief.SCHAAL_SOORT,
        }
        for soort, label in Initiatief.Soort.choices
    ]
    context = {
        "buurt": buurt,
        "groepen": groepen,
        "page": page,
        "form": form,
        "can_edit": can_edit(buurt),
        "tegelijk": veel_tegelijk(buurt),
    }
    if form is not None:
        context.update(_nieuw_context(buurt))
    return context


def _nieuw_context(buurt):
    """What every form for a new initiative shows beside its fields."""
    met_vuur, meer_met_vuur = partners_met_vuur(buurt)
    return {
        "met_vuur": met_vuur,
        "meer_met_vuur": meer_met_vuur,
        "schaalvraag": Initiatief.VRAGEN[Initiatief.SCHAAL_SOORT],
    }


@login_required
@require_http_methods(["GET", "POST"])
def initiatief_list(request, slug):
    buurt = get_buurt_for_user(request, slug, write=request.method == "POST")
    template = "initiatieven/initiatief_list.html"
    form = None
    if request.method == "POST":
        form = InitiatiefForm(request.POST, buurt=buurt)
        if form.is_valid() and not first_submission(request, "initiatief"):
            return already_saved(request, "initiatieven:initiatief_list", slug=buurt.slug)
        if form.is_valid():
            initiatief = services.create_initiatief(
                buurt, **form.initiatief_data(), door=request.user
            )
            messages.success(request, _("Initiatief %(naam)s aangemaakt.") % {"naam": initiatief})
            return redirect("initiatieven:initiatief_list", slug=buurt.slug)
    context = _lijst_context(request, buurt, form)
    return render_page(request, template, context, "nieuw" if form else None)


@login_required
@require_GET
def soort_choose(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    keuze = SoortKeuzeForm(request.GET or None)
    context = {"buurt": buurt, "keuze": keuze}
    voorstel = keuze.proposal()
    if voorstel:
        soort, reden = voorstel
        context.update(_nieuw_context(buurt))
        context.update(
            soort=soort,
            soort_label=Initiatief.Soort(soort).label,
            reden=reden,
            toon_schaal=soort == Initiatief.SCHAAL_SOORT,
            vragen=Initiatief.VRAGEN[soort],
            form=InitiatiefForm(buurt=buurt, initial={"soort": soort, **keuze.antwoorden}),
        )
    return render_page(request, "initiatieven/soort_keuze.html", context, "keuze")


@login_required
@require_POST
def schaal_edit(request, slug, pk):
    buurt, initiatief = get_initiatief_for_user(request, slug, pk, write=True)
    if not initiatief.vraagt_schaal:
        messages.error(request, _("De schaalvraag hoort bij een buurtgericht zorginitiatief."))
        return redirect("initiatieven:initiatief_list", slug=buurt.slug)
    form = schaal_form(initiatief, request.POST)
    if form.is_valid():
        # Only the answer: the rest of the row may have been edited since this page loaded.
        form.save(commit=False).save(update_fields=["schaal_antwoord", "schaal_toelichting"])
        if not request.htmx:
            messages.success(request, _("Antwoord op de schaalvraag bewaard."))
            if request.POST.get("vanaf") == "pagina":
                url = reverse("initiatieven:initiatief_detail", args=[buurt.slug, pk])
                return redirect(f"{url}#schaal-{pk}")
            return redirect(reverse("initiatieven:initiatief_list", args=[buurt.slug]) + f"#i-{pk}")
        form = schaal_form(initiatief)
        initiatief.bewaard = True
    initiatief.schaal_form = form
    context = {
        "buurt": buurt,
        "initiatief": initiatief,
        "can_edit": True,
        "vanaf_pagina": request.POST.get("vanaf") == "pagina",
    }
    return render_page(request, "initiatieven/schaal_form.html", context, "schaal")


@login_required
@require_GET
def initiatief_suggestions(request, slug):
    """A <datalist> of a few initiative names matching what is typed in a name field."""
    buurt = get_buurt_for_user(request, slug)
    return datalist_response(request, Initiatief.objects.in_buurt(buurt))
