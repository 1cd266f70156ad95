"""The .ics file of a meeting: it parses, and shows the Brussels time that was entered."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from overleg.models import Overleg
from tests import factories as f

BRUSSEL = ZoneInfo("Europe/Brussels")


def partner_with_address(buurt):
    partner = f.make_partner(buurt, "Vzw Samen")
    partner.actor.email = "info@vzwsamen.be"
    partner.actor.save()
    return partner


def create(client, buurt, begint_op, eindigt_op=""):
    response = client.post(
        reverse("overleg:overleg_create", args=[buurt.slug]),
        {
            "titel": f"Overleg {begint_op}",
            "begint_op": begint_op,
            "eindigt_op": eindigt_op,
            "plaats": "Buurthuis De Linde, Kerkstraat 1",
            "agenda": "1. Welkom\n2. Burenhulp",
            "partners": "Vzw Samen",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return Overleg.objects.latest("pk")


def download(client, overleg):
    response = client.get(reverse("overleg:overleg_ics", args=[overleg.buurt.slug, overleg.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    return response, Calendar.from_ical(response.content)


# Summer time starts on 29 March 2026 and ends on 25 October 2026.
@pytest.mark.parametrize(
    ("entered", "offset"),
    [
        ("2026-03-28T19:30", 1),
        ("2026-03-30T19:30", 2),
        ("2026-10-24T10:00", 2),
        ("2026-10-26T10:00", 1),
    ],
)
def test_dtstart_is_the_brussels_time_entered_across_summer_time(
    coordinator_client, buurt, entered, offset
):
    partner_with_address(buurt)
    overleg = create(coordinator_client, buurt, entered)
    _response, calendar = download(coordinator_client, overleg)
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert event["dtstart"].params["TZID"] == "Europe/Brussels"
    assert start.replace(tzinfo=None) == datetime.fromisoformat(entered)
    assert start.utcoffset() == timedelta(hours=offset)
    assert start == overleg.begint_op
    assert event.decoded("dtend") - start == timedelta(hours=1)  # no end given: one hour
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/Brussels"


def test_summary_location_description_and_a_stable_uid(coordinator_client, buurt):
    partner_with_address(buurt)
    overleg = create(coordinator_client, buurt, "2026-04-14T19:30", "2026-04-14T21:00")
    response, calendar = download(coordinator_client, overleg)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == overleg.titel
    assert str(event["location"]) == "Buurthuis De Linde, Kerkstraat 1"
    assert str(event["description"]) == "1. Welkom\n2. Burenhulp"
    assert event.decoded("dtend") == datetime(2026, 4, 14, 21, 0, tzinfo=BRUSSEL)
    _again, calendar_again = download(coordinator_client, overleg)
    assert calendar_again.walk("VEVENT")[0]["uid"] == event["uid"]
    other = f.make_overleg(buurt)
    _other, other_calendar = download(coordinator_client, other)
    assert other_calendar.walk("VEVENT")[0]["uid"] != event["uid"]
    # No invitee's address or name travels with the file.
    body = response.content.decode()
    assert "info@vzwsamen.be" not in body and "Vzw Samen" not in body
    assert "ATTENDEE" not in body and "ORGANIZER" not in body
