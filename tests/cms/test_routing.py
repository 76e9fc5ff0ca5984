"""The home page finds a page by its stored url_path in one query: the same page Wagtail's
walk from the root finds, and the same 404s."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.test import RequestFactory
from wagtail.models import Page

from courses.models import LessonPage

pytestmark = pytest.mark.django_db


def _walk(root, components):
    """Wagtail's own routing: one child lookup per level."""
    return Page.route(root, RequestFactory().get("/"), components)


def test_every_page_routes_to_itself_as_wagtails_walk_does(make_course, site_tree):
    home, _catalog = site_tree
    make_course(modules=2, lessons=2)
    home = home.specific
    request = RequestFactory().get("/")
    pages = Page.objects.live().descendant_of(home).specific()
    assert pages.count() >= 7
    for page in pages:
        components = page.url_path[len(home.url_path) :].strip("/").split("/")
        found = home.route(request, components)
        assert found.page.pk == page.pk
        assert type(found.page) is type(page)
        assert _walk(home, components).page.pk == page.pk


@pytest.mark.parametrize(
    "path",
    ["courses/test-course/module-1/nope/", "courses/nope/", "elsewhere/module-1/lesson-1-1/"],
)
def test_unknown_paths_are_404(client, make_course, path):
    make_course(modules=1, lessons=1)
    assert client.get(f"/{path}").status_code == 404


def test_an_unpublished_lesson_is_404_and_publishing_it_serves_it(client, make_course):
    make_course(modules=1, lessons=2)
    url = "/courses/test-course/module-1/lesson-1-2/"
    lesson = LessonPage.objects.get(slug="lesson-1-2")
    assert client.get(url).status_code == 200
    lesson.unpublish()
    assert client.get(url).status_code == 404
    lesson.save_revision().publish()
    assert client.get(url).status_code == 200


def test_lookup_is_one_query_whatever_the_depth(make_course, site_tree, django_assert_num_queries):
    home, _catalog = site_tree
    make_course(modules=1, lessons=1)
    home = home.specific
    request = RequestFactory().get("/")
    # The page row by its url_path, then its specific row.
    with django_assert_num_queries(2):
        home.route(request, ["courses", "test-course", "module-1", "lesson-1-1"])


def test_no_page_type_routes_on_its_own():
    """The shortcut skips each level's ``route``: it holds while none overrides it."""
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page and model.__name__ != "HomePage":
            assert model.route is Page.route, f"{model.__name__} has its own route()"
