"""The report's period: chosen with a GET form (``van``, ``tot``), by default the last twelve
months up to today."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.months import next_month
from initiatieven.groei import last_months, months_before

DEFAULT_MONTHS = 12
MAX_MONTHS = 60  # five years: the charts draw one point per month
EARLIEST = datetime.date(2000, 1, 1)


class PeriodeForm(forms.Form):
    van = forms.DateField(
        label=_("Van"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Geef de eerste dag als datum, bijvoorbeeld 2026-01-31.")},
    )
    tot = forms.DateField(
        label=_("Tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Geef de laatste dag als datum, bijvoorbeeld 2026-12-31.")},
    )

    def __init__(self, data=None, today=None):
        self.today = today or timezone.localdate()
        super().__init__(data)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        default_van, default_tot = last_months(self.today, DEFAULT_MONTHS)
        tot = data.get("tot") or default_tot
        van = data.get("van") or (default_van if not data.get("tot") else _year_before(tot))
        if tot > self.today:
            raise forms.ValidationError(_("De periode kan niet na vandaag eindigen."))
        if van > tot:
            raise forms.ValidationError(_("De eerste dag ligt na de laatste dag."))
        if van < EARLIEST:
            raise forms.ValidationError(_("Kies een periode die na 2000 begint."))
        if van < months_before(tot, MAX_MONTHS):
            raise forms.ValidationError(_("Kies een periode van hoogstens vijf jaar."))
        data["van"], data["tot"] = van, tot
        return data


def _year_before(tot):
    return last_months(tot, DEFAULT_MONTHS)[0]


def month_starts_between(van, tot):
    """The first day of every month from `van`'s to `tot`'s, oldest first."""
    months, month = [], van.replace(day=1)
    while month <= tot:
        months.append(month)
        month = next_month(month)
    return months


def periode_for(request, today=None):
    """The form and, when it is valid, the period as (van, tot). Without a period asked for,
    the form shows the default one."""
    form = PeriodeForm(request.GET or None, today=today)
    if not request.GET:
        van, tot = last_months(form.today, DEFAULT_MONTHS)
        form = PeriodeForm({"van": van.isoformat(), "tot": tot.isoformat()}, today=form.today)
    if not form.is_valid():
        return form, None
    return form, (form.cleaned_data["van"], form.cleaned_data["tot"])
