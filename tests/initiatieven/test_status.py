"""An initiative's status lifecycle: dated changes with a reason, and a history from day one."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from initiatieven import services
from initiatieven.forms import InitiatiefForm, StatusForm
from initiatieven.models import Initiatief, Statuswijziging
from tests import factories as f

HX = {"HTTP_HX_REQUEST": "true"}


def _today():
    return timezone.localdate()


def _status_url(initiatief):
    return reverse("initiatieven:initiatief_status", args=[initiatief.buurt.slug, initiatief.pk])


def _new(buurt, days_ago=0, **extra):
    """A new initiative, its history begun ``days_ago``."""
    initiatief = services.create_initiatief(
        buurt, naam="Burenhulp", soort="bewonersinitiatief", **extra
    )
    initiatief.statuswijzigingen.update(datum=_today() - timedelta(days=days_ago))
    return initiatief


def _state(initiatief):
    row = Initiatief.objects.values("status", "gestart_op", "afgerond_op", "versie")
    return row.get(pk=initiatief.pk), Statuswijziging.objects.filter(initiatief=initiatief).count()


def test_every_new_initiative_starts_its_history(buurt, coordinator):
    initiatief = _new(buurt, door=coordinator)
    wijziging = initiatief.statuswijzigingen.get()
    assert (wijziging.status, wijziging.datum, wijziging.door) == ("idee", _today(), coordinator)
    running = services.create_initiatief(
        buurt, naam="Tuin", soort="bewonersinitiatief", status="loopt", gestart_op=date(2025, 3, 1)
    )
    assert running.statuswijzigingen.get().datum == date(2025, 3, 1)


def test_creating_from_the_list_reik_hoger_and_the_fruit_page_writes_the_first_status(
    coordinator_client, coordinator, buurt
):
    f.make_partner(buurt, "Okra", niveau="vuur")
    activiteit = f.make_activiteit(buurt, "Soepbar")
    posts = [
        ("initiatieven:initiatief_list", {"naam": "Een", "soort": "bewonersinitiatief"}),
        ("initiatieven:reik_hoger", {"naam": "Twee", "soort": "bewonersinitiatief"}),
        (
            "initiatieven:fruit_build_on",
            {"naam": "Drie", "soort": "bewonersinitiatief", "activiteiten": [activiteit.pk]},
        ),
    ]
    for name, data in posts:
        data.setdefault("partners", "Okra")
        response = coordinator_client.post(reverse(name, args=[buurt.slug]), data)
        assert response.status_code == 302, name
    for naam in ("Een", "Twee", "Drie"):
        initiatief = Initiatief.objects.get(naam=naam)
        assert [w.status for w in initiatief.statuswijzigingen.all()] == ["idee"], naam
    assert Initiatief.objects.get(naam="Een").statuswijzigingen.get().door == coordinator


def test_no_create_form_offers_a_status_and_the_status_form_offers_the_five(buurt):
    assert "status" not in InitiatiefForm(buurt=buurt).fields
    offered = [value for value, _label in StatusForm().fields["status"].choices if value]
    assert offered == ["idee", "loopt", "gepauzeerd", "gestopt", "afgerond"]


def test_a_change_is_dated_gives_the_dates_and_raises_the_version(buurt, coordinator):
    initiatief = _new(buurt, days_ago=10)
    day = _today()
    services.change_status(
        initiatief, status="loopt", datum=day - timedelta(days=3), reden="Start", door=coordinator
    )
    services.change_status(initiatief, status="gepauzeerd", datum=day - timedelta(days=2))
    services.change_status(initiatief, status="loopt", datum=day - timedelta(days=1))
    state, n = _state(initiatief)
    assert state == {
        "status": "loopt",
        "gestart_op": day - timedelta(days=3),  # the first start, not the restart
        "afgerond_op": None,
        "versie": 4,
    }
    assert n == 4
    latest = initiatief.statuswijzigingen.order_by("-datum", "-id").first()
    assert (latest.status, latest.datum) == ("loopt", day - timedelta(days=1))
    first_run = initiatief.statuswijzigingen.get(reden="Start")
    assert first_run.door == coordinator


@pytest.mark.parametrize("einde", ["afgerond", "gestopt"])
def test_finishing_or_stopping_dates_the_end_and_running_again_clears_it(buurt, einde):
    initiatief = _new(buurt, days_ago=10)
    services.change_status(initiatief, status="loopt", datum=_today() - timedelta(days=5))
    services.change_status(initiatief, status=einde, datum=_today() - timedelta(days=1))
    assert _state(initiatief)[0]["afgerond_op"] == _today() - timedelta(days=1)
    services.change_status(initiatief, status="loopt", datum=_today())
    assert _state(initiatief)[0]["afgerond_op"] is None


def test_stopping_an_idea_that_never_ran_dates_only_its_end(buurt):
    initiatief = _new(buurt)
    services.change_status(initiatief, status="gestopt", datum=_today())
    state, _n = _state(initiatief)
    assert (state["gestart_op"], state["afgerond_op"]) == (None, _today())


def _refused(initiatief, message, **kwargs):
    before = _state(initiatief)
    with pytest.raises(ValidationError) as refused:
        services.change_status(initiatief, **kwargs)
    assert message in str(refused.value)
    assert _state(initiatief) == before


def test_the_same_status_a_future_date_or_one_before_the_last_change_is_refused(buurt):
    initiatief = _new(buurt)
    _refused(initiatief, "Het initiatief heeft die status al.", status="idee", datum=_today())
    _refused(
        initiatief,
        "Die datum ligt in de toekomst.",
        status="loopt",
        datum=_today() + timedelta(days=1),
    )
    services.change_status(initiatief, status="loopt", datum=_today())  # the same day is fine
    _refused(
        initiatief,
        "Die datum ligt vóór de vorige statuswijziging",
        status="gepauzeerd",
        datum=_today() - timedelta(days=1),
    )


def test_an_initiative_that_ran_before_it_was_entered_can_start_earlier(buurt):
    initiatief = _new(buurt)
    services.change_status(initiatief, status="loopt", datum=_today() - timedelta(days=300))
    history = list(initiatief.statuswijzigingen.order_by("datum", "id"))
    assert [(h.status, h.datum) for h in history] == [
        ("idee", _today() - timedelta(days=300)),
        ("loopt", _today() - timedelta(days=300)),
    ]
    initiatief.refresh_from_db()
    assert initiatief.gestart_op == _today() - timedelta(days=300)


def test_an_end_before_the_start_is_refused(buurt):
    initiatief = f.make_initiatief(buurt, status="loopt", gestart_op=_today())
    Statuswijziging.objects.create(
        initiatief=initiatief, status="loopt", datum=_today() - timedelta(days=9)
    )
    _refused(
        initiatief,
        "Die datum ligt vóór de start van het initiatief",
        status="afgerond",
        datum=_today() - timedelta(days=2),
    )


def test_without_js_a_change_returns_to_the_page_with_its_history(coordinator_client, buurt):
    initiatief = _new(buurt)
    data = {"status": "loopt", "datum": _today().isoformat(), "reden": "De eerste bijeenkomst."}
    response = coordinator_client.post(_status_url(initiatief), data)
    assert response.status_code == 302
    assert response.url.endswith(f"/initiatieven/{initiatief.pk}/#status")
    page = coordinator_client.get(response.url).text
    assert "Status van Burenhulp gewijzigd." in page
    assert "Status: loopt" in page and "De eerste bijeenkomst." in page
    assert "coord" in page  # who changed it


def test_inline_a_change_returns_the_status_section(coordinator_client, buurt):
    initiatief = _new(buurt)
    data = {"status": "gepauzeerd", "datum": _today().isoformat()}
    response = coordinator_client.post(_status_url(initiatief), data, **HX)
    text = response.text.lstrip()
    assert text.startswith('<section id="status"') and "<html" not in text
    assert "Status: gepauzeerd" in text and "Status van Burenhulp gewijzigd." in text
    assert text.count('id="statuswijziging-') == 2


@pytest.mark.parametrize(
    "data, message",
    [
        ({"status": "idee"}, "Het initiatief heeft die status al."),
        ({"status": "loopt", "datum": "2999-01-01"}, "Die datum ligt in de toekomst."),
        ({"status": "lopend"}, "Selecteer een geldige keuze."),
        ({"status": ""}, "Dit veld is verplicht."),
        ({"status": "loopt", "datum": "morgen"}, "Voer een geldige datum in."),
        ({"status": "loopt", "reden": "x" * 2001}, "niet meer dan 2000 tekens"),
    ],
)
@pytest.mark.parametrize("htmx", [True, False])
def test_bad_input_is_refused_in_dutch_and_nothing_is_written(
    coordinator_client, buurt, data, message, htmx
):
    initiatief = _new(buurt)
    before = _state(initiatief)
    data = {"datum": _today().isoformat(), **data}
    response = coordinator_client.post(_status_url(initiatief), data, **(HX if htmx else {}))
    assert response.status_code == 200
    assert message in response.text
    assert ("<h1>Status van Burenhulp</h1>" in response.text) is not htmx
    assert _state(initiatief) == before


def test_the_status_page_works_without_js(coordinator_client, buurt):
    initiatief = _new(buurt)
    page = coordinator_client.get(_status_url(initiatief)).text
    assert "<h1>Status van Burenhulp</h1>" in page
    assert 'name="status"' in page and 'type="date"' in page


def test_a_double_click_changes_the_status_once(coordinator_client, buurt):
    initiatief = _new(buurt)
    data = {"status": "loopt", "datum": _today().isoformat(), "eenmalig": "t-1"}
    assert coordinator_client.post(_status_url(initiatief), data).status_code == 302
    response = coordinator_client.post(_status_url(initiatief), data, follow=True)
    assert "Dit was al bewaard." in response.text
    assert "die status al" not in response.text
    assert initiatief.statuswijzigingen.count() == 2


def test_only_coordinators_of_the_buurt_change_a_status(
    onderzoeker_client, outsider_client, coordinator_client, buurt, other_buurt
):
    initiatief = _new(buurt)
    elders = _new(other_buurt)
    data = {"status": "loopt", "datum": _today().isoformat()}
    assert onderzoeker_client.post(_status_url(initiatief), data).status_code == 403
    assert outsider_client.post(_status_url(initiatief), data).status_code == 404
    wrong = reverse("initiatieven:initiatief_status", args=[buurt.slug, elders.pk])
    assert coordinator_client.post(wrong, data).status_code == 404
    assert _state(initiatief)[0]["status"] == "idee" and _state(elders)[0]["status"] == "idee"


def test_an_initiative_added_in_the_admin_starts_its_history_too(admin_client, admin_user, buurt):
    data = {
        "buurt": buurt.pk,
        "naam": "Uit de admin",
        "soort": "bewonersinitiatief",
        "teams-TOTAL_FORMS": "0",
        "teams-INITIAL_FORMS": "0",
    }
    response = admin_client.post(reverse("admin:initiatieven_initiatief_add"), data)
    assert response.status_code == 302
    initiatief = Initiatief.objects.get(naam="Uit de admin")
    wijziging = initiatief.statuswijzigingen.get()
    assert (wijziging.status, wijziging.door) == ("idee", admin_user)
    change = reverse("admin:initiatieven_initiatief_change", args=[initiatief.pk])
    assert 'name="status"' not in admin_client.get(change).text
