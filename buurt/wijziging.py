"""The timeline's record: django-auditlog's log entry, filed under a buurt (``buurt.tijdlijn``
reads and writes it)."""

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WijzigingManager(LogEntryManager):
    """Auditlog's manager, which also files each entry under its buurt and its partner."""

    @staticmethod
    def _context(instance, kwargs):
        from .tijdlijn import buurt_id_of, current_partner_actor

        kwargs.setdefault("buurt_id", buurt_id_of(instance))
        actor = current_partner_actor()
        if actor is not None:
            kwargs.setdefault("door_actor_id", actor.pk)
        return kwargs

    def log_create(self, instance, force_log=False, **kwargs):
        return super().log_create(instance, force_log, **self._context(instance, kwargs))

    def log_m2m_changes(self, changed_queryset, instance, operation, field_name, **kwargs):
        return super().log_m2m_changes(
            changed_queryset, instance, operation, field_name, **self._context(instance, kwargs)
        )


class WijzigingQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)


class Wijziging(AbstractLogEntry):
    """One recorded write (django-auditlog's log entry), filed under the buurt it belongs to.

    ``actor`` is the account that made it (coordinator, partner with an account, administrator);
    ``door_actor`` the partner who made it through their personal link, without an account.
    """

    # No database constraint: deleting a buurt logs the deletion of everything in it, after the
    # buurt row itself is gone. tijdlijn.forget_buurt removes its entries once that commits.
    buurt = models.ForeignKey(
        "buurt.Buurt",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="wijzigingen",
        verbose_name=_("buurt"),
    )
    door_actor = models.ForeignKey(
        "buurt.Actor",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door partner (via link)"),
    )

    # auditlog indexes these one by one; the timeline reads through the composite indexes
    # below instead, and every index costs each write.
    object_pk = models.CharField(max_length=255, verbose_name=_("object pk"))
    object_id = models.BigIntegerField(blank=True, null=True, verbose_name=_("object id"))
    action = models.PositiveSmallIntegerField(
        choices=AbstractLogEntry.Action.choices, verbose_name=_("action")
    )
    cid = models.CharField(max_length=255, blank=True, null=True, verbose_name=_("Correlation ID"))
    timestamp = models.DateTimeField(default=timezone.now, verbose_name=_("timestamp"))

    objects = WijzigingManager.from_queryset(WijzigingQuerySet)()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["buurt", "-id"], name="wijziging_buurt"),
            models.Index(fields=["buurt", "timestamp"], name="wijziging_buurt_moment"),
            models.Index(fields=["buurt", "content_type", "-id"], name="wijziging_buurt_soort"),
            models.Index(fields=["buurt", "actor", "-id"], name="wijziging_buurt_door"),
            models.Index(fields=["buurt", "door_actor", "-id"], name="wijziging_buurt_partner"),
            models.Index(fields=["content_type", "object_id", "-id"], name="wijziging_object"),
        ]
