"""Open Badges 3.0 revocation in the credential (W3C Bitstring Status List v1.0), the
issuer's key from its creation, and the VC-JWT made and checked with PyJWT."""

from __future__ import annotations

import base64
import gzip
import json

import jwt
import pytest
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse

from badges import services
from badges.apps import _issuer_keys_after_migrate
from badges.models import BadgeAward, IssuerKey
from badges.openbadges import credentials, status

from .test_credentials import DID, fetch_token, resolve_key, verify_with_pyjwt

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def fetch_status_list(client, url: str) -> tuple[dict, bytes]:
    """What a verifier does: fetch the list credential, check its signature against the
    did:web key, decode the multibase GZIP bitstring."""
    assert url.startswith(BASE)
    response = client.get(url.removeprefix(BASE))
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/vc+jwt"
    token = response.content.decode()
    claims = verify_with_pyjwt(token, resolve_key(client, jwt.get_unverified_header(token)["kid"]))
    encoded = claims["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")  # multibase base64url, no padding
    payload = encoded[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return claims, bits


def bit(bits: bytes, index: int) -> int:
    return (bits[index // 8] >> (7 - index % 8)) & 1


def test_credential_carries_its_status_list_entry(client, make_award):
    award = make_award()
    claims = verify_with_pyjwt(
        token := fetch_token(client, award),
        resolve_key(client, jwt.get_unverified_header(token)["kid"]),
    )
    entry = claims["credentialStatus"]
    number, position = divmod(award.status_index, status.LIST_SIZE)
    list_url = f"{BASE}/ob/status/revocation/{number}"
    assert entry == {
        "id": f"{list_url}#{position}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(position),
        "statusListCredential": list_url,
    }


def test_revocation_sets_the_bit_in_the_signed_status_list(client, make_award, make_user):
    award, other = make_award(), make_award()
    entry = verify_with_pyjwt(
        token := fetch_token(client, award),
        resolve_key(client, jwt.get_unverified_header(token)["kid"]),
    )["credentialStatus"]
    position = int(entry["statusListIndex"])
    other_position = other.status_index % status.LIST_SIZE

    claims, bits = fetch_status_list(client, entry["statusListCredential"])
    assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert claims["iss"] == claims["issuer"] == DID
    assert claims["id"] == entry["statusListCredential"]
    assert claims["credentialSubject"]["type"] == "BitstringStatusList"
    assert claims["credentialSubject"]["statusPurpose"] == "revocation"
    assert len(bits) * 8 >= 131_072  # the spec's minimum, for herd privacy
    assert bit(bits, position) == 0 and bit(bits, other_position) == 0

    staff = make_user("registrar", is_staff=True)
    services.badge_revoke(award=award, by=staff, reason="Issued in error.")

    _claims, bits = fetch_status_list(client, entry["statusListCredential"])
    assert bit(bits, position) == 1
    assert bit(bits, other_position) == 0
    assert sum(bin(byte).count("1") for byte in bits) == 1

    # The revoked credential still answers as a credential endpoint: the signed VC-JWT, whose
    # status entry now reads "revoked" (not an OB 2.0 410 body).
    revoked = verify_with_pyjwt(
        token := fetch_token(client, award),
        resolve_key(client, jwt.get_unverified_header(token)["kid"]),
    )
    assert revoked["credentialStatus"] == entry


def test_awards_get_distinct_random_bits_and_the_database_refuses_a_shared_one(make_award):
    awards = [make_award() for _ in range(6)]
    indexes = [award.status_index for award in awards]
    assert None not in indexes and len(set(indexes)) == len(indexes)
    clash = awards[1]
    clash.status_index = awards[0].status_index
    with pytest.raises(IntegrityError), transaction.atomic():
        clash.save(update_fields=["status_index"])


def test_badge_award_service_assigns_the_bit(make_user, badge_class):
    staff = make_user("registrar2", is_staff=True)
    award = services.badge_award(
        badge_class=badge_class, recipient=make_user(), method="manual", awarded_by=staff
    ).award
    assert BadgeAward.objects.get(pk=award.pk).status_index is not None


def test_unknown_status_list_is_json_404(client, make_award):
    make_award()
    response = client.get(reverse("openbadges:status-list", kwargs={"number": 7}))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_encoding_round_trip_and_bit_order():
    encoded = status.encode_bits([0, 9, status.LIST_SIZE - 1])
    bits = status.decode_bits(encoded)
    assert len(bits) == status.LIST_SIZE // 8
    assert bits[0] == 0b1000_0000 and bits[1] == 0b0100_0000 and bits[-1] == 0b0000_0001


def test_app_checks_the_jwt_with_pyjwt_and_refuses_a_tampered_one(make_award):
    award = make_award()
    token = credentials.credential_jwt(award, base=BASE)
    claims = credentials.jwt_verify(token, base=BASE)
    assert claims["jti"] == f"{BASE}/ob/credentials/{award.entity_id}"
    header, payload, signature = token.split(".")
    raw = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    raw["name"] = "Forged"
    forged = base64.urlsafe_b64encode(json.dumps(raw).encode()).rstrip(b"=").decode()
    with pytest.raises(credentials.InvalidCredential):
        credentials.jwt_verify(f"{header}.{forged}.{signature}", base=BASE)
    with pytest.raises(credentials.InvalidCredential):
        credentials.jwt_verify(token, base="http://elsewhere.example")  # another DID


def test_a_new_issuer_has_its_key_before_any_credential(client):
    response = client.get("/.well-known/did.json")
    assert json.loads(response.content)["verificationMethod"] == []
    assert "max-age" not in response["Cache-Control"]  # a keyless document is never cached

    issuer = services.issuer_create(
        name="New Issuer", url="https://issuer.example.org/", email="b@issuer.example.org"
    )
    key = IssuerKey.objects.get(issuer=issuer, is_active=True)
    response = client.get("/.well-known/did.json")
    document = json.loads(response.content)
    assert [m["id"] for m in document["verificationMethod"]] == [f"{DID}#{key.key_id}"]
    assert document["assertionMethod"] == [f"{DID}#{key.key_id}"]
    assert "max-age=300" in response["Cache-Control"]


def test_existing_issuers_get_their_key_after_migrate(issuer):
    assert not IssuerKey.objects.filter(issuer=issuer).exists()  # made before the rule
    _issuer_keys_after_migrate(sender=None, using="default")
    assert IssuerKey.objects.filter(issuer=issuer, is_active=True).count() == 1
    _issuer_keys_after_migrate(sender=None, using="default")
    assert IssuerKey.objects.filter(issuer=issuer).count() == 1


@override_settings(SITE_URL="http://127.0.0.1:8101")
def test_status_list_uses_the_public_address(client, make_award):
    make_award()
    token = client.get("/ob/status/revocation/0", HTTP_HOST="localhost").content.decode()
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["id"] == "http://127.0.0.1:8101/ob/status/revocation/0"
    assert claims["iss"] == "did:web:127.0.0.1%3A8101"
