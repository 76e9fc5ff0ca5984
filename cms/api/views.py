"""The project's own API view: the JSON 404 for any URL under /api/ no app's API matched."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt

from core.api.errors import json_error


# It only ever answers 404, so no CSRF check: without this an unknown URL written to with a
# session cookie got Django's HTML 403 page instead of the JSON 404 (found by schemathesis).
@csrf_exempt
def not_found(request, rest: str = ""):
    """The last pattern under /api/: any URL no endpoint matched (a typo, an unknown nested
    path, a malformed id) is the JSON 404, with DEBUG on or off, never Django's HTML page.

    Like ``APPEND_SLASH``, a GET for a known endpoint without its trailing slash is redirected
    (CommonMiddleware cannot: this pattern matches every path)."""
    path = request.path_info
    if settings.APPEND_SLASH and not path.endswith("/") and request.method in ("GET", "HEAD"):
        try:
            match = resolve(path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            target = request.path + "/" + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(target)
    return json_error(request, "not_found", "No such endpoint.", 404)
