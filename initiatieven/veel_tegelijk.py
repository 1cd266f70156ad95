"""A calm signal when a buurt runs more initiatives than it has partners with fire.

The research observes that caring neighbourhoods do (too?) much at once; the rule here (at
least two running initiatives, and more of them than partners with vuur) is the app's own,
so the signal is a tip, never an alarm.
"""

from dataclasses import dataclass

from buurt import tellingen
from partners.models import Niveau

MIN_LOPEND = 2  # one initiative on its own is not "a lot at once"


@dataclass(frozen=True)
class VeelTegelijk:
    lopend: int
    met_vuur: int

    @property
    def signaal(self):
        return self.lopend >= MIN_LOPEND and self.lopend > self.met_vuur


def veel_tegelijk(buurt):
    """Running initiatives and partners with fire now: two counts kept at write time
    (buurt.tellingen), one query."""
    vuur = f"niveau:{Niveau.VUUR}"
    counts = tellingen.sommen_tot(buurt, ["initiatieven_lopend", vuur], [tellingen.ZONDER_DAG])
    return VeelTegelijk(lopend=counts["initiatieven_lopend"][0], met_vuur=counts[vuur][0])
