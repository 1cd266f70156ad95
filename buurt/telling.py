"""Per-buurt daily counts that the dashboard, step 1 and the report sum, kept at write time.

See ``buurt/tellingen.py`` for what is counted and how the rows stay right.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Telling(models.Model):
    """How much ``sleutel`` changed in ``buurt`` on ``dag``: +1 for a row that counts from
    that day, -1 for one that stops counting. A sum over a stretch of days is the growth in
    that period, a sum up to a day the count on that day; the cost is the number of days,
    never the number of rows counted. States without a date (a partner's current level)
    are kept on one fixed day, ``tellingen.ZONDER_DAG``."""

    # No database constraint: a buurt's rows are removed after the buurt itself (see
    # ``tellingen.vergeet_buurt``), since deleting its rows still writes counts on the way.
    buurt = models.ForeignKey(
        "buurt.Buurt",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("buurt"),
    )
    sleutel = models.CharField(_("sleutel"), max_length=60)
    dag = models.DateField(_("dag"))
    aantal = models.IntegerField(_("aantal"))

    class Meta:
        verbose_name = _("telling")
        verbose_name_plural = _("tellingen")
        constraints = [
            models.UniqueConstraint(
                fields=["buurt", "sleutel", "dag"], name="telling_uniek_per_buurt_sleutel_dag"
            )
        ]
        # The largest counts of a day first: who brought in the most others.
        indexes = [
            models.Index(fields=["buurt", "dag", "-aantal", "sleutel"], name="telling_grootste")
        ]

    def __str__(self):
        return f"{self.sleutel} {self.dag}: {self.aantal:+d}"
