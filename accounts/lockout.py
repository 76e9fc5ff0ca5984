"""Login lockout, counted by django-axes: who counts as the same account, how long a lock
still lasts, and what a locked-out person or API client is told.

Axes counts failed logins per account and per address (``AXES_LOCKOUT_PARAMETERS``) and refuses
every login, right password or not, while either is over ``AXES_FAILURE_LIMIT``. The lock
lifts by itself ``AXES_COOLOFF_TIME`` after the last counted failure; tries made while locked
are not counted, so they cannot keep an account locked for ever.
"""

from __future__ import annotations

import math
from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from core.api.errors import error_body

from .selectors import user_by_login

LOCKED_OUT_CODE = "locked_out"


def _typed_login(request, credentials) -> str:
    if credentials:
        value = credentials.get("username")
    else:
        # Axes calls this without credentials when it builds its own response.
        data = getattr(request, "data", None)
        value = (data if hasattr(data, "get") else request.POST).get("username")
    return value if isinstance(value, str) else ""


def lockout_username(request, credentials=None) -> str:
    """The name failures are counted under (``AXES_USERNAME_CALLABLE``): the account's
    username whether the person typed it or their email address, in any case, so both count
    against the same account. An unknown login is counted as typed, lower-cased, so a lock
    looks the same whether the account exists or not."""
    login = _typed_login(request, credentials).strip()
    user = user_by_login(login=login)
    return (user.username if user is not None else login).lower()


def lockout_remaining(request, credentials=None) -> timedelta:
    """How long until every failure that counts has expired (at most the cool-off)."""
    cool_off = get_cool_off(request) or timedelta(0)
    handler = AxesProxyHandler.get_implementation()
    AxesProxyHandler.update_request(request)
    latest = None
    for attempts in handler.get_user_attempts(request, credentials):
        for attempt_time in attempts.values_list("attempt_time", flat=True):
            latest = attempt_time if latest is None else max(latest, attempt_time)
    if latest is None:
        return cool_off
    return max(latest + cool_off - timezone.now(), timedelta(seconds=1))


def lockout_minutes(request, credentials=None) -> int:
    return max(1, math.ceil(lockout_remaining(request, credentials).total_seconds() / 60))


def lockout_message(request, credentials=None) -> str:
    minutes = lockout_minutes(request, credentials)
    unit = "minute" if minutes == 1 else "minutes"
    return f"Too many failed login attempts. Please try again in {minutes} {unit}."


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """The answer to a locked-out login (``AXES_LOCKOUT_CALLABLE``): the API's one JSON error;
    on a page, the login form the view already rendered with the message on it; else a short
    page. Always 429 with ``Retry-After``."""
    if not isinstance(credentials, dict):
        credentials = None
    message = lockout_message(request, credentials)
    retry_after = math.ceil(lockout_remaining(request, credentials).total_seconds())
    if request.path.startswith("/api/"):
        response = JsonResponse(error_body(LOCKED_OUT_CODE, message), status=429)
    elif (
        isinstance(original_response, HttpResponse)
        and original_response.status_code == 200
        and original_response.get("Content-Type", "").startswith("text/html")
    ):
        response = original_response
        response.status_code = 429
    else:
        response = render(request, "accounts/locked_out.html", {"message": message}, status=429)
    response["Retry-After"] = str(retry_after)
    return response
