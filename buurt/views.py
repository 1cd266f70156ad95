from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from . import tellingen
from .access import (
    can_edit,
    get_actor_for_user,
    get_beleidsverwachting_for_user,
    get_buurt_for_user,
    get_relatie_for_user,
)
from .forms import (
    ActorFilterForm,
    ActorForm,
    BeleidEindeForm,
    BeleidsverwachtingForm,
    parse_id,
)
from .models import Actor, Beleidsverwachting, Buurt, Relatie
from .once import already_saved, first_submission
from .rendering import KnownCountPaginator, paginate, render_page, wants_partial
from .services import add_actor
from .suggestions import datalist_response

ACTORS_PER_PAGE = 25


@login_required
@require_GET
def home(request):
    buurten = list(Buurt.objects.for_user(request.user).order_by("naam"))
    if len(buurten) == 1:
        return redirect(buurten[0])
    return render(request, "buurt/buurt_list.html", {"buurten": buurten})


@require_GET
def over(request):
    """The method in the research's own words: public, it shows nothing of any buurt."""
    return render(request, "buurt/over.html")


def _soort_counts(buurt):
    per_soort = tellingen.per_soort(buurt)  # kept at write time
    return {
        "totaal": sum(per_soort.values()),
        "per_soort": per_soort,
        "soorten": [
            (value, label, per_soort.get(value, 0)) for value, label in Actor.Soort.choices
        ],
    }


def _who_knows_whom(buurt):
    """The actors (mostly partners) who brought in the most others: counts kept at write
    time (buurt/tellingen.py), names fetched for the top few only."""
    top = tellingen.meeste_aangebracht(buurt, 8)
    names = dict(Actor.objects.filter(pk__in=[pk for pk, _n in top]).values_list("pk", "naam"))
    return [
        {"pk": pk, "aangebracht_door": pk, "naam": names.get(pk, ""), "aantal": n} for pk, n in top
    ]


def _actor_page(request, buurt, filter_form, counts):
    actoren = filter_form.filter(Actor.objects.in_buurt(buurt)).select_related(
        "aangebracht_door", "partner"
    )
    # Unfiltered, or filtered on soort only: the counts per soort already hold the total.
    known = None
    if counts is not None and filter_form.is_valid():
        active = {key for key, value in filter_form.cleaned_data.items() if value}
        if not active:
            known = counts["totaal"]
        elif active == {"soort"}:
            known = counts["per_soort"].get(filter_form.cleaned_data["soort"], 0)
    paginator = KnownCountPaginator(actoren, ACTORS_PER_PAGE, count=known)
    return paginate(request, actoren, ACTORS_PER_PAGE, paginator=paginator)


def _ken_je_buurt_context(request, buurt, form=None, results_only=False):
    """The whole page, or with `results_only` just what the results partial shows: the
    counts per soort and who knows whom each read the whole buurt, so they are left out."""
    filter_form = ActorFilterForm(request.GET, auto_id="filter_%s")
    counts = None if results_only else _soort_counts(buurt)
    page = _actor_page(request, buurt, filter_form, counts)
    via = None
    if filter_form.is_valid() and filter_form.cleaned_data["via"]:
        via = Actor.objects.in_buurt(buurt).filter(pk=filter_form.cleaned_data["via"]).first()
    context = {
        "buurt": buurt,
        "can_edit": can_edit(buurt),
        "via": via,
        "page": page,
        "querystring": filter_form.querystring(),
    }
    if results_only:
        return context
    return {
        **context,
        "filter_form": filter_form,
        "counts": counts,
        "introducers": _who_knows_whom(buurt),
        "form": form if form is not None else ActorForm(buurt=buurt),
    }


@login_required
@require_GET
def ken_je_buurt(request, slug):
    buurt = get_buurt_for_user(request, slug)
    results_only = wants_partial(request, target="actor-results")
    context = _ken_je_buurt_context(request, buurt, results_only=results_only)
    partial = "results" if results_only else None
    return render_page(request, "buurt/ken_je_buurt.html", context, partial=partial)


@login_required
@require_POST
def actor_create(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    form = ActorForm(request.POST, buurt=buurt)
    if form.is_valid():
        # An identical submission that got there first counts as this one: one actor.
        actor, _created = add_actor(form.save(commit=False), form.known_namesakes)
        if not request.htmx:
            messages.success(request, _("%(naam)s is toegevoegd.") % {"naam": actor.naam})
            return redirect("buurt:ken_je_buurt", slug=buurt.slug)
        return render(
            request,
            "buurt/_actor_added.html",
            {
                "buurt": buurt,
                "can_edit": True,
                "actor": actor,
                "form": ActorForm(buurt=buurt),
                "added": actor,
                "counts": _soort_counts(buurt),
            },
        )
    if request.htmx:
        context = {"buurt": buurt, "form": form}
    else:
        context = _ken_je_buurt_context(request, buurt, form=form)
    return render_page(request, "buurt/ken_je_buurt.html", context, partial="entry")


@login_required
@require_GET
def actor_suggestions(request, slug):
    """A <datalist> of a few actor names matching what is typed in a name field."""
    buurt = get_buurt_for_user(request, slug)
    actoren = Actor.objects.in_buurt(buurt)
    if request.GET.get("partners_only"):
        actoren = actoren.partners()
    return datalist_response(request, actoren)


def _row(request, buurt, actor):
    return render(
        request,
        "buurt/_actor_row.html",
        {"buurt": buurt, "actor": actor, "can_edit": can_edit(buurt), "focus": True},
    )


@login_required
@require_GET
def actor_row(request, slug, pk):
    buurt, actor = get_actor_for_user(request, slug, pk)
    return _row(request, buurt, actor)


@login_required
@require_http_methods(["GET", "POST"])
def actor_edit(request, slug, pk):
    buurt, actor = get_actor_for_user(request, slug, pk, write=True)
    form = ActorForm(
        request.POST if request.method == "POST" else None,
        instance=actor,
        buurt=buurt,
        prefix=f"actor-{actor.pk}",
    )
    if request.method == "POST" and form.is_valid():
        actor = form.save()
        if request.htmx:
            return _row(request, buurt, actor)
        messages.success(request, _("%(naam)s is bijgewerkt.") % {"naam": actor.naam})
        return redirect("buurt:ken_je_buurt", slug=buurt.slug)
    template = "buurt/_actor_edit_row.html" if request.htmx else "buurt/actor_form.html"
    return render(request, template, {"buurt": buurt, "actor": actor, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def actor_delete(request, slug, pk):
    buurt, actor = get_actor_for_user(request, slug, pk, write=True)
    if actor.is_natuurlijk_persoon:
        # A person is erased, with every trace of their name, after seeing where it is.
        url = reverse("privacy:wissen", args=[buurt.slug, actor.pk])
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if request.method == "POST":
        naam = actor.naam
        actor.delete()
        if request.htmx:
            return render(
                request,
                "buurt/_actor_deleted.html",
                {"buurt": buurt, "naam": naam, "counts": _soort_counts(buurt)},
            )
        messages.success(request, _("%(naam)s is verwijderd.") % {"naam": naam})
        return redirect("buurt:ken_je_buurt", slug=buurt.slug)
    context = {
        "buurt": buurt,
        "actor": actor,
        "relaties": Relatie.objects.van_actor(actor).count(),
        "aangebracht": actor.aangebracht.count(),
    }
    template = "buurt/_actor_delete_row.html" if request.htmx else "buurt/actor_confirm_delete.html"
    return render(request, template, context)


@login_required
@require_POST
def relatie_end(request, slug, pk):
    buurt, relatie = get_relatie_for_user(request, slug, pk, write=True)
    if relatie.tot is None:
        relatie.tot = max(timezone.localdate(), relatie.sinds)
        relatie.save(update_fields=["tot"])
        messages.success(request, _("De relatie is beëindigd; ze blijft in de geschiedenis."))
    back = parse_id(request.POST.get("actor"))
    if back in (relatie.van_id, relatie.naar_id):
        return redirect("coordinatie:actor_detail", slug=buurt.slug, pk=back)
    return redirect("coordinatie:actor_detail", slug=buurt.slug, pk=relatie.van_id)


# What policy expects: the top-down expectations beside what grows bottom-up. The page shows
# free text, so it is for coordinators; researchers get the counts on the dashboard.

BELEID_PER_PAGE = 25


def _beleid_context(request, buurt, form=None, einde=None):
    verwachtingen = Beleidsverwachting.objects.in_buurt(buurt).order_by(
        F("tot").desc(nulls_first=True), "-sinds", "-id"
    )
    page = paginate(request, verwachtingen, BELEID_PER_PAGE)
    for verwachting in page:
        if verwachting.tot is None:
            bound = einde is not None and einde.verwachting.pk == verwachting.pk
            verwachting.einde_form = einde if bound else BeleidEindeForm(verwachting=verwachting)
    return {
        "buurt": buurt,
        "page": page,
        "form": form or BeleidsverwachtingForm(buurt=buurt),
    }


@login_required
@require_GET
def beleid(request, slug):
    buurt = get_buurt_for_user(request, slug)
    return render(request, "buurt/beleid.html", _beleid_context(request, buurt))


@login_required
@require_POST
def beleid_create(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    form = BeleidsverwachtingForm(request.POST, buurt=buurt)
    if form.is_valid() and not first_submission(request, "beleid"):
        return already_saved(request, "buurt:beleid", slug=buurt.slug)
    if form.is_valid():
        form.save()
        messages.success(request, _("Verwachting van het beleid genoteerd."))
        return redirect("buurt:beleid", slug=buurt.slug)
    return render(request, "buurt/beleid.html", _beleid_context(request, buurt, form=form))


@login_required
@require_POST
def beleid_end(request, slug, pk):
    buurt, verwachting = get_beleidsverwachting_for_user(request, slug, pk, write=True)
    if verwachting.tot is not None:
        messages.info(request, _("Deze verwachting was al beëindigd."))
        return redirect("buurt:beleid", slug=buurt.slug)
    form = BeleidEindeForm(request.POST, verwachting=verwachting)
    if not form.is_valid():
        context = _beleid_context(request, buurt, einde=form)
        return render(request, "buurt/beleid.html", context)
    verwachting.tot = form.cleaned_data["tot"]
    verwachting.save(update_fields=["tot"])
    messages.success(request, _("De verwachting is beëindigd; ze blijft in de geschiedenis."))
    return redirect(reverse("buurt:beleid", args=[buurt.slug]) + f"#verwachting-{verwachting.pk}")


@never_cache
@require_GET
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
