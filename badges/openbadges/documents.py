"""Open Badges 2.0 JSON-LD documents: Issuer (Profile), BadgeClass and hosted Assertion.

Every ``id`` is the absolute URL of the document on the site's public address, built from one
*base* (``scheme://host[:port]``, ``settings.SITE_URL``), in a request or outside one (emails,
baking in a task): an assertion's id, the badge it names and the image it is baked into are
the same whatever host a verifier happened to reach (a proxy, a second name), and the
``did:web`` issuer of a credential is the public one. The earner's email never appears: only
its salted hash.
"""

from __future__ import annotations

import datetime as dt
import mimetypes

from django.urls import reverse

from badges.models import BadgeAward, BadgeClass, Issuer
from core.urls import site_base as public_base

OB2_CONTEXT = "https://w3id.org/openbadges/v2"
JSONLD_CONTENT_TYPE = "application/ld+json"


def site_base(request=None) -> str:
    """``scheme://host[:port]`` of the public site (SITE_URL); the request is not consulted."""
    return public_base()


def document_url(name: str, entity_id, *, base: str) -> str:
    """Absolute URL of one of the ``openbadges:`` URLs that take an entity id."""
    return base + reverse(f"openbadges:{name}", kwargs={"entity_id": entity_id})


def evidence_objects(award: BadgeAward, *, base: str, list_types: bool = False) -> list[dict]:
    """The earner's evidence, only if they chose to publish it: the note, linked to the public
    award page that shows it. Empty otherwise (nothing about it leaks)."""
    if not (award.evidence_public and award.evidence_note.strip()):
        return []
    page = base + reverse("badges:award", kwargs={"entity_id": award.entity_id})
    kind = ["Evidence"] if list_types else "Evidence"
    return [{"type": kind, "id": page, "narrative": award.evidence_note}]


def timestamp(value: dt.datetime) -> str:
    """ISO 8601 in UTC with a ``Z``, to the second (what verifiers parse everywhere)."""
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def image_is_svg(field_file) -> bool:
    return bool(field_file) and field_file.name.lower().endswith(".svg")


def image_content_type(field_file) -> str:
    if image_is_svg(field_file):
        return "image/svg+xml"
    return mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"


def issuer_document(issuer: Issuer, *, base: str) -> dict:
    doc = {
        "@context": OB2_CONTEXT,
        "type": "Issuer",
        "id": document_url("issuer", issuer.entity_id, base=base),
        "name": issuer.name,
        "url": issuer.url,
        "email": issuer.email,
    }
    if issuer.description:
        doc["description"] = issuer.description
    if issuer.image:
        image_url = issuer.image.url  # absolute already when media live on another host
        doc["image"] = (
            image_url if image_url.startswith(("http://", "https://")) else base + image_url
        )
    return doc


def alignment_objects(badge_class: BadgeClass) -> list[dict]:
    """``AlignmentObject``s; iterates ``badge_class.alignments.all()`` (prefetch it)."""
    objects = []
    for alignment in badge_class.alignments.all():
        item = {"targetName": alignment.target_name, "targetUrl": alignment.target_url}
        if alignment.target_description:
            item["targetDescription"] = alignment.target_description
        if alignment.target_framework:
            item["targetFramework"] = alignment.target_framework
        if alignment.target_code:
            item["targetCode"] = alignment.target_code
        objects.append(item)
    return objects


def badge_class_document(badge_class: BadgeClass, *, base: str) -> dict:
    url = document_url("badge-class", badge_class.entity_id, base=base)
    doc = {
        "@context": OB2_CONTEXT,
        "type": "BadgeClass",
        "id": url,
        "name": badge_class.name,
        "description": badge_class.description,
        "image": document_url("badge-class-image", badge_class.entity_id, base=base),
        "criteria": {"id": url + "#criteria", "narrative": badge_class.criteria_narrative},
        "issuer": document_url("issuer", badge_class.issuer.entity_id, base=base),
    }
    alignments = alignment_objects(badge_class)
    if alignments:
        doc["alignment"] = alignments
    return doc


def assertion_document(award: BadgeAward, *, base: str) -> dict:
    """The hosted Assertion. Evidence only when the earner opted in; never the email."""
    doc = {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": document_url("assertion", award.entity_id, base=base),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": award.recipient_salt,
            "identity": award.recipient_hash,
        },
        "badge": document_url("badge-class", award.badge_class.entity_id, base=base),
        "verification": {"type": "hosted"},
        "issuedOn": timestamp(award.issued_on),
        "image": document_url("assertion-png", award.entity_id, base=base),
    }
    if image_is_svg(award.badge_class.image):
        doc["image"] = document_url("assertion-svg", award.entity_id, base=base)
    if award.expires_on is not None:
        doc["expires"] = timestamp(award.expires_on)
    evidence = evidence_objects(award, base=base)
    if evidence:
        doc["evidence"] = evidence
    return doc


def revoked_document(award: BadgeAward, *, base: str) -> dict:
    """What a revoked assertion answers (with HTTP 410), per OB 2.0 hosted verification."""
    return {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": document_url("assertion", award.entity_id, base=base),
        "revoked": True,
        "revocationReason": award.revocation_reason or "Revoked by the issuer.",
    }
