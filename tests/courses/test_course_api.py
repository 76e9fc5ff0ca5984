from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_course_list_is_paginated_and_public(client, make_course):
    make_course(title="Coaching Basics")
    response = client.get("/api/v1/courses/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    course = body["results"][0]
    assert course["title"] == "Coaching Basics"
    assert course["paces"] == ["self_paced", "facilitated"]
    assert course["url"].endswith("/courses/test-course/")


def test_course_detail_has_the_outline(client, make_course):
    course = make_course(modules=2, lessons=3, outcomes=[("outcome", "Run a coaching cycle")])
    body = client.get(f"/api/v1/courses/{course.pk}/").json()
    assert body["outcomes"] == ["Run a coaching cycle"]
    assert [m["title"] for m in body["modules"]] == ["Module 1", "Module 2"]
    lesson = body["modules"][1]["lessons"][2]
    assert lesson["number"] == "2.3"
    assert lesson["title"] == "Lesson 2.3"
    assert lesson["url"] == "/courses/test-course/module-2/lesson-2-3/"
    assert lesson["estimated_minutes"] == 15
    assert body["modules"][0]["estimated_minutes"] == 45


def test_unknown_course_is_a_json_404(client, site_tree):
    response = client.get("/api/v1/courses/999999/")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found."}}


def test_unpublished_course_is_not_in_the_api(client, make_course):
    course = make_course()
    course.unpublish()
    assert client.get("/api/v1/courses/").json()["count"] == 0
    assert client.get(f"/api/v1/courses/{course.pk}/").status_code == 404


def test_course_detail_query_count_is_flat(client, make_course, django_assert_num_queries):
    small = make_course(modules=1, lessons=2, slug="small")
    large = make_course(modules=4, lessons=6, slug="large")
    client.get(f"/api/v1/courses/{small.pk}/")
    with django_assert_num_queries(9) as small_queries:  # cold: the outline is built
        client.get(f"/api/v1/courses/{large.pk}/")
    with django_assert_num_queries(5) as small_queries:  # warm: the outline from the cache
        client.get(f"/api/v1/courses/{small.pk}/")
    with django_assert_num_queries(len(small_queries)):
        client.get(f"/api/v1/courses/{large.pk}/")
