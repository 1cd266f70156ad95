"""One initiative's page, and editing it: inline and without JS, with a version check."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from initiatieven import services
from initiatieven.models import Initiatief, Statuswijziging
from tests import factories as f
from tests.queries import count_get_queries

HX = {"HTTP_HX_REQUEST": "true"}
CONFLICT = "Iemand anders heeft dit initiatief intussen gewijzigd."


def _url(initiatief, name="initiatief_detail"):
    return reverse(f"initiatieven:{name}", args=[initiatief.buurt.slug, initiatief.pk])


def _edit_data(initiatief, **changes):
    """What the edit form posts unchanged (what a browser sends), with ``changes``."""
    data = {
        "versie": initiatief.versie,
        "naam": initiatief.naam,
        "doel": initiatief.doel,
        "gestart_door": initiatief.gestart_door,
        "trekkers_nodig": initiatief.trekkers_nodig,
        "trekkers": [a.pk for a in initiatief.trekkers.all()],
        "trekkers_erbij": "",
        "bouwt_voort_op": [a.pk for a in initiatief.bouwt_voort_op.all()],
        "activiteiten_erbij": "",
    }
    if initiatief.soort == Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF:
        data["ondersteunt"] = [i.pk for i in initiatief.ondersteunt.all()]
    data.update(changes)
    return data


@pytest.fixture
def steun(buurt):
    """A zorgzaam buurtinitiatief with one of everything its page shows."""
    initiatief = services.create_initiatief(
        buurt,
        naam="Buurtsteun",
        soort=Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF,
        doel="Niemand valt uit de boot.",
        gestart_door=Initiatief.GestartDoor.PROFESSIONALS,
        trekkers_nodig="Een vaste ontmoetingsplek",
        soort_doel="bewoners_ondersteunen",
        soort_gegroeid="gestimuleerd",
        soort_aanleiding="uitval",
        trekkers=[f.make_actor(buurt, "Wijkgezondheidscentrum")],
        bouwt_voort_op=[f.make_activiteit(buurt, "Soepbar")],
        ondersteunt=[f.make_initiatief(buurt, "Straatfeest")],
    )
    team = f.make_team(initiatief, "Kernteam", doel="Elke week langsgaan")
    f.make_deelname(team, f.make_partner(buurt, "Okra"))
    f.make_succes(buurt, "Eerste huisbezoek", initiatief=initiatief, team=team)
    return initiatief


def test_the_page_shows_the_initiative_and_everything_around_it(coordinator_client, steun):
    buurt = steun.buurt
    actor = steun.trekkers.get()
    team = steun.teams.get()
    succes = steun.successen.get()
    bloem = steun.ondersteunt.get()
    page = coordinator_client.get(_url(steun)).text
    assert '<h1 id="initiatief-titel">Buurtsteun</h1>' in page
    assert "Niemand valt uit de boot." in page
    assert "Een vaste ontmoetingsplek" in page
    assert "professionals" in page
    for answer in Initiatief.SoortAanleiding.UITVAL, Initiatief.SoortDoel.BEWONERS_ONDERSTEUNEN:
        assert str(answer.label) in page
    assert "<p>Zijn ze wel warm en gezellig, maar nog niet zorgzaam?</p>" in page
    actor_url = reverse("coordinatie:actor_detail", args=[buurt.slug, actor.pk])
    assert f'<a href="{actor_url}">Wijkgezondheidscentrum</a>' in page
    assert ">Soepbar</a>" in page
    assert f'<a href="{_url(bloem)}">Straatfeest</a>' in page
    team_url = reverse("initiatieven:team_edit", args=[buurt.slug, team.pk])
    assert f'<a href="{team_url}">Kernteam</a>' in page and "1 lid" in page
    succes_url = reverse("coordinatie:succes_edit", args=[buurt.slug, succes.pk])
    assert f'<a href="{succes_url}">Eerste huisbezoek</a>' in page
    assert 'id="statuswijziging-' in page and "Status: idee" in page
    assert _url(steun, "initiatief_edit") in page and _url(steun, "initiatief_status") in page


def test_the_supported_initiative_names_who_supports_it(coordinator_client, steun):
    page = coordinator_client.get(_url(steun.ondersteunt.get())).text
    assert f'Ondersteund door</dt><dd><a href="{_url(steun)}">Buurtsteun</a>' in page
    assert "Laat duizend bloemen bloeien" in page


def test_neighbourhood_care_shows_the_scale_question_and_returns_to_the_page(
    coordinator_client, buurt
):
    zorg = f.make_initiatief(buurt, "Zorgpunt", soort="buurtgericht_zorginitiatief")
    page = coordinator_client.get(_url(zorg)).text
    assert f'id="schaal-{zorg.pk}"' in page and _url(zorg, "schaal_edit") in page
    data = {"vanaf": "pagina", f"i{zorg.pk}-schaal_antwoord": "ja"}
    response = coordinator_client.post(_url(zorg, "schaal_edit"), data)
    assert response.url == f"{_url(zorg)}#schaal-{zorg.pk}"
    zorg.refresh_from_db()
    assert zorg.schaal_antwoord == "ja"


def test_other_kinds_have_no_scale_question(coordinator_client, steun):
    assert f'id="schaal-{steun.pk}"' not in coordinator_client.get(_url(steun)).text


def test_researchers_get_403_outsiders_and_other_buurten_404(
    coordinator_client, onderzoeker_client, outsider_client, buurt, other_buurt
):
    initiatief = f.make_initiatief(buurt)
    elders = f.make_initiatief(other_buurt)
    assert onderzoeker_client.get(_url(initiatief)).status_code == 403
    assert outsider_client.get(_url(initiatief)).status_code == 404
    wrong_buurt = reverse("initiatieven:initiatief_detail", args=[buurt.slug, elders.pk])
    for name in ("initiatief_detail", "initiatief_edit", "initiatief_status"):
        url = reverse(f"initiatieven:{name}", args=[buurt.slug, elders.pk])
        assert coordinator_client.get(url).status_code == 404
        if name != "initiatief_detail":
            assert coordinator_client.post(url, {"naam": "X"}).status_code == 404
    assert coordinator_client.get(wrong_buurt).status_code == 404
    assert onderzoeker_client.post(_url(initiatief, "initiatief_edit")).status_code == 403


def test_every_list_links_to_the_page(coordinator_client, steun):
    buurt = steun.buurt
    link = f'href="{_url(steun)}"'
    for url in (
        reverse("initiatieven:initiatief_list", args=[buurt.slug]),
        reverse("initiatieven:bomen", args=[buurt.slug]),
        reverse("coordinatie:vonken", args=[buurt.slug]),
    ):
        assert link in coordinator_client.get(url).text, url


def test_editing_without_js_saves_everything_and_returns_to_the_page(coordinator_client, steun):
    buurt = steun.buurt
    f.make_actor(buurt, "Anna")
    f.make_activiteit(buurt, "Moestuin")
    bloem2 = f.make_initiatief(buurt, "Buurtfeest")
    data = _edit_data(
        steun,
        naam="Buurtsteun Noord",
        doel="Samen zorgen.",
        gestart_door="vrijwilligers",
        trekkers_nodig="Tijd",
        trekkers=[],
        trekkers_erbij="anna",
        bouwt_voort_op=[],
        activiteiten_erbij="Moestuin",
        ondersteunt=[bloem2.pk],
    )
    response = coordinator_client.post(_url(steun, "initiatief_edit"), data)
    assert response.status_code == 302
    assert response.url == f"{_url(steun)}#gegevens"
    steun.refresh_from_db()
    assert (steun.naam, steun.doel, steun.gestart_door, steun.trekkers_nodig) == (
        "Buurtsteun Noord",
        "Samen zorgen.",
        "vrijwilligers",
        "Tijd",
    )
    assert [a.naam for a in steun.trekkers.all()] == ["Anna"]
    assert [a.naam for a in steun.bouwt_voort_op.all()] == ["Moestuin"]
    assert list(steun.ondersteunt.all()) == [bloem2]
    assert steun.versie == 2
    assert "Initiatief Buurtsteun Noord bewaard." in coordinator_client.get(response.url).text


def test_the_edit_form_keeps_and_adds(coordinator_client, steun):
    f.make_actor(steun.buurt, "Bert")
    data = _edit_data(steun, trekkers_erbij="Bert; Wijkgezondheidscentrum")
    assert coordinator_client.post(_url(steun, "initiatief_edit"), data).status_code == 302
    names = sorted(a.naam for a in steun.trekkers.all())
    assert names == ["Bert", "Wijkgezondheidscentrum"]


def test_editing_inline_returns_the_saved_section(coordinator_client, steun):
    form = coordinator_client.get(_url(steun, "initiatief_edit"), **HX).text
    assert form.lstrip().startswith('<section id="gegevens"')
    assert 'name="versie" value="1"' in form and "<html" not in form
    data = _edit_data(steun, naam="Buurtsteun Zuid", ondersteunt=[])
    response = coordinator_client.post(_url(steun, "initiatief_edit"), data, **HX)
    assert response.status_code == 200 and "<html" not in response.text
    text = response.text.lstrip()
    assert text.startswith('<h1 id="initiatief-titel" hx-swap-oob="true">Buurtsteun Zuid</h1>')
    assert '<section id="gegevens"' in text and "Initiatief Buurtsteun Zuid bewaard." in text
    assert not steun.ondersteunt.exists()
    cancel = coordinator_client.get(_url(steun), HTTP_HX_TARGET="gegevens", **HX).text
    assert cancel.lstrip().startswith('<section id="gegevens"')


def test_a_second_edit_from_the_same_version_is_refused_and_the_first_stays(
    coordinator_client, steun
):
    first = _edit_data(steun, doel="Eerste versie van het doel.")
    second = _edit_data(steun, doel="Tweede, over de eerste heen.", naam="Overschreven")
    url = _url(steun, "initiatief_edit")
    assert coordinator_client.post(url, first).status_code == 302
    response = coordinator_client.post(url, second)
    assert response.status_code == 200
    assert CONFLICT in response.text
    assert "Bekijk de nieuwe gegevens hieronder en sla opnieuw op." in response.text
    steun.refresh_from_db()
    assert (steun.doel, steun.naam, steun.versie) == (
        "Eerste versie van het doel.",
        "Buurtsteun",
        2,
    )
    # The refused form keeps what was typed, against the new version, beside what is saved.
    assert 'name="versie" value="2"' in response.text
    assert "Tweede, over de eerste heen." in response.text
    assert "Eerste versie van het doel." in response.text
    again = coordinator_client.post(url, {**second, "versie": 2}, **HX)
    assert "Overschreven" in again.text
    steun.refresh_from_db()
    assert (steun.naam, steun.versie) == ("Overschreven", 3)


def test_the_service_refuses_an_old_version_and_writes_nothing(steun):
    kwargs = {
        "naam": "Nieuw",
        "doel": "",
        "gestart_door": "",
        "trekkers_nodig": "",
        "trekkers": [],
        "bouwt_voort_op": [],
    }
    services.update_initiatief(steun, versie=1, **kwargs)
    with pytest.raises(ValidationError) as refused:
        services.update_initiatief(steun, versie=1, **{**kwargs, "naam": "Later"})
    assert CONFLICT in str(refused.value)
    steun.refresh_from_db()
    assert (steun.naam, steun.versie) == ("Nieuw", 2)


def test_a_status_change_meanwhile_is_a_conflict_too(coordinator_client, steun):
    data = _edit_data(steun, naam="Na de status")
    services.change_status(steun, status="loopt", datum=date.today())
    response = coordinator_client.post(_url(steun, "initiatief_edit"), data, **HX)
    assert CONFLICT in response.text
    assert Initiatief.objects.get(pk=steun.pk).naam == "Buurtsteun"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"naam": ""}, "Dit veld is verplicht."),
        ({"naam": "x" * 201}, "niet meer dan 200 tekens"),
        ({"gestart_door": "koning"}, "Selecteer een geldige keuze."),
        ({"trekkers_erbij": "Niemand"}, "Geen actor “Niemand” in deze buurt."),
        ({"trekkers_erbij": "Vreemde"}, "Geen actor “Vreemde” in deze buurt."),
        ({"activiteiten_erbij": "Onbekend"}, "“Onbekend” is geen activiteit in deze buurt."),
        ({"trekkers": "vreemd"}, "Selecteer een geldige keuze."),
        ({"bouwt_voort_op": "vreemd"}, "Selecteer een geldige keuze."),
        ({"ondersteunt": "vreemd"}, "Selecteer een geldige keuze."),
        ({"ondersteunt": "zichzelf"}, "Selecteer een geldige keuze."),
        ({"trekkers": ["²"]}, "is geen geldige waarde"),
        ({"versie": ""}, "Dit formulier is onvolledig. Laad de pagina opnieuw"),
        ({"versie": "abc"}, "Dit formulier is onvolledig."),
        ({"versie": "0"}, "Dit formulier is onvolledig."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_written(
    coordinator_client, steun, other_buurt, changes, message
):
    f.make_actor(other_buurt, "Vreemde")
    elders = {
        "trekkers": f.make_actor(other_buurt).pk,
        "bouwt_voort_op": f.make_activiteit(other_buurt).pk,
        "ondersteunt": f.make_initiatief(other_buurt).pk,
    }
    for key, value in changes.items():
        if value == "vreemd":
            changes[key] = [elders[key]]
        elif value == "zichzelf":
            changes[key] = [steun.pk]
    before = list(Initiatief.objects.values_list("naam", "versie", "doel"))
    links = (list(steun.trekkers.all()), list(steun.bouwt_voort_op.all()))
    data = _edit_data(steun, doel="Mag niet bewaard worden.", **changes)
    response = coordinator_client.post(_url(steun, "initiatief_edit"), data, **HX)
    assert response.status_code == 200
    assert message in response.text
    assert list(Initiatief.objects.values_list("naam", "versie", "doel")) == before
    assert (list(steun.trekkers.all()), list(steun.bouwt_voort_op.all())) == links


def test_only_a_zorgzaam_buurtinitiatief_edits_what_it_supports(coordinator_client, buurt):
    bloem = f.make_initiatief(buurt, "Straatfeest")
    form = coordinator_client.get(_url(bloem, "initiatief_edit")).text
    assert 'name="ondersteunt"' not in form
    ander = f.make_initiatief(buurt, "Tuin")
    data = _edit_data(bloem, ondersteunt=[ander.pk])
    assert coordinator_client.post(_url(bloem, "initiatief_edit"), data).status_code == 302
    assert not bloem.ondersteunt.exists()


def test_a_double_click_saves_once(coordinator_client, steun):
    data = _edit_data(steun, naam="Eén keer", eenmalig="token-1", ondersteunt=[])
    url = _url(steun, "initiatief_edit")
    assert coordinator_client.post(url, data).status_code == 302
    response = coordinator_client.post(url, data, follow=True)
    assert "Dit was al bewaard." in response.text and CONFLICT not in response.text
    assert Initiatief.objects.get(pk=steun.pk).versie == 2


def test_the_page_query_count_does_not_grow(coordinator_client, steun):
    buurt = steun.buurt
    url = _url(steun)

    def fill(n):
        for k in range(n):
            team = f.make_team(steun)
            f.make_deelname(team, f.make_partner(buurt))
            f.make_succes(buurt, initiatief=steun, team=team)
            steun.trekkers.add(f.make_actor(buurt))
            steun.bouwt_voort_op.add(f.make_activiteit(buurt))
            steun.ondersteunt.add(f.make_initiatief(buurt))
            Statuswijziging.objects.create(
                initiatief=steun, status="loopt", datum=date(2025, 1, 1), reden=f"{k}"
            )

    # Five of each already fill the timeline's window (its last 20 entries) with the kinds of
    # entry that twenty-five of each give: what it looks up depends on those kinds.
    fill(5)
    count_get_queries(coordinator_client, url)  # content types are cached from the first on
    small = count_get_queries(coordinator_client, url)
    fill(20)
    assert count_get_queries(coordinator_client, url) == small
    edit = _url(steun, "initiatief_edit")
    small_edit = count_get_queries(coordinator_client, edit)
    fill(5)
    assert count_get_queries(coordinator_client, edit) == small_edit


def test_the_page_shows_who_changed_what(coordinator_client, steun):
    data = _edit_data(steun, naam="Buurtsteun Noord")
    coordinator_client.post(_url(steun, "initiatief_edit"), data)
    services.change_status(steun, status="loopt", datum=timezone.localdate())
    page = coordinator_client.get(_url(steun)).text
    section = page[page.index('id="tijdlijn-titel"') :]
    assert "<strong>coord</strong> · initiatief <em>Buurtsteun Noord</em> gewijzigd" in section
    assert "<del>Buurtsteun</del> → <ins>Buurtsteun Noord</ins>" in section
    assert "<del>idee</del> → <ins>loopt</ins>" in section
    assert "team <em>Kernteam</em> aangemaakt" in section
    assert "statuswijziging <em>" in section and "versie" not in section


def test_the_page_history_holds_its_teams_members_and_successes(coordinator_client, steun):
    deelname = steun.teams.get().deelnames.get()
    deelname.vertrokken_op = timezone.localdate()
    deelname.save()
    succes = steun.successen.get()
    succes.titel = "Eerste tien huisbezoeken"
    succes.save()
    page = coordinator_client.get(_url(steun)).text
    section = page[page.index('id="tijdlijn-titel"') :]
    assert "deelname <em>Okra in Kernteam</em> gewijzigd" in section
    assert "<ins>Eerste tien huisbezoeken</ins>" in section


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_edits_at_once_from_one_version_save_one(buurt):
    initiatief = f.make_initiatief(buurt, "Burenhulp")
    kwargs = {
        "versie": 1,
        "doel": "",
        "gestart_door": "",
        "trekkers_nodig": "",
        "trekkers": [],
        "bouwt_voort_op": [],
    }
    first_saved, results = threading.Event(), {}

    def first():
        # Saved but not yet committed while the second edit starts.
        with transaction.atomic():
            services.update_initiatief(initiatief, naam="Eerste", **kwargs)
            first_saved.set()
            time.sleep(0.3)
        connection.close()

    def second():
        first_saved.wait()
        try:
            services.update_initiatief(initiatief, naam="Tweede", **kwargs)
            results["second"] = "saved"
        except ValidationError as error:
            results["second"] = error.messages
        connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results["second"] == [services.VERSIE_CONFLICT]
    initiatief.refresh_from_db()
    assert (initiatief.naam, initiatief.versie) == ("Eerste", 2)
