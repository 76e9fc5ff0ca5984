"""What every page asks and almost never changes comes from the cache — the Wagtail site, a
page's view restrictions, a person's permissions — and a change to any of them shows on the
very next request."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction, Site

from cms.sites import CachedSiteMiddleware
from courses.models import LessonPage

pytestmark = pytest.mark.django_db

LESSON = "/courses/test-course/module-1/lesson-1-1/"


def _site_of_a_request():
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    return CachedSiteMiddleware(lambda request: request._wagtail_site)(request)


def test_the_site_and_its_home_page_are_read_once_and_a_change_shows_at_once(
    site_tree, django_assert_num_queries
):
    first = _site_of_a_request()
    with django_assert_num_queries(0):
        again = _site_of_a_request()
        assert again.root_page.specific is again.root_page  # routing needs no more queries
    assert again.pk == first.pk
    site = Site.objects.get(pk=first.pk)
    site.site_name = "Riverside Coaching"
    site.save()
    assert _site_of_a_request().site_name == "Riverside Coaching"


def test_a_host_without_a_site_is_remembered_as_none(site_tree):
    Site.objects.update(is_default_site=False)
    assert _site_of_a_request() is None
    assert _site_of_a_request() is None
    site = Site.objects.first()
    site.is_default_site = True
    site.save()
    assert _site_of_a_request() is not None


def test_a_restriction_added_later_applies_to_people_logged_in_at_once(make_course, coach):
    make_course(modules=1, lessons=1)
    client = Client()
    client.force_login(coach)
    assert client.get(LESSON).status_code == 200
    assert client.get(LESSON).status_code == 200  # now from the cache
    restriction = PageViewRestriction.objects.create(
        page=LessonPage.objects.get(slug="lesson-1-1"),
        restriction_type=PageViewRestriction.GROUPS,
    )
    restriction.groups.set([Group.objects.create(name="Editors only")])
    assert client.get(LESSON).status_code == 302
    restriction.delete()
    assert client.get(LESSON).status_code == 200


def _fresh(user):
    """The person as the next request loads them (the per-object cache is per request)."""
    return get_user_model().objects.get(pk=user.pk)


def test_permissions_are_cached_and_every_kind_of_change_shows_at_once(
    make_user, django_assert_num_queries
):
    person = make_user("ed")
    admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    editors = Group.objects.create(name="Lesson reviewers")
    assert not _fresh(person).has_perm("wagtailadmin.access_admin")

    person.groups.add(editors)  # joining a group
    assert not _fresh(person).has_perm("wagtailadmin.access_admin")
    editors.permissions.add(admin)  # the group given a permission
    assert _fresh(person).has_perm("wagtailadmin.access_admin")
    reloaded = _fresh(person)
    with django_assert_num_queries(0):
        assert reloaded.has_perm("wagtailadmin.access_admin")

    editors.permissions.remove(admin)  # taken from the group
    assert not _fresh(person).has_perm("wagtailadmin.access_admin")
    person.user_permissions.add(admin)  # given to the person
    assert _fresh(person).has_perm("wagtailadmin.access_admin")
    admin_rights = _fresh(person)
    admin_rights.user_permissions.clear()  # taken from the person
    assert not _fresh(person).has_perm("wagtailadmin.access_admin")

    editors.permissions.add(admin)
    assert _fresh(person).has_perm("wagtailadmin.access_admin")
    editors.user_set.remove(person)  # leaving the group, from the group's side
    assert not _fresh(person).has_perm("wagtailadmin.access_admin")
    person.groups.add(editors)
    assert _fresh(person).has_perm("wagtailadmin.access_admin")
    editors.delete()  # the group deleted
    assert not _fresh(person).has_perm("wagtailadmin.access_admin")


def test_a_deactivated_or_promoted_person_is_read_afresh(make_user):
    person = make_user("ed")
    assert not _fresh(person).has_perm("wagtailadmin.access_admin")
    get_user_model().objects.filter(pk=person.pk).update(is_superuser=True)
    assert _fresh(person).has_perm("wagtailadmin.access_admin")
    get_user_model().objects.filter(pk=person.pk).update(is_active=False)
    assert not _fresh(person).has_perm("wagtailadmin.access_admin")
