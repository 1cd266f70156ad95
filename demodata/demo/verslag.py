"""Chances of step 3 taken up in the demo's year: one connected in the spring, one
discussed later, so that the report (verslag) has step 3's growth to show."""

from datetime import datetime, time

from django.utils import timezone

from initiatieven import fruit, kansen

# (days ago, what the coordinator did with the first chance step 3 proposed then)
OPGEPAKT = [(80, kansen.Status.VERBONDEN), (50, kansen.Status.BESPROKEN)]


def schedule_kansen(story, day, buurt, coordinator):
    for ago, status in OPGEPAKT:

        def take_up(ago=ago, status=status):
            kans = fruit.pluk(buurt, limit=1).kansen[0]
            record = kansen.set_kansstatus(buurt, kans.a, kans.b, status=status, door=coordinator)
            record.op = timezone.make_aware(datetime.combine(day(ago), time(12)))
            record.save(update_fields=["op"])

        story.at(ago, take_up, door=coordinator)
