from import_export import fields, widgets

from buurt.models import Buurt
from buurt.resources import SpreadsheetSafeResource

from .models import Activiteit

# The columns of a spreadsheet of activities, in order: the coordinator's import and its
# template, and the admin's import and export (which add id and buurt in front).
SPREADSHEET_COLUMNS = (
    "naam",
    "omschrijving",
    "doelgroep",
    "thema",
    "frequentie",
    "loopt",
    "gestart_op",
    "gestopt_op",
)


class ActiviteitResource(SpreadsheetSafeResource):
    buurt = fields.Field(
        attribute="buurt", column_name="buurt", widget=widgets.ForeignKeyWidget(Buurt, "slug")
    )

    class Meta:
        model = Activiteit
        fields = ("id", "buurt", *SPREADSHEET_COLUMNS)
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
