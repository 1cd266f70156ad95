from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from initiatieven import bomen
from initiatieven.models import Deelname, Initiatief, Team, Teamintensiteit, Voorkeur
from partners.models import Partner
from tests import factories as f
from tests.queries import count_get_queries


def _overzicht(team):
    buurt = team.initiatief.buurt
    return bomen.team_overzichten(bomen.teams_page_queryset(buurt).filter(pk=team.pk))[0]


def _criteria(team):
    return {c.naam: c for c in _overzicht(team).criteria}


def _healthy_team(buurt, initiatief=None):
    team = f.make_team(
        initiatief or f.make_initiatief(buurt, soort=Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF),
        doel="Wekelijks boodschappen voor wie niet mobiel is",
        beslist_samen=True,
        besluitvorming="Maandelijks overleg, één stem per partner",
        beslist_autonoom=True,
        autonomie="Het team kiest zelf zijn planning en taakverdeling",
    )
    f.make_deelname(team, f.make_partner(buurt, "Okra"), middelen=["tijd"])
    f.make_deelname(team, f.make_partner(buurt, "OCMW"), middelen=["financiering"])
    return team


def test_a_team_meeting_all_criteria_is_healthy(buurt):
    overzicht = _overzicht(_healthy_team(buurt))
    assert overzicht.gezond
    assert all(c.ontbreekt == "" for c in overzicht.criteria)


def test_a_team_without_goal_misses_the_first_criterion(buurt):
    team = _healthy_team(buurt)
    Team.objects.filter(pk=team.pk).update(doel=" ")
    criterium = _criteria(team)["Eén specifiek doel dat de partners delen"]
    assert not criterium.ok
    assert criterium.ontbreekt == "Schrijf het specifieke doel van het team op."


def test_a_superfluous_partner_or_a_lone_partner_is_reported(buurt):
    team = _healthy_team(buurt)
    Deelname.objects.filter(partner__actor__naam="Okra").update(nodig=False)
    criterium = _criteria(team)["Alle nodige en geen overbodige partners"]
    assert not criterium.ok
    assert "Niet nodig voor het doel: Okra." in criterium.ontbreekt

    for deelname in Deelname.objects.filter(partner__actor__naam="Okra"):
        f.update_row(deelname, nodig=True, vertrokken_op=timezone.localdate() + timedelta(days=1))
    criterium = _criteria(team)["Alle nodige en geen overbodige partners"]
    assert not criterium.ok
    assert "minstens twee partners" in criterium.ontbreekt


def test_pooling_resources_is_open_until_a_partner_brings_one_and_a_lone_one_gets_a_tip(buurt):
    team = _healthy_team(buurt)
    Deelname.objects.filter(partner__actor__naam="OCMW").update(middelen=[])
    criterium = _criteria(team)["Partners leggen de nodige middelen echt samen"]
    assert criterium.ok
    assert "meer dan één partner" in criterium.tip

    Deelname.objects.filter(partner__actor__naam="Okra").update(middelen=[])
    criterium = _criteria(team)["Partners leggen de nodige middelen echt samen"]
    assert not criterium.ok
    assert criterium.ontbreekt == "Nog geen enkele partner brengt middelen in."
    assert criterium.tip == ""


def test_deciding_together_needs_the_flag_and_a_description(buurt):
    team = _healthy_team(buurt)
    Team.objects.filter(pk=team.pk).update(besluitvorming="")
    criterium = _criteria(team)["Samen beslissen als gelijkwaardige partners"]
    assert not criterium.ok
    assert criterium.ontbreekt == "Beschrijf hoe het team beslist."


def test_the_gap_uses_the_latest_team_preference_before_the_general_one(buurt):
    team = f.make_team(f.make_initiatief(buurt))
    partner = f.make_partner(buurt, "Okra")
    f.make_deelname(team, partner, participatieniveau="adviseren")
    now = timezone.now()
    Voorkeur.objects.create(partner=partner, participatieniveau="informeren", bron="coordinator")
    [lid] = _overzicht(team).leden
    assert (lid.voorkeur, lid.voorkeur_voor_team, lid.kloof) == ("informeren", False, -2)

    for niveau, ago in (("raadplegen", 2), ("meebeslissen", 1)):
        Voorkeur.objects.create(
            partner=partner,
            team=team,
            participatieniveau=niveau,
            bron="partnerlink",
            datum=now - timedelta(days=ago),
        )
    [lid] = _overzicht(team).leden
    assert (lid.voorkeur, lid.voorkeur_voor_team, lid.kloof) == ("meebeslissen", True, 2)


def test_a_preference_for_another_team_is_not_shown(buurt):
    initiatief = f.make_initiatief(buurt)
    team, ander = f.make_team(initiatief), f.make_team(initiatief)
    partner = f.make_partner(buurt)
    f.make_deelname(team, partner)
    Voorkeur.objects.create(
        partner=partner, team=ander, participatieniveau="meebeslissen", bron="coordinator"
    )
    [lid] = _overzicht(team).leden
    assert lid.voorkeur is None
    assert lid.kloof == 0


def test_the_page_highlights_the_gap_and_shows_the_matrix(coordinator_client, buurt):
    team = _healthy_team(buurt)
    okra = Deelname.objects.get(partner__actor__naam="Okra")
    Voorkeur.objects.create(
        partner=okra.partner, participatieniveau="meebeslissen", bron="coordinator"
    )
    response = coordinator_client.get(reverse("initiatieven:bomen", args=[buurt.slug]))
    assert 'class="kloof"' in response.text
    assert "wil 2 treden hoger" in response.text
    assert f'id="team-{team.pk}"' in response.text
    assert "Partners en teams" in response.text
    assert "Team bewerken" in response.text


def _create_team_data(initiatief, leden):
    data = {
        "initiatief": initiatief.naam,
        "naam": "Boodschappenteam",
        "doel": "Boodschappen",
        "intensiteit": "actief_afstemmen",
        "leden-TOTAL_FORMS": "4",
        "leden-INITIAL_FORMS": "0",
        "leden-MIN_NUM_FORMS": "0",
        "leden-MAX_NUM_FORMS": "12",
    }
    for i, (partner, niveau) in enumerate(leden):
        data[f"leden-{i}-partner"] = partner.actor.naam
        data[f"leden-{i}-participatieniveau"] = niveau
        data[f"leden-{i}-nodig"] = "on"
    return data


def test_creating_a_team_writes_team_intensity_and_members_together(
    coordinator_client, coordinator, buurt
):
    initiatief = f.make_initiatief(buurt)
    a, b, c = (f.make_partner(buurt) for _ in range(3))
    data = _create_team_data(
        initiatief, [(a, "informeren"), (b, "coproduceren"), (c, "meebeslissen")]
    )
    data["leden-1-middelen"] = ["tijd", "ruimte"]
    response = coordinator_client.post(reverse("initiatieven:team_create", args=[buurt.slug]), data)
    team = Team.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/bomen/#team-{team.pk}")
    assert Teamintensiteit.objects.get(team=team).door == coordinator
    niveaus = dict(team.deelnames.values_list("partner_id", "participatieniveau"))
    assert niveaus == {a.pk: "informeren", b.pk: "coproduceren", c.pk: "meebeslissen"}
    assert team.deelnames.get(partner=b).middelen == ["tijd", "ruimte"]


def test_a_team_with_a_partner_twice_is_refused_and_nothing_is_written(coordinator_client, buurt):
    initiatief = f.make_initiatief(buurt)
    a = f.make_partner(buurt)
    data = _create_team_data(initiatief, [(a, "informeren"), (a, "adviseren")])
    response = coordinator_client.post(reverse("initiatieven:team_create", args=[buurt.slug]), data)
    assert "Elke partner kan maar één keer in het team." in response.text
    assert not Team.objects.exists()
    assert not Teamintensiteit.objects.exists()


def test_a_member_who_is_no_partner_of_this_buurt_is_refused(
    coordinator_client, buurt, other_buurt
):
    initiatief = f.make_initiatief(buurt)
    elders = f.make_partner(other_buurt, "Elders")
    data = _create_team_data(initiatief, [(f.make_partner(buurt), "adviseren")])
    data["leden-1-partner"] = elders.actor.naam
    data["leden-1-participatieniveau"] = "informeren"
    response = coordinator_client.post(reverse("initiatieven:team_create", args=[buurt.slug]), data)
    assert "“Elders” is geen partner in deze buurt." in response.text
    assert not Team.objects.exists()


def test_team_vormen_on_an_initiative_fills_in_its_name(coordinator_client, buurt):
    initiatief = f.make_initiatief(buurt, "Burenhulp")
    url = reverse("initiatieven:team_create", args=[buurt.slug])
    page = coordinator_client.get(url, {"initiatief": initiatief.pk}).text
    assert 'value="Burenhulp"' in page
    assert reverse("initiatieven:initiatief_suggestions", args=[buurt.slug]) in page


def test_initiative_suggestions_list_a_few_matching_names_of_this_buurt(
    coordinator_client, buurt, other_buurt
):
    f.make_initiatief(buurt, "Burenhulp")
    f.make_initiatief(buurt, "Repair café")
    f.make_initiatief(other_buurt, "Burenhulp elders")
    url = reverse("initiatieven:initiatief_suggestions", args=[buurt.slug])
    html = coordinator_client.get(url, {"field": "x", "x": "BUREN", "list": "x-suggesties"}).text
    assert html == '<datalist id="x-suggesties"><option value="Burenhulp"></option></datalist>\n'


def test_the_new_team_form_asks_partner_names_with_suggestions(coordinator_client, buurt):
    f.make_partner(buurt, "Okra")
    f.make_initiatief(buurt)
    page = coordinator_client.get(reverse("initiatieven:team_create", args=[buurt.slug])).text
    assert 'list="leden-0-partner-suggesties"' in page
    assert '<datalist id="leden-3-partner-suggesties"></datalist>' in page
    assert "Okra" not in page


def test_a_member_without_level_is_refused(coordinator_client, buurt):
    initiatief = f.make_initiatief(buurt)
    data = _create_team_data(initiatief, [(f.make_partner(buurt), "")])
    response = coordinator_client.post(reverse("initiatieven:team_create", args=[buurt.slug]), data)
    assert "Kies het participatieniveau dat jullie afspreken." in response.text
    assert not Team.objects.exists()


def test_a_team_needs_an_initiative_of_this_buurt(coordinator_client, buurt, other_buurt):
    elders = f.make_initiatief(other_buurt, "Elders")
    data = _create_team_data(elders, [(f.make_partner(buurt), "adviseren")])
    response = coordinator_client.post(reverse("initiatieven:team_create", args=[buurt.slug]), data)
    assert "Geen initiatief “Elders” in deze buurt." in response.text
    assert not Team.objects.exists()


def _edit_data(team, **intensiteiten):
    """The team edit form as posted for an unchanged healthy team."""
    return {
        "naam": team.naam,
        "doel": team.doel,
        "beslist_samen": "on",
        "besluitvorming": team.besluitvorming,
        "beslist_autonoom": "on",
        "autonomie": team.autonomie,
        **intensiteiten,
    }


def test_a_changed_intensity_becomes_a_new_dated_record(coordinator_client, buurt):
    team = _healthy_team(buurt)
    Teamintensiteit.objects.create(team=team, intensiteit="doorverwijzen")
    url = reverse("initiatieven:team_edit", args=[buurt.slug, team.pk])
    data = _edit_data(team, intensiteit="doorverwijzen")
    coordinator_client.post(url, data)
    assert team.intensiteiten.count() == 1
    response = coordinator_client.post(
        url, {**data, "intensiteit": "tijdelijk_partnerschap"}, HTTP_HX_REQUEST="true"
    )
    assert response.text.lstrip().startswith(
        f'<article class="card team gezond" id="team-{team.pk}"'
    )
    assert "tijdelijk partnerschap" in response.text
    assert "(sinds " in response.text
    assert list(team.intensiteiten.values_list("intensiteit", flat=True)) == [
        "tijdelijk_partnerschap",
        "doorverwijzen",
    ]


def test_editing_a_membership_updates_the_checklist(coordinator_client, buurt):
    team = _healthy_team(buurt)
    deelname = Deelname.objects.get(partner__actor__naam="Okra")
    url = reverse("initiatieven:deelname_edit", args=[buurt.slug, deelname.pk])
    response = coordinator_client.post(
        url, {"participatieniveau": "raadplegen", "middelen": []}, HTTP_HX_REQUEST="true"
    )
    assert f'id="team-{team.pk}"' in response.text
    assert "Niet nodig voor het doel: Okra." in response.text
    assert "Tip:" in response.text
    deelname = Deelname.objects.actief().get(partner__actor__naam="Okra")  # the new agreement
    assert (deelname.participatieniveau, deelname.nodig, deelname.middelen) == (
        "raadplegen",
        False,
        [],
    )


def test_a_membership_of_another_buurt_is_not_found(coordinator_client, buurt, other_buurt):
    elders = _healthy_team(other_buurt).deelnames.first()
    url = reverse("initiatieven:deelname_edit", args=[buurt.slug, elders.pk])
    assert coordinator_client.get(url).status_code == 404


def test_bomen_page_query_count_does_not_grow(coordinator_client, buurt):
    url = reverse("initiatieven:bomen", args=[buurt.slug])

    def fill(n):
        for _ in range(n):
            team = _healthy_team(buurt)
            Teamintensiteit.objects.create(team=team, intensiteit="actief_afstemmen")
            Teamintensiteit.objects.create(team=team, soort="nodig", intensiteit="doorverwijzen")
            activiteit = f.make_activiteit(buurt, thema="zorg", doelgroep="senioren")
            activiteit.organisatoren.add(f.make_partner(buurt, niveau="vuur").actor)
            team.initiatief.bouwt_voort_op.add(activiteit)
            f.make_team(f.make_initiatief(buurt))  # a residents' team: no audit, no suggestions
            for deelname in team.deelnames.all():
                Voorkeur.objects.create(
                    partner=deelname.partner, participatieniveau="adviseren", bron="coordinator"
                )

    def count():
        return count_get_queries(coordinator_client, url)

    fill(1)
    small = count()
    fill(6)
    assert count() == small


def test_team_edit_is_a_card_form_with_htmx_and_a_page_without(coordinator_client, buurt):
    team = _healthy_team(buurt)
    url = reverse("initiatieven:team_edit", args=[buurt.slug, team.pk])
    fragment = coordinator_client.get(url, HTTP_HX_REQUEST="true").text
    assert fragment.lstrip().startswith(f'<article class="card team" id="team-{team.pk}"')
    assert "<html" not in fragment
    page = coordinator_client.get(url).text
    assert "<html" in page and f'id="team-{team.pk}"' in page


def test_an_empty_team_name_is_refused_in_the_card(coordinator_client, buurt):
    team = _healthy_team(buurt)
    url = reverse("initiatieven:team_edit", args=[buurt.slug, team.pk])
    response = coordinator_client.post(
        url, {"naam": "", "intensiteit": "doorverwijzen"}, HTTP_HX_REQUEST="true"
    )
    assert "Dit veld is verplicht." in response.text
    team.refresh_from_db()
    assert team.naam
    assert not team.intensiteiten.exists()


def test_new_team_form_query_count_does_not_grow(coordinator_client, buurt):
    url = reverse("initiatieven:team_create", args=[buurt.slug])
    initiatief = f.make_initiatief(buurt)

    def count():
        return count_get_queries(coordinator_client, url)

    f.make_partner(buurt)
    small = count()
    for _ in range(8):
        f.make_team(initiatief)
        f.make_partner(buurt, niveau="vuur")
        f.make_initiatief(buurt)
    assert count() == small


def test_a_partner_who_leaves_disappears_from_the_card(coordinator_client, buurt):
    team = _healthy_team(buurt)
    deelname = Deelname.objects.get(partner__actor__naam="Okra")
    url = reverse("initiatieven:deelname_end", args=[buurt.slug, deelname.pk])
    response = coordinator_client.post(url, {}, HTTP_HX_REQUEST="true")
    assert f'id="team-{team.pk}"' in response.text
    assert "Okra" not in response.text
    assert "minstens twee partners" in response.text
    assert Deelname.objects.filter(pk=deelname.pk, vertrokken_op__isnull=False).exists()


def test_new_team_without_initiatives_points_to_starting_one(coordinator_client, buurt):
    page = coordinator_client.get(reverse("initiatieven:team_create", args=[buurt.slug])).text
    assert "nog geen" in page
    assert reverse("initiatieven:initiatief_list", args=[buurt.slug]) in page
    assert "Team aanmaken" not in page


def test_a_goal_that_needs_only_referring_needs_no_joint_decisions_nor_pooled_resources(buurt):
    team = _healthy_team(buurt)
    Team.objects.filter(pk=team.pk).update(beslist_samen=False, besluitvorming="")
    Deelname.objects.filter(team=team).update(middelen=[])
    Teamintensiteit.objects.create(team=team, soort="nodig", intensiteit="doorverwijzen")
    overzicht = _overzicht(team)
    criteria = {c.naam: c for c in overzicht.criteria}
    for naam in (
        "Samen beslissen als gelijkwaardige partners",
        "Partners leggen de nodige middelen echt samen",
    ):
        assert criteria[naam].ok and criteria[naam].niet_nodig
    assert overzicht.gezond

    Teamintensiteit.objects.create(team=team, soort="nodig", intensiteit="tijdelijk_partnerschap")
    overzicht = _overzicht(team)
    criteria = {c.naam: c for c in overzicht.criteria}
    assert not criteria["Samen beslissen als gelijkwaardige partners"].ok
    assert not overzicht.gezond


def test_a_team_without_autonomy_misses_that_criterion(buurt):
    team = _healthy_team(buurt)
    Team.objects.filter(pk=team.pk).update(beslist_autonoom=False)
    criterium = _criteria(team)["Zoveel mogelijk autonomie: het team kiest zelf hoe het werkt"]
    assert not criterium.ok
    assert criterium.ontbreekt == "Het team beslist nog niet zelf over zijn werkwijze."


def test_a_residents_initiative_team_gets_no_health_check(coordinator_client, buurt):
    team = f.make_team(f.make_initiatief(buurt, "Straatfeest"), "Feestcomité")
    overzicht = _overzicht(team)
    assert overzicht.criteria == [] and not overzicht.gezond and not overzicht.audit
    page = coordinator_client.get(reverse("initiatieven:bomen", args=[buurt.slug])).text
    card = page[page.index(f'id="team-{team.pk}"') :].split("</article>")[0]
    assert "Een gezond team?" not in card and "✗" not in card
    assert "Laat duizend bloemen bloeien" in card


def test_needed_and_current_intensity_are_both_shown_dated_and_editable(coordinator_client, buurt):
    team = _healthy_team(buurt)
    Teamintensiteit.objects.create(
        team=team, intensiteit="actief_afstemmen", datum=timezone.localdate() - timedelta(days=9)
    )
    url = reverse("initiatieven:team_edit", args=[buurt.slug, team.pk])
    data = _edit_data(
        team, intensiteit="actief_afstemmen", nodige_intensiteit="permanent_partnerschap"
    )
    card = coordinator_client.post(url, data, HTTP_HX_REQUEST="true").text
    since = timezone.localdate() - timedelta(days=9)
    assert "actief afstemmen" in card and f"sinds {since.day} " in card
    assert "permanent partnerschap" in card and "bepaald op " in card
    assert "minder intensief samen dan nodig" in card
    assert '<q cite="https://lnkd.in/eh-EbFZq" lang="nl">Welke samenwerkingsintensiteit' in card
    nodig = team.intensiteiten.get(soort="nodig")
    assert (nodig.intensiteit, nodig.datum) == ("permanent_partnerschap", timezone.localdate())
    assert team.intensiteiten.filter(soort="huidig").count() == 1

    page = coordinator_client.get(url).text
    assert "bepaald op " in page and "sinds " in page
    assert 'value="permanent_partnerschap" selected' in page


def test_wie_ontbreekt_suggests_partners_with_a_spark_or_fire_sharing_theme_or_group(buurt):
    team = _healthy_team(buurt)
    basis = f.make_activiteit(buurt, "Soepbar", thema="armoede", doelgroep="senioren")
    team.initiatief.bouwt_voort_op.add(basis)

    def organiser(naam, niveau, **activiteit):
        partner = f.make_partner(buurt, naam, niveau=niveau)
        f.make_activiteit(buurt, **activiteit).organisatoren.add(partner.actor)
        return partner

    organiser("Femma", "vuur", thema="armoede")
    organiser("Chiro", "vonk", doelgroep="senioren")
    organiser("Koor", "geen", thema="armoede")  # no spark
    organiser("Turnkring", "vuur", thema="sport", doelgroep="jongeren")  # nothing shared
    f.make_partner(buurt, "Ziekenzorg", niveau="vonk")
    basis.organisatoren.add(Partner.objects.get(actor__naam="Ziekenzorg").actor)
    basis.organisatoren.add(Partner.objects.get(actor__naam="Okra").actor)  # already a member
    suggesties = _overzicht(team).wie_ontbreekt
    assert [(s.naam, s.enthousiasme) for s in suggesties] == [
        ("Femma", "vuur"),
        ("Chiro", "vonk"),
        ("Ziekenzorg", "vonk"),
    ]
    assert suggesties[2].via == ["Soepbar"]


def test_wie_ontbreekt_shows_fire_with_the_badge_the_stylesheet_colours(coordinator_client, buurt):
    team = _healthy_team(buurt)
    basis = f.make_activiteit(buurt, thema="zorg")
    team.initiatief.bouwt_voort_op.add(basis)
    basis.organisatoren.add(f.make_partner(buurt, "Femma", niveau="vuur").actor)
    page = coordinator_client.get(reverse("initiatieven:bomen", args=[buurt.slug])).text
    assert '<strong>Femma</strong> <span class="badge niveau-vuur">vuur</span>' in page


def test_wie_ontbreekt_names_at_most_five(buurt):
    team = _healthy_team(buurt)
    basis = f.make_activiteit(buurt, thema="zorg")
    team.initiatief.bouwt_voort_op.add(basis)
    for _ in range(7):
        basis.organisatoren.add(f.make_partner(buurt, niveau="vuur").actor)
    assert len(_overzicht(team).wie_ontbreekt) == 5


def test_a_large_team_gets_a_tip_not_a_cross(coordinator_client, buurt):
    team = _healthy_team(buurt)
    for _ in range(bomen.GROOT_TEAM - 1):
        f.make_deelname(team, f.make_partner(buurt), middelen=["tijd"])
    assert _overzicht(team).groot
    page = coordinator_client.get(reverse("initiatieven:bomen", args=[buurt.slug])).text
    assert "Tip:" in page and "Kleine teams werken vlotter" in page
    assert _overzicht(team).gezond
