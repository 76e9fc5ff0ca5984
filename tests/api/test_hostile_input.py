"""Hostile input never gives a 5xx: one test per reproducer of issue 10 (points 1 and 2), on
the real endpoints. Out-of-range ids are 404 in the path and 400 in bodies and filters; every
text input has a length limit; wrong JSON types are refused, not coerced; search takes any
text; the CSV upload names its limits; every unknown URL under /api/ is the JSON 404."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from practice import services as practice_services
from practice.models import Kind, PracticeEntry

pytestmark = pytest.mark.django_db

HUGE = "3729175242605049937920"  # far past the signed 64-bit range
JUST_PAST_INT64 = str(2**63)


@pytest.fixture
def api():
    return APIClient()


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert {"code", "message"} <= set(body["error"])
    return body["error"]


# --- out-of-range ids -------------------------------------------------------------------------


@pytest.mark.parametrize("number", [HUGE, JUST_PAST_INT64, "99999999999999999999"])
def test_huge_course_id_in_the_path_is_the_json_404(api, course, number):
    _error(api.get(f"/api/v1/courses/{number}/"), 404)


def test_huge_ids_in_api_paths_are_the_json_404(api, coach, cohort):
    api.force_authenticate(coach)
    for method, url in [
        ("get", f"/api/v1/cohorts/{HUGE}/"),
        ("post", f"/api/v1/lessons/{HUGE}/completion/"),
        ("get", f"/api/v1/lessons/{JUST_PAST_INT64}/reflections/"),
        ("get", f"/api/v1/practice/entries/{HUGE}/"),
        ("get", f"/api/v1/community/spaces/{HUGE}/threads/"),
        ("post", f"/api/v1/badges/queue/{HUGE}/approve/"),
    ]:
        _error(getattr(api, method)(url, {"done": True}, format="json"), 404)


def test_huge_ids_in_page_paths_are_404_not_500(client, coach, cohort):
    client.force_login(coach)
    for url in [f"/cohorts/{HUGE}/", f"/practice/entries/{HUGE}/", f"/community/spaces/{HUGE}/"]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("value", ["99999999999999999999", JUST_PAST_INT64, "abc", "-1", "1.5"])
def test_course_filter_out_of_range_or_garbage_is_a_400(api, cohort, value):
    error = _error(api.get("/api/v1/cohorts/", {"course": value}), 400)
    assert "course" in error["fields"]


@pytest.fixture
def entry(coach):
    return practice_services.practice_entry_create(
        coach=coach, date=timezone.localdate(), minutes=30, kind=Kind.OFFICE_HOURS
    )


@pytest.mark.parametrize("lesson", [int(HUGE), 2**63, 2**31 + 5])
def test_huge_lesson_in_an_entry_patch_is_a_400(api, coach, entry, lesson):
    api.force_authenticate(coach)
    response = api.patch(f"/api/v1/practice/entries/{entry.pk}/", {"lesson": lesson}, format="json")
    assert response.status_code in (400, 404)
    error = _error(response, response.status_code)
    assert "lesson" in error.get("fields", {})
    entry.refresh_from_db()
    assert entry.lesson_id is None


def test_huge_ids_in_other_bodies_are_400(api, coach, cohort):
    api.force_authenticate(coach)
    response = api.post(
        "/api/v1/community/notifications/read/", {"ids": [int(HUGE)]}, format="json"
    )
    assert "ids" in _error(response, 400)["fields"]
    response = api.post(
        "/api/v1/badges/awards/", {"recipient": int(HUGE), "badge_class": 1}, format="json"
    )
    assert response.status_code in (400, 403), response.content


# --- text length limits -----------------------------------------------------------------------


def test_token_with_a_megabyte_username_is_a_400(api, coach):
    response = api.post(
        "/api/v1/auth/token/",
        {"username": "a%" * 500_000, "password": "a-long-pass-phrase"},
        format="json",
    )
    assert "username" in _error(response, 400)["fields"]


def test_login_page_with_a_megabyte_username_is_not_a_500(client, coach):
    response = client.post(
        "/accounts/login/", {"username": "a%" * 500_000, "password": "a-long-pass-phrase"}
    )
    assert response.status_code == 200  # the form again, with its error


# --- search is plain text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ['"', '"coach', "coach*", "*", "(", "trust)", "NEAR(trust coach)", "trust NEAR coach",
     "-trust", "^trust", "trust AND", "OR", "NOT trust", 'a "b', "'", "\\", "%", "{x}", ":",
     "col:trust", "trust + coach", "🙂", "relation-ship"],
)  # fmt: skip
def test_search_takes_any_text(client, make_course, query):
    make_course(modules=1, lessons=1)
    call_command("update_index", verbosity=0)
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_search_still_finds_words_around_syntax_characters(client, make_course):
    make_course(modules=1, lessons=1)
    call_command("update_index", verbosity=0)
    html = client.get("/search/", {"q": '"relationship*'}).content.decode()
    assert "Lesson 1.1" in html


# --- the facilitator's CSV upload -------------------------------------------------------------


def _upload(client, cohort, content: bytes):
    return client.post(
        f"/cohorts/{cohort.pk}/dashboard/enroll-csv/",
        {"file": SimpleUploadedFile("list.csv", content, content_type="text/csv")},
        follow=True,
    )


def test_csv_with_a_huge_field_is_a_form_error_naming_the_limit(client, facilitator, cohort):
    client.force_login(facilitator)
    response = _upload(client, cohort, b"email\n" + b"x" * 400_000 + b"@example.org\n")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was enrolled" not in html
    assert "a cell can be at most 254 characters" in html  # the error, not the help text


def test_csv_with_a_huge_quoted_field_is_a_form_error(client, facilitator, cohort):
    client.force_login(facilitator)
    response = _upload(client, cohort, b'email\n"' + b"x" * 200_000 + b'"\n')
    assert response.status_code == 200
    assert "a cell can be at most 254 characters" in response.content.decode()


def test_csv_with_a_long_cell_is_a_form_error(client, facilitator, cohort):
    client.force_login(facilitator)
    response = _upload(client, cohort, b"email\n" + b"x" * 300 + b"@example.org\n")
    assert "Line 2: a cell can be at most 254 characters" in response.content.decode()


def test_csv_with_too_many_rows_is_a_form_error_naming_the_limit(client, facilitator, cohort):
    client.force_login(facilitator)
    rows = io.BytesIO()
    for n in range(1002):
        rows.write(f"p{n}@example.org\n".encode())
    response = _upload(client, cohort, rows.getvalue())
    assert "At most 1000 lines at a time" in response.content.decode()


def test_csv_form_states_its_limits(client, facilitator, cohort):
    client.force_login(facilitator)
    html = client.get(f"/cohorts/{cohort.pk}/dashboard/").content.decode()
    for limit in ("512 KB", "1000 lines", "254 characters"):
        assert limit in html


# --- wrong JSON types are refused -------------------------------------------------------------


@pytest.mark.parametrize(
    "field,value",
    [
        ("focus_tags", [1, 2]),
        ("focus_tags", [True]),
        ("focus_tags", [["nested"]]),
        ("focus_tags", "chromebooks"),
        ("private_notes", 123),
        ("private_notes", True),
        ("private_notes", ["a"]),
        ("private_notes", {"a": 1}),
        ("minutes", True),
        ("lesson", True),
        ("lesson", 1.5),
    ],
)
def test_wrong_json_types_are_refused_not_coerced(api, coach, entry, field, value):
    api.force_authenticate(coach)
    response = api.patch(f"/api/v1/practice/entries/{entry.pk}/", {field: value}, format="json")
    assert field in _error(response, 400)["fields"]
    stored = PracticeEntry.objects.get(pk=entry.pk)
    assert (stored.tags, stored.private_notes, stored.minutes) == ([], "", 30)


def test_focus_tags_limits_are_the_services(api, coach, entry):
    api.force_authenticate(coach)
    url = f"/api/v1/practice/entries/{entry.pk}/"
    too_many = api.patch(url, {"focus_tags": [f"t{n}" for n in range(9)]}, format="json")
    assert "focus_tags" in _error(too_many, 400)["fields"]
    too_long = api.patch(url, {"focus_tags": ["x" * 31]}, format="json")
    assert "focus_tags" in _error(too_long, 400)["fields"]
    ok = api.patch(url, {"focus_tags": [f"t{n}" for n in range(8)]}, format="json")
    assert ok.status_code == 200, ok.content


def test_string_fields_refuse_numbers_everywhere(api, coach):
    response = api.post("/api/v1/auth/token/", {"username": 123, "password": 456}, format="json")
    assert {"username", "password"} <= set(_error(response, 400)["fields"])


# --- unknown URLs under /api/ -----------------------------------------------------------------


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/nonexistent/",
        "/api/v1/nonexistent",
        "/api/v1/badges/awards/not-a-uuid/revoke/",
        "/api/v1/courses/abc/",
        "/api/v1/cohorts/1/nope/",
        "/api/v2/",
        "/api/",
        "/api",
    ],
)
def test_unknown_api_urls_are_the_json_404(api, settings, debug, url):
    settings.DEBUG = debug
    error = _error(api.get(url), 404)
    assert error["code"] == "not_found"
    _error(api.post(url, {}, format="json"), 404)


# --- ids read from HTML form posts ------------------------------------------------------------


@pytest.mark.parametrize("lesson", ["abc", HUGE, "-1", "1.5"])
def test_thread_form_with_a_garbage_lesson_is_not_a_500(client, coach, cohort, lesson):
    from cohorts import services as cohort_services
    from community import services as community_services

    cohort_services.cohort_enroll(cohort=cohort, user=coach)
    space = community_services.space_for_cohort(cohort=cohort)
    client.force_login(coach)
    response = client.post(
        f"/community/spaces/{space.pk}/threads/new/",
        {"title": "Hello", "body": "First post", "lesson": lesson},
    )
    assert response.status_code == 302
    assert space.threads.get().lesson_id is None


@pytest.mark.parametrize("target", ["abc", HUGE, ""])
def test_move_form_with_a_garbage_cohort_is_not_a_500(client, facilitator, cohort, coach, target):
    from cohorts import services as cohort_services

    enrollment = cohort_services.cohort_enroll(cohort=cohort, user=coach).enrollment
    client.force_login(facilitator)
    response = client.post(
        f"/cohorts/{cohort.pk}/dashboard/learners/{enrollment.pk}/move/",
        {"to_cohort": target},
        follow=True,
    )
    assert response.status_code == 200
    assert "Choose a cohort to move the learner to." in response.content.decode()


def test_a_body_past_the_upload_limit_is_a_json_413(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = '{"username": "' + "a" * 20_000 + '", "password": "x"}'
    response = api.post("/api/v1/auth/token/", body, content_type="application/json")
    assert _error(response, 413)["code"] == "request_too_large"


def test_too_many_form_fields_is_a_json_400(api, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    body = "&".join(f"f{n}=1" for n in range(50))
    response = api.post(
        "/api/v1/auth/token/", body, content_type="application/x-www-form-urlencoded"
    )
    assert _error(response, 400)["code"] == "bad_request"
