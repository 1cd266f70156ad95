"""The fixed vocabularies of activities, initiatives and participation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Participatieniveau(models.TextChoices):
    """The participation ladder, low to high."""

    INFORMEREN = "informeren", _("informeren")
    RAADPLEGEN = "raadplegen", _("raadplegen")
    ADVISEREN = "adviseren", _("adviseren")
    COPRODUCEREN = "coproduceren", _("coproduceren")
    MEEBESLISSEN = "meebeslissen", _("meebeslissen")

    @classmethod
    def rank(cls, value):
        return cls.values.index(value) if value in cls.values else None


# One plain sentence per rung of the participation ladder, for partners.
LADDER_UITLEG = {
    Participatieniveau.INFORMEREN: _(
        "Je wordt op de hoogte gehouden van wat er gebeurt; er wordt niets van je verwacht."
    ),
    Participatieniveau.RAADPLEGEN: _("Af en toe wordt je mening gevraagd, maar anderen beslissen."),
    Participatieniveau.ADVISEREN: _(
        "Je geeft advies, gevraagd of ongevraagd, en er wordt ernstig rekening mee gehouden."
    ),
    Participatieniveau.COPRODUCEREN: _(
        "Je werkt samen met de anderen aan het doel en brengt zelf iets in."
    ),
    Participatieniveau.MEEBESLISSEN: _(
        "Je beslist als gelijkwaardige partner mee over wat er gebeurt."
    ),
}


class Middel(models.TextChoices):
    """Resources a partner can bring."""

    TIJD = "tijd", _("tijd")
    RUIMTE = "ruimte", _("ruimte")
    VRIJWILLIGERS = "vrijwilligers", _("vrijwilligers")
    EXPERTISE = "expertise", _("expertise")
    NETWERK = "netwerk", _("netwerk")
    FINANCIERING = "financiering", _("financiering")
    MATERIAAL = "materiaal", _("materiaal")
    COMMUNICATIE = "communicatie", _("communicatie")


def validate_middelen(value):
    if not isinstance(value, list) or any(item not in Middel.values for item in value):
        raise ValidationError(_("Kies middelen uit de lijst."))


class Doelgroep(models.TextChoices):
    IEDEREEN = "iedereen", _("alle buurtbewoners")
    KINDEREN = "kinderen", _("kinderen")
    JONGEREN = "jongeren", _("jongeren")
    GEZINNEN = "gezinnen", _("gezinnen")
    SENIOREN = "senioren", _("senioren")
    MANTELZORGERS = "mantelzorgers", _("mantelzorgers")
    NIEUWKOMERS = "nieuwkomers", _("nieuwkomers")
    BEPERKING = "beperking", _("mensen met een beperking")
    KWETSBAAR = "kwetsbaar", _("kwetsbare bewoners")


class Thema(models.TextChoices):
    ONTMOETING = "ontmoeting", _("ontmoeting")
    EENZAAMHEID = "eenzaamheid", _("eenzaamheid")
    ZORG = "zorg", _("zorg en ondersteuning")
    GEZONDHEID = "gezondheid", _("gezondheid en bewegen")
    VOEDING = "voeding", _("voeding")
    MOBILITEIT = "mobiliteit", _("mobiliteit")
    WONEN = "wonen", _("wonen")
    GROEN = "groen", _("groen en buitenruimte")
    CULTUUR = "cultuur", _("cultuur")
    ARMOEDE = "armoede", _("armoede")


class Frequentie(models.TextChoices):
    EENMALIG = "eenmalig", _("eenmalig")
    WEKELIJKS = "wekelijks", _("wekelijks")
    MAANDELIJKS = "maandelijks", _("maandelijks")
    JAARLIJKS = "jaarlijks", _("jaarlijks")
    DOORLOPEND = "doorlopend", _("doorlopend")
