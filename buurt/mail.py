"""E-mail the app sends: Dutch, plain text plus HTML, from templates, without tracking.

``templates/<name>.txt`` is the text, ``templates/<name>.html`` the same message as HTML
(extending ``emails/base.html``: no images, no remote resources, no tracking links).
A failed send is returned, not raised, so the caller can tell the coordinator and keep
what it made (an invitation, a link) for sending again.
"""

import logging
from smtplib import SMTPException

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def send(to, subject, name, context):
    """Send the message ``name`` to one address; True when the mail server took it."""
    text = render_to_string(f"{name}.txt", context)
    html = render_to_string(f"{name}.html", context)
    message = EmailMultiAlternatives(subject, text, None, [to])
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except (SMTPException, OSError) as error:
        # The address is personal data: the log names the message, not the person.
        logger.warning("Sending %s failed: %s", name, type(error).__name__)
        return False
    return True
