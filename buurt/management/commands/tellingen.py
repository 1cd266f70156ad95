from django.core.management.base import BaseCommand, CommandError

from buurt import tellingen
from buurt.models import Buurt


class Command(BaseCommand):
    help = (
        "Bouwt de tellingen van het dashboard en het jaarverslag opnieuw op uit de gegevens, "
        "of controleert ze met --controleer (dan verandert er niets)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--buurt", help="slug van één buurt (standaard: alle buurten)")
        parser.add_argument(
            "--controleer",
            action="store_true",
            help="vergelijk alleen; eindigt met een fout als een telling niet klopt",
        )

    def handle(self, *args, buurt=None, controleer=False, **options):
        buurten = Buurt.objects.order_by("slug")
        if buurt is not None:
            buurten = buurten.filter(slug=buurt)
            if not buurten.exists():
                raise CommandError(f"Geen buurt met slug '{buurt}'.")
        fouten = 0
        for item in buurten:
            if not controleer:
                tellingen.herbereken(item)
                self.stdout.write(f"{item.slug}: tellingen opnieuw opgebouwd.")
                continue
            verschillen = tellingen.verschillen(item)
            fouten += len(verschillen)
            if not verschillen:
                self.stdout.write(f"{item.slug}: alle tellingen kloppen.")
                continue
            self.stdout.write(f"{item.slug}: {len(verschillen)} tellingen kloppen niet:")
            for (_b, sleutel, dag), (opgeslagen, geteld) in sorted(verschillen.items())[:20]:
                self.stdout.write(f"  {sleutel} {dag}: opgeslagen {opgeslagen}, geteld {geteld}")
        if fouten:
            raise CommandError(
                f"{fouten} tellingen kloppen niet; 'manage.py tellingen' bouwt ze opnieuw op."
            )
