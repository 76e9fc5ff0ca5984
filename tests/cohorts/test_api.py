"""The cohorts API (/api/v1/) as coaches, facilitators and team leads use it: happy paths,
object-level permissions, the one error shape, and nothing half-written after an error."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from cohorts import services
from cohorts.models import (
    CohortStatus,
    Enrollment,
    Invitation,
    LessonCompletion,
    Pace,
    Reflection,
    ReflectionFeedback,
    TeamMembership,
)
from courses.models import LessonPage
from tests.concurrent_requests import on_postgresql, post_at_once

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def api():
    return APIClient()


def as_user(api, user):
    api.force_authenticate(user=user)
    return api


def _lesson(slug: str) -> LessonPage:
    return LessonPage.objects.get(slug=slug)


def _reflection_block(lesson: LessonPage) -> str:
    return next(b.id for b in lesson.body if b.block_type == "reflection_prompt")


def assert_error(response, status: int, code: str, message: str | None = None) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    if message is not None:
        assert message in error["message"]
    return error


@pytest.fixture
def enrolled(cohort, coach):
    return services.cohort_enroll(cohort=cohort, user=coach).enrollment


@pytest.fixture
def team(cohort, facilitator, make_user):
    org = services.organization_create(name="Riverside Unified")
    lead = make_user("lena")
    return services.team_create(
        organization=org,
        cohort=cohort,
        name="Riverside Liaisons",
        seats=2,
        leads=[lead],
        by=facilitator,
    )


@pytest.fixture
def lead(team):
    return team.memberships.get(role=TeamMembership.Role.LEAD).user


@pytest.fixture
def member(team, make_user):
    person = make_user("diego")
    services.team_join(token=team.join_token, user=person)
    return person


# --- cohort list and detail ----------------------------------------------------------------


def test_anonymous_list_shows_published_cohorts_with_seats(api, cohort, make_cohort, facilitator):
    make_cohort(title="Not yet", status=CohortStatus.DRAFT)
    response = api.get(f"{API}/cohorts/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["results"]
    assert item["id"] == cohort.pk
    assert item["course"] == {"id": cohort.course_id, "title": "Test Course"}
    assert item["pace"] == "facilitated" and item["status"] == "open"
    assert item["capacity"] == 20 and item["seats_left"] == 20 and item["waitlisted"] == 0
    assert item["facilitators"] == ["Fran"]
    assert item["time_zone"] == "UTC"
    assert item["my_enrollment"] is None
    assert {"starts_on", "ends_on", "enrollment_opens_at", "enrollment_closes_at"} <= set(item)


def test_list_filters_by_course_pace_and_open(api, cohort, self_paced, make_cohort, make_course):
    now = timezone.now()
    make_cohort(
        title="Closed",
        enrollment_closes_at=now - timedelta(days=1),
        enrollment_opens_at=now - timedelta(days=9),
    )
    other = make_course(slug="other-course", title="Other Course")
    make_cohort(title="Other", course=other)

    def titles(query: str) -> list[str]:
        return [c["title"] for c in api.get(f"{API}/cohorts/{query}").json()["results"]]

    track = f"{cohort.course.title} · self-paced"
    assert titles(f"?course={cohort.course_id}") == ["Spring cohort", "Closed", track]
    assert titles(f"?course={other.pk}") == ["Other"]
    assert titles(f"?course={cohort.course_id}&pace=self_paced") == [track]
    assert titles(f"?course={cohort.course_id}&open=true") == ["Spring cohort", track]


def test_list_filter_errors_have_the_one_shape(api, cohort):
    error = assert_error(api.get(f"{API}/cohorts/?pace=weekly"), 400, "validation_error")
    assert set(error["fields"]) == {"pace"}
    error = assert_error(api.get(f"{API}/cohorts/?course=99999"), 400, "unknown_course")
    assert error["fields"] == {"course": ["No such course."]}


@pytest.mark.parametrize("extra", [2, 8])
def test_list_query_count_is_flat(
    api, make_cohort, make_user, coach, extra, django_assert_num_queries
):
    for n in range(extra):
        cohort = make_cohort(title=f"Cohort {n}", capacity=1)
        services.cohort_enroll(cohort=cohort, user=make_user())
        services.cohort_enroll(cohort=cohort, user=coach)  # waitlisted everywhere
    as_user(api, coach)
    with django_assert_num_queries(4):  # count, page, facilitators, my enrollments
        response = api.get(f"{API}/cohorts/")
    assert {c["my_enrollment"]["waitlist_position"] for c in response.json()["results"]} == {1}


def test_detail_has_schedule_and_hides_join_links_from_outsiders(api, cohort, facilitator, coach):
    services.live_session_create(
        cohort=cohort,
        by=facilitator,
        title="Office hours",
        starts_at=timezone.now() + timedelta(days=2),
        join_url="https://meet.example.org/x",
    )
    body = api.get(f"{API}/cohorts/{cohort.pk}/").json()
    assert [m["title"] for m in body["schedule"]["modules"]] == ["Module 1", "Module 2", "Module 3"]
    first = body["schedule"]["modules"][0]
    assert first["release_on"] == cohort.starts_on.isoformat()
    assert first["due_on"] == (cohort.starts_on + timedelta(days=6)).isoformat()
    [session] = body["schedule"]["live_sessions"]
    assert session["title"] == "Office hours" and session["join_url"] is None
    assert body["seats_left"] == 20

    services.cohort_enroll(cohort=cohort, user=coach)
    body = as_user(api, coach).get(f"{API}/cohorts/{cohort.pk}/").json()
    assert body["schedule"]["live_sessions"][0]["join_url"] == "https://meet.example.org/x"
    assert body["my_enrollment"]["status"] == "active"
    assert body["seats_left"] == 19


def test_draft_cohort_is_404_except_for_its_facilitator(api, make_cohort, coach, facilitator):
    draft = make_cohort(title="Draft", status=CohortStatus.DRAFT)
    assert_error(api.get(f"{API}/cohorts/{draft.pk}/"), 404, "not_found")
    assert_error(as_user(api, coach).get(f"{API}/cohorts/{draft.pk}/"), 404, "not_found")
    assert as_user(api, facilitator).get(f"{API}/cohorts/{draft.pk}/").status_code == 200


# --- enroll and drop ---------------------------------------------------------------------


def test_enroll_creates_then_returns_the_same_enrollment(
    api, cohort, coach, mailoutbox, django_capture_on_commit_callbacks
):
    as_user(api, coach)
    with django_capture_on_commit_callbacks(execute=True):
        first = api.post(f"{API}/cohorts/{cohort.pk}/enroll/")
    assert first.status_code == 201
    body = first.json()
    assert set(body) == {"id", "cohort_id", "status", "waitlist_position", "enrolled_at"}
    assert body["cohort_id"] == cohort.pk and body["status"] == "active"
    assert body["waitlist_position"] is None
    assert len(mailoutbox) == 1
    again = api.post(f"{API}/cohorts/{cohort.pk}/enroll/")
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    assert Enrollment.objects.count() == 1


def test_enroll_needs_a_login(api, cohort):
    assert_error(api.post(f"{API}/cohorts/{cohort.pk}/enroll/"), 401, "not_authenticated")
    assert not Enrollment.objects.exists()


def test_enrolling_in_a_finished_cohort_is_a_400_with_the_reason(api, make_cohort, coach):
    finished = make_cohort(title="Fall", status=CohortStatus.FINISHED)
    response = as_user(api, coach).post(f"{API}/cohorts/{finished.pk}/enroll/")
    assert response.json() == {
        "error": {
            "code": "cohort_closed",
            "message": "“Fall” is finished; it takes no new learners.",
        }
    }
    assert response.status_code == 400
    assert not Enrollment.objects.exists()


def test_enrolling_in_an_invisible_cohort_is_404(api, make_cohort, coach):
    draft = make_cohort(title="Draft", status=CohortStatus.DRAFT)
    assert_error(as_user(api, coach).post(f"{API}/cohorts/{draft.pk}/enroll/"), 404, "not_found")
    assert not Enrollment.objects.exists()


def test_waitlist_through_the_api(api, make_cohort, make_user):
    cohort = make_cohort(capacity=1)
    first, second, third = make_user(), make_user(), make_user()
    url = f"{API}/cohorts/{cohort.pk}/enroll/"
    assert as_user(api, first).post(url).json()["status"] == "active"
    waiting = as_user(api, second).post(url).json()
    assert (waiting["status"], waiting["waitlist_position"]) == ("waitlisted", 1)
    assert as_user(api, third).post(url).json()["waitlist_position"] == 2

    listed = api.get(f"{API}/cohorts/").json()["results"][0]
    assert listed["seats_left"] == 0 and listed["waitlisted"] == 2
    assert listed["my_enrollment"] == {
        "id": Enrollment.objects.get(user=third).pk,
        "status": "waitlisted",
        "waitlist_position": 2,
    }
    mine = api.get(f"{API}/me/enrollments/").json()
    assert [(e["status"], e["waitlist_position"], e["progress"]) for e in mine] == [
        ("waitlisted", 2, None)
    ]

    dropped = as_user(api, first).post(f"{API}/cohorts/{cohort.pk}/drop/")
    assert dropped.status_code == 200 and dropped.json()["status"] == "dropped"
    assert as_user(api, second).get(f"{API}/me/enrollments/").json()[0]["status"] == "active"
    third_view = as_user(api, third).get(f"{API}/cohorts/{cohort.pk}/").json()
    assert third_view["my_enrollment"]["waitlist_position"] == 1


def test_drop_without_an_enrollment_is_404(api, cohort, coach):
    assert_error(as_user(api, coach).post(f"{API}/cohorts/{cohort.pk}/drop/"), 404, "not_enrolled")


def test_a_dropped_learner_can_enroll_again_and_gets_201(api, cohort, coach, enrolled):
    as_user(api, coach).post(f"{API}/cohorts/{cohort.pk}/drop/")
    assert api.get(f"{API}/cohorts/{cohort.pk}/").json()["my_enrollment"] is None
    again = api.post(f"{API}/cohorts/{cohort.pk}/enroll/")
    assert again.status_code == 201 and again.json()["id"] == enrolled.pk


# --- my enrollments -------------------------------------------------------------------------


def test_my_enrollments_show_only_my_progress(api, cohort, coach, enrolled, make_user):
    services.lesson_complete(user=coach, lesson=_lesson("lesson-1-1"))
    other = make_user()
    services.cohort_enroll(cohort=cohort, user=other)
    for slug in ("lesson-1-1", "lesson-1-2"):
        services.lesson_complete(user=other, lesson=_lesson(slug))
    [mine] = as_user(api, coach).get(f"{API}/me/enrollments/").json()
    assert mine["id"] == enrolled.pk and mine["status"] == "active"
    assert mine["cohort"] == {"id": cohort.pk, "title": "Spring cohort", "pace": "facilitated"}
    assert mine["course"]["id"] == cohort.course_id
    progress = mine["progress"]
    assert (progress["done"], progress["total"], progress["percent"]) == (1, 6, 17)
    assert progress["behind"] is False
    assert progress["next_lesson"]["title"] == "Lesson 1.2"
    assert progress["next_lesson"]["url"].endswith("/lesson-1-2/")
    assert progress["last_activity"] is not None


def test_my_enrollments_flag_a_learner_behind(api, coach, make_cohort):
    late = make_cohort(title="Late", starts_on=timezone.localdate() - timedelta(days=20))
    # Joined before the start: the cohort's due dates are theirs (no catch-up dates).
    services.cohort_enroll(cohort=late, user=coach, at=timezone.now() - timedelta(days=21))
    [mine] = as_user(api, coach).get(f"{API}/me/enrollments/").json()
    assert mine["progress"]["behind"] is True


def test_token_auth_works_on_my_enrollments(api, client, coach, enrolled):
    token = client.post(
        f"{API}/auth/token/",
        {"username": "maya", "password": "a-long-pass-phrase"},
        content_type="application/json",
    ).json()["token"]
    response = client.get(f"{API}/me/enrollments/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200
    assert [e["id"] for e in response.json()] == [enrolled.pk]
    assert_error(client.get(f"{API}/me/enrollments/"), 401, "not_authenticated")


# --- lesson completion ------------------------------------------------------------------------


def test_complete_and_uncomplete_a_lesson(api, coach, enrolled):
    lesson = _lesson("lesson-1-1")
    url = f"{API}/lessons/{lesson.pk}/completion/"
    response = as_user(api, coach).post(url, {"done": True}, format="json")
    assert response.status_code == 200
    assert response.json() == {"lesson_id": lesson.pk, "done": True, "course_complete": False}
    assert LessonCompletion.objects.filter(user=coach).count() == 1
    response = api.post(url, {"done": False}, format="json")
    assert response.json()["done"] is False
    assert not LessonCompletion.objects.exists()


def test_completing_the_last_lesson_completes_the_course(api, coach, self_paced):
    services.cohort_enroll(cohort=self_paced, user=coach)
    lessons = list(LessonPage.objects.order_by("path"))
    for lesson in lessons[:-1]:
        services.lesson_complete(user=coach, lesson=lesson)
    response = as_user(api, coach).post(
        f"{API}/lessons/{lessons[-1].pk}/completion/", {"done": True}, format="json"
    )
    assert response.json()["course_complete"] is True


def test_a_locked_lesson_is_403_with_the_reason(api, coach, enrolled):
    locked = _lesson("lesson-2-1")  # module 2 opens a week after the start
    response = as_user(api, coach).post(
        f"{API}/lessons/{locked.pk}/completion/", {"done": True}, format="json"
    )
    assert_error(response, 403, "lesson_locked", "This module opens on")
    assert not LessonCompletion.objects.exists()


def test_completing_without_an_enrollment_is_403(api, cohort, coach):
    lesson = _lesson("lesson-1-1")
    response = as_user(api, coach).post(
        f"{API}/lessons/{lesson.pk}/completion/", {"done": True}, format="json"
    )
    assert_error(response, 403, "not_enrolled")
    assert not LessonCompletion.objects.exists()


def test_completion_input_errors(api, coach, enrolled):
    lesson = _lesson("lesson-1-1")
    as_user(api, coach)
    error = assert_error(
        api.post(f"{API}/lessons/{lesson.pk}/completion/", {}, format="json"),
        400,
        "validation_error",
    )
    assert set(error["fields"]) == {"done"}
    assert_error(
        api.post(f"{API}/lessons/999999/completion/", {"done": True}, format="json"),
        404,
        "not_found",
    )


# --- reflections and feedback -------------------------------------------------------------------


def test_save_and_read_own_reflection(api, coach, enrolled, make_user, cohort):
    lesson = _lesson("lesson-1-1")
    block_id = _reflection_block(lesson)
    url = f"{API}/lessons/{lesson.pk}/reflections/"
    saved = as_user(api, coach).put(
        url, {"block_id": block_id, "text": " I listened. "}, format="json"
    )
    assert saved.status_code == 200
    assert saved.json()["text"] == "I listened." and saved.json()["prompt"] == "Who trusts you?"
    again = api.put(url, {"block_id": block_id, "text": "I listened more."}, format="json")
    assert again.json()["id"] == saved.json()["id"]
    [mine] = api.get(url).json()
    assert (mine["block_id"], mine["text"], mine["feedback"]) == (block_id, "I listened more.", [])

    peer = make_user()
    services.cohort_enroll(cohort=cohort, user=peer)
    assert as_user(api, peer).get(url).json() == []


def test_invalid_reflections_are_refused_and_nothing_is_saved(api, coach, enrolled):
    lesson = _lesson("lesson-1-1")
    url = f"{API}/lessons/{lesson.pk}/reflections/"
    as_user(api, coach)
    error = assert_error(
        api.put(url, {"block_id": _reflection_block(lesson), "text": "   "}, format="json"),
        400,
        "invalid",
        "Write something",
    )
    assert set(error["fields"]) == {"text"}
    error = assert_error(
        api.put(url, {"block_id": "nope", "text": "Hi"}, format="json"), 400, "invalid"
    )
    assert set(error["fields"]) == {"block_id"}
    locked = _lesson("lesson-2-1")
    assert_error(
        api.put(
            f"{API}/lessons/{locked.pk}/reflections/",
            {"block_id": _reflection_block(locked), "text": "Early"},
            format="json",
        ),
        403,
        "lesson_locked",
    )
    assert not Reflection.objects.exists()


@pytest.fixture
def reflection(coach, enrolled):
    lesson = _lesson("lesson-1-1")
    return services.reflection_save(
        user=coach,
        lesson=lesson,
        block_id=_reflection_block(lesson),
        text="My principal worries me.",
    )


def test_facilitator_gives_feedback_and_the_learner_sees_it(
    api, facilitator, coach, reflection, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(api, facilitator).post(
            f"{API}/reflections/{reflection.pk}/feedback/",
            {"text": "Great start."},
            format="json",
        )
    assert response.status_code == 201
    assert response.json()["author"]["name"] == "Fran"
    assert [m.to for m in mailoutbox] == [[coach.email]]
    [mine] = as_user(api, coach).get(f"{API}/lessons/{reflection.lesson_id}/reflections/").json()
    assert [f["text"] for f in mine["feedback"]] == ["Great start."]


def test_only_the_learners_facilitators_can_give_feedback(
    api, make_user, make_cohort, coach, reflection, team, lead, member
):
    url = f"{API}/reflections/{reflection.pk}/feedback/"
    stranger_facilitator = make_user("sam")
    make_cohort(title="Other cohort").facilitators.set([stranger_facilitator])
    for outsider in (stranger_facilitator, lead, member, make_user()):
        response = as_user(api, outsider).post(url, {"text": "Hmm"}, format="json")
        assert_error(response, 404, "not_found", "No such reflection.")
        assert "principal" not in response.content.decode()
    assert_error(
        as_user(api, coach).post(url, {"text": "Me"}, format="json"), 403, "permission_denied"
    )
    assert not ReflectionFeedback.objects.exists()


def test_empty_feedback_is_refused(api, facilitator, reflection):
    response = as_user(api, facilitator).post(
        f"{API}/reflections/{reflection.pk}/feedback/", {"text": "  "}, format="json"
    )
    assert_error(response, 400, "invalid", "Write your feedback")
    assert not ReflectionFeedback.objects.exists()


# --- roster ------------------------------------------------------------------------------------


def _fill(cohort, make_user, n: int) -> None:
    lessons = list(LessonPage.objects.order_by("path")[:2])
    for _ in range(n):
        user = make_user()
        services.cohort_enroll(cohort=cohort, user=user)
        for lesson in lessons:
            services.lesson_complete(user=user, lesson=lesson)


def test_roster_for_the_cohorts_facilitator(api, cohort, facilitator, make_user, reflection):
    services.cohort_update(cohort=cohort, by=facilitator, capacity=1)
    waiting = make_user("wes", display_name="Wes")
    services.cohort_enroll(cohort=cohort, user=waiting)
    body = as_user(api, facilitator).get(f"{API}/cohorts/{cohort.pk}/roster/").json()
    assert body["cohort"]["id"] == cohort.pk
    assert [m["title"] for m in body["modules"]] == ["Module 1", "Module 2", "Module 3"]
    assert (body["count"], body["next"], body["previous"]) == (1, None, None)
    assert body["summary"] == {
        "active": 1,
        "behind": 0,
        "catching_up": 0,
        "on_track": 1,
        "not_started": 1,
    }
    [learner] = body["results"]
    assert learner["learner"]["name"] == "Maya" and learner["email"] == "maya@example.org"
    assert (learner["done"], learner["total"], learner["percent"]) == (0, 6, 0)
    assert learner["next_lesson"]["title"] == "Lesson 1.1"
    assert [(m["done"], m["total"], m["released"]) for m in learner["modules"]] == [
        (0, 2, True),
        (0, 2, False),
        (0, 2, False),
    ]
    assert learner["behind"] is False and learner["team"] is None
    assert [(w["learner"]["name"], w["position"]) for w in body["waitlist"]] == [("Wes", 1)]
    assert body["reflections_to_review"] == 1


def test_roster_is_only_for_the_cohorts_facilitators(
    api, cohort, enrolled, coach, make_user, make_cohort
):
    url = f"{API}/cohorts/{cohort.pk}/roster/"
    assert_error(as_user(api, coach).get(url), 403, "permission_denied")
    other_facilitator = make_user("sam")
    make_cohort(title="Theirs").facilitators.set([other_facilitator])
    assert_error(as_user(api, other_facilitator).get(url), 403, "permission_denied")
    draft = make_cohort(title="Draft", status=CohortStatus.DRAFT)
    assert_error(api.get(f"{API}/cohorts/{draft.pk}/roster/"), 404, "not_found")
    api.force_authenticate(user=None)
    assert_error(api.get(url), 401, "not_authenticated")


ROSTER_QUERIES = 16


@pytest.mark.parametrize("learners", [3, 25])
def test_roster_query_count_is_flat(
    api, make_cohort, facilitator, make_user, learners, django_assert_num_queries
):
    cohort = make_cohort(capacity=30)
    _fill(cohort, make_user, learners)
    as_user(api, facilitator)
    with django_assert_num_queries(ROSTER_QUERIES):
        response = api.get(f"{API}/cohorts/{cohort.pk}/roster/")
    body = response.json()
    assert body["count"] == learners and len(body["results"]) == min(learners, 20)
    assert {learner["done"] for learner in body["results"]} == {2}


def test_roster_pages_through_the_learners_by_name(api, make_cohort, facilitator, make_user):
    cohort = make_cohort(capacity=7)
    for n in range(8):  # the eighth waits
        services.cohort_enroll(cohort=cohort, user=make_user(f"p{n}", display_name=f"P{n}"))
    as_user(api, facilitator)
    url = f"{API}/cohorts/{cohort.pk}/roster/"
    first = api.get(url, {"page_size": 3}).json()
    assert first["count"] == 7 and first["previous"] is None
    assert [r["learner"]["name"] for r in first["results"]] == ["P0", "P1", "P2"]
    second = api.get(first["next"]).json()
    assert [r["learner"]["name"] for r in second["results"]] == ["P3", "P4", "P5"]
    assert second["previous"] and second["next"]
    last = api.get(second["next"]).json()
    assert [r["learner"]["name"] for r in last["results"]] == ["P6"] and last["next"] is None
    for page in (first, second, last):  # what every page shares
        assert page["summary"]["active"] == 7
        assert [w["learner"]["name"] for w in page["waitlist"]] == ["P7"]
        assert page["cohort"]["id"] == cohort.pk


def test_roster_page_out_of_range_or_not_a_number_is_a_404(api, cohort, facilitator, enrolled):
    as_user(api, facilitator)
    url = f"{API}/cohorts/{cohort.pk}/roster/"
    assert_error(api.get(url, {"page": 2}), 404, "not_found")
    assert_error(api.get(url, {"page": "abc"}), 404, "not_found")
    assert_error(api.get(url, {"page": 0}), 404, "not_found")
    assert_error(api.get(url, {"status": "lost"}), 400, "validation_error")
    assert_error(api.get(url, {"sort": "age"}), 400, "validation_error")
    assert api.get(url, {"page": 1, "status": "on_track", "sort": "progress"}).status_code == 200


# --- teams ----------------------------------------------------------------------------------------


def test_teams_lists_mine_with_my_role(api, team, lead, member, make_user):
    [led] = as_user(api, lead).get(f"{API}/teams/").json()
    assert led["id"] == team.pk and led["my_role"] == "lead"
    assert led["organization"] == "Riverside Unified" and led["seats"] == 2
    assert as_user(api, member).get(f"{API}/teams/").json()[0]["my_role"] == "member"
    assert as_user(api, make_user()).get(f"{API}/teams/").json() == []


def test_team_lead_sees_progress_but_never_reflections(api, team, lead, member):
    lesson = _lesson("lesson-1-1")
    services.lesson_complete(user=member, lesson=lesson)
    services.reflection_save(
        user=member,
        lesson=lesson,
        block_id=_reflection_block(lesson),
        text="My principal worries me.",
    )
    response = as_user(api, lead).get(f"{API}/teams/{team.pk}/progress/")
    assert response.status_code == 200
    body = response.json()
    assert body["team"]["name"] == "Riverside Liaisons"
    assert (body["done"], body["total"], body["percent"], body["behind"], body["complete"]) == (
        1,
        6,
        17,
        0,
        0,
    )
    [row] = body["members"]
    assert row["learner"]["name"] == "Diego" and row["percent"] == 17
    assert row["team"] == "Riverside Liaisons"
    text = response.content.decode()
    assert "principal" not in text and "reflection" not in text and "email" not in text


def test_team_progress_is_for_leads_only(api, team, member, make_user):
    url = f"{API}/teams/{team.pk}/progress/"
    assert_error(as_user(api, member).get(url), 403, "permission_denied")
    assert_error(as_user(api, make_user()).get(url), 404, "not_found")


def test_lead_invites_by_email(
    api, team, lead, member, mailoutbox, django_capture_on_commit_callbacks
):
    url = f"{API}/teams/{team.pk}/invitations/"
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(api, lead).post(url, {"email": "priya@example.org"}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "priya@example.org" and body["team_id"] == team.pk
    assert "token" not in body
    assert [m.to for m in mailoutbox] == [["priya@example.org"]]

    error = assert_error(
        as_user(api, lead).post(url, {"email": "nope"}, format="json"), 400, "validation_error"
    )
    assert set(error["fields"]) == {"email"}
    assert_error(
        as_user(api, member).post(url, {"email": "x@example.org"}, format="json"),
        403,
        "permission_denied",
    )
    assert Invitation.objects.count() == 1


def test_invitation_accept(api, team, lead, make_user):
    invitation = services.team_invite(team=team, email="Priya@example.org", by=lead)
    url = f"{API}/invitations/{invitation.token}/accept/"
    wrong = make_user("sol")
    assert_error(as_user(api, wrong).post(url), 403, "permission_denied", "Priya@example.org")
    assert not Enrollment.objects.filter(user=wrong).exists()

    priya = make_user("priya")
    response = as_user(api, priya).post(url)
    assert response.status_code == 200
    assert response.json()["status"] == "active"
    assert Enrollment.objects.get(user=priya).team == team
    assert_error(api.post(url), 400, "invitation_used")
    assert_error(api.post(f"{API}/invitations/not-a-token/accept/"), 404, "invalid_invitation")


def test_team_join_link(api, team, make_user):
    url = f"{API}/teams/join/{team.join_token}/"
    first = as_user(api, make_user()).post(url)
    assert first.status_code == 200 and first.json()["status"] == "active"
    as_user(api, make_user()).post(url)  # the second and last seat
    memberships = TeamMembership.objects.count()
    late = make_user()
    assert_error(as_user(api, late).post(url), 400, "team_full")
    assert TeamMembership.objects.count() == memberships
    assert not Enrollment.objects.filter(user=late).exists()
    assert_error(api.post(f"{API}/teams/join/not-a-token/"), 404, "invalid_link")


def test_live_sessions_are_not_shown_for_other_cohorts(api, cohort, make_cohort, facilitator):
    other = make_cohort(title="Other")
    services.live_session_create(
        cohort=other, by=facilitator, title="Theirs", starts_at=timezone.now()
    )
    body = api.get(f"{API}/cohorts/{cohort.pk}/").json()
    assert body["schedule"]["live_sessions"] == []


def test_self_paced_detail_has_no_cohort_dates(api, self_paced):
    body = api.get(f"{API}/cohorts/{self_paced.pk}/").json()
    assert body["pace"] == Pace.SELF_PACED and body["capacity"] is None
    assert body["seats_left"] is None and body["schedule"]["modules"] == []


@on_postgresql
def test_two_simultaneous_first_enrollments_answer_201_once(cohort, coach):
    statuses = post_at_once(coach, f"{API}/cohorts/{cohort.pk}/enroll/")
    assert statuses == [200, 201]
    assert Enrollment.objects.filter(cohort=cohort, user=coach).count() == 1
