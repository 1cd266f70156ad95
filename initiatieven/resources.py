from import_export import fields, widgets

from buurt.models import Buurt
from buurt.resources import SpreadsheetSafeResource

from .models import Activiteit


class ActiviteitResource(SpreadsheetSafeResource):
    buurt = fields.Field(
        attribute="buurt", column_name="buurt", widget=widgets.ForeignKeyWidget(Buurt, "slug")
    )

    class Meta:
        model = Activiteit
        fields = (
            "id",
            "buurt",
            "naam",
            "doelgroep",
            "thema",
            "frequentie",
            "loopt",
            "gestart_op",
            "gestopt_op",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
