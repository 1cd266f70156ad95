from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from buurt.access import can_edit, get_buurt_for_user
from buurt.progress import month_starts
from initiatieven.models import Succes
from initiatieven.services import log_succes

from .access import get_partner_for_user
from .forms import EnthousiasmeForm, PartnerCreateForm, SuccesForm
from .models import Enthousiasme, Niveau, Partner
from .services import make_partner

PARTNERS_PER_PAGE = 25
SUCCESSES_PER_PAGE = 10


def _partners_with_trend(buurt, months):
    """Partners with their current enthusiasm and what it was at the end of each month."""
    start = months[0]
    before = Enthousiasme.objects.filter(partner=OuterRef("pk"), datum__lt=start).order_by(
        "-datum", "-id"
    )
    return (
        Partner.objects.in_buurt(buurt)
        .with_enthousiasme()
        .annotate(niveau_voor_trend=Subquery(before.values("niveau")[:1]))
        .select_related("actor")
        .prefetch_related(
            Prefetch(
                "enthousiasme",
                queryset=Enthousiasme.objects.filter(datum__gte=start).order_by("datum", "id"),
                to_attr="recent",
            )
        )
    )


NIVEAU_LABELS = dict(Niveau.choices)


def _attach_trend(partners, months):
    for partner in partners:
        niveau = partner.niveau_voor_trend
        records = iter(partner.recent)
        pending = next(records, None)
        trend = []
        for i, month in enumerate(months):
            end = months[i + 1] if i + 1 < len(months) else None
            while pending is not None and (end is None or pending.datum < end):
                niveau = pending.niveau
                pending = next(records, None)
            trend.append((month, niveau, NIVEAU_LABELS.get(niveau, _("nog niet ingeschat"))))
        partner.trend = trend
    return partners


def _fire_summary(buurt):
    rows = (
        Partner.objects.in_buurt(buurt)
        .with_enthousiasme()
        .values("huidig_enthousiasme")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = dict.fromkeys(Niveau.values, 0)
    nog_niet = 0
    for row in rows:
        if row["huidig_enthousiasme"]:
            counts[row["huidig_enthousiasme"]] += row["n"]
        else:
            nog_niet += row["n"]
    totaal = sum(counts.values()) + nog_niet
    return {
        "totaal": totaal,
        "geen": counts[Niveau.GEEN],
        "vonk": counts[Niveau.VONK],
        "vuur": counts[Niveau.VUUR],
        "nog_niet": nog_niet,
        "advies": _ambition_advice(totaal, counts[Niveau.VONK], counts[Niveau.VUUR]),
    }


ADVICE = {
    "leeg": gettext_lazy(
        "Nog geen partners. Maak van de actoren die al meedoen een partner en schat in "
        "hoeveel vuur ze hebben."
    ),
    "zoek": gettext_lazy(
        "Nog weinig vonken. Zoek eerst wat partners drijft, houd de ambitie klein en "
        "begin bij wat al bestaat."
    ),
    "vonken": gettext_lazy(
        "Vooral vonken: pluk laaghangend fruit. Versterk wat al bestaat en vier kleine "
        "successen, zo wakker je het vuur aan."
    ),
    "vuur": gettext_lazy(
        "Er is vuur: er is ruimte om hoger te reiken met een nieuw initiatief, gedragen door "
        "de partners met vuur."
    ),
}


def _ambition_advice(totaal, vonk, vuur):
    if not totaal:
        return ADVICE["leeg"]
    if vuur >= 2 and vuur * 3 >= totaal:
        return ADVICE["vuur"]
    if vonk + vuur == 0 or (vonk + vuur) * 3 < totaal:
        return ADVICE["zoek"]
    return ADVICE["vonken"]


def _vonken_context(request, buurt, partner_form=None, succes_form=None):
    months = month_starts(timezone.localdate())
    page = Paginator(_partners_with_trend(buurt, months), PARTNERS_PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    _attach_trend(page.object_list, months)
    successen = Paginator(
        Succes.objects.in_buurt(buurt)
        .select_related("initiatief")
        .prefetch_related(Prefetch("partners", queryset=Partner.objects.select_related("actor"))),
        SUCCESSES_PER_PAGE,
    ).get_page(request.GET.get("successen"))
    return {
        "buurt": buurt,
        "can_edit": can_edit(buurt),
        "page": page,
        "niveaus": Niveau.choices,
        "summary": _fire_summary(buurt),
        "successen": successen,
        "partner_form": partner_form or PartnerCreateForm(buurt=buurt),
        "succes_form": succes_form or SuccesForm(buurt=buurt),
    }


@login_required
@require_GET
def vonken(request, slug):
    buurt = get_buurt_for_user(request, slug)
    template = "partners/vonken.html"
    if request.htmx and not request.htmx.history_restore_request:
        if request.htmx.target == "partner-results":
            template += "#partners"
        elif request.htmx.target == "succes-results":
            template += "#successen"
    return render(request, template, _vonken_context(request, buurt))


@login_required
@require_POST
def rate_enthousiasme(request, slug, pk):
    buurt, partner = get_partner_for_user(request, slug, pk, write=True)
    form = EnthousiasmeForm(request.POST)
    if form.is_valid():
        Enthousiasme.objects.create(
            partner=partner, niveau=form.cleaned_data["niveau"], door=request.user
        )
        if not request.htmx:
            messages.success(
                request,
                _("Enthousiasme van %(naam)s: %(niveau)s.")
                % {
                    "naam": partner.actor.naam,
                    "niveau": NIVEAU_LABELS[form.cleaned_data["niveau"]],
                },
            )
    elif not request.htmx:
        messages.error(request, _("Kies geen, vonk of vuur."))
    if not request.htmx:
        return redirect(reverse("partners:vonken", args=[buurt.slug]) + f"#partner-{partner.pk}")
    months = month_starts(timezone.localdate())
    partner = _attach_trend([_partners_with_trend(buurt, months).get(pk=partner.pk)], months)[0]
    return render(
        request,
        "partners/_partner_row.html",
        {
            "buurt": buurt,
            "can_edit": True,
            "partner": partner,
            "niveaus": Niveau.choices,
            "summary": _fire_summary(buurt),
            "oob_summary": True,
        },
    )


@login_required
@require_POST
def partner_create(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    form = PartnerCreateForm(request.POST, buurt=buurt)
    if form.is_valid():
        actor = form.cleaned_data["found"]
        partner = make_partner(actor, door=request.user, niveau=form.cleaned_data["niveau"])
        messages.success(request, _("%(naam)s is nu partner.") % {"naam": actor.naam})
        return redirect(reverse("partners:vonken", args=[buurt.slug]) + f"#partner-{partner.pk}")
    return render(
        request, "partners/vonken.html", _vonken_context(request, buurt, partner_form=form)
    )


@login_required
@require_POST
def succes_create(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    form = SuccesForm(request.POST, buurt=buurt)
    if form.is_valid():
        data = form.cleaned_data
        succes = log_succes(
            buurt, data["titel"], data["datum"], data["partners"], data["initiatief"]
        )
        if not request.htmx:
            messages.success(
                request, _("Klein succes genoteerd: %(titel)s") % {"titel": succes.titel}
            )
            return redirect(reverse("partners:vonken", args=[buurt.slug]) + "#successen-titel")
        return render(
            request,
            "partners/_succes_added.html",
            {
                "buurt": buurt,
                "succes": succes,
                "succes_form": SuccesForm(buurt=buurt),
                "added": succes,
                "can_edit": True,
            },
        )
    if request.htmx:
        return render(
            request, "partners/vonken.html#succes-entry", {"buurt": buurt, "succes_form": form}
        )
    return render(
        request, "partners/vonken.html", _vonken_context(request, buurt, succes_form=form)
    )
