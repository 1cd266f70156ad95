"""A calm signal when a buurt runs more initiatives than it has partners with fire.

The research observes that caring neighbourhoods do (too?) much at once; the rule here (at
least two running initiatives, and more of them than partners with vuur) is the app's own,
so the signal is a tip, never an alarm.
"""

from dataclasses import dataclass

from partners.models import Niveau, Partner

from .models import Initiatief

MIN_LOPEND = 2  # one initiative on its own is not "a lot at once"


@dataclass(frozen=True)
class VeelTegelijk:
    lopend: int
    met_vuur: int

    @property
    def signaal(self):
        return self.lopend >= MIN_LOPEND and self.lopend > self.met_vuur


def veel_tegelijk(buurt):
    """Running initiatives and partners with fire now: two counts, two queries."""
    lopend = Initiatief.objects.in_buurt(buurt).lopend().count()
    met_vuur = Partner.objects.in_buurt(buurt).count_per_enthousiasme()[Niveau.VUUR]
    return VeelTegelijk(lopend=lopend, met_vuur=met_vuur)
