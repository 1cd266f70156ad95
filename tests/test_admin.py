import pytest
from django.contrib import admin
from django.urls import reverse

from tests import factories as f
from tests.queries import count_get_queries


@pytest.fixture
def admin_client_with_data(admin_client, buurt):
    f.make_partner(buurt, niveau="vuur")
    return admin_client


MODELS = [model for model in admin.site._registry if model._meta.app_label != "auth"]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_admin_changelist_query_count_does_not_grow(admin_client_with_data, buurt, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    def count():
        return count_get_queries(admin_client_with_data, url)

    first = count()
    for _ in range(5):
        partner = f.make_partner(buurt, niveau="vonk")
        team = f.make_team(f.make_initiatief(buurt))
        f.make_deelname(team, partner)
        f.make_relatie(partner.actor, f.make_actor(buurt))
        f.make_activiteit(buurt)
        f.make_succes(buurt)
    assert count() == first


def test_admin_search_finds_actor(admin_client, buurt):
    f.make_actor(buurt, "Buurtwerk Het Anker")
    response = admin_client.get(reverse("admin:buurt_actor_changelist"), {"q": "anker"})
    assert "Buurtwerk Het Anker" in response.text


@pytest.mark.parametrize("payload", ["=1+1", "+32 470", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_admin_export_neutralises_formulas(buurt, payload):
    from buurt.resources import ActorResource

    f.make_actor(buurt, naam=payload)
    dataset = ActorResource().export()
    assert dataset.dict[0]["naam"] == "'" + payload
    assert dataset.dict[0]["buurt"] == buurt.slug


def test_admin_import_is_validated_per_row(buurt):
    import tablib

    from buurt.models import Actor
    from buurt.resources import ActorResource

    data = tablib.Dataset(headers=["id", "buurt", "naam", "soort"])
    data.append(["", buurt.slug, "Vzw Nieuw", "vereniging"])
    data.append(["", buurt.slug, "Iets raars", "robot"])
    result = ActorResource().import_data(
        data, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
    )  # as the admin calls it
    assert result.has_validation_errors()
    assert not Actor.objects.exists()


def test_admin_import_and_export_pages_load(admin_client):
    for name in ("admin:buurt_actor_import", "admin:buurt_actor_export"):
        assert admin_client.get(reverse(name)).status_code == 200
