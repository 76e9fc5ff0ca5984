"""The lesson page's query count does not grow with the size of the course."""

from __future__ import annotations

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

# Logged in (anonymous visitors get the whole page from courses.page_cache, no query):
# session, user, the page (its site, route, restrictions, breadcrumbs and outline from the
# cache), per-person state, the unread count (the user bar's permissions are cached too).
# Cold: + the site and its home page, the route, the restrictions (2), the breadcrumbs and
# course, the site's root paths (2), the outline's restrictions, modules, lessons, the
# permissions (2).
LESSON_PAGE_QUERIES = 8


@pytest.mark.parametrize(("modules", "lessons"), [(1, 5), (5, 10)])
def test_lesson_page_query_count_is_flat(
    client, coach, make_course, modules, lessons, django_assert_num_queries
):
    make_course(modules=modules, lessons=lessons)
    client.force_login(coach)
    url = "/courses/test-course/module-1/lesson-1-2/"
    client.get(url)
    with django_assert_num_queries(LESSON_PAGE_QUERIES):
        response = client.get(url)
    cache.clear()  # the same 25 queries as before anything was cached here
    with django_assert_num_queries(LESSON_PAGE_QUERIES + 17):
        client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="outline__module"') == modules


@pytest.mark.parametrize("courses", [1, 4])
def test_catalog_query_count_is_flat(client, make_course, courses, django_assert_num_queries):
    for n in range(courses):
        make_course(modules=2, lessons=2, slug=f"course-{n}", title=f"Course {n}")
    client.get("/courses/")
    with django_assert_num_queries(CATALOG_QUERIES):
        response = client.get("/courses/")
    assert response.content.decode().count('class="card"') == courses


CATALOG_QUERIES = 9
