from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_channel_layer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["database"]["vendor"] == connection.vendor
    expected_layer = "RedisChannelLayer" if settings.REDIS_URL else "PacedInMemoryChannelLayer"
    assert body["channel_layer"] == {**body["channel_layer"], "ok": True, "backend": expected_layer}


def test_home_page_links_to_the_catalog(client, make_course):
    make_course(title="Coaching Basics")
    html = client.get("/").content.decode()
    assert "Grow the coaches your teachers trust" in html
    assert 'href="/courses/"' in html
    assert "Coaching Basics" in html


def test_search_finds_lesson_content(client, make_course):
    make_course(modules=1, lessons=2)
    call_command("update_index", verbosity=0)
    response = client.get("/search/", {"q": "relationship"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lesson 1.1" in html and "Lesson 1.2" in html
    assert "result" in html


def test_search_without_match_says_so(client, make_course):
    make_course(modules=1, lessons=1)
    call_command("update_index", verbosity=0)
    html = client.get("/search/", {"q": "xylophonequartz"}).content.decode()
    assert ">0 results for" in html and "No lessons match" in html


def test_static_css_is_served_by_the_app(client):
    response = client.get("/static/css/praxis.css")
    assert response.status_code == 200
    assert (
        b"--brand" in b"".join(response.streaming_content)
        if response.streaming
        else response.content
    )


def test_uploaded_images_are_served_without_debug(client, image, settings):
    assert settings.DEBUG is False
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
