"""The report as PDF, rendered by WeasyPrint from the same HTML as the page.

WeasyPrint needs Pango and HarfBuzz from the system (see README, "Het jaarverslag"). It is
imported only here, when a PDF is asked for: without those libraries the rest of the app
runs, and the PDF view says what is missing.
"""

from django.contrib.staticfiles import finders

STYLESHEETS = ("css/app.css", "css/coordinatie.css", "css/verslag.css")
# The Debian packages WeasyPrint needs, as .ci/run installs them.
SYSTEEMBIBLIOTHEKEN = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"


class PdfNietBeschikbaar(Exception):
    """WeasyPrint or the system libraries it loads are missing."""


def laad():
    """WeasyPrint, loaded now; PdfNietBeschikbaar when it or its libraries are missing."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: a shared library failed to load
        raise PdfNietBeschikbaar(str(error)) from error
    return weasyprint


def render_pdf(html):
    """The PDF bytes of the report's `html`.

    The report brings everything it needs and fetches nothing (its links are only links):
    no address in the data can make the server request anything.
    """
    weasyprint = laad()
    from weasyprint.urls import URLFetcher

    nothing = URLFetcher(allowed_protocols=())
    stylesheets = [weasyprint.CSS(filename=finders.find(name)) for name in STYLESHEETS]
    document = weasyprint.HTML(string=html, url_fetcher=nothing, base_url="/")
    return document.write_pdf(stylesheets=stylesheets)
