"""`seed_demo` builds the whole demo on an empty database and is idempotent."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from accounts.demo import DEMO_PASSWORD
from courses import demo_content
from courses.models import CoursePage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db

BLOCK_TYPES = {
    "heading",
    "rich_text",
    "image",
    "video",
    "callout",
    "reflection_prompt",
    "practice_task",
    "resource",
    "key_takeaways",
}


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    User = get_user_model()
    return {
        "users": User.objects.count(),
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def test_seed_demo_builds_the_flagship_course():
    output = _seed()
    flagship = CoursePage.objects.get(title="Coaching from Theory to Practice")
    assert flagship.live
    modules = ModulePage.objects.live().child_of(flagship)
    lessons = LessonPage.objects.live().descendant_of(flagship)
    assert modules.count() >= 5
    assert lessons.count() >= 15
    used = {block.block_type for lesson in lessons for block in lesson.body}
    assert used == BLOCK_TYPES
    assert flagship.hero_image is not None
    assert len(flagship.outcomes) >= 4
    assert "maya" in output and DEMO_PASSWORD in output
    # It says what it builds as it goes, one line a step, so a first start never looks hung.
    steps = re.findall(r"^  \[(\d)/(\d)\] (\w[\w ]*?)\s{2,}(.+?)\s+(\d+\.\d) s$", output, re.M)
    assert [name for _n, _of, name, _built, _s in steps] == [
        "people",
        "courses",
        "cohorts and teams",
        "discussions",
        "coaching log",
        "badges",
        "search index",
    ]
    assert all(of == "7" for _n, of, *_rest in steps)
    assert re.search(r"^  \[1/7\] people\s+20 people\s", output, re.M)
    assert re.search(r"^Demo ready in \d+\.\d s: 20 people, 2 courses \(2 new\)", output, re.M)


def test_seed_demo_people_can_log_in_with_the_printed_password():
    _seed()
    User = get_user_model()
    assert User.objects.filter(role="coach").count() >= 12
    assert User.objects.filter(role="team_lead").count() >= 2
    assert User.objects.filter(role="facilitator").count() >= 1
    editor = User.objects.get(username="elena")
    assert editor.has_perm("wagtailadmin.access_admin")
    for username in ("maya", "fran", "lena", "elena", "admin"):
        login = RequestFactory().post("/accounts/login/")  # the lockout backend needs a request
        assert authenticate(login, username=username, password=DEMO_PASSWORD) is not None


def test_seed_demo_is_idempotent():
    _seed()
    first = _counts()
    _seed()
    assert _counts() == first


def test_seed_demo_content_is_searchable(client):
    _seed()
    response = client.get("/search/", {"q": "confidentiality"})
    assert response.status_code == 200
    found = re.search(r"(\d+) results? for", response.content.decode())
    assert found and int(found.group(1)) >= 1


def test_every_demo_lesson_renders(client):
    _seed()
    for course in demo_content.load().courses:
        for module in course["modules"]:
            for lesson in module["lessons"]:
                url = f"/courses/{course['slug']}/{module['slug']}/{lesson['slug']}/"
                response = client.get(url)
                assert response.status_code == 200, url
                assert lesson["title"] in response.content.decode()


def test_seed_demo_builds_cohorts_teams_and_progress():
    from cohorts.models import (
        Cohort,
        Enrollment,
        LessonCompletion,
        LiveSession,
        Reflection,
        Team,
    )
    from cohorts.selectors import (
        cohort_list_visible_to,
        cohort_today,
        my_learning,
        roster_progress,
        seats_left,
        team_seats_free,
    )

    _seed()
    flagship = CoursePage.objects.get(slug="coaching-from-theory-to-practice")
    assert Cohort.objects.filter(course=flagship, pace="self_paced").count() == 1
    running = Cohort.objects.get(title="Fall 2026 Facilitated Cohort")
    today = cohort_today(running)
    released = [s for s in running.schedules.all() if s.release_date() <= today]
    assert 0 < len(released) < running.schedules.count()
    upcoming = cohort_list_visible_to(user=None).get(title="Spring 2027 Facilitated Cohort")
    assert seats_left(upcoming) == 0
    assert Enrollment.objects.filter(cohort=upcoming, status="waitlisted").exists()
    riverside = Team.objects.get(name="Riverside Liaisons")
    assert riverside.enrollments.filter(status="active").count() == 5
    assert riverside.memberships.filter(role="lead", user__username="lena").exists()
    assert LessonCompletion.objects.count() > 50
    assert Reflection.objects.filter(feedback__isnull=False).exists()
    assert LiveSession.objects.filter(cohort=running).count() >= 3
    closed = Cohort.objects.get(title="Winter 2026 Intensive")
    assert closed.enrollment_closes_at < timezone.now()  # the catalog says so
    # A self-paced learner who is behind her targets (My learning offers the reset).
    iris = get_user_model().objects.get(username="iris")
    cards = my_learning(user=iris).cards
    self_paced_card = next(c for c in cards if c.enrollment.cohort.pace == "self_paced")
    assert self_paced_card.behind
    # The running cohort's roster tells a late joiner (catching up) from those behind, and
    # Riverside's lead has a full team (the team page offers to ask for seats).
    statuses = {
        learner.enrollment.user.username: learner.status
        for learner in roster_progress(cohort=running).learners
    }
    assert statuses["jonah"] == "catching_up"
    assert "behind" in statuses.values()
    assert team_seats_free(team=riverside) == 0
