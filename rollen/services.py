"""Writes on a buurt's people: roles, and invitations from sent to accepted.

Each takes the buurt's row lock first (``lock_buurt``), so two coordinators acting at once
are handled one after the other: the last coordinator cannot be demoted or removed by two
changes that each still saw another one, and one address gets one open invitation. The
acceptance locks the invitation row as well, so it is used once. Locks are always taken
buurt first, then invitation.
"""

import secrets
from datetime import timedelta

from auditlog.context import set_actor
from django.contrib.auth.models import BaseUserManager
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buurt.models import Rol
from buurt.services import lock_buurt
from buurt.tokens import hash_token

from .models import Uitnodiging

TOKEN_BYTES = 32
GELDIG_DAGEN = 7


class Geweigerd(Exception):  # noqa: N818 (a refusal, not a failure)
    """A write refused for a reason the person can act on; ``message`` says it in Dutch."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class Ongeldig(Exception):  # noqa: N818
    """The invitation is expired, revoked or used (or its link was replaced)."""


def _new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


def _verloopt_op():
    return timezone.now() + timedelta(days=GELDIG_DAGEN)


# --- Roles ------------------------------------------------------------------------------


def _keep_a_coordinator(buurt, rol):
    if rol.rol != Rol.Soort.COORDINATOR:
        return
    others = Rol.objects.filter(buurt=buurt, rol=Rol.Soort.COORDINATOR).exclude(pk=rol.pk)
    if not others.exists():
        raise Geweigerd(
            _(
                "Je bent de laatste coördinator van %(buurt)s. Maak eerst iemand anders "
                "coördinator; daarna kan je je eigen rol wijzigen of verwijderen."
            )
            % {"buurt": buurt.naam}
        )


@transaction.atomic
def change_rol(buurt, rol_pk, nieuwe_rol):
    """Give the role ``rol_pk`` of the buurt another kind; return (rol, changed)."""
    lock_buurt(buurt.pk)
    rol = Rol.objects.select_related("user").get(buurt=buurt, pk=rol_pk)
    if rol.rol == nieuwe_rol:
        return rol, False
    _keep_a_coordinator(buurt, rol)
    rol.rol = nieuwe_rol
    rol.save(update_fields=["rol"])
    return rol, True


@transaction.atomic
def remove_rol(buurt, rol_pk):
    """Take the role ``rol_pk`` away (the account stays); return the removed role."""
    lock_buurt(buurt.pk)
    rol = Rol.objects.select_related("user").get(buurt=buurt, pk=rol_pk)
    _keep_a_coordinator(buurt, rol)
    rol.delete()
    return rol


def check_change(buurt, rol, nieuwe_rol=None):
    """The refusal a change would meet now, to show it before anyone confirms; or None."""
    if nieuwe_rol == rol.rol:
        return None
    try:
        _keep_a_coordinator(buurt, rol)
    except Geweigerd as refusal:
        return refusal.message
    return None


# --- Invitations ------------------------------------------------------------------------


@transaction.atomic
def invite(buurt, email, rol, door):
    """A new invitation; return (uitnodiging, token). The token exists only here."""
    lock_buurt(buurt.pk)
    email = BaseUserManager.normalize_email(email)
    names = {"email": email, "buurt": buurt.naam}
    if Rol.objects.filter(buurt=buurt, user__email__iexact=email).exists():
        raise Geweigerd(_("%(email)s heeft al een rol in %(buurt)s.") % names)
    if Uitnodiging.objects.in_buurt(buurt).openstaand().filter(email__iexact=email).exists():
        raise Geweigerd(
            _(
                "Er staat al een uitnodiging open voor %(email)s. Verstuur ze opnieuw of "
                "trek ze in, hieronder bij de openstaande uitnodigingen."
            )
            % names
        )
    token = _new_token()
    uitnodiging = Uitnodiging.objects.create(
        buurt=buurt,
        email=email,
        rol=rol,
        token_hash=hash_token(token),
        aangemaakt_door=door,
        verloopt_op=_verloopt_op(),
    )
    return uitnodiging, token


@transaction.atomic
def renew(buurt, pk):
    """A new token and seven more days for an open invitation; the old link stops working.
    Return (uitnodiging, token)."""
    uitnodiging = Uitnodiging.objects.select_for_update().in_buurt(buurt).openstaand().get(pk=pk)
    token = _new_token()
    uitnodiging.token_hash = hash_token(token)
    uitnodiging.verloopt_op = _verloopt_op()
    uitnodiging.save(update_fields=["token_hash", "verloopt_op"])
    return uitnodiging, token


@transaction.atomic
def revoke(buurt, pk):
    uitnodiging = Uitnodiging.objects.select_for_update().in_buurt(buurt).get(pk=pk)
    if uitnodiging.is_open:
        uitnodiging.ingetrokken_op = timezone.now()
        uitnodiging.save(update_fields=["ingetrokken_op"])
    return uitnodiging


def record_sent(uitnodiging, sent):
    """Whether the mail server took the invitation: shown on the roles page."""
    fields = ["verzenden_mislukt"]
    uitnodiging.verzenden_mislukt = not sent
    if sent:
        uitnodiging.laatst_verzonden_op = timezone.now()
        fields.append("laatst_verzonden_op")
    uitnodiging.save(update_fields=fields)


# --- Accepting --------------------------------------------------------------------------


def _claim(pk, token_hash):
    """Lock the still valid invitation ``pk`` opened with ``token_hash``; raise Ongeldig.
    Must run inside a transaction."""
    buurt_id = Uitnodiging.objects.filter(pk=pk).values_list("buurt_id", flat=True).first()
    if buurt_id is None:
        raise Ongeldig
    lock_buurt(buurt_id)
    uitnodiging = (
        Uitnodiging.objects.select_for_update(of=("self",))
        .geldig()
        .select_related("buurt")
        .filter(pk=pk, token_hash=token_hash)
        .first()
    )
    if uitnodiging is None:
        raise Ongeldig
    return uitnodiging


def _accept(uitnodiging, user):
    Rol.objects.create(user=user, buurt=uitnodiging.buurt, rol=uitnodiging.rol)
    uitnodiging.aanvaard_op = timezone.now()
    uitnodiging.aanvaard_door = user
    uitnodiging.save(update_fields=["aanvaard_op", "aanvaard_door"])


def accept_with_new_account(pk, token_hash, form):
    """Create the account of ``form`` (an AccountForm) and its role, and use up the
    invitation, all or nothing; return (uitnodiging, user)."""
    with transaction.atomic():
        uitnodiging = _claim(pk, token_hash)
        user = form.save()
        # The newcomer made these changes, though the request was not logged in yet.
        with set_actor(user):
            _accept(uitnodiging, user)
    return uitnodiging, user


def accept_with_account(pk, token_hash, user):
    """Add the invitation's role to an existing account; return the invitation."""
    with transaction.atomic():
        uitnodiging = _claim(pk, token_hash)
        bestaand = Rol.objects.filter(buurt=uitnodiging.buurt, user=user).first()
        if bestaand is not None:
            raise Geweigerd(
                _(
                    "Je hebt al een rol in %(buurt)s (%(rol)s). Vraag een coördinator van de "
                    "buurt om je rol te wijzigen als dat nodig is."
                )
                % {"buurt": uitnodiging.buurt.naam, "rol": bestaand.get_rol_display()}
            )
        _accept(uitnodiging, user)
    return uitnodiging
