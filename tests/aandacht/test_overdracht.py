"""The printable handover: what needs attention, open actions, meetings to come, partners."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from aandacht import overdracht
from partners.models import Enthousiasme
from tests import factories as f

from . import builders as b

pytestmark = pytest.mark.django_db


def _get(client, slug="noord"):
    return client.get(reverse("aandacht:overdracht", args=[slug]))


def test_the_handover_holds_attention_actions_meetings_and_partners(
    coordinator_client, coordinator, buurt
):
    okra = f.make_partner(buurt, "Okra", contactpersoon="Maria Peeters")
    Enthousiasme.objects.create(partner=okra, niveau="vuur")
    f.make_voorkeur(okra, "coproduceren")
    f.make_partner(buurt, "Chiro")
    f.make_actie(buurt, "Zaal reserveren", partner=okra)
    b.te_late_actie(buurt, partner=okra)
    f.make_actie(buurt, "Al gedaan", partner=okra, gedaan_op=timezone.localdate())
    f.make_overleg(buurt, "Partneroverleg voorjaar", plaats="Buurthuis De Linde")
    f.make_overleg(buurt, "Vorig overleg", begint_op=timezone.now() - timedelta(days=30))
    b.initiatief_zonder_trekker(buurt, "Repair café")
    response = _get(coordinator_client)
    assert response.status_code == 200
    html = response.text
    assert "Overdracht van Noord" in html
    for part in ("aandacht", "acties", "overleggen", "partners"):
        assert f'id="overdracht-{part}"' in html
    assert "Repair café" in html
    assert "Zaal reserveren" in html and "Flyers rondbrengen" in html
    assert "Al gedaan" not in html
    assert "te laat" in html
    assert "Partneroverleg voorjaar" in html and "Buurthuis De Linde" in html
    assert "Vorig overleg" not in html
    okra_row = html.split(f'id="overdracht-partner-{okra.pk}"')[1].split("</tr>")[0]
    assert "Maria Peeters" in okra_row
    assert "vuur" in okra_row
    assert "coproduceren" in okra_row
    assert "nog niet ingeschat" in html and "nog niet gevraagd" in html


def test_the_preferred_level_is_the_latest_general_one(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Okra")
    team = f.make_team(f.make_initiatief(buurt))
    f.make_voorkeur(partner, "informeren", datum=timezone.now() - timedelta(days=30))
    f.make_voorkeur(partner, "adviseren")
    f.make_voorkeur(partner, "meebeslissen", team=team)  # for one team, not in general
    row = _get(coordinator_client).text.split(f'id="overdracht-partner-{partner.pk}"')[1]
    row = row.split("</tr>")[0]
    assert "adviseren" in row
    assert "informeren" not in row and "meebeslissen" not in row


def test_long_lists_end_with_how_many_more(coordinator_client, buurt, monkeypatch):
    monkeypatch.setattr(overdracht, "MAX_PARTNERS", 3)
    monkeypatch.setattr(overdracht, "MAX_ACTIES", 2)
    for i in range(5):
        partner = f.make_partner(buurt, f"Partner {i}")
        f.make_actie(buurt, partner=partner)
    html = _get(coordinator_client).text
    assert html.count('id="overdracht-partner-') == 3
    assert "en 2 meer" in html
    assert html.count('id="overdracht-actie-') == 2
    assert "en 3 meer" in html


def test_the_handover_prints_without_navigation_each_part_on_a_new_page(coordinator_client, buurt):
    html = _get(coordinator_client).text
    assert "css/aandacht.css" in html
    css = (Path(settings.BASE_DIR) / "static/css/aandacht.css").read_text()
    print_rules = css.split("@media print")[1]
    assert ".site-header" in print_rules and ".steps-nav" in print_rules
    assert "display: none" in print_rules
    assert ".overdracht-deel + .overdracht-deel { break-before: page;" in print_rules
    assert 'class="hint no-print"' in html


def test_researchers_and_outsiders_get_no_handover(onderzoeker_client, outsider_client, buurt):
    assert _get(onderzoeker_client).status_code == 403
    assert _get(outsider_client).status_code == 404
