"""What every form of the app shares."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from buurt.forms import (
    NAME_SEPARATOR,
    NAMES_MAX_LENGTH,
    dutch_empty_choices,
    id_field,
    resolve_actor,
)

from ..models import Initiatief

# A field of names is resolved one name at a time: this many is plenty for one form.
MAX_NAMES = 50


class NoLabelColon:
    """Labels without Django's trailing colon, like every other form in the app, and a
    Dutch empty choice in selects instead of "---------"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        dutch_empty_choices(self)


def split_names(text):
    """The distinct names in a field of names separated by a semicolon, in typed order."""
    return list(dict.fromkeys(n.strip() for n in text.split(NAME_SEPARATOR) if n.strip()))


def resolve_names(candidates, text, not_found=None):
    """The actor for each name in `text`, or one error listing every name that fails."""
    actoren, errors = [], []
    for naam in split_names(text):
        try:
            actoren.append(resolve_actor(candidates, naam, not_found))
        except forms.ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise forms.ValidationError(errors)
    return actoren


def resolve_named(queryset, naam, ambiguous, not_found):
    """The one object of `queryset` named `naam` (case-insensitive), or a form error: the
    `not_found` message, or `ambiguous` when several share the name. Both name ``%(naam)s``.
    A large buurt has hundreds of initiatives and teams: a form names one, it lists none."""
    naam = naam.strip()
    matches = list(queryset.filter(naam__iexact=naam).order_by("pk")[:2])
    if len(matches) > 1:
        raise forms.ValidationError(ambiguous, params={"naam": naam})
    if not matches:
        raise forms.ValidationError(not_found, params={"naam": naam})
    return matches[0]


def resolve_initiatief(buurt, naam):
    """The buurt's one initiative named `naam`, or a form error saying why not."""
    return resolve_named(
        Initiatief.objects.in_buurt(buurt),
        naam,
        ambiguous=_("Meerdere initiatieven heten “%(naam)s”. Geef ze eerst een andere naam."),
        not_found=_("Geen initiatief “%(naam)s” in deze buurt."),
    )


class MaxNamesValidator(MaxLengthValidator):
    message = _("Geef hoogstens %(limit_value)s namen op.")

    def clean(self, x):
        return len(split_names(x))


def names_field(label, required=True):
    """A text field of names separated by a semicolon (see ``split_names``)."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=NAMES_MAX_LENGTH,
        validators=[MaxNamesValidator(MAX_NAMES)],
        help_text=_("Namen, gescheiden door een puntkomma."),
    )


def validate_distinct(values):
    """Checkboxes send each value once: a list repeating one is crafted, and refused."""
    if len(values) != len(set(values)):
        raise forms.ValidationError(_("Kies elke waarde hoogstens één keer."), code="duplicate")


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of at most `max_choices` objects by id (`max_message` names ``%(max)s``).
    Each value must be an id the database can hold: "²" or 2**64 is a form error, not a
    crash in the driver."""

    def __init__(self, *args, max_choices, max_message, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_choices = max_choices
        self.max_message = max_message

    def _check_values(self, value):
        if len(value) > self.max_choices:
            raise forms.ValidationError(
                self.max_message, code="max_choices", params={"max": self.max_choices}
            )
        for pk in value:
            try:
                id_field().clean(pk)
            except forms.ValidationError:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                ) from None
        return super()._check_values(value)
