"""The session engine (``SESSION_ENGINE = "accounts.sessions"``): Django's database
sessions, stored in ``accounts.Session`` with the account id beside the data."""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DBStore


class SessionStore(DBStore):
    @classmethod
    def get_model_class(cls):
        from .models import Session

        return Session

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        try:
            session.account_id = int(data.get(SESSION_KEY))
        except (TypeError, ValueError):
            session.account_id = None
        return session


def end_all_sessions(user):
    """Log `user` out everywhere: every browser, this one included."""
    SessionStore.get_model_class().objects.filter(account_id=user.pk).delete()
