import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name, args",
    [
        ("initiatieven:fruit", []),
        ("initiatieven:reik_hoger", []),
        ("initiatieven:initiatief_list", []),
        ("initiatieven:team_create", []),
        ("initiatieven:deelname_edit", ["deelname"]),
    ],
)
def test_form_labels_have_no_trailing_colon_like_the_rest_of_the_app(
    coordinator_client, world, name, args
):
    url = reverse(name, args=[world.buurt.slug, *(getattr(world, a).pk for a in args)])
    html = coordinator_client.get(url).content.decode()
    labels = re.findall(r"<label[^>]*>(.*?)</label>", html, flags=re.S)
    assert labels
    assert [label for label in labels if label.strip().endswith(":")] == []
