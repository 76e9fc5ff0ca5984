"""Axes' middleware, with its ASGI path passing the view's response on as the WSGI path does."""

from __future__ import annotations

from asgiref.sync import sync_to_async
from axes.helpers import get_lockout_response
from axes.middleware import AxesMiddleware
from django.conf import settings


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
