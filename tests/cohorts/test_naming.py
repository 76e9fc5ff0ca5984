"""Names say what things are: a self-paced track is named after its course, screens that mix
courses show which course, and a self-paced card never says "Facilitated by"."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from cohorts import services
from cohorts.models import Cohort, Pace
from community import services as community_services
from community.models import Space

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_course(make_course):
    return make_course(modules=1, lessons=1, slug="tech-club", title="Leading a Tech Club")


def test_each_courses_self_paced_track_is_named_after_it(make_cohort, course, other_course):
    first = make_cohort(pace=Pace.SELF_PACED, title="Self-paced track")
    second = make_cohort(pace=Pace.SELF_PACED, course=other_course)
    assert first.title == f"{course.title} · self-paced"
    assert second.title == "Leading a Tech Club · self-paced"
    assert community_services.space_for_cohort(cohort=second).title == second.title


def test_the_admin_path_names_it_too(course):
    # The Wagtail admin saves through the model form: Cohort.clean names the track.
    track = Cohort(course=course, pace=Pace.SELF_PACED, title="Anything", status="open")
    track.full_clean()
    assert track.title == f"{course.title} · self-paced"


def test_existing_tracks_are_renamed_by_the_data_migrations(make_cohort, course, other_course):
    tracks = [make_cohort(pace=Pace.SELF_PACED, course=c) for c in (course, other_course)]
    spaces = [community_services.space_for_cohort(cohort=t) for t in tracks]
    Cohort.objects.filter(pk__in=[t.pk for t in tracks]).update(title="Self-paced track")
    Space.objects.filter(pk__in=[s.pk for s in spaces]).update(title="Self-paced track")
    facilitated = make_cohort(title="Spring cohort")

    importlib.import_module("cohorts.migrations.0004_self_paced_tracks_named_after_course").rename(
        apps, None
    )
    importlib.import_module(
        "community.migrations.0002_self_paced_spaces_named_after_course"
    ).rename(apps, None)
    names = set(Cohort.objects.filter(pace=Pace.SELF_PACED).values_list("title", flat=True))
    assert names == {f"{course.title} · self-paced", "Leading a Tech Club · self-paced"}
    assert set(Space.objects.filter(kind="self_paced").values_list("title", flat=True)) == names
    facilitated.refresh_from_db()
    assert facilitated.title == "Spring cohort"


def test_self_paced_card_and_page_do_not_say_facilitated_by(client, make_cohort):
    track = make_cohort(pace=Pace.SELF_PACED)  # the fixture's facilitator is on it
    cohort = make_cohort(title="Spring cohort")
    catalog = client.get("/cohorts/").content.decode()
    card = catalog[catalog.index(f'href="/cohorts/{track.pk}/"') :].split("</article>")[0]
    assert track.title in card and "Facilitated by" not in card
    card = catalog[catalog.index(f'href="/cohorts/{cohort.pk}/"') :].split("</article>")[0]
    assert "Facilitated by Fran" in card
    page = client.get(f"/cohorts/{track.pk}/").content.decode()
    assert "<dt>Facilitator" not in page
    assert "<dt>Facilitator" in client.get(f"/cohorts/{cohort.pk}/").content.decode()


def test_facilitator_screens_show_which_course(client, facilitator, make_cohort, other_course):
    make_cohort(pace=Pace.SELF_PACED)
    make_cohort(pace=Pace.SELF_PACED, course=other_course)
    spring = make_cohort(title="Spring cohort", course=other_course)
    client.force_login(facilitator)
    learning = client.get("/learn/").content.decode()
    assert "Facilitator dashboard: Leading a Tech Club · self-paced" in learning
    assert "Facilitator dashboard: Spring cohort · Leading a Tech Club" in learning
    dashboard = client.get(f"/cohorts/{spring.pk}/dashboard/").content.decode()
    assert "A cohort of Leading a Tech Club" in dashboard


def test_community_index_names_the_course_of_a_cohort_space(
    client, coach, make_cohort, other_course
):
    spring = make_cohort(title="Spring cohort", course=other_course)
    services.cohort_enroll(cohort=spring, user=coach)
    community_services.space_for_cohort(cohort=spring)
    client.force_login(coach)
    assert "Spring cohort · Leading a Tech Club" in client.get("/community/").content.decode()
