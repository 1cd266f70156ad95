from django.core.management.base import BaseCommand, CommandError

from aandacht.digest import CHUNK, run


class Command(BaseCommand):
    help = (
        "Stuurt elke coördinator die het wil een e-mail met wat aandacht vraagt in zijn of haar "
        "buurten. Bedoeld voor cron of een systemd-timer, eens per week."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--chunk", type=int, default=CHUNK, help=f"coördinatoren per batch (default {CHUNK})"
        )

    def handle(self, *args, chunk, **options):
        if chunk < 1:
            raise CommandError("--chunk moet positief zijn.")
        verslag = run(self.report_failure, chunk=chunk)
        self.stdout.write(
            f"Wekelijkse e-mail: {verslag.verzonden} verzonden, {verslag.niets} zonder iets te "
            f"melden, {verslag.mislukt} mislukt."
        )
        if verslag.mislukt:
            # A non-zero exit, so cron mails it and systemd marks the run as failed.
            raise CommandError(f"{verslag.mislukt} e-mail(s) niet verzonden; zie hierboven.")

    def report_failure(self, line):
        self.stderr.write(line)
        self.stderr.flush()
