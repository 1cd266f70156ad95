"""Progress on the four steps of the method, as the dashboard shows it.

The computation lives in the initiatieven app (initiatieven/groei.py, grafiek.py and
beleid.py), so that the report (verslag) computes the same growth for its own period.
"""

from initiatieven.beleid import BELEID_OP_DASHBOARD, beleid_naast_groei
from initiatieven.groei import GROWTH_PERIODS, growth_over_time, months_before, step_overview

__all__ = [
    "BELEID_OP_DASHBOARD",
    "GROWTH_PERIODS",
    "beleid_naast_groei",
    "growth_over_time",
    "months_before",
    "step_overview",
]
