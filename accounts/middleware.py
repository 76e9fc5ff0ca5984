"""Axes' middleware, with its ASGI path passing the view's response on as the WSGI path does;
the middleware that runs each request in its person's time zone."""

from __future__ import annotations

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from axes.helpers import get_lockout_response
from axes.middleware import AxesMiddleware
from django.conf import settings
from django.utils import timezone

from core.memo import SAFE_METHODS, begin_request_memo

from .selectors import user_time_zone


class LoginLockoutMiddleware(AxesMiddleware):
    """``AxesMiddleware.__acall__`` (django-axes 8.3.1) calls
    ``get_lockout_response(request, credentials)``: the credentials land where the view's
    response belongs (jazzband/django-axes#1494), so under uvicorn the lockout callable never
    sees the login form it should return. This calls it the way ``__call__`` does."""

    async def __acall__(self, request):
        response = await self.get_response(request)
        if settings.AXES_ENABLED and getattr(request, "axes_locked_out", None):
            credentials = getattr(request, "axes_credentials", None)
            response = await sync_to_async(get_lockout_response, thread_sensitive=True)(
                request, response, credentials
            )
        return response


#: The REST API answers in UTC (ISO 8601) whoever asks; its clients convert.
UTC_PATHS = ("/api/",)


def _zone_for(request):
    """The request's zone; for reads, also starts the request's memo (``core.memo``)."""

    if request.method in SAFE_METHODS:
        begin_request_memo(request.user)
    if request.path.startswith(UTC_PATHS):
        return timezone.get_default_timezone()
    return user_time_zone(request.user)


class UserTimeZoneMiddleware:
    """Every request runs in its person's time zone (``accounts.selectors.user_time_zone``),
    so ``{{ when|date }}``, ``|time`` and ``localtime`` show their wall-clock time; anonymous
    visitors get the site's zone. Pages label times with the zone (format ``T``)."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.async_mode = iscoroutinefunction(get_response)
        if self.async_mode:
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.async_mode:
            return self.__acall__(request)
        with timezone.override(_zone_for(request)):
            return self.get_response(request)

    async def __acall__(self, request):
        zone = await sync_to_async(_zone_for, thread_sensitive=True)(request)
        with timezone.override(zone):
            return await self.get_response(request)
