"""Retention: people without activity for the configured period are proposed for
anonymisation, on a page and by a command for cron."""

from datetime import date, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from buurt.models import Actor, Wijziging
from partners.models import Enthousiasme
from privacy.bewaartermijn import voorstellen
from tests import factories as f

LONG_AGO = timezone.make_aware(datetime(2022, 3, 1, 12, 0))


def _old(actor):
    """As if the actor was added, and last changed, long ago."""
    f.update_row(actor, aangemaakt_op=LONG_AGO, gewijzigd_op=LONG_AGO)
    Wijziging.objects.filter(content_type__model="actor", object_id=actor.pk).update(
        timestamp=LONG_AGO
    )
    return actor


@pytest.fixture
def people(buurt):
    stil = _old(f.make_actor(buurt, "Stille Buur", soort="bewoner"))
    relatie = _old(f.make_actor(buurt, "Buur Met Relatie", soort="bewoner"))
    f.make_relatie(relatie, f.make_actor(buurt, "Buurthuis"), sinds=date(2021, 1, 1))
    partner = f.make_partner(buurt, "Buur Met Vuur", soort="bewoner")
    _old(partner.actor)
    Enthousiasme.objects.create(partner=partner, niveau="vuur")
    Actor.objects.filter(pk=partner.actor.pk).update(gewijzigd_op=LONG_AGO)
    nieuw = f.make_actor(buurt, "Nieuwe Buur", soort="bewoner")
    vereniging = _old(f.make_actor(buurt, "Oude Vereniging"))
    return stil, relatie, partner.actor, nieuw, vereniging


def test_only_people_without_any_activity_are_proposed(people, buurt):
    stil, *_others = people
    assert list(voorstellen(buurt)) == [stil]


def test_an_ended_relation_long_ago_is_no_activity(people, buurt):
    _stil, relatie, *_others = people
    for each in relatie.relaties_van.all():
        f.update_row(each, tot=date(2021, 6, 1))
    assert relatie in voorstellen(buurt)


def test_the_period_is_a_setting(people, buurt, settings):
    settings.BEWAARTERMIJN_MAANDEN = 1000
    assert list(voorstellen(buurt)) == []


def test_the_page_proposes_and_anonymises_the_chosen(people, coordinator_client, buurt):
    stil = people[0]
    url = reverse("privacy:bewaartermijn", args=[buurt.slug])
    page = coordinator_client.get(url).content.decode()
    assert "Stille Buur" in page and "Nieuwe Buur" not in page
    assert "24 maanden" in page
    refused = coordinator_client.post(url, {"personen": [people[3].pk]})
    assert refused.status_code == 200 and 'class="errorlist"' in refused.content.decode()
    response = coordinator_client.post(url, {"personen": [stil.pk]})
    assert response.status_code == 302
    stil.refresh_from_db()
    assert stil.naam == "bewoner 1" and stil.geanonimiseerd_op


def test_the_command_reports_without_names_and_anonymises_with_the_flag(people, buurt):
    stil = people[0]
    out = StringIO()
    call_command("bewaartermijn", stdout=out)
    report = out.getvalue()
    assert f"noord: 1 voorgesteld (ids {stil.pk})" in report
    assert "Stille Buur" not in report
    stil.refresh_from_db()
    assert stil.naam == "Stille Buur"
    out = StringIO()
    call_command("bewaartermijn", "--uitvoeren", "--buurt", "noord", stdout=out)
    assert "noord: 1 geanonimiseerd" in out.getvalue()
    stil.refresh_from_db()
    assert stil.naam == "bewoner 1"
    out = StringIO()
    call_command("bewaartermijn", stdout=out)
    assert "0 personen" in out.getvalue()


def test_the_command_refuses_an_unknown_buurt(db):
    with pytest.raises(CommandError, match="Unknown buurt: nergens"):
        call_command("bewaartermijn", "--buurt", "nergens", stdout=StringIO())
