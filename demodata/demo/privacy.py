"""The legal basis of the demo's natural persons: residents gave their consent when the
coordinator met them, professionals are recorded as contacts of their organisation. The
resident met last has none yet, so step 1 shows what that looks like."""

from buurt.models import Actor
from buurt.privacy import Grondslag, ToestemmingHoe

from .data import ACTOREN

SOORT = {key: soort for key, _naam, soort, *_rest in ACTOREN}


def schedule_grondslagen(story, day, coordinator, actoren, known):
    """``known`` holds the day each actor got known (days ago); ``actoren`` fills as they do."""
    personen = [key for key in known if SOORT[key] in Actor.NATUURLIJKE_PERSONEN]
    bewoners = sorted((k for k in personen if SOORT[k] == Actor.Soort.BEWONER), key=known.get)
    zonder = bewoners[0] if bewoners else None  # the most recently met
    for key in personen:
        if key == zonder:
            continue

        def record(key=key):
            actor = actoren[key]
            if actor.soort == Actor.Soort.BEWONER:
                actor.grondslag = Grondslag.TOESTEMMING
                actor.toestemming_op = day(known[key])
                actor.toestemming_hoe = ToestemmingHoe.MONDELING
                actor.toestemming_door = coordinator
            else:
                actor.grondslag = Grondslag.GERECHTVAARDIGD_BELANG
                actor.grondslag_toelichting = "Contactpersoon van een partnerorganisatie."
            actor.save()

        story.at(known[key], record, door=coordinator)
