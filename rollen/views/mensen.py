"""The coordinator's page of the buurt's people: roles, and invitations to new ones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from buurt.access import get_buurt_for_user
from buurt.models import Rol
from buurt.once import already_saved, first_submission

from .. import invitations, services
from ..forms import RolForm, UitnodigingForm
from ..models import Uitnodiging


def _page(request, buurt, form):
    rollen = list(
        Rol.objects.filter(buurt=buurt).select_related("user").order_by("rol", "user__username")
    )
    coordinatoren = sum(1 for rol in rollen if rol.rol == Rol.Soort.COORDINATOR)
    uitnodigingen = (
        Uitnodiging.objects.in_buurt(buurt)
        .openstaand()
        .select_related("aangemaakt_door")
        .order_by("email", "id")
    )
    return render(
        request,
        "rollen/mensen.html",
        {
            "buurt": buurt,
            "rollen": rollen,
            "laatste_coordinator": coordinatoren == 1,
            "uitnodigingen": uitnodigingen,
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET"])
def mensen(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    return _page(request, buurt, UitnodigingForm())


def _report_sending(request, uitnodiging, sent):
    names = {"email": uitnodiging.email}
    if sent:
        messages.success(request, _("De uitnodiging is verstuurd naar %(email)s.") % names)
    else:
        messages.error(
            request,
            _(
                "Versturen naar %(email)s is mislukt. De uitnodiging is bewaard: probeer het "
                "zo dadelijk opnieuw met “opnieuw versturen”."
            )
            % names,
        )


@login_required
@require_POST
def uitnodigen(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    form = UitnodigingForm(request.POST)
    if not form.is_valid():
        return _page(request, buurt, form)
    if not first_submission(request, "uitnodiging"):
        return already_saved(request, "rollen:mensen", buurt.slug)
    try:
        uitnodiging, token = services.invite(
            buurt, form.cleaned_data["email"], form.cleaned_data["rol"], request.user
        )
    except services.Geweigerd as refusal:
        form.add_error("email", refusal.message)
        return _page(request, buurt, form)
    _report_sending(request, uitnodiging, invitations.send(request, uitnodiging, token))
    return redirect("rollen:mensen", slug=buurt.slug)


@login_required
@require_POST
def uitnodiging_opnieuw(request, slug, pk):
    buurt = get_buurt_for_user(request, slug, write=True)
    if not first_submission(request, f"uitnodiging-opnieuw-{pk}"):
        return already_saved(request, "rollen:mensen", buurt.slug)
    try:
        uitnodiging, token = services.renew(buurt, pk)
    except Uitnodiging.DoesNotExist:
        raise Http404 from None
    _report_sending(request, uitnodiging, invitations.send(request, uitnodiging, token))
    return redirect("rollen:mensen", slug=buurt.slug)


@login_required
@require_http_methods(["GET", "POST"])
def uitnodiging_intrekken(request, slug, pk):
    buurt = get_buurt_for_user(request, slug, write=True)
    uitnodiging = get_object_or_404(Uitnodiging.objects.in_buurt(buurt), pk=pk)
    if request.method == "POST":
        services.revoke(buurt, pk)
        messages.success(
            request,
            _("De uitnodiging voor %(email)s is ingetrokken: de link werkt niet meer.")
            % {"email": uitnodiging.email},
        )
        return redirect("rollen:mensen", slug=buurt.slug)
    if not uitnodiging.is_open:
        raise Http404
    return render(
        request,
        "rollen/uitnodiging_intrekken.html",
        {"buurt": buurt, "uitnodiging": uitnodiging},
    )


def _rol_of(buurt, pk):
    return get_object_or_404(Rol.objects.filter(buurt=buurt).select_related("user"), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def rol_wijzigen(request, slug, pk):
    buurt = get_buurt_for_user(request, slug, write=True)
    rol = _rol_of(buurt, pk)
    refused = False
    if request.method == "POST":
        form = RolForm(request.POST)
        if form.is_valid():
            try:
                rol, changed = services.change_rol(buurt, rol.pk, form.cleaned_data["rol"])
            except Rol.DoesNotExist:
                raise Http404 from None
            except services.Geweigerd as refusal:
                form.add_error(None, refusal.message)
                refused = True
            else:
                names = {"naam": _naam(rol.user), "rol": rol.get_rol_display()}
                if changed:
                    messages.success(request, _("%(naam)s is nu %(rol)s.") % names)
                else:
                    messages.info(request, _("%(naam)s was al %(rol)s.") % names)
                if rol.user_id == request.user.pk and rol.rol != Rol.Soort.COORDINATOR:
                    # No longer a coordinator: the dashboard is what is still open to them.
                    return redirect("coordinatie:dashboard", slug=buurt.slug)
                return redirect("rollen:mensen", slug=buurt.slug)
    else:
        andere = next(value for value in Rol.Soort.values if value != rol.rol)
        form = RolForm(initial={"rol": request.GET.get("rol") or andere})
    weigering = None if form.errors else services.check_change(buurt, rol)
    return render(
        request,
        "rollen/rol_wijzigen.html",
        {"buurt": buurt, "rol": rol, "form": form, "weigering": weigering},
        status=409 if refused else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def rol_verwijderen(request, slug, pk):
    buurt = get_buurt_for_user(request, slug, write=True)
    rol = _rol_of(buurt, pk)
    weigering = services.check_change(buurt, rol)
    if request.method == "POST":
        try:
            services.remove_rol(buurt, rol.pk)
        except Rol.DoesNotExist:
            raise Http404 from None
        except services.Geweigerd as refusal:
            weigering = refusal.message
        else:
            names = {"naam": _naam(rol.user), "buurt": buurt.naam}
            if rol.user_id == request.user.pk:
                messages.success(request, _("Je hebt geen rol meer in %(buurt)s.") % names)
                return redirect("buurt:home")
            messages.success(request, _("%(naam)s heeft geen rol meer in %(buurt)s.") % names)
            return redirect("rollen:mensen", slug=buurt.slug)
    return render(
        request,
        "rollen/rol_verwijderen.html",
        {"buurt": buurt, "rol": rol, "weigering": weigering},
        status=409 if weigering and request.method == "POST" else 200,
    )


def _naam(user):
    return user.get_full_name() or user.get_username()
