"""Public Open Badges endpoints: JSON-LD documents, class images, baked images, credentials.

Anyone may fetch these (verifiers and backpacks, often from a browser: hence CORS ``*``).
Unknown ids answer 404 in the project's one JSON error shape; a revoked award's OB 2.0
documents and images answer 410 ``{"revoked": true, "revocationReason": ...}`` (OB 2.0 hosted
verification). Its OB 3.0 credential is still served, signed, as any credential endpoint
does: the credential's ``credentialStatus`` bit in the revocation list (also served here) is
how a VC verifier learns it was revoked. Nothing about the earner but the salted hash of
their email is ever served.
"""

from __future__ import annotations

import hashlib
import json
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse, JsonResponse

from badges.models import BadgeAward
from core.api.errors import error_body

from . import baking, credentials, documents, selectors
from .documents import JSONLD_CONTENT_TYPE, site_base

NOT_FOUND = "No such Open Badges document."


def _public(response: HttpResponse, *, cache_seconds: int = 0) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = f"public, max-age={cache_seconds}" if cache_seconds else "no-cache"
    return response


def _jsonld(document: dict, *, status: int = 200, cache_seconds: int = 0) -> HttpResponse:
    body = json.dumps(document, indent=2, ensure_ascii=False)
    response = HttpResponse(body, status=status, content_type=JSONLD_CONTENT_TYPE)
    return _public(response, cache_seconds=cache_seconds)


def _error(code: str, message: str, status: int) -> HttpResponse:
    return _public(JsonResponse(error_body(code, message), status=status))


def _not_found(message: str = NOT_FOUND) -> HttpResponse:
    return _error("not_found", message, 404)


def require_safe(view):
    """GET and HEAD only; anything else is a JSON 405 (with ``Allow``), like every error here."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = _error("method_not_allowed", "Only GET and HEAD are allowed.", 405)
            response["Allow"] = "GET, HEAD"
            return response
        return view(request, *args, **kwargs)

    return wrapper


def _gone(award: BadgeAward, request) -> HttpResponse:
    return _jsonld(documents.revoked_document(award, base=site_base(request)), status=410)


def current_award(*, with_alignments: bool = False, revoked_too: bool = False):
    """The view is called with the award behind ``entity_id`` instead of the id: an unknown id
    answers 404 and a revoked award 410 (unless ``revoked_too``: the credential, whose status
    list says it is revoked), the same for its document and images."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, entity_id):
            award = selectors.award_get(entity_id=entity_id, with_alignments=with_alignments)
            if award is None:
                return _not_found()
            if award.is_revoked and not revoked_too:
                return _gone(award, request)
            return view(request, award)

        return wrapper

    return decorate


def _read(field_file) -> bytes | None:
    try:
        with field_file.open("rb") as handle:
            return handle.read()
    except (FileNotFoundError, OSError, ValueError):
        return None


@require_safe
def not_found(request):
    return _not_found()


@require_safe
def issuer(request, entity_id):
    found = selectors.issuer_get(entity_id=entity_id)
    if found is None:
        return _not_found()
    return _jsonld(documents.issuer_document(found, base=site_base(request)), cache_seconds=300)


@require_safe
def badge_class(request, entity_id):
    found = selectors.badge_class_get(entity_id=entity_id, with_alignments=True)
    if found is None:
        return _not_found()
    document = documents.badge_class_document(found, base=site_base(request))
    return _jsonld(document, cache_seconds=300)


@require_safe
def badge_class_image(request, entity_id):
    found = selectors.badge_class_get(entity_id=entity_id)
    data = _read(found.image) if found is not None and found.image else None
    if data is None:
        return _not_found("No such badge image.")
    response = HttpResponse(data, content_type=documents.image_content_type(found.image))
    if documents.image_is_svg(found.image):
        # An uploaded SVG may hold scripts: never let it run in our origin.
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return _public(response, cache_seconds=300)


@require_safe
@current_award()
def assertion(request, award):
    return _jsonld(documents.assertion_document(award, base=site_base(request)))


def _download(data: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if content_type == "image/svg+xml":
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return _public(response)


def _rendered_png(svg: bytes) -> bytes:
    """An SVG class image rendered to PNG, cached by content (rendering costs ~35 ms; the
    baked PNG is also the email-signature image, fetched on every view of a signature)."""
    key = "openbadges:rendered:" + hashlib.sha256(svg).hexdigest()
    rendered = cache.get(key)
    if rendered is None:
        rendered = baking.render_svg_to_png(svg)
        cache.set(key, rendered, timeout=24 * 3600)
    return rendered


@require_safe
@current_award()
def assertion_png(request, award):
    image = award.badge_class.image
    data = _read(image) if image else None
    if data is None:
        return _not_found("This badge has no image.")
    base = site_base(request)
    document = documents.assertion_document(award, base=base)
    try:
        if documents.image_is_svg(image):
            data = _rendered_png(data)
        baked = baking.bake_png(data, json.dumps(document, separators=(",", ":")))
    except baking.BakingError as exc:
        return _error("image_unusable", str(exc), 409)
    filename = f"{award.badge_class.slug}-{award.entity_id}.png"
    return _download(baked, content_type="image/png", filename=filename)


@require_safe
@current_award()
def assertion_svg(request, award):
    image = award.badge_class.image
    if not documents.image_is_svg(image):
        return _not_found("This badge's image is a PNG: download the baked PNG instead.")
    data = _read(image)
    if data is None:
        return _not_found("This badge has no image.")
    document = documents.assertion_document(award, base=site_base(request))
    try:
        baked = baking.bake_svg(data, assertion=document, verify_url=document["id"])
    except baking.BakingError as exc:
        return _error("image_unusable", str(exc), 409)
    filename = f"{award.badge_class.slug}-{award.entity_id}.svg"
    return _download(baked, content_type="image/svg+xml", filename=filename)


@require_safe
@current_award(with_alignments=True, revoked_too=True)
def credential(request, award):
    token = credentials.credential_jwt(award, base=site_base(request))
    return _public(HttpResponse(token, content_type=credentials.JWT_CONTENT_TYPE))


@require_safe
def status_list(request, number):
    """A revocation list as a signed BitstringStatusListCredential; never cached long, so a
    revocation reaches verifiers within a minute."""
    token = credentials.status_list_jwt(number, base=site_base(request))
    if token is None:
        return _not_found("No such status list.")
    response = HttpResponse(token, content_type=credentials.JWT_CONTENT_TYPE)
    return _public(response, cache_seconds=60)


@require_safe
def did_document(request):
    document = credentials.did_document(base=site_base(request))
    response = HttpResponse(json.dumps(document, indent=2), content_type="application/did+ld+json")
    # A document without a key must not be cached: a verifier would keep failing on it after
    # the key exists (issuers get theirs when created, so this is only a site with none).
    return _public(response, cache_seconds=300 if document["verificationMethod"] else 0)
