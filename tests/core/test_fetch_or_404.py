"""One fetch-or-404 (``core.errors.fetch_or_404``): an object a person may not see, or that
does not exist, is the same 404 everywhere, in the API's one JSON error shape with the
message "No such <what>." and on a page as Django's 404."""

from __future__ import annotations

import uuid

import pytest
from django.http import Http404
from rest_framework.test import APIClient

from accounts.services import user_grant_admin
from cohorts.models import Cohort
from core.errors import ApplicationError, NotFound, fetch_or_404

pytestmark = pytest.mark.django_db

MISSING = 987654
MISSING_UUID = uuid.UUID(int=1)


def test_it_returns_what_it_finds_and_otherwise_raises_the_one_not_found(cohort):
    assert fetch_or_404(Cohort.objects.all(), what="cohort", pk=cohort.pk) == cohort
    assert fetch_or_404(Cohort.objects, what="cohort", pk=cohort.pk) == cohort
    assert fetch_or_404(cohort, what="cohort") is cohort
    with pytest.raises(NotFound) as error:
        fetch_or_404(Cohort.objects.all(), what="cohort", pk=MISSING)
    assert error.value.message == "No such cohort." and error.value.status_code == 404
    assert error.value.code == "not_found" and error.value.field is None
    # An API's application error and a page's Http404 at once.
    assert isinstance(error.value, ApplicationError) and isinstance(error.value, Http404)
    with pytest.raises(NotFound) as error:
        fetch_or_404(None, what="badge", field="badge_class")
    assert (error.value.message, error.value.field) == ("No such badge.", "badge_class")
    with pytest.raises(NotFound) as error:
        fetch_or_404(None, message="You are not enrolled.", code="not_enrolled")
    assert (error.value.message, error.value.code) == ("You are not enrolled.", "not_enrolled")


def test_lookups_only_filter_a_queryset_and_it_must_say_what(cohort):
    with pytest.raises(TypeError):
        fetch_or_404(cohort, what="cohort", pk=cohort.pk)
    with pytest.raises(TypeError):
        fetch_or_404(Cohort.objects.all(), pk=cohort.pk)


@pytest.fixture
def admin(make_user):
    return user_grant_admin(user=make_user("root"), superuser=True)


@pytest.mark.parametrize(
    "method, url, data, message",
    [
        ("get", f"/api/v1/cohorts/{MISSING}/", None, "No such cohort."),
        ("post", f"/api/v1/cohorts/{MISSING}/drop/", None, "No such cohort."),
        ("post", f"/api/v1/lessons/{MISSING}/completion/", {"done": True}, "No such lesson."),
        ("get", f"/api/v1/teams/{MISSING}/progress/", None, "No such team."),
        (
            "post",
            f"/api/v1/seat-requests/{MISSING}/grant/",
            {},
            "No such request waiting for an answer.",
        ),
        ("post", f"/api/v1/reflections/{MISSING}/feedback/", {"text": "Hi"}, "No such reflection."),
        ("get", f"/api/v1/community/spaces/{MISSING}/threads/", None, "No such space."),
        ("patch", f"/api/v1/community/threads/{MISSING}/", {"pinned": True}, "No such thread."),
        ("patch", f"/api/v1/community/posts/{MISSING}/", {"body": "x"}, "No such post."),
        (
            "post",
            f"/api/v1/badges/awards/{MISSING_UUID}/revoke/",
            {"reason": "x"},
            "No such award.",
        ),
        ("post", f"/api/v1/badges/queue/{MISSING}/approve/", {}, "No such request in your queue."),
        ("get", f"/api/v1/practice/entries/{MISSING}/", None, "No such entry."),
        ("get", f"/api/v1/practice/teams/{MISSING}/", None, "No such team."),
    ],
)
def test_every_api_fetch_answers_the_one_404(admin, method, url, data, message):
    api = APIClient()
    api.force_authenticate(admin)
    response = getattr(api, method)(url, data, format="json")
    assert response.status_code == 404, response.content
    assert response.json() == {"error": {"code": "not_found", "message": message}}


@pytest.mark.parametrize(
    "method, url",
    [
        ("get", f"/cohorts/{MISSING}/"),
        ("post", f"/cohorts/{MISSING}/leave/"),
        ("get", f"/cohorts/{MISSING}/dashboard/"),
        ("post", f"/learn/enrollments/{MISSING}/reset/"),
        ("get", f"/teams/{MISSING}/"),
        ("get", "/cohorts/invitations/not-a-token/"),
        ("get", "/teams/join/not-a-token/"),
        ("get", "/learn/calendar/not-a-token.ics"),
        ("get", f"/community/spaces/{MISSING}/"),
        ("post", f"/community/posts/{MISSING}/react/"),
        ("get", f"/badges/awards/{MISSING_UUID}/"),
        ("get", "/badges/people/nobody-here/"),
        ("post", f"/badges/queue/{MISSING}/approve/"),
        ("get", f"/practice/entries/{MISSING}/"),
        ("get", f"/practice/teams/{MISSING}/"),
    ],
)
def test_every_page_fetch_answers_a_404(client, admin, method, url):
    client.force_login(admin)
    assert getattr(client, method)(url).status_code == 404
