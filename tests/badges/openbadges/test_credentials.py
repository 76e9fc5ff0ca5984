"""Open Badges 3.0: the VC-JWT verifies with independent libraries against the served
did:web document (PyJWT for the JWT rules, PyNaCl/libsodium for the Ed25519 signature);
a tampered credential does not."""

from __future__ import annotations

import base64
import datetime as dt
import json

import jwt
import nacl.exceptions
import nacl.signing
import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

DID = "did:web:testserver"


def b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def fetch_token(client, award, **extra) -> str:
    response = client.get(
        reverse("openbadges:credential", kwargs={"entity_id": award.entity_id}), **extra
    )
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/vc+jwt"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.content.decode()


def resolve_key(client, kid: str) -> dict:
    """did:web resolution, done by hand: did:web:testserver → /.well-known/did.json."""
    did, _, _fragment = kid.partition("#")
    assert did == DID
    response = client.get("/.well-known/did.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["id"] == DID
    assert kid in document["assertionMethod"]
    (method,) = [m for m in document["verificationMethod"] if m["id"] == kid]
    assert method["controller"] == DID
    assert "d" not in method["publicKeyJwk"]
    return method["publicKeyJwk"]


def verify_with_pyjwt(token: str, jwk: dict) -> dict:
    key = jwt.PyJWK(jwk, algorithm="EdDSA")
    return jwt.decode(
        token, key=key, algorithms=["EdDSA"], issuer=DID, options={"require": ["iss", "nbf"]}
    )


def verify_with_nacl(token: str, jwk: dict) -> None:
    header, payload, signature = token.split(".")
    key = nacl.signing.VerifyKey(b64decode(jwk["x"]))
    key.verify(f"{header}.{payload}".encode(), b64decode(signature))


def test_credential_verifies_with_independent_libraries(client, make_award):
    expires = timezone.now() + dt.timedelta(days=365)
    award = make_award(expires_on=expires, evidence_note="Six cycles.", evidence_public=True)
    token = fetch_token(client, award)
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA"
    assert header["typ"] == "JWT"
    jwk = resolve_key(client, header["kid"])

    claims = verify_with_pyjwt(token, jwk)
    verify_with_nacl(token, jwk)

    own = f"http://testserver/ob/credentials/{award.entity_id}"
    badge = f"http://testserver/ob/badges/{award.badge_class.entity_id}"
    assert claims["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["id"] == claims["jti"] == own
    assert claims["iss"] == claims["issuer"]["id"] == DID
    assert claims["issuer"]["type"] == ["Profile"]
    assert claims["issuer"]["name"] == award.badge_class.issuer.name
    assert claims["nbf"] == int(award.issued_on.timestamp())
    assert claims["exp"] == int(expires.timestamp())
    assert claims["validFrom"] == award.issued_on.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert claims["validUntil"] == expires.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    subject = claims["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityHash": award.recipient_hash,
            "identityType": "emailAddress",
            "hashed": True,
            "salt": award.recipient_salt,
        }
    ]
    achievement = subject["achievement"]
    assert achievement["id"] == badge
    assert achievement["type"] == ["Achievement"]
    assert achievement["name"] == award.badge_class.name
    assert achievement["criteria"] == {
        "id": badge + "#criteria",
        "narrative": award.badge_class.criteria_narrative,
    }
    assert achievement["image"] == {"id": badge + "/image", "type": "Image"}
    assert achievement["alignment"][0]["type"] == ["Alignment"]
    assert claims["evidence"] == [
        {
            "type": ["Evidence"],
            "id": f"http://testserver/badges/awards/{award.entity_id}/",
            "narrative": "Six cycles.",
        }
    ]
    assert award.recipient.email not in json.dumps(claims)


def test_no_evidence_or_expiry_unless_set(client, make_award):
    award = make_award(evidence_note="Private notes.", evidence_public=False)
    token = fetch_token(client, award)
    claims = verify_with_pyjwt(token, resolve_key(client, jwt.get_unverified_header(token)["kid"]))
    assert "evidence" not in claims
    assert "validUntil" not in claims and "exp" not in claims
    assert "Private notes" not in b64decode(token.split(".")[1]).decode()


def test_tampered_credential_fails(client, make_award):
    award = make_award()
    token = fetch_token(client, award)
    jwk = resolve_key(client, jwt.get_unverified_header(token)["kid"])
    header, payload, signature = token.split(".")

    # One byte of the payload changed (the badge name), the signature kept.
    raw = bytearray(b64decode(payload))
    position = raw.index(b"Certified Coach")
    raw[position] = ord("X")
    forged_payload = f"{header}.{b64encode(bytes(raw))}.{signature}"
    # One byte of the signature changed.
    sig = bytearray(b64decode(signature))
    sig[0] ^= 0x01
    forged_signature = f"{header}.{payload}.{b64encode(bytes(sig))}"
    # Signed by someone else's key, claiming ours.
    other = nacl.signing.SigningKey.generate()
    other_sig = other.sign(f"{header}.{payload}".encode()).signature
    forged_key = f"{header}.{payload}.{b64encode(other_sig)}"

    for forged in (forged_payload, forged_signature, forged_key):
        with pytest.raises(jwt.InvalidSignatureError):
            verify_with_pyjwt(forged, jwk)
        with pytest.raises(nacl.exceptions.BadSignatureError):
            verify_with_nacl(forged, jwk)
    verify_with_pyjwt(token, jwk)  # the original still verifies


def test_credential_for_expired_award_fails_verification(client, make_award):
    award = make_award(expires_on=timezone.now() - dt.timedelta(minutes=5))
    token = fetch_token(client, award)
    with pytest.raises(jwt.ExpiredSignatureError):
        verify_with_pyjwt(token, resolve_key(client, jwt.get_unverified_header(token)["kid"]))


def test_did_web_is_the_public_address_and_encodes_the_port(client, make_award):
    award = make_award()
    with override_settings(SITE_URL="http://127.0.0.1:8101"):
        token = fetch_token(client, award, HTTP_HOST="localhost")
        did_doc = json.loads(client.get("/.well-known/did.json", HTTP_HOST="localhost").content)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["iss"] == "did:web:127.0.0.1%3A8101"
    assert claims["id"] == f"http://127.0.0.1:8101/ob/credentials/{award.entity_id}"
    assert claims["credentialSubject"]["achievement"]["id"].startswith("http://127.0.0.1:8101/")
    assert claims["credentialStatus"]["statusListCredential"].startswith("http://127.0.0.1:8101/")
    assert did_doc["id"] == "did:web:127.0.0.1%3A8101"
    assert jwt.get_unverified_header(token)["kid"] in did_doc["assertionMethod"]


def test_one_key_per_issuer_signs_every_credential(client, make_award):
    first, second = make_award(), make_award()
    kid_1 = jwt.get_unverified_header(fetch_token(client, first))["kid"]
    kid_2 = jwt.get_unverified_header(fetch_token(client, second))["kid"]
    assert kid_1 == kid_2
    document = json.loads(client.get("/.well-known/did.json").content)
    assert len(document["verificationMethod"]) == 1
    assert document["verificationMethod"][0]["type"] == "JsonWebKey2020"


def test_credential_query_count(client, make_award, make_badge_class, django_assert_num_queries):
    fetch_token(client, make_award())  # the key exists from now on
    for alignments in (1, 4):
        award = make_award(badge_class=make_badge_class(alignments=alignments))
        with django_assert_num_queries(3):  # award + alignments + active key
            fetch_token(client, award)


def test_did_document_query_count(client, make_award, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get("/.well-known/did.json").status_code == 200
    fetch_token(client, make_award())
    with django_assert_num_queries(1):
        assert client.get("/.well-known/did.json").status_code == 200
