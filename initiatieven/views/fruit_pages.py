"""Step 3: activities, the low-hanging-fruit finder and reaching higher."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from buurt.access import can_edit, get_buurt_for_user
from buurt.models import Actor, Samenwerkingsintensiteit
from buurt.once import ALREADY_SAVED, already_saved, first_submission
from buurt.rendering import paginate, render_page

from .. import fruit, kansen, services
from ..access import get_activiteit_for_user
from ..forms import (
    ActiviteitForm,
    PartnerKeuzeForm,
    ReikHogerForm,
    RelatieVoorstelForm,
    VoortbouwForm,
)
from ..forms.kans import KansForm, KansstatusForm
from ..models import Activiteit, Initiatief, Kansstatus
from ..vuur import geen_vuur, partners_met_vuur

ACTIVITEITEN_PER_PAGE = 25
FRUIT_CHANGED = "fruit-changed"


def _ook_verborgen(request):
    source = request.POST if request.method == "POST" else request.GET
    return source.get("ook_verborgen") == "1"


def _kans_choices():
    return {
        "intensiteiten": Samenwerkingsintensiteit.choices,
        "soorten": Initiatief.Soort.choices,
        "maanden_keuzes": KansstatusForm.base_fields["maanden"].choices,
    }


def _kansen_context(request, buurt):
    ook_verborgen = _ook_verborgen(request)
    oogst = fruit.pluk(buurt)
    verborgen = oogst.verborgen if ook_verborgen else []
    kansen.met_staat(buurt, oogst.kansen + verborgen)
    return {
        "buurt": buurt,
        "kansen": oogst.kansen,
        "meer_kansen": oogst.meer,
        "verborgen": verborgen,
        "aantal_verborgen": oogst.aantal_verborgen,
        "ook_verborgen": ook_verborgen,
        **_kans_choices(),
    }


def _fruit_context(request, buurt, form=None):
    activiteiten = (
        Activiteit.objects.in_buurt(buurt)
        .prefetch_related(Prefetch("organisatoren", queryset=Actor.objects.only("id", "naam")))
        .order_by("-loopt", "naam", "id")
    )
    if form is None and can_edit(buurt):
        form = ActiviteitForm(buurt=buurt)
    return {
        **_kansen_context(request, buurt),
        "activiteiten": paginate(request, activiteiten, ACTIVITEITEN_PER_PAGE),
        "form": form,
        "can_edit": can_edit(buurt),
    }


@login_required
@require_http_methods(["GET", "POST"])
def fruit_view(request, slug):
    buurt = get_buurt_for_user(request, slug, write=request.method == "POST")
    template = "initiatieven/fruit_page.html"
    if request.method == "POST":
        form = ActiviteitForm(request.POST, buurt=buurt)
        toegevoegd = None
        if form.is_valid() and not first_submission(request, "activiteit"):
            if not request.htmx:
                return already_saved(request, "initiatieven:fruit", slug=buurt.slug)
            toegevoegd, form = ALREADY_SAVED, None
        elif form.is_valid():
            activiteit = services.save_activiteit(form)
            toegevoegd = _("Activiteit %(naam)s toegevoegd.") % {"naam": activiteit}
            if not request.htmx:
                messages.success(request, toegevoegd)
                return redirect("initiatieven:fruit", slug=buurt.slug)
            form = None
        context = _fruit_context(request, buurt, form)
        context["toegevoegd"] = toegevoegd
        return render_page(request, template, context, "inhoud")
    context = _fruit_context(request, buurt)
    partial = "kansen" if request.htmx and request.htmx.target == "kansen" else "inhoud"
    return render_page(request, template, context, partial)


@login_required
@require_http_methods(["GET", "POST"])
def activiteit_edit(request, slug, pk):
    """One activity: its row, its inline edit row (HTMX) or its own page (without JS)."""
    bewerk = request.method == "POST" or "bewerk" in request.GET
    buurt, activiteit = get_activiteit_for_user(request, slug, pk, write=bewerk)
    context = {"buurt": buurt, "activiteit": activiteit, "can_edit": can_edit(buurt)}
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


def _fruit_url(request, buurt, anchor="kansen"):
    query = "?ook_verborgen=1" if _ook_verborgen(request) else ""
    return f"{reverse('initiatieven:fruit', args=[buurt.slug])}{query}#{anchor}"


def _after_fruit_action(request, buurt, melding=None, fout=None):
    """Without JS: back to the chances with a message. With HTMX: the refreshed chances."""
    if not request.htmx:
        messages.add_message(request, messages.ERROR if fout else messages.SUCCESS, fout or melding)
        return redirect(_fruit_url(request, buurt))
    context = {**_kansen_context(request, buurt), "can_edit": True, "melding": melding}
    context["fout"] = fout
    return render(request, "initiatieven/fruit_page.html#kansen", context)


def _niet_bewaard(form):
    return _niet_bewaard_wegens(str(e) for errors in form.errors.values() for e in errors)


def _niet_bewaard_wegens(fouten):
    return _("Niet bewaard: %(fouten)s") % {"fouten": "; ".join(fouten)}


@login_required
@require_POST
def fruit_connect(request, slug):
    """Connect the organisers of a chance; with the chance's two activities posted too, the
    chance is marked ``verbonden`` in the same transaction."""
    buurt = get_buurt_for_user(request, slug, write=True)
    form = RelatieVoorstelForm(request.POST, buurt=buurt)
    paar = KansForm(request.POST) if {"activiteit_a", "activiteit_b"} & set(request.POST) else None
    if not form.is_valid() or (paar and not paar.is_valid()):
        fouten = [*form.errors.values(), *(paar.errors.values() if paar else [])]
        return _after_fruit_action(
            request, buurt, fout=_niet_bewaard_wegens(str(e) for errors in fouten for e in errors)
        )
    van, naar = form.cleaned_data["van"], form.cleaned_data["naar"]
    intensiteit = form.cleaned_data["intensiteit"]
    if paar:
        try:
            kansen.verbind(
                buurt, *paar.pair(), van=van, naar=naar, intensiteit=intensiteit, door=request.user
            )
        except ValidationError as error:
            return _after_fruit_action(request, buurt, fout=_niet_bewaard_wegens(error.messages))
    else:
        services.record_relatie(buurt, van, naar, intensiteit)
    message = _("Relatie tussen %(van)s en %(naar)s vastgelegd.") % {"van": van, "naar": naar}
    return _after_fruit_action(request, buurt, message)


@login_required
@require_POST
def kans_status(request, slug):
    """Besproken, niet nu, weer voorstellen: a new state for one chance. Without JS back to
    the chances with a message; with HTMX the chance's own row, redrawn."""
    buurt = get_buurt_for_user(request, slug, write=True)
    form = KansstatusForm(request.POST)
    melding = fout = None
    if not form.is_valid():
        fout = _niet_bewaard(form)
    else:
        try:
            record = kansen.set_kansstatus(
                buurt,
                *form.pair(),
                status=form.cleaned_data["status"],
                maanden=form.cleaned_data["maanden"],
                notitie=form.cleaned_data["notitie"],
                door=request.user,
            )
        except ValidationError as error:
            fout = _niet_bewaard_wegens(error.messages)
        else:
            melding = _status_melding(record)
    if not request.htmx:
        messages.add_message(request, messages.ERROR if fout else messages.SUCCESS, fout or melding)
        return redirect(_fruit_url(request, buurt))
    kans = None
    if "activiteit_a" in form.cleaned_data and "activiteit_b" in form.cleaned_data:
        kans = fruit.kans_voor(buurt, *form.pair())
    if kans:
        kansen.met_staat(buurt, [kans])
    context = {
        "buurt": buurt,
        "kans": kans,
        "key": "-".join(request.POST.get(k, "") for k in ("activiteit_a", "activiteit_b")),
        "can_edit": True,
        "ook_verborgen": _ook_verborgen(request),
        "kans_melding": melding,
        "kans_fout": fout,
        **_kans_choices(),
    }
    return render(request, "initiatieven/_kans.html", context)


def _status_melding(record):
    names = {"a": record.activiteit_a, "b": record.activiteit_b}
    if record.status == Kansstatus.Status.NIET_NU:
        names["tot"] = date_format(record.tot, "j F Y")
        return _("De kans %(a)s en %(b)s is verborgen tot %(tot)s.") % names
    if record.status == Kansstatus.Status.VOORGESTELD:
        return _("De kans %(a)s en %(b)s wordt weer voorgesteld.") % names
    return _("De kans %(a)s en %(b)s staat op “%(status)s”.") % {
        **names,
        "status": record.get_status_display(),
    }


@login_required
@require_POST
def fruit_build_on(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    form = VoortbouwForm(request.POST, buurt=buurt)
    if not form.is_valid():
        return _after_fruit_action(request, buurt, fout=_niet_bewaard(form))
    if not first_submission(request, "voortbouwen"):
        return _after_fruit_action(request, buurt, ALREADY_SAVED)
    initiatief = services.create_initiatief(
        buurt,
        naam=form.cleaned_data["naam"],
        soort=form.cleaned_data["soort"],
        bouwt_voort_op=form.cleaned_data["activiteiten"],
        door=request.user,
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
        if form.is_valid() and not first_submission(request, "reik-hoger"):
            return already_saved(request, "initiatieven:initiatief_list", slug=buurt.slug)
        if form.is_valid():
            initiatief = services.create_initiatief(
                buurt, **form.initiatief_data(), door=request.user
            )
            messages.success(
                request, _("Nieuw initiatief %(naam)s gestart.") % {"naam": initiatief}
            )
            return redirect("initiatieven:initiatief_list", slug=buurt.slug)
    else:
        # A preview, not a submission: show the choice again without any errors.
        fields = (
            "naam",
            "soort",
            "gestart_door",
            "doel",
            "partners",
            "schaal_antwoord",
            "schaal_toelichting",
        )
        form = ReikHogerForm(buurt=buurt, initial={name: source.get(name, "") for name in fields})
    gekozen, onbekend = PartnerKeuzeForm(source).partners_named(buurt)
    context = {
        "buurt": buurt,
        "form": form,
        "gekozen": gekozen,
        "onbekend": onbekend,
        "geen_vuur": geen_vuur(gekozen),
        "schaalvraag": Initiatief.VRAGEN[Initiatief.SCHAAL_SOORT],
    }
    if not request.htmx:
        context["met_vuur"], context["meer_met_vuur"] = partners_met_vuur(buurt)
    return render_page(request, "initiatieven/reik_hoger.html", context, "vuur")
