"""The cohort pages as coaches, facilitators and team leads use them."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from cohorts import services
from cohorts.models import Enrollment, Reflection
from cohorts.views import facilitation
from courses.models import LessonPage

pytestmark = pytest.mark.django_db


def _lesson(slug: str) -> LessonPage:
    return LessonPage.objects.get(slug=slug)


def _reflection_block(lesson: LessonPage) -> str:
    return next(b.id for b in lesson.body if b.block_type == "reflection_prompt")


@pytest.fixture
def enrolled(cohort, coach):
    return services.cohort_enroll(cohort=cohort, user=coach).enrollment


# --- coach ---------------------------------------------------------------------------------


def test_my_learning_requires_login(client):
    assert client.get("/learn/")["Location"].startswith("/accounts/login/")


def test_my_learning_shows_progress_and_next_lesson(client, coach, enrolled):
    services.lesson_complete(user=coach, lesson=_lesson("lesson-1-1"))
    client.force_login(coach)
    html = client.get("/learn/").content.decode()
    assert "17%" in html and "1 of 6 lessons" in html
    assert '<progress class="progress" value="17"' in html
    assert "Continue: 1.2 Lesson 1.2" in html


def test_my_learning_flags_a_learner_behind_schedule(client, coach, make_cohort):
    today = timezone.localdate()
    late = make_cohort(starts_on=today - timedelta(days=20), title="Late")
    # Joined before the start: the cohort's due dates are theirs (no catch-up dates).
    services.cohort_enroll(cohort=late, user=coach, at=timezone.now() - timedelta(days=21))
    client.force_login(coach)
    html = client.get("/learn/").content.decode()
    assert "Behind schedule" in html


def test_my_learning_shows_waitlist_position(client, make_cohort, make_user):
    cohort = make_cohort(capacity=1)
    services.cohort_enroll(cohort=cohort, user=make_user())
    waiting = make_user()
    services.cohort_enroll(cohort=cohort, user=waiting)
    client.force_login(waiting)
    assert "number <strong>1</strong> on the waitlist" in client.get("/learn/").content.decode()


def test_catalog_lists_open_cohorts_and_hides_drafts(client, make_cohort):
    make_cohort(title="Open one")
    make_cohort(title="Secret draft", status="draft")
    html = client.get("/cohorts/").content.decode()
    assert "Open one" in html and "20 seats left" in html
    assert "Secret draft" not in html


def test_enroll_from_the_cohort_page(
    client, coach, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coach)
    page = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert ">Enroll</button>" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/cohorts/{cohort.pk}/enroll/", follow=True)
    assert "You&#x27;re enrolled in Spring cohort" in response.content.decode()
    assert Enrollment.objects.get(user=coach).status == "active"
    assert len(mailoutbox) == 1


def test_full_cohort_offers_the_waitlist(client, make_cohort, make_user):
    cohort = make_cohort(capacity=1)
    services.cohort_enroll(cohort=cohort, user=make_user())
    coach = make_user()
    client.force_login(coach)
    assert "Join the waitlist" in client.get(f"/cohorts/{cohort.pk}/").content.decode()
    html = client.post(f"/cohorts/{cohort.pk}/enroll/", follow=True).content.decode()
    assert "you&#x27;re on the waitlist" in html


def test_enrolling_in_a_finished_cohort_shows_the_reason(client, coach, make_cohort):
    cohort = make_cohort(status="finished")
    client.force_login(coach)
    html = client.post(f"/cohorts/{cohort.pk}/enroll/", follow=True).content.decode()
    assert "is finished; it takes no new learners" in html
    assert not Enrollment.objects.exists()


def test_members_see_the_cohort_calendar_link(client, coach, cohort, enrolled, make_user):
    client.force_login(coach)
    html = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    feed = f"/cohorts/{cohort.pk}/calendar/{cohort.calendar_token}.ics"
    assert feed in html
    assert client.get(feed)["Content-Type"].startswith("text/calendar")
    client.force_login(make_user())
    assert cohort.calendar_token not in client.get(f"/cohorts/{cohort.pk}/").content.decode()


def test_leave_a_cohort(client, coach, cohort, enrolled):
    client.force_login(coach)
    client.post(f"/cohorts/{cohort.pk}/leave/")
    enrolled.refresh_from_db()
    assert enrolled.status == "dropped"


def test_lesson_of_an_unreleased_module_is_locked(client, coach, enrolled):
    client.force_login(coach)
    html = client.get("/courses/test-course/module-2/lesson-2-1/").content.decode()
    assert "This module opens on" in html
    assert "Ask one teacher" not in html  # the body is not shown
    response = client.post(f"/learn/lessons/{_lesson('lesson-2-1').pk}/complete/", follow=True)
    assert "This module opens on" in response.content.decode()
    assert not coach.lesson_completions.exists()


def test_complete_a_lesson_and_continue(client, coach, enrolled):
    client.force_login(coach)
    lesson = _lesson("lesson-1-1")
    html = client.get(lesson.url).content.decode()
    assert "Complete and continue" in html
    response = client.post(
        f"/learn/lessons/{lesson.pk}/complete/",
        {"done": "1", "next": "/courses/test-course/module-1/lesson-1-2/"},
    )
    assert response["Location"] == "/courses/test-course/module-1/lesson-1-2/"
    html = client.get(lesson.url).content.decode()
    assert "You completed this lesson." in html
    for elsewhere in ("//evil.example/", "/\\evil.example/", "https://evil.example/"):
        response = client.post(
            f"/learn/lessons/{lesson.pk}/complete/", {"done": "1", "next": elsewhere}
        )
        assert response["Location"] == lesson.url + "#progress"  # never an open redirect
    assert '<span class="visually-hidden"> (completed)</span>' in html  # in the outline


def test_reflection_is_saved_and_private(client, coach, enrolled, make_user, cohort):
    lesson = _lesson("lesson-1-1")
    block_id = _reflection_block(lesson)
    client.force_login(coach)
    client.post(
        f"/learn/lessons/{lesson.pk}/reflections/{block_id}/",
        {"text": "Teachers trust me when I keep their secrets."},
    )
    assert "Teachers trust me when I keep their secrets." in client.get(lesson.url).content.decode()
    peer = make_user()
    services.cohort_enroll(cohort=cohort, user=peer)
    client.force_login(peer)
    assert "keep their secrets" not in client.get(lesson.url).content.decode()


def test_empty_reflection_is_refused(client, coach, enrolled):
    lesson = _lesson("lesson-1-1")
    client.force_login(coach)
    response = client.post(
        f"/learn/lessons/{lesson.pk}/reflections/{_reflection_block(lesson)}/",
        {"text": "   "},
        follow=True,
    )
    assert "Write something before saving" in response.content.decode()
    assert not Reflection.objects.exists()


def test_reset_schedule_for_self_paced(client, coach, self_paced):
    enrollment = services.cohort_enroll(cohort=self_paced, user=coach).enrollment
    client.force_login(coach)
    response = client.post(f"/learn/enrollments/{enrollment.pk}/reset/", follow=True)
    assert "count from today" in response.content.decode()


def test_reset_schedule_is_offered_from_the_start_not_only_once_behind(
    client, coach, self_paced, cohort
):
    """A self-paced learner on track sees "Reset my schedule" (with what it does) on My
    learning; a facilitated cohort never offers it."""
    services.cohort_enroll(cohort=self_paced, user=coach)
    services.cohort_enroll(cohort=cohort, user=coach)
    client.force_login(coach)
    html = client.get("/learn/").content.decode()
    assert "Behind schedule" not in html
    assert html.count("<summary>Reset my schedule</summary>") == 1
    assert "will count again from today: one module every 14 days" in html
    assert html.count("/reset/") == 1


def test_reset_schedule_moves_a_behind_learners_targets_to_today(client, coach, self_paced):
    today = timezone.localdate()
    enrollment = services.cohort_enroll(
        cohort=self_paced, user=coach, at=timezone.now() - timedelta(days=40)
    ).enrollment
    assert enrollment.schedule_anchor == today - timedelta(days=40)
    client.force_login(coach)
    before = client.get("/learn/").content.decode()
    assert "Behind schedule" in before
    assert '<details class="module-dates reset-schedule" open>' in before  # shown, not hidden
    response = client.post(f"/learn/enrollments/{enrollment.pk}/reset/", follow=True)
    html = response.content.decode()
    assert "now count from today, one module every 14 days" in html
    assert "Behind schedule" not in html
    enrollment.refresh_from_db()
    assert enrollment.schedule_anchor == today


def test_reset_schedule_of_a_facilitated_cohort_is_refused(client, coach, enrolled):
    client.force_login(coach)
    response = client.post(f"/learn/enrollments/{enrolled.pk}/reset/", follow=True)
    assert "Only self-paced schedules can be reset" in response.content.decode()


def test_reset_schedule_of_someone_elses_enrollment_is_404(client, coach, self_paced, make_user):
    other = services.cohort_enroll(cohort=self_paced, user=make_user()).enrollment
    client.force_login(coach)
    assert client.post(f"/learn/enrollments/{other.pk}/reset/").status_code == 404


# --- facilitator ---------------------------------------------------------------------------


def test_dashboard_is_only_for_the_cohorts_facilitators(client, coach, cohort, enrolled):
    client.force_login(coach)
    assert client.get(f"/cohorts/{cohort.pk}/dashboard/").status_code == 404
    assert client.get(f"/cohorts/{cohort.pk}/dashboard/progress.csv").status_code == 404


def test_dashboard_shows_the_matrix_and_exports_csv(client, facilitator, cohort, coach, enrolled):
    services.lesson_complete(user=coach, lesson=_lesson("lesson-1-1"))
    services.lesson_complete(user=coach, lesson=_lesson("lesson-1-2"))
    client.force_login(facilitator)
    html = client.get(f"/cohorts/{cohort.pk}/dashboard/").content.decode()
    assert "Maya" in html and "cell--done" in html and "33%" in html
    assert 'href="/badges/queue/"' in html  # the certification queue is one click away
    response = client.get(f"/cohorts/{cohort.pk}/dashboard/progress.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:6] == ["name", "email", "team", "lessons_done", "lessons_total", "percent"]
    assert rows[1][:6] == ["Maya", "maya@example.org", "", "2", "6", "33"]
    assert rows[1][-3:] == ["2/2", "0/2", "0/2"]


def test_announcement_is_posted_and_emailed(
    client, facilitator, cohort, enrolled, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/cohorts/{cohort.pk}/dashboard/announce/",
            {"title": "Office hours moved", "body": "Wednesday this week."},
        )
    assert [m.subject for m in mailoutbox][-1] == "[Spring cohort] Office hours moved"
    client.force_login(enrolled.user)
    assert "Office hours moved" in client.get(f"/cohorts/{cohort.pk}/").content.decode()


def test_facilitator_adds_a_list_and_sees_the_summary(client, facilitator, cohort, make_user):
    make_user("ana")
    client.force_login(facilitator)
    response = client.post(
        f"/cohorts/{cohort.pk}/dashboard/enroll-csv/",
        {"csv": "ana@example.org\nnew@school.org"},
        follow=True,
    )
    assert "1 enrolled, 1 invited to sign up" in response.content.decode()
    bad = client.post(
        f"/cohorts/{cohort.pk}/dashboard/enroll-csv/", {"csv": "ana@example.org\nnope"}, follow=True
    )
    assert "Nothing was enrolled" in bad.content.decode()


def test_facilitator_moves_and_removes_learners(client, facilitator, make_cohort, coach):
    spring = make_cohort(title="Spring")
    fall = make_cohort(title="Fall")
    enrollment = services.cohort_enroll(cohort=spring, user=coach).enrollment
    client.force_login(facilitator)
    html = client.post(
        f"/cohorts/{spring.pk}/dashboard/learners/{enrollment.pk}/move/",
        {"to_cohort": fall.pk},
        follow=True,
    ).content.decode()
    assert "moved to Fall" in html
    moved = Enrollment.objects.get(cohort=fall, user=coach)
    client.post(f"/cohorts/{fall.pk}/dashboard/learners/{moved.pk}/remove/")
    moved.refresh_from_db()
    assert moved.status == "dropped"


def test_facilitator_reviews_reflections_and_gives_feedback(
    client,
    facilitator,
    cohort,
    coach,
    enrolled,
    mailoutbox,
    make_user,
    django_capture_on_commit_callbacks,
):
    lesson = _lesson("lesson-1-1")
    reflection = services.reflection_save(
        user=coach, lesson=lesson, block_id=_reflection_block(lesson), text="I listened."
    )
    client.force_login(facilitator)
    html = client.get(f"/cohorts/{cohort.pk}/reflections/").content.decode()
    assert "I listened." in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/cohorts/{cohort.pk}/reflections/{reflection.pk}/feedback/", {"text": "Great start."}
        )
    assert reflection.feedback.get().text == "Great start."
    assert "Feedback on your reflection" in mailoutbox[-1].subject
    client.force_login(coach)
    assert "Great start." in client.get(lesson.url).content.decode()
    other = make_user("other_facilitator")
    client.force_login(other)
    assert client.get(f"/cohorts/{cohort.pk}/reflections/").status_code == 404


# --- team lead -----------------------------------------------------------------------------


@pytest.fixture
def team(cohort, facilitator, make_user):
    org = services.organization_create(name="Riverside Unified")
    lead = make_user("lena")
    return services.team_create(
        organization=org,
        cohort=cohort,
        name="Riverside Liaisons",
        seats=3,
        leads=[lead],
        by=facilitator,
    )


def test_team_lead_sees_progress_but_never_reflections(client, team, make_user):
    member = make_user("diego")
    services.team_join(token=team.join_token, user=member)
    lesson = _lesson("lesson-1-1")
    services.lesson_complete(user=member, lesson=lesson)
    services.reflection_save(
        user=member,
        lesson=lesson,
        block_id=_reflection_block(lesson),
        text="My principal worries me.",
    )
    lead = team.memberships.get(role="lead").user
    client.force_login(lead)
    html = client.get(f"/teams/{team.pk}/").content.decode()
    assert "Diego" in html and "17%" in html
    assert "principal worries" not in html
    client.force_login(member)
    assert client.get(f"/teams/{team.pk}/").status_code == 404


def test_join_link_enrolls_with_a_team_seat(client, team, make_user):
    newcomer = make_user("priya")
    client.force_login(newcomer)
    assert "Join the team" in client.get(f"/teams/join/{team.join_token}/").content.decode()
    client.post(f"/teams/join/{team.join_token}/")
    enrollment = Enrollment.objects.get(user=newcomer)
    assert enrollment.team == team and enrollment.status == "active"


# --- flat query counts --------------------------------------------------------------------


def _fill(cohort, make_user, n: int):
    lessons = list(LessonPage.objects.order_by("path")[:2])
    for _ in range(n):
        user = make_user()
        services.cohort_enroll(cohort=cohort, user=user)
        for lesson in lessons:
            services.lesson_complete(user=user, lesson=lesson)


@pytest.mark.parametrize("learners", [2, 10])
def test_dashboard_query_count_is_flat(
    client, facilitator, cohort, make_user, learners, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(facilitation, "DASHBOARD_PAGE_SIZE", 4)  # 10 learners: three pages
    _fill(cohort, make_user, learners)
    client.force_login(facilitator)
    client.get(f"/cohorts/{cohort.pk}/dashboard/")
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(f"/cohorts/{cohort.pk}/dashboard/")
    html = response.content.decode()
    assert html.count('class="is-behind"') + html.count('<tr class="">') == min(learners, 4)
    assert f'{learners}</span><span class="stat__label">active' in html


def test_dashboard_pages_through_the_learners(
    client, facilitator, make_cohort, make_user, monkeypatch
):
    monkeypatch.setattr(facilitation, "DASHBOARD_PAGE_SIZE", 3)
    cohort = make_cohort(capacity=7)
    for n in range(7):
        services.cohort_enroll(cohort=cohort, user=make_user(f"p{n}", display_name=f"P{n}"))
    client.force_login(facilitator)
    url = f"/cohorts/{cohort.pk}/dashboard/"
    first = client.get(url).content.decode()
    assert "p0@example.org" in first and "p2@example.org" in first
    assert "p3@example.org" not in first
    assert "Learners 1–3 of 7 · page 1 of 3" in first
    assert 'href="?page=2#roster">Next</a>' in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "p3@example.org" in second and "p5@example.org" in second
    assert "p2@example.org" not in second and "p6@example.org" not in second
    # Out of range or not a number: the nearest page, never an error.
    assert "p6@example.org" in client.get(url, {"page": 99}).content.decode()
    assert "p0@example.org" in client.get(url, {"page": "abc"}).content.decode()
    # The CSV has everyone.
    rows = list(csv.reader(io.StringIO(client.get(f"{url}progress.csv").content.decode())))
    assert [row[1] for row in rows[1:]] == [f"p{n}@example.org" for n in range(7)]


@pytest.mark.parametrize("cohorts", [1, 3])
def test_my_learning_query_count_is_flat(
    client, coach, make_cohort, cohorts, django_assert_num_queries
):
    for n in range(cohorts):
        cohort = make_cohort(title=f"Cohort {n}")
        services.cohort_enroll(cohort=cohort, user=coach)
    client.force_login(coach)
    client.get("/learn/")
    with django_assert_num_queries(MY_LEARNING_QUERIES):
        client.get("/learn/")


# The outlines, the site and the person's permissions come from the cache.
DASHBOARD_QUERIES = 14  # the cohort with its course; seat requests; the person's zone fallback
MY_LEARNING_QUERIES = 12  # invitations waiting for a seat; the zone of a person without one
