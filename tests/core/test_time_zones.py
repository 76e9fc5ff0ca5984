"""Zone names are checked against the tz database, read once per process, not per request."""

from __future__ import annotations

import zoneinfo

import pytest

from core import time_zones


def test_names_are_checked():
    assert time_zones.is_time_zone("America/Chicago")
    assert not time_zones.is_time_zone("America/Atlantis")
    assert not time_zones.is_time_zone("")
    assert time_zones.zone_or_none("Europe/Madrid") == zoneinfo.ZoneInfo("Europe/Madrid")


@pytest.mark.django_db
def test_a_logged_in_request_does_not_walk_the_tz_database(client, monkeypatch, django_user_model):
    calls = []
    real = zoneinfo.available_timezones

    def counting():
        calls.append(1)
        return real()

    monkeypatch.setattr(zoneinfo, "available_timezones", counting)
    time_zones._available.cache_clear()
    user = django_user_model.objects.create_user(
        "zoe", "zoe@example.org", time_zone="Europe/Madrid"
    )
    client.force_login(user)
    for _ in range(5):
        assert client.get("/learn/").status_code == 200
    # Every request runs in Zoe's zone (the middleware checks her zone's name each time).
    assert len(calls) <= 1
