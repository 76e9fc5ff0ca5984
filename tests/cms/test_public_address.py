"""Absolute links use the public address (SITE_URL), whatever host a request came in on:
emails (mentions, replies, digests, enrollment, password reset), the courses API, the
Wagtail Site, and ``make run PORT=…``. Calendars and Open Badges documents have their own
guards in tests/cohorts/test_calendars.py and tests/badges/openbadges/."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from cms import services as site_services
from cohorts import services as cohort_services
from community import notifications
from community import services as community_services
from core.urls import absolute_url, site_host_port

pytestmark = pytest.mark.django_db

PUBLIC = "http://127.0.0.1:8101"
ROOT = Path(__file__).resolve().parents[2]


def _links(text: str) -> list[str]:
    return re.findall(r"(?:https?://\S+|(?<![\w/])/[\w-]+/\S*)", text)


def test_absolute_url_joins_the_public_address():
    with override_settings(SITE_URL=PUBLIC + "/"):
        assert absolute_url("/learn/") == PUBLIC + "/learn/"
        assert absolute_url("learn/") == PUBLIC + "/learn/"
        assert absolute_url("https://elsewhere.example/x") == "https://elsewhere.example/x"
        assert site_host_port() == ("127.0.0.1", 8101)
    with override_settings(SITE_URL="https://praxis.example.org"):
        assert site_host_port() == ("praxis.example.org", 443)


@override_settings(SITE_URL=PUBLIC)
def test_mention_and_reply_emails_carry_absolute_links(
    cohort, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    ana, bo, cy = make_user("ana"), make_user("bo"), make_user("cy")
    for person in (ana, bo, cy):
        cohort_services.cohort_enroll(cohort=cohort, user=person)
    space = community_services.space_for_cohort(cohort=cohort)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        thread = community_services.thread_create(
            space=space, author=ana, title="Hi", body="Hello", client_id="t"
        ).thread
        community_services.post_create(
            space=space, thread=thread, author=bo, client_id="p", body="Welcome @cy"
        )
    assert sorted(m.to[0] for m in mailoutbox) == ["ana@example.org", "cy@example.org"]
    for message in mailoutbox:
        link = f"{PUBLIC}/community/spaces/{space.pk}/threads/{thread.pk}/#post-"
        assert link in message.body, message.body
        assert all(url.startswith(PUBLIC) for url in _links(message.body)), message.body


@override_settings(SITE_URL=PUBLIC)
def test_digest_email_carries_absolute_links(
    cohort, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    ana, bo = make_user("ana"), make_user("bo")
    for person in (ana, bo):
        cohort_services.cohort_enroll(cohort=cohort, user=person)
    notifications.email_preference_set(user=ana, email="digest")
    space = community_services.space_for_cohort(cohort=cohort)
    with django_capture_on_commit_callbacks(execute=True):
        thread = community_services.thread_create(
            space=space, author=ana, title="Hi", body="Hello", client_id="t"
        ).thread
        community_services.post_create(
            space=space, thread=thread, author=bo, body="A reply", client_id="p"
        )
    mailoutbox.clear()
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    (message,) = mailoutbox
    assert f"{PUBLIC}/community/spaces/{space.pk}/threads/{thread.pk}/#post-" in message.body


@override_settings(SITE_URL=PUBLIC)
def test_enrollment_email_uses_the_public_address(
    cohort, coach, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cohort_services.cohort_enroll(cohort=cohort, user=coach)
    (message,) = mailoutbox
    assert f"{PUBLIC}/learn/" in message.body
    assert all(url.startswith(PUBLIC) for url in _links(message.body)), message.body


@override_settings(SITE_URL=PUBLIC)
def test_password_reset_link_ignores_the_request_host(client, coach, mailoutbox):
    response = client.post(
        "/accounts/password-reset/", {"email": coach.email}, HTTP_HOST="localhost"
    )
    assert response.status_code == 302
    (message,) = mailoutbox
    assert f"{PUBLIC}/accounts/reset/" in message.body
    assert "http://localhost" not in message.body


def test_courses_api_url_is_the_public_address(client, make_course):
    make_course(title="Coaching Basics")
    with override_settings(SITE_URL=PUBLIC):
        body = client.get("/api/v1/courses/", HTTP_HOST="localhost").json()
    assert body["results"][0]["url"] == f"{PUBLIC}/courses/test-course/"


def test_the_wagtail_site_follows_the_public_address(make_course):
    course = make_course()
    with override_settings(SITE_URL=PUBLIC):
        site_services.site_root_ensure()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8101)
    course.refresh_from_db()
    assert course.get_full_url() == f"{PUBLIC}/courses/test-course/"


def test_make_run_passes_the_port_to_site_url():
    out = subprocess.run(
        ["make", "-n", "run", "PORT=8101"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "SITE_URL=http://127.0.0.1:8101 " in out
    assert re.search(r"SITE_URL=http://127\.0\.0\.1:8101 \S+ manage\.py seed_demo", out)
    assert re.search(r"SITE_URL=http://127\.0\.0\.1:8101 \S+uvicorn .*--port 8101", out)
