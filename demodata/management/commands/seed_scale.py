import time as clock

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from demodata.scale.fill import fill_buurt


class Command(BaseCommand):
    help = (
        "Vult buurt SLUG met N synthetische actoren en evenredig veel partners, geschiedenis, "
        "activiteiten, initiatieven, teams en relaties. Bestaande gegevens van die buurt "
        "worden eerst verwijderd."
    )

    def add_arguments(self, parser):
        parser.add_argument("--buurt", required=True, help="slug van de buurt")
        parser.add_argument("--actors", required=True, type=int, help="aantal actoren")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument("--chunk", type=int, default=50_000, help="rijen per batch")
        parser.add_argument(
            "--wijzigingen",
            type=int,
            default=0,
            help="aantal wijzigingen in de tijdlijn van de buurt, over twee jaar (default 0)",
        )

    def handle(self, *args, buurt, actors, seed, chunk, wijzigingen, **options):
        if actors < 1 or chunk < 1:
            raise CommandError("--actors en --chunk moeten positief zijn.")
        if wijzigingen < 0:
            raise CommandError("--wijzigingen mag niet negatief zijn.")
        started = clock.monotonic()
        target, counts, granted = fill_buurt(
            buurt, actors, seed, chunk, self.report, wijzigingen=wijzigingen
        )
        # The fill writes by COPY and records nothing in the timeline, which is what cached
        # pages (het bos) key on: a refilled buurt must not show the old one's network.
        cache.clear()
        self.report(
            f"Buurt '{target.slug}' gevuld in {clock.monotonic() - started:.1f} s: "
            + ", ".join(f"{n} {model._meta.verbose_name_plural}" for model, n in counts.items())
            + "."
            + (" Gebruiker 'coordinator' is er coördinator." if granted else "")
        )

    def report(self, line):
        self.stdout.write(line)
        self.stdout.flush()
