from django.core.management.base import BaseCommand, CommandError

from buurt.models import Buurt
from partners.links import DEFAULT_DAYS, create_link, link_url
from partners.models import Partner


class Command(BaseCommand):
    help = "Make a fresh personal link for a partner and print it (shown only this once)."

    def add_arguments(self, parser):
        parser.add_argument("--buurt", required=True, help="slug of the buurt")
        parser.add_argument("--partner", required=True, help="name of the partner's actor")
        parser.add_argument("--dagen", type=int, default=DEFAULT_DAYS, help="days valid")

    def handle(self, *args, buurt, partner, dagen, **options):
        if not 1 <= dagen <= 365:
            raise CommandError("--dagen must be between 1 and 365")
        try:
            the_buurt = Buurt.objects.get(slug=buurt)
        except Buurt.DoesNotExist:
            raise CommandError(f"No buurt with slug {buurt!r}") from None
        matches = list(Partner.objects.in_buurt(the_buurt).filter(actor__naam__iexact=partner))
        if not matches:
            raise CommandError(f"No partner named {partner!r} in buurt {buurt!r}")
        if len(matches) > 1:
            raise CommandError(f"Several partners named {partner!r}; rename one first")
        _link, token = create_link(matches[0], days=dagen)
        self.stdout.write(link_url(token))
