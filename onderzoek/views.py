import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from buurt.models import Exportregistratie
from buurt.spreadsheets import MEDIATYPES

from .access import get_onderzoek_buurten
from .export import Export, ExportRefused
from .forms import ExportForm
from .tables import TABLES_BY_NAME


def export_response(export):
    """One CSV table streams as it is read; anything else is a ZIP with the codebook."""
    stamp = timezone.localdate().isoformat()
    if len(export.tables) == 1 and export.format == "csv":
        table = export.tables[0]
        response = StreamingHttpResponse(
            export.csv_chunks(table), content_type=f"{MEDIATYPES['csv']}; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="zorgzaam-{table.name}-{stamp}.csv"'
        )
        return response
    # A temporary file, not memory: large exports stay out of the process.
    archive = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    export.write_zip(archive)
    archive.seek(0)
    return FileResponse(
        archive,
        as_attachment=True,
        filename=f"zorgzaam-export-{stamp}.zip",
        content_type="application/zip",
    )


@login_required
@require_GET
def index(request):
    buurten = get_onderzoek_buurten(request)
    submitted = "formaat" in request.GET
    form = ExportForm(request.GET if submitted else None, buurten=buurten)
    if submitted and form.is_valid():
        try:
            export = Export(
                form.chosen_buurten(),
                [TABLES_BY_NAME[name] for name in form.cleaned_data["tabellen"]],
                format=form.cleaned_data["formaat"],
            )
        except ExportRefused as exc:
            form.add_error(None, str(exc))
        else:
            Exportregistratie.registreer(
                export.buurten, [t.name for t in export.tables], export.format, door=request.user
            )
            return export_response(export)
    return render(request, "onderzoek/export_index.html", {"form": form})


# Import for coordinators ----------------------------------------------------------------
