"""Two-factor helpers for the tests: a user's devices, and the codes their app would show."""

import re
import time
from base64 import b32decode

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "geheim-wachtwoord"  # tests/factories.py's default


def give_device(user, codes=("herstel01", "herstel02")):
    """A confirmed app and recovery codes, as if the user had set them up."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="Herstelcodes", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=static, token=code)
    return device


def app_code(device):
    """The next code the app shows that the device still accepts (each step works once)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    # Within the device's tolerance of one step either side of now.
    step = max(totp.t(), device.last_t + 1)
    totp.time = device.t0 + (step - device.drift) * device.step
    return f"{totp.token():06d}"


def code_for_secret(secret_text):
    """What an app shows for the secret a setup page displays (base32, in groups)."""
    key = b32decode("".join(secret_text.split()))
    return f"{TOTP(key).token():06d}"


def secret_on(page):
    return re.search(r'<code class="otp-secret">([A-Z2-7 ]+)</code>', page).group(1)


def log_in(user, client=None, password=PASSWORD, next_url=None):
    """Log in with the password only, as the login form does."""
    client = client or Client()
    data = {"username": user.get_username(), "password": password}
    url = reverse("login") + (f"?next={next_url}" if next_url else "")
    if next_url:
        data["next"] = next_url
    response = client.post(url, data)
    return client, response


def give_code(client, code, next_url=""):
    return client.post(reverse("accounts:otp_verify"), {"code": code, "next": next_url})
