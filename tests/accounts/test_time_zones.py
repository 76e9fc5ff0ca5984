"""A person's time zone: on their profile, filled from the browser at sign-up and first
login, otherwise their district's or cohort's, never silently the server's UTC."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings

from accounts import selectors, services

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase"


def _sign_up(client, mailoutbox, **overrides):
    data = {
        "email": "new.coach@example.org",
        "display_name": "New Coach",
        "role": "coach",
        **overrides,
    }
    client.post("/accounts/signup/", data)
    link = re.search(r"https?://[^/\s]+(/accounts/signup/confirm/\S+/)", mailoutbox[-1].body)
    client.post(link.group(1), {"password1": PASSWORD, "password2": PASSWORD})


def test_sign_up_keeps_the_zone_the_browser_reported(client, mailoutbox, django_user_model):
    _sign_up(client, mailoutbox, time_zone="America/Chicago")
    assert django_user_model.objects.get(email="new.coach@example.org").time_zone == (
        "America/Chicago"
    )


def test_a_made_up_browser_zone_is_dropped_not_an_error(client, mailoutbox, django_user_model):
    _sign_up(client, mailoutbox, time_zone="Mars/Olympus")
    assert django_user_model.objects.get(email="new.coach@example.org").time_zone == ""


def test_sign_up_and_login_pages_load_the_zone_script_and_carry_the_hidden_field(client):
    for url in ("/accounts/signup/", "/accounts/login/"):
        html = client.get(url).content.decode()
        assert re.search(r'<input type="hidden" name="time_zone"[^>]*data-browser-time-zone', html)
        assert re.search(r'<script src="[^"]*accounts/time_zone\.[^"]*js" defer></script>', html)


def test_first_login_fills_an_empty_zone_and_never_overwrites_a_chosen_one(
    client, django_user_model
):
    user = services.user_create(email="lee@example.org", password=PASSWORD, username="lee")
    client.post(
        "/accounts/login/",
        {"username": "lee", "password": PASSWORD, "time_zone": "America/Denver"},
    )
    user.refresh_from_db()
    assert user.time_zone == "America/Denver"
    client.logout()
    client.post(
        "/accounts/login/",
        {"username": "lee", "password": PASSWORD, "time_zone": "Europe/Paris"},
    )
    user.refresh_from_db()
    assert user.time_zone == "America/Denver"


def test_the_profile_offers_the_zone_as_a_list_and_saves_it(client, make_user):
    user = make_user("ana")
    client.force_login(user)
    html = client.get("/accounts/profile/").content.decode()
    assert '<select name="time_zone"' in html
    assert '<option value="America/Los_Angeles">America/Los Angeles</option>' in html
    response = client.post(
        "/accounts/profile/",
        {"display_name": "Ana", "role": "coach", "time_zone": "America/Los_Angeles"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "America/Los_Angeles"
    response = client.post(
        "/accounts/profile/", {"display_name": "Ana", "role": "coach", "time_zone": "Mars/Base"}
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.time_zone == "America/Los_Angeles"


def test_without_a_zone_of_their_own_a_person_gets_their_districts(
    make_user, make_cohort, facilitator
):
    from cohorts import services as cohort_services

    user = make_user("bo")
    cohort = make_cohort(time_zone="America/New_York")
    district = cohort_services.organization_create(name="Valley Unified")
    district.time_zone = "America/Phoenix"
    district.save(update_fields=["time_zone"])
    team = cohort_services.team_create(
        organization=district, cohort=cohort, name="Valley", seats=2, by=facilitator
    )
    cohort_services.team_join(token=team.join_token, user=user)
    zone, source = selectors.user_time_zone_with_source(user)
    assert (str(zone), source) == ("America/Phoenix", selectors.ZoneSource.DISTRICT)


def test_else_their_cohorts_zone_and_last_the_sites(make_user, make_cohort):
    from cohorts import services as cohort_services

    user = make_user("cy")
    with override_settings(TIME_ZONE="America/Chicago"):
        zone, source = selectors.user_time_zone_with_source(user)
        assert (str(zone), source) == ("America/Chicago", selectors.ZoneSource.SITE)
    user = type(user).objects.get(pk=user.pk)  # the zone is remembered per user object
    cohort_services.cohort_enroll(cohort=make_cohort(time_zone="Asia/Tokyo"), user=user)
    zone, source = selectors.user_time_zone_with_source(user)
    assert (str(zone), source) == ("Asia/Tokyo", selectors.ZoneSource.COHORT)


def test_every_request_runs_in_the_persons_zone(rf, make_user):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import timezone

    from accounts.middleware import UserTimeZoneMiddleware

    seen = []

    def view(request):
        seen.append(str(timezone.get_current_timezone()))
        return None

    middleware = UserTimeZoneMiddleware(view)
    request = rf.get("/")
    request.user = make_user("dee", time_zone="Australia/Sydney")
    middleware(request)
    request = rf.get("/")
    request.user = AnonymousUser()
    with override_settings(TIME_ZONE="America/Chicago"):
        middleware(request)
    assert seen == ["Australia/Sydney", "America/Chicago"]
    assert str(timezone.get_current_timezone()) == "UTC"  # and nothing leaks past the request
