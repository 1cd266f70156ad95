import pytest
from django.core.exceptions import ValidationError

from initiatieven.models import Initiatief, Teamintensiteit
from tests import factories as f


def test_every_kind_of_initiative_has_what_the_research_says_of_it():
    assert set(Initiatief.VRAGEN) == set(Initiatief.Soort.values)
    vragen = Initiatief.VRAGEN[Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF]
    assert vragen[0] == "Zijn er geen bewonersinitiatieven?"
    assert len(vragen) == 4


@pytest.mark.parametrize(
    ("soort", "vraagt"),
    [
        (Initiatief.Soort.BEWONERSINITIATIEF, False),
        (Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF, False),
        (Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF, True),
    ],
)
def test_only_a_buurtgericht_zorginitiatief_asks_about_its_scale(soort, vraagt):
    assert Initiatief(soort=soort).vraagt_schaal is vraagt


def test_another_scale_needs_an_explanation(buurt):
    initiatief = Initiatief(
        buurt=buurt,
        naam="Zorgpunt",
        soort=Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF,
        schaal_antwoord=Initiatief.Schaal.NEE,
    )
    with pytest.raises(ValidationError) as error:
        initiatief.full_clean()
    assert "schaal_toelichting" in error.value.message_dict
    initiatief.schaal_toelichting = "De gemeente is de juiste schaal."
    initiatief.full_clean()


def test_an_initiative_counts_its_activities_and_teams(buurt):
    initiatief = f.make_initiatief(buurt)
    initiatief.bouwt_voort_op.add(f.make_activiteit(buurt), f.make_activiteit(buurt))
    f.make_team(initiatief)
    f.make_initiatief(buurt)
    counted = {i.pk: (i.n_activiteiten, i.n_teams) for i in Initiatief.objects.with_counts()}
    assert counted[initiatief.pk] == (2, 1)
    assert sorted(counted.values()) == [(0, 0), (2, 1)]


def test_the_current_intensity_of_a_team_is_its_latest_record(buurt):
    team = f.make_team(f.make_initiatief(buurt))
    assert team.latest_intensiteit() is None
    Teamintensiteit.objects.create(team=team, intensiteit="doorverwijzen")
    Teamintensiteit.objects.create(team=team, intensiteit="actief_afstemmen")
    assert team.latest_intensiteit() == "actief_afstemmen"
