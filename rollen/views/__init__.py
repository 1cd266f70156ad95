"""The buurt's people for coordinators (``mensen``), and accepting an invitation
(``uitnodiging``)."""

from .mensen import (
    mensen,
    rol_verwijderen,
    rol_wijzigen,
    uitnodigen,
    uitnodiging_intrekken,
    uitnodiging_opnieuw,
)
from .uitnodiging import uitnodiging, uitnodiging_entry

__all__ = [
    "mensen",
    "rol_verwijderen",
    "rol_wijzigen",
    "uitnodigen",
    "uitnodiging",
    "uitnodiging_entry",
    "uitnodiging_intrekken",
    "uitnodiging_opnieuw",
]
