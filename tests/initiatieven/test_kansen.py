from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from buurt.models import Relatie
from initiatieven import kansen
from initiatieven.fruit import laaghangend_fruit, pluk
from initiatieven.models import Kansstatus
from tests import factories as f
from tests.queries import count_get_queries

STATUS_URL = "initiatieven:kans_status"


def _activiteit(buurt, naam, organisatoren, **extra):
    activiteit = f.make_activiteit(buurt, naam, **extra)
    activiteit.organisatoren.set(organisatoren)
    return activiteit


def _pair(buurt):
    x, y = f.make_actor(buurt, "Okra"), f.make_actor(buurt, "Wijkgezondheidscentrum")
    a = _activiteit(buurt, "Koffieklets", [x], doelgroep="senioren")
    b = _activiteit(buurt, "Valpreventie", [y], doelgroep="senioren")
    return x, y, a, b


def _post(client, buurt, data, **extra):
    return client.post(reverse(STATUS_URL, args=[buurt.slug]), data, **extra)


def _fruit(client, buurt, **params):
    return client.get(reverse("initiatieven:fruit", args=[buurt.slug]), params).text


def test_a_chance_without_any_record_is_proposed(buurt):
    _x, _y, a, b = _pair(buurt)
    [kans] = kansen.met_staat(buurt, laaghangend_fruit(buurt)[0])
    assert kans.staat.status == "voorgesteld"
    assert kans.staat.op is None


def test_besproken_is_recorded_for_the_ordered_pair_with_who_and_when(buurt, coordinator):
    _x, _y, a, b = _pair(buurt)
    record = kansen.set_kansstatus(buurt, b.pk, a, status="besproken", door=coordinator)
    record.refresh_from_db()
    assert (record.activiteit_a, record.activiteit_b) == (a, b)
    assert (record.status, record.door, record.tot) == ("besproken", coordinator, None)
    [kans] = kansen.met_staat(buurt, laaghangend_fruit(buurt)[0])
    assert (kans.staat.status, kans.staat.door) == ("besproken", "coord")


def test_niet_nu_hides_the_chance_for_the_chosen_months(buurt, coordinator):
    _x, _y, a, b = _pair(buurt)
    record = kansen.set_kansstatus(buurt, a, b, status="niet_nu", maanden=3, door=coordinator)
    assert record.tot == kansen.plus_maanden(timezone.localdate(), 3)
    oogst = pluk(buurt)
    assert oogst.kansen == []
    assert oogst.aantal_verborgen == 1
    assert [(k.a, k.b) for k in oogst.verborgen] == [(a, b)]


def test_niet_nu_that_ran_out_is_proposed_again_and_may_be_postponed_again(buurt, coordinator):
    _x, _y, a, b = _pair(buurt)
    Kansstatus.objects.create(
        buurt=buurt,
        activiteit_a=a,
        activiteit_b=b,
        status="niet_nu",
        tot=timezone.localdate(),
        door=coordinator,
    )
    [kans] = kansen.met_staat(buurt, laaghangend_fruit(buurt)[0])
    assert kans.staat.status == "niet_nu" and not kans.staat.verborgen
    kansen.set_kansstatus(buurt, a, b, status="niet_nu", maanden=1, door=coordinator)
    assert laaghangend_fruit(buurt)[0] == []


def test_weer_voorstellen_shows_a_hidden_chance_again(buurt, coordinator):
    _x, _y, a, b = _pair(buurt)
    kansen.set_kansstatus(buurt, a, b, status="niet_nu", maanden=12, door=coordinator)
    kansen.set_kansstatus(buurt, a, b, status="voorgesteld", door=coordinator)
    [kans] = kansen.met_staat(buurt, laaghangend_fruit(buurt)[0])
    assert kans.staat.status == "voorgesteld" and kans.staat.door == "coord"


@pytest.mark.parametrize(
    ("day", "maanden", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2026, 12, 1), 12, date(2027, 12, 1)),
    ],
)
def test_months_are_added_on_the_calendar(day, maanden, expected):
    assert kansen.plus_maanden(day, maanden) == expected


def _refused(buurt, a, b, message, **kwargs):
    kwargs.setdefault("status", "besproken")
    with pytest.raises(ValidationError) as error:
        kansen.set_kansstatus(buurt, a, b, door=None, **kwargs)
    assert message in " ".join(error.value.messages)


def test_bad_changes_are_refused_in_dutch_and_write_nothing(buurt, other_buurt):
    _x, _y, a, b = _pair(buurt)
    elders = f.make_activiteit(other_buurt, "Elders")
    gestopt = f.make_activiteit(buurt, "Gestopt", loopt=False)
    _refused(buurt, a, b, "Onbekende status", status="gesloten")
    _refused(buurt, a, b, "Kies voor hoelang", status="niet_nu")
    _refused(buurt, a, b, "1, 3, 6 of 12 maanden", status="niet_nu", maanden=5)
    _refused(buurt, a, elders.pk, "twee lopende activiteiten van deze buurt")
    _refused(buurt, a, gestopt, "twee lopende activiteiten van deze buurt")
    _refused(buurt, a, 999_999, "twee lopende activiteiten van deze buurt")
    _refused(buurt, a, a, "twee verschillende activiteiten")
    _refused(buurt, a, b, "staat al op", status="voorgesteld")
    assert not Kansstatus.objects.exists()


def test_the_same_status_twice_is_refused(buurt, coordinator):
    _x, _y, a, b = _pair(buurt)
    kansen.set_kansstatus(buurt, a, b, status="niet_nu", maanden=1, door=coordinator)
    with pytest.raises(ValidationError, match="staat al op"):
        kansen.set_kansstatus(buurt, a, b, status="niet_nu", maanden=6, door=coordinator)
    assert Kansstatus.objects.count() == 1


def test_the_latest_record_counts(buurt, coordinator):
    _x, _y, a, b = _pair(buurt)
    kansen.set_kansstatus(buurt, a, b, status="niet_nu", maanden=1, door=coordinator)
    Kansstatus.objects.update(op=timezone.now() - timedelta(days=2))
    kansen.set_kansstatus(buurt, a, b, status="besproken", door=coordinator)
    assert kansen.niet_voorstellen(buurt) == (set(), set())
    assert [k.staat.status for k in kansen.met_staat(buurt, laaghangend_fruit(buurt)[0])] == [
        "besproken"
    ]


def test_hidden_chances_do_not_count_against_the_limit(buurt, coordinator):
    activiteiten = [
        _activiteit(buurt, f"A{i}", [f.make_actor(buurt)], thema="voeding") for i in range(5)
    ]
    first = laaghangend_fruit(buurt, limit=3)[0]
    for kans in first:
        kansen.set_kansstatus(buurt, kans.a, kans.b, status="niet_nu", maanden=1, door=coordinator)
    hidden = {kansen.paar(k.a, k.b) for k in first}
    shown, more = laaghangend_fruit(buurt, limit=3)
    assert len(shown) == 3 and more
    assert not hidden & {kansen.paar(k.a, k.b) for k in shown}
    shown, more = laaghangend_fruit(buurt, limit=7)  # 10 pairs, 3 hidden
    assert len(shown) == 7 and not more
    assert pluk(buurt, limit=7).aantal_verborgen == 3
    assert len(activiteiten) == 5


def test_attaching_states_is_one_query(buurt, coordinator, django_assert_num_queries):
    for i in range(4):
        _activiteit(buurt, f"A{i}", [f.make_actor(buurt)], thema="voeding")
    shown = laaghangend_fruit(buurt)[0]
    kansen.set_kansstatus(buurt, shown[0].a, shown[0].b, status="besproken", door=coordinator)
    with django_assert_num_queries(1):
        kansen.met_staat(buurt, shown)
    assert [k.staat.status for k in shown][:2] == ["besproken", "voorgesteld"]


def test_the_page_shows_who_discussed_a_chance_and_when(coordinator_client, coordinator, buurt):
    coordinator.first_name = "An"
    coordinator.save()
    _x, _y, a, b = _pair(buurt)
    kansen.set_kansstatus(buurt, a, b, status="besproken", door=coordinator)
    op = timezone.make_aware(datetime(timezone.localdate().year, 3, 3, 12))
    Kansstatus.objects.update(op=op)
    text = _fruit(coordinator_client, buurt)
    assert "Besproken</span>" in text
    assert "door An," in text and ">3 maart</time>" in text


def test_besproken_without_javascript_redirects_back_with_a_message(coordinator_client, buurt):
    _x, _y, a, b = _pair(buurt)
    data = {"activiteit_a": a.pk, "activiteit_b": b.pk, "status": "besproken"}
    response = _post(coordinator_client, buurt, data)
    assert response.status_code == 302
    assert response["Location"].endswith("/fruit/#kansen")
    page = coordinator_client.get(response["Location"]).text
    assert "De kans Koffieklets en Valpreventie staat op “besproken”." in page
    assert Kansstatus.objects.get().status == "besproken"


def test_a_status_change_with_htmx_swaps_only_the_chance(coordinator_client, buurt):
    _x, _y, a, b = _pair(buurt)
    data = {"activiteit_a": a.pk, "activiteit_b": b.pk, "status": "niet_nu", "maanden": "6"}
    response = _post(coordinator_client, buurt, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.text.lstrip().startswith(
        f'<li class="card kans verborgen" id="kans-{a.pk}-{b.pk}">'
    )
    assert "<html" not in response.text
    tot = kansen.plus_maanden(timezone.localdate(), 6)
    assert Kansstatus.objects.get().tot == tot
    assert "is verborgen tot" in response.text
    assert 'value="voorgesteld"' in response.text  # the way back
    assert 'value="niet_nu"' not in response.text


def test_hidden_chances_are_counted_and_shown_on_request(coordinator_client, coordinator, buurt):
    _x, _y, a, b = _pair(buurt)
    kansen.set_kansstatus(buurt, a, b, status="niet_nu", maanden=3, door=coordinator)
    text = _fruit(coordinator_client, buurt)
    assert f'id="kans-{a.pk}-{b.pk}"' not in text
    assert "1 kans staat op “niet nu” en is verborgen." in text
    assert "?ook_verborgen=1#kansen" in text
    shown = _fruit(coordinator_client, buurt, ook_verborgen="1")
    assert f'id="kans-{a.pk}-{b.pk}"' in shown
    assert "Verborgen kansen" in shown and "Verberg ze weer" in shown
    tot = kansen.plus_maanden(timezone.localdate(), 3)
    assert f"verborgen tot {tot.day} " in shown


def test_a_change_from_the_hidden_list_returns_to_it(coordinator_client, coordinator, buurt):
    _x, _y, a, b = _pair(buurt)
    kansen.set_kansstatus(buurt, a, b, status="niet_nu", maanden=3, door=coordinator)
    data = {"activiteit_a": a.pk, "activiteit_b": b.pk, "status": "voorgesteld"}
    response = _post(coordinator_client, buurt, {**data, "ook_verborgen": "1"})
    assert response["Location"].endswith("/fruit/?ook_verborgen=1#kansen")
    assert f'id="kans-{a.pk}-{b.pk}"' in _fruit(coordinator_client, buurt)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": "verbonden"}, "Onbekende status"),
        ({"status": ""}, "Kies wat er met de kans gebeurt."),
        ({"status": "niet_nu", "maanden": ""}, "Kies voor hoelang"),
        ({"status": "niet_nu", "maanden": "5"}, "Kies voor hoelang: 1, 3, 6 of 12 maanden."),
        ({"activiteit_b": "abc"}, "Dat is geen activiteit van deze buurt."),
        ({"activiteit_b": ""}, "Er ontbreekt een activiteit."),
        ({"activiteit_b": "999999"}, "twee lopende activiteiten van deze buurt"),
    ],
)
def test_bad_input_is_refused_with_a_dutch_message(coordinator_client, buurt, changes, message):
    _x, _y, a, b = _pair(buurt)
    data = {"activiteit_a": a.pk, "activiteit_b": b.pk, "status": "besproken", **changes}
    response = _post(coordinator_client, buurt, data, follow=True)
    assert response.status_code == 200
    assert "Niet bewaard" in response.text and message in response.text
    htmx = _post(coordinator_client, buurt, data, HTTP_HX_REQUEST="true")
    assert message in htmx.text and htmx.text.lstrip().startswith('<li class="card kans"')
    assert not Kansstatus.objects.exists()


def test_activities_of_another_buurt_are_refused(coordinator_client, buurt, other_buurt):
    _x, _y, a, b = _pair(other_buurt)
    data = {"activiteit_a": a.pk, "activiteit_b": b.pk, "status": "besproken"}
    response = _post(coordinator_client, buurt, data, HTTP_HX_REQUEST="true")
    assert "twee lopende activiteiten van deze buurt" in response.text
    assert "Deze kans staat niet meer op de lijst." in response.text
    assert "Koffieklets" not in response.text
    assert not Kansstatus.objects.exists()


def test_researchers_and_outsiders_cannot_change_a_chance(
    onderzoeker_client, outsider_client, buurt
):
    _x, _y, a, b = _pair(buurt)
    data = {"activiteit_a": a.pk, "activiteit_b": b.pk, "status": "besproken"}
    assert _post(onderzoeker_client, buurt, data).status_code == 403
    assert _post(outsider_client, buurt, data).status_code == 404
    assert not Kansstatus.objects.exists()


def _connect(client, buurt, van, naar, a, b, **extra):
    url = reverse("initiatieven:fruit_connect", args=[buurt.slug])
    data = {"van": van.pk, "naar": naar.pk, "intensiteit": "actief_afstemmen"}
    data.update(activiteit_a=a.pk, activiteit_b=b.pk)
    return client.post(url, data, **extra)


def test_connecting_a_chance_records_the_relation_and_verbonden(
    coordinator_client, coordinator, buurt
):
    x, y, a, b = _pair(buurt)
    response = _connect(coordinator_client, buurt, x, y, a, b, HTTP_HX_REQUEST="true")
    assert "Relatie tussen Okra en Wijkgezondheidscentrum vastgelegd." in response.text
    relatie = Relatie.objects.get()
    assert (relatie.van, relatie.naar) == (x, y)
    record = Kansstatus.objects.get()
    assert (record.status, record.door, record.activiteit_a, record.activiteit_b) == (
        "verbonden",
        coordinator,
        a,
        b,
    )


def test_a_connected_chance_is_not_proposed_again(coordinator_client, buurt):
    x, y, a, b = _pair(buurt)
    # A second organiser of one activity is not related to the other side yet: without the
    # recorded state the finder would propose the same two activities again.
    a.organisatoren.add(f.make_actor(buurt, "Femma"))
    _connect(coordinator_client, buurt, x, y, a, b)
    assert laaghangend_fruit(buurt)[0] == []
    assert pluk(buurt).aantal_verborgen == 0
    assert 'id="kans-' not in _fruit(coordinator_client, buurt, ook_verborgen="1")
    with pytest.raises(ValidationError, match="al verbonden"):
        kansen.set_kansstatus(buurt, a, b, status="besproken", door=None)


def test_connecting_twice_records_verbonden_once(coordinator_client, buurt):
    x, y, a, b = _pair(buurt)
    _connect(coordinator_client, buurt, x, y, a, b)
    _connect(coordinator_client, buurt, x, y, a, b)
    assert (Relatie.objects.count(), Kansstatus.objects.count()) == (1, 1)


def test_connecting_actors_that_do_not_organise_the_pair_writes_nothing(coordinator_client, buurt):
    x, _y, a, b = _pair(buurt)
    vreemde = f.make_actor(buurt, "Chiro")
    response = _connect(coordinator_client, buurt, x, vreemde, a, b, follow=True)
    assert "Niet bewaard: Okra en Chiro organiseren niet elk een van de twee" in response.text
    assert not Relatie.objects.exists() and not Kansstatus.objects.exists()


def test_connecting_with_activities_of_another_buurt_writes_nothing(
    coordinator_client, buurt, other_buurt
):
    x, y, _a, _b = _pair(buurt)
    _p, _q, c, d = _pair(other_buurt)
    response = _connect(coordinator_client, buurt, x, y, c, d, HTTP_HX_REQUEST="true")
    assert "twee lopende activiteiten van deze buurt" in response.text
    assert not Relatie.objects.exists() and not Kansstatus.objects.exists()


def _fill(buurt, n, coordinator):
    for i in range(n):
        x, y, z = f.make_actor(buurt), f.make_actor(buurt), f.make_actor(buurt)
        a = _activiteit(buurt, f"Activiteit {i}a", [x], thema="voeding")
        b = _activiteit(buurt, f"Activiteit {i}b", [y], thema="voeding")
        c = _activiteit(buurt, f"Activiteit {i}c", [z], thema="voeding")
        kansen.set_kansstatus(buurt, a, b, status="besproken", door=coordinator)
        kansen.set_kansstatus(buurt, a, c, status="niet_nu", maanden=1, door=coordinator)


@pytest.mark.parametrize("params", [{}, {"ook_verborgen": "1"}])
def test_fruit_page_query_count_with_states_does_not_grow(
    coordinator_client, coordinator, buurt, params
):
    url = reverse("initiatieven:fruit", args=[buurt.slug])
    _fill(buurt, 2, coordinator)
    small = count_get_queries(coordinator_client, url, params)
    _fill(buurt, 6, coordinator)
    assert count_get_queries(coordinator_client, url, params) == small
