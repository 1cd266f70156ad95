"""Failure counters per client address, behind the login and partner-link limits.

The count lives in the cache (the database by default), so it holds across app servers.
Addresses are hashed before they become cache keys.
"""

from django.conf import settings
from django.core.cache import cache

from .tokens import hash_token


def client_ip(request):
    """REMOTE_ADDR, or the address the trusted proxies saw (NUM_PROXIES hops from the right)."""
    hops = settings.NUM_PROXIES
    if hops:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


class FailureLimit:
    """At most `failures` failed attempts per client address within `window` seconds."""

    def __init__(self, name, failures, window):
        self.name = name
        self.failures = failures
        self.window = window

    def _key(self, request):
        return f"{self.name}:{hash_token(client_ip(request))}"

    def is_blocked(self, request):
        return (cache.get(self._key(request)) or 0) >= self.failures

    def record_failure(self, request):
        key = self._key(request)
        # add() only sets a missing key, so the window runs from the first failure.
        if not cache.add(key, 1, self.window):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, self.window)
