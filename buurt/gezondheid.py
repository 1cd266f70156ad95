"""Health data is a special category (article 9 GDPR): Zorgzaam has no basis to keep it.

Free-text fields about people say so beside the field (``HELP_TEXT``), and a form that
mixes in ``GezondheidsControle`` asks for a confirmation before it saves text holding one
of the common health terms below. The list lives here, once, for every app's forms.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

# Stems, matched at the start of a word: "dement" finds dementie and dementerend.
TERMEN = (
    "alzheimer",
    "autis",
    "beroerte",
    "blind",
    "burn-out",
    "burnout",
    "chemo",
    "dement",
    "depressi",
    "diabet",
    "dialyse",
    "doof",
    "epilep",
    "gehandicapt",
    "handicap",
    "hartaanval",
    "hartfalen",
    "incontinent",
    "kanker",
    "medicatie",
    "medicijn",
    "palliatie",
    "parkinson",
    "psychiatr",
    "psychose",
    "rollator",
    "rolstoel",
    "slechthorend",
    "slechtziend",
    "suikerziek",
    "terminaal",
    "verslaafd",
    "verslaving",
    "ziek",
    "zwanger",
)

_PATTERN = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in TERMEN) + r")\w*", re.I)

HELP_TEXT = _(
    "Noteer hier geen gezondheidsgegevens (ziekte, beperking, zorgnood of medicatie): "
    "die horen niet in Zorgzaam."
)
BEVESTIG_LABEL = _("Ik bevestig dat dit geen gezondheidsgegevens zijn")


def gezondheidstermen(*texts):
    """The health terms found in ``texts``, as written, each once, in order."""
    found = {}
    for text in texts:
        for match in _PATTERN.finditer(text or ""):
            found.setdefault(match.group(0).lower(), match.group(0))
    return list(found.values())


class GezondheidsControle:
    """Form mixin: ``gezondheid_velden`` get the help text; when one holds a health term,
    the form is refused with a warning until ``geen_gezondheid`` is ticked.

    ``gezondheid_termen`` lists what was found, so the template shows the checkbox (with
    ``templates/includes/_gezondheid.html``) only beside the warning.
    """

    gezondheid_velden = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.gezondheid_termen = []
        for name in self.gezondheid_velden:
            field = self.fields[name]
            field.help_text = f"{field.help_text} {HELP_TEXT}" if field.help_text else HELP_TEXT
        self.fields["geen_gezondheid"] = forms.BooleanField(label=BEVESTIG_LABEL, required=False)

    def clean(self):
        cleaned = super().clean()
        texts = [cleaned.get(name) for name in self.gezondheid_velden]
        termen = gezondheidstermen(*(t for t in texts if isinstance(t, str)))
        if termen and not cleaned.get("geen_gezondheid"):
            self.gezondheid_termen = termen
            field = next(
                name
                for name in self.gezondheid_velden
                if gezondheidstermen(str(cleaned.get(name) or ""))
            )
            self.add_error(
                field,
                _(
                    "Dit lijkt over gezondheid te gaan (%(termen)s). Gezondheidsgegevens horen "
                    "niet in Zorgzaam: pas de tekst aan, of bevestig hieronder dat het er "
                    "geen zijn."
                )
                % {"termen": ", ".join(f"“{t}”" for t in termen)},
            )
        return cleaned
