"""The issuer's Ed25519 signing key for Open Badges 3.0: created on first use, stored encrypted.

The private key is encrypted at rest with AES-256-GCM under a key derived from SECRET_KEY
(HKDF-SHA256, with this module's own ``info`` label, so the derived key is used for nothing
else); the key id is the associated data, so a ciphertext copied onto another row does not
decrypt. The public part (a JWK) is published in the site's DID document.

Concurrent first use: the partial unique index ``badges_one_active_key`` allows one active key
per issuer. Whoever loses the race catches the IntegrityError and reads the winner's key.
If SECRET_KEY changed, the old private key cannot be decrypted any more: that key is retired
(kept, still published, so credentials it signed still verify) and a new one is made.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import IntegrityError, transaction

from badges.models import Issuer, IssuerKey

logger = logging.getLogger(__name__)

ALGORITHM = "Ed25519"
_HKDF_INFO = b"praxis/badges/issuer-key-encryption/v1"
_FORMAT = "v1"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _wrapping_key() -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(
        settings.SECRET_KEY.encode("utf-8")
    )


def encrypt_private_key(raw: bytes, *, key_id: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_wrapping_key()).encrypt(nonce, raw, key_id.encode("utf-8"))
    return f"{_FORMAT}:{b64url(nonce + sealed)}"


def decrypt_private_key(stored: str, *, key_id: str) -> bytes:
    """Raises ``InvalidTag`` when SECRET_KEY changed or the value was tampered with."""
    version, _, payload = stored.partition(":")
    if version != _FORMAT:
        raise InvalidTag()
    blob = b64url_decode(payload)
    return AESGCM(_wrapping_key()).decrypt(blob[:12], blob[12:], key_id.encode("utf-8"))


def public_jwk(private_key: Ed25519PrivateKey) -> dict:
    raw = private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}


def jwk_thumbprint(jwk: dict) -> str:
    """RFC 7638 thumbprint: the key id, stable for the key and unique across keys."""
    canonical = json.dumps(
        {k: jwk[k] for k in ("crv", "kty", "x")}, separators=(",", ":"), sort_keys=True
    )
    return b64url(hashlib.sha256(canonical.encode("utf-8")).digest())


def _create(issuer: Issuer) -> IssuerKey:
    private_key = Ed25519PrivateKey.generate()
    jwk = public_jwk(private_key)
    key_id = jwk_thumbprint(jwk)
    raw = private_key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return IssuerKey.objects.create(
        issuer=issuer,
        key_id=key_id,
        algorithm=ALGORITHM,
        public_jwk=jwk,
        private_key_encrypted=encrypt_private_key(raw, key_id=key_id),
        is_active=True,
    )


def issuer_key_ensure(*, issuer: Issuer) -> IssuerKey:
    """The issuer's active signing key, created (once, even under races) if there is none."""
    key = IssuerKey.objects.filter(issuer=issuer, is_active=True).first()
    if key is not None:
        return key
    try:
        with transaction.atomic():
            return _create(issuer)
    except IntegrityError:
        # Another request created it between our read and our insert.
        return IssuerKey.objects.get(issuer=issuer, is_active=True)


def issuer_key_rotate(*, issuer: Issuer) -> IssuerKey:
    """Retire the active key (it stays published) and make a new one."""
    try:
        with transaction.atomic():
            IssuerKey.objects.filter(issuer=issuer, is_active=True).update(is_active=False)
            return _create(issuer)
    except IntegrityError:
        # A concurrent rotation made the new key first: use that one.
        return IssuerKey.objects.get(issuer=issuer, is_active=True)


def signing_key(*, issuer: Issuer) -> tuple[IssuerKey, Ed25519PrivateKey]:
    """The active key row and its decrypted private key, rotating if it cannot be decrypted."""
    key = issuer_key_ensure(issuer=issuer)
    try:
        raw = decrypt_private_key(key.private_key_encrypted, key_id=key.key_id)
    except (InvalidTag, ValueError):
        logger.warning("Issuer key %s cannot be decrypted (SECRET_KEY changed?): rotating", key)
        key = issuer_key_rotate(issuer=issuer)
        raw = decrypt_private_key(key.private_key_encrypted, key_id=key.key_id)
    return key, Ed25519PrivateKey.from_private_bytes(raw)
