"""Anonymous visitors get lesson and module pages from a whole-response cache keyed on the
course tree's generation: no query once cached, and an editor's change shows at once."""

from __future__ import annotations

import warnings

import pytest
from django.contrib.auth.models import Group
from django.core.cache.backends.base import CacheKeyWarning
from django.test import Client
from wagtail.models import PageViewRestriction

from courses.models import LessonPage
from courses.page_cache import HEADER

pytestmark = pytest.mark.django_db

LESSON = "/courses/test-course/module-1/lesson-1-1/"
MODULE = "/courses/test-course/module-1/"


@pytest.mark.parametrize("path", [LESSON, MODULE])
def test_the_second_anonymous_request_runs_no_query(make_course, django_assert_num_queries, path):
    make_course(modules=1, lessons=2)
    client = Client()
    first = client.get(path)
    assert first.status_code == 200 and first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(path)
    assert second[HEADER] == "hit"
    assert second.content == first.content
    # The headers the outer middleware adds are there on a cached answer too.
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Type"):
        assert second[header] == first[header]


def test_publishing_shows_on_the_next_anonymous_request(make_course):
    make_course(modules=1, lessons=2)
    client = Client()
    assert "Lesson 1.1" in client.get(LESSON).content.decode()
    assert client.get(LESSON)[HEADER] == "hit"
    lesson = LessonPage.objects.get(slug="lesson-1-1")
    lesson.title = "Trust before tools"
    lesson.save_revision().publish()
    response = client.get(LESSON)
    assert response[HEADER] == "miss"
    assert "Trust before tools" in response.content.decode()


def test_a_restriction_added_later_is_applied_at_once(make_course):
    make_course(modules=1, lessons=1)
    client = Client()
    assert client.get(LESSON).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=LessonPage.objects.get(slug="lesson-1-1"),
        restriction_type=PageViewRestriction.GROUPS,
    )
    restriction.groups.set([Group.objects.create(name="Editors only")])
    assert client.get(LESSON).status_code == 302


def test_logged_in_people_and_query_strings_are_never_served_from_the_cache(make_course, coach):
    make_course(modules=1, lessons=1)
    anonymous = Client()
    anonymous.get(LESSON)
    assert anonymous.get(LESSON)[HEADER] == "hit"
    assert HEADER not in anonymous.get(LESSON + "?x=1")
    logged_in = Client()
    logged_in.force_login(coach)
    response = logged_in.get(LESSON)
    assert response.status_code == 200 and HEADER not in response
    assert coach.public_name in response.content.decode()


def test_a_page_with_a_csrf_token_is_not_stored(make_course, rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from courses.page_cache import AnonymousPageCacheMiddleware, mark_anonymous_cacheable

    make_course(modules=1, lessons=1)

    def view(request):
        response = HttpResponse(get_token(request))
        mark_anonymous_cacheable(response)
        return response

    middleware = AnonymousPageCacheMiddleware(view)
    for _ in range(2):
        request = rf.get(LESSON)
        request.session = None
        assert HEADER not in middleware(request)


@pytest.mark.parametrize(
    "path", ["/courses/' OR 1=1 --/", "/courses/%00/", "/courses/" + "x" * 300 + "/"]
)
def test_hostile_paths_never_reach_the_cache_key_as_they_are(make_course, path):
    make_course(modules=1, lessons=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        assert Client().get(path).status_code == 404
