import datetime

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from buurt.months import month_starts
from coordinatie.views import _partner_page
from initiatieven.models import Succes
from partners.enthousiasme import fire_summary
from partners.models import Enthousiasme, Partner
from tests import factories as f

HX = {"HTTP_HX_REQUEST": "true"}


def _url(buurt, name="coordinatie:vonken", **kwargs):
    return reverse(name, kwargs={"slug": buurt.slug, **kwargs})


def test_page_shows_partners_with_current_enthusiasm_and_advice(coordinator_client, buurt):
    f.make_partner(buurt, "Vzw Samen", niveau="vonk")
    f.make_partner(buurt, "Buurthuis", niveau="vonk")
    html = coordinator_client.get(_url(buurt)).content.decode()
    assert "Vzw Samen" in html
    assert "Vooral vonken: pluk laaghangend fruit" in html


def test_enough_fire_advises_reaching_higher(coordinator_client, buurt):
    f.make_partner(buurt, niveau="vuur")
    f.make_partner(buurt, niveau="vuur")
    f.make_partner(buurt, niveau="geen")
    html = coordinator_client.get(_url(buurt)).content.decode()
    assert "ruimte om hoger te reiken" in html


def test_one_click_adds_a_dated_rating_and_keeps_history(coordinator_client, coordinator, buurt):
    partner = f.make_partner(buurt, "Vzw Samen", niveau="vonk")
    response = coordinator_client.post(
        _url(buurt, "coordinatie:rate_enthousiasme", pk=partner.pk), {"niveau": "vuur"}, **HX
    )
    html = response.content.decode()
    assert f'<li id="partner-{partner.pk}"' in html
    assert 'id="vuur-samenvatting"' in html  # the summary is swapped out of band
    assert "<html" not in html
    niveaus = list(partner.enthousiasme.values_list("niveau", flat=True))
    assert niveaus == ["vuur", "vonk"]
    assert partner.enthousiasme.first().door == coordinator
    current = Partner.objects.with_enthousiasme().get(pk=partner.pk)
    assert current.huidig_enthousiasme == "vuur"


def test_rating_without_javascript_redirects(coordinator_client, buurt):
    partner = f.make_partner(buurt)
    response = coordinator_client.post(
        _url(buurt, "coordinatie:rate_enthousiasme", pk=partner.pk), {"niveau": "vonk"}
    )
    assert response.status_code == 302
    assert response.url.endswith(f"#partner-{partner.pk}")


def test_an_unknown_level_writes_nothing(coordinator_client, buurt):
    partner = f.make_partner(buurt)
    coordinator_client.post(
        _url(buurt, "coordinatie:rate_enthousiasme", pk=partner.pk), {"niveau": "x"}
    )
    assert not Enthousiasme.objects.exists()


def test_trend_shows_the_level_at_each_month_end(coordinator_client, buurt):
    partner = f.make_partner(buurt)
    today = datetime.date.today()
    Enthousiasme.objects.create(
        partner=partner, niveau="geen", datum=today.replace(year=today.year - 2)
    )
    Enthousiasme.objects.create(partner=partner, niveau="vuur", datum=today)
    html = coordinator_client.get(_url(buurt)).content.decode()
    assert html.count('class="t-geen"') == 11
    assert html.count('class="t-vuur"') == 1


def test_make_partner_by_name(coordinator_client, buurt):
    actor = f.make_actor(buurt, "Jeugdhuis Kadee")
    response = coordinator_client.post(
        _url(buurt, "coordinatie:partner_create"), {"actor": "jeugdhuis kadee", "niveau": "vonk"}
    )
    assert response.status_code == 302
    assert actor.partner.enthousiasme.get().niveau == "vonk"


def test_make_partner_of_an_unknown_name_shows_an_error(coordinator_client, buurt):
    response = coordinator_client.post(
        _url(buurt, "coordinatie:partner_create"), {"actor": "Niemand"}
    )
    assert "Voeg hem eerst toe" in response.content.decode()
    assert not Partner.objects.exists()


def test_logging_a_success_with_htmx_prepends_it(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Vzw Samen")
    response = coordinator_client.post(
        _url(buurt, "coordinatie:succes_create"),
        {"titel": "Eerste soepbar", "datum": "2026-05-01", "partners": "vzw samen;"},
        **HX,
    )
    html = response.content.decode()
    succes = Succes.objects.get()
    assert list(succes.partners.all()) == [partner]
    assert 'hx-swap-oob="afterbegin:#succes-list"' in html
    assert "Eerste soepbar" in html


def test_a_success_needs_a_title(coordinator_client, buurt):
    response = coordinator_client.post(
        _url(buurt, "coordinatie:succes_create"), {"titel": "", "datum": "2026-05-01"}
    )
    assert "Dit veld is verplicht" in response.content.decode()
    assert not Succes.objects.exists()


def test_partners_of_another_buurt_cannot_be_linked_to_a_success(
    coordinator_client, buurt, other_buurt
):
    f.make_partner(other_buurt, "Vzw Zuid")
    response = coordinator_client.post(
        _url(buurt, "coordinatie:succes_create"),
        {"titel": "X", "datum": "2026-05-01", "partners": "Vzw Zuid"},
    )
    assert "“Vzw Zuid” is geen partner in deze buurt" in response.content.decode()
    assert not Succes.objects.exists()


def test_a_success_can_involve_several_partners(coordinator_client, buurt):
    samen = f.make_partner(buurt, "Vzw Samen")
    linde = f.make_partner(buurt, "De Linde")
    coordinator_client.post(
        _url(buurt, "coordinatie:succes_create"),
        {"titel": "Buurtfeest", "datum": "2026-05-01", "partners": "Vzw Samen; de linde"},
    )
    assert set(Succes.objects.get().partners.all()) == {samen, linde}


def _fill(buurt, n):
    for _i in range(n):
        partner = f.make_partner(buurt, niveau="vonk")
        Enthousiasme.objects.create(partner=partner, niveau="vuur")
        f.make_succes(buurt).partners.add(partner)


def test_vonken_runs_a_constant_number_of_queries(coordinator_client, buurt):
    _fill(buurt, 2)
    with CaptureQueriesContext(connection) as small:
        coordinator_client.get(_url(buurt))
    _fill(buurt, 20)
    with CaptureQueriesContext(connection) as large:
        coordinator_client.get(_url(buurt))
    assert len(small) == len(large)


def test_the_partner_list_counts_the_levels_the_summary_shows(buurt, other_buurt):
    for niveau in ("vonk", "vonk", "vuur", "geen", None):
        f.make_partner(buurt, niveau=niveau)
    later = f.make_partner(buurt, niveau="vuur")
    Enthousiasme.objects.create(partner=later, niveau="vonk", datum=timezone.localdate())
    f.make_partner(other_buurt, niveau="vuur")
    months = month_starts(timezone.localdate())
    page, counts = _partner_page(RequestFactory().get("/"), buurt, months)
    assert counts == {"geen": 1, "vonk": 3, "vuur": 1, None: 1}
    assert fire_summary(buurt, counts) == fire_summary(buurt)
    assert len(page.object_list) == 6


def test_htmx_pagination_returns_only_the_partner_list(coordinator_client, buurt):
    f.make_partner(buurt, "Vzw Samen")
    response = coordinator_client.get(
        _url(buurt), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="partner-results"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="partner-results">')
    assert "Vzw Samen" in html


def test_rating_with_htmx_runs_a_constant_number_of_queries(coordinator_client, buurt):
    partner = f.make_partner(buurt, niveau="vonk")
    url = _url(buurt, "coordinatie:rate_enthousiasme", pk=partner.pk)
    _fill(buurt, 2)
    with CaptureQueriesContext(connection) as small:
        coordinator_client.post(url, {"niveau": "vuur"}, **HX)
    _fill(buurt, 20)
    with CaptureQueriesContext(connection) as large:
        coordinator_client.post(url, {"niveau": "geen"}, **HX)
    assert len(small) == len(large)


def test_partner_pages_need_no_count_query(coordinator_client, buurt):
    for i in range(30):
        f.make_partner(buurt, f"Partner {i:02}", niveau="vonk")
    with CaptureQueriesContext(connection) as ctx:
        html = coordinator_client.get(_url(buurt), {"pagina": "2"}).content.decode()
    assert "Pagina 2 van 2" in html
    assert "Partner 29" in html
    partner_counts = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].startswith('SELECT COUNT(*) AS "__count" FROM "partners_partner"')
    ]
    assert partner_counts == []


def test_dates_mid_sentence_use_a_lowercase_dutch_month(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Okra")
    Enthousiasme.objects.create(partner=partner, niveau="vonk", datum=datetime.date(2026, 10, 20))
    html = coordinator_client.get(_url(buurt)).content.decode()
    assert "sinds 20 okt 2026" in html
    assert "Okt" not in html


def test_each_list_pages_by_its_own_parameter_and_keeps_the_other(coordinator_client, buurt):
    for i in range(30):
        f.make_partner(buurt, f"Partner {i:02}")
    for _ in range(15):
        f.make_succes(buurt)
    html = coordinator_client.get(_url(buurt), {"pagina": "2"}).content.decode()
    assert 'href="?pagina=1"' in html
    assert 'href="?pagina=2&amp;successen=2" hx-get="?pagina=2&amp;successen=2"' in html
    assert 'hx-target="#succes-results"' in html
