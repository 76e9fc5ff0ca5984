"""A screen never offers what will fail: the catalog card, the cohort page and its button
render ``join_state``, the rule ``cohort_enroll`` applies; one case per state, and the
service agrees with what the screen said."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from cohorts import services
from cohorts.models import Enrollment, EnrollmentStatus
from core.errors import ApplicationError

pytestmark = pytest.mark.django_db


def _day(moment) -> str:
    return date_format(timezone.localtime(moment, timezone.get_fixed_timezone(0)).date())


def _open(make_cohort, make_user, coach):
    return make_cohort(), "Open for enrollment", "Enroll"


def _full(make_cohort, make_user, coach):
    cohort = make_cohort(capacity=1)
    services.cohort_enroll(cohort=cohort, user=make_user())
    return cohort, "Full — join the waitlist", "Join the waitlist"


def _closed(make_cohort, make_user, coach):
    closed = timezone.now() - timedelta(days=2)
    cohort = make_cohort(
        enrollment_opens_at=closed - timedelta(days=30), enrollment_closes_at=closed
    )
    return cohort, f"Enrollment closed on {_day(closed)}", None


def _closed_and_full(make_cohort, make_user, coach):
    cohort, label, _ = _closed(make_cohort, make_user, coach)
    services.cohort_update(cohort=cohort, by=cohort.facilitators.get(), capacity=1)
    services.cohort_enroll(cohort=cohort, user=make_user(), by=cohort.facilitators.get())
    return cohort, label, None


def _opens_later(make_cohort, make_user, coach):
    opens = timezone.now() + timedelta(days=5)
    cohort = make_cohort(enrollment_opens_at=opens, enrollment_closes_at=opens + timedelta(days=9))
    return cohort, f"Opens on {_day(opens)}", None


def _finished(make_cohort, make_user, coach):
    return make_cohort(status="finished"), "Finished", None


def _enrolled(make_cohort, make_user, coach):
    cohort = make_cohort()
    services.cohort_enroll(cohort=cohort, user=coach)
    return cohort, "You're enrolled", None


def _waitlisted(make_cohort, make_user, coach):
    cohort = make_cohort(capacity=1)
    services.cohort_enroll(cohort=cohort, user=make_user())
    services.cohort_enroll(cohort=cohort, user=coach)
    return cohort, "on the waitlist", None


def _team_seat_while_general_seats_are_full(make_cohort, make_user, coach):
    cohort = make_cohort(capacity=3)
    lead = make_user()
    facilitator = cohort.facilitators.get()
    organization = services.organization_create(name="Riverside")
    team = services.team_create(
        organization=organization,
        cohort=cohort,
        name="Riverside",
        seats=2,
        leads=[lead],
        by=facilitator,
    )
    services.cohort_enroll(cohort=cohort, user=make_user())  # the one general seat
    from cohorts.models import TeamMembership

    TeamMembership.objects.create(team=team, user=coach)
    return cohort, "Open for enrollment", "Enroll"


def _team_full(make_cohort, make_user, coach):
    cohort = make_cohort(capacity=3)
    facilitator = cohort.facilitators.get()
    organization = services.organization_create(name="Riverside")
    lead = make_user()
    team = services.team_create(
        organization=organization,
        cohort=cohort,
        name="Riverside",
        seats=1,
        leads=[lead],
        by=facilitator,
    )
    services.team_join(token=team.join_token, user=make_user())
    from cohorts.models import TeamMembership

    TeamMembership.objects.create(team=team, user=coach)
    return cohort, "Your team's seats are all taken", None


CASES = {
    "open": _open,
    "full": _full,
    "closed": _closed,
    "closed_and_full": _closed_and_full,
    "opens_later": _opens_later,
    "finished": _finished,
    "enrolled": _enrolled,
    "waitlisted": _waitlisted,
    "team_seat": _team_seat_while_general_seats_are_full,
    "team_full": _team_full,
}


@pytest.mark.parametrize("case", CASES)
def test_page_and_catalog_say_what_enrolling_would_do_and_the_service_agrees(
    client, coach, make_cohort, make_user, case
):
    cohort, label, button = CASES[case](make_cohort, make_user, coach)
    client.force_login(coach)

    page = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert label in page
    enroll_form = f'action="/cohorts/{cohort.pk}/enroll/"'
    if button:
        assert enroll_form in page and f">{button}</button>" in page
    else:
        assert enroll_form not in page
        assert ">Enroll</button>" not in page and ">Join the waitlist</button>" not in page
    assert "Join the waitlist" not in page or button == "Join the waitlist"

    catalog = client.get("/cohorts/").content.decode()
    card = catalog[catalog.index(f'href="/cohorts/{cohort.pk}/"') :].split("</article>")[0]
    assert label in card
    assert "Open for enrollment" not in card or label == "Open for enrollment"

    # The service does exactly what the screen said.
    before = Enrollment.objects.filter(cohort=cohort, user=coach).first()
    try:
        enrollment = services.cohort_enroll(cohort=cohort, user=coach).enrollment
    except ApplicationError as error:
        assert button is None, f"the page offered {button!r} but enrolling failed: {error}"
        assert not Enrollment.objects.filter(cohort=cohort, user=coach).exists()
    else:
        if before is not None:  # already in: nothing to offer, nothing changes
            assert button is None and enrollment.pk == before.pk
            assert enrollment.status == before.status
        else:
            assert button is not None, "enrolling worked but the page did not offer it"
            expected = EnrollmentStatus.WAITLISTED if button == "Join the waitlist" else "active"
            assert enrollment.status == expected


def test_anonymous_visitor_sees_the_state_and_logs_in_only_when_it_is_open(client, make_cohort):
    closed = timezone.now() - timedelta(days=1)
    shut = make_cohort(
        title="Shut", enrollment_opens_at=closed - timedelta(days=9), enrollment_closes_at=closed
    )
    open_ = make_cohort(title="Still open")
    page = client.get(f"/cohorts/{shut.pk}/").content.decode()
    assert f"Enrollment closed on {_day(closed)}" in page and "Log in to enroll" not in page
    page = client.get(f"/cohorts/{open_.pk}/").content.decode()
    assert "Open for enrollment" in page and "Log in to enroll" in page


def test_facilitator_may_enroll_themself_outside_the_window(client, facilitator, make_cohort):
    closed = timezone.now() - timedelta(days=1)
    cohort = make_cohort(
        enrollment_opens_at=closed - timedelta(days=9), enrollment_closes_at=closed
    )
    client.force_login(facilitator)
    page = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert ">Enroll</button>" in page  # the service lets facilitators ignore the window
    assert services.cohort_enroll(cohort=cohort, user=facilitator).enrollment.status == "active"


# --- query counts -----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 4])
def test_catalog_query_count_is_flat(
    client, coach, make_cohort, make_user, size, django_assert_num_queries
):
    for n in range(size):
        cohort = make_cohort(title=f"Cohort {n}", capacity=2)
        services.cohort_enroll(cohort=cohort, user=make_user())
        if n % 2:
            services.cohort_enroll(cohort=cohort, user=coach)
    client.force_login(coach)
    client.get("/cohorts/")
    with django_assert_num_queries(CATALOG_QUERIES):
        response = client.get("/cohorts/")
    assert response.content.decode().count('class="join-state') == size


@pytest.mark.parametrize("size", [1, 4])
def test_cohort_page_query_count_is_flat(
    client, coach, make_cohort, make_user, size, django_assert_num_queries
):
    cohort = make_cohort(capacity=size)
    for _ in range(size):
        services.cohort_enroll(cohort=cohort, user=make_user())
    client.force_login(coach)
    client.get(f"/cohorts/{cohort.pk}/")
    with django_assert_num_queries(COHORT_PAGE_QUERIES):
        response = client.get(f"/cohorts/{cohort.pk}/")
    assert "Full — join the waitlist" in response.content.decode()


CATALOG_QUERIES = 6  # + the zone of a person without one (site and permissions cached)
COHORT_PAGE_QUERIES = 10  # + the zone of a person without one (site, permissions cached)
