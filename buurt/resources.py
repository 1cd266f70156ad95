"""django-import-export resources for the admin: spreadsheets in and out for a beheerder.

Exported text is made inert for spreadsheets: a cell starting with one of
spreadsheets.FORMULA_PREFIXES gets a leading quote (django-import-export's own option
only handles =).
"""

from import_export import fields, resources, widgets

from .models import Actor, Buurt
from .spreadsheets import neutralise

# The columns of a spreadsheet of actors, in order: the coordinator's import and its
# template, and the admin's import and export (which add id and buurt in front).
SPREADSHEET_COLUMNS = ("naam", "soort", "sector", "omschrijving", "email", "telefoon", "adres")


class SpreadsheetSafeResource(resources.ModelResource):
    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))


class ActorResource(SpreadsheetSafeResource):
    buurt = fields.Field(
        attribute="buurt", column_name="buurt", widget=widgets.ForeignKeyWidget(Buurt, "slug")
    )

    class Meta:
        model = Actor
        fields = ("id", "buurt", *SPREADSHEET_COLUMNS)
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
