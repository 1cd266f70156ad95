import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from initiatieven.models import Voorkeur
from partners.links import SESSION_UNTIL
from tests import factories as f
from tests.conftest import partner_session_client
from tests.queries import count_get_queries

HOME = "/partner/"


def save(client, section, niveau="coproduceren", **extra):
    data = {"sectie": section, f"{section}-participatieniveau": niveau}
    data.update({f"{section}-{key}": value for key, value in extra.items()})
    return client.post(HOME, data)


def test_partner_home_is_the_token_free_url():
    assert reverse("partnerportaal:partner_home") == HOME


def test_partner_sees_own_teams_and_initiatives_only(world):
    other = f.make_partner(world.buurt, "Jeugdhuis Kadee")
    hidden_team = f.make_team(f.make_initiatief(world.buurt, "Geheime Werking"), "Ander team")
    f.make_deelname(hidden_team, other)
    f.make_voorkeur(other, notitie="Notitie van een ander")
    zuid = f.make_partner(world.other_buurt, "Vzw Zuid")
    f.make_deelname(f.make_team(f.make_initiatief(world.other_buurt, "Zuidwerk"), "Zuidteam"), zuid)

    text = partner_session_client(world.partner).get(HOME).text
    assert "Vzw Samen" in text
    assert "Boodschappenteam" in text and "Burenhulp" in text
    for foreign in (
        "Jeugdhuis Kadee",
        "Geheime Werking",
        "Ander team",
        "Notitie van een ander",
        "Vzw Zuid",
        "Zuidwerk",
        "Buurthuis De Linde",
    ):
        assert foreign not in text


def test_every_rung_is_explained_in_a_sentence(world):
    text = partner_session_client(world.partner).get(HOME).text
    for rung in ("Informeren", "Raadplegen", "Adviseren", "Coproduceren", "Meebeslissen"):
        assert re.search(rf"<dt>{rung}</dt><dd>[^<]+\.</dd>", text), rung
    # ...and next to every choice, as its accessible description.
    radio = f'id="id_team-{world.team.pk}-participatieniveau_3"'
    assert f'{radio} aria-describedby="id_team-{world.team.pk}-participatieniveau_3-uitleg"' in text
    assert re.search(
        rf'id="id_team-{world.team.pk}-participatieniveau_3-uitleg">Je werkt samen[^<]+\.<', text
    )


def test_get_changes_nothing(world):
    client = partner_session_client(world.partner)
    client.get(HOME, {"sectie": "algemeen", "algemeen-participatieniveau": "meebeslissen"})
    client.get(HOME, HTTP_HX_REQUEST="true")
    assert not Voorkeur.objects.exists()


def test_partner_sets_a_general_preference_with_resources_and_a_note(world):
    client = partner_session_client(world.partner)
    response = save(
        client, "algemeen", "adviseren", middelen=["tijd", "ruimte"], notitie="Liefst op maandag"
    )
    assert response.status_code == 302
    assert response["Location"] == HOME
    voorkeur = Voorkeur.objects.get()
    assert voorkeur.partner == world.partner
    assert voorkeur.team is None
    assert voorkeur.participatieniveau == "adviseren"
    assert voorkeur.middelen == ["tijd", "ruimte"]
    assert voorkeur.notitie == "Liefst op maandag"
    assert voorkeur.bron == Voorkeur.Bron.PARTNERLINK
    assert voorkeur.door is None
    assert "Je voorkeur is bewaard" in client.get(HOME).text


def test_each_save_is_a_new_dated_record(world):
    client = partner_session_client(world.partner)
    save(client, f"team-{world.team.pk}", "adviseren")
    save(client, f"team-{world.team.pk}", "coproduceren")
    records = list(Voorkeur.objects.filter(team=world.team).order_by("datum", "id"))
    assert [v.participatieniveau for v in records] == ["adviseren", "coproduceren"]
    assert records[0].datum <= records[1].datum
    page = client.get(HOME).text
    assert "Jouw voorkeur nu: <strong>coproduceren</strong>" in page


def test_htmx_save_returns_only_the_section(world):
    client = partner_session_client(world.partner)
    section = f"team-{world.team.pk}"
    response = client.post(
        HOME,
        {"sectie": section, f"{section}-participatieniveau": "meebeslissen"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response.text.startswith(f'<section class="card voorkeur" id="sectie-{section}"')
    assert "Je voorkeur is bewaard" in response.text
    assert "<html" not in response.text
    assert Voorkeur.objects.get().participatieniveau == "meebeslissen"


def test_bad_input_shows_a_dutch_error_and_writes_nothing(world):
    client = partner_session_client(world.partner)
    response = client.post(HOME, {"sectie": "algemeen", "algemeen-middelen": ["goud"]})
    assert response.status_code == 200
    assert "Kies hoe je betrokken wil zijn." in response.text
    assert "Kies middelen uit de lijst." in response.text
    bad_level = save(client, "algemeen", "alles")
    assert bad_level.status_code == 200
    assert not Voorkeur.objects.exists()


@pytest.mark.parametrize("which", ["other partner's team", "other buurt's team", "nonsense"])
def test_partner_cannot_write_for_a_team_that_is_not_theirs(world, which):
    other = f.make_partner(world.buurt, "Jeugdhuis Kadee")
    if which == "other partner's team":
        team = f.make_team(world.initiatief, "Ander team")
        f.make_deelname(team, other)
        section = f"team-{team.pk}"
    elif which == "other buurt's team":
        zuid = f.make_partner(world.other_buurt, "Vzw Zuid")
        team = f.make_team(f.make_initiatief(world.other_buurt, "Zuidwerk"))
        f.make_deelname(team, zuid)
        section = f"team-{team.pk}"
    else:
        section = "team-abc"
    response = save(partner_session_client(world.partner), section)
    assert response.status_code == 404
    assert not Voorkeur.objects.exists()


def test_partner_who_left_a_team_no_longer_sees_it(world):
    world.deelname.vertrokken_op = timezone.localdate()
    world.deelname.save()
    client = partner_session_client(world.partner)
    assert "Boodschappenteam" not in client.get(HOME).text
    assert save(client, f"team-{world.team.pk}").status_code == 404


def test_post_without_csrf_token_is_refused(world):
    client = partner_session_client(world.partner, enforce_csrf_checks=True)
    response = save(client, "algemeen")
    assert response.status_code == 403
    assert not Voorkeur.objects.exists()


def test_post_with_csrf_token_from_a_no_referrer_page_is_accepted(world):
    """Under Referrer-Policy: no-referrer a browser sends Origin: null and no Referer."""
    client = partner_session_client(world.partner, enforce_csrf_checks=True)
    page = client.get(HOME, secure=True)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = client.post(
        HOME,
        {
            "csrfmiddlewaretoken": token,
            "sectie": "algemeen",
            "algemeen-participatieniveau": "raadplegen",
        },
        HTTP_ORIGIN="null",
        secure=True,
    )
    assert response.status_code == 302
    assert Voorkeur.objects.get().participatieniveau == "raadplegen"


def test_null_origin_without_token_is_still_refused(world):
    client = partner_session_client(world.partner, enforce_csrf_checks=True)
    response = client.post(
        HOME,
        {"sectie": "algemeen", "algemeen-participatieniveau": "raadplegen"},
        HTTP_ORIGIN="null",
        secure=True,
    )
    assert response.status_code == 403
    assert not Voorkeur.objects.exists()


def test_revoking_the_link_ends_the_partner_session(world):
    client = partner_session_client(world.partner)
    world.partner.links.update(ingetrokken_op=timezone.now())
    assert client.get(HOME).status_code == 403
    assert save(client, "algemeen").status_code == 403
    assert not Voorkeur.objects.exists()


def test_partner_session_ends_after_two_hours(world):
    client = partner_session_client(world.partner)
    session = client.session
    session[SESSION_UNTIL] = (timezone.now() - timedelta(seconds=1)).timestamp()
    session.save()
    assert client.get(HOME).status_code == 403


def test_leaving_ends_the_partner_session(world):
    client = partner_session_client(world.partner)
    assert client.post(reverse("partnerportaal:partner_leave")).status_code == 200
    assert client.get(HOME).status_code == 403


def test_partner_session_opens_no_coordinator_page(world):
    client = partner_session_client(world.partner)
    assert client.get(reverse("coordinatie:dashboard", args=["noord"])).status_code == 302
    links = reverse("partnerportaal:partnerlink_list", args=["noord", world.partner.pk])
    assert client.get(links).status_code == 302


def test_without_a_link_or_account_the_page_explains_how_to_get_in():
    response = Client().get(HOME)
    assert response.status_code == 403
    assert "Vraag je coördinator om een nieuwe" in response.text


@pytest.mark.parametrize(
    ("client_for", "url"),
    [
        (lambda w: partner_session_client(w.partner), lambda w: HOME),
        (
            lambda w: persona(w.users["coordinator"]),
            lambda w: reverse("partnerportaal:partnerlink_list", args=["noord", w.partner.pk]),
        ),
    ],
)
def test_partner_and_link_pages_are_not_cached_and_send_no_referrer(world, client_for, url):
    response = client_for(world).get(url(world))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


def persona(user):
    client = Client()
    client.force_login(user)
    return client


def test_entry_redirect_is_not_cached_and_sends_no_referrer(world):
    _link, token = f.make_partnerlink(world.partner)
    response = Client().get(reverse("partnerportaal:partner_entry", args=[token]))
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_partner_with_an_account_gets_the_same_page(world):
    user = f.make_user("an")
    world.partner.user = user
    world.partner.save()
    client = Client()
    client.force_login(user)
    page = client.get(HOME)
    assert page.status_code == 200
    assert "Boodschappenteam" in page.text
    response = client.post(
        HOME,
        {
            "partner": world.partner.pk,
            "sectie": f"team-{world.team.pk}",
            f"team-{world.team.pk}-participatieniveau": "coproduceren",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{HOME}?partner={world.partner.pk}"
    voorkeur = Voorkeur.objects.get()
    assert (voorkeur.bron, voorkeur.door, voorkeur.team) == (
        Voorkeur.Bron.ACCOUNT,
        user,
        world.team,
    )


def test_account_linked_to_several_partners_chooses_and_stays_within_them(world):
    user = f.make_user("an")
    world.partner.user = user
    world.partner.save()
    tweede = f.make_partner(world.other_buurt, "Vzw Zuid", user=user)
    vreemde = f.make_partner(world.buurt, "Jeugdhuis Kadee")
    client = Client()
    client.force_login(user)
    choice = client.get(HOME)
    assert "Voor wie vul je in?" in choice.text
    assert "Vzw Samen" in choice.text and "Vzw Zuid" in choice.text
    assert "Vzw Zuid" in client.get(HOME, {"partner": tweede.pk}).text
    assert "Voor wie vul je in?" in client.get(HOME, {"partner": vreemde.pk}).text
    client.post(
        HOME,
        {"partner": vreemde.pk, "sectie": "algemeen", "algemeen-participatieniveau": "informeren"},
    )
    assert not Voorkeur.objects.exists()
    client.post(
        HOME,
        {"partner": tweede.pk, "sectie": "algemeen", "algemeen-participatieniveau": "informeren"},
    )
    assert Voorkeur.objects.get().partner == tweede


def test_account_without_partner_gets_the_explanation(coordinator_client):
    response = coordinator_client.get(HOME)
    assert response.status_code == 403
    assert "Aan je account is geen partner gekoppeld." in response.text


def test_coordinator_sees_the_partners_preferences_in_the_history(coordinator_client, world):
    client = partner_session_client(world.partner)
    save(client, f"team-{world.team.pk}", "coproduceren", notitie="Wij doen de ronde")
    text = coordinator_client.get(
        reverse("partnerportaal:partnerlink_list", args=["noord", world.partner.pk])
    ).text
    assert "Boodschappenteam" in text
    assert "<strong>coproduceren</strong>" in text
    assert "Wij doen de ronde" in text
    assert "partner via persoonlijke link" in text


def test_partner_page_query_count_does_not_grow(world):
    client = partner_session_client(world.partner)
    f.make_voorkeur(world.partner, team=world.team)

    def count():
        return count_get_queries(client, HOME)

    small = count()
    for n in range(5):
        team = f.make_team(f.make_initiatief(world.buurt, f"Initiatief {n}"))
        f.make_deelname(team, world.partner)
        f.make_voorkeur(world.partner, team=team)
        f.make_voorkeur(world.partner)
    world.initiatief.trekkers.add(world.partner.actor)
    assert count() == small
