import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatieven import services, vuur
from initiatieven.forms import InitiatiefForm
from initiatieven.models import Initiatief
from tests import factories as f
from tests.queries import count_get_queries


def _reik_hoger(buurt):
    return reverse("initiatieven:reik_hoger", args=[buurt.slug])


def test_reaching_higher_shows_the_enthusiasm_of_the_chosen_partners(coordinator_client, buurt):
    f.make_partner(buurt, "Okra", niveau="vonk")
    f.make_partner(buurt, "Chiro")
    response = coordinator_client.get(
        _reik_hoger(buurt), {"partners": "okra; Chiro"}, HTTP_HX_REQUEST="true"
    )
    assert response.text.lstrip().startswith('<div id="vuur"')
    assert "Okra" in response.text and "vonk" in response.text
    assert "geen van deze partners heeft vuur" in response.text


def test_reaching_higher_with_fire_gives_no_warning(coordinator_client, buurt):
    f.make_partner(buurt, "Okra", niveau="vuur")
    response = coordinator_client.get(_reik_hoger(buurt), {"partners": "Okra"})
    assert "<html" in response.text
    assert "Er is vuur" in response.text
    assert "geen van deze partners heeft vuur" not in response.text


def test_a_new_initiative_without_fire_needs_confirmation(coordinator_client, buurt):
    vonk = f.make_partner(buurt, "Okra", niveau="vonk")
    data = {"naam": "Buurtrestaurant", "soort": "zorgzaam_buurtinitiatief", "partners": "Okra"}
    response = coordinator_client.post(_reik_hoger(buurt), data)
    assert response.status_code == 200
    assert "Geen van de gekozen partners heeft vuur." in response.text
    assert not Initiatief.objects.exists()

    response = coordinator_client.post(_reik_hoger(buurt), {**data, "toch_starten": "on"})
    assert response.status_code == 302
    initiatief = Initiatief.objects.get()
    assert list(initiatief.trekkers.all()) == [vonk.actor]
    assert not initiatief.bouwt_voort_op.exists()


def test_a_new_initiative_with_fire_starts_at_once(coordinator_client, buurt):
    f.make_partner(buurt, "Okra", niveau="vuur")
    data = {"naam": "Buurtrestaurant", "soort": "bewonersinitiatief", "partners": "Okra"}
    assert coordinator_client.post(_reik_hoger(buurt), data).status_code == 302
    assert Initiatief.objects.get().naam == "Buurtrestaurant"


def test_partners_of_another_buurt_cannot_be_chosen(coordinator_client, buurt, other_buurt):
    f.make_partner(other_buurt, "Elders", niveau="vuur")
    data = {"naam": "X", "soort": "bewonersinitiatief", "partners": "Elders"}
    response = coordinator_client.post(_reik_hoger(buurt), data)
    assert "“Elders” is geen partner in deze buurt." in response.text
    assert not Initiatief.objects.exists()


def test_initiatives_are_grouped_by_kind_with_the_research_questions(coordinator_client, buurt):
    f.make_initiatief(buurt, "Tuinclub", soort="bewonersinitiatief")
    f.make_initiatief(buurt, "Zorgpunt", soort="buurtgericht_zorginitiatief")
    response = coordinator_client.get(reverse("initiatieven:initiatief_list", args=[buurt.slug]))
    text = response.text
    assert text.index("Tuinclub") < text.index('id="soort-zorgzaam_buurtinitiatief"')
    assert text.index('id="soort-buurtgericht_zorginitiatief"') < text.index("Zorgpunt")
    assert "Is de buurt de juiste schaal voor dit doel?" in text
    assert "Nog niet beantwoord." in text
    assert "Initiatief aanmaken" in text


def test_creating_a_neighbourhood_care_initiative_records_the_scale_answer(
    coordinator_client, buurt
):
    f.make_partner(buurt, "Wijkgezondheidscentrum", niveau="vuur")
    data = {
        "naam": "Zorgpunt",
        "soort": "buurtgericht_zorginitiatief",
        "partners": "Wijkgezondheidscentrum",
        "schaal_antwoord": "nee",
        "schaal_toelichting": "",
    }
    url = reverse("initiatieven:initiatief_list", args=[buurt.slug])
    response = coordinator_client.post(url, data)
    assert "Leg uit welke schaal beter past en waarom." in response.text
    assert not Initiatief.objects.exists()
    data["schaal_toelichting"] = "De eerstelijnszone is de betere schaal."
    assert coordinator_client.post(url, data).status_code == 302
    initiatief = Initiatief.objects.get()
    assert initiatief.schaal_antwoord == "nee"


def test_the_scale_question_is_dropped_for_other_kinds(coordinator_client, buurt):
    f.make_partner(buurt, "Okra", niveau="vuur")
    data = {
        "naam": "Tuinclub",
        "soort": "bewonersinitiatief",
        "partners": "Okra",
        "schaal_antwoord": "ja",
    }
    coordinator_client.post(reverse("initiatieven:initiatief_list", args=[buurt.slug]), data)
    assert Initiatief.objects.get().schaal_antwoord == ""


def test_the_scale_answer_is_saved_inline(coordinator_client, buurt):
    initiatief = f.make_initiatief(buurt, "Zorgpunt", soort="buurtgericht_zorginitiatief")
    url = reverse("initiatieven:schaal_edit", args=[buurt.slug, initiatief.pk])
    prefix = f"i{initiatief.pk}-"
    data = {f"{prefix}schaal_antwoord": "ja", f"{prefix}schaal_toelichting": "Buren kennen elkaar."}
    response = coordinator_client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.text.lstrip().startswith(f'<div class="schaal" id="schaal-{initiatief.pk}">')
    assert "Buren kennen elkaar." in response.text
    initiatief.refresh_from_db()
    assert initiatief.schaal_antwoord == "ja"


def test_the_scale_question_belongs_to_neighbourhood_care_only(coordinator_client, buurt):
    initiatief = f.make_initiatief(buurt, soort="bewonersinitiatief")
    url = reverse("initiatieven:schaal_edit", args=[buurt.slug, initiatief.pk])
    response = coordinator_client.post(url, {f"i{initiatief.pk}-schaal_antwoord": "ja"})
    assert response.status_code == 302
    initiatief.refresh_from_db()
    assert initiatief.schaal_antwoord == ""


def test_initiatives_page_query_count_does_not_grow(coordinator_client, buurt):
    url = reverse("initiatieven:initiatief_list", args=[buurt.slug])

    def fill(n):
        for soort in Initiatief.Soort.values:
            for _ in range(n):
                initiatief = f.make_initiatief(buurt, soort=soort)
                initiatief.bouwt_voort_op.add(f.make_activiteit(buurt))
                f.make_team(initiatief)
            steun = f.make_initiatief(buurt, soort="zorgzaam_buurtinitiatief")
            steun.ondersteunt.add(f.make_initiatief(buurt, trekkers_nodig="Een zaal"))

    def count():
        return count_get_queries(coordinator_client, url)

    fill(1)
    small = count()
    fill(5)
    assert count() == small


def test_reaching_higher_names_a_few_partners_with_fire_and_no_others(
    coordinator_client, buurt, monkeypatch
):
    monkeypatch.setattr(vuur, "SUGGESTION_LIMIT", 2)
    f.make_partner(buurt, "Anna", niveau="geen")
    f.make_partner(buurt, "Bert", niveau="vonk")
    for naam in ("Zus", "Jan", "Mia"):
        f.make_partner(buurt, naam, niveau="vuur")
    page = coordinator_client.get(_reik_hoger(buurt)).text
    assert "Partners met vuur: Jan, Mia, …" in page
    assert "Anna" not in page and "Bert" not in page


def test_reaching_higher_uses_server_suggestions_for_partner_names(coordinator_client, buurt):
    page = coordinator_client.get(_reik_hoger(buurt)).text
    assert 'list="partners-suggesties"' in page
    assert '<datalist id="partners-suggesties"></datalist>' in page
    assert reverse("buurt:actor_suggestions", args=[buurt.slug]) in page


def test_reaching_higher_preview_reports_names_that_are_no_partner(coordinator_client, buurt):
    f.make_actor(buurt, "Bewoner Jef")
    response = coordinator_client.get(
        _reik_hoger(buurt), {"partners": "Bewoner Jef"}, HTTP_HX_REQUEST="true"
    )
    assert "“Bewoner Jef” is geen partner in deze buurt." in response.text


def test_a_name_shared_by_two_partners_is_refused(coordinator_client, buurt):
    f.make_partner(buurt, "Okra", niveau="vuur")
    f.make_partner(buurt, "okra", niveau="vuur")
    data = {"naam": "X", "soort": "bewonersinitiatief", "partners": "Okra"}
    response = coordinator_client.post(_reik_hoger(buurt), data)
    assert "Meerdere partners heten “Okra”." in response.text
    assert not Initiatief.objects.exists()


def test_reaching_higher_query_count_does_not_grow(coordinator_client, buurt):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = coordinator_client.get(_reik_hoger(buurt), {"partners": "; ".join(namen)})
            assert response.status_code == 200
        return len(ctx.captured_queries)

    namen = [f.make_partner(buurt, niveau="vonk").actor.naam]
    small = count()
    namen += [f.make_partner(buurt, niveau="vuur").actor.naam for _ in range(8)]
    assert count() == small


def test_previewing_the_enthusiasm_posts_so_the_csrf_token_stays_out_of_the_url(
    coordinator_client, buurt
):
    f.make_partner(buurt, "Okra", niveau="vonk")
    page = coordinator_client.get(_reik_hoger(buurt)).text
    assert 'formmethod="get"' not in page
    assert 'class="partners-keuze" hx-post=' in page
    assert 'name="toon"' in page
    data = {"naam": "Soepbar", "soort": "bewonersinitiatief", "doel": "", "partners": "Okra"}
    response = coordinator_client.post(_reik_hoger(buurt), {**data, "toon": "1"})
    assert response.status_code == 200
    assert "geen van deze partners heeft vuur" in response.text
    assert 'value="Soepbar"' in response.text
    assert not Initiatief.objects.filter(naam="Soepbar").exists()
    partial = coordinator_client.post(
        _reik_hoger(buurt), {**data, "toon": "1"}, HTTP_HX_REQUEST="true"
    )
    assert partial.text.lstrip().startswith('<div id="vuur"')


def _steun_form(buurt, soort, ondersteunt):
    koffie = f.make_activiteit(buurt)
    data = {
        "naam": "Buurtsteun",
        "soort": soort,
        "bouwt_voort_op": koffie.naam,
        "ondersteunt": [i.pk for i in ondersteunt],
    }
    return InitiatiefForm(data, buurt=buurt)


def test_a_care_initiative_supports_residents_initiatives_of_its_own_buurt_only(buurt, other_buurt):
    bloem = f.make_initiatief(buurt, "Straatfeest")
    assert _steun_form(buurt, "zorgzaam_buurtinitiatief", [bloem]).is_valid()
    for vreemd in (
        f.make_initiatief(other_buurt, "Elders"),
        f.make_initiatief(buurt, "Zorgpunt", soort="buurtgericht_zorginitiatief"),
        f.make_initiatief(buurt, "Andere steun", soort="zorgzaam_buurtinitiatief"),
    ):
        form = _steun_form(buurt, "zorgzaam_buurtinitiatief", [bloem, vreemd])
        assert not form.is_valid()
        assert "ondersteunt" in form.errors


def test_only_a_care_initiative_supports_others(buurt):
    bloem = f.make_initiatief(buurt, "Straatfeest")
    for soort in ("bewonersinitiatief", "buurtgericht_zorginitiatief"):
        form = _steun_form(buurt, soort, [bloem])
        assert not form.is_valid()
        assert "Alleen een zorgzaam buurtinitiatief" in str(form.errors["ondersteunt"])


def test_the_support_link_is_validated_by_the_model_too(buurt, other_buurt):
    steun = f.make_initiatief(buurt, soort="zorgzaam_buurtinitiatief")
    with pytest.raises(ValidationError):
        steun.validate_ondersteunt([f.make_initiatief(other_buurt)])
    with pytest.raises(ValidationError):
        services.create_initiatief(
            buurt, naam="Tuin", soort="bewonersinitiatief", ondersteunt=[f.make_initiatief(buurt)]
        )
    steun.validate_ondersteunt([f.make_initiatief(buurt)])


def test_the_initiatives_page_shows_support_links_and_what_trekkers_need(coordinator_client, buurt):
    url = reverse("initiatieven:initiatief_list", args=[buurt.slug])
    bloem = f.make_initiatief(buurt, "Straatfeest")
    f.make_partner(buurt, "Buurtwerk", niveau="vuur")
    data = {
        "naam": "Buurtsteun",
        "soort": "zorgzaam_buurtinitiatief",
        "partners": "Buurtwerk",
        "ondersteunt": [bloem.pk],
        "trekkers_nodig": "",
    }
    assert coordinator_client.post(url, data).status_code == 302
    steun = Initiatief.objects.get(naam="Buurtsteun")
    assert list(steun.ondersteunt.all()) == [bloem]
    Initiatief.objects.filter(pk=bloem.pk).update(trekkers_nodig="Tafels en een vergunning")
    page = coordinator_client.get(url).text
    bloem_url = reverse("initiatieven:initiatief_detail", args=[buurt.slug, bloem.pk])
    steun_url = reverse("initiatieven:initiatief_detail", args=[buurt.slug, steun.pk])
    assert f'Ondersteunt: <a href="{bloem_url}">Straatfeest</a>' in page
    assert f'Ondersteund door: <a href="{steun_url}">Buurtsteun</a>' in page
    assert "Tafels en een vergunning" in page


def test_a_partner_never_rated_shows_as_not_yet_rated_not_as_no_fire(coordinator_client, buurt):
    f.make_partner(buurt, "Okra")
    response = coordinator_client.get(
        _reik_hoger(buurt), {"partners": "Okra"}, HTTP_HX_REQUEST="true"
    )
    assert "nog niet ingeschat</span> Okra" in response.text
    assert "geen van deze partners heeft vuur" in response.text


def test_reaching_higher_says_when_no_partner_has_fire(coordinator_client, buurt):
    f.make_partner(buurt, "Okra", niveau="vonk")
    page = coordinator_client.get(_reik_hoger(buurt)).text
    assert "Nog geen partner met vuur in deze buurt." in page
