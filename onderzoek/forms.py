from django import forms
from django.utils.translation import gettext_lazy as _

from .tables import TABLES


class ExportForm(forms.Form):
    buurten = forms.MultipleChoiceField(
        label=_("Buurten"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één buurt.")},
    )
    tabellen = forms.MultipleChoiceField(
        label=_("Tabellen"),
        choices=[(table.name, table.title) for table in TABLES],
        initial=[table.name for table in TABLES],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één tabel.")},
    )
    formaat = forms.ChoiceField(
        label=_("Formaat"),
        choices=[
            ("csv", _("CSV (R, pandas, SPSS)")),
            ("xlsx", _("Excel (XLSX)")),
            ("json", _("JSON")),
        ],
        initial="csv",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, buurten, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurten = buurten
        self.fields["buurten"].choices = [(b.slug, b.naam) for b in buurten]
        if len(buurten) == 1:
            self.fields["buurten"].initial = [buurten[0].slug]

    def chosen_buurten(self):
        slugs = set(self.cleaned_data["buurten"])
        return [b for b in self.buurten if b.slug in slugs]
