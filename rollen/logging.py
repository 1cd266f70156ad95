import logging
import re

TOKEN_IN_PATH = re.compile(r"(/uitnodiging/)[A-Za-z0-9_\-]{16,}")


def redact(text):
    return TOKEN_IN_PATH.sub(r"\1[verborgen]", text)


class RedactInvitationTokens(logging.Filter):
    """Keep invitation tokens out of request and access logs (they open an account)."""

    def filter(self, record):
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
