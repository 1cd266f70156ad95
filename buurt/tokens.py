import hashlib


def hash_token(token):
    """What is stored of a secret token (a link, an address): its SHA-256, never the token."""
    return hashlib.sha256(token.encode()).hexdigest()
