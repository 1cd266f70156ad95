import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coordinatie.progress import growth_over_time
from partners.models import Enthousiasme
from tests import factories as f


def test_growth_counts_partners_by_their_level_at_each_month_end(buurt):
    today = datetime.date(2026, 6, 15)
    partner = f.make_partner(buurt)
    Enthousiasme.objects.create(partner=partner, niveau="vonk", datum=datetime.date(2026, 3, 10))
    Enthousiasme.objects.create(partner=partner, niveau="vuur", datum=datetime.date(2026, 5, 2))
    f.make_succes(buurt, datum=datetime.date(2026, 4, 1))
    groei = growth_over_time(buurt, today=today)
    charts = {chart["key"]: chart["values"] for chart in groei["charts"]}
    assert groei["months"][-1] == datetime.date(2026, 6, 1)
    assert charts["vonk"][-4:] == [1, 1, 0, 0]  # March, April, May, June
    assert charts["vuur"][-4:] == [0, 0, 1, 1]
    assert charts["successen"][-4:] == [0, 1, 1, 1]


def test_dashboard_renders_an_accessible_svg_chart(coordinator_client, buurt):
    f.make_succes(buurt, "Eerste soepbar")
    html = coordinator_client.get(
        reverse("coordinatie:dashboard", args=[buurt.slug])
    ).content.decode()
    assert '<svg viewBox="0 0 300 120" role="img"' in html
    assert 'id="groei-successen-title"' in html
    assert "Toon de cijfers als tabel" in html


def test_dashboard_runs_a_constant_number_of_queries(coordinator_client, buurt):
    url = reverse("coordinatie:dashboard", args=[buurt.slug])
    f.make_partner(buurt, niveau="vonk")
    with CaptureQueriesContext(connection) as small:
        coordinator_client.get(url)
    for _i in range(15):
        partner = f.make_partner(buurt, niveau="vonk")
        Enthousiasme.objects.create(partner=partner, niveau="vuur")
        f.make_succes(buurt).partners.add(partner)
    with CaptureQueriesContext(connection) as large:
        coordinator_client.get(url)
    assert len(small) == len(large)


def test_growth_counts_actors_known_this_month(buurt):
    f.make_actor(buurt)
    f.make_actor(buurt)
    charts = {chart["key"]: chart["values"] for chart in growth_over_time(buurt)["charts"]}
    assert charts["actoren"][-1] == 2


def test_growth_counts_actors_at_each_month_end(buurt):
    from django.utils import timezone

    oud = f.make_actor(buurt)
    maart = f.make_actor(buurt)
    f.make_actor(buurt)
    tz = timezone.get_current_timezone()
    f.update_row(oud, aangemaakt_op=datetime.datetime(2024, 5, 1, 12, tzinfo=tz))
    f.update_row(maart, aangemaakt_op=datetime.datetime(2026, 3, 31, 23, 30, tzinfo=tz))
    groei = growth_over_time(buurt, today=datetime.date(2026, 4, 10))
    actoren = groei["charts"][0]["values"]
    assert actoren[0] == 1  # May 2025: only the old one
    assert actoren[-2:] == [2, 2]  # March (late on the 31st, local time) and April


def test_dashboard_chart_coordinates_use_a_decimal_point_not_the_dutch_comma(
    coordinator_client, buurt
):
    # Ticks halfway a chart of height 120 land on fractional coordinates like 53.0;
    # under the nl-be locale they rendered as "53,0", which SVG rejects.
    f.make_succes(buurt, "Eerste soepbar")
    html = coordinator_client.get(
        reverse("coordinatie:dashboard", args=[buurt.slug])
    ).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.findall(r'\b(?:x|y|y1|y2)="\d+\.\d+"', svg)
    assert not re.findall(r'\b(?:x|y|x1|x2|y1|y2)="[^"]*,[^"]*"', svg)
