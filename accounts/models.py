from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils.translation import gettext_lazy as _


class Session(AbstractBaseSession):
    """Django's database session, plus the account it is logged in to.

    "Afmelden op alle toestellen" deletes one user's sessions through the indexed
    ``account_id`` instead of decoding every session in the table. Anonymous sessions
    (a partner link, a login form) have none.
    """

    account_id = models.BigIntegerField(null=True, db_index=True)

    class Meta(AbstractBaseSession.Meta):
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")

    @classmethod
    def get_session_store_class(cls):
        from .sessions import SessionStore

        return SessionStore
