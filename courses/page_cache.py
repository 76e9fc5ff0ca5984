"""Whole responses of course pages for anonymous visitors, cached per content generation.

A lesson or module page looks the same to every visitor who is not logged in: its body, the
course outline and the "log in to track your progress" note all come from the page tree. So
the first anonymous request for a path stores the rendered response under the tree's current
generation (``courses.versions``) and the next ones are answered from the cache before
Wagtail routes anything: no query at all. Publishing, unpublishing, moving or restricting a
page starts a new generation, so editors' changes show on the next request.

What is stored is narrow on purpose:

- only GET requests without a query string (a query string per request would fill the cache
  with copies) from visitors with no session and no pending messages;
- only 200 responses of pages that say they are the same for every anonymous visitor
  (``mark_anonymous_cacheable``, called by ``LessonPage``/``ModulePage.serve``);
- never a response that sets a cookie, put a CSRF token in its page or touched the session.

The middleware sits inside ``XFrameOptionsMiddleware`` so that the security, CSP, session and
frame headers are added to a cached answer exactly as to a fresh one.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from .versions import content_generation

#: How long an entry may sit unused. Entries are keyed on the generation, so this is only
#: how soon an old generation's copies leave memory, never how long a change takes to show.
TIMEOUT = 60 * 60
HEADER = "X-Praxis-Page-Cache"
_FLAG = "_praxis_anonymous_cacheable"


def mark_anonymous_cacheable(response) -> None:
    """Say that ``response`` is what every anonymous visitor of this path gets."""
    setattr(response, _FLAG, True)


def _key(request) -> str:
    # The host and path come from the visitor: hashed, so no byte of them (spaces, quotes,
    # NULs, 1,000 characters) reaches the cache backend's key as is.
    where = f"{request.get_host()}\n{request.path}".encode("utf-8", "surrogateescape")
    language = get_language() or settings.LANGUAGE_CODE
    return f"page:{content_generation()}:{language}:{hashlib.sha256(where).hexdigest()}"


def _may_use_cache(request) -> bool:
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _may_store(request, response) -> bool:
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        getattr(response, _FLAG, False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not (messages is not None and messages._queued_messages)
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content, headers=headers)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _may_store(request, response):
            cache.set(key, (response.content, dict(response.items())), TIMEOUT)
            response[HEADER] = "miss"
        return response
