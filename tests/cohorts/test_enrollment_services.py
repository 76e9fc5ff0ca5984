from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from cohorts import services
from cohorts.models import CohortStatus, Enrollment, EnrollmentStatus, Invitation
from cohorts.selectors import waitlist_position
from core.errors import ApplicationError, PermissionDenied

pytestmark = pytest.mark.django_db


def test_enroll_is_active_and_emails(cohort, coach, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = services.cohort_enroll(cohort=cohort, user=coach).enrollment
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert [m.subject for m in mailoutbox] == ["You're enrolled: Spring cohort"]
    assert "/learn/" in mailoutbox[0].body


def test_enrolling_twice_returns_the_same_enrollment(cohort, coach):
    first, created = services.cohort_enroll(cohort=cohort, user=coach)
    second, created_again = services.cohort_enroll(cohort=cohort, user=coach)
    assert first.pk == second.pk
    assert created and not created_again
    assert Enrollment.objects.count() == 1


def test_full_cohort_waitlists_first_in_first_out(make_cohort, make_user):
    cohort = make_cohort(capacity=2)
    people = [make_user() for _ in range(5)]
    enrollments = [services.cohort_enroll(cohort=cohort, user=p).enrollment for p in people]
    assert [e.status for e in enrollments] == [
        "active",
        "active",
        "waitlisted",
        "waitlisted",
        "waitlisted",
    ]
    assert [waitlist_position(e) for e in enrollments[2:]] == [1, 2, 3]


def test_dropping_promotes_the_first_waitlisted_with_an_email(
    make_cohort, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = make_cohort(capacity=1)
    first, second, third = make_user(), make_user(), make_user()
    seat = services.cohort_enroll(cohort=cohort, user=first).enrollment
    services.cohort_enroll(cohort=cohort, user=second)
    services.cohort_enroll(cohort=cohort, user=third)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_drop(enrollment=seat, by=first)
    statuses = dict(Enrollment.objects.values_list("user__username", "status"))
    assert statuses == {
        first.username: "dropped",
        second.username: "active",
        third.username: "waitlisted",
    }
    assert [m.to for m in mailoutbox] == [[second.email]]
    assert "A seat opened up" in mailoutbox[0].subject


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": CohortStatus.FINISHED}, "is finished"),
        ({"status": CohortStatus.ARCHIVED}, "is archived"),
        ({"status": CohortStatus.DRAFT}, "is not open yet"),
    ],
)
def test_closed_cohorts_refuse_with_a_reason(make_cohort, coach, fields, message):
    cohort = make_cohort(**fields)
    with pytest.raises(ApplicationError, match=message):
        services.cohort_enroll(cohort=cohort, user=coach)
    assert not Enrollment.objects.exists()


def test_enrollment_window(make_cohort, coach, facilitator):
    now = timezone.now()
    later = make_cohort(enrollment_opens_at=now + timedelta(days=2))
    with pytest.raises(ApplicationError, match="opens on"):
        services.cohort_enroll(cohort=later, user=coach)
    closed = make_cohort(
        title="Closed",
        enrollment_opens_at=now - timedelta(days=9),
        enrollment_closes_at=now - timedelta(days=1),
    )
    with pytest.raises(ApplicationError, match="closed on"):
        services.cohort_enroll(cohort=closed, user=coach)
    # A facilitator may still add someone after the window.
    assert (
        services.cohort_enroll(cohort=closed, user=coach, by=facilitator).enrollment.status
        == "active"
    )


def test_enrolling_someone_else_needs_the_right(cohort, coach, make_user):
    stranger = make_user()
    with pytest.raises(PermissionDenied):
        services.cohort_enroll(cohort=cohort, user=coach, by=stranger)
    assert not Enrollment.objects.exists()


def test_removing_someone_else_needs_the_right(cohort, coach, make_user):
    enrollment = services.cohort_enroll(cohort=cohort, user=coach).enrollment
    with pytest.raises(PermissionDenied):
        services.enrollment_drop(enrollment=enrollment, by=make_user())
    enrollment.refresh_from_db()
    assert enrollment.status == "active"


def test_rejoining_after_dropping(cohort, coach):
    enrollment = services.cohort_enroll(cohort=cohort, user=coach).enrollment
    services.enrollment_drop(enrollment=enrollment, by=coach)
    again = services.cohort_enroll(cohort=cohort, user=coach).enrollment
    assert again.pk == enrollment.pk and again.status == "active"


def test_move_keeps_progress(make_cohort, coach, facilitator, course):
    from cohorts.models import LessonCompletion
    from courses.models import LessonPage

    spring = make_cohort(title="Spring")
    fall = make_cohort(title="Fall")
    enrollment = services.cohort_enroll(cohort=spring, user=coach).enrollment
    lesson = LessonPage.objects.get(slug="lesson-1-1")
    services.lesson_complete(user=coach, lesson=lesson)
    moved = services.enrollment_move(enrollment=enrollment, to_cohort=fall, by=facilitator)
    assert moved.cohort == fall and moved.status == "active"
    enrollment.refresh_from_db()
    assert enrollment.status == "dropped"
    assert LessonCompletion.objects.filter(user=coach, lesson=lesson).exists()


def test_move_needs_same_course(make_cohort, make_course, coach, facilitator):
    other = make_course(slug="other-course", title="Other")
    spring = make_cohort()
    elsewhere = make_cohort(course=other, title="Other cohort")
    enrollment = services.cohort_enroll(cohort=spring, user=coach).enrollment
    with pytest.raises(ApplicationError, match="same course"):
        services.enrollment_move(enrollment=enrollment, to_cohort=elsewhere, by=facilitator)


def test_csv_enrolls_known_and_invites_unknown(
    make_cohort, make_user, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = make_cohort(capacity=1)
    known = make_user("ana")
    other = make_user("bo")
    text = "email,name\nANA@example.org,Ana\nbo@example.org,Bo\nnew.person@school.org,New\n"
    with django_capture_on_commit_callbacks(execute=True):
        report = services.cohort_enroll_csv(cohort=cohort, text=text, by=facilitator)
    assert report.enrolled == ["ana@example.org"]
    assert report.waitlisted == ["bo@example.org"]
    assert report.invited == ["new.person@school.org"]
    assert Enrollment.objects.get(user=known).status == "active"
    assert Enrollment.objects.get(user=other).status == "waitlisted"
    invitation = Invitation.objects.get()
    assert invitation.email == "new.person@school.org"
    assert any(invitation.token in m.body for m in mailoutbox)


def test_csv_with_a_bad_line_stores_nothing(cohort, make_user, facilitator):
    make_user("ana")
    text = "ana@example.org\nnot-an-email@\n"
    with pytest.raises(ApplicationError, match="line 2"):
        services.cohort_enroll_csv(cohort=cohort, text=text, by=facilitator)
    assert not Enrollment.objects.exists()
    assert not Invitation.objects.exists()


def test_invitation_enrolls_on_signup(cohort, facilitator, client):
    services.cohort_enroll_csv(cohort=cohort, text="newbie@school.org", by=facilitator)
    from accounts.services import user_signup

    user = user_signup(
        email="Newbie@school.org", password="a-long-pass-phrase", display_name="Newbie"
    )
    assert Enrollment.objects.get(user=user).cohort == cohort
    assert Invitation.objects.get().accepted_by == user


def test_invitation_used_twice_or_expired(cohort, facilitator, make_user):
    invitation = services.enrollment.invitation_create(
        cohort=cohort, email="ana@example.org", by=facilitator
    )
    ana = make_user("ana")
    services.invitation_accept(token=invitation.token, user=ana)
    with pytest.raises(ApplicationError, match="already been used"):
        services.invitation_accept(token=invitation.token, user=ana)
    old = services.enrollment.invitation_create(
        cohort=cohort, email="bo@example.org", by=facilitator
    )
    Invitation.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(days=1))
    with pytest.raises(ApplicationError, match="expired"):
        services.invitation_accept(token=old.token, user=make_user("bo"))
    with pytest.raises(ApplicationError, match="not valid"):
        services.invitation_accept(token="made-up", user=ana)


def test_invitation_for_another_address_is_refused(cohort, facilitator, make_user):
    invitation = services.enrollment.invitation_create(
        cohort=cohort, email="ana@example.org", by=facilitator
    )
    with pytest.raises(PermissionDenied, match="sent to ana@example.org"):
        services.invitation_accept(token=invitation.token, user=make_user("eve"))
    assert not Enrollment.objects.exists()


def test_capacity_cannot_drop_below_enrollment(make_cohort, make_user, facilitator):
    cohort = make_cohort(capacity=3)
    for _ in range(3):
        services.cohort_enroll(cohort=cohort, user=make_user())
    with pytest.raises(ApplicationError, match="3 seats are already taken"):
        services.cohort_update(cohort=cohort, by=facilitator, capacity=2)
    cohort.refresh_from_db()
    assert cohort.capacity == 3


def test_end_before_start_and_release_after_end(make_cohort, facilitator):
    today = timezone.localdate()
    with pytest.raises(ApplicationError, match="cannot end before it starts"):
        make_cohort(starts_on=today, ends_on=today - timedelta(days=1))
    cohort = make_cohort(starts_on=today, ends_on=today + timedelta(days=30))
    with pytest.raises(ApplicationError, match="after the cohort ends"):
        services.cohort_update(cohort=cohort, by=facilitator, ends_on=today + timedelta(days=10))
    schedule = cohort.schedules.first()
    with pytest.raises(ApplicationError, match="after the cohort ends"):
        services.schedule_update(
            schedule=schedule, by=facilitator, release_on=today + timedelta(days=45)
        )


def test_self_paced_reset_schedule(self_paced, coach):
    enrollment = services.cohort_enroll(cohort=self_paced, user=coach).enrollment
    Enrollment.objects.filter(pk=enrollment.pk).update(
        schedule_anchor=timezone.localdate() - timedelta(days=40)
    )
    enrollment.refresh_from_db()
    services.enrollment_reset_schedule(enrollment=enrollment, by=coach)
    assert enrollment.schedule_anchor == timezone.localdate()


def test_only_one_self_paced_track(self_paced, make_cohort):
    with pytest.raises(ApplicationError, match="already has a self-paced track"):
        make_cohort(title="Another", pace="self_paced")
