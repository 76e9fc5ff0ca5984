"""core.contributions: the pages of a lower app get what the apps above it registered."""

from __future__ import annotations

import pytest

from core import contributions


@pytest.fixture
def slot():
    name = "tests.page"
    yield name
    contributions._contributors.pop(name, None)


def test_contributors_run_in_order_and_see_what_came_before(slot, rf):
    def first(*, request, page, context):
        return {"nav": f"nav of {page}"}

    def second(*, request, page, context):
        return {"learning": f"after {context['nav']}"}

    contributions.contribute(slot, first)
    contributions.contribute(slot, second)
    contributions.contribute(slot, first)  # again: still once
    context = contributions.add_contributions(slot, request=rf.get("/"), page="p", context={})
    assert context == {"nav": "nav of p", "learning": "after nav of p"}


def test_a_slot_nobody_filled_leaves_the_context_as_it_was(slot, rf):
    assert contributions.add_contributions(slot, request=rf.get("/"), context={"a": 1}) == {"a": 1}


def test_the_apps_fill_the_course_pages_and_my_learning():
    """What the apps register in ready(), lower app first (courses' nav before cohorts')."""
    from cohorts.selectors.pages import lesson_context, module_context
    from community.selectors import lesson_discussion_context
    from courses.selectors import navigation_context
    from practice.selectors import my_learning_context

    registered = contributions._contributors
    assert registered["courses.lesson"] == [
        navigation_context,
        lesson_context,
        lesson_discussion_context,
    ]
    assert registered["courses.module"] == [navigation_context, module_context]
    assert registered["cohorts.my_learning"] == [my_learning_context]
