"""Write a research export to a directory: one file per table, datapackage.json, codebook.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from buurt.models import Buurt, Exportregistratie
from onderzoek.export import FORMATS, Export, ExportRefused
from onderzoek.tables import TABLES, TABLES_BY_NAME


class Command(BaseCommand):
    help = "Export pseudonymised research data for one or more buurten."

    def add_arguments(self, parser):
        parser.add_argument("--buurt", action="append", required=True, metavar="SLUG")
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("--output", required=True, metavar="DIR")
        parser.add_argument(
            "--table", action="append", choices=list(TABLES_BY_NAME), metavar="TABLE"
        )
        parser.add_argument(
            "--identifiable",
            action="store_true",
            help="Administrators only: include names of natural persons, contact data and "
            "free text. The data package and codebook say so.",
        )

    def handle(self, *args, buurt, format, output, table, identifiable, **options):
        slugs = list(dict.fromkeys(buurt))
        buurten = list(Buurt.objects.filter(slug__in=slugs).order_by("slug"))
        missing = sorted(set(slugs) - {b.slug for b in buurten})
        if missing:
            raise CommandError(f"Unknown buurt: {', '.join(missing)}")
        tables = [TABLES_BY_NAME[name] for name in table] if table else list(TABLES)
        directory = Path(output)
        directory.mkdir(parents=True, exist_ok=True)
        try:
            export = Export(buurten, tables, format=format, identifiable=identifiable)
        except ExportRefused as exc:
            raise CommandError(str(exc)) from exc
        export.write_directory(directory)
        Exportregistratie.registreer(
            buurten,
            [t.name for t in tables],
            format,
            via=Exportregistratie.Via.CLI,
            identificeerbaar=identifiable,
        )
        if identifiable:
            self.stderr.write(self.style.WARNING(export.mode_statement))
        self.stdout.write(
            f"Wrote {len(tables)} tables, datapackage.json and codebook.md to {directory}"
        )
