"""The "Badges" menu of the Wagtail admin: badge images are checked by content (PNG or SVG),
alignments are edited inline, and awards are read-only."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.test.utils.form_data import querydict_from_html

from accounts.services import user_grant_admin
from badges import services
from badges.models import BadgeAward, BadgeClass
from badges.validators import image_kind

from .conftest import SVG, png_bytes

pytestmark = pytest.mark.django_db


def url(model, view: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(view), args=args)


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(user_grant_admin(user=make_user("admin"), superuser=True))
    return client


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20), (200, 10, 10)).save(buffer, format="JPEG")
    return buffer.getvalue()


def _create(admin_client, badge_issuer, name: str, content: bytes, content_type: str):
    add_url = url(BadgeClass, "add")
    page = admin_client.get(add_url)
    assert page.status_code == 200
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    payload = {key: data.getlist(key) for key in data}
    payload.update(
        {
            "name": "Tech Club Leader",
            "slug": f"tech-club-{name.replace('.', '-')}",
            "issuer": str(badge_issuer.pk),
            "description": "Led tech clubs.",
            "criteria_narrative": "Led three sessions.",
            "min_reflections": "0",
            "is_active": "on",
            "alignments-TOTAL_FORMS": "1",
            "alignments-0-target_name": "Learning Designer",
            "alignments-0-target_url": "https://iste.example.org/4-5",
            "alignments-0-target_framework": "ISTE",
            "alignments-0-target_code": "4.5",
            "alignments-0-target_description": "",
            "alignments-0-ORDER": "1",
            "alignments-0-id": "",
            "alignments-0-DELETE": "",
            "image": SimpleUploadedFile(name, content, content_type=content_type),
        }
    )
    return admin_client.post(add_url, payload)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [("badge.png", png_bytes(), "image/png"), ("badge.svg", SVG, "image/svg+xml")],
)
def test_png_and_svg_images_are_accepted(admin_client, badge_issuer, name, content, content_type):
    response = _create(admin_client, badge_issuer, name, content, content_type)
    assert response.status_code == 302, response.context["form"].errors
    badge_class = BadgeClass.objects.get()
    assert badge_class.image.name.endswith(name[-4:])
    assert badge_class.alignments.get().target_code == "4.5"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("badge.png", jpeg_bytes(), "must be a PNG or SVG image"),
        ("badge.svg", b"<html><body>not an svg</body></html>", "must be a PNG or SVG image"),
        ("badge.png", b"\x89PNG\r\n\x1a\ngarbage", "must be a PNG or SVG image"),
        ("badge.svg", png_bytes(), "This file is a PNG image"),
        ("badge.jpg", jpeg_bytes(), "File extension"),
    ],
)
def test_other_images_are_refused_with_a_clear_message(
    admin_client, badge_issuer, name, content, message
):
    response = _create(admin_client, badge_issuer, name, content, "application/octet-stream")
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["image"])
    assert message in errors
    assert not BadgeClass.objects.exists()


def test_image_kind_refuses_xml_entities():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    )
    assert image_kind(bomb) is None
    assert image_kind(SVG) == "svg" and image_kind(png_bytes()) == "png"


def test_awards_are_listed_read_only(admin_client, make_badge_class, learner):
    award = services.badge_award(
        badge_class=make_badge_class(), recipient=learner, method="rules"
    ).award
    listing = admin_client.get(url(BadgeAward, "list"))
    assert listing.status_code == 200 and "Kevin Tran" in listing.content.decode()
    assert admin_client.get(url(BadgeAward, "inspect", award.pk)).status_code == 200
    assert admin_client.get(url(BadgeAward, "edit", award.pk)).status_code in (302, 403)
    assert admin_client.get(url(BadgeAward, "add")).status_code in (302, 403)
    assert admin_client.post(url(BadgeAward, "delete", award.pk)).status_code in (302, 403)
    assert BadgeAward.objects.filter(pk=award.pk).exists()


def test_an_issuer_made_in_the_admin_has_its_signing_key_at_once(admin_client):
    from badges.models import Issuer, IssuerKey

    response = admin_client.post(
        url(Issuer, "add"),
        {
            "name": "Admin-made Issuer",
            "url": "https://issuer.example.org/",
            "email": "badges@issuer.example.org",
            "description": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    issuer = Issuer.objects.get(name="Admin-made Issuer")
    key = IssuerKey.objects.get(issuer=issuer, is_active=True)
    document = admin_client.get("/.well-known/did.json").json()
    assert [m["id"].split("#")[1] for m in document["verificationMethod"]] == [key.key_id]
