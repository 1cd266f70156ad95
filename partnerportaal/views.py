from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurt import mail
from buurt.once import already_saved, first_submission
from buurt.rendering import paginate
from buurt.tijdlijn import namens
from initiatieven.forms import VoorkeurForm
from initiatieven.models import LADDER_UITLEG, Deelname, Initiatief, Voorkeur
from initiatieven.services import record_voorkeur
from overleg.partner import open_actions, upcoming_meetings
from partners.access import get_partner_for_user
from partners.forms import PartnerlinkForm
from partners.links import (
    PARTNER_SESSION_SECONDS,
    account_partners,
    create_link,
    end_partner_session,
    find_valid_link,
    link_limit,
    link_url,
    partner_from_session,
    revoke,
    start_partner_session,
)


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

LINKS_PER_PAGE = 10
SHOWN_ONCE = "partnerlink_eenmalig"
VOORKEUREN_PER_PAGE = 20


def _links_page(request, buurt, partner, form):
    links = paginate(
        request,
        partner.links.select_related("aangemaakt_door").order_by("-aangemaakt_op", "-id"),
        LINKS_PER_PAGE,
    )
    voorkeuren = paginate(
        request,
        Voorkeur.objects.in_buurt(buurt)
        .filter(partner=partner)
        .select_related("team__initiatief", "door"),
        VOORKEUREN_PER_PAGE,
        param="voorkeuren",
    )
    return render(
        request,
        "partnerportaal/partnerlink_list.html",
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
def partnerlink_list(request, slug, pk):
    buurt, partner = get_partner_for_user(request, slug, pk, write=True)
    form = PartnerlinkForm(initial={"email": partner.actor.email})
    return _links_page(request, buurt, partner, form)


def _send_link(request, partner, url, address, link):
    subject = _("Jouw persoonlijke link voor %(buurt)s") % {"buurt": partner.actor.buurt.naam}
    context = {"partner": partner, "url": url, "link": link, "afzender": request.user}
    return mail.send(address, subject, "partnerportaal/partnerlink_email", context)


@partner_headers
@login_required
@require_POST
def partnerlink_create(request, slug, pk):
    buurt, partner = get_partner_for_user(request, slug, pk, write=True)
    form = PartnerlinkForm(request.POST)
    if not form.is_valid():
        return _links_page(request, buurt, partner, form)
    if not first_submission(request, "partnerlink"):
        # The address of the link is shown once only, in the first answer.
        message = _(
            "Deze link was al aangemaakt. Zijn adres wordt maar één keer getoond: "
            "zie je het niet, trek de link in en maak een nieuwe."
        )
        return already_saved(
            request, "partnerportaal:partnerlink_list", buurt.slug, partner.pk, message=message
        )
    link, token = create_link(partner, door=request.user, days=form.cleaned_data["dagen"])
    url = link_url(token, request)
    address = form.cleaned_data["email"]
    sent = _send_link(request, partner, url, address, link) if address else None
    # Post-redirect-get: the page after the redirect shows the address once, from the
    # session, and forgets it; refreshing that page never makes a second link.
    request.session[SHOWN_ONCE] = {"link": link.pk, "url": url, "email": address, "sent": sent}
    return redirect(
        "partnerportaal:partnerlink_created", slug=buurt.slug, pk=partner.pk, link_pk=link.pk
    )


@partner_headers
@login_required
@require_GET
def partnerlink_created(request, slug, pk, link_pk):
    buurt, partner = get_partner_for_user(request, slug, pk, write=True)
    link = get_object_or_404(partner.links.all(), pk=link_pk)
    shown = request.session.get(SHOWN_ONCE)
    if shown and shown.get("link") == link.pk:
        del request.session[SHOWN_ONCE]
    else:
        shown = {}
    return render(
        request,
        "partnerportaal/partnerlink_created.html",
        {
            "buurt": buurt,
            "partner": partner,
            "link": link,
            "url": shown.get("url"),
            "email": shown.get("email"),
            "sent": shown.get("sent"),
        },
    )


@partner_headers
@login_required
@require_http_methods(["GET", "POST"])
def partnerlink_revoke(request, slug, pk, link_pk):
    """GET asks first (revoking cannot be undone); POST revokes."""
    buurt, partner = get_partner_for_user(request, slug, pk, write=True)
    link = get_object_or_404(partner.links.all(), pk=link_pk)
    if request.method == "GET":
        return render(
            request,
            "partnerportaal/partnerlink_revoke.html",
            {"buurt": buurt, "partner": partner, "link": link},
        )
    link = revoke(link)
    if request.htmx:
        return render(
            request,
            "partnerportaal/_partnerlink_row.html",
            {"buurt": buurt, "partner": partner, "link": link},
        )
    messages.success(
        request, _("De link is ingetrokken. Wie hem nog heeft, kan er niets meer mee.")
    )
    return redirect("partnerportaal:partnerlink_list", slug=buurt.slug, pk=partner.pk)


# Partner side: the self-service page, reached by a personal link or an account.


@partner_headers
@require_GET
def partner_entry(request, token):
    # Failures are limited, not valid links: partners behind a guesser's shared address
    # (a NAT, a school network) still get in with their own link.
    link = find_valid_link(token)
    if link is None:
        if link_limit.is_blocked(request):
            return render(request, "partnerportaal/partner_rate_limited.html", status=429)
        link_limit.record_failure(request)
        return render(request, "partnerportaal/partner_link_invalid.html", status=404)
    start_partner_session(request, link)
    # Straight on to a URL without the token, so it leaves the address bar and history.
    return redirect("partnerportaal:partner_home")


def _partner_for_request(request):
    """(partner, bron, None) for a partner, or (None, None, response) when there is none yet."""
    partner = partner_from_session(request)
    if partner is not None:
        return partner, Voorkeur.Bron.PARTNERLINK, None
    partners = list(account_partners(request.user))
    if not partners:
        return None, None, render(request, "partnerportaal/partner_no_access.html", status=403)
    chosen = request.POST.get("partner") or request.GET.get("partner")
    if chosen is None and len(partners) == 1:
        return partners[0], Voorkeur.Bron.ACCOUNT, None
    for partner in partners:
        if str(partner.pk) == chosen:
            return partner, Voorkeur.Bron.ACCOUNT, None
    return None, None, render(request, "partnerportaal/partner_choose.html", {"partners": partners})


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
            # Through a link there is no account: the timeline names the partner instead.
            via_link = bron == Voorkeur.Bron.PARTNERLINK
            with namens(partner.actor if via_link else None):
                section["voorkeur"] = record_voorkeur(
                    partner,
                    section["team"],
                    form.cleaned_data,
                    bron=bron,
                    door=None if via_link else request.user,
                )
            if not request.htmx:
                messages.success(request, _("Bedankt! Je voorkeur is bewaard."))
                return redirect(reverse("partnerportaal:partner_home") + account_query)
            section["form"] = _unbound_form(section)
            section["bewaard"] = True
        else:
            section["form"] = form
        if request.htmx:
            return render(
                request,
                "partnerportaal/_voorkeur_section.html",
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
        "partnerportaal/partner_home.html",
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
            "overleggen": upcoming_meetings(partner),
            "acties": open_actions(partner),
            "vandaag": timezone.localdate(),
        },
    )


@partner_headers
@require_POST
def partner_leave(request):
    end_partner_session(request)
    return render(request, "partnerportaal/partner_left.html")
