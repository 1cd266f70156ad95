import logging
import re

TOKEN_IN_PATH = re.compile(r"(/partner/)[A-Za-z0-9_\-]{16,}")


def redact(text):
    return TOKEN_IN_PATH.sub(r"\1[verborgen]", text)


class RedactPartnerTokens(logging.Filter):
    """Keep partner-link tokens out of request and access logs (they are passwords)."""

    def filter(self, record):
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
