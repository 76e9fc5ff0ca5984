"""Baked images: the PNG iTXt chunk and the SVG element carry the assertion, read back."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from PIL import Image as PILImage

from badges.openbadges import baking

from .conftest import SVG_IMAGE, needs_cairo, png_bytes

NS = "{http://openbadges.org}"


def url(name, entity_id):
    return reverse(f"openbadges:{name}", kwargs={"entity_id": entity_id})


def test_bake_png_adds_one_itxt_chunk_that_reads_back():
    original = png_bytes()
    baked = baking.bake_png(original, '{"id": "https://example.org/a/1", "note": "café"}')
    assert baking.unbake_png(baked) == '{"id": "https://example.org/a/1", "note": "café"}'
    assert baking.unbake_png(original) is None
    with PILImage.open(io.BytesIO(baked)) as picture:  # still a valid PNG to a decoder
        picture.load()
        assert picture.size == (96, 96)
        assert json.loads(picture.text["openbadges"])["id"] == "https://example.org/a/1"
    assert baked.endswith(b"IEND\xaeB`\x82")


def test_rebaking_replaces_the_chunk():
    once = baking.bake_png(png_bytes(), "first")
    twice = baking.bake_png(once, "second")
    assert baking.unbake_png(twice) == "second"
    assert twice.count(b"iTXtopenbadges") == 1


@pytest.mark.parametrize("data", [b"GIF89a...", b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"])
def test_bake_png_refuses_what_is_not_a_whole_png(data):
    with pytest.raises(baking.BakingError):
        baking.bake_png(data, "x")


def test_bake_svg_is_well_formed_and_carries_the_assertion():
    assertion = {"id": "https://example.org/a/1", "narrative": "contains ]]> and <tags> & more"}
    baked = baking.bake_svg(SVG_IMAGE, assertion=assertion, verify_url=assertion["id"])
    root = ET.fromstring(baked)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    element = root[0]
    assert element.tag == NS + "assertion"
    assert element.get("verify") == "https://example.org/a/1"
    assert json.loads(element.text) == assertion
    assert b'xmlns:openbadges="http://openbadges.org"' in baked
    assert b"<![CDATA[" in baked
    assert root.find("{http://www.w3.org/2000/svg}circle") is not None  # the drawing is kept


def test_bake_svg_handles_an_empty_svg_element():
    baked = baking.bake_svg(
        b'<svg xmlns="http://www.w3.org/2000/svg"/>', assertion={"id": "x"}, verify_url="x"
    )
    assert ET.fromstring(baked)[0].tag == NS + "assertion"


@pytest.mark.parametrize(
    "data",
    [
        b"<svg xmlns='http://www.w3.org/2000/svg'><unclosed></svg>",
        b'<!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
        b"not xml at all",
    ],
)
def test_bake_svg_refuses_malformed_or_entity_svg(data):
    with pytest.raises(baking.BakingError):
        baking.bake_svg(data, assertion={"id": "x"}, verify_url="x")


@needs_cairo
def test_svg_renders_to_png():
    rendered = baking.render_svg_to_png(SVG_IMAGE)
    with PILImage.open(io.BytesIO(rendered)) as picture:
        assert picture.format == "PNG"
        assert picture.size == (baking.RENDER_WIDTH, baking.RENDER_WIDTH)


@pytest.mark.django_db
def test_baked_png_download(client, make_award):
    award = make_award()
    response = client.get(url("assertion-png", award.entity_id))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{award.badge_class.slug}-{award.entity_id}.png"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    carried = json.loads(baking.unbake_png(response.content))
    assert carried == json.loads(client.get(url("assertion", award.entity_id)).content)


@pytest.mark.django_db
def test_baked_svg_download(client, make_award, svg_badge_class):
    award = make_award(badge_class=svg_badge_class)
    response = client.get(url("assertion-svg", award.entity_id))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"].startswith("attachment; ")
    element = ET.fromstring(response.content)[0]
    assertion = json.loads(client.get(url("assertion", award.entity_id)).content)
    assert element.get("verify") == assertion["id"]
    assert json.loads(element.text) == assertion


@needs_cairo
@pytest.mark.django_db
def test_png_download_of_an_svg_class_is_rendered_and_baked(client, make_award, svg_badge_class):
    award = make_award(badge_class=svg_badge_class)
    response = client.get(url("assertion-png", award.entity_id))
    assert response.status_code == 200
    assert response.content.startswith(b"\x89PNG")
    assert json.loads(baking.unbake_png(response.content))["id"].endswith(str(award.entity_id))


@pytest.mark.django_db
def test_an_unusable_class_image_is_a_clear_409_not_a_500(client, make_award, badge_class):
    badge_class.image.save("broken.png", io.BytesIO(b"\x89PNG\r\n\x1a\nnope"), save=True)
    award = make_award(badge_class=badge_class)
    response = client.get(url("assertion-png", award.entity_id))
    assert response.status_code == 409
    assert json.loads(response.content)["error"]["code"] == "image_unusable"


@pytest.mark.django_db
def test_a_missing_class_image_file_is_404(client, make_award, badge_class):
    badge_class.image.storage.delete(badge_class.image.name)
    award = make_award(badge_class=badge_class)
    assert client.get(url("assertion-png", award.entity_id)).status_code == 404
    assert client.get(url("badge-class-image", badge_class.entity_id)).status_code == 404


@pytest.mark.django_db
def test_baked_png_query_count(client, make_award, django_assert_num_queries):
    for _ in range(2):
        award = make_award()
        with django_assert_num_queries(1):
            assert client.get(url("assertion-png", award.entity_id)).status_code == 200


@needs_cairo
@pytest.mark.django_db
def test_svg_rendering_is_cached_by_content(client, make_award, svg_badge_class, monkeypatch):
    from django.core.cache import cache

    cache.clear()
    renders = []
    real = baking.render_svg_to_png
    monkeypatch.setattr(baking, "render_svg_to_png", lambda svg: renders.append(1) or real(svg))
    first, second = make_award(badge_class=svg_badge_class), make_award(badge_class=svg_badge_class)
    for award in (first, second, first):
        response = client.get(url("assertion-png", award.entity_id))
        assert json.loads(baking.unbake_png(response.content))["id"].endswith(str(award.entity_id))
    assert len(renders) == 1
