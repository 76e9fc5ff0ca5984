"""The earner's identity in a badge: a salted SHA-256 hash of the email, never the email.

Open Badges 2.0 ``IdentityObject`` (and the 3.0 ``IdentityObject`` in a credential) carry
``sha256$`` + hex(sha256(email + salt)). A verifier who knows the email recomputes it; nobody
else can read it back. The email is trimmed and lower-cased first, as backpacks do, so
``Maya@School.org`` and ``maya@school.org`` hash alike.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

HASH_PREFIX = "sha256$"


def normalize_email(email: str) -> str:
    return email.strip().lower()


def new_salt() -> str:
    """A fresh random salt for one award (32 hex characters)."""
    return secrets.token_hex(16)


def recipient_identity(email: str, salt: str) -> str:
    """``sha256$<hex>`` of the normalised email followed by the salt."""
    digest = hashlib.sha256((normalize_email(email) + salt).encode("utf-8")).hexdigest()
    return HASH_PREFIX + digest


def identity_matches(email: str, salt: str, identity: str) -> bool:
    """Whether ``identity`` is this email's hash with this salt (constant-time compare)."""
    return hmac.compare_digest(recipient_identity(email, salt), identity)
