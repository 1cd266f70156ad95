from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from buurt.access import get_buurt_for_user
from buurt.rendering import render_page
from buurt.spreadsheets import MEDIATYPES

from .forms import ImportForm
from .imports import KINDS, plan_import
from .reading import ImportRejected, read_upload
from .resources import template_dataset
from .services import apply_import

IMPORT_CONFIRM_SECONDS = 60 * 60


def _signer(buurt, user):
    return signing.TimestampSigner(salt=f"onderzoek.import:{buurt.pk}:{user.pk}")


def _import_page(request, buurt, form, plan=None, payload=None, file_error=None, status=200):
    context = {
        "buurt": buurt,
        "form": form,
        "plan": plan,
        "payload": payload,
        "file_error": file_error,
        "kinds": KINDS,
    }
    return render_page(request, "importeren/import.html", context, "resultaat", status=status)


@login_required
@require_http_methods(["GET", "POST"])
def import_view(request, slug):
    buurt = get_buurt_for_user(request, slug, write=True)
    if request.method == "GET":
        return _import_page(request, buurt, ImportForm())
    if "payload" in request.POST:
        return _confirm(request, buurt)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _import_page(request, buurt, form)
    kind = form.cleaned_data["soort"]
    try:
        header, rows = read_upload(form.cleaned_data["bestand"])
    except ImportRejected as exc:
        return _import_page(request, buurt, form, file_error=str(exc))
    plan = plan_import(buurt, kind, header, rows)
    payload = None
    if not plan.errors:
        data = {"kind": kind, "header": header, "rows": rows}
        payload = _signer(buurt, request.user).sign_object(data, compress=True)
    return _import_page(request, buurt, form, plan=plan, payload=payload)


def _confirm(request, buurt):
    try:
        data = _signer(buurt, request.user).unsign_object(
            request.POST["payload"], max_age=IMPORT_CONFIRM_SECONDS
        )
    except signing.BadSignature:
        message = _("Dit voorstel is verlopen of ongeldig. Laad het bestand opnieuw.")
        return _import_page(request, buurt, ImportForm(), file_error=message, status=400)
    plan = plan_import(buurt, data["kind"], data["header"], data["rows"])
    if plan.errors:
        # The buurt changed since the dry run: show why, write nothing.
        return _import_page(request, buurt, ImportForm(initial={"soort": data["kind"]}), plan=plan)
    counts = apply_import(buurt, plan, door=request.user)
    messages.success(
        request,
        _("Import klaar: %(created)s nieuw, %(updated)s bijgewerkt.") % counts,
    )
    url = reverse("importeren:import", args=[buurt.slug])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_GET
def import_template(request, slug, kind):
    buurt = get_buurt_for_user(request, slug, write=True)
    if kind not in KINDS:
        raise Http404
    fmt = "xlsx" if request.GET.get("formaat") == "xlsx" else "csv"
    dataset = template_dataset(kind)
    content_type = MEDIATYPES[fmt] if fmt == "xlsx" else "text/csv; charset=utf-8"
    response = HttpResponse(dataset.export(fmt), content_type=content_type)
    filename = f"zorgzaam-{kind}-{buurt.slug}-sjabloon.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
