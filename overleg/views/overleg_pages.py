"""Meetings: the list, one meeting's page, creating, editing, attendance, deleting, .ics."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurt.access import get_buurt_for_user
from buurt.once import ALREADY_SAVED, already_saved, first_submission
from buurt.rendering import paginate, render_page
from buurt.tijdlijn import wijzigingen_voor

from .. import ics, services
from ..access import get_overleg_for_user
from ..forms import AanwezigheidForm, ActieForm, FilterForm, OverlegForm
from ..models import Actie, Deelnemer, Overleg, Overlegcoordinator
from .common import acties_of, add_errors, filter_chosen

LIST = "overleg/overleg_list.html"
DETAIL = "overleg/overleg_detail.html"
FORM = "overleg/overleg_form.html"
DELETE = "overleg/overleg_delete.html"
PER_PAGE = 20


def detail_url(overleg, section=""):
    return reverse("overleg:overleg_detail", args=[overleg.buurt.slug, overleg.pk]) + section


@login_required
@require_GET
def overleg_list(request, slug):
    buurt = get_buurt_for_user(request, slug)
    filters = FilterForm(request.GET, buurt=buurt)
    chosen = filters.chosen()
    now = timezone.now()
    overleggen = (
        filter_chosen(Overleg.objects.in_buurt(buurt), chosen)
        .select_related("team__initiatief", "initiatief")
        .annotate(
            n_uitgenodigd=Count("deelnemers", distinct=True),
            n_aanwezig=Count("deelnemers", filter=Q(deelnemers__aanwezig=True), distinct=True),
            n_open=Count("acties", filter=Q(acties__gedaan_op__isnull=True), distinct=True),
        )
    )
    context = {
        "buurt": buurt,
        "filters": filters,
        "chosen": chosen,
        "komend": paginate(
            request, overleggen.komend(now).order_by("begint_op", "id"), PER_PAGE, param="komend"
        ),
        "voorbij": paginate(
            request, overleggen.voorbij(now).order_by("-begint_op", "-id"), PER_PAGE
        ),
    }
    return render_page(request, LIST, context, "lijst")


def _page_context(buurt, overleg, actie_form=None, aanwezigheid_form=None):
    deelnemers = list(overleg.deelnemers.select_related("partner__actor"))
    coordinatoren = list(overleg.overlegcoordinatoren.select_related("user"))
    acties = list(acties_of(Actie.objects.filter(overleg=overleg)))
    return {
        "buurt": buurt,
        "overleg": overleg,
        "deelnemers": deelnemers,
        "coordinatoren": coordinatoren,
        "acties": acties,
        "vandaag": timezone.localdate(),
        "actie_form": actie_form or ActieForm(buurt=buurt, overleg=overleg),
        "aanwezigheid_form": aanwezigheid_form,
        "wijzigingen": wijzigingen_voor(
            buurt,
            [
                (Overleg, [overleg.pk]),
                (Deelnemer, [d.pk for d in deelnemers]),
                (Overlegcoordinator, [c.pk for c in coordinatoren]),
                (Actie, [a.pk for a in acties]),
            ],
        ),
        "meer_query": f"?soort={ContentType.objects.get_for_model(Overleg).pk}&object={overleg.pk}",
    }


@login_required
@require_GET
def overleg_detail(request, slug, pk):
    buurt, overleg = get_overleg_for_user(request, slug, pk)
    return render_page(request, DETAIL, _page_context(buurt, overleg))


@login_required
@require_GET
def overleg_ics(request, slug, pk):
    buurt, overleg = get_overleg_for_user(request, slug, pk)
    return ics.response(overleg, request.build_absolute_uri(detail_url(overleg)))


def _initial(buurt, request):
    """A meeting started from a team's page invites the team's current members."""
    initial = {"coordinatoren": [request.user.pk]}
    filters = FilterForm(request.GET, buurt=buurt).chosen()
    team = filters.get("team")
    if team:
        initial["team"] = team.pk
        initial["titel"] = _("Overleg %(team)s") % {"team": team.naam}
        namen = team.deelnames.actief().values_list("partner__actor__naam", flat=True)
        initial["partners"] = "; ".join(namen.order_by("partner__actor__naam"))
    elif filters.get("initiatief"):
        initial["initiatief"] = filters["initiatief"].pk
    return initial


def _save(form):
    """Save a valid form; None when the save was refused (its errors are on the form)."""
    try:
        return services.save_overleg(
            form.instance, form.cleaned_data["partners"], form.cleaned_data["coordinatoren"]
        )
    except ValidationError as error:
        add_errors(form, error)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def overleg_create(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    if request.method == "GET":
        form = OverlegForm(buurt=buurt, initial=_initial(buurt, request))
        return render_page(request, FORM, {"buurt": buurt, "form": form})
    form = OverlegForm(request.POST, buurt=buurt)
    if form.is_valid():
        if not first_submission(request, "overleg-nieuw"):
            return already_saved(request, "overleg:overleg_list", buurt.slug)
        form.instance.aangemaakt_door = request.user
        overleg = _save(form)
        if overleg:
            messages.success(request, _("Overleg %(titel)s bewaard.") % {"titel": overleg})
            return redirect(detail_url(overleg))
    return render_page(request, FORM, {"buurt": buurt, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def overleg_edit(request, slug, pk):
    buurt, overleg = get_overleg_for_user(request, slug, pk, write=True)
    form = OverlegForm(request.POST or None, instance=overleg, buurt=buurt)
    if form.is_bound and form.is_valid() and _save(form):
        messages.success(request, _("Overleg %(titel)s bewaard.") % {"titel": overleg})
        return redirect(detail_url(overleg))
    return render_page(request, FORM, {"buurt": buurt, "form": form, "overleg": overleg})


@login_required
@require_POST
def overleg_aanwezig(request, slug, pk):
    buurt, overleg = get_overleg_for_user(request, slug, pk, write=True)
    form = AanwezigheidForm(request.POST, overleg=overleg)
    if not form.is_valid():
        context = _page_context(buurt, overleg, aanwezigheid_form=form)
        return render_page(request, DETAIL, context, "aanwezigheid")
    services.record_aanwezigheid(
        overleg, form.cleaned_data["partners"], form.cleaned_data["coordinatoren"]
    )
    bewaard = _("Aanwezigheid bewaard.")
    if not request.htmx:
        messages.success(request, bewaard)
        return redirect(detail_url(overleg, "#aanwezigheid"))
    context = _page_context(buurt, overleg)
    context["bewaard"] = bewaard
    return render_page(request, DETAIL, context, "aanwezigheid")


@login_required
@require_POST
def overleg_actie_add(request, slug, pk):
    """An action agreed at this meeting, added inline (HTMX) or by the plain form."""
    buurt, overleg = get_overleg_for_user(request, slug, pk, write=True)
    form = ActieForm(request.POST, buurt=buurt, overleg=overleg)
    bewaard = None
    if form.is_valid():
        if not first_submission(request, f"overleg-{overleg.pk}-actie"):
            bewaard = ALREADY_SAVED
        else:
            try:
                services.add_actie(form.instance)
            except ValidationError as error:
                add_errors(form, error)
            else:
                bewaard = _("Actie %(wat)s toegevoegd.") % {"wat": form.instance}
    if bewaard and not request.htmx:
        messages.success(request, bewaard)
        return redirect(detail_url(overleg, "#acties"))
    context = _page_context(buurt, overleg, actie_form=None if bewaard else form)
    context["bewaard"] = bewaard
    return render_page(request, DETAIL, context, "acties")


@login_required
@require_http_methods(["GET", "POST"])
def overleg_delete(request, slug, pk):
    """GET asks first; POST deletes. The timeline keeps the meeting's fields, its decisions
    among them; its actions stay, without the meeting."""
    buurt, overleg = get_overleg_for_user(request, slug, pk, write=True)
    if request.method == "GET":
        n_acties = Actie.objects.filter(overleg=overleg).count()
        return render_page(request, DELETE, {"buurt": buurt, "overleg": overleg, "n": n_acties})
    titel = str(overleg)
    overleg.delete()
    messages.success(
        request,
        _("Overleg %(titel)s verwijderd. Zijn besluiten blijven te lezen in de tijdlijn.")
        % {"titel": titel},
    )
    return redirect("overleg:overleg_list", slug=buurt.slug)
