"""Practice API: CRUD of my entries, errors in the one JSON shape, my summary, team
aggregates for leads only, the public feedback submission, and the OpenAPI schema."""

from __future__ import annotations

from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from practice import services
from practice.models import FeedbackLink, FeedbackResponse, Kind, PracticeEntry

pytestmark = pytest.mark.django_db

BASE = "/api/v1/practice"


@pytest.fixture
def api():
    return APIClient()


def _payload(today, **fields):
    data = {
        "date": today.isoformat(),
        "minutes": 50,
        "kind": Kind.TECH_CLUB,
        "teachers_reached": 8,
        "grade_band": "mixed",
        "focus_tags": ["Chromebooks", "accessibility"],
        "private_notes": "Dictation was the hit.",
    }
    data.update(fields)
    return data


def _error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content
    body = response.json()["error"]
    assert set(body) >= {"code", "message"}
    if code:
        assert body["code"] == code
    return body


def test_entries_require_login(api):
    _error(api.get(f"{BASE}/entries/"), 401, "not_authenticated")


def test_entry_crud(api, coach, today):
    api.force_authenticate(coach)
    created = api.post(f"{BASE}/entries/", _payload(today), format="json")
    assert created.status_code == 201
    entry = created.json()
    assert entry["focus_tags"] == ["chromebooks", "accessibility"]
    assert entry["private_notes"] == "Dictation was the hit."
    listed = api.get(f"{BASE}/entries/").json()
    assert listed["count"] == 1 and listed["results"][0]["id"] == entry["id"]
    patched = api.patch(f"{BASE}/entries/{entry['id']}/", {"minutes": 65}, format="json")
    assert patched.status_code == 200 and patched.json()["minutes"] == 65
    assert patched.json()["kind"] == Kind.TECH_CLUB
    put = api.put(f"{BASE}/entries/{entry['id']}/", _payload(today, kind="planning"), format="json")
    assert put.json()["kind"] == "planning"
    assert api.delete(f"{BASE}/entries/{entry['id']}/").status_code == 204
    assert not PracticeEntry.objects.exists()


def test_entry_list_is_paginated(api, coach, log):
    for day in range(25):
        log(coach, days_ago=day, minutes=30)
    api.force_authenticate(coach)
    page = api.get(f"{BASE}/entries/").json()
    assert page["count"] == 25 and len(page["results"]) == 20 and page["next"]


@pytest.mark.parametrize(
    "fields,status,code",
    [
        ({"minutes": 0}, 400, "bad_duration"),
        ({"minutes": -10}, 400, "bad_duration"),
        ({"minutes": 1441}, 400, "bad_duration"),
        ({"kind": "lunch"}, 400, "validation_error"),
        ({"date": "not a date"}, 400, "validation_error"),
        ({"lesson": 999999}, 400, "unknown_lesson"),
    ],
)
def test_bad_entries_answer_the_error_shape_and_store_nothing(
    api, coach, today, fields, status, code
):
    api.force_authenticate(coach)
    _error(api.post(f"{BASE}/entries/", _payload(today, **fields), format="json"), status, code)
    assert not PracticeEntry.objects.exists()


def test_future_dates_and_full_days_are_refused(api, coach, today, log):
    api.force_authenticate(coach)
    future = _payload(today, date=(today + timedelta(days=1)).isoformat())
    body = _error(api.post(f"{BASE}/entries/", future, format="json"), 400, "future_date")
    assert body["fields"] == {"date": [body["message"]]}
    log(coach, minutes=1400)
    _error(
        api.post(f"{BASE}/entries/", _payload(today, minutes=41), format="json"),
        400,
        "day_over_24_hours",
    )
    assert PracticeEntry.objects.count() == 1


def test_another_coachs_entry_is_not_found(api, coach, make_user, log):
    entry = log(coach, private_notes="mine")
    api.force_authenticate(make_user())
    _error(api.get(f"{BASE}/entries/{entry.pk}/"), 404, "not_found")
    _error(api.patch(f"{BASE}/entries/{entry.pk}/", {"minutes": 5}, format="json"), 404)
    _error(api.delete(f"{BASE}/entries/{entry.pk}/"), 404)
    assert api.get(f"{BASE}/entries/").json()["count"] == 0
    entry.refresh_from_db()
    assert entry.minutes == 60


def test_my_summary(api, coach, lead, make_team, log, answer, today):
    make_team(lead=lead, members=[coach])
    services.practice_target_set(coach=coach, hours=2, by=lead)
    entry = log(coach, date=today.replace(day=1), minutes=90, kind=Kind.TECH_CLUB)
    answer(entry, usefulness=5)
    api.force_authenticate(coach)
    data = api.get(f"{BASE}/summary/", {"months": 3}).json()
    assert data["target_hours"] == "2.0" and data["percent_of_target"] == 75
    assert len(data["months"]) == 3
    current = data["months"][-1]
    assert current["hours"] == "1.5" and current["hours_by_kind"]["tech_club"] == "1.5"
    assert current["feedback"]["responses"] == 1 and current["feedback"]["usefulness"] == "5.0"
    _error(api.get(f"{BASE}/summary/", {"months": "x"}), 400)


def test_team_aggregates_for_leads_only(api, lead, make_user, make_team, log, answer):
    maya = make_user("maya4")
    team = make_team(lead=lead, members=[maya])
    other = make_team(lead=make_user("marcus"), members=[make_user()])
    entry = log(maya, private_notes="SECRET", minutes=120)
    for _ in range(2):
        answer(entry, comment="COMMENT")
    api.force_authenticate(lead)
    data = api.get(f"{BASE}/teams/{team.pk}/").json()
    assert data["name"] == team.name
    member = data["members"][0]
    assert member["months"][-1]["hours"] == "2.0"
    assert member["months"][-1]["feedback"] == {
        "responses": None,
        "suppressed": True,
        "usefulness": None,
        "confidence": None,
    }
    assert "SECRET" not in str(data) and "COMMENT" not in str(data)
    assert [t["id"] for t in api.get(f"{BASE}/teams/").json()] == [team.pk]
    _error(api.get(f"{BASE}/teams/{other.pk}/"), 404, "not_found")
    api.force_authenticate(maya)
    _error(api.get(f"{BASE}/teams/{team.pk}/"), 404)
    assert api.get(f"{BASE}/teams/").json() == []


def test_public_feedback_submission(api, coach, log):
    _link, token = services.feedback_link_create(entry=log(coach), by=coach)
    body = {"token": token, "usefulness": 4, "confidence": 5, "comment": "Thanks"}
    response = api.post(f"{BASE}/feedback/", body, format="json")
    assert response.status_code == 201 and response.json() == {"ok": True}
    _error(api.post(f"{BASE}/feedback/", body, format="json"), 410, "feedback_link_used")
    _error(
        api.post(f"{BASE}/feedback/", {**body, "token": "x" * 43}, format="json"),
        404,
        "feedback_link_unknown",
    )
    assert FeedbackResponse.objects.count() == 1


def test_coach_makes_a_link_and_reads_the_answers_through_the_api(api, coach, make_user, log):
    entry = log(coach)
    api.force_authenticate(coach)
    made = api.post(f"{BASE}/entries/{entry.pk}/feedback-links/")
    assert made.status_code == 201
    token = made.json()["url"].rstrip("/").rsplit("/", 1)[1]
    assert FeedbackLink.objects.get().token_hash == services.hash_token(token)
    anonymous = APIClient()
    body = {"token": token, "usefulness": 5, "confidence": 3, "comment": "Useful!"}
    assert anonymous.post(f"{BASE}/feedback/", body, format="json").status_code == 201
    results = api.get(f"{BASE}/entries/{entry.pk}/feedback/").json()
    assert results["count"] == 1 and results["usefulness"] == 5.0
    assert [c["comment"] for c in results["comments"]] == ["Useful!"]
    api.force_authenticate(make_user())
    _error(api.get(f"{BASE}/entries/{entry.pk}/feedback/"), 404)
    _error(api.post(f"{BASE}/entries/{entry.pk}/feedback-links/"), 404)
    assert FeedbackLink.objects.count() == 1


def test_public_feedback_errors(api, coach, log):
    link, token = services.feedback_link_create(entry=log(coach), by=coach)
    base = {"token": token, "usefulness": 4, "confidence": 5}
    _error(api.post(f"{BASE}/feedback/", {**base, "usefulness": 6}, format="json"), 400)
    _error(api.post(f"{BASE}/feedback/", {**base, "website": "x"}, format="json"), 400, "spam")
    FeedbackLink.objects.filter(pk=link.pk).update(expires_at=link.created_at)
    _error(api.post(f"{BASE}/feedback/", base, format="json"), 410, "feedback_link_expired")
    assert not FeedbackResponse.objects.exists()


def test_public_feedback_is_throttled_per_ip(api, coach, log):
    entry = log(coach)
    limit = services.feedback.RATE_LIMIT
    tokens = [services.feedback_link_create(entry=entry, by=coach)[1] for _ in range(limit + 1)]
    for token in tokens[:limit]:
        body = {"token": token, "usefulness": 4, "confidence": 4}
        assert api.post(f"{BASE}/feedback/", body, format="json").status_code == 201
    body = {"token": tokens[-1], "usefulness": 4, "confidence": 4}
    _error(api.post(f"{BASE}/feedback/", body, format="json"), 429, "rate_limited")
    assert FeedbackResponse.objects.count() == limit


@pytest.mark.parametrize("entries", [3, 40])
def test_entry_list_api_query_count_is_flat(api, coach, log, entries, django_assert_num_queries):
    for day in range(entries):
        log(coach, days_ago=day % 200, minutes=5)
    api.force_authenticate(coach)
    with django_assert_num_queries(2):  # count + page (with feedback counts)
        response = api.get(f"{BASE}/entries/")
    assert len(response.json()["results"]) == min(entries, 20)


def test_schema_lists_the_practice_api(client):
    paths = client.get("/api/v1/schema/?format=json").json()["paths"]
    for path in (
        "entries/",
        "entries/{id}/",
        "entries/{id}/feedback-links/",
        "entries/{id}/feedback/",
        "summary/",
        "teams/",
        "teams/{id}/",
        "feedback/",
    ):
        assert f"/api/v1/practice/{path}" in paths
