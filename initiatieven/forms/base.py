"""What every form of the app shares."""

from django import forms
from django.utils.translation import gettext_lazy as _

from buurt.forms import NAME_SEPARATOR, dutch_empty_choices, resolve_actor


class NoLabelColon:
    """Labels without Django's trailing colon, like every other form in the app, and a
    Dutch empty choice in selects instead of "---------"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        dutch_empty_choices(self)


def names_field(label, required=True):
    """A text field of names separated by a semicolon (see ``split_names``)."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=2000,
        help_text=_("Namen, gescheiden door een puntkomma."),
    )


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
