""" "Welke soort?": questions that adapt to the answers before them and propose a kind.

The goal decides the kind, not who pulls the initiative: professionals often drive a
buurtgericht zorginitiatief, but a buurtwerker who supports residents' initiatives runs a
zorgzaam buurtinitiatief. Each key is the Initiatief field that stores the answer.
"""

from django.utils.translation import gettext_lazy as _

from .models import Initiatief

Doel, Gegroeid = Initiatief.SoortDoel, Initiatief.SoortGegroeid
QUESTIONS = {
    "soort_doel": Initiatief.SoortDoel,
    "soort_gegroeid": Initiatief.SoortGegroeid,
    "soort_aanleiding": Initiatief.SoortAanleiding,
}

# Why the kind fits, in the app's own words (one sentence each, never a quotation).
REDENEN = {
    "uit_bewoners": _(
        "Bewoners doen het zelf, met een paar trekkers: een warm en zorgzaam "
        "bewonersinitiatief, dat je vooral laat bloeien."
    ),
    "gestimuleerd": _(
        "Vrijwilligers of professionals starten of stimuleren iets met en voor bewoners: "
        "een zorgzaam buurtinitiatief."
    ),
    "ondersteunen": _(
        "Het doel is initiatieven van bewoners te stimuleren of te ondersteunen: een zorgzaam "
        "buurtinitiatief, ook als een professional zoals een buurtwerker het trekt."
    ),
    "zorg": _(
        "Het doel is geïntegreerde zorg op buurtniveau: een buurtgericht zorginitiatief, "
        "wie het ook trekt."
    ),
}


def asked(answers):
    """The keys of the questions to ask, given the answers so far."""
    keys = ["soort_doel"]
    doel = answers.get("soort_doel")
    if doel == Doel.SAMEN_LEVEN:
        keys.append("soort_gegroeid")
        if answers.get("soort_gegroeid") == Gegroeid.GESTIMULEERD:
            keys.append("soort_aanleiding")
    elif doel == Doel.BEWONERS_ONDERSTEUNEN:
        keys.append("soort_aanleiding")
    return keys


def valid_answers(data):
    """The valid answers in `data` to the questions that are asked, in order."""
    answers = {}
    for key in QUESTIONS:
        if key in asked(answers) and data.get(key) in QUESTIONS[key].values:
            answers[key] = data[key]
    return answers


def proposal(answers):
    """(soort, reason) once every question asked is answered, else None."""
    if any(key not in answers for key in asked(answers)):
        return None
    doel = answers["soort_doel"]
    if doel == Doel.ZORG_OP_BUURTNIVEAU:
        return Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF, REDENEN["zorg"]
    if doel == Doel.BEWONERS_ONDERSTEUNEN:
        return Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF, REDENEN["ondersteunen"]
    if answers["soort_gegroeid"] == Gegroeid.UIT_BEWONERS:
        return Initiatief.Soort.BEWONERSINITIATIEF, REDENEN["uit_bewoners"]
    return Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF, REDENEN["gestimuleerd"]
