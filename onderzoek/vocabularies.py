"""English labels of the fixed vocabularies, for the codebook.

The app's own labels are Dutch (the UI language); researchers read the codebook in
English as well, so each stored value gets an English label here. A value missing here
makes the codebook test fail.
"""

from django.utils import translation

ENGLISH = {
    # Actor.Soort
    "bewoner": "resident",
    "vereniging": "association",
    "professional": "professional",
    "organisatie": "organisation",
    # Actor.Sector
    "zorg": "care",
    "welzijn": "welfare",
    "onderwijs": "education",
    "cultuur": "culture",
    "sport": "sport",
    "jeugd": "youth",
    "wonen": "housing",
    "handel": "retail and hospitality",
    "levensbeschouwing": "religion and philosophy of life",
    "bestuur": "local government",
    "buurt": "neighbourhood life",
    "andere": "other",
    # Samenwerkingsintensiteit
    "doorverwijzen": "referring",
    "passief_info_delen": "passively sharing information",
    "actief_afstemmen": "actively coordinating",
    "tijdelijk_partnerschap": "temporary partnership",
    "permanent_partnerschap": "permanent partnership",
    "lerende_gemeenschap": "learning community",
    # Teamintensiteit.Soort
    "huidig": "current: how intensely the team works together now",
    "nodig": "needed: how intensely the goal requires the team to work together",
    # Enthousiasme
    "geen": "none",
    "vonk": "spark (limited)",
    "vuur": "fire (a lot)",
    # Participatieniveau
    "informeren": "informing",
    "raadplegen": "consulting",
    "adviseren": "advising",
    "coproduceren": "co-producing",
    "meebeslissen": "co-deciding",
    # Middel
    "tijd": "time",
    "ruimte": "space",
    "vrijwilligers": "volunteers",
    "expertise": "expertise",
    "netwerk": "network",
    "financiering": "funding",
    "materiaal": "materials",
    "communicatie": "communication",
    # Doelgroep
    "iedereen": "all residents",
    "kinderen": "children",
    "jongeren": "young people",
    "gezinnen": "families",
    "senioren": "older people",
    "mantelzorgers": "informal carers",
    "nieuwkomers": "newcomers",
    "beperking": "people with a disability",
    "kwetsbaar": "vulnerable residents",
    # Thema (zorg, wonen and cultuur are shared with the sectors above)
    "ontmoeting": "meeting people",
    "eenzaamheid": "loneliness",
    "gezondheid": "health and exercise",
    "voeding": "food",
    "mobiliteit": "mobility",
    "groen": "green and outdoor space",
    "armoede": "poverty",
    # Frequentie
    "eenmalig": "once",
    "wekelijks": "weekly",
    "maandelijks": "monthly",
    "jaarlijks": "yearly",
    "doorlopend": "ongoing",
    # Initiatief.Soort
    "bewonersinitiatief": "warm and caring resident initiative",
    "zorgzaam_buurtinitiatief": "caring neighbourhood initiative",
    "buurtgericht_zorginitiatief": "neighbourhood-oriented care initiative",
    # Initiatief.GestartDoor ("vrijwilligers" is shared with Middel above)
    "bewoners": "residents",
    "professionals": "professionals",
    "beleid": "policy",
    # Beleidsverwachting.Bron ("andere" is shared with the sectors above)
    "stad": "city or municipality",
    "financier": "funder",
    "regio": "region",
    # Initiatief.SoortDoel, SoortGegroeid and SoortAanleiding
    "samen_leven": "residents do something together: meeting, helping, celebrating",
    "bewoners_ondersteunen": "stimulating, supporting or strengthening residents' initiatives, "
    "so that they are inclusive and caring",
    "zorg_op_buurtniveau": "integrated care and welfare at buurt level",
    "uit_bewoners": "yes, residents pull it themselves",
    "gestimuleerd": "no, volunteers or professionals start or stimulate it",
    "geen_bewonersinitiatieven": "there are no residents' initiatives (yet)",
    "niet_zorgzaam": "they are warm and friendly, but not yet caring",
    "uitval": "residents fall out",
    "versterken": "strengthening existing residents' initiatives",
    # Initiatief.Status
    "idee": "idea",
    "loopt": "running",
    "gepauzeerd": "paused",
    "afgerond": "completed",
    "gestopt": "stopped",
    # Deelname.Einde
    "vertrokken": "left the team",
    "gewijzigd": "agreement changed (a new membership follows the same day)",
    # Initiatief.Schaal
    "ja": "yes, the buurt is the right scale",
    "nee": "no, another scale fits better",
    "twijfel": "not sure yet",
    # Voorkeur.Bron
    "coordinator": "coordinator",
    "partnerlink": "partner via personal link",
    "account": "partner via account",
    # Overleg: kind of meeting, whom an action is for ("coordinator" is above), how it went
    "teamoverleg": "team meeting",
    "initiatiefoverleg": "meeting of an initiative",
    "partneroverleg": "meeting of the buurt's partners",
    "partner": "partner",
    "op_tijd": "done in time",
    "te_laat": "done late",
    "open": "open",
    "open_te_laat": "open, past its due date",
}

# Where one value means something else in another vocabulary.
ENGLISH_BY_VOCABULARY = {
    ("Thema", "zorg"): "care and support",
}


def labels(vocabulary):
    """[(value, Dutch label, English label)] for a TextChoices class."""
    with translation.override("nl-be"):
        dutch = [(value, str(label)) for value, label in vocabulary.choices]
    return [
        (value, nl, ENGLISH_BY_VOCABULARY.get((vocabulary.__name__, value), ENGLISH[value]))
        for value, nl in dutch
    ]
