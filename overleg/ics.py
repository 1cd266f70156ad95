"""A meeting as an iCalendar file, so it lands in anyone's calendar at the right hour.

Times are written in Europe/Brussels with a TZID and the VTIMEZONE that defines it (from the
tz database), not in UTC: a calendar then shows the hour the coordinator typed, also for a
meeting on the far side of a change to or from summer time. Only what an invitee needs is in
it: title, time, place and agenda; no names or addresses of the other invitees.
"""

from datetime import date, timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event

DEFAULT_DURATION = timedelta(hours=1)


def uid(overleg):
    """Stable per meeting: a calendar that imports the file again updates the same event."""
    return f"overleg-{overleg.pk}@{overleg.buurt.slug}.zorgzaam"


def calendar(overleg, url=None):
    tz = timezone.get_default_timezone()
    begin = timezone.localtime(overleg.begint_op, tz)
    end = (
        timezone.localtime(overleg.eindigt_op, tz)
        if overleg.eindigt_op
        else begin + DEFAULT_DURATION
    )
    event = Event()
    event.add("uid", uid(overleg))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", begin)
    event.add("dtend", end)
    event.add("summary", overleg.titel)
    if overleg.plaats:
        event.add("location", overleg.plaats)
    if overleg.agenda:
        event.add("description", overleg.agenda)
    if url:
        event.add("url", url)
    cal = Calendar()
    cal.add("prodid", "-//Zorgzaam//Overleg//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add_component(event)
    # The VTIMEZONE covers the years around the meeting: enough for any calendar to place it.
    cal.add_missing_timezones(date(begin.year - 1, 1, 1), date(end.year + 2, 1, 1))
    return cal


def response(overleg, url=None):
    body = calendar(overleg, url).to_ical()
    result = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    name = slugify(overleg.titel) or "overleg"
    result["Content-Disposition"] = f'attachment; filename="{name}-{overleg.pk}.ics"'
    return result
