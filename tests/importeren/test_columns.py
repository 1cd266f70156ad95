import pytest

from buurt.resources import ActorResource
from importeren.imports import SPECS
from importeren.resources import template_dataset
from initiatieven.resources import ActiviteitResource


@pytest.mark.parametrize(
    ("kind", "admin_resource"), [("actoren", ActorResource), ("activiteiten", ActiviteitResource)]
)
def test_import_template_and_admin_share_the_columns(kind, admin_resource):
    template = template_dataset(kind).headers
    assert list(SPECS[kind].columns) == [*template, "buurt"]
    assert admin_resource().get_export_headers() == ["id", "buurt", *template]
