"""Stored pseudonyms per key fingerprint; after a key rotation, prune the old key's."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from onderzoek import pseudoniemen
from onderzoek.export import ExportRefused, export_key
from onderzoek.models import Pseudoniem


class Command(BaseCommand):
    help = (
        "Count the stored pseudonyms per key fingerprint; --opruimen deletes those of every "
        "key but the current EXPORT_PSEUDONYM_KEY."
    )

    def add_arguments(self, parser):
        parser.add_argument("--opruimen", action="store_true", help="delete the old keys' rows")

    def handle(self, *args, opruimen, **options):
        try:
            key = export_key()
        except ExportRefused as exc:
            raise CommandError(str(exc)) from exc
        current = pseudoniemen.key_fingerprint(key)
        counts = Pseudoniem.objects.values_list("sleutel").annotate(n=Count("pk")).order_by()
        for sleutel, n in sorted(counts):
            label = " (current key)" if sleutel == current else ""
            self.stdout.write(f"{sleutel}: {n}{label}")
        if opruimen:
            self.stdout.write(f"Deleted {pseudoniemen.prune(key)} pseudonyms of other keys.")
