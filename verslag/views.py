"""The report for the city and funders: a page with a print stylesheet, and the same as PDF.

Coordinators get the full report, researchers a version without names of natural persons
and without free text; anyone else in the buurt's eyes does not exist (404).
"""

import logging
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from buurt.access import can_edit, get_buurt_for_user
from buurt.templatetags.research import SOURCE_URL

from . import pdf
from .inhoud import verslag_context
from .periode import periode_for

logger = logging.getLogger(__name__)


def _report(request, buurt):
    """The report's context, and whether the period asked for is valid (else the context
    holds only the form with its errors)."""
    form, periode = periode_for(request)
    context = {"buurt": buurt, "form": form, "bron_url": SOURCE_URL}
    if periode is None:
        return context, False
    van, tot = periode
    context.update(verslag_context(buurt, van, tot, volledig=can_edit(buurt)))
    context["periode_query"] = urlencode({"van": van.isoformat(), "tot": tot.isoformat()})
    return context, True


@login_required
@require_GET
def verslag(request, slug):
    buurt = get_buurt_for_user(request, slug, for_researchers=True)
    context, valid = _report(request, buurt)
    return render(request, "verslag/verslag.html", context, status=200 if valid else 400)


@login_required
@require_GET
def verslag_pdf(request, slug):
    buurt = get_buurt_for_user(request, slug, for_researchers=True)
    try:
        pdf.laad()
    except pdf.PdfNietBeschikbaar as error:
        logger.warning("The report's PDF cannot be made: %s", error)
        return render(
            request,
            "verslag/pdf_ontbreekt.html",
            {"buurt": buurt, "pakketten": pdf.SYSTEEMBIBLIOTHEKEN,
             "periode_query": request.GET.urlencode()},
            status=503,
        )  # fmt: skip
    context, valid = _report(request, buurt)
    if not valid:
        return render(request, "verslag/verslag.html", context, status=400)
    html = render_to_string("verslag/verslag_pdf.html", context, request=request)
    response = HttpResponse(pdf.render_pdf(html), content_type="application/pdf")
    name = f"verslag-{buurt.slug}-{context['van']:%Y%m%d}-{context['tot']:%Y%m%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
