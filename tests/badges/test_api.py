"""The badges API: happy paths, errors in the one JSON shape, and flat query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from badges import services
from badges.models import BadgeAward
from tests.concurrent_requests import on_postgresql, post_at_once

from .conftest import finish_course, reflect

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def _error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content
    body = response.json()["error"]
    assert set(body) >= {"code", "message"}
    if code:
        assert body["code"] == code
    return body


def test_classes_are_public_with_rules_and_alignments(api, make_badge_class, course):
    make_badge_class(course=course, min_reflections=2, requires_approval=True)
    response = api.get("/api/v1/badges/classes/")
    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["course_id"] == course.pk and item["min_reflections"] == 2
    assert item["requires_approval"] is True
    assert item["image"].startswith("http://testserver/media/")
    assert item["alignments"][0]["target_code"] == "4.1"


def test_my_awards(api, make_badge_class, learner, make_user):
    award = services.badge_award(
        badge_class=make_badge_class(), recipient=learner, method="rules"
    ).award
    assert api.get("/api/v1/badges/awards/mine/").status_code in (401, 403)
    api.force_authenticate(learner)
    [item] = api.get("/api/v1/badges/awards/mine/").json()["results"]
    assert item["id"] == str(award.entity_id) and item["status"] == "active"
    assert item["links"]["public_url"] == f"http://testserver/badges/awards/{award.entity_id}/"
    assert "linkedin.com/profile/add" in item["links"]["linkedin_url"]
    api.force_authenticate(make_user("other"))
    assert api.get("/api/v1/badges/awards/mine/").json()["results"] == []


def test_facilitator_awards_once_and_revokes(api, make_badge_class, learner, facilitator):
    badge_class = make_badge_class()
    api.force_authenticate(facilitator)
    payload = {"recipient": learner.pk, "badge_class": badge_class.pk, "evidence_note": "Clubs."}
    first = api.post("/api/v1/badges/awards/", payload, format="json")
    assert first.status_code == 201
    assert first.json()["recipient"]["name"] == "Kevin Tran"
    again = api.post("/api/v1/badges/awards/", payload, format="json")
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert BadgeAward.objects.count() == 1

    url = f"/api/v1/badges/awards/{first.json()['id']}/revoke/"
    _error(api.post(url, {}, format="json"), 400, "validation_error")
    _error(api.post(url, {"reason": "   "}, format="json"), 400)
    revoked = api.post(url, {"reason": "Wrong person."}, format="json")
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    _error(api.post(url, {"reason": "Again."}, format="json"), 400, "already_revoked")


@on_postgresql
def test_two_simultaneous_first_awards_answer_201_once(make_badge_class, learner, facilitator):
    badge_class = make_badge_class()
    payload = {"recipient": learner.pk, "badge_class": badge_class.pk, "evidence_note": ""}
    assert post_at_once(facilitator, "/api/v1/badges/awards/", payload) == [200, 201]
    assert BadgeAward.objects.filter(recipient=learner).count() == 1


def test_award_errors(api, make_badge_class, learner, facilitator, make_user):
    badge_class = make_badge_class()
    api.force_authenticate(facilitator)
    _error(api.post("/api/v1/badges/awards/", {}, format="json"), 400, "validation_error")
    outsider = make_user("outsider")
    body = _error(
        api.post(
            "/api/v1/badges/awards/",
            {"recipient": outsider.pk, "badge_class": badge_class.pk},
            format="json",
        ),
        404,
        "not_found",
    )
    assert body["fields"] == {"recipient": ["No such learner among yours."]}
    _error(
        api.post(
            "/api/v1/badges/awards/", {"recipient": learner.pk, "badge_class": 9999}, format="json"
        ),
        404,
    )
    api.force_authenticate(make_user("sam"))
    _error(
        api.post(
            "/api/v1/badges/awards/",
            {"recipient": learner.pk, "badge_class": badge_class.pk},
            format="json",
        ),
        403,
        "permission_denied",
    )
    assert not BadgeAward.objects.exists()


def test_revoke_unknown_or_tampered_award_is_404(
    api, make_badge_class, learner, facilitator, make_user
):
    api.force_authenticate(facilitator)
    _error(
        api.post(
            "/api/v1/badges/awards/6b1f0000-0000-4000-8000-000000000000/revoke/",
            {"reason": "x"},
            format="json",
        ),
        404,
    )
    _error(api.post("/api/v1/badges/awards/not-a-uuid/revoke/", {"reason": "x"}), 404)
    award = services.badge_award(
        badge_class=make_badge_class(), recipient=learner, method="rules"
    ).award
    api.force_authenticate(make_user("olga"))  # not Kevin's facilitator
    _error(
        api.post(
            f"/api/v1/badges/awards/{award.entity_id}/revoke/", {"reason": "x"}, format="json"
        ),
        404,
    )
    award.refresh_from_db()
    assert award.revoked_at is None


def test_queue_approve_and_request_changes(
    api, make_badge_class, learner, course, lessons, facilitator, make_user
):
    make_badge_class(course=course, min_reflections=1, requires_approval=True)
    finish_course(learner, lessons)
    reflect(learner, lessons, 1)
    [request] = services.badge_rules_evaluate(user=learner)

    api.force_authenticate(learner)
    _error(api.get("/api/v1/badges/queue/"), 403)
    _error(api.post(f"/api/v1/badges/queue/{request.pk}/approve/"), 403)

    api.force_authenticate(facilitator)
    [entry] = api.get("/api/v1/badges/queue/").json()
    assert entry["id"] == request.pk and entry["learner"]["name"] == "Kevin Tran"
    assert entry["reflections"][0]["text"] == "What I learned in Lesson 1.1."
    assert entry["practice_hours"] == "0.00"

    url = f"/api/v1/badges/queue/{request.pk}/request-changes/"
    _error(api.post(url, {"message": ""}, format="json"), 400)
    changed = api.post(url, {"message": "One more reflection."}, format="json")
    assert changed.status_code == 200 and changed.json()["status"] == "changes"
    approved = api.post(f"/api/v1/badges/queue/{request.pk}/approve/")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert approved.json()["award_id"] == str(learner.badge_awards.get().entity_id)
    _error(api.post(f"/api/v1/badges/queue/{request.pk}/approve/"), 404)
    _error(api.post("/api/v1/badges/queue/99999/approve/"), 404)


def _count(api, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", [1, 6])
def test_list_query_counts_are_flat(
    api, make_badge_class, learner, facilitator, make_user, self_paced, size
):
    from cohorts import services as cohort_services

    for index in range(size):
        badge_class = make_badge_class(requires_approval=True)
        services.badge_award(badge_class=badge_class, recipient=learner, method="rules")
        person = make_user(f"w{size}x{index}")
        cohort_services.cohort_enroll(cohort=self_paced, user=person)
        services.certification_request_open(badge_class=badge_class, learner=person)
    assert _count(api, "/api/v1/badges/classes/") == 3
    api.force_authenticate(learner)
    assert _count(api, "/api/v1/badges/awards/mine/") == 2
    api.force_authenticate(facilitator)
    assert (
        _count(api, "/api/v1/badges/queue/") == 4
    )  # + practice hours, one query per practice window
