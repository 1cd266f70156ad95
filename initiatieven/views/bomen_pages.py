"""Step 4: teams and their members over time (het bos, the network map: bos_page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurt.access import can_edit, get_buurt_for_user
from buurt.once import already_saved, first_submission
from buurt.rendering import paginate, render_page, wants_partial
from buurt.suggestions import datalist_response
from buurt.tijdlijn import wijzigingen_voor

from .. import bomen, services, teams
from ..access import get_deelname_for_user, get_team_for_user
from ..forms import DeelnameForm, LedenFormSet, TeamForm
from ..forms.team import NieuwLidForm, SamenstellingForm, VertrekForm
from ..models import Deelname, Initiatief, Team, Teamintensiteit

TEAMS_PER_PAGE = 10


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


def _team_url(buurt, team):
    return reverse("initiatieven:team_edit", args=[buurt.slug, team.pk]) + f"#team-{team.pk}-leden"


def _lid_forms(deelname, wijzig=None, vertrek=None):
    """The two forms of a running membership: a new agreement from a date, and leaving."""
    wijzig = wijzig or DeelnameForm(
        auto_id=f"id_deelname{deelname.pk}_%s",
        initial={
            "participatieniveau": deelname.participatieniveau,
            "nodig": deelname.nodig,
            "middelen": deelname.middelen,
        },
    )
    vertrek = vertrek or VertrekForm(auto_id=f"id_vertrek{deelname.pk}_%s")
    return {"deelname": deelname, "wijzig": wijzig, "vertrek": vertrek}


def _team_page(
    request, buurt, team, partial=None, *, form=None, nieuw_lid=None, fout=None, gelukt=""
):
    """The team page, or one of its partials: the team's form, its members with what can
    be done to each, its history, its make-up on a date (``?op=``) and its timeline.

    ``fout`` is (membership, change form, leave form) of a refused action, shown open.
    A fixed number of queries, whatever the size of the team and its history.
    """
    annotated = Team.objects.with_intensiteit().get(pk=team.pk)
    if form is None:
        initial = {
            "intensiteit": annotated.huidige_intensiteit,
            "nodige_intensiteit": annotated.nodige_intensiteit,
        }
        form = TeamForm(instance=team, buurt=buurt, initial=initial)
    deelnames = list(
        team.deelnames.select_related("partner__actor").order_by("toegetreden_op", "id")
    )
    for deelname in deelnames:
        deelname.middelen_labels = teams.middelen_labels(deelname.middelen)
    intensiteiten = list(team.intensiteiten.all())
    leden = []
    for deelname in teams.samenstelling_op(
        [d for d in deelnames if d.vertrokken_op is None], timezone.localdate()
    ):
        if fout and fout[0].pk == deelname.pk:
            leden.append({**_lid_forms(deelname, wijzig=fout[1], vertrek=fout[2]), "open": True})
        else:
            leden.append(_lid_forms(deelname))
    samenstelling = SamenstellingForm(request.GET if "op" in request.GET else None)
    op = samenstelling.cleaned_data["op"] if samenstelling.is_valid() else None
    context = {
        "buurt": buurt,
        "team": team,
        "form": form,
        "intensiteiten": bomen.intensiteiten(annotated),
        "leden": leden,
        "nieuw_lid": nieuw_lid or NieuwLidForm(buurt=buurt),
        "geschiedenis": teams.geschiedenis(deelnames, intensiteiten),
        "samenstelling_form": samenstelling,
        "op": op,
        "samenstelling": teams.samenstelling_op(deelnames, op) if op else [],
        "wijzigingen": wijzigingen_voor(
            buurt,
            [
                (Team, [team.pk]),
                (Deelname, [d.pk for d in deelnames]),
                (Teamintensiteit, [r.pk for r in intensiteiten]),
            ],
        ),
        "meer_query": f"?soort={ContentType.objects.get_for_model(Team).pk}&object={team.pk}",
        "oob": partial == "leden",
        "gelukt": gelukt,
    }
    return render_page(request, "initiatieven/team_edit.html", context, partial)


def _from_members_section(request, team):
    """Whether HTMX asks for the team page's members section; else it asks for step 4's
    team card, which swaps the whole card."""
    return wants_partial(request, f"team-{team.pk}-leden")


def _member_done(request, buurt, team, message):
    """After a member was added, changed or ended: the members section with the history
    out of band (asked from the team page), the team card (asked from step 4's card), or
    without HTMX back to the team page."""
    if _from_members_section(request, team):
        return _team_page(request, buurt, team, "leden", gelukt=message)
    if request.htmx:
        return _team_card(request, buurt, team)
    messages.success(request, message)
    return redirect(_team_url(buurt, team))


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
        return _team_page(request, buurt, team, "team-form" if request.htmx else None, form=form)
    if wants_partial(request, f"team-{team.pk}-samenstelling"):
        return _team_page(request, buurt, team, "samenstelling")
    return _team_page(request, buurt, team, "team-form" if wants_partial(request) else None)


@login_required
@require_POST
def deelname_add(request, slug, pk):
    buurt, team = get_team_for_user(request, slug, pk, write=True)
    form = NieuwLidForm(request.POST, buurt=buurt)
    if form.is_valid():
        if not first_submission(request, "lid"):
            if request.htmx:
                return _team_page(request, buurt, team, "leden")
            return already_saved(request, _team_url(buurt, team))
        data = form.cleaned_data
        try:
            deelname = teams.add_deelname(
                team,
                data["partner"],
                participatieniveau=data["participatieniveau"],
                nodig=data["nodig"],
                middelen=data["middelen"],
                toegetreden_op=data["toegetreden_op"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            message = _("%(partner)s is lid van het team.") % {"partner": deelname.partner}
            return _member_done(request, buurt, team, message)
    return _team_page(request, buurt, team, "leden" if request.htmx else None, nieuw_lid=form)


def _member_refused(request, buurt, deelname, wijzig, vertrek):
    """A refused change or leave, shown where it was asked: in the members section of the
    team page, in step 4's card, or on the membership's own page."""
    team = deelname.team
    if _from_members_section(request, team):
        return _team_page(request, buurt, team, "leden", fout=(deelname, wijzig, vertrek))
    context = {
        "buurt": buurt,
        "deelname": deelname,
        "team": team,
        **_lid_forms(deelname, wijzig=wijzig, vertrek=vertrek),
    }
    return render_page(request, "initiatieven/deelname_edit.html", context, "deelname-form")


@login_required
@require_http_methods(["GET", "POST"])
def deelname_edit(request, slug, pk):
    """A new agreement for a running membership, from a date; the page also offers leaving."""
    buurt, deelname = get_deelname_for_user(request, slug, pk, write=True)
    if request.method == "GET":
        context = {
            "buurt": buurt,
            "deelname": deelname,
            "team": deelname.team,
            **_lid_forms(deelname),
        }
        return render_page(request, "initiatieven/deelname_edit.html", context, "deelname-form")
    form = DeelnameForm(request.POST, auto_id=f"id_deelname{pk}_%s")
    if form.is_valid():
        try:
            teams.change_deelname(deelname, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            message = _("Nieuwe afspraak met %(partner)s bewaard.") % {"partner": deelname.partner}
            return _member_done(request, buurt, deelname.team, message)
    return _member_refused(request, buurt, deelname, form, None)


@login_required
@require_POST
def deelname_end(request, slug, pk):
    buurt, deelname = get_deelname_for_user(request, slug, pk, write=True)
    form = VertrekForm(request.POST, auto_id=f"id_vertrek{pk}_%s")
    if form.is_valid():
        try:
            teams.end_deelname(deelname, vertrokken_op=form.cleaned_data["vertrokken_op"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            message = _("%(partner)s heeft het team verlaten.") % {"partner": deelname.partner}
            return _member_done(request, buurt, deelname.team, message)
    return _member_refused(request, buurt, deelname, None, form)


@login_required
@require_GET
def team_suggestions(request, slug):
    """A <datalist> of a few team names matching what is typed in a name field."""
    buurt = get_buurt_for_user(request, slug)
    return datalist_response(request, Team.objects.in_buurt(buurt))
