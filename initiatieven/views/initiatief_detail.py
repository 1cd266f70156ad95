"""One initiative: its page, editing it (refused when someone else saved in between) and
changing its status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurt.access import can_edit, get_buurt_for_user
from buurt.models import Actor
from buurt.once import ALREADY_SAVED, first_submission
from buurt.rendering import render_page, wants_partial
from buurt.tijdlijn import wijzigingen_voor

from .. import services, soortkeuze
from ..forms import InitiatiefEditForm, StatusForm
from ..models import Activiteit, Deelname, Initiatief, Statuswijziging, Succes, Team
from .initiatief_pages import schaal_form

DETAIL = "initiatieven/initiatief_detail.html"
EDIT = "initiatieven/initiatief_edit.html"
STATUS = "initiatieven/initiatief_status.html"


def _initiatief(request, slug, pk, write=False):
    """The buurt and its initiative, with what its page and its edit form show."""
    buurt = get_buurt_for_user(request, slug, write=write)
    queryset = Initiatief.objects.in_buurt(buurt).prefetch_related(
        Prefetch("trekkers", queryset=Actor.objects.order_by("naam", "pk")),
        Prefetch("bouwt_voort_op", queryset=Activiteit.objects.order_by("naam", "pk")),
        Prefetch("ondersteunt", queryset=Initiatief.objects.order_by("naam", "pk")),
        Prefetch("ondersteund_door", queryset=Initiatief.objects.order_by("naam", "pk")),
    )
    return buurt, get_object_or_404(queryset, pk=pk)


def _detail_url(buurt, initiatief, section):
    return reverse("initiatieven:initiatief_detail", args=[buurt.slug, initiatief.pk]) + section


def _status_context(buurt, initiatief, form=None):
    wijzigingen = list(Statuswijziging.objects.filter(initiatief=initiatief).select_related("door"))
    return {
        "buurt": buurt,
        "initiatief": initiatief,
        "statuswijzigingen": wijzigingen,
        "status_form": form or StatusForm(),
        "can_edit": can_edit(buurt),
    }


def _page_context(buurt, initiatief):
    context = _status_context(buurt, initiatief)
    teams = list(
        initiatief.teams.annotate(
            n_leden=Count("deelnames", filter=Q(deelnames__vertrokken_op__isnull=True))
        ).order_by("naam", "pk")
    )
    successen = list(initiatief.successen.select_related("team").order_by("-datum", "-id"))
    if initiatief.vraagt_schaal and can_edit(buurt):
        initiatief.schaal_form = schaal_form(initiatief)
    context.update(
        teams=teams,
        successen=successen,
        antwoorden=[
            (capfirst(Initiatief._meta.get_field(key).verbose_name), choices(value).label)
            for key, choices in soortkeuze.QUESTIONS.items()
            if (value := getattr(initiatief, key)) in choices.values
        ],
        vragen=Initiatief.VRAGEN[initiatief.soort],
        vanaf_pagina=True,
        wijzigingen=wijzigingen_voor(
            buurt,
            [
                (Initiatief, [initiatief.pk]),
                (Statuswijziging, [w.pk for w in context["statuswijzigingen"]]),
                (Team, [team.pk for team in teams]),
                (Deelname, Deelname.objects.filter(team__initiatief=initiatief).values("pk")),
                (Succes, [succes.pk for succes in successen]),
            ],
        ),
        meer_query=f"?soort={ContentType.objects.get_for_model(Initiatief).pk}"
        f"&object={initiatief.pk}",
    )
    return context


def _add_errors(form, error):
    """A service's refusal onto the form: on the field it names where the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
@require_GET
def initiatief_detail(request, slug, pk):
    buurt, initiatief = _initiatief(request, slug, pk)
    if wants_partial(request, "gegevens"):  # "Annuleren" in the inline edit form
        context = {"buurt": buurt, "initiatief": initiatief, "can_edit": can_edit(buurt)}
        return render_page(request, DETAIL, context, "gegevens")
    return render_page(request, DETAIL, _page_context(buurt, initiatief))


@login_required
@require_http_methods(["GET", "POST"])
def initiatief_edit(request, slug, pk):
    buurt, initiatief = _initiatief(request, slug, pk, write=True)
    if request.method == "GET":
        form = InitiatiefEditForm(initiatief=initiatief)
        return _edit_page(request, buurt, initiatief, form)
    form = InitiatiefEditForm(request.POST, initiatief=initiatief)
    if not form.is_valid():
        return _edit_page(request, buurt, initiatief, form)
    if not first_submission(request, "initiatief-bewerken"):
        return _saved(request, buurt, initiatief, ALREADY_SAVED)
    try:
        saved = services.update_initiatief(initiatief, **form.initiatief_data())
    except ValidationError as error:
        if getattr(error, "code", None) != "versie":
            _add_errors(form, error)
            return _edit_page(request, buurt, initiatief, form)
        # Keep what this editor typed, now against the version saved meanwhile, which the
        # page shows next to the form: saving again is then a choice, not an accident.
        buurt, initiatief = _initiatief(request, slug, pk, write=True)
        data = request.POST.copy()
        data["versie"] = initiatief.versie
        form = InitiatiefEditForm(data, initiatief=initiatief)
        form.is_valid()
        form.add_error(None, error)
        return _edit_page(request, buurt, initiatief, form, conflict=True)
    return _saved(request, buurt, saved, _("Initiatief %(naam)s bewaard.") % {"naam": saved})


def _edit_page(request, buurt, initiatief, form, conflict=False):
    context = {"buurt": buurt, "initiatief": initiatief, "form": form, "conflict": conflict}
    return render_page(request, EDIT, context, "bewerken")


def _saved(request, buurt, initiatief, message):
    """Without JS, back to the page; with HTMX, the section that was edited, saved."""
    if not request.htmx:
        messages.success(request, message)
        return redirect(_detail_url(buurt, initiatief, "#gegevens"))
    buurt, initiatief = _initiatief(request, buurt.slug, initiatief.pk)
    context = {
        "buurt": buurt,
        "initiatief": initiatief,
        "can_edit": True,
        "bewaard": message,
        "titel_oob": True,  # the name may have changed: the page's heading follows
    }
    return render_page(request, DETAIL, context, "gegevens")


@login_required
@require_http_methods(["GET", "POST"])
def initiatief_status(request, slug, pk):
    buurt, initiatief = _initiatief(request, slug, pk, write=True)
    form = StatusForm(request.POST if request.method == "POST" else None)
    bewaard = None
    if form.is_bound and form.is_valid():
        if not first_submission(request, "initiatief-status"):
            bewaard = ALREADY_SAVED
        else:
            try:
                services.change_status(initiatief, **form.cleaned_data, door=request.user)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                bewaard = _("Status van %(naam)s gewijzigd.") % {"naam": initiatief}
        if bewaard and not request.htmx:
            messages.success(request, bewaard)
            return redirect(_detail_url(buurt, initiatief, "#status"))
        if bewaard:
            buurt, initiatief = _initiatief(request, slug, pk, write=True)
            form = None
    context = _status_context(buurt, initiatief, form)
    context["bewaard"] = bewaard
    if request.htmx:
        return render_page(request, DETAIL, context, "status")
    return render_page(request, STATUS, context)
