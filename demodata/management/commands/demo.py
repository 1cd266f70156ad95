from django.core.management.base import BaseCommand

from demodata.demo.build import build_demo, summary


class Command(BaseCommand):
    help = "Bouwt de demobuurt 'demo' met een jaar geschiedenis en de demo-gebruikers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Verwijder de demobuurt en bouw ze opnieuw op.",
        )

    def handle(self, *args, reset=False, **options):
        buurt, built = build_demo(reset=reset)
        self.stdout.write(summary(buurt, built))
