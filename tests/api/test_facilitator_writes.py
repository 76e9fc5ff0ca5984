"""The API does what the screens do (issue 11, point 12): a district's systems, signed in with
a token as a facilitator or an administrator, open and change cohort runs, enroll a list of
emails, post announcements, schedule live sessions, move module dates, decide team seats and
set practice targets, through the services the pages use, with their rights (a coach is
refused, a cohort one may not see is a 404) and the one JSON error shape; a refusal writes
nothing, and times without an offset are read in the cohort's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import yaml
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.services import user_grant_admin
from cohorts import services
from cohorts.models import (
    Announcement,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    Invitation,
    LiveSession,
    ModuleSchedule,
    SeatRequest,
)
from courses.models import ModulePage
from practice.models import PracticeSettings

pytestmark = pytest.mark.django_db

API = "/api/v1"


# --- people and cohorts -----------------------------------------------------------------------


@pytest.fixture
def fran(facilitator):
    """The facilitator, in the Facilitators group (which may open cohorts in the admin)."""
    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    return facilitator


@pytest.fixture
def admin(make_user):
    return user_grant_admin(user=make_user("ada"), superuser=True)


@pytest.fixture
def other_facilitator(make_user):
    return make_user("otto", role="facilitator")


@pytest.fixture
def outsider_cohort(course, other_facilitator):
    """A draft run someone else facilitates: fran may not even see it."""
    today = timezone.localdate()
    return services.cohort_create(
        course=course,
        title="Otto's draft",
        starts_on=today,
        ends_on=today + timedelta(days=60),
        capacity=10,
        status=CohortStatus.DRAFT,
        facilitators=[other_facilitator],
    )


def signed_in(user) -> APIClient:
    """A client that authenticates as a district's system does: a token, no session."""
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def assert_error(response, status: int, code: str | None = None, field: str | None = None):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code, error
    if field is not None:
        assert field in error["fields"], error
    return error


def new_run(course, /, **overrides) -> dict:
    body = {
        "course": course.pk,
        "title": "Fall run",
        "starts_on": "2027-01-11",
        "ends_on": "2027-03-31",
        "capacity": 25,
        "time_zone": "America/Los_Angeles",
        "status": "open",
    }
    body.update(overrides)
    return body


# --- POST /cohorts/ ---------------------------------------------------------------------------


def test_a_facilitator_opens_a_run_and_runs_it(fran, course):
    response = signed_in(fran).post(f"{API}/cohorts/", new_run(course), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    cohort = Cohort.objects.get(pk=body["id"])
    assert list(cohort.facilitators.all()) == [fran]  # kept among them, as the admin form
    assert body["facilitators"] == [fran.public_name]
    assert body["time_zone"] == "America/Los_Angeles"
    assert len(body["schedule"]["modules"]) == 3  # one module a week, as cohort_create does
    assert body["schedule"]["modules"][1]["release_on"] == "2027-01-18"


def test_an_administrator_opens_a_run_for_a_facilitator(admin, fran, course):
    response = signed_in(admin).post(
        f"{API}/cohorts/", new_run(course, facilitators=[fran.pk]), format="json"
    )
    assert response.status_code == 201, response.content
    assert list(Cohort.objects.get(pk=response.json()["id"]).facilitators.all()) == [fran]


def test_a_self_paced_track_is_named_after_its_course(admin, course):
    response = signed_in(admin).post(
        f"{API}/cohorts/",
        {"course": course.pk, "pace": "self_paced", "status": "open"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["title"] == Cohort.self_paced_title(course.title)


def test_a_coach_cannot_open_a_run(coach, course):
    response = signed_in(coach).post(f"{API}/cohorts/", new_run(course), format="json")
    assert_error(response, 403, "permission_denied")
    assert not Cohort.objects.exists()


def test_a_facilitator_outside_the_group_cannot_open_a_run(facilitator, course):
    response = signed_in(facilitator).post(f"{API}/cohorts/", new_run(course), format="json")
    assert_error(response, 403, "permission_denied")
    assert not Cohort.objects.exists()


def test_the_service_itself_refuses_someone_without_the_right(coach, course):
    from core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.cohort_create(course=course, title="X", by=coach)
    assert not Cohort.objects.exists()


@pytest.mark.parametrize(
    "overrides,field,code",
    [
        ({"ends_on": "2027-01-01"}, "ends_on", "invalid"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "validation_error"),
        ({"capacity": 0}, "capacity", "validation_error"),
        ({"capacity": "many"}, "capacity", "validation_error"),
        ({"title": 42}, "title", "validation_error"),
        ({"title": "  "}, "title", "invalid"),  # a facilitated run needs one
        ({"course": 2**31 - 1}, "course", "unknown_course"),
        ({"enrollment_opens_at": "soon"}, "enrollment_opens_at", "validation_error"),
        # Near the calendar's ends date arithmetic overflows: refused, never a 500.
        ({"starts_on": "9999-12-30", "ends_on": "9999-12-31"}, "starts_on", "validation_error"),
        (
            {"enrollment_opens_at": "0001-01-01T00:00", "time_zone": "Asia/Tokyo"},
            "enrollment_opens_at",
            "validation_error",
        ),
        (
            {
                "enrollment_opens_at": "2027-01-05T09:00",
                "enrollment_closes_at": "2027-01-04T09:00",
            },
            "enrollment_closes_at",
            "invalid",
        ),
    ],
)
def test_bad_input_is_a_400_that_names_the_field_and_opens_nothing(
    fran, course, overrides, field, code
):
    response = signed_in(fran).post(f"{API}/cohorts/", new_run(course, **overrides), format="json")
    assert_error(response, 400, code, field)
    assert not Cohort.objects.exists()
    assert not ModuleSchedule.objects.exists()


def test_only_facilitators_and_staff_can_be_made_facilitators(fran, coach, course):
    response = signed_in(fran).post(
        f"{API}/cohorts/", new_run(course, facilitators=[fran.pk, coach.pk]), format="json"
    )
    assert_error(response, 400, "unknown_facilitator", "facilitators")
    assert not Cohort.objects.exists()


def test_a_facilitator_keeps_themself_among_the_facilitators(fran, other_facilitator, course):
    response = signed_in(fran).post(
        f"{API}/cohorts/", new_run(course, facilitators=[other_facilitator.pk]), format="json"
    )
    error = assert_error(response, 400, "keep_yourself", "facilitators")
    assert "Keep yourself among the facilitators" in error["message"]
    assert not Cohort.objects.exists()
    assert not ModuleSchedule.objects.exists()


def test_times_without_an_offset_are_in_the_cohorts_zone_and_offsets_are_kept(fran, course):
    response = signed_in(fran).post(
        f"{API}/cohorts/",
        new_run(
            course,
            enrollment_opens_at="2027-01-04T09:00",  # 09:00 in Los Angeles: 17:00 UTC
            enrollment_closes_at="2027-01-20T09:00:00+00:00",  # an instant: kept
        ),
        format="json",
    )
    assert response.status_code == 201, response.content
    cohort = Cohort.objects.get(pk=response.json()["id"])
    assert cohort.enrollment_opens_at == datetime(2027, 1, 4, 17, tzinfo=UTC)
    assert cohort.enrollment_closes_at == datetime(2027, 1, 20, 9, tzinfo=UTC)
    assert response.json()["enrollment_opens_at"] == "2027-01-04T17:00:00Z"  # answers: UTC


def test_opening_a_run_takes_a_fixed_number_of_queries(
    fran, make_course, django_assert_max_num_queries
):
    api = signed_in(fran)
    small = make_course(modules=2, lessons=1, slug="small")
    large = make_course(modules=8, lessons=1, slug="large")
    for course in (small, large):  # the schedule is one bulk insert, whatever its size
        with django_assert_max_num_queries(48):
            response = api.post(f"{API}/cohorts/", new_run(course), format="json")
        assert response.status_code == 201, response.content


# --- PATCH /cohorts/{id}/ ---------------------------------------------------------------------


def test_a_facilitator_changes_their_run(fran, cohort):
    response = signed_in(fran).patch(
        f"{API}/cohorts/{cohort.pk}/",
        {"capacity": 30, "title": "Spring run", "late_join_grace_days": 10},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["capacity"] == 30
    cohort.refresh_from_db()
    assert (cohort.capacity, cohort.title, cohort.late_join_grace_days) == (30, "Spring run", 10)
    assert cohort.time_zone == "UTC"  # not sent: unchanged


def test_an_administrator_changes_any_run(admin, outsider_cohort):
    response = signed_in(admin).patch(
        f"{API}/cohorts/{outsider_cohort.pk}/", {"status": "open"}, format="json"
    )
    assert response.status_code == 200, response.content
    outsider_cohort.refresh_from_db()
    assert outsider_cohort.status == CohortStatus.OPEN


def test_a_coach_cannot_change_a_run_they_see(coach, cohort):
    response = signed_in(coach).patch(f"{API}/cohorts/{cohort.pk}/", {"capacity": 2}, format="json")
    assert_error(response, 403, "permission_denied")
    cohort.refresh_from_db()
    assert cohort.capacity == 20


def test_a_run_one_may_not_see_is_a_404(fran, outsider_cohort):
    response = signed_in(fran).patch(
        f"{API}/cohorts/{outsider_cohort.pk}/", {"capacity": 2}, format="json"
    )
    assert_error(response, 404, "not_found")


def test_capacity_cannot_drop_below_the_seats_taken(fran, cohort, make_user):
    for name in ("ana", "bo", "cy"):
        services.cohort_enroll(cohort=cohort, user=make_user(name))
    response = signed_in(fran).patch(
        f"{API}/cohorts/{cohort.pk}/", {"capacity": 2, "title": "Changed"}, format="json"
    )
    assert_error(response, 400, "capacity_below_enrollment", "capacity")
    cohort.refresh_from_db()
    assert (cohort.capacity, cohort.title) == (20, "Spring cohort")


def test_a_zone_sent_with_a_time_reads_it(fran, cohort):
    response = signed_in(fran).patch(
        f"{API}/cohorts/{cohort.pk}/",
        {"time_zone": "America/Chicago", "enrollment_closes_at": "2027-01-15T17:00"},
        format="json",
    )
    assert response.status_code == 200, response.content
    cohort.refresh_from_db()
    assert cohort.enrollment_closes_at == datetime(2027, 1, 15, 23, tzinfo=UTC)  # CST = UTC-6


def test_a_time_without_an_offset_is_in_the_saved_zone(fran, make_cohort):
    cohort = make_cohort(time_zone="America/New_York")
    response = signed_in(fran).patch(
        f"{API}/cohorts/{cohort.pk}/", {"enrollment_closes_at": "2027-07-01T12:00"}, format="json"
    )
    assert response.status_code == 200, response.content
    cohort.refresh_from_db()
    assert cohort.enrollment_closes_at == datetime(2027, 7, 1, 16, tzinfo=UTC)  # EDT = UTC-4


@pytest.mark.parametrize(
    "moment",
    [
        "2027-03-14T02:30",  # clocks jump from 02:00 to 03:00 that night: it never happens
        "2027-11-07T01:30",  # clocks fall back from 02:00 to 01:00: it happens twice
    ],
)
def test_a_wall_clock_time_that_does_not_exist_or_is_ambiguous_there_is_a_400(
    fran, make_cohort, moment
):
    cohort = make_cohort(time_zone="America/Chicago")
    response = signed_in(fran).patch(
        f"{API}/cohorts/{cohort.pk}/", {"enrollment_closes_at": moment}, format="json"
    )
    assert_error(response, 400, "validation_error", "enrollment_closes_at")
    cohort.refresh_from_db()
    assert cohort.enrollment_closes_at is None


def test_facilitators_are_replaced_only_when_sent(fran, other_facilitator, cohort):
    api = signed_in(fran)
    response = api.patch(
        f"{API}/cohorts/{cohort.pk}/",
        {"facilitators": [fran.pk, other_facilitator.pk]},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert set(cohort.facilitators.all()) == {fran, other_facilitator}
    dropped = api.patch(
        f"{API}/cohorts/{cohort.pk}/", {"facilitators": [other_facilitator.pk]}, format="json"
    )
    assert_error(dropped, 400, "keep_yourself", "facilitators")
    assert set(cohort.facilitators.all()) == {fran, other_facilitator}


# --- POST /cohorts/{id}/enrollments/ ----------------------------------------------------------


def test_a_facilitator_enrolls_a_list_of_emails(fran, cohort, coach, mailoutbox):
    response = signed_in(fran).post(
        f"{API}/cohorts/{cohort.pk}/enrollments/",
        {"emails": ["maya@example.org", "New.Person@example.org", "MAYA@example.org"]},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json() == {
        "results": [
            {"email": "maya@example.org", "result": "enrolled"},
            {"email": "new.person@example.org", "result": "invited"},
        ],
        "summary": "1 enrolled, 1 invited to sign up",
    }
    assert Enrollment.objects.get(cohort=cohort, user=coach).status == EnrollmentStatus.ACTIVE
    assert Invitation.objects.filter(cohort=cohort, email="new.person@example.org").exists()


def test_an_administrator_enrolls_and_sees_who_was_already_in(admin, cohort, coach):
    services.cohort_enroll(cohort=cohort, user=coach)
    response = signed_in(admin).post(
        f"{API}/cohorts/{cohort.pk}/enrollments/", {"emails": ["maya@example.org"]}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["results"] == [{"email": "maya@example.org", "result": "already"}]


def test_a_full_cohort_waitlists(fran, make_cohort, make_user):
    cohort = make_cohort(capacity=1)
    make_user("ana"), make_user("bo")
    response = signed_in(fran).post(
        f"{API}/cohorts/{cohort.pk}/enrollments/",
        {"emails": ["ana@example.org", "bo@example.org"]},
        format="json",
    )
    assert [row["result"] for row in response.json()["results"]] == ["enrolled", "waitlisted"]


def test_a_coach_cannot_enroll_others(coach, cohort, make_user):
    make_user("ana")
    response = signed_in(coach).post(
        f"{API}/cohorts/{cohort.pk}/enrollments/", {"emails": ["ana@example.org"]}, format="json"
    )
    assert_error(response, 403, "permission_denied")
    assert not Enrollment.objects.exists()


def test_enrolling_into_a_run_one_may_not_see_is_a_404(fran, outsider_cohort):
    response = signed_in(fran).post(
        f"{API}/cohorts/{outsider_cohort.pk}/enrollments/",
        {"emails": ["ana@example.org"]},
        format="json",
    )
    assert_error(response, 404, "not_found")
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    "body", [{"emails": ["ana@example.org", "not-an-email"]}, {"emails": []}, {"emails": "a@b.c"}]
)
def test_a_bad_list_enrolls_no_one(fran, cohort, make_user, body):
    make_user("ana")
    response = signed_in(fran).post(f"{API}/cohorts/{cohort.pk}/enrollments/", body, format="json")
    assert_error(response, 400, "validation_error", "emails")
    assert not Enrollment.objects.exists()
    assert not Invitation.objects.exists()


def test_a_refusal_for_one_address_enrolls_and_invites_no_one(fran, make_cohort, coach):
    cohort = make_cohort(status=CohortStatus.FINISHED)
    response = signed_in(fran).post(
        f"{API}/cohorts/{cohort.pk}/enrollments/",
        {"emails": ["someone.new@example.org", "maya@example.org"]},
        format="json",
    )
    assert_error(response, 400, "cohort_closed")
    assert not Invitation.objects.exists()
    assert not Enrollment.objects.exists()


def test_enrolling_a_list_takes_a_bounded_number_of_queries(
    fran, cohort, make_user, django_assert_max_num_queries
):
    """Each address is enrolled by ``cohort_enroll`` under the cohort's lock, as the list form
    does: a fixed cost per address (9 queries, savepoints included) and 8 for the request."""
    api = signed_in(fran)
    for size in (2, 8):
        addresses = [make_user().email for _ in range(size)]
        with django_assert_max_num_queries(8 + 9 * size):
            response = api.post(
                f"{API}/cohorts/{cohort.pk}/enrollments/", {"emails": addresses}, format="json"
            )
        assert response.status_code == 200, response.content


# --- POST /cohorts/{id}/announcements/ --------------------------------------------------------


@pytest.mark.parametrize("who", ["fran", "admin"])
def test_facilitators_and_administrators_post_announcements(
    request, who, cohort, coach, mailoutbox, django_capture_on_commit_callbacks
):
    services.cohort_enroll(cohort=cohort, user=coach, notify=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(request.getfixturevalue(who)).post(
            f"{API}/cohorts/{cohort.pk}/announcements/",
            {"title": "Week 2", "body": "Module 2 is open."},
            format="json",
        )
    assert response.status_code == 201, response.content
    assert response.json()["title"] == "Week 2"
    assert Announcement.objects.get().body == "Module 2 is open."
    assert [m.to for m in mailoutbox] == [["maya@example.org"]]


def test_a_coach_cannot_post_announcements(coach, cohort):
    response = signed_in(coach).post(
        f"{API}/cohorts/{cohort.pk}/announcements/", {"title": "Hi", "body": "Hi"}, format="json"
    )
    assert_error(response, 403, "permission_denied")
    assert not Announcement.objects.exists()


def test_announcing_in_a_run_one_may_not_see_is_a_404(fran, outsider_cohort):
    response = signed_in(fran).post(
        f"{API}/cohorts/{outsider_cohort.pk}/announcements/",
        {"title": "Hi", "body": "Hi"},
        format="json",
    )
    assert_error(response, 404, "not_found")


def test_a_blank_announcement_is_a_400(fran, cohort):
    response = signed_in(fran).post(
        f"{API}/cohorts/{cohort.pk}/announcements/", {"title": "Hi", "body": "   "}, format="json"
    )
    assert_error(response, 400, "validation_error", "body")
    assert not Announcement.objects.exists()


# --- POST /cohorts/{id}/live-sessions/ --------------------------------------------------------


@pytest.mark.parametrize("who", ["fran", "admin"])
def test_live_sessions_are_scheduled_in_the_cohorts_zone(request, who, make_cohort):
    cohort = make_cohort(time_zone="America/Los_Angeles")
    day = cohort.starts_on + timedelta(days=10)
    response = signed_in(request.getfixturevalue(who)).post(
        f"{API}/cohorts/{cohort.pk}/live-sessions/",
        {
            "title": "Office hours",
            "starts_at": f"{day.isoformat()}T09:00",
            "duration_minutes": 45,
            "join_url": "https://meet.example.org/fran",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    session = LiveSession.objects.get()
    local = timezone.localtime(session.starts_at, cohort.tz)
    assert (local.date(), local.hour, local.minute) == (day, 9, 0)
    assert response.json()["join_url"] == "https://meet.example.org/fran"


def test_a_live_session_with_an_offset_is_that_instant(fran, make_cohort):
    cohort = make_cohort(time_zone="America/Los_Angeles")
    day = cohort.starts_on + timedelta(days=10)
    response = signed_in(fran).post(
        f"{API}/cohorts/{cohort.pk}/live-sessions/",
        {"title": "Webinar", "kind": "webinar", "starts_at": f"{day.isoformat()}T09:00:00Z"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert LiveSession.objects.get().starts_at == datetime(
        day.year, day.month, day.day, 9, tzinfo=UTC
    )


def test_a_coach_cannot_schedule_live_sessions(coach, cohort):
    response = signed_in(coach).post(
        f"{API}/cohorts/{cohort.pk}/live-sessions/",
        {"title": "Mine", "starts_at": "2027-01-12T09:00:00Z"},
        format="json",
    )
    assert_error(response, 403, "permission_denied")
    assert not LiveSession.objects.exists()


def test_scheduling_in_a_run_one_may_not_see_is_a_404(fran, outsider_cohort):
    response = signed_in(fran).post(
        f"{API}/cohorts/{outsider_cohort.pk}/live-sessions/",
        {"title": "Mine", "starts_at": "2027-01-12T09:00:00Z"},
        format="json",
    )
    assert_error(response, 404, "not_found")


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"duration_minutes": 3}, "duration_minutes"),
        ({"kind": "party"}, "kind"),
        ({"starts_at": "tomorrow"}, "starts_at"),
        ({"join_url": "not a url"}, "join_url"),
        ({"starts_at": "2099-01-01T09:00"}, "starts_at"),  # after the cohort ends
        ({"starts_at": "0001-01-01T00:00"}, "starts_at"),
    ],
)
def test_bad_live_sessions_are_a_400_and_not_stored(fran, cohort, overrides, field):
    body = {"title": "Office hours", "starts_at": f"{cohort.starts_on.isoformat()}T09:00"}
    body.update(overrides)
    response = signed_in(fran).post(
        f"{API}/cohorts/{cohort.pk}/live-sessions/", body, format="json"
    )
    assert_error(response, 400, field=field)
    assert not LiveSession.objects.exists()


@pytest.fixture
def session(make_cohort, fran):
    cohort = make_cohort(time_zone="America/Los_Angeles")
    return services.live_session_create(
        cohort=cohort,
        by=fran,
        title="Office hours",
        starts_at=cohort.local_datetime(cohort.starts_on + timedelta(days=7), hour=16),
    )


def _session_url(session) -> str:
    return f"{API}/cohorts/{session.cohort_id}/live-sessions/{session.pk}/"


@pytest.mark.parametrize("who", ["fran", "admin"])
def test_a_live_session_is_moved_in_the_cohorts_zone_and_keeps_the_rest(request, who, session):
    day = session.cohort.starts_on + timedelta(days=8)
    response = signed_in(request.getfixturevalue(who)).patch(
        _session_url(session), {"starts_at": f"{day.isoformat()}T10:30"}, format="json"
    )
    assert response.status_code == 200, response.content
    session.refresh_from_db()
    local = timezone.localtime(session.starts_at, session.cohort.tz)
    assert (local.date(), local.hour, local.minute) == (day, 10, 30)
    assert (session.title, session.duration_minutes) == ("Office hours", 60)  # not sent


@pytest.mark.parametrize("who", ["fran", "admin"])
def test_a_live_session_is_cancelled(request, who, session):
    response = signed_in(request.getfixturevalue(who)).delete(_session_url(session))
    assert response.status_code == 204, response.content
    assert not LiveSession.objects.exists()


def test_a_coach_cannot_change_or_cancel_a_live_session(coach, session):
    api = signed_in(coach)
    assert_error(api.patch(_session_url(session), {"title": "Mine"}, format="json"), 403)
    assert_error(api.delete(_session_url(session)), 403, "permission_denied")
    assert LiveSession.objects.get().title == "Office hours"


def test_a_live_session_of_another_cohort_is_a_404(fran, session, cohort, outsider_cohort):
    api = signed_in(fran)
    wrong_cohort = f"{API}/cohorts/{cohort.pk}/live-sessions/{session.pk}/"
    assert_error(api.delete(wrong_cohort), 404, "not_found")
    hidden = f"{API}/cohorts/{outsider_cohort.pk}/live-sessions/{session.pk}/"
    assert_error(api.patch(hidden, {"title": "x"}, format="json"), 404, "not_found")
    assert LiveSession.objects.exists()


def test_a_bad_change_to_a_live_session_is_a_400_and_unchanged(fran, session):
    api = signed_in(fran)
    response = api.patch(
        _session_url(session), {"title": "Moved", "duration_minutes": 601}, format="json"
    )
    assert_error(response, 400, "validation_error", "duration_minutes")
    late = (session.cohort.ends_on + timedelta(days=5)).isoformat()
    response = api.patch(
        _session_url(session), {"title": "Moved", "starts_at": f"{late}T09:00"}, format="json"
    )
    assert_error(response, 400, field="starts_at")
    assert LiveSession.objects.get().title == "Office hours"


# --- PATCH /cohorts/{id}/schedule/{module_id}/ ------------------------------------------------


def _second_module(cohort) -> ModulePage:
    return ModulePage.objects.child_of(cohort.course).order_by("path")[1]


@pytest.mark.parametrize("who", ["fran", "admin"])
def test_a_modules_dates_are_moved(request, who, cohort):
    module = _second_module(cohort)
    release = cohort.starts_on + timedelta(days=3)
    due = cohort.starts_on + timedelta(days=20)
    response = signed_in(request.getfixturevalue(who)).patch(
        f"{API}/cohorts/{cohort.pk}/schedule/{module.pk}/",
        {"release_on": release.isoformat(), "due_on": due.isoformat()},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json() == {
        "id": module.pk,
        "title": module.title,
        "release_on": release.isoformat(),
        "due_on": due.isoformat(),
    }
    schedule = ModuleSchedule.objects.get(cohort=cohort, module=module)
    assert (schedule.release_on, schedule.due_on) == (release, due)


def test_fields_not_sent_keep_their_value(fran, cohort):
    module = _second_module(cohort)
    api = signed_in(fran)
    due = cohort.starts_on + timedelta(days=30)
    api.patch(
        f"{API}/cohorts/{cohort.pk}/schedule/{module.pk}/",
        {"due_on": due.isoformat()},
        format="json",
    )
    response = api.patch(
        f"{API}/cohorts/{cohort.pk}/schedule/{module.pk}/",
        {"release_offset_days": 9},
        format="json",
    )
    assert response.status_code == 200, response.content
    schedule = ModuleSchedule.objects.get(cohort=cohort, module=module)
    assert (schedule.release_offset_days, schedule.due_on) == (9, due)


def test_a_module_due_before_it_opens_is_a_400_and_unchanged(fran, cohort):
    module = _second_module(cohort)
    before = ModuleSchedule.objects.get(cohort=cohort, module=module)
    response = signed_in(fran).patch(
        f"{API}/cohorts/{cohort.pk}/schedule/{module.pk}/",
        {
            "release_on": (cohort.starts_on + timedelta(days=10)).isoformat(),
            "due_on": (cohort.starts_on + timedelta(days=5)).isoformat(),
        },
        format="json",
    )
    assert_error(response, 400, field="due_on")
    after = ModuleSchedule.objects.get(pk=before.pk)
    assert (after.release_on, after.due_on) == (before.release_on, before.due_on)


def test_a_date_near_the_calendars_end_is_a_400_not_a_500(fran, cohort):
    module = _second_module(cohort)
    response = signed_in(fran).patch(
        f"{API}/cohorts/{cohort.pk}/schedule/{module.pk}/", {"due_on": "9999-12-31"}, format="json"
    )
    error = assert_error(response, 400, "validation_error", "due_on")
    assert "between 1900-01-01 and 2999-12-31" in error["message"]


def test_a_module_opening_after_the_end_is_a_400(fran, cohort):
    module = _second_module(cohort)
    response = signed_in(fran).patch(
        f"{API}/cohorts/{cohort.pk}/schedule/{module.pk}/",
        {"release_on": (cohort.ends_on + timedelta(days=1)).isoformat()},
        format="json",
    )
    assert_error(response, 400, "release_after_end", "release_on")


def test_a_coach_cannot_move_dates(coach, cohort):
    module = _second_module(cohort)
    response = signed_in(coach).patch(
        f"{API}/cohorts/{cohort.pk}/schedule/{module.pk}/", {"release_on": None}, format="json"
    )
    assert_error(response, 403, "permission_denied")


def test_moving_dates_in_a_run_one_may_not_see_or_of_another_course_is_a_404(
    fran, cohort, outsider_cohort, make_course
):
    module = _second_module(outsider_cohort)
    api = signed_in(fran)
    hidden = api.patch(
        f"{API}/cohorts/{outsider_cohort.pk}/schedule/{module.pk}/", {}, format="json"
    )
    assert_error(hidden, 404, "not_found")
    elsewhere = ModulePage.objects.child_of(make_course(modules=1, lessons=1, slug="other")).get()
    other = api.patch(f"{API}/cohorts/{cohort.pk}/schedule/{elsewhere.pk}/", {}, format="json")
    assert_error(other, 404, "not_found")


# --- team seats -------------------------------------------------------------------------------


@pytest.fixture
def lead(make_user):
    return make_user("lena")


@pytest.fixture
def team(cohort, fran, lead):
    org = services.organization_create(name="Riverside Unified")
    return services.team_create(
        organization=org, cohort=cohort, name="Riverside", seats=2, leads=[lead], by=fran
    )


@pytest.fixture
def member(team, make_user):
    person = make_user("mo")
    services.team_join(token=team.join_token, user=person)
    return person


def test_a_lead_asks_for_seats(lead, team, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(lead).post(
            f"{API}/teams/{team.pk}/seat-requests/",
            {"seats": 3, "message": "Two more schools"},
            format="json",
        )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "pending"
    assert SeatRequest.objects.get().seats == 3
    assert ["fran@example.org"] in [m.to for m in mailoutbox]


def test_a_member_who_is_not_a_lead_cannot_ask_and_an_outsider_gets_a_404(member, coach, team):
    response = signed_in(member).post(
        f"{API}/teams/{team.pk}/seat-requests/", {"seats": 1}, format="json"
    )
    assert_error(response, 403, "permission_denied")
    response = signed_in(coach).post(
        f"{API}/teams/{team.pk}/seat-requests/", {"seats": 1}, format="json"
    )
    assert_error(response, 404, "not_found")
    assert not SeatRequest.objects.exists()


@pytest.mark.parametrize("seats", [0, 101, "two", None])
def test_a_bad_seat_count_is_a_400(lead, team, seats):
    response = signed_in(lead).post(
        f"{API}/teams/{team.pk}/seat-requests/", {"seats": seats}, format="json"
    )
    assert_error(response, 400, "validation_error", "seats")
    assert not SeatRequest.objects.exists()


@pytest.fixture
def seat_request(team, lead):
    return services.seat_request_create(team=team, seats=3, by=lead)


def test_a_facilitator_lists_and_grants_part_of_a_request(fran, team, seat_request):
    api = signed_in(fran)
    listed = api.get(f"{API}/seat-requests/")
    assert [row["id"] for row in listed.json()] == [seat_request.pk]
    response = api.post(
        f"{API}/seat-requests/{seat_request.pk}/grant/", {"seats": 2}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["seats_granted"] == 2
    team.refresh_from_db()
    assert team.seats == 4


def test_an_administrator_declines_a_request(admin, team, seat_request):
    response = signed_in(admin).post(
        f"{API}/seat-requests/{seat_request.pk}/decline/", {"reason": "Full"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "declined"
    team.refresh_from_db()
    assert team.seats == 2


def test_a_coach_and_a_lead_cannot_decide_seats(coach, lead, seat_request):
    for person in (coach, lead):  # as on the dashboard: a request one may not decide is hidden
        api = signed_in(person)
        assert api.get(f"{API}/seat-requests/").json() == []
        response = api.post(f"{API}/seat-requests/{seat_request.pk}/grant/", {}, format="json")
        assert_error(response, 404, "not_found")
    seat_request.refresh_from_db()
    assert seat_request.status == SeatRequest.Status.PENDING


def test_granting_more_than_free_is_a_400_and_grants_nothing(fran, make_user, team, lead):
    cohort = team.cohort
    services.cohort_update(cohort=cohort, by=fran, capacity=3)  # 2 team seats + 1 free
    big = services.seat_request_create(team=team, seats=5, by=lead)
    response = signed_in(fran).post(f"{API}/seat-requests/{big.pk}/grant/", {}, format="json")
    assert_error(response, 400, "no_seats", "seats")
    team.refresh_from_db()
    big.refresh_from_db()
    assert (team.seats, big.status) == (2, SeatRequest.Status.PENDING)


def test_a_decided_request_is_no_longer_waiting(fran, seat_request):
    api = signed_in(fran)
    api.post(f"{API}/seat-requests/{seat_request.pk}/decline/", {}, format="json")
    response = api.post(f"{API}/seat-requests/{seat_request.pk}/grant/", {}, format="json")
    assert_error(response, 404, "not_found")


@pytest.mark.parametrize("who", ["fran", "admin"])
def test_a_teams_seats_are_set_and_waiting_invitees_take_the_new_ones(
    request, who, team, lead, member, make_user
):
    services.team_invite(team=team, email="wes@example.org", by=lead)  # the last free seat…
    services.team_join(token=team.join_token, user=make_user("nia"))  # …taken by someone else
    waiting = make_user("wes")  # signed up while the team was full: waits for a seat
    response = signed_in(request.getfixturevalue(who)).patch(
        f"{API}/teams/{team.pk}/", {"seats": 4}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["seats"] == 4
    team.refresh_from_db()
    assert team.seats == 4
    assert Enrollment.objects.get(user=waiting).team_id == team.pk


def test_a_lead_asks_rather_than_sets_and_an_outsider_gets_a_404(lead, coach, team):
    response = signed_in(lead).patch(f"{API}/teams/{team.pk}/", {"seats": 5}, format="json")
    assert_error(response, 403, "permission_denied")
    response = signed_in(coach).patch(f"{API}/teams/{team.pk}/", {"seats": 5}, format="json")
    assert_error(response, 404, "not_found")
    team.refresh_from_db()
    assert team.seats == 2


@pytest.mark.parametrize(
    "seats,code",
    [
        (0, "validation_error"),
        ("3", None),  # a string of digits is a number (form posts are text)
        (True, "validation_error"),
        (1, "seats_below_members"),  # two members hold seats
        (25, "capacity_below_enrollment"),  # capacity 20
    ],
)
def test_team_seats_outside_the_rules_are_a_400_and_unchanged(
    fran, team, member, make_user, seats, code
):
    services.team_join(token=team.join_token, user=make_user("nia"))
    response = signed_in(fran).patch(f"{API}/teams/{team.pk}/", {"seats": seats}, format="json")
    if code is None:
        assert response.status_code == 200, response.content
        return
    assert_error(response, 400, code)
    team.refresh_from_db()
    assert team.seats == 2


# --- PUT /practice/targets/{coach_id}/ --------------------------------------------------------


def test_a_lead_sets_and_clears_a_members_target(lead, member):
    api = signed_in(lead)
    response = api.put(f"{API}/practice/targets/{member.pk}/", {"hours": "12.5"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["hours"] == "12.5"
    assert PracticeSettings.objects.get(user=member).monthly_target_hours == Decimal("12.5")
    cleared = api.put(f"{API}/practice/targets/{member.pk}/", {"hours": None}, format="json")
    assert cleared.status_code == 200, cleared.content
    assert PracticeSettings.objects.get(user=member).monthly_target_hours is None


def test_someone_who_leads_no_team_cannot_set_targets(coach, admin, member):
    for person in (coach, admin):  # the practice pages give this to team leads only
        response = signed_in(person).put(
            f"{API}/practice/targets/{member.pk}/", {"hours": 10}, format="json"
        )
        assert_error(response, 403, "permission_denied")
    assert not PracticeSettings.objects.filter(monthly_target_hours__isnull=False).exists()


def test_a_coach_outside_the_leads_teams_is_a_404(lead, team, coach):
    response = signed_in(lead).put(
        f"{API}/practice/targets/{coach.pk}/", {"hours": 10}, format="json"
    )
    assert_error(response, 404, "not_found")


@pytest.mark.parametrize("hours", [0, 500, "lots", "1.25"])
def test_a_bad_target_is_a_400(lead, member, hours):
    response = signed_in(lead).put(
        f"{API}/practice/targets/{member.pk}/", {"hours": hours}, format="json"
    )
    assert_error(response, 400, field="hours")
    assert not PracticeSettings.objects.filter(monthly_target_hours__isnull=False).exists()


# --- the schema -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spec(django_db_blocker):
    with django_db_blocker.unblock():
        return yaml.safe_load(Client().get("/api/v1/schema/").content)


@pytest.mark.parametrize(
    "method,path",
    [
        ("post", "/api/v1/cohorts/"),
        ("patch", "/api/v1/cohorts/{cohort_id}/"),
        ("post", "/api/v1/cohorts/{cohort_id}/enrollments/"),
        ("post", "/api/v1/cohorts/{cohort_id}/announcements/"),
        ("post", "/api/v1/cohorts/{cohort_id}/live-sessions/"),
        ("patch", "/api/v1/cohorts/{cohort_id}/live-sessions/{session_id}/"),
        ("patch", "/api/v1/cohorts/{cohort_id}/schedule/{module_id}/"),
        ("post", "/api/v1/teams/{team_id}/seat-requests/"),
        ("patch", "/api/v1/teams/{team_id}/"),
        ("post", "/api/v1/seat-requests/{request_id}/grant/"),
        ("post", "/api/v1/seat-requests/{request_id}/decline/"),
        ("put", "/api/v1/practice/targets/{coach_id}/"),
    ],
)
def test_the_writes_are_in_the_schema_with_their_errors(spec, method, path):
    operation = spec["paths"][path][method]
    assert "requestBody" in operation
    expected = {"400", "401", "403", "413", "415"} | ({"404"} if "{" in path else set())
    assert expected <= set(operation["responses"])
