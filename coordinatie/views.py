"""Coordinator pages that join apps: the dashboard, an actor's page and step 2, Zoek vonken
(en vuur), where enthusiasm is rated and small successes are logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Prefetch, Subquery
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from aandacht.lijst import dashboard as aandacht_dashboard
from buurt.access import can_edit, get_actor_for_user, get_buurt_for_user
from buurt.forms import RelatieForm
from buurt.models import Actor, Relatie
from buurt.months import month_starts
from buurt.once import already_saved, first_submission
from buurt.rendering import KnownCountPaginator, paginate, render_page
from buurt.services import add_relatie
from buurt.tijdlijn import wijzigingen_voor
from initiatieven.access import get_succes_for_user
from initiatieven.forms import SuccesForm
from initiatieven.models import Activiteit, Succes
from partners.access import get_partner_for_user
from partners.enthousiasme import attach_trend, fire_summary, partners_with_trend
from partners.forms import EnthousiasmeForm, PartnerCreateForm
from partners.models import Enthousiasme, Niveau, Partner
from partners.services import make_partner
from partners.tellingen import per_niveau

from .progress import beleid_naast_groei, growth_over_time, step_overview
from .tijdlijn import timeline_page


@login_required
@require_GET
def dashboard(request, slug):
    buurt = get_buurt_for_user(request, slug, for_researchers=True)  # aggregates only
    steps, tegelijk = step_overview(buurt)
    return render(
        request,
        "coordinatie/dashboard.html",
        {
            "buurt": buurt,
            "steps": steps,
            "groei": growth_over_time(buurt),
            # Researchers see how many expectations, not their text.
            "beleid": beleid_naast_groei(buurt, met_tekst=can_edit(buurt)),
            "tegelijk": tegelijk,
            # What needs attention names people: for coordinators only.
            **(aandacht_dashboard(buurt) if can_edit(buurt) else {}),
        },
    )


@login_required
@require_GET
def actor_detail(request, slug, pk):
    buurt, actor = get_actor_for_user(request, slug, pk)
    return render(request, "coordinatie/actor_detail.html", _actor_detail_context(buurt, actor))


def _actor_detail_context(buurt, actor, relatie_form=None):
    actor = (
        Actor.objects.select_related("aangebracht_door", "partner")
        .prefetch_related(
            Prefetch(
                "partner__enthousiasme",
                queryset=Enthousiasme.objects.select_related("door").order_by("-datum", "-id"),
            )
        )
        .annotate(aantal_aangebracht=Count("aangebracht"))
        .get(pk=actor.pk)
    )
    relaties = (
        Relatie.objects.van_actor(actor)
        .select_related("van", "naar")
        .order_by(F("tot").desc(nulls_first=True), "-sinds", "-id")
    )
    today = timezone.localdate()
    partner = getattr(actor, "partner", None)
    relaties = list(relaties)
    history = [(Actor, [actor.pk]), (Relatie, [r.pk for r in relaties])]
    if partner:
        history += [
            (Partner, [partner.pk]),
            (Enthousiasme, [e.pk for e in partner.enthousiasme.all()]),
        ]
    return {
        "buurt": buurt,
        "can_edit": can_edit(buurt),
        "actor": actor,
        "partner": partner,
        "enthousiasme": list(partner.enthousiasme.all()) if partner else [],
        "relaties": [
            {
                "relatie": r,
                "ander": r.naar if r.van_id == actor.pk else r.van,
                "lopend": r.tot is None or r.tot >= today,
            }
            for r in relaties
        ],
        "activiteiten": Activiteit.objects.filter(organisatoren=actor).order_by("naam"),
        "relatie_form": relatie_form or RelatieForm(actor=actor),
        "wijzigingen": wijzigingen_voor(buurt, history),
        "meer_query": f"?soort={ContentType.objects.get_for_model(Actor).pk}&object={actor.pk}",
    }


@login_required
@require_POST
def relatie_create(request, slug, pk):
    buurt, actor = get_actor_for_user(request, slug, pk, write=True)
    form = RelatieForm(request.POST, actor=actor)
    if form.is_valid():
        data = form.cleaned_data
        naar = data["naar"]
        _relatie, created = add_relatie(buurt, actor, naar, data["intensiteit"], data["sinds"])
        if created:
            messages.success(request, _("Relatie met %(naam)s toegevoegd.") % {"naam": naar.naam})
        else:  # an identical submission got there first
            messages.info(request, _("De relatie met %(naam)s bestaat al.") % {"naam": naar.naam})
        return redirect("coordinatie:actor_detail", slug=buurt.slug, pk=actor.pk)
    context = _actor_detail_context(buurt, actor, relatie_form=form)
    return render(request, "coordinatie/actor_detail.html", context)


# Step 2, Zoek vonken (en vuur): enthusiasm per partner, the fire summary, small successes.

PARTNERS_PER_PAGE = 25
SUCCESSES_PER_PAGE = 10
VONKEN_PARTIALS = {"partner-results": "partners", "succes-results": "successen"}  # by hx-target


def _partner_page(request, buurt, months):
    """One page of partners by name, with their trend, and the partners per current level.

    The page is read from an index of the buurt's partner actors by name (see
    ``Actor.is_partner``), its count and the fire summary's from the buurt's kept counts:
    none of it grows with the number of partners.
    """
    counts = per_niveau(buurt)
    ids = (
        Actor.objects.in_buurt(buurt)
        .partners()
        .order_by("naam", "id")
        .values_list("partner__id", flat=True)
    )
    paginator = KnownCountPaginator(ids, PARTNERS_PER_PAGE, count=sum(counts.values()))
    page = paginate(request, ids, PARTNERS_PER_PAGE, paginator=paginator)
    ids = list(page.object_list)
    partners = _partners_with_trend(buurt, months).in_bulk(ids)
    page.object_list = attach_trend([partners[pk] for pk in ids if pk in partners], months)
    return page, counts


def _partners_with_trend(buurt, months):
    """``partners_with_trend``, with the note of the current rating: why the fire changed."""
    latest = Enthousiasme.objects.filter(partner=OuterRef("pk")).order_by("-datum", "-id")
    return partners_with_trend(buurt, months).annotate(
        enthousiasme_notitie=Subquery(latest.values("notitie")[:1])
    )


def _vonken_context(request, buurt, partner_form=None, succes_form=None):
    months = month_starts(timezone.localdate())
    page, counts = _partner_page(request, buurt, months)
    successen = paginate(
        request,
        Succes.objects.in_buurt(buurt)
        .select_related("initiatief", "team")
        .prefetch_related(Prefetch("partners", queryset=Partner.objects.select_related("actor"))),
        SUCCESSES_PER_PAGE,
        param="successen",
    )
    return {
        "buurt": buurt,
        "can_edit": can_edit(buurt),
        "page": page,
        "niveaus": Niveau.choices,
        "summary": fire_summary(buurt, counts),
        "successen": successen,
        "partner_form": partner_form or PartnerCreateForm(buurt=buurt),
        "succes_form": succes_form or SuccesForm(buurt=buurt),
    }


@login_required
@require_GET
def vonken(request, slug):
    buurt = get_buurt_for_user(request, slug)
    partial = VONKEN_PARTIALS.get(request.htmx.target)
    return render_page(request, "coordinatie/vonken.html", _vonken_context(request, buurt), partial)


@login_required
@require_POST
def rate_enthousiasme(request, slug, pk):
    buurt, partner = get_partner_for_user(request, slug, pk, write=True)
    form = EnthousiasmeForm(request.POST)
    if form.is_valid():
        Enthousiasme.objects.create(
            partner=partner,
            niveau=form.cleaned_data["niveau"],
            notitie=form.cleaned_data["notitie"],
            door=request.user,
        )
        if not request.htmx:
            messages.success(
                request,
                _("Enthousiasme van %(naam)s: %(niveau)s.")
                % {
                    "naam": partner.actor.naam,
                    "niveau": Niveau(form.cleaned_data["niveau"]).label,
                },
            )
    elif form.gezondheid_termen and not request.htmx:
        # The note seems to be about health: ask to confirm, with the rating kept.
        context = {"buurt": buurt, "partner": partner, "form": form}
        return render(request, "coordinatie/enthousiasme_bevestigen.html", context)
    elif not request.htmx:
        niveau_missing = "niveau" in form.errors
        messages.error(
            request, _("Kies geen, vonk of vuur.") if niveau_missing else form.errors["notitie"][0]
        )
    if not request.htmx:
        return redirect(reverse("coordinatie:vonken", args=[buurt.slug]) + f"#partner-{partner.pk}")
    months = month_starts(timezone.localdate())
    partner = attach_trend([_partners_with_trend(buurt, months).get(pk=partner.pk)], months)[0]
    return render(
        request,
        "coordinatie/_partner_row.html",
        {
            "buurt": buurt,
            "can_edit": True,
            "partner": partner,
            "niveaus": Niveau.choices,
            "summary": fire_summary(buurt),
            "oob_summary": True,
            "rating_form": form if form.gezondheid_termen else None,
        },
    )


@login_required
@require_POST
def partner_create(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    form = PartnerCreateForm(request.POST, buurt=buurt)
    if form.is_valid():
        actor = form.cleaned_data["found"]
        # An identical submission that got there first counts as this one: one partner.
        partner, _created = make_partner(
            actor, door=request.user, niveau=form.cleaned_data["niveau"]
        )
        messages.success(request, _("%(naam)s is nu partner.") % {"naam": actor.naam})
        return redirect(reverse("coordinatie:vonken", args=[buurt.slug]) + f"#partner-{partner.pk}")
    return render(
        request, "coordinatie/vonken.html", _vonken_context(request, buurt, partner_form=form)
    )


@login_required
@require_POST
def succes_create(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    form = SuccesForm(request.POST, buurt=buurt)
    if form.is_valid() and not first_submission(request, "succes"):
        if not request.htmx:
            vonken = reverse("coordinatie:vonken", args=[buurt.slug])
            return already_saved(request, vonken + "#successen-titel")
        # The first answer added the success to the list; this one only clears the form.
        context = {"buurt": buurt, "succes_form": SuccesForm(buurt=buurt)}
        return render(request, "coordinatie/vonken.html#succes-entry", context)
    if form.is_valid():
        succes = form.save()
        if not request.htmx:
            messages.success(
                request, _("Klein succes genoteerd: %(titel)s") % {"titel": succes.titel}
            )
            return redirect(reverse("coordinatie:vonken", args=[buurt.slug]) + "#successen-titel")
        return render(
            request,
            "coordinatie/_succes_added.html",
            {
                "buurt": buurt,
                "succes": succes,
                "succes_form": SuccesForm(buurt=buurt),
                "added": succes,
                "can_edit": True,
            },
        )
    if request.htmx:
        context = {"buurt": buurt, "succes_form": form}
    else:
        context = _vonken_context(request, buurt, succes_form=form)
    return render_page(request, "coordinatie/vonken.html", context, partial="succes-entry")


@login_required
@require_http_methods(["GET", "POST"])
def succes_edit(request, slug, pk):
    buurt, succes = get_succes_for_user(request, slug, pk, write=True)
    form = SuccesForm(request.POST or None, instance=succes, buurt=buurt)
    if request.method == "POST" and form.is_valid():
        succes = form.save()
        messages.success(request, _("Klein succes bijgewerkt: %(titel)s") % {"titel": succes.titel})
        return redirect(reverse("coordinatie:vonken", args=[buurt.slug]) + f"#succes-{succes.pk}")
    return render(
        request, "coordinatie/succes_edit.html", {"buurt": buurt, "succes": succes, "form": form}
    )


@login_required
@require_GET
def tijdlijn(request, slug):
    """Who changed what in the buurt. It names people, so not for researchers."""
    buurt = get_buurt_for_user(request, slug)
    form, rows, next_cursor = timeline_page(buurt, request.GET)
    return render_page(
        request,
        "coordinatie/tijdlijn.html",
        {"buurt": buurt, "form": form, "rows": rows, "next_cursor": next_cursor},
        partial="resultaten",
    )
