"""Times typed in the cohorts admin mean wall-clock time in the cohort's zone (point 1 of
issue 11): stored as that instant, shown back as typed, and the zone said beside the field."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from cohorts.models import Cohort, LiveSession

from .test_admin import _new_cohort_data, form_data, url

pytestmark = pytest.mark.django_db

LA = zoneinfo.ZoneInfo("America/Los_Angeles")


def _at(day, hour, zone=LA) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=zone)


@pytest.fixture
def fran(facilitator):
    facilitator.groups.add(Group.objects.get(name="Facilitators"))
    return facilitator


@pytest.fixture
def la_cohort(make_cohort):
    return make_cohort(time_zone="America/Los_Angeles")


def test_a_live_session_typed_at_nine_is_nine_in_the_cohorts_zone(client, fran, la_cohort):
    client.force_login(fran)
    edit_url = url(Cohort, "edit", la_cohort.pk)
    data = form_data(client, edit_url)
    day = la_cohort.starts_on + timedelta(days=7)
    data["live_sessions-TOTAL_FORMS"] = "1"
    data["live_sessions-0-title"] = "Kick-off"
    data["live_sessions-0-kind"] = LiveSession.Kind.WEBINAR
    data["live_sessions-0-starts_at"] = f"{day} 09:00"
    data["live_sessions-0-duration_minutes"] = "60"

    response = client.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors
    starts_at = la_cohort.live_sessions.get().starts_at
    assert starts_at == _at(day, 9)
    assert starts_at.astimezone(UTC).hour in (16, 17)  # 17:00 UTC in winter, 16:00 in summer
    page = client.get(edit_url).content.decode()
    assert f'value="{day} 09:00"' in page
    assert "In the cohort&#x27;s time zone: America/Los_Angeles (P" in page


def test_a_winter_session_at_nine_in_los_angeles_is_five_pm_utc(client, fran, make_cohort):
    cohort = make_cohort(
        time_zone="America/Los_Angeles",
        starts_on=datetime(2027, 1, 4).date(),
        ends_on=datetime(2027, 3, 1).date(),
    )
    client.force_login(fran)
    data = form_data(client, url(LiveSession, "add"))
    data.update(
        {
            "cohort": str(cohort.pk),
            "title": "Office hours",
            "kind": LiveSession.Kind.OFFICE_HOURS,
            "starts_at": "2027-01-12 09:00",
            "duration_minutes": "30",
        }
    )

    response = client.post(url(LiveSession, "add"), data)

    assert response.status_code == 302, response.context["form"].errors
    session = cohort.live_sessions.get()
    assert session.starts_at == datetime(2027, 1, 12, 17, 0, tzinfo=UTC)
    page = client.get(url(LiveSession, "edit", session.pk)).content.decode()
    assert 'value="2027-01-12 09:00"' in page
    assert "America/Los_Angeles (PST)" in page or "America/Los_Angeles (PDT)" in page


def test_the_enrollment_window_is_read_in_the_cohorts_zone_whatever_the_admins_zone(
    client, fran, la_cohort
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(fran)
    profile.current_time_zone = "Asia/Tokyo"  # the admin runs in Tokyo time for this person
    profile.save()
    client.force_login(fran)
    edit_url = url(Cohort, "edit", la_cohort.pk)
    data = form_data(client, edit_url)
    opens = timezone.localdate() - timedelta(days=1)
    closes = la_cohort.starts_on + timedelta(days=10)
    data["enrollment_opens_at"] = f"{opens} 08:00"
    data["enrollment_closes_at"] = f"{closes} 17:00"

    response = client.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors
    la_cohort.refresh_from_db()
    assert la_cohort.enrollment_opens_at == _at(opens, 8)
    assert la_cohort.enrollment_closes_at == _at(closes, 17)
    page = client.get(edit_url).content.decode()
    assert f'value="{closes} 17:00"' in page


def test_a_new_cohort_reads_its_times_in_the_zone_chosen_in_the_same_form(client, fran, course):
    client.force_login(fran)
    data = _new_cohort_data(client, course, time_zone="America/Los_Angeles")
    closes = timezone.localdate() + timedelta(days=10)
    data["enrollment_closes_at"] = f"{closes} 17:00"

    response = client.post(url(Cohort, "add"), data)

    assert response.status_code == 302, response.context["form"].errors
    created = Cohort.objects.get(title="Summer cohort")
    assert created.enrollment_closes_at == _at(closes, 17)


def test_the_zone_is_a_list_of_names(client, fran, la_cohort):
    client.force_login(fran)
    page = client.get(url(Cohort, "edit", la_cohort.pk)).content.decode()
    assert '<select name="time_zone"' in page
    assert '<option value="America/Los_Angeles" selected>America/Los Angeles</option>' in page


def test_the_live_sessions_list_says_when_in_the_cohorts_zone(client, fran, make_cohort):
    cohort = make_cohort(
        time_zone="America/Los_Angeles",
        starts_on=datetime(2027, 1, 4).date(),
        ends_on=datetime(2027, 3, 1).date(),
    )
    LiveSession.objects.create(
        cohort=cohort, title="Office hours", starts_at=datetime(2027, 1, 12, 17, 0, tzinfo=UTC)
    )
    client.force_login(fran)
    assert "Tue Jan 12, 9:00 AM PST" in client.get(url(LiveSession, "list")).content.decode()
