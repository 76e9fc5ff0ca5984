"""Open Badges 3.0: each award as an ``OpenBadgeCredential``, secured as a VC-JWT.

The JWT (OB 3.0 §8.2) is a compact JWS, ``alg: EdDSA`` over Ed25519, whose payload is the
credential itself plus the registered claims ``iss`` (the issuer's DID), ``jti`` (the
credential id), ``nbf`` (validFrom) and ``exp`` (validUntil, when the award expires). The
header's ``kid`` is ``did:web:<host>#<key id>``; the key is published in the DID document at
``/.well-known/did.json``. Signing uses ``cryptography`` directly; tests verify with PyJWT.
"""

from __future__ import annotations

import json
from urllib.parse import quote, urlsplit

from badges.models import BadgeAward

from . import selectors
from .documents import (
    alignment_objects,
    document_url,
    evidence_objects,
    issuer_document,
    timestamp,
)
from .keys import b64url, signing_key

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
    evidence = evidence_objects(award, base=base, list_types=True)
    if evidence:
        credential["evidence"] = evidence
    return credential


def _json_segment(value: dict) -> str:
    return b64url(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def credential_jwt(award: BadgeAward, *, base: str) -> str:
    """The credential as a compact VC-JWT signed with the issuer's active Ed25519 key."""
    credential = credential_document(award, base=base)
    key, private_key = signing_key(issuer=award.badge_class.issuer)
    did = credential["issuer"]["id"]
    header = {"alg": "EdDSA", "typ": "JWT", "kid": f"{did}#{key.key_id}"}
    claims = {
        **credential,
        "iss": did,
        "jti": credential["id"],
        "nbf": int(award.issued_on.timestamp()),
    }
    if award.expires_on is not None:
        claims["exp"] = int(award.expires_on.timestamp())
    signing_input = f"{_json_segment(header)}.{_json_segment(claims)}"
    signature = private_key.sign(signing_input.encode("ascii"))
    return f"{signing_input}.{b64url(signature)}"


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
