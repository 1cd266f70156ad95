"""django-import-export resources for the spreadsheets coordinators import.

They define the downloadable templates, with the columns of each model's own
SPREADSHEET_COLUMNS. Parsing and validation of an upload is in imports.py: it needs
per-cell Dutch errors, an all-or-nothing dry run and a fast path for large files, which
the resource import loop does not give.
"""

from import_export import resources

from buurt import resources as buurt_resources
from buurt.models import Actor
from initiatieven import resources as initiatieven_resources
from initiatieven.models import Activiteit


class ActorResource(resources.ModelResource):
    class Meta:
        model = Actor
        fields = buurt_resources.SPREADSHEET_COLUMNS
        export_order = fields


class ActiviteitResource(resources.ModelResource):
    class Meta:
        model = Activiteit
        fields = initiatieven_resources.SPREADSHEET_COLUMNS
        export_order = fields


RESOURCES = {"actoren": ActorResource, "activiteiten": ActiviteitResource}


def template_dataset(kind):
    """An empty dataset with the right headers: the template a coordinator fills in."""
    resource = RESOURCES[kind]()
    model = resource._meta.model
    return resource.export(queryset=model.objects.none())
