import pytest
from django.core.exceptions import ValidationError

from buurt.models import Relatie
from initiatieven import services
from initiatieven.models import Team
from tests import factories as f


def test_recording_a_relation_twice_keeps_one_running_relation(buurt):
    a, b = f.make_actor(buurt), f.make_actor(buurt)
    first, created = services.record_relatie(buurt, a, b, "doorverwijzen")
    again, created_again = services.record_relatie(buurt, b, a, "actief_afstemmen")
    assert created and not created_again
    assert again == first
    assert Relatie.objects.count() == 1


def test_a_team_with_a_partner_of_another_buurt_is_not_written(buurt, other_buurt):
    initiatief = f.make_initiatief(buurt)
    leden = [
        {"partner": f.make_partner(buurt), "participatieniveau": "adviseren"},
        {"partner": f.make_partner(other_buurt), "participatieniveau": "adviseren"},
    ]
    with pytest.raises(ValidationError):
        services.create_team(
            initiatief, naam="Team", doel="", intensiteit="doorverwijzen", leden=leden
        )
    assert not Team.objects.exists()


def test_updating_a_team_without_intensity_change_adds_no_record(buurt):
    team = services.create_team(
        f.make_initiatief(buurt),
        naam="Team",
        doel="Doel",
        intensiteit="doorverwijzen",
        leden=[{"partner": f.make_partner(buurt), "participatieniveau": "informeren"}],
    )
    team.doel = "Nieuw doel"
    services.update_team(team, intensiteit="doorverwijzen")
    assert team.intensiteiten.count() == 1
    assert Team.objects.get().doel == "Nieuw doel"
    assert team.deelnames.get().nodig
