"""One way to start an initiative: the goal chooses the kind, the scale question is asked
verbatim and optional, and every path asks what it builds on and looks at the fire."""

import pytest
from django.urls import reverse

from initiatieven import soortkeuze
from initiatieven.models import Initiatief
from tests import factories as f

SCHAALVRAAG = (
    "is het doel dat we willen bereiken effectief het meest gebaat met een initiatief op "
    "buurtniveau?"
)


def _kies(client, buurt, headers=None, **antwoorden):
    url = reverse("initiatieven:soort_choose", args=[buurt.slug])
    return client.get(url, antwoorden, headers=headers)


def _lijst(buurt):
    return reverse("initiatieven:initiatief_list", args=[buurt.slug])


def test_the_questions_follow_the_answers_before_them(coordinator_client, buurt):
    page = _kies(coordinator_client, buurt).text
    assert 'name="soort_doel"' in page and 'name="soort_gegroeid"' not in page
    page = _kies(coordinator_client, buurt, soort_doel="samen_leven").text
    assert 'name="soort_gegroeid"' in page and 'name="soort_aanleiding"' not in page
    assert "Beantwoord de volgende vraag." in page
    page = _kies(coordinator_client, buurt, soort_doel="samen_leven", soort_gegroeid="gestimuleerd")
    assert 'name="soort_aanleiding"' in page.text
    assert "soort" not in page.context


def test_a_buurtwerker_supporting_residents_initiatives_is_proposed_kind_2(
    coordinator_client, buurt
):
    response = _kies(
        coordinator_client,
        buurt,
        soort_doel="bewoners_ondersteunen",
        soort_aanleiding="niet_zorgzaam",
        # the old question: who pulls it no longer decides the kind
        professional="ja",
    )
    assert response.context["soort"] == "zorgzaam_buurtinitiatief"
    assert "Voorstel: zorgzaam buurtinitiatief" in response.text
    assert "ook als een professional zoals een buurtwerker het trekt" in response.text
    assert '<option value="zorgzaam_buurtinitiatief" selected>' in response.text
    assert 'name="soort_doel" value="bewoners_ondersteunen"' in response.text


def test_professionals_organising_integrated_care_for_the_buurt_are_proposed_kind_3(
    coordinator_client, buurt
):
    response = _kies(coordinator_client, buurt, soort_doel="zorg_op_buurtniveau")
    assert response.context["soort"] == "buurtgericht_zorginitiatief"
    assert "Het doel is geïntegreerde zorg op buurtniveau" in response.text


@pytest.mark.parametrize(
    ("antwoorden", "soort"),
    [
        ({"soort_doel": "samen_leven", "soort_gegroeid": "uit_bewoners"}, "bewonersinitiatief"),
        (
            {
                "soort_doel": "samen_leven",
                "soort_gegroeid": "gestimuleerd",
                "soort_aanleiding": "uitval",
            },
            "zorgzaam_buurtinitiatief",
        ),
        ({"soort_doel": "zorg_op_buurtniveau"}, "buurtgericht_zorginitiatief"),
    ],
)
def test_each_complete_set_of_answers_proposes_a_kind_with_a_reason(antwoorden, soort):
    voorgesteld, reden = soortkeuze.proposal(antwoorden)
    assert voorgesteld == soort
    assert reden.endswith(".")


def test_answers_that_do_not_fit_are_dropped():
    data = {"soort_doel": "zorg_op_buurtniveau", "soort_gegroeid": "uit_bewoners", "x": "y"}
    assert soortkeuze.valid_answers(data) == {"soort_doel": "zorg_op_buurtniveau"}
    assert soortkeuze.valid_answers({"soort_doel": "<script>"}) == {}


def test_the_guided_choice_answers_htmx_with_the_questions_and_advice_only(
    coordinator_client, buurt
):
    response = _kies(
        coordinator_client, buurt, soort_doel="zorg_op_buurtniveau", headers={"HX-Request": "true"}
    )
    assert response.text.lstrip().startswith('<div id="keuze"')
    assert "<html" not in response.text
    assert "Voorstel: buurtgericht zorginitiatief" in response.text


def test_the_scale_question_is_asked_verbatim_for_kind_3_and_is_optional(coordinator_client, buurt):
    page = _kies(coordinator_client, buurt, soort_doel="zorg_op_buurtniveau").text
    assert "<p>Belangrijk is om zelfkritisch de vraag te stellen:</p>" in page
    assert f"<p>{SCHAALVRAAG}</p>" in page
    assert "De schaalvraag (vrijblijvend)" in page
    f.make_partner(buurt, "Wijkgezondheidscentrum", niveau="vuur")
    data = {
        "naam": "Zorgpunt",
        "soort": "buurtgericht_zorginitiatief",
        "partners": "Wijkgezondheidscentrum",
        "soort_doel": "zorg_op_buurtniveau",
    }
    assert coordinator_client.post(_lijst(buurt), data).status_code == 302
    initiatief = Initiatief.objects.get()
    assert initiatief.schaal_antwoord == "" and initiatief.soort_doel == "zorg_op_buurtniveau"
    assert "Nog niet beantwoord." in coordinator_client.get(_lijst(buurt)).text


def test_other_kinds_are_not_asked_the_scale_question(coordinator_client, buurt):
    page = _kies(
        coordinator_client, buurt, soort_doel="bewoners_ondersteunen", soort_aanleiding="uitval"
    )
    assert "De schaalvraag" not in page.text


def test_the_answers_are_stored_and_the_scale_answer_shown_in_the_list(coordinator_client, buurt):
    f.make_partner(buurt, "Buurtwerk", niveau="vuur")
    data = {
        "naam": "Zorgpunt",
        "soort": "buurtgericht_zorginitiatief",
        "partners": "Buurtwerk",
        "soort_doel": "zorg_op_buurtniveau",
        "soort_aanleiding": "uitval",  # not asked for this goal: dropped
        "schaal_antwoord": "twijfel",
        "schaal_toelichting": "Misschien past de eerstelijnszone beter.",
    }
    assert coordinator_client.post(_lijst(buurt), data).status_code == 302
    initiatief = Initiatief.objects.get()
    assert (initiatief.soort_doel, initiatief.soort_aanleiding) == ("zorg_op_buurtniveau", "")
    page = coordinator_client.get(_lijst(buurt)).text
    assert "nog niet zeker" in page
    assert "Misschien past de eerstelijnszone beter." in page


def test_the_plain_new_initiative_form_asks_what_it_builds_on_and_shows_the_fire(
    coordinator_client, buurt
):
    f.make_partner(buurt, "Okra", niveau="vuur")
    f.make_partner(buurt, "Chiro", niveau="vonk")
    page = coordinator_client.get(_lijst(buurt)).text
    assert 'name="bouwt_voort_op"' in page
    assert "Partners met vuur: Okra" in page
    response = coordinator_client.post(
        _lijst(buurt), {"naam": "Soepbar", "soort": "bewonersinitiatief", "partners": "Chiro"}
    )
    assert response.status_code == 200
    assert "Enthousiasme van de gekozen partners" in response.text
    assert "Geen van de gekozen partners heeft vuur." in response.text
    assert not Initiatief.objects.exists()


def test_something_new_needs_a_partner(coordinator_client, buurt):
    response = coordinator_client.post(_lijst(buurt), {"naam": "X", "soort": "bewonersinitiatief"})
    assert "Geef minstens één partner op" in response.text
    assert not Initiatief.objects.exists()


def test_building_on_an_existing_activity_needs_no_fire(coordinator_client, buurt):
    koffie = f.make_activiteit(buurt, "Koffieklets")
    f.make_partner(buurt, "Chiro", niveau="vonk")
    data = {
        "naam": "Koffieklets plus",
        "soort": "bewonersinitiatief",
        "bouwt_voort_op": "koffieklets",
        "partners": "Chiro",
    }
    assert coordinator_client.post(_lijst(buurt), data).status_code == 302
    initiatief = Initiatief.objects.get()
    assert list(initiatief.bouwt_voort_op.all()) == [koffie]
    assert [a.naam for a in initiatief.trekkers.all()] == ["Chiro"]


def test_an_unknown_activity_is_refused(coordinator_client, buurt, other_buurt):
    f.make_activiteit(other_buurt, "Elders")
    data = {"naam": "X", "soort": "bewonersinitiatief", "bouwt_voort_op": "Elders"}
    response = coordinator_client.post(_lijst(buurt), data)
    assert "“Elders” is geen activiteit in deze buurt." in response.text
    assert not Initiatief.objects.exists()


def test_reaching_higher_asks_the_scale_question_too(coordinator_client, buurt):
    page = coordinator_client.get(reverse("initiatieven:reik_hoger", args=[buurt.slug])).text
    assert f"<p>{SCHAALVRAAG}</p>" in page
