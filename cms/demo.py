"""The demo, built by calling each app's services. Idempotent: running it again adds
only what is missing. Later apps add their own step to ``STEPS``."""

from __future__ import annotations

from django.core.management import call_command
from django.test.utils import override_settings

from accounts.demo import login_table, seed_people
from badges.demo import seed_badges
from cohorts.demo import seed_cohorts
from community.demo import seed_community
from courses.demo import seed_courses
from practice.demo import seed_practice


def seed(*, stdout=None, verbosity: int = 1) -> dict:
    # The demo is built quietly: no enrollment or announcement emails to the console.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        people = seed_people()
        courses = seed_courses(user=people.get("elena"))
        seed_cohorts(people=people)
        seed_community(people=people)
        seed_practice(people=people)
        seed_badges(people=people)
    call_command("update_index", verbosity=0)
    summary = {
        "people": len(people),
        "courses_created": sum(1 for _course, created in courses if created),
        "courses": len(courses),
    }
    if stdout is not None and verbosity:
        stdout.write(
            f"Demo ready: {summary['people']} people, {summary['courses']} courses "
            f"({summary['courses_created']} new).\n\nDemo logins (any page: /accounts/login/):\n"
            f"{login_table()}\n"
        )
    return summary
