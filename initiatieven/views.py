from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from buurt.access import can_edit, get_buurt_for_user
from buurt.models import Actor, Samenwerkingsintensiteit
from partners.models import Niveau

from . import bomen, bos, fruit, services
from .access import get_activiteit_for_user, get_initiatief_for_user, get_team_for_user
from .forms import (
    MAX_SUGGESTIONS,
    ActiviteitForm,
    DeelnameForm,
    InitiatiefForm,
    LedenFormSet,
    ReikHogerForm,
    RelatieVoorstelForm,
    SchaalForm,
    SoortKeuzeForm,
    TeamForm,
    VoortbouwForm,
    partner_names,
    partners_met_vuur,
    partners_named,
)
from .models import Activiteit, Deelname, Initiatief

PAGE_SIZE = 25
TEAMS_PER_PAGE = 10
FRUIT_CHANGED = "fruit-changed"


def _page(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _partial_or_page(request, template, context, partial=None):
    if request.htmx and partial:
        return render(request, f"{template}#{partial}", context)
    return render(request, template, context)


# Step 3: activities and the low-hanging-fruit finder.


def _fruit_context(request, buurt, form=None):
    activiteiten = (
        Activiteit.objects.in_buurt(buurt)
        .prefetch_related(Prefetch("organisatoren", queryset=Actor.objects.only("id", "naam")))
        .order_by("-loopt", "naam", "id")
    )
    kansen, meer_kansen = fruit.laaghangend_fruit(buurt)
    if form is None and can_edit(buurt):
        form = ActiviteitForm(buurt=buurt)
    return {
        "buurt": buurt,
        "page_obj": _page(request, activiteiten),
        "form": form,
        "kansen": kansen,
        "meer_kansen": meer_kansen,
        "kan_bewerken": can_edit(buurt),
        "intensiteiten": Samenwerkingsintensiteit.choices,
        "soorten": Initiatief.Soort.choices,
    }


@login_required
@require_http_methods(["GET", "POST"])
def fruit_view(request, slug):
    buurt = get_buurt_for_user(request, slug, write=request.method == "POST")
    template = "initiatieven/fruit_page.html"
    if request.method == "POST":
        form = ActiviteitForm(request.POST, buurt=buurt)
        toegevoegd = None
        if form.is_valid():
            activiteit = services.save_activiteit(form)
            toegevoegd = _("Activiteit %(naam)s toegevoegd.") % {"naam": activiteit}
            if not request.htmx:
                messages.success(request, toegevoegd)
                return redirect("initiatieven:fruit", slug=buurt.slug)
            form = None
        context = _fruit_context(request, buurt, form)
        context["toegevoegd"] = toegevoegd
        return _partial_or_page(request, template, context, "inhoud")
    context = _fruit_context(request, buurt)
    partial = "kansen" if request.htmx and request.htmx.target == "kansen" else "inhoud"
    return _partial_or_page(request, template, context, partial)


@login_required
@require_http_methods(["GET", "POST"])
def activiteit_edit(request, slug, pk):
    """One activity: its row, its inline edit row (HTMX) or its own page (without JS)."""
    bewerk = request.method == "POST" or "bewerk" in request.GET
    buurt, activiteit = get_activiteit_for_user(request, slug, pk, write=bewerk)
    context = {"buurt": buurt, "activiteit": activiteit, "kan_bewerken": can_edit(buurt)}
    form = None
    if request.method == "POST":
        form = ActiviteitForm(request.POST, instance=activiteit, buurt=buurt)
        if form.is_valid():
            services.save_activiteit(form)
            if not request.htmx:
                messages.success(request, _("Activiteit %(naam)s bewaard.") % {"naam": activiteit})
                return redirect("initiatieven:fruit", slug=buurt.slug)
            response = render(request, "initiatieven/_activiteit_row.html", context)
            return trigger_client_event(response, FRUIT_CHANGED)
    elif bewerk:
        form = ActiviteitForm(instance=activiteit, buurt=buurt)
    context["form"] = form
    if request.htmx:
        row = "_activiteit_form_row.html" if form else "_activiteit_row.html"
        return render(request, f"initiatieven/{row}", context)
    return render(request, "initiatieven/activiteit_form.html", context)


def _after_fruit_action(request, buurt, melding=None, fout=None):
    """Without JS: back to the chances with a message. With HTMX: the refreshed chances."""
    if not request.htmx:
        messages.add_message(request, messages.ERROR if fout else messages.SUCCESS, fout or melding)
        return redirect(reverse("initiatieven:fruit", args=[buurt.slug]) + "#kansen")
    kansen, meer_kansen = fruit.laaghangend_fruit(buurt)
    context = {
        "buurt": buurt,
        "kansen": kansen,
        "meer_kansen": meer_kansen,
        "kan_bewerken": True,
        "intensiteiten": Samenwerkingsintensiteit.choices,
        "soorten": Initiatief.Soort.choices,
        "melding": melding,
        "fout": fout,
    }
    return render(request, "initiatieven/fruit_page.html#kansen", context)


def _niet_bewaard(form):
    fouten = "; ".join(str(e) for errors in form.errors.values() for e in errors)
    return _("Niet bewaard: %(fouten)s") % {"fouten": fouten}


@login_required
@require_POST
def fruit_connect(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    form = RelatieVoorstelForm(request.POST, buurt=buurt)
    if not form.is_valid():
        return _after_fruit_action(request, buurt, fout=_niet_bewaard(form))
    van, naar = form.cleaned_data["van"], form.cleaned_data["naar"]
    services.record_relatie(buurt, van, naar, form.cleaned_data["intensiteit"])
    message = _("Relatie tussen %(van)s en %(naar)s vastgelegd.") % {"van": van, "naar": naar}
    return _after_fruit_action(request, buurt, message)


@login_required
@require_POST
def fruit_build_on(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    form = VoortbouwForm(request.POST, buurt=buurt)
    if not form.is_valid():
        return _after_fruit_action(request, buurt, fout=_niet_bewaard(form))
    initiatief = services.create_initiatief(
        buurt,
        naam=form.cleaned_data["naam"],
        soort=form.cleaned_data["soort"],
        bouwt_voort_op=form.cleaned_data["activiteiten"],
    )
    message = _("Initiatief %(naam)s bouwt nu voort op %(activiteiten)s.") % {
        "naam": initiatief,
        "activiteiten": ", ".join(str(a) for a in form.cleaned_data["activiteiten"]),
    }
    return _after_fruit_action(request, buurt, message)


@login_required
@require_http_methods(["GET", "POST"])
def reik_hoger(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    # A preview ("toon") is a POST too, so the CSRF token never lands in a URL.
    source = request.POST if request.method == "POST" else request.GET
    if request.method == "POST" and "toon" not in request.POST:
        form = ReikHogerForm(request.POST, buurt=buurt)
        if form.is_valid():
            data = form.cleaned_data
            initiatief = services.create_initiatief(
                buurt,
                naam=data["naam"],
                soort=data["soort"],
                doel=data["doel"],
                trekkers=[p.actor for p in data["partners"]],
            )
            messages.success(
                request, _("Nieuw initiatief %(naam)s gestart.") % {"naam": initiatief}
            )
            return redirect("initiatieven:initiatief_list", slug=buurt.slug)
        namen = request.POST.get("partners", "")
    else:
        # A preview, not a submission: show the choice again without any errors.
        namen = source.get("partners", "")
        initial = {name: source.get(name, "") for name in ("naam", "soort", "doel")}
        form = ReikHogerForm(buurt=buurt, initial={**initial, "partners": namen})
    gekozen, onbekend = partners_named(buurt, partner_names(namen))
    for partner in gekozen:
        partner.vuur = partner.huidig_enthousiasme == Niveau.VUUR
        partner.enthousiasme_label = Niveau(partner.huidig_enthousiasme or Niveau.GEEN).label
    context = {
        "buurt": buurt,
        "form": form,
        "gekozen": gekozen,
        "onbekend": onbekend,
        "geen_vuur": bool(gekozen) and not any(p.vuur for p in gekozen),
    }
    if not request.htmx:
        context["met_vuur"], context["meer_met_vuur"] = partners_met_vuur(buurt)
    return _partial_or_page(request, "initiatieven/reik_hoger.html", context, "vuur")


# Initiatives by kind.

VRAGEN = {
    Initiatief.Soort.BEWONERSINITIATIEF: [
        gettext_lazy("Wie zijn de trekkers, en hoe houden we hun vuur brandend?"),
        gettext_lazy("Wat hebben ze nodig om te groeien, zonder het over te nemen?"),
        gettext_lazy(
            "Laat duizend bloemen bloeien: welke kleine initiatieven verdienen een duwtje?"
        ),
    ],
    Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF: [
        gettext_lazy("Zijn er al bewonersinitiatieven? Zo niet: wie start er een?"),
        gettext_lazy("Zijn ze warm, maar nog niet zorgzaam? Hoe worden ze dat?"),
        gettext_lazy("Vallen er bewoners uit de boot? Hoe wordt het initiatief inclusief?"),
        gettext_lazy("Ondersteunen vrijwilligers en professionals, of nemen ze over?"),
    ],
    Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF: [
        gettext_lazy("Welke zorg- en welzijnsprofessionals trekken het initiatief?"),
        gettext_lazy("Hoe sluit het aan bij wat bewoners zelf al doen?"),
        gettext_lazy("Is de buurt de juiste schaal voor dit doel?"),
    ],
}


def _lijst_context(request, buurt, form=None):
    initiatieven = (
        Initiatief.objects.in_buurt(buurt)
        .annotate(
            n_activiteiten=Count("bouwt_voort_op", distinct=True),
            n_teams=Count("teams", distinct=True),
        )
        .order_by("soort", "naam", "id")
    )
    page_obj = _page(request, initiatieven)
    per_soort = {soort: [] for soort in Initiatief.Soort.values}
    for initiatief in page_obj:
        if initiatief.soort == Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF and can_edit(buurt):
            initiatief.schaal_form = SchaalForm(instance=initiatief, prefix=f"i{initiatief.pk}")
        per_soort[initiatief.soort].append(initiatief)
    if form is None and can_edit(buurt):
        form = InitiatiefForm(buurt=buurt)
    groepen = [
        {
            "soort": soort,
            "label": label,
            "vragen": VRAGEN[soort],
            "initiatieven": per_soort[soort],
            "schaal": soort == Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF,
        }
        for soort, label in Initiatief.Soort.choices
    ]
    return {
        "buurt": buurt,
        "groepen": groepen,
        "page_obj": page_obj,
        "form": form,
        "kan_bewerken": can_edit(buurt),
    }


@login_required
@require_http_methods(["GET", "POST"])
def initiatief_list(request, slug):
    buurt = get_buurt_for_user(request, slug, write=request.method == "POST")
    template = "initiatieven/initiatief_list.html"
    form = None
    if request.method == "POST":
        form = InitiatiefForm(request.POST, buurt=buurt)
        if form.is_valid():
            initiatief = services.create_initiatief(buurt, **form.cleaned_data)
            messages.success(request, _("Initiatief %(naam)s aangemaakt.") % {"naam": initiatief})
            return redirect("initiatieven:initiatief_list", slug=buurt.slug)
    context = _lijst_context(request, buurt, form)
    return _partial_or_page(request, template, context, "nieuw" if form else None)


@login_required
@require_GET
def soort_choose(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    keuze = SoortKeuzeForm(request.GET or None)
    context = {"buurt": buurt, "keuze": keuze}
    if keuze.is_valid():
        soort = keuze.suggested_soort()
        context["soort"] = soort
        context["soort_label"] = Initiatief.Soort(soort).label
        context["vragen"] = VRAGEN[soort]
        context["form"] = InitiatiefForm(buurt=buurt, initial={"soort": soort})
    return _partial_or_page(request, "initiatieven/soort_keuze.html", context, "advies")


@login_required
@require_POST
def schaal_edit(request, slug, pk):
    buurt, initiatief = get_initiatief_for_user(request, slug, pk, write=True)
    if initiatief.soort != Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF:
        messages.error(request, _("De schaalvraag hoort bij een buurtgericht zorginitiatief."))
        return redirect("initiatieven:initiatief_list", slug=buurt.slug)
    form = SchaalForm(request.POST, instance=initiatief, prefix=f"i{initiatief.pk}")
    if form.is_valid():
        form.save()
        if not request.htmx:
            messages.success(request, _("Antwoord op de schaalvraag bewaard."))
            return redirect(reverse("initiatieven:initiatief_list", args=[buurt.slug]) + f"#i-{pk}")
        form = SchaalForm(instance=initiatief, prefix=f"i{initiatief.pk}")
        initiatief.bewaard = True
    initiatief.schaal_form = form
    context = {"buurt": buurt, "initiatief": initiatief, "kan_bewerken": True}
    return _partial_or_page(request, "initiatieven/schaal_form.html", context, "schaal")


# Step 4: teams.


@login_required
@require_GET
def initiatief_suggestions(request, slug):
    """A <datalist> of a few initiative names matching what is typed in a name field."""
    buurt = get_buurt_for_user(request, slug)
    list_id = request.GET.get("list", "")
    if not list_id.replace("-", "").replace("_", "").isalnum():
        return HttpResponseBadRequest()
    typed = request.GET.get(request.GET.get("field", ""), "").strip()
    names = []
    if typed:
        names = (
            Initiatief.objects.in_buurt(buurt)
            .filter(naam__icontains=typed)
            .order_by("naam")
            .values_list("naam", flat=True)
            .distinct()[:MAX_SUGGESTIONS]
        )
    context = {"list_id": list_id, "options": names}
    return render(request, "buurt/_actor_suggestions.html", context)


@login_required
@require_GET
def bomen_view(request, slug):
    buurt = get_buurt_for_user(request, slug)
    page_obj = _page(request, bomen.teams_page_queryset(buurt), TEAMS_PER_PAGE)
    overzichten = bomen.team_overzichten(page_obj)
    context = {
        "buurt": buurt,
        "page_obj": page_obj,
        "overzichten": overzichten,
        "matrix": bomen.partner_matrix(overzichten),
        "kan_bewerken": can_edit(buurt),
    }
    return render(request, "initiatieven/bomen_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def team_create(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    if request.method == "POST":
        form = TeamForm(request.POST, buurt=buurt)
        leden = LedenFormSet(request.POST, prefix="leden", buurt=buurt)
        if form.is_valid() and leden.is_valid():
            data = dict(form.cleaned_data)
            team = services.create_team(
                data.pop("initiatief"),
                intensiteit=data.pop("intensiteit"),
                leden=leden.leden(),
                door=request.user,
                **data,
            )
            messages.success(request, _("Team %(naam)s aangemaakt.") % {"naam": team})
            return redirect(reverse("initiatieven:bomen", args=[buurt.slug]) + f"#team-{team.pk}")
    else:
        form = TeamForm(buurt=buurt, initial={"initiatief": request.GET.get("initiatief")})
        leden = LedenFormSet(prefix="leden", buurt=buurt)
    context = {
        "buurt": buurt,
        "form": form,
        "leden": leden,
        # A posted form is shown again with its errors, whatever else changed.
        "heeft_initiatieven": form.is_bound or Initiatief.objects.in_buurt(buurt).exists(),
    }
    return render(request, "initiatieven/team_form.html", context)


def _team_card(request, buurt, team):
    team = bomen.teams_page_queryset(buurt).get(pk=team.pk)
    context = {
        "buurt": buurt,
        "overzicht": bomen.team_overzichten([team])[0],
        "kan_bewerken": True,
    }
    return render(request, "initiatieven/_team_card.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def team_edit(request, slug, pk):
    buurt, team = get_team_for_user(request, slug, pk, write=True)
    if request.method == "POST":
        form = TeamForm(request.POST, instance=team, buurt=buurt)
        if form.is_valid():
            services.update_team(
                form.save(commit=False),
                intensiteit=form.cleaned_data["intensiteit"],
                door=request.user,
            )
            if request.htmx:
                return _team_card(request, buurt, team)
            messages.success(request, _("Team %(naam)s bewaard.") % {"naam": team})
            return redirect(reverse("initiatieven:bomen", args=[buurt.slug]) + f"#team-{pk}")
    else:
        huidig = team.intensiteiten.values_list("intensiteit", flat=True).first()
        form = TeamForm(instance=team, buurt=buurt, initial={"intensiteit": huidig})
    context = {"buurt": buurt, "team": team, "form": form}
    return _partial_or_page(request, "initiatieven/team_edit.html", context, "team-form")


@login_required
@require_http_methods(["GET", "POST"])
def deelname_edit(request, slug, pk):
    buurt = get_buurt_for_user(request, slug, write=True)
    deelname = _get_deelname(buurt, pk)
    team = deelname.team
    if request.method == "POST":
        form = DeelnameForm(request.POST, auto_id=f"id_deelname{pk}_%s")
        if form.is_valid():
            services.change_deelname(deelname, **form.cleaned_data)
            if request.htmx:
                return _team_card(request, buurt, team)
            messages.success(
                request, _("Deelname van %(partner)s bewaard.") % {"partner": deelname.partner}
            )
            return redirect(reverse("initiatieven:bomen", args=[buurt.slug]) + f"#team-{team.pk}")
    else:
        form = DeelnameForm(
            auto_id=f"id_deelname{pk}_%s",
            initial={
                "participatieniveau": deelname.participatieniveau,
                "nodig": deelname.nodig,
                "middelen": deelname.middelen,
            },
        )
    context = {"buurt": buurt, "deelname": deelname, "team": team, "form": form}
    return _partial_or_page(request, "initiatieven/deelname_edit.html", context, "deelname-form")


def _get_deelname(buurt, pk):
    return get_object_or_404(
        Deelname.objects.in_buurt(buurt).actief().select_related("partner__actor", "team"), pk=pk
    )


# Het bos: the network map.


@login_required
@require_GET
def bos_view(request, slug):
    buurt = get_buurt_for_user(request, slug)
    filters = bos.BosFilter.from_query(request.GET)
    kaart = bos.netwerkkaart(buurt, filters)
    context = {
        "buurt": buurt,
        "kaart": kaart,
        "filters": filters,
        "soorten": Actor.Soort.choices,
        "intensiteiten": Samenwerkingsintensiteit.choices,
        "relaties_page": _page(request, kaart.relaties_tabel),
        "extra_query": f"&soort={filters.soort}&intensiteit={filters.intensiteit}",
    }
    return _partial_or_page(request, "initiatieven/bos_page.html", context, "kaart")
