"""Open Badges 2.0 hosted documents: shapes, ids, content types, CORS, privacy, errors."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from badges.openbadges.identity import identity_matches, recipient_identity

from .conftest import CAIRO

BASE = "http://testserver"
pytestmark = pytest.mark.django_db


def url(name, entity_id):
    return reverse(f"openbadges:{name}", kwargs={"entity_id": entity_id})


def get_json(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, response.content
    return response, json.loads(response.content)


def test_recipient_identity_is_salted_sha256_of_the_email():
    expected = "sha256$" + hashlib.sha256(b"maya@example.org" + b"abc123").hexdigest()
    assert recipient_identity("maya@example.org", "abc123") == expected
    assert recipient_identity(" Maya@Example.org ", "abc123") == expected
    assert recipient_identity("maya@example.org", "other") != expected
    assert identity_matches("maya@example.org", "abc123", expected)
    assert not identity_matches("diego@example.org", "abc123", expected)


def test_issuer_document(client, issuer):
    response, doc = get_json(client, url("issuer", issuer.entity_id))
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert doc == {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Issuer",
        "id": f"{BASE}/ob/issuers/{issuer.entity_id}",
        "name": "Praxis Coaching Network",
        "url": "https://praxis.example.org/",
        "email": "badges@praxis.example.org",
        "description": "Trains classroom teachers as edtech coaches.",
    }


def test_badge_class_document(client, badge_class):
    response, doc = get_json(client, url("badge-class", badge_class.entity_id))
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    own = f"{BASE}/ob/badges/{badge_class.entity_id}"
    assert doc["@context"] == "https://w3id.org/openbadges/v2"
    assert doc["type"] == "BadgeClass"
    assert doc["id"] == own
    assert doc["name"] == badge_class.name
    assert doc["description"] == badge_class.description
    assert doc["image"] == own + "/image"
    assert doc["issuer"] == f"{BASE}/ob/issuers/{badge_class.issuer.entity_id}"
    assert doc["criteria"] == {"id": own + "#criteria", "narrative": badge_class.criteria_narrative}
    assert doc["alignment"] == [
        {
            "targetName": "ISTE Coaches standard 1",
            "targetUrl": "https://iste.example.org/standards/coaches/1",
            "targetDescription": "Change agent",
            "targetFramework": "ISTE Standards for Coaches",
            "targetCode": "1a",
        }
    ]


def test_badge_class_without_alignments_has_no_alignment_key(client, make_badge_class):
    badge_class = make_badge_class(alignments=0)
    _response, doc = get_json(client, url("badge-class", badge_class.entity_id))
    assert "alignment" not in doc


def test_badge_class_image_is_served_with_its_type(client, badge_class, svg_badge_class):
    response = client.get(url("badge-class-image", badge_class.entity_id))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert response["Access-Control-Allow-Origin"] == "*"
    response = client.get(url("badge-class-image", svg_badge_class.entity_id))
    assert response["Content-Type"] == "image/svg+xml"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_assertion_document(client, make_award):
    award = make_award()
    response, doc = get_json(client, url("assertion", award.entity_id))
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    own = f"{BASE}/ob/assertions/{award.entity_id}"
    assert doc == {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": own,
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": award.recipient_salt,
            "identity": award.recipient_hash,
        },
        "badge": f"{BASE}/ob/badges/{award.badge_class.entity_id}",
        "verification": {"type": "hosted"},
        "issuedOn": award.issued_on.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "image": own + "/baked.png",
    }
    assert identity_matches(
        award.recipient.email, award.recipient_salt, doc["recipient"]["identity"]
    )


def test_ids_are_the_public_address_whatever_host_fetched_them(client, make_award):
    award = make_award()
    public = "http://127.0.0.1:8101"
    issuer_id = award.badge_class.issuer.entity_id
    with override_settings(SITE_URL=public):
        doc = json.loads(
            client.get(url("assertion", award.entity_id), HTTP_HOST="localhost").content
        )
        issuer = json.loads(client.get(url("issuer", issuer_id), HTTP_HOST="localhost").content)
    assert doc["id"] == f"{public}/ob/assertions/{award.entity_id}"
    assert doc["badge"] == f"{public}/ob/badges/{award.badge_class.entity_id}"
    assert doc["image"] == f"{public}/ob/assertions/{award.entity_id}/baked.png"
    assert issuer["id"] == f"{public}/ob/issuers/{issuer_id}"


def test_no_document_exposes_the_earners_email(client, make_award, make_user, svg_badge_class):
    user = make_user("privateperson")
    award = make_award(user=user, evidence_note="Coached 12 teachers.", evidence_public=True)
    svg_award = make_award(badge_class=svg_badge_class, user=user)
    paths = [
        url("assertion", award.entity_id),
        url("assertion-png", award.entity_id),
        url("assertion-svg", svg_award.entity_id),
        *([url("assertion-png", svg_award.entity_id)] if CAIRO else []),
        url("badge-class", award.badge_class.entity_id),
        url("issuer", award.badge_class.issuer.entity_id),
        url("credential", award.entity_id),
        reverse("openbadges:did-document"),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.lower()
        assert b"privateperson@example.org" not in body, path
        assert b"privateperson" not in body, path  # not even the username


def test_evidence_only_when_the_earner_opted_in(client, make_award):
    hidden = make_award(evidence_note="Coached 12 teachers this term.", evidence_public=False)
    shown = make_award(evidence_note="Coached 12 teachers this term.", evidence_public=True)
    _r, doc = get_json(client, url("assertion", hidden.entity_id))
    assert "evidence" not in doc
    assert b"12 teachers" not in client.get(url("assertion", hidden.entity_id)).content
    _r, doc = get_json(client, url("assertion", shown.entity_id))
    assert doc["evidence"] == [
        {
            "type": "Evidence",
            "id": f"{BASE}/badges/awards/{shown.entity_id}/",
            "narrative": "Coached 12 teachers this term.",
        }
    ]


def test_expires_present_when_set(client, make_award):
    expires = timezone.now() + dt.timedelta(days=365)
    award = make_award(expires_on=expires)
    _r, doc = get_json(client, url("assertion", award.entity_id))
    assert doc["expires"] == expires.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert "expires" not in get_json(client, url("assertion", make_award().entity_id))[1]


def test_svg_class_assertion_points_at_the_baked_svg(client, make_award, svg_badge_class):
    award = make_award(badge_class=svg_badge_class)
    _r, doc = get_json(client, url("assertion", award.entity_id))
    assert doc["image"] == f"{BASE}/ob/assertions/{award.entity_id}/baked.svg"


@pytest.mark.parametrize(
    "name", ["assertion", "assertion-png", "assertion-svg", "credential", "badge-class", "issuer"]
)
def test_unknown_ids_are_json_404(client, name):
    response, doc = get_json(client, url(name, uuid.uuid4()), status=404)
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert doc["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "path",
    [
        "/ob/assertions/not-a-uuid",
        "/ob/assertions/12345",
        "/ob/assertions/%00",
        "/ob/assertions/' OR 1=1 --",
        "/ob/badges/zzz/image",
        "/ob/credentials/../../etc/passwd",
        "/ob/assertions/",
    ],
)
def test_malformed_ids_are_json_404(client, path):
    response, doc = get_json(client, path, status=404)
    assert doc["error"]["code"] == "not_found"


def test_tampered_id_is_404(client, make_award):
    award = make_award()
    tampered = str(award.entity_id)[:-1] + ("0" if str(award.entity_id)[-1] != "0" else "1")
    response, doc = get_json(client, f"/ob/assertions/{tampered}", status=404)
    assert doc["error"]["code"] == "not_found"


@pytest.mark.parametrize("name", ["assertion", "assertion-png", "assertion-svg"])
def test_revoked_award_answers_410(client, make_award, name):
    award = make_award(revoked=True, reason="Evidence was not the earner's own work.")
    response, doc = get_json(client, url(name, award.entity_id), status=410)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert doc == {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": f"{BASE}/ob/assertions/{award.entity_id}",
        "revoked": True,
        "revocationReason": "Evidence was not the earner's own work.",
    }
    assert award.recipient.email.encode() not in response.content


def test_svg_download_is_404_for_a_png_class(client, make_award):
    award = make_award()
    response, doc = get_json(client, url("assertion-svg", award.entity_id), status=404)
    assert "PNG" in doc["error"]["message"]


def test_only_get_and_head(client, make_award):
    award = make_award()
    for method in (client.post, client.put, client.delete):
        response = method(url("assertion", award.entity_id))
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"
        assert json.loads(response.content)["error"]["code"] == "method_not_allowed"
    head = client.head(url("assertion", award.entity_id))
    assert head.status_code == 200
    assert head["Content-Type"] == "application/ld+json"


def test_issuer_image_is_absolute(client, issuer):
    from django.core.files.base import ContentFile

    from .conftest import png_bytes

    issuer.image.save("logo.png", ContentFile(png_bytes()), save=True)
    _response, doc = get_json(client, url("issuer", issuer.entity_id))
    assert doc["image"] == BASE + issuer.image.url
    assert client.get(issuer.image.url).status_code == 200


def test_assertion_query_count(client, make_award, django_assert_num_queries):
    awards = [make_award() for _ in range(3)]
    for award in (awards[0], awards[2]):
        with django_assert_num_queries(1):
            assert client.get(url("assertion", award.entity_id)).status_code == 200


def test_badge_class_query_count(client, make_badge_class, django_assert_num_queries):
    for alignments in (1, 5):
        badge_class = make_badge_class(alignments=alignments)
        with django_assert_num_queries(2):
            response = client.get(url("badge-class", badge_class.entity_id))
        assert len(json.loads(response.content)["alignment"]) == alignments
