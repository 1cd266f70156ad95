"""The demo's writes in the order they happened, so that its timeline reads like a year.

Each write is scheduled on a day. They run oldest first, each as the account that made it,
and the timeline entries a write made get a moment on its day: timestamps rise with the id,
as on a real timeline, whose page lists entries by id.
"""

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from auditlog.context import set_actor
from django.utils import timezone

from buurt.models import Wijziging


@dataclass
class Event:
    days_ago: int
    write: object
    user: object = None
    moment: datetime = None  # when it happened, set as it runs

    def context(self):
        return set_actor(self.user) if self.user is not None else nullcontext()


class Story:
    def __init__(self, buurt, rng, now):
        self.buurt = buurt
        self.rng = rng
        self.now = now
        self.events = []

    def at(self, days_ago, write, *, door=None):
        """Schedule ``write()`` ``days_ago`` days back, made by user ``door`` (or by no one:
        a partner's write names them itself, with buurt.tijdlijn.namens). Writes on one day
        run in the order they were scheduled."""
        event = Event(days_ago, write, door)
        self.events.append(event)
        return event

    def run(self):
        """Run every write oldest first; return the moment of each entry created (action 0)
        as {(content type id, object id): moment}."""
        events = sorted(self.events, key=lambda e: -e.days_ago)  # stable: schedule order
        seen, last, created = 0, None, {}
        for remaining, event in zip(range(len(events), 0, -1), events, strict=True):
            with event.context():
                event.write()
            event.moment = last = self._moment(event.days_ago, last, remaining)
            entries = Wijziging.objects.filter(buurt=self.buurt, id__gt=seen)
            written = list(entries.values_list("id", "action", "content_type_id", "object_id"))
            if written:
                Wijziging.objects.filter(id__in=[row[0] for row in written]).update(
                    timestamp=event.moment
                )
                seen = max(row[0] for row in written)
                created.update({(ct, pk): event.moment for _, a, ct, pk in written if a == 0})
        return created

    def _moment(self, days_ago, last, remaining):
        """Office hours on the day, after the previous write and, today, before now."""
        day = timezone.localdate(self.now) - timedelta(days=days_ago)
        moment = timezone.make_aware(datetime.combine(day, time(9)))
        moment += timedelta(minutes=self.rng.randint(0, 540))
        if last is not None:
            moment = max(moment, last + timedelta(minutes=1))
        return min(moment, self.now - timedelta(minutes=remaining))
