"""The names, texts and weights that synthetic scale buurten are drawn from."""

from buurt.models import Actor
from initiatieven.models import Middel, Participatieniveau

VOORNAMEN = (  # noqa: SIM905 - word lists read better as text
    "Jan Piet Jef Luc Marc Dirk Koen Tom Bart Wim Stijn Pieter Jens Lucas Noah Arthur Louis "
    "Mohamed Karim Youssef Ahmed Mehmet Emre Olek Andrei Maria Anna Els Ann Rita Hilde Greet "
    "Veerle Sofie Lies Lotte Emma Olivia Marie Louise Nora Fatima Yasmina Amina Leila Olena "
    "Irina Godelieve Jeanne Simonne Josée Ria Linda Kristel Nathalie Elke Inge Katrien Tine "
    "Ward Robbe Seppe Lander Femke Jolien Ilse"
).split()
ACHTERNAMEN = (
    "Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters De_Smet Dubois "
    "Lambert Dupont Hermans Aerts Lenaerts Van_den_Broeck Verhaegen Smets Van_Dyck Wuyts "
    "Vermeulen Cools Michiels Vandenberghe De_Clercq Leysen Thijs Van_Loock Dierckx Bouzid "
    "El_Amrani Azzouzi Benali Ait_Lahcen Yilmaz Kaya Kovalenko Nowak Popescu Verbeeck "
    "Geerts Van_Hove Vanhoutte Coppens Martens Hendrickx Schepers Bogaerts Segers Verstraete "
    "De_Backer Stevens Nijs Pauwels Engelen Cuypers Luyten"
)
ACHTERNAMEN = [naam.replace("_", " ") for naam in ACHTERNAMEN.split()]
PLAATSEN = (  # noqa: SIM905
    "De Linde|Sint-Jozef|Kouterveld|Ter Heide|'t Pleintje|De Vlasbloem|Molenhoek|Zavelberg|"
    "De Kaai|Ter Beke|Hoogstraat|Lindeplein|De Spoel|Sint-Maarten|Vogelzang|De Wilg|Bergske|"
    "Ter Dreef|Het Anker|De Brug|Zonnewijk|Rozenhof|De Kouter|Kerkveld|Nieuwland|Ten Bos|"
    "Meersen|De Bron|Hof ter Linden|Sterrenwijk"
).split("|")
STRATEN = (  # noqa: SIM905
    "Lijsterstraat|Merelstraat|Vinkenlaan|Kerkstraat|Molenstraat|Schoolstraat|Stationsstraat|"
    "Lindelaan|Kouterweg|Heidestraat|Beekstraat|Dorpsstraat|Vlasplein|Meersstraat"
).split("|")
BEWONER_TEKSTEN = (
    "Woont in de {straat}.",
    "Woont alleen in de {straat}; komt graag naar activiteiten.",
    "Mantelzorger voor een ouder, woont in de {straat}.",
    "Gepensioneerd, kent veel mensen in de {straat}.",
    "Jong gezin, sinds kort in de {straat}.",
    "Helpt als vrijwilliger bij activiteiten in de buurt.",
    "Nieuw in België, woont in de {straat}.",
)
# (beroep, sector)
BEROEPEN = (
    ("Huisarts", "zorg"),
    ("Thuisverpleegkundige", "zorg"),
    ("Kinesitherapeut", "zorg"),
    ("Maatschappelijk werker", "welzijn"),
    ("Buurtwerker", "welzijn"),
    ("Zorgcoördinator op school", "onderwijs"),
    ("Jeugdwerker", "jeugd"),
    ("Wijkinspecteur", "bestuur"),
    ("Apotheker", "zorg"),
    ("Gezinszorger", "zorg"),
)
# (soort vereniging, sector, omschrijving)
VERENIGINGEN = (
    ("Buurtcomité", "buurt", "Organiseert het buurtfeest en komt op voor de wijk."),
    ("Okra", "welzijn", "Seniorenvereniging met kaartnamiddagen en uitstappen."),
    ("Femma", "cultuur", "Vrouwenbeweging: kookavonden, breicafé en lezingen."),
    ("KWB", "buurt", "Gezinsbeweging met petanque en fietstochten."),
    ("Chiro", "jeugd", "Jeugdbeweging, elke zondag."),
    ("Scouts", "jeugd", "Scoutsgroep met eigen lokaal."),
    ("Gezinsbond", "welzijn", "Kinderoppasdienst en tweedehandsbeurs."),
    ("Fanfare", "cultuur", "Speelt op feesten en jaarmarkten."),
    ("Toneelkring", "cultuur", "Twee voorstellingen per jaar in de parochiezaal."),
    ("Voetbalclub", "sport", "Jeugd- en zaalvoetbal."),
    ("Wandelclub", "sport", "Wekelijkse wandeling voor alle leeftijden."),
    ("Repair Café", "buurt", "Vrijwilligers herstellen fietsen, kleren en toestellen."),
    ("Moestuingroep", "buurt", "Samen tuinieren, de oogst wordt gedeeld."),
    ("Parochie", "levensbeschouwing", "Stelt zaal en tuin ter beschikking."),
    ("Vzw Samen Thuis", "welzijn", "Taalcafé en huiswerkbegeleiding voor nieuwkomers."),
)
ORGANISATIES = (
    ("Woonzorgcentrum", "zorg", "Woonzorgcentrum met open cafetaria."),
    ("Basisschool", "onderwijs", "Wijkschool met veel anderstalige gezinnen."),
    ("Huisartsenpraktijk", "zorg", "Groepspraktijk met drie huisartsen."),
    ("Apotheek", "zorg", "Buurtapotheek die ook aan huis levert."),
    ("Lokaal dienstencentrum", "welzijn", "Ontmoeting en maaltijden voor senioren."),
    ("Kinderopvang", "jeugd", "Inkomensgerelateerde kinderopvang."),
    ("Bibliotheek", "cultuur", "Filiaal met leestafel en computers."),
    ("Bakkerij", "handel", "Bakker op de hoek."),
    ("Wijkgezondheidscentrum", "zorg", "Huisartsen, verpleging en kine onder één dak."),
    ("Thuiszorgdienst", "zorg", "Gezinszorg en poetshulp aan huis."),
    ("Sociaal Huis", "welzijn", "Lokaal loket voor welzijn en zorg."),
    ("Jeugdhuis", "jeugd", "Ontmoetingsplek voor jongeren."),
    ("Woonmaatschappij", "wonen", "Verhuurt sociale woningen in de wijk."),
    ("Café", "handel", "Buurtcafé waar veel verenigingen vergaderen."),
)
# (naam, doelgroep, thema, frequentie)
ACTIVITEITEN = (
    ("Soepbar", "senioren", "eenzaamheid", "wekelijks"),
    ("Buurtfeest", "iedereen", "ontmoeting", "jaarlijks"),
    ("Taalcafé", "nieuwkomers", "ontmoeting", "wekelijks"),
    ("Huiswerkklas", "kinderen", "armoede", "wekelijks"),
    ("Repair Café", "iedereen", "armoede", "maandelijks"),
    ("Wandelgroep", "senioren", "gezondheid", "wekelijks"),
    ("Moestuin", "iedereen", "groen", "doorlopend"),
    ("Breicafé", "senioren", "ontmoeting", "wekelijks"),
    ("Buurtbus", "senioren", "mobiliteit", "doorlopend"),
    ("Mantelzorgcafé", "mantelzorgers", "zorg", "maandelijks"),
    ("Speelstraat", "gezinnen", "ontmoeting", "jaarlijks"),
    ("Kledingruil", "gezinnen", "armoede", "eenmalig"),
    ("Kookatelier", "kwetsbaar", "voeding", "maandelijks"),
    ("Jongerenvoetbal", "jongeren", "gezondheid", "wekelijks"),
    ("Aangepast sporten", "beperking", "gezondheid", "wekelijks"),
)
# (naam, doel) per initiatief soort, in the order of Initiatief.Soort
INITIATIEVEN = (
    (
        ("Warme buren", "Buren houden een oogje in het zeil bij wie alleen woont."),
        ("Straatmaal", "Eén keer per jaar eet de hele straat samen."),
        ("Boodschappendienst", "Buren doen boodschappen voor wie niet meer buiten kan."),
    ),
    (
        ("Soepbar plus", "Wie alleen komt, krijgt aandacht en waar nodig hulp op maat."),
        ("Buurtbus", "Senioren naar de markt en de dokter, met vrijwillige chauffeurs."),
        ("Buddy's voor nieuwkomers", "Elke nieuwkomer heeft een buur die de weg wijst."),
    ),
    (
        ("Wijkzorgteam", "Elke alleenwonende tachtigplusser heeft een vast aanspreekpunt."),
        ("Valpreventie aan huis", "Minder valpartijen bij thuiswonende ouderen."),
        ("Mantelzorgpunt", "Mantelzorgers vinden op één plek hulp en respijt."),
    ),
)
SCHAAL = (
    ("ja", "De mensen om wie het gaat, wonen samen in deze buurt; de partners kennen hen."),
    ("twijfel", "Loopt al deels op gemeentelijk niveau; verbinden kan volstaan."),
    ("nee", "De doelgroep is te klein in deze buurt; de eerstelijnszone is een betere schaal."),
)
# Why an initiative paused, stopped or finished: no names, as a coordinator would put it.
STATUS_REDENEN = {
    "gepauzeerd": (
        "De trekker is een tijd weg; we pakken het na de zomer weer op.",
        "Wachten op een nieuwe subsidieronde.",
        "Te weinig vrijwilligers tijdens de vakantie.",
    ),
    "gestopt": (
        "Geen trekkers meer gevonden.",
        "Loopt nu via de gemeente; dubbel werk vermeden.",
        "De ruimte is niet meer beschikbaar.",
    ),
    "afgerond": (
        "Doel bereikt.",
        "Het project is afgelopen zoals gepland.",
    ),
}
TEAMS = ("Kernteam", "Werkgroep", "Ploeg", "Stuurgroep")
BESLUITVORMING = (
    "Maandelijks overleg; beslissingen bij consensus.",
    "De trekkers beslissen, de partners worden op de hoogte gehouden.",
    "Wie er is, beslist mee.",
)
SUCCESSEN = (
    "Eerste overleg met alle partners samen",
    "Tien nieuwe vrijwilligers",
    "Een lege ruimte wordt buurtlokaal",
    "Honderd bezoekers op de eerste editie",
    "Een vaste buur voor elke alleenwonende in de straat",
    "Bakker schenkt wekelijks brood",
    "Huisarts en thuiszorg delen één lijst",
)

BEW, VER, PRO, ORG = Actor.Soort.values
SOORT_GEWICHTEN = {BEW: 62, VER: 12, PRO: 14, ORG: 12}
PARTNER_SOORT_GEWICHTEN = {BEW: 10, VER: 35, PRO: 20, ORG: 35}
INTENSITEIT_GEWICHTEN = (30, 25, 20, 12, 9, 4)  # low intensities are the most common
NIVEAUS = Participatieniveau.values
MIDDELEN = Middel.values
ENTHOUSIASME = ("geen", "vonk", "vuur")
