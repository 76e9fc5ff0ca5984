"""The demo, built by calling each app's services. Idempotent: running it again adds
only what is missing. Later apps add their own step to ``STEPS``."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from wagtail.search.models import IndexEntry

from accounts.demo import login_table, seed_people
from badges.demo import seed_badges
from badges.models import BadgeAward, BadgeClass
from cohorts.demo import seed_cohorts
from cohorts.models import Cohort, Enrollment, LessonCompletion, Team
from community.demo import seed_community
from community.models import Post, Thread
from courses.demo import seed_courses
from courses.models import CoursePage, LessonPage
from practice.demo import seed_practice
from practice.models import FeedbackResponse, PracticeEntry

from .services import site_root_ensure


def _counted(*models_and_labels) -> str:
    return ", ".join(f"{model.objects.count():,} {label}" for model, label in models_and_labels)


def _steps(built: dict) -> list[tuple[str, Callable[[], object], Callable[[], str]]]:
    """Each step of the demo: its name, what it does, and what exists after it."""

    User = get_user_model()

    people = built["people"]

    def courses():
        _home, catalog = site_root_ensure()
        built["courses"] = seed_courses(catalog=catalog, user=people.get("elena"))

    return [
        ("people", lambda: people.update(seed_people()), lambda: _counted((User, "people"))),
        (
            "courses",
            courses,
            lambda: _counted((CoursePage, "courses"), (LessonPage, "lessons")),
        ),
        (
            "cohorts and teams",
            lambda: seed_cohorts(people=people),
            lambda: _counted(
                (Cohort, "cohorts"),
                (Team, "teams"),
                (Enrollment, "enrollments"),
                (LessonCompletion, "lessons completed"),
            ),
        ),
        (
            "discussions",
            lambda: seed_community(people=people),
            lambda: _counted((Thread, "threads"), (Post, "replies")),
        ),
        (
            "coaching log",
            lambda: seed_practice(people=people),
            lambda: _counted((PracticeEntry, "entries"), (FeedbackResponse, "feedback answers")),
        ),
        (
            "badges",
            lambda: seed_badges(people=people),
            lambda: _counted((BadgeClass, "badges"), (BadgeAward, "awards")),
        ),
        (
            "search index",
            lambda: call_command("update_index", verbosity=0),
            lambda: _counted((IndexEntry, "search index entries")),
        ),
    ]


def seed(*, stdout=None, verbosity: int = 1) -> dict:
    """Build each step and, with ``stdout``, say what it built and how long it took, so a
    first ``make run`` never looks hung. Each step is one transaction: a step that fails
    leaves nothing half-built, and SQLite writes it to disk once, not once a row."""
    talk = stdout is not None and verbosity
    state: dict = {"people": {}, "courses": []}
    started = time.perf_counter()
    if talk:
        stdout.write("Building the demo (safe to run again: it adds only what is missing)\n")
    # The demo is built quietly: no enrollment or announcement emails to the console.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for number, (name, build, report) in enumerate(_steps(state), start=1):
            step_started = time.perf_counter()
            with transaction.atomic():
                build()
            if talk:
                stdout.write(
                    f"  [{number}/7] {name:<18} {report():<58} "
                    f"{time.perf_counter() - step_started:5.1f} s\n"
                )
                stdout.flush()
    courses = state["courses"]
    summary = {
        "people": len(state["people"]),
        "courses_created": sum(1 for _course, created in courses if created),
        "courses": len(courses),
    }
    if talk:
        stdout.write(
            f"Demo ready in {time.perf_counter() - started:.1f} s: {summary['people']} people, "
            f"{summary['courses']} courses ({summary['courses_created']} new).\n\n"
            f"Demo logins (any page: /accounts/login/):\n{login_table()}\n"
        )
    return summary
