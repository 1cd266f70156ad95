"""The demo buurt: a realistic, fictional Flemish neighbourhood with a year of history.

Declarative data only; demodata.demo.build turns it into rows.
"""

from buurt.models import Actor, Beleidsverwachting, Rol
from initiatieven.models import Initiatief

SLUG = "demo"
PASSWORD = "demo"  # noqa: S105 - a published demo login, never used outside the demo buurt
SEED = 2

BUURT = {
    "naam": "Vlasbloemwijk",
    "gemeente": "Ravelsbeke",
    "beschrijving": (
        "Een volkse wijk uit de jaren zestig aan de rand van Ravelsbeke: sociale woonblokken "
        "rond het Vlasplein, rijhuizen in de vogelstraten, een woonzorgcentrum en veel "
        "verenigingsleven. Fictief voorbeeld."
    ),
}

USERS = [
    ("coordinator", "Sofie", "Claes", Rol.Soort.COORDINATOR),
    ("onderzoeker", "Pieter-Jan", "Devos", Rol.Soort.ONDERZOEKER),
]

BEW, VER, PRO, ORG = (
    Actor.Soort.BEWONER,
    Actor.Soort.VERENIGING,
    Actor.Soort.PROFESSIONAL,
    Actor.Soort.ORGANISATIE,
)
S = Actor.Sector

# key, naam, soort, sector, omschrijving, aangebracht door (key or None).
# Order matters: whoever introduces someone comes first.
ACTOREN = [
    ("huis", "Sociaal Huis Ravelsbeke", ORG, S.WELZIJN,
     "Lokaal loket voor welzijn en zorg; trekt de zorgzame buurt.", None),
    ("sofie", "Sofie Claes", PRO, S.WELZIJN,
     "Buurtwerker bij het Sociaal Huis, drie dagen per week in de wijk.", "huis"),
    ("wzc", "Woonzorgcentrum Ter Vlasbloem", ORG, S.ZORG,
     "Negentig bewoners; de cafetaria staat open voor de hele buurt.", "huis"),
    ("spoel", "Lokaal dienstencentrum De Spoel", ORG, S.WELZIJN,
     "Ontmoeting, warme maaltijden en vorming voor senioren.", "huis"),
    ("comite", "Buurtcomité Vlasbloem", VER, S.BUURT,
     "Organiseert het buurtfeest en komt op voor de wijk bij de gemeente.", "huis"),
    ("jef", "Jef Maes", BEW, S.BUURT,
     "Voorzitter van het buurtcomité, woont al veertig jaar aan het Vlasplein.", "comite"),
    ("kaai", "Wijkgezondheidscentrum De Kaai", ORG, S.ZORG,
     "Huisartsen, verpleegkundigen en kinesisten onder één dak.", "huis"),
    ("peeters", "Jan Peeters", PRO, S.ZORG,
     "Huisarts bij De Kaai; kent veel alleenwonende ouderen.", "kaai"),
    ("woonmij", "Woonmaatschappij Zuiderkempen", ORG, S.WONEN,
     "Verhuurt 240 sociale woningen in de wijk.", "huis"),
    ("okra", "Okra Sint-Jozef", VER, S.WELZIJN,
     "Seniorenvereniging met wekelijkse kaartnamiddag en uitstappen.", "spoel"),
    ("maria", "Maria Van den Broeck", BEW, S.BUURT,
     "Gepensioneerde verpleegster, kent iedereen in de Lijsterstraat.", "okra"),
    ("luc", "Luc Hermans", BEW, S.BUURT,
     "Weduwnaar van 82, woont alleen; komt graag naar de soepbar.", "maria"),
    ("godelieve", "Godelieve Peeters", BEW, S.BUURT,
     "Woont op haar 91ste nog zelfstandig, met thuiszorg.", "maria"),
    ("hilde", "Hilde Jacobs", BEW, S.BUURT,
     "Buurvrouw in de Merelstraat die een oogje in het zeil houdt.", "maria"),
    ("school", "Basisschool De Vlieger", ORG, S.ONDERWIJS,
     "Wijkschool met 210 leerlingen, veel anderstalige gezinnen.", "huis"),
    ("lies", "Lies De Smet", PRO, S.ONDERWIJS,
     "Zorgcoördinator op De Vlieger.", "school"),
    ("samen", "Vzw Samen Thuis", VER, S.WELZIJN,
     "Vereniging van en voor nieuwkomers: taalcafé en huiswerkbegeleiding.", "school"),
    ("fatima", "Fatima Azzouzi", BEW, S.BUURT,
     "Mama van drie, trekt het taalcafé mee.", "samen"),
    ("olena", "Olena Kovalenko", BEW, S.BUURT,
     "Kwam in 2022 uit Oekraïne; helpt bij de kledingruil.", "samen"),
    ("thuiszorg", "Thuiszorgdienst Familiehulp Kempen", ORG, S.ZORG,
     "Gezinszorg en poetshulp aan huis.", "kaai"),
    ("nadia", "Nadia El Amrani", PRO, S.ZORG,
     "Thuisverpleegkundige, rijdt dagelijks door de wijk.", "kaai"),
    ("caw", "CAW Kempen, onthaal Ravelsbeke", ORG, S.WELZIJN,
     "Onthaal en begeleiding bij schulden, huisvesting en relaties.", "huis"),
    ("ann", "Ann Vermeulen", PRO, S.WELZIJN,
     "Maatschappelijk werker bij het CAW.", "caw"),
    ("femma", "Femma Vlasbloem", VER, S.CULTUUR,
     "Vrouwenbeweging: breicafé, kookavonden en lezingen.", "okra"),
    ("rita", "Rita Mertens", BEW, S.BUURT,
     "Breit bij Femma en bakt taarten voor elk buurtfeest.", "femma"),
    ("kwb", "KWB Ravelsbeke-Zuid", VER, S.BUURT,
     "Gezinsbeweging; petanque, fietstochten en de vroegere buurtbus.", "comite"),
    ("mohamed", "Mohamed Ait Lahcen", BEW, S.BUURT,
     "Gepensioneerde buschauffeur, speelt petanque met de KWB.", "kwb"),
    ("chiro", "Chiro Sint-Maarten", VER, S.JEUGD,
     "Jeugdbeweging met 120 leden, lokaal naast de kerk.", "comite"),
    ("karim", "Karim Bouzid", PRO, S.JEUGD,
     "Jeugdwerker van de gemeente, op straat in de wijk.", "huis"),
    ("repair", "Repair Café Vlasbloem", VER, S.BUURT,
     "Elke eerste zaterdag herstellen vrijwilligers fietsen, kleren en toestellen.", "femma"),
    ("bart", "Bart Willems", BEW, S.BUURT,
     "Handige harry van het Repair Café.", "repair"),
    ("moestuin", "Moestuingroep De Groene Vinger", VER, S.BUURT,
     "Twaalf bakken achter de kerk, open voor wie wil meetuinieren.", "comite"),
    ("dirk", "Dirk Lenaerts", BEW, S.BUURT,
     "Tuinier in hart en nieren, trekt de moestuingroep.", "moestuin"),
    ("parochie", "Parochie Sint-Jozef", VER, S.LEVENSBESCHOUWING,
     "Stelt de parochiezaal en de tuin achter de kerk ter beschikking.", "okra"),
    ("fanfare", "Fanfare De Eendracht", VER, S.CULTUUR,
     "Speelt op het buurtfeest en op de jaarmarkt.", "comite"),
    ("gezinsbond", "Gezinsbond Ravelsbeke", VER, S.WELZIJN,
     "Kinderoppasdienst en tweedehandsbeurs.", "comite"),
    ("koen", "Koen Aerts", BEW, S.BUURT,
     "Jonge vader, twee jaar in de wijk; trekt de speelstraat.", "gezinsbond"),
    ("yasmina", "Yasmina Benali", BEW, S.BUURT,
     "Studente verpleegkunde die vrijwilligerswerk zoekt.", "fatima"),
    ("els", "Els Goossens", BEW, S.BUURT,
     "Mantelzorger voor haar moeder, werkt halftijds.", "thuiszorg"),
    ("tom", "Tom Janssens", PRO, S.ZORG,
     "Animator in het woonzorgcentrum.", "wzc"),
    ("bib", "Bibliotheek Ravelsbeke, filiaal Vlasbloem", ORG, S.CULTUUR,
     "Kleine bibliotheek met leestafel en gratis computers.", "samen"),
    ("opvang", "Kinderopvang 't Rupske", ORG, S.JEUGD,
     "Achttien plaatsen, inkomensgerelateerd.", "gezinsbond"),
    ("apotheek", "Apotheek Verhaegen", ORG, S.ZORG,
     "Buurtapotheek aan het Vlasplein; brengt medicatie aan huis.", "kaai"),
    ("bakker", "Bakkerij Van Loock", ORG, S.HANDEL,
     "Bakker op de hoek, al drie generaties.", "jef"),
    ("pieter", "Pieter Wouters", PRO, S.BESTUUR,
     "Wijkinspecteur van de lokale politie.", "huis"),
    ("veerle", "Veerle Smets", PRO, S.ZORG,
     "Teamverantwoordelijke bij Familiehulp.", "thuiszorg"),
]  # fmt: skip

# Partner: actor key, contactpersoon, enthousiasme history as (days ago, niveau, notitie).
PARTNERS = [
    ("huis", "Sofie Claes", [(360, "vonk", "Start van het traject zorgzame buurt."),
                             (240, "vuur", ""), (90, "vuur", ""), (0, "vuur", "")]),
    ("wzc", "Tom Janssens", [(350, "geen", "Directie ziet het nog niet zitten."),
                             (260, "vonk", ""), (150, "vonk", ""),
                             (40, "vuur", "Nieuwe directeur wil de cafetaria openstellen."),
                             (3, "vuur", "")]),
    ("spoel", "Greet Wuyts", [(345, "vonk", ""), (200, "vonk", ""), (60, "vuur", ""),
                              (0, "vuur", "")]),
    ("school", "Lies De Smet", [(330, "geen", ""), (210, "geen", ""),
                                (120, "vonk", "Zorgcoördinator ziet kansen voor ouders."),
                                (10, "vonk", "")]),
    ("woonmij", "Marc Dierckx", [(320, "geen", ""), (180, "geen", ""),
                                 (30, "vonk", "Bood een lege benedenwoning aan.")]),
    ("kaai", "Jan Peeters", [(355, "vonk", ""), (250, "vuur", ""),
                             (130, "vonk", "Twee artsen vertrokken, minder tijd."),
                             (5, "vuur", "")]),
    ("comite", "Jef Maes", [(365, "vuur", ""), (270, "vuur", ""), (150, "vuur", ""),
                            (0, "vuur", "")]),
    ("okra", "Maria Van den Broeck", [(340, "vonk", ""), (220, "vuur", ""),
                                      (100, "vuur", ""), (14, "vuur", "")]),
    ("femma", "Rita Mertens", [(300, "geen", ""), (200, "vonk", ""), (70, "vonk", ""),
                               (7, "vuur", "Wil het breicafé nieuw leven inblazen.")]),
    ("samen", "Fatima Azzouzi", [(280, "vonk", ""), (160, "vonk", ""), (45, "vuur", ""),
                                 (2, "vuur", "")]),
    ("chiro", "Lotte Van Dyck", [(310, "geen", ""), (190, "geen", ""), (80, "geen", ""),
                                 (20, "vonk", "Leiding wil helpen op de speelstraat.")]),
    ("repair", "Bart Willems", [(250, "vonk", ""), (120, "vonk", ""), (9, "vonk", "")]),
    ("moestuin", "Dirk Lenaerts", [(270, "geen", ""), (140, "vonk", ""), (25, "vonk", "")]),
    ("caw", "Ann Vermeulen", [(330, "vonk", ""), (200, "vonk", ""),
                              (90, "geen", "Personeelstekort, even geen tijd."),
                              (12, "vonk", "")]),
    ("koen", "", [(200, "vonk", ""), (60, "vuur", ""), (1, "vuur", "")]),
    ("thuiszorg", "Veerle Smets", [(290, "geen", ""), (150, "vonk", ""), (35, "vonk", "")]),
    ("bakker", "Luc Van Loock", [(200, "geen", ""), (40, "geen", "")]),
]  # fmt: skip

# key, naam, organisatoren, doelgroep, thema, frequentie, started (days ago), stopped (days ago)
ACTIVITEITEN = [
    ("soepbar", "Soepbar op donderdag", ["spoel", "okra"], "senioren", "eenzaamheid",
     "wekelijks", 2200, None, "Warme soep en een praatje in De Spoel, voor één euro."),
    ("feest", "Buurtfeest Vlasbloem", ["comite", "kwb", "fanfare"], "iedereen", "ontmoeting",
     "jaarlijks", 5000, None, "Laatste zaterdag van augustus op het Vlasplein."),
    ("taalcafe", "Taalcafé", ["samen", "bib"], "nieuwkomers", "ontmoeting", "wekelijks",
     900, None, "Nederlands oefenen bij een koffie, elke dinsdagavond."),
    ("huiswerk", "Huiswerkklas", ["school", "samen"], "kinderen", "armoede", "wekelijks",
     700, None, "Vrijwilligers helpen kinderen na school met hun huiswerk."),
    ("repair", "Repair Café", ["repair", "femma"], "iedereen", "armoede", "maandelijks",
     1100, None, "Herstellen in plaats van weggooien, elke eerste zaterdag."),
    ("wandel", "Wandelgroep Stap voor Stap", ["kaai", "okra"], "senioren", "gezondheid",
     "wekelijks", 600, None, "Een uur wandelen op tempo van de traagste, met de kinesist."),
    ("moestuin", "Moestuin achter de kerk", ["moestuin", "parochie"], "iedereen", "groen",
     "doorlopend", 1500, None, "Samen tuinieren, de oogst wordt gedeeld."),
    ("breicafe", "Breicafé", ["femma"], "senioren", "ontmoeting", "wekelijks",
     1800, 120, "Gestopt toen de vrijwilligster verhuisde."),
    ("buurtbus", "Seniorenvervoer met de buurtbus", ["kwb", "spoel"], "senioren",
     "mobiliteit", "doorlopend", 2500, 240, "Gestopt toen de bus werd afgeschreven."),
    ("mantelzorg", "Mantelzorgcafé", ["thuiszorg", "spoel"], "mantelzorgers", "zorg",
     "maandelijks", 400, None, "Even op adem komen en ervaringen delen."),
    ("speelstraat", "Speelstraat Lijsterstraat", ["koen", "gezinsbond"], "gezinnen",
     "ontmoeting", "jaarlijks", 380, None, "Twee weken in juli is de straat van de kinderen."),
    ("kledingruil", "Kledingruil", ["samen", "olena"], "gezinnen", "armoede", "eenmalig",
     150, 150, "Eén keer georganiseerd in de parochiezaal; voor herhaling vatbaar."),
]  # fmt: skip

BI, ZB, BZ = Initiatief.Soort.values
# key, naam, soort, trekkers, bouwt voort op, doel, schaal
INITIATIEVEN = [
    ("warmeburen", "Warme buren Lijsterstraat", BI, ["maria", "hilde"], [],
     "Buren houden een oogje in het zeil bij wie alleen woont.", None),
    ("buurtstraat", "Speelstraat wordt buurtstraat", BI, ["koen"], ["speelstraat"],
     "De speelstraat uitbreiden met een straatmaal voor alle generaties.", None),
    ("moestuin", "Moestuin voor iedereen", BI, ["dirk"], ["moestuin"],
     "Verhoogde bakken zodat ook bewoners van het woonzorgcentrum kunnen tuinieren.", None),
    ("soepbarplus", "Soepbar plus", ZB, ["spoel", "sofie"], ["soepbar", "mantelzorg"],
     "Wie alleen naar de soepbar komt, krijgt aandacht en waar nodig hulp op maat.", None),
    ("buurtbus", "Buurtbus opnieuw op de baan", ZB, ["kwb", "jef"], ["buurtbus"],
     "Senioren weer naar de markt en de dokter brengen, met vrijwillige chauffeurs.", None),
    ("wijkzorg", "Wijkzorgteam Vlasbloem", BZ, ["kaai", "huis", "thuiszorg"], [],
     "Elke alleenwonende tachtigplusser in de woonblokken is gekend en heeft een vast "
     "aanspreekpunt.",
     ("ja", "De kwetsbare ouderen wonen samen rond het Vlasplein; huisarts, thuisverpleging "
      "en het Sociaal Huis kennen dezelfde mensen. Op gemeenteniveau wordt het te anoniem.")),
    ("valpreventie", "Valpreventie aan huis", BZ, ["kaai", "nadia"], ["wandel"],
     "Minder valpartijen bij thuiswonende ouderen.",
     ("twijfel", "Valpreventie loopt al via de eerstelijnszone; misschien volstaat het de "
      "wandelgroep daarmee te verbinden in plaats van iets eigens te starten.")),
]  # fmt: skip

# Each initiative's status history, oldest first: (days ago, status, reden). It starts as an
# idea; the last record is its status now.
STATUSGESCHIEDENIS = {
    "warmeburen": [(240, "idee", ""), (210, "loopt", "")],
    "buurtstraat": [(40, "idee", "")],
    "moestuin": [
        (330, "idee", ""),
        (300, "loopt", ""),
        (130, "gepauzeerd", "Te weinig handen: de vaste tuiniers zijn een tijd weg."),
        (45, "loopt", "Twee nieuwe tuiniers gevonden; de bakken zijn weer gevuld."),
    ],
    "soepbarplus": [(290, "idee", ""), (270, "loopt", "")],
    "buurtbus": [(75, "idee", "")],
    "wijkzorg": [(190, "idee", ""), (150, "loopt", "")],
    "valpreventie": [(25, "idee", "")],
}

# What the trekkers of a residents' initiative need, in their words.
TREKKERS_NODIG = {
    "warmeburen": "Een lijst van wie alleen woont, en iemand om te bellen als het niet pluis is.",
    "buurtstraat": "Een vergunning voor de straatafsluiting en tafels en stoelen.",
    "moestuin": "Zaden in het voorjaar en een hand bij het vullen van de bakken.",
}  # fmt: skip

# Who started each initiative: bottom-up or top-down.
GESTART_DOOR = {
    "warmeburen": "bewoners", "buurtstraat": "bewoners", "moestuin": "bewoners",
    "soepbarplus": "vrijwilligers", "buurtbus": "vrijwilligers",
    "wijkzorg": "professionals", "valpreventie": "beleid",
}  # fmt: skip

# What policy expects of the buurt: (source, what, started days ago, ended days ago).
BELEIDSVERWACHTINGEN = [
    (Beleidsverwachting.Bron.STAD, "Elke alleenwonende 80-plusser krijgt een vast "
     "aanspreekpunt in de buurt.", 400, None),
    (Beleidsverwachting.Bron.FINANCIER, "Een jaarlijks verslag met het aantal bereikte "
     "bewoners en de kleine successen.", 300, None),
    (Beleidsverwachting.Bron.REGIO, "Een buurtloket in het dienstencentrum.", 500, 200),
]  # fmt: skip

# A zorgzaam buurtinitiatief and the residents' initiatives it supports.
ONDERSTEUNT = {"soepbarplus": ["warmeburen", "moestuin"]}

# Team: initiatief, naam, doel, beslist samen, besluitvorming,
# beslist zelf over de werkwijze, hoe (autonomie),
# intensiteit history (days ago, intensiteit), needed intensity history (days ago, intensiteit),
# deelnames (partner, niveau, nodig, middelen, joined days ago, left days ago or None)
TEAMS = [
    ("wijkzorg", "Kernteam wijkzorg",
     "Een gedeelde lijst van alleenwonende tachtigplussers, elk met een vast aanspreekpunt.",
     True, "Maandelijks overleg; beslissingen bij consensus, het Sociaal Huis zit voor.",
     True, "Het kernteam kiest zelf hoe het de lijst bijhoudt en wie wie opvolgt.",
     [(150, "actief_afstemmen"), (60, "tijdelijk_partnerschap")],
     [(150, "tijdelijk_partnerschap"), (60, "permanent_partnerschap")],
     [("kaai", "meebeslissen", True, ["expertise", "tijd"], 150, None),
      ("huis", "meebeslissen", True, ["tijd", "netwerk", "financiering"], 150, None),
      ("thuiszorg", "coproduceren", True, ["expertise", "tijd"], 140, None),
      ("wzc", "adviseren", True, ["ruimte", "expertise"], 100, None),
      ("caw", "adviseren", True, ["expertise"], 100, None),
      ("okra", "raadplegen", False, ["netwerk"], 90, None)]),
    ("soepbarplus", "Soepbarploeg",
     "Elke donderdag soep voor veertig mensen, en iemand die aanschuift bij wie alleen komt.",
     True, "Na elke soepbar een kwartier evalueren; wie er is, beslist mee.",
     True, "De ploeg maakt zelf het rooster en kiest het menu.",
     [(270, "passief_info_delen"), (180, "actief_afstemmen"), (30, "permanent_partnerschap")],
     [(270, "actief_afstemmen"), (30, "permanent_partnerschap")],
     [("spoel", "meebeslissen", True, ["ruimte", "tijd"], 270, None),
      ("okra", "coproduceren", True, ["vrijwilligers"], 270, None),
      ("femma", "coproduceren", True, ["vrijwilligers", "materiaal"], 200, None),
      ("bakker", "informeren", True, ["materiaal"], 65, None),
      ("samen", "adviseren", True, ["netwerk", "vrijwilligers"], 160, None),
      ("repair", "raadplegen", False, ["tijd"], 250, 60)]),
    ("warmeburen", "Warme buren-team",
     "Elke bewoner van de Lijsterstraat heeft een buur die wekelijks even aanbelt.",
     False, "De trekkers beslissen; de partners worden op de hoogte gehouden.",
     True, "De trekkers doen het op hun manier.",
     [(200, "doorverwijzen"), (90, "actief_afstemmen")],
     [(200, "doorverwijzen")],
     [("comite", "coproduceren", True, ["vrijwilligers", "communicatie"], 200, None),
      ("koen", "coproduceren", True, ["tijd"], 150, None),
      ("huis", "adviseren", True, ["netwerk", "expertise"], 200, None),
      ("woonmij", "informeren", True, ["ruimte", "communicatie"], 30, None)]),
    ("buurtbus", "Werkgroep buurtbus",
     "Tegen de zomer een haalbaarheidsplan voor een nieuwe buurtbus.",
     False, "Nog zoekende; voorlopig beslist het buurtcomité.",
     True, "De werkgroep plant zelf haar bezoeken aan andere buurtbussen.",
     [(40, "passief_info_delen")],
     [(40, "passief_info_delen")],
     [("comite", "meebeslissen", True, ["tijd", "netwerk"], 40, None),
      ("spoel", "adviseren", True, ["expertise"], 40, None),
      ("chiro", "informeren", False, [], 20, None)]),
]  # fmt: skip

# Voorkeur: partner, team naam or None (general), niveau, middelen, bron, days ago, notitie
VOORKEUREN = [
    ("thuiszorg", None, "meebeslissen", ["expertise", "tijd", "netwerk"], "coordinator", 50,
     "Wil graag mee aan het stuur staan in de wijkzorg."),
    ("caw", "Kernteam wijkzorg", "informeren", ["expertise"], "partnerlink", 20,
     "Te weinig mensen om elke maand aan te schuiven."),
    ("okra", "Kernteam wijkzorg", "adviseren", ["netwerk", "vrijwilligers"], "partnerlink", 15,
     "Onze leden kennen de ouderen het best."),
    ("koen", "Warme buren-team", "meebeslissen", ["tijd", "communicatie"], "account", 10, ""),
    ("woonmij", None, "raadplegen", ["ruimte"], "coordinator", 25, ""),
    ("bakker", None, "informeren", ["materiaal"], "coordinator", 60, "Wil vooral brood geven."),
    ("femma", "Soepbarploeg", "meebeslissen", ["vrijwilligers", "materiaal", "tijd"],
     "partnerlink", 5, "Rita wil mee beslissen over het menu."),
    ("chiro", None, "coproduceren", ["vrijwilligers", "materiaal"], "partnerlink", 18, ""),
    ("samen", None, "coproduceren", ["netwerk", "vrijwilligers"], "coordinator", 100, ""),
    ("samen", None, "adviseren", ["netwerk"], "partnerlink", 30, "Minder tijd na de zomer."),
]  # fmt: skip

# van, naar, intensiteit, since (days ago), until (days ago or None), notitie
RELATIES = [
    ("huis", "kaai", "permanent_partnerschap", 700, None, ""),
    ("huis", "caw", "actief_afstemmen", 900, None, ""),
    ("kaai", "thuiszorg", "tijdelijk_partnerschap", 300, None, ""),
    ("spoel", "okra", "permanent_partnerschap", 1500, None, ""),
    ("school", "samen", "actief_afstemmen", 600, None, ""),
    ("bib", "samen", "tijdelijk_partnerschap", 400, None, ""),
    ("comite", "kwb", "passief_info_delen", 2000, None, ""),
    ("woonmij", "huis", "doorverwijzen", 1000, None, ""),
    ("wzc", "spoel", "lerende_gemeenschap", 250, None, "Samen een leernetwerk rond eenzaamheid."),
    ("femma", "repair", "passief_info_delen", 500, None, ""),
    ("chiro", "school", "doorverwijzen", 800, None, ""),
    ("apotheek", "kaai", "doorverwijzen", 1200, None, ""),
    ("moestuin", "parochie", "actief_afstemmen", 1500, None, ""),
    ("kwb", "spoel", "tijdelijk_partnerschap", 2500, 240, "Samen de buurtbus, tot de bus stopte."),
    ("fanfare", "comite", "tijdelijk_partnerschap", 400, 150, "Alleen voor het jubileumfeest."),
    ("caw", "woonmij", "actief_afstemmen", 700, 60, "Vaste contactpersoon vertrokken."),
    ("caw", "woonmij", "doorverwijzen", 60, None, ""),
    ("nadia", "peeters", "actief_afstemmen", 500, None, ""),
    ("sofie", "karim", "actief_afstemmen", 300, None, ""),
    ("lies", "fatima", "passief_info_delen", 200, None, ""),
]  # fmt: skip

# titel, days ago, partners, initiatief key or None, beschrijving
SUCCESSEN = [
    ("Alle zorgpartners voor het eerst samen aan tafel", 330, ["huis", "kaai", "thuiszorg"],
     None, "Huisartsen, thuiszorg en het Sociaal Huis spraken af elkaar maandelijks te zien."),
    ("Buurtfeest trok 350 bezoekers", 300, ["comite", "femma"], None,
     "Voor het eerst kwamen ook bewoners van de woonblokken mee feesten."),
    ("Tiende nieuwe gast op de soepbar", 250, ["spoel", "okra"], "soepbarplus",
     "Luc kwam mee met zijn buurvrouw en is nu elke week van de partij."),
    ("Taalcafé verhuist naar de bib en verdubbelt", 210, ["samen"], None,
     "Meer plaats, meer deelnemers, en de bib doet de bekendmaking."),
    ("Eerste oogst gedeeld met het woonzorgcentrum", 170, ["moestuin", "wzc"], "moestuin",
     "Bewoners van Ter Vlasbloem kookten met de tomaten uit de moestuin."),
    ("Tien buren tekenen in voor Warme buren", 140, ["comite", "koen"], "warmeburen",
     "Elke alleenwonende in de Lijsterstraat heeft nu een vaste buur."),
    ("Eén gedeelde lijst kwetsbare ouderen", 100, ["kaai", "thuiszorg", "huis"], "wijkzorg",
     "Niemand valt nog tussen de mazen omdat de ene dienst niet weet wat de andere doet."),
    ("Bakker schenkt elke week brood aan de soepbar", 65, ["bakker", "spoel"], "soepbarplus",
     ""),
    ("Lege benedenwoning wordt buurtlokaal", 30, ["woonmij", "huis"], "warmeburen",
     "De woonmaatschappij stelt een lege woning een jaar gratis ter beschikking."),
    ("Chiro helpt mee op de speelstraat", 8, ["chiro", "koen"], "buurtstraat", ""),
    ("Wijkzorgteam kent nu honderd ouderen bij naam", 2, ["kaai", "huis", "wzc"], "wijkzorg",
     ""),
]  # fmt: skip
