"""Two-factor sign-in with django-otp: an authenticator app (TOTP) and recovery codes.

A user has two-factor sign-in on when they have a confirmed device: the app's TOTP device
and, made with it, a static device holding single-use recovery codes. A code is checked
against the device its shape names (six digits: the app; anything else: a recovery code),
so a mistyped app code never throttles the recovery codes. django-otp throttles each
device after failures; the views add a limit per client address (``code_limit``).
"""

import re
from base64 import b32encode
from binascii import unhexlify

import segno
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from buurt.models import Rol
from buurt.ratelimit import FailureLimit

RECOVERY_CODES = 10
APP_NAME = "Authenticator-app"
CODES_NAME = "Herstelcodes"
code_limit = FailureLimit("tweestaps-mislukt", 10, 15 * 60)

_APP_CODE = re.compile(r"[0-9]{6}")


def state(user):
    """(has a confirmed device, has a role in a buurt that requires one), in one query."""
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
            codes=Exists(StaticDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
            required=Exists(
                Rol.objects.filter(user=OuterRef("pk"), buurt__tweestapsverificatie_verplicht=True)
            ),
        )
        .values_list("app", "codes", "required")
        .first()
    )
    if row is None:
        return False, False
    app, codes, required = row
    return app or codes, required


def required_in(user):
    """The buurten where `user` has a role and two-factor sign-in is required."""
    return [
        rol.buurt
        for rol in Rol.objects.filter(
            user=user, buurt__tweestapsverificatie_verplicht=True
        ).select_related("buurt")
    ]


def app_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def remaining_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# Setting up: the secret waits in the (server-side) session until a code from the app
# proves the app has it; only then is a device stored.


def new_secret():
    return random_hex(20)


def secret_text(secret):
    """The secret as people type it into an app: base32, in groups of four."""
    text = b32encode(unhexlify(secret)).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_data_uri(user, secret):
    """The app's configuration as a QR code: an SVG data URI (CSP allows data: images)."""
    url = TOTPDevice(user=user, key=secret, name=APP_NAME).config_url
    return segno.make(url, error="m").svg_data_uri(scale=5, border=2, dark="#1d2a2f")


def check_new_secret(secret, code):
    """The TOTP that accepted `code` for `secret` (one step of clock drift allowed), or None."""
    code = "".join(code.split())
    if not _APP_CODE.fullmatch(code):
        return None
    totp = TOTP(unhexlify(secret))
    return totp if totp.verify(int(code), tolerance=1) else None


@transaction.atomic
def switch_on(user, secret, totp):
    """Replace any devices of `user` by a confirmed app and fresh recovery codes.

    Returns (the app's device, the recovery codes). The user's row is locked first, so two
    confirmations at once leave one app, not two.
    """
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    _delete_devices(user)
    device = TOTPDevice.objects.create(
        user=user,
        name=APP_NAME,
        key=secret,
        confirmed=True,
        last_t=totp.t(),  # the confirming code cannot be used again to log in
        drift=totp.drift,
    )
    return device, _new_codes(user)


@transaction.atomic
def new_recovery_codes(user):
    """Fresh recovery codes for a user with the app on; the old ones stop working."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    StaticDevice.objects.filter(user=user).delete()
    return _new_codes(user)


def _new_codes(user):
    device = StaticDevice.objects.create(user=user, name=CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def switch_off(user):
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    _delete_devices(user)


def _delete_devices(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


class Check:
    """The outcome of checking a code: the device that accepted it, or why none did."""

    def __init__(self, device=None, throttled=False):
        self.device = device
        self.throttled = throttled


def check_code(user, code):
    """Check an app code or a recovery code against the user's devices of that kind.

    A recovery code that works is used up (django-otp deletes it); an app code works once.
    """
    code = "".join(code.split()).lower()
    model = TOTPDevice if _APP_CODE.fullmatch(code) else StaticDevice
    if not code or len(code) > 16:
        return Check()
    throttled = False
    with transaction.atomic():
        devices = model.objects.devices_for_user(user, confirmed=True).select_for_update()
        for device in devices:
            allowed, _extra = device.verify_is_allowed()
            if not allowed:
                throttled = True
            elif device.verify_token(code):
                return Check(device)
    return Check(throttled=throttled)


def verified(request, device):
    """Mark this session as verified by `device`, under a new session key."""
    request.session.cycle_key()
    otp_login(request, device)


def forget_verification(request):
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
