"""Retention from cron: report, per buurt, the persons without activity for
BEWAARTERMIJN_MAANDEN months, and with --uitvoeren anonymise them.

The report names no one (cron mails its output): counts, and the actors' ids.
"""

from django.core.management.base import BaseCommand, CommandError

from buurt.models import Buurt
from privacy.bewaartermijn import maanden, voorstellen
from privacy.services import anonimiseer


class Command(BaseCommand):
    help = (
        "Propose (or with --uitvoeren anonymise) persons without activity for the retention period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--buurt", action="append", default=[], help="Only this buurt (slug).")
        parser.add_argument(
            "--uitvoeren", action="store_true", help="Anonymise them, instead of reporting only."
        )

    def handle(self, *args, buurt, uitvoeren, **options):
        buurten = Buurt.objects.order_by("slug")
        if buurt:
            buurten = buurten.filter(slug__in=buurt)
            missing = sorted(set(buurt) - set(buurten.values_list("slug", flat=True)))
            if missing:
                raise CommandError(f"Unknown buurt: {', '.join(missing)}")
        totaal = 0
        for b in buurten:
            ids = list(voorstellen(b).values_list("pk", flat=True))
            if not ids:
                continue
            totaal += len(ids)
            if uitvoeren:
                for actor in voorstellen(b).filter(pk__in=ids):
                    anonimiseer(actor)
                self.stdout.write(f"{b.slug}: {len(ids)} geanonimiseerd (ids {_ids(ids)})")
            else:
                self.stdout.write(f"{b.slug}: {len(ids)} voorgesteld (ids {_ids(ids)})")
        verb = "geanonimiseerd" if uitvoeren else "voorgesteld om te anonimiseren"
        self.stdout.write(f"Bewaartermijn {maanden()} maanden: {totaal} personen {verb}.")


def _ids(ids):
    return ", ".join(map(str, ids))
