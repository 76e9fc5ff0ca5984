"""Open Badges 3.0: each award as an ``OpenBadgeCredential``, secured as a VC-JWT.

The JWT (OB 3.0 §8.2) is a compact JWS, ``alg: EdDSA`` over Ed25519, whose payload is the
credential itself plus the registered claims ``iss`` (the issuer's DID), ``jti`` (the
credential id), ``nbf`` (validFrom) and ``exp`` (validUntil, when the award expires). The
header's ``kid`` is ``did:web:<host>#<key id>``; the key is published in the DID document at
``/.well-known/did.json``. PyJWT makes and checks the JWS (EdDSA over the ``cryptography``
Ed25519 key); nothing here encodes a signature by hand.

Each credential carries ``credentialStatus``: its bit in the site's revocation list (W3C
Bitstring Status List, ``status.py``), itself a VC-JWT signed the same way, so a verifier
learns of a revocation from the credential.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import jwt
from django.utils import timezone

from badges.models import BadgeAward, Issuer

from . import selectors, status
from .documents import (
    alignment_objects,
    document_url,
    evidence_objects,
    issuer_document,
    timestamp,
)
from .keys import signing_key

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
JWT_CONTENT_TYPE = "application/vc+jwt"
DID_CONTEXT = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"]


def site_did(base: str) -> str:
    """``did:web`` for the site's origin; a port is percent-encoded (``%3A``) per did:web."""
    host = urlsplit(base).netloc
    return "did:web:" + quote(host, safe="")


def credential_document(award: BadgeAward, *, base: str) -> dict:
    """The unsigned OpenBadgeCredential. Needs award.badge_class.issuer and its alignments."""
    badge_class = award.badge_class
    issuer = badge_class.issuer
    badge_url = document_url("badge-class", badge_class.entity_id, base=base)
    profile = issuer_document(issuer, base=base)
    issuer_profile = {
        "id": site_did(base),
        "type": ["Profile"],
        "name": issuer.name,
        "url": issuer.url,
        "email": issuer.email,
    }
    if issuer.description:
        issuer_profile["description"] = issuer.description
    if "image" in profile:
        issuer_profile["image"] = {"id": profile["image"], "type": "Image"}
    achievement = {
        "id": badge_url,
        "type": ["Achievement"],
        "name": badge_class.name,
        "description": badge_class.description,
        "criteria": {"id": badge_url + "#criteria", "narrative": badge_class.criteria_narrative},
        "image": {
            "id": document_url("badge-class-image", badge_class.entity_id, base=base),
            "type": "Image",
        },
    }
    alignments = [
        {"type": ["Alignment"], **alignment} for alignment in alignment_objects(badge_class)
    ]
    if alignments:
        achievement["alignment"] = alignments
    credential = {
        "@context": [VC_CONTEXT, OB3_CONTEXT],
        "id": document_url("credential", award.entity_id, base=base),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": badge_class.name,
        "issuer": issuer_profile,
        "validFrom": timestamp(award.issued_on),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": award.recipient_hash,
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": award.recipient_salt,
                }
            ],
            "achievement": achievement,
        },
    }
    if award.expires_on is not None:
        credential["validUntil"] = timestamp(award.expires_on)
    credential_status = status.status_entry(award, base=base)
    if credential_status is not None:
        credential["credentialStatus"] = credential_status
    evidence = evidence_objects(award, base=base, list_types=True)
    if evidence:
        credential["evidence"] = evidence
    return credential


ALGORITHM = "EdDSA"


def _sign(claims: dict, *, issuer: Issuer, did: str) -> str:
    """A compact JWS over ``claims`` with the issuer's active key, ``kid`` = DID URL."""
    key, private_key = signing_key(issuer=issuer)
    headers = {"typ": "JWT", "kid": f"{did}#{key.key_id}"}
    return jwt.encode(claims, private_key, algorithm=ALGORITHM, headers=headers)


def credential_jwt(award: BadgeAward, *, base: str) -> str:
    """The credential as a compact VC-JWT signed with the issuer's active Ed25519 key."""
    credential = credential_document(award, base=base)
    did = credential["issuer"]["id"]
    claims = {
        **credential,
        "iss": did,
        "jti": credential["id"],
        "nbf": int(award.issued_on.timestamp()),
    }
    if award.expires_on is not None:
        claims["exp"] = int(award.expires_on.timestamp())
    return _sign(claims, issuer=award.badge_class.issuer, did=did)


def status_list_jwt(number: int, *, base: str) -> str | None:
    """Revocation list ``number`` as a signed ``BitstringStatusListCredential`` (VC-JWT), or
    None when there is no such list (or no issuer to sign it). Every issuer here is the
    site's one DID, so the oldest issuer's key signs the site's lists."""
    issuer = selectors.status_list_signer()
    if issuer is None or not status.list_exists(number):
        return None
    did = site_did(base)
    now = timezone.now().replace(microsecond=0)
    document = status.status_list_document(number, base=base, issuer_did=did, valid_from=now)
    seconds = int(now.timestamp())
    claims = {**document, "iss": did, "jti": document["id"], "iat": seconds, "nbf": seconds}
    return _sign(claims, issuer=issuer, did=did)


class InvalidCredential(Exception):
    """The token is not a VC-JWT signed by one of this site's published keys."""


def jwt_verify(token: str, *, base: str) -> dict:
    """Check a VC-JWT as a verifier would, with PyJWT: the ``kid`` names a key in the site's
    DID document, the EdDSA signature holds and ``nbf``/``exp`` are in force. Returns the
    claims; raises ``InvalidCredential`` (or PyJWT's ``ExpiredSignatureError``)."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.InvalidTokenError as exc:
        raise InvalidCredential(str(exc)) from exc
    did = site_did(base)
    kid = header.get("kid", "")
    if header.get("alg") != ALGORITHM or not kid.startswith(did + "#"):
        raise InvalidCredential("Not signed by this site's DID.")
    key_id = kid.split("#", 1)[1]
    published = {key.key_id: key for key in selectors.issuer_keys_published()}
    if key_id not in published:
        raise InvalidCredential("Unknown key.")
    public_key = jwt.PyJWK({**published[key_id].public_jwk, "alg": ALGORITHM}).key
    try:
        return jwt.decode(
            token,
            public_key,
            algorithms=[ALGORITHM],
            issuer=did,
            options={"require": ["iss", "jti"], "verify_aud": False},
        )
    except jwt.ExpiredSignatureError:
        raise
    except jwt.InvalidTokenError as exc:
        raise InvalidCredential(str(exc)) from exc


def did_document(*, base: str) -> dict:
    """The site's did:web document: every issuer key, active or retired, for verification."""
    did = site_did(base)
    methods = []
    for key in selectors.issuer_keys_published():
        methods.append(
            {
                "id": f"{did}#{key.key_id}",
                "type": "JsonWebKey2020",
                "controller": did,
                "publicKeyJwk": {**key.public_jwk, "kid": key.key_id},
            }
        )
    return {
        "@context": DID_CONTEXT,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }
