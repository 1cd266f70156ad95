from functools import wraps
from smtplib import SMTPException

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurt.access import can_edit, get_buurt_for_user
from buurt.progress import month_starts
from initiatieven.models import Deelname, Initiatief, Succes, Voorkeur
from initiatieven.services import log_succes

from .access import get_partner_for_user
from .forms import (
    LADDER_UITLEG,
    EnthousiasmeForm,
    PartnerCreateForm,
    PartnerlinkForm,
    SuccesForm,
    VoorkeurForm,
)
from .links import (
    PARTNER_SESSION_SECONDS,
    account_partners,
    create_link,
    end_partner_session,
    find_valid_link,
    is_rate_limited,
    link_url,
    partner_from_session,
    record_failure,
    revoke,
    start_partner_session,
)
from .models import Enthousiasme, Niveau, Partner
from .services import make_partner


def partner_headers(view):
    """Pages that show a token or a partner's own data: never cached, never sent as referrer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped


# Coordinator side: links for one partner, and the partner's own preferences.


def _links_page(request, buurt, partner, form):
    links = Paginator(
        partner.links.select_related("aangemaakt_door").order_by("-aangemaakt_op", "-id"), 10
    ).get_page(request.GET.get("pagina"))
    voorkeuren = Paginator(
        Voorkeur.objects.in_buurt(buurt)
        .filter(partner=partner)
        .select_related("team__initiatief", "door"),
        20,
    ).get_page(request.GET.get("voorkeuren"))
    return render(
        request,
        "partners/partnerlink_list.html",
        {
            "buurt": buurt,
            "partner": partner,
            "form": form,
            "links": links,
            "voorkeuren": voorkeuren,
        },
    )


@partner_headers
@login_required
@require_GET
def partner_links(request, slug, pk):
    buurt, partner = get_partner_for_user(request, slug, pk, write=True)
    form = PartnerlinkForm(initial={"email": partner.actor.email})
    return _links_page(request, buurt, partner, form)


def _send_link(request, partner, url, address, link):
    body = render_to_string(
        "partners/partnerlink_email.txt",
        {"partner": partner, "url": url, "link": link, "afzender": request.user},
    )
    subject = _("Jouw persoonlijke link voor %(buurt)s") % {"buurt": partner.actor.buurt.naam}
    try:
        send_mail(subject, body, None, [address])
    except (SMTPException, OSError):
        return False
    return True


@partner_headers
@login_required
@require_POST
def link_create(request, slug, pk):
    buurt, partner = get_partner_for_user(request, slug, pk, write=True)
    form = PartnerlinkForm(request.POST)
    if not form.is_valid():
        return _links_page(request, buurt, partner, form)
    link, token = create_link(partner, door=request.user, days=form.cleaned_data["dagen"])
    url = link_url(token, request)
    address = form.cleaned_data["email"]
    sent = _send_link(request, partner, url, address, link) if address else None
    # Shown once, in this response only: the token is not stored, so there is no redirect
    # to a page that could show it again.
    return render(
        request,
        "partners/partnerlink_created.html",
        {
            "buurt": buurt,
            "partner": partner,
            "link": link,
            "url": url,
            "email": address,
            "sent": sent,
        },
    )


@partner_headers
@login_required
@require_POST
def link_revoke(request, slug, pk, link_pk):
    buurt, partner = get_partner_for_user(request, slug, pk, write=True)
    link = revoke(get_object_or_404(partner.links.all(), pk=link_pk))
    if request.htmx:
        return render(
            request,
            "partners/_partnerlink_row.html",
            {"buurt": buurt, "partner": partner, "link": link},
        )
    messages.success(
        request, _("De link is ingetrokken. Wie hem nog heeft, kan er niets meer mee.")
    )
    return redirect("partners:links", slug=buurt.slug, pk=partner.pk)


# Partner side: the self-service page, reached by a personal link or an account.


@partner_headers
@require_GET
def partner_entry(request, token):
    if is_rate_limited(request):
        return render(request, "partners/partner_rate_limited.html", status=429)
    link = find_valid_link(token)
    if link is None:
        record_failure(request)
        return render(request, "partners/partner_link_invalid.html", status=404)
    start_partner_session(request, link)
    # Straight on to a URL without the token, so it leaves the address bar and history.
    return redirect("partners:partner_home")


def _partner_for_request(request):
    """(partner, bron, None) for a partner, or (None, None, response) when there is none yet."""
    partner = partner_from_session(request)
    if partner is not None:
        return partner, Voorkeur.Bron.PARTNERLINK, None
    partners = list(account_partners(request.user))
    if not partners:
        return None, None, render(request, "partners/partner_no_access.html", status=403)
    chosen = request.POST.get("partner") or request.GET.get("partner")
    if chosen is None and len(partners) == 1:
        return partners[0], Voorkeur.Bron.ACCOUNT, None
    for partner in partners:
        if str(partner.pk) == chosen:
            return partner, Voorkeur.Bron.ACCOUNT, None
    return None, None, render(request, "partners/partner_choose.html", {"partners": partners})


def _sections(partner):
    latest = Voorkeur.objects.filter(partner=partner, team=OuterRef("team")).order_by(
        "-datum", "-id"
    )
    deelnames = list(
        Deelname.objects.filter(partner=partner)
        .actief()
        .select_related("team__initiatief")
        .annotate(laatste_voorkeur_id=Subquery(latest.values("id")[:1]))
        .order_by("team__initiatief__naam", "team__naam", "id")
    )
    current = Voorkeur.objects.in_bulk(
        [d.laatste_voorkeur_id for d in deelnames if d.laatste_voorkeur_id]
    )
    sections = [
        {
            "key": "algemeen",
            "team": None,
            "deelname": None,
            "voorkeur": Voorkeur.objects.filter(partner=partner, team=None).first(),
        }
    ]
    for deelname in deelnames:
        sections.append(
            {
                "key": f"team-{deelname.team_id}",
                "team": deelname.team,
                "deelname": deelname,
                "voorkeur": current.get(deelname.laatste_voorkeur_id),
            }
        )
    return sections


def _unbound_form(section):
    voorkeur = section["voorkeur"]
    initial = {}
    if voorkeur:
        initial = {
            "participatieniveau": voorkeur.participatieniveau,
            "middelen": voorkeur.middelen,
            "notitie": voorkeur.notitie,
        }
    return VoorkeurForm(prefix=section["key"], initial=initial)


@partner_headers
@require_http_methods(["GET", "POST"])
def partner_home(request):
    partner, bron, response = _partner_for_request(request)
    if response is not None:
        return response
    sections = _sections(partner)
    for section in sections:
        section["form"] = _unbound_form(section)
    account_query = f"?partner={partner.pk}" if bron == Voorkeur.Bron.ACCOUNT else ""

    if request.method == "POST":
        section = next((s for s in sections if s["key"] == request.POST.get("sectie")), None)
        if section is None:
            raise Http404
        form = VoorkeurForm(request.POST, prefix=section["key"])
        if form.is_valid():
            section["voorkeur"] = Voorkeur.objects.create(
                partner=partner,
                team=section["team"],
                participatieniveau=form.cleaned_data["participatieniveau"],
                middelen=form.cleaned_data["middelen"],
                notitie=form.cleaned_data["notitie"],
                bron=bron,
                door=request.user if bron == Voorkeur.Bron.ACCOUNT else None,
            )
            if not request.htmx:
                messages.success(request, _("Bedankt! Je voorkeur is bewaard."))
                return redirect(reverse("partners:partner_home") + account_query)
            section["form"] = _unbound_form(section)
            section["bewaard"] = True
        else:
            section["form"] = form
        if request.htmx:
            return render(
                request,
                "partners/_voorkeur_section.html",
                {
                    "section": section,
                    "partner": partner,
                    "account_query": account_query,
                },
            )

    initiatieven = {d["team"].initiatief for d in sections if d["team"]}
    initiatieven.update(
        Initiatief.objects.filter(buurt_id=partner.actor.buurt_id, trekkers=partner.actor)
    )
    return render(
        request,
        "partners/partner_home.html",
        {
            "partner": partner,
            "partner_buurt": partner.actor.buurt,
            "via_link": bron == Voorkeur.Bron.PARTNERLINK,
            "sections": sections,
            "initiatieven": sorted(initiatieven, key=lambda i: (i.naam, i.pk)),
            "geschiedenis": Voorkeur.objects.filter(partner=partner).select_related("team")[:10],
            "uitleg": LADDER_UITLEG,
            "account_query": account_query,
            "sessie_uren": PARTNER_SESSION_SECONDS // 3600,
        },
    )


@partner_headers
@require_POST
def partner_leave(request):
    end_partner_session(request)
    return render(request, "partners/partner_left.html")


PARTNERS_PER_PAGE = 25
SUCCESSES_PER_PAGE = 10


# Step 2, Zoek vonken (en vuur): enthusiasm per partner, the fire summary, small successes.


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
