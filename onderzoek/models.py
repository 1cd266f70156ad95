"""Stored pseudonyms: each actor's pseudonym under one export key, computed once.

An export reads them by a join, so it costs no hashing per row, and deleting an actor (an
erasure) deletes their pseudonyms with them. Never exported, never in the timeline: the
table links a research pseudonym to an actor, which is what the pseudonym is there to hide.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor


class Pseudoniem(models.Model):
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="pseudoniemen", verbose_name=_("actor")
    )
    # The key's public fingerprint (as in the codebook), never the key: a new key gives a
    # new fingerprint and new rows; the old rows can be pruned.
    sleutel = models.CharField(_("sleutel (vingerafdruk)"), max_length=12)
    waarde = models.CharField(_("pseudoniem"), max_length=20)

    class Meta:
        verbose_name = _("pseudoniem")
        verbose_name_plural = _("pseudoniemen")
        constraints = [
            # Also the index an export joins on: (fingerprint, actor).
            models.UniqueConstraint(fields=["sleutel", "actor"], name="pseudoniem_uniek"),
        ]

    def __str__(self):
        return f"{self.sleutel}:{self.actor_id}"
