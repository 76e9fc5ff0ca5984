"""Logins resist guessing (django-axes): the HTML login, the Wagtail admin login and the API
token endpoint lock an account, and an address, after repeated failures; the lock says so,
and lifts by itself after the cool-off."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from accounts import services

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase"
LIMIT = settings.AXES_FAILURE_LIMIT
COOL_OFF_MINUTES = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
LOCKED = f"Too many failed login attempts. Please try again in {COOL_OFF_MINUTES} minutes."


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()  # the token endpoint's throttle counts per address in the cache
    yield
    cache.clear()


@pytest.fixture
def maya():
    return services.user_create(
        email="maya@example.org", password=PASSWORD, username="maya", display_name="Maya R."
    )


@pytest.fixture
def ana():
    return services.user_create(email="ana@example.org", password=PASSWORD, username="ana")


def _login(client, username, password, ip="10.0.0.1"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def _token(client, username, password, ip="10.0.0.1"):
    return client.post(
        "/api/v1/auth/token/",
        {"username": username, "password": password},
        content_type="application/json",
        REMOTE_ADDR=ip,
    )


def _rewind_failures(minutes: int) -> None:
    """As if the failures had happened `minutes` ago."""
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=minutes))


def test_settings_lock_after_a_handful_of_failures_for_a_while():
    assert 3 <= LIMIT <= 20
    assert 5 <= COOL_OFF_MINUTES <= 60
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "accounts.middleware.LoginLockoutMiddleware"


def test_html_login_locks_after_the_limit_even_for_the_right_password(client, maya):
    for _ in range(LIMIT - 1):
        response = _login(client, "maya", "wrong-guess")
        assert response.status_code == 200
        assert "Please enter a correct email or username" in response.content.decode()
    last = _login(client, "maya", "wrong-guess")
    assert last.status_code == 429
    assert LOCKED in last.content.decode()
    assert last["Retry-After"] == str(COOL_OFF_MINUTES * 60)

    right = _login(client, "maya", PASSWORD)
    assert right.status_code == 429
    html = right.content.decode()
    assert LOCKED in html
    assert 'name="username"' in html  # the login form, with the message on it
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_by_itself_after_the_cool_off(client, maya):
    for _ in range(LIMIT):
        _login(client, "maya", "wrong-guess")
    _rewind_failures(COOL_OFF_MINUTES - 2)
    still = _login(client, "maya", PASSWORD)
    assert still.status_code == 429
    assert "Please try again in 2 minutes." in still.content.decode()
    _rewind_failures(COOL_OFF_MINUTES + 1)
    response = _login(client, "maya", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(maya.pk)


def test_tries_while_locked_do_not_extend_the_lock(client, maya):
    for _ in range(LIMIT):
        _login(client, "maya", "wrong-guess")
    _rewind_failures(COOL_OFF_MINUTES + 1)
    before = AccessAttempt.objects.get().attempt_time
    # Expired failures no longer lock; a fresh wrong password is just one failure again.
    assert _login(client, "maya", "wrong-guess").status_code == 200
    assert AccessAttempt.objects.get().failures_since_start == 1
    assert AccessAttempt.objects.get().attempt_time > before


def test_username_and_email_count_against_the_same_account(client, maya):
    """From a different address each time, so only the account's count can lock."""
    logins = ["maya", "MAYA@Example.org", "Maya", "maya@example.org"]
    for n in range(LIMIT):
        _login(client, logins[n % len(logins)], "wrong-guess", ip=f"10.0.1.{n}")
    response = _login(client, "maya@example.org", PASSWORD, ip="10.0.2.1")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"maya"}


def test_another_account_from_another_address_is_not_locked(client, maya, ana):
    for _ in range(LIMIT):
        _login(client, "maya", "wrong-guess", ip="10.0.0.1")
    assert _login(client, "ana", PASSWORD, ip="10.0.0.2").status_code == 302


def test_an_address_guessing_many_accounts_is_locked(client, ana):
    for n in range(LIMIT):
        _login(client, f"someone{n}@example.org", "wrong-guess", ip="10.0.3.3")
    assert _login(client, "ana", PASSWORD, ip="10.0.3.3").status_code == 429
    assert _login(client, "ana", PASSWORD, ip="10.0.3.4").status_code == 302


def test_an_unknown_account_locks_the_same_way(client, maya):
    """The lock does not tell who has an account."""
    for n in range(LIMIT):
        _login(client, "nobody@example.org", "wrong-guess", ip=f"10.0.4.{n}")
    response = _login(client, "nobody@example.org", "wrong-guess", ip="10.0.5.1")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_token_endpoint_locks_with_the_one_json_error(client, maya):
    for _ in range(LIMIT - 1):
        assert _token(client, "maya", "wrong-guess").status_code == 400
    expected = {"error": {"code": "locked_out", "message": LOCKED}}
    last = _token(client, "maya", "wrong-guess")
    assert (last.status_code, last.json()) == (429, expected)
    right = _token(client, "MAYA@example.org", PASSWORD, ip="10.0.9.9")
    assert right.status_code == 429
    assert right["Content-Type"] == "application/json"
    assert right.json() == expected
    assert right["Retry-After"] == str(COOL_OFF_MINUTES * 60)


def test_failures_on_the_api_and_the_page_add_up(client, maya):
    half = LIMIT // 2
    for _ in range(half):
        _token(client, "maya", "wrong-guess")
    for _ in range(LIMIT - half):
        _login(client, "maya@example.org", "wrong-guess")
    assert _login(client, "maya", PASSWORD).status_code == 429
    assert _token(client, "maya", PASSWORD).status_code == 429


def test_wagtail_admin_login_is_covered(client, maya):
    services.user_grant_admin(user=maya, superuser=True)
    for _ in range(LIMIT):
        client.post("/admin/login/", {"username": "maya", "password": "x"}, REMOTE_ADDR="10.0.6.1")
    response = client.post(
        "/admin/login/", {"username": "maya", "password": PASSWORD}, REMOTE_ADDR="10.0.6.1"
    )
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_the_lock_answers_the_same_under_asgi(async_client):
    """The ASGI path of axes' middleware mixes up its arguments (fixed in ours)."""
    from asgiref.sync import sync_to_async

    await sync_to_async(services.user_create)(
        email="maya@example.org", password=PASSWORD, username="maya"
    )
    for _ in range(LIMIT):
        await async_client.post("/accounts/login/", {"username": "maya", "password": "nope"})
    response = await async_client.post(
        "/accounts/login/", {"username": "maya", "password": PASSWORD}
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html and 'name="username"' in html


def test_seeding_the_demo_again_lifts_a_demo_login_lock(client):
    from accounts.demo import DEMO_PASSWORD, seed_people

    seed_people()
    for _ in range(LIMIT):
        _login(client, "maya", "wrong-guess")
    assert _login(client, "maya", DEMO_PASSWORD, ip="10.0.7.1").status_code == 429
    seed_people()
    assert _login(client, "maya", DEMO_PASSWORD, ip="10.0.7.1").status_code == 302
