import json

from django import forms
from django.core.validators import MaxLengthValidator
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Actor, Beleidsverwachting, Relatie, Samenwerkingsintensiteit
from .privacy import zonder_grondslag

NAME_SEPARATOR = ";"
# The largest id a request may name: a 64-bit signed integer, what SQLite's INTEGER and
# PostgreSQL's bigint hold. A larger number is no id, not a crash in the database driver.
MAX_ID = 2**63 - 1
# A field of several names holds at most this many characters (see initiatieven.forms).
NAMES_MAX_LENGTH = 2000


def id_field(**kwargs):
    """A form field for an id from a request: "²", "1e3" or 2**64 are refused, not a 500."""
    return forms.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


def parse_id(value):
    """The id in `value` (a query or POST parameter), or None when it is no valid id."""
    try:
        return id_field(required=False).clean(value)
    except forms.ValidationError:
        return None


def suggest_attrs(buurt, html_name, partners_only=False, multiple=False, list_id=None, url=None):
    """Attributes for a name input that fetches at most a few suggestions as you type.

    A plain text input works without JavaScript (type the name); with HTMX a <datalist>
    fills from the server, so no page ever lists every actor of a large buurt. `url` asks
    another suggestions endpoint than the actors'; `list_id` keeps the datalists of several
    forms on one page apart.
    """
    list_id = list_id or f"{html_name}-suggesties"
    vals = {"field": html_name, "list": list_id}
    if partners_only:
        vals["partners_only"] = "1"
    if multiple:
        vals["multiple"] = "1"
    return {
        "list": list_id,
        "autocomplete": "off",
        "hx-get": url or reverse("buurt:actor_suggestions", args=[buurt.slug]),
        "hx-trigger": "input changed delay:200ms, focus once",
        "hx-target": f"#{list_id}",
        "hx-swap": "outerHTML",
        "hx-vals": json.dumps(vals),
    }


def resolve_actor(queryset, naam, not_found=None):
    """The one actor with this name (case-insensitive), preferring a partner; else an error."""
    matches = list(
        queryset.filter(naam__iexact=naam.strip()).select_related("partner").order_by("pk")[:5]
    )
    if len(matches) > 1:
        partners = [a for a in matches if hasattr(a, "partner")]
        if len(partners) == 1:
            return partners[0]
        raise forms.ValidationError(
            _("Meerdere actoren heten “%(naam)s”. Geef ze eerst een onderscheidende naam."),
            params={"naam": naam},
        )
    if not matches:
        raise forms.ValidationError(
            not_found
            or _("Geen actor “%(naam)s” in deze buurt. Voeg hem eerst toe bij Ken je buurt."),
            params={"naam": naam},
        )
    return matches[0]


DASHES = "---------"


def dutch_empty_choices(form):
    """Replace Django's "---------" empty choice by Dutch: "— kies —" or "— geen —"."""
    for field in form.fields.values():
        label = _("— kies —") if field.required else _("— geen —")
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == DASHES:
                field.empty_label = label
        elif isinstance(field, forms.ChoiceField) and not isinstance(
            field, forms.MultipleChoiceField
        ):
            choices = list(field.choices)
            if choices and choices[0] == ("", DASHES):
                field.choices = [("", label), *choices[1:]]


class ActorFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam"), required=False, max_length=100)
    soort = forms.ChoiceField(
        label=_("Soort"), required=False, choices=[("", _("alle soorten")), *Actor.Soort.choices]
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("alle sectoren")), *Actor.Sector.choices],
    )
    via = id_field(required=False, widget=forms.HiddenInput)
    zonder_grondslag = forms.BooleanField(label=_("Personen zonder grondslag"), required=False)

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        queryset = queryset.search(data["q"].strip())
        if data["soort"]:
            queryset = queryset.filter(soort=data["soort"])
        if data["sector"]:
            queryset = queryset.filter(sector=data["sector"])
        if data["via"]:
            queryset = queryset.filter(aangebracht_door_id=data["via"])
        if data["zonder_grondslag"]:
            queryset = queryset.natuurlijke_personen().filter(zonder_grondslag())
        return queryset

    def querystring(self):
        """The active filter as a query string, without the page number."""
        if not self.is_valid():
            return ""
        qd = QueryDict(mutable=True)
        for key, value in self.cleaned_data.items():
            if value:
                qd[key] = value
        return qd.urlencode()


class SuggestionForm(forms.Form):
    """What a name field with suggestions sends: the id of the list to fill, the typed
    text (the value of the field the request names) and whether it holds several names."""

    list = forms.RegexField(r"^[-\w]+\Z", max_length=100)
    typed = forms.CharField(required=False, max_length=NAMES_MAX_LENGTH)
    multiple = forms.BooleanField(required=False)

    def __init__(self, query):
        data = {key: query.get(key, "") for key in ("list", "multiple")}
        super().__init__({**data, "typed": query.get(query.get("field", ""), "")})


class ActorForm(forms.ModelForm):
    """Quick entry: name, kind, sector and who knows them.

    A second actor with the same name in the buurt is flagged before it is saved; the
    coordinator confirms with ``bevestig_dubbel`` when it really is someone else. The
    confirmation carries the number of namesakes shown, so a double click on it adds one
    actor, not two.
    """

    bevestig_dubbel = forms.BooleanField(
        label=_("Ja, dit is een andere actor met dezelfde naam"), required=False
    )
    aangebracht_door = forms.CharField(
        label=_("Gekend via"),
        required=False,
        max_length=200,
        help_text=_("Naam van de partner of actor die hen kent."),
    )

    class Meta:
        model = Actor
        fields = ["naam", "soort", "sector", "aangebracht_door"]

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        self.instance.buurt = buurt
        self.duplicate = None
        self.known_namesakes = 0
        if self.instance.aangebracht_door_id:
            self.initial["aangebracht_door"] = self.instance.aangebracht_door.naam
        self.fields["aangebracht_door"].widget.attrs.update(
            suggest_attrs(buurt, self.add_prefix("aangebracht_door"))
        )
        self.fields["sector"].choices = [("", _("— geen —")), *Actor.Sector.choices]
        dutch_empty_choices(self)
        # static/js/app.js puts the cursor here after an HTMX swap, ready for the next one.
        self.fields["naam"].widget.attrs["data-autofocus"] = ""

    def clean_aangebracht_door(self):
        naam = self.cleaned_data["aangebracht_door"].strip()
        if not naam:
            return None
        candidates = Actor.objects.in_buurt(self.buurt)
        if self.instance.pk:
            candidates = candidates.exclude(pk=self.instance.pk)
        return resolve_actor(candidates, naam)

    def clean(self):
        cleaned = super().clean()
        naam = (cleaned.get("naam") or "").strip()
        if naam:
            cleaned["naam"] = naam
            duplicates = Actor.objects.in_buurt(self.buurt).filter(naam__iexact=naam)
            if self.instance.pk:
                duplicates = duplicates.exclude(pk=self.instance.pk)
            self.duplicate = duplicates.first()
            if self.duplicate:
                self._confirm_namesakes(duplicates.count(), cleaned.get("bevestig_dubbel"))
        return cleaned

    def _confirm_namesakes(self, count, confirmed):
        """Without a confirmation, flag the duplicate. The checkbox's value is the number of
        namesakes shown; a confirmation of fewer than there are now came from a double
        click, and ``known_namesakes`` tells add_actor so."""
        self.fields["bevestig_dubbel"].widget.attrs["value"] = count
        shown = str(self.data.get(self.add_prefix("bevestig_dubbel"), ""))
        if not confirmed:
            self.add_error(
                "naam",
                _(
                    "Er is al een actor “%(naam)s” in deze buurt. Is dit iemand anders? "
                    "Vink dan hieronder aan dat het een andere actor is."
                )
                % {"naam": self.duplicate.naam},
            )
        elif shown.isdecimal() and len(shown) < 10:
            self.known_namesakes = min(int(shown), count)
        else:  # ticked in a form that did not say how many it showed
            self.known_namesakes = count


class RelatieForm(forms.Form):
    naar = forms.CharField(
        label=_("Met welke actor?"),
        max_length=200,
        help_text=_("Typ de naam zoals hij in de lijst staat."),
    )
    intensiteit = forms.ChoiceField(
        label=_("Samenwerkingsintensiteit"), choices=Samenwerkingsintensiteit.choices
    )
    sinds = forms.DateField(
        label=_("Sinds"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["naar"].widget.attrs.update(suggest_attrs(actor.buurt, self.add_prefix("naar")))

    def clean_naar(self):
        candidates = Actor.objects.in_buurt(self.actor.buurt).exclude(pk=self.actor.pk)
        return resolve_actor(candidates, self.cleaned_data["naar"])

    def clean(self):
        cleaned = super().clean()
        naar = cleaned.get("naar")
        if naar is not None and Relatie.objects.lopend_tussen(self.actor, naar).exists():
            self.add_error("naar", _("Er loopt al een relatie met deze actor."))
        return cleaned


# A free-text field of policy holds at most this many characters: a paragraph, not a report.
BELEID_TEXT_MAX_LENGTH = 2000


class BeleidsverwachtingForm(forms.ModelForm):
    """A new expectation of policy: from whom, what, since when."""

    class Meta:
        model = Beleidsverwachting
        fields = ["bron", "wat", "sinds", "notitie"]
        labels = {"bron": _("Van wie komt de verwachting?"), "wat": _("Wat wordt verwacht?")}
        help_texts = {
            "wat": _("In je eigen woorden, bijvoorbeeld uit een subsidiereglement of beleidsplan.")
        }
        widgets = {
            "wat": forms.Textarea(attrs={"rows": 2, "maxlength": BELEID_TEXT_MAX_LENGTH}),
            "sinds": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notitie": forms.Textarea(attrs={"rows": 2, "maxlength": BELEID_TEXT_MAX_LENGTH}),
        }

    def __init__(self, *args, buurt, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        self.fields["sinds"].initial = timezone.localdate
        for name in ("wat", "notitie"):
            self.fields[name].validators.append(MaxLengthValidator(BELEID_TEXT_MAX_LENGTH))
        dutch_empty_choices(self)


class BeleidEindeForm(forms.Form):
    """Ending an expectation: it keeps its place in the history, with the date it ended."""

    tot = forms.DateField(
        label=_("Beëindigd op"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, verwachting, **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("prefix", f"einde-{verwachting.pk}")
        super().__init__(*args, **kwargs)
        self.verwachting = verwachting

    def clean_tot(self):
        tot = self.cleaned_data["tot"]
        if tot < self.verwachting.sinds:
            raise forms.ValidationError(
                _("De einddatum ligt vóór de begindatum (%(sinds)s)."),
                params={"sinds": self.verwachting.sinds.strftime("%d/%m/%Y")},
            )
        return tot
