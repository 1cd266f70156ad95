"""Step 4: teams and their memberships, and het bos, the network map."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurt.access import can_edit, get_buurt_for_user
from buurt.models import Actor, Samenwerkingsintensiteit
from buurt.once import already_saved, first_submission
from buurt.rendering import paginate, render_page

from .. import bomen, bos, services
from ..access import get_deelname_for_user, get_team_for_user
from ..forms import DeelnameForm, LedenFormSet, TeamForm
from ..models import Initiatief, Team, Teamintensiteit

TEAMS_PER_PAGE = 10
RELATIES_PER_PAGE = 25


def _to_team(buurt, team):
    return redirect(reverse("initiatieven:bomen", args=[buurt.slug]) + f"#team-{team.pk}")


@login_required
@require_GET
def bomen_view(request, slug):
    buurt = get_buurt_for_user(request, slug)
    teams = paginate(request, bomen.teams_page_queryset(buurt), TEAMS_PER_PAGE)
    overzichten = bomen.team_overzichten(teams)
    context = {
        "buurt": buurt,
        "teams": teams,
        "overzichten": overzichten,
        "matrix": bomen.partner_matrix(overzichten),
        "can_edit": can_edit(buurt),
    }
    return render(request, "initiatieven/bomen_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def team_create(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    if request.method == "POST":
        form = TeamForm(request.POST, buurt=buurt)
        leden = LedenFormSet(request.POST, prefix="leden", buurt=buurt)
        valid = form.is_valid() and leden.is_valid()
        if valid and not first_submission(request, "team"):
            return already_saved(request, "initiatieven:bomen", slug=buurt.slug)
        if valid:
            data = dict(form.cleaned_data)
            team = services.create_team(
                data.pop("initiatief"),
                intensiteit=data.pop("intensiteit"),
                nodige_intensiteit=data.pop("nodige_intensiteit"),
                leden=leden.leden(),
                door=request.user,
                **data,
            )
            messages.success(request, _("Team %(naam)s aangemaakt.") % {"naam": team})
            return _to_team(buurt, team)
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
        "can_edit": True,
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
                nodige_intensiteit=form.cleaned_data["nodige_intensiteit"],
                door=request.user,
            )
            if request.htmx:
                return _team_card(request, buurt, team)
            messages.success(request, _("Team %(naam)s bewaard.") % {"naam": team})
            return _to_team(buurt, team)
    else:
        initial = {
            "intensiteit": team.latest_intensiteit(),
            "nodige_intensiteit": team.latest_intensiteit(Teamintensiteit.Soort.NODIG),
        }
        form = TeamForm(instance=team, buurt=buurt, initial=initial)
    context = {
        "buurt": buurt,
        "team": team,
        "form": form,
        "intensiteiten": bomen.intensiteiten(Team.objects.with_intensiteit().get(pk=team.pk)),
    }
    return render_page(request, "initiatieven/team_edit.html", context, "team-form")


@login_required
@require_http_methods(["GET", "POST"])
def deelname_edit(request, slug, pk):
    buurt, deelname = get_deelname_for_user(request, slug, pk, write=True)
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
            return _to_team(buurt, team)
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
    return render_page(request, "initiatieven/deelname_edit.html", context, "deelname-form")


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
        "relaties_page": paginate(request, kaart.relaties_tabel, RELATIES_PER_PAGE),
    }
    return render_page(request, "initiatieven/bos_page.html", context, "kaart")
