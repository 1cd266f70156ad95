"""Actions on their own: the open actions of a person, team or initiative; adding one without
a meeting; editing one; marking one done."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurt.access import get_buurt_for_user
from buurt.once import already_saved, first_submission
from buurt.rendering import paginate, render_page

from .. import services
from ..access import get_actie_for_user
from ..forms import ActieFilterForm, ActieForm, GedaanForm, user_label
from ..models import Actie
from .common import acties_of, add_errors, filter_chosen

LIST = "overleg/actie_list.html"
FORM = "overleg/actie_form.html"
ROW = "overleg/_actie_row.html"
PER_PAGE = 30


def _list_title(chosen, status):
    titles = {
        ActieFilterForm.Status.OPEN: _("Open acties"),
        ActieFilterForm.Status.TE_LAAT: _("Acties te laat"),
        ActieFilterForm.Status.GEDAAN: _("Gedane acties"),
        ActieFilterForm.Status.ALLE: _("Alle acties"),
    }
    title = titles[status]
    names = [
        user_label(value) if key == "coordinator" else str(value) for key, value in chosen.items()
    ]
    if names:
        title = _("%(titel)s van %(wie)s") % {"titel": title, "wie": ", ".join(names)}
    return title


@login_required
@require_GET
def actie_list(request, slug):
    buurt = get_buurt_for_user(request, slug)
    filters = ActieFilterForm(request.GET, buurt=buurt)
    chosen = filters.chosen()
    status = filters.status_value()
    chosen.pop("status", None)
    today = timezone.localdate()
    acties = filter_chosen(Actie.objects.in_buurt(buurt), chosen)
    acties = {
        ActieFilterForm.Status.OPEN: acties.open(),
        ActieFilterForm.Status.TE_LAAT: acties.te_laat(today),
        ActieFilterForm.Status.GEDAAN: acties.gedaan(),
        ActieFilterForm.Status.ALLE: acties,
    }[status]
    ordered = acties_of(acties)
    if status == ActieFilterForm.Status.GEDAAN:
        ordered = ordered.order_by("-gedaan_op", "-id")
    context = {
        "buurt": buurt,
        "filters": filters,
        "titel": _list_title(chosen, status),
        "acties": paginate(request, ordered, PER_PAGE),
        "vandaag": today,
        "terug": request.get_full_path(),
    }
    return render_page(request, LIST, context, "lijst")


def _initial(buurt, request):
    chosen = ActieFilterForm(request.GET, buurt=buurt).chosen()
    initial = {}
    for name in ("team", "initiatief", "coordinator"):
        if name in chosen:
            initial[name] = chosen[name].pk
    if "partner" in chosen:
        initial["partner"] = chosen["partner"].actor.naam
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def actie_create(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    if request.method == "GET":
        form = ActieForm(buurt=buurt, initial=_initial(buurt, request))
        return render_page(request, FORM, {"buurt": buurt, "form": form})
    form = ActieForm(request.POST, buurt=buurt)
    if form.is_valid():
        if not first_submission(request, "actie-nieuw"):
            return already_saved(request, "overleg:actie_list", buurt.slug)
        try:
            actie = services.add_actie(form.instance)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Actie %(wat)s toegevoegd.") % {"wat": actie})
            return redirect("overleg:actie_list", slug=buurt.slug)
    return render_page(request, FORM, {"buurt": buurt, "form": form})


def _back(request, actie):
    """Where the action was marked or edited from (a page of this site), else its meeting or
    the list of open actions."""
    terug = request.POST.get("terug") or request.GET.get("terug") or ""
    if url_has_allowed_host_and_scheme(terug, {request.get_host()}, request.is_secure()):
        return terug
    if actie.overleg_id:
        return reverse("overleg:overleg_detail", args=[actie.buurt.slug, actie.overleg_id])
    return reverse("overleg:actie_list", args=[actie.buurt.slug])


@login_required
@require_http_methods(["GET", "POST"])
def actie_edit(request, slug, pk):
    buurt, actie = get_actie_for_user(request, slug, pk, write=True)
    form = ActieForm(request.POST or None, instance=actie, buurt=buurt)
    gedaan_form = GedaanForm(actie=actie)
    if form.is_bound and form.is_valid():
        form.save()
        messages.success(request, _("Actie %(wat)s bewaard.") % {"wat": actie})
        return redirect(_back(request, actie))
    context = {
        "buurt": buurt,
        "actie": actie,
        "form": form,
        "gedaan_form": gedaan_form,
        "terug": _back(request, actie),
    }
    return render_page(request, FORM, context)


@login_required
@require_POST
def actie_done(request, slug, pk):
    """Mark done on a date, with a short note. HTMX swaps the action's row."""
    buurt, actie = get_actie_for_user(request, slug, pk, write=True)
    form = GedaanForm(request.POST, actie=actie)
    if form.is_valid():
        try:
            actie = services.mark_done(actie, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
    if form.errors and not request.htmx:
        context = {
            "buurt": buurt,
            "actie": actie,
            "form": ActieForm(instance=actie, buurt=buurt),
            "gedaan_form": form,
            "terug": _back(request, actie),
        }
        return render_page(request, FORM, context)
    if not request.htmx:
        messages.success(request, _("Actie %(wat)s is gedaan.") % {"wat": actie})
        return redirect(_back(request, actie))
    actie = acties_of(Actie.objects.filter(pk=actie.pk)).get()
    context = {
        "buurt": buurt,
        "actie": actie,
        "gedaan_form": form if form.errors else None,
        "vandaag": timezone.localdate(),
        "terug": _back(request, actie),
        "rij_bewaard": not form.errors,
    }
    return render_page(request, ROW, context)
