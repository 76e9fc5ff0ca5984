"""Which Wagtail site a request is for, remembered under the content generation.

Wagtail finds a request's site with one query (``Site.find_for_request``) and then fetches
the site's root page, on every page view, although sites and their home page change about
never. This middleware hands Wagtail the site (with its root page attached) from the cache,
keyed on the host and port under ``courses.versions``' generation, which saving or deleting a
Site or any page starts anew: a changed site shows on the next request.

The REST API (which never asks for a site) is left alone.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from wagtail.models import Site

from courses.versions import content_generation

#: Entries are keyed on the generation; this only bounds how long old ones stay.
TIMEOUT = 60 * 60
_NONE = "none"


def _site_for(request):
    where = f"{request._get_raw_host()}\n{request.get_port()}".encode("utf-8", "surrogateescape")
    key = f"site:{content_generation()}:{hashlib.sha256(where).hexdigest()}"
    cached = cache.get(key)
    if cached is not None:
        return None if cached == _NONE else cached
    site = Site._find_for_request(request)
    if site is None:
        cache.set(key, _NONE, TIMEOUT)
        return None
    # What Wagtail's routing reads next (Page.route_for_request), fetched once and kept
    # with the site.
    site.root_page = site.root_page.localized.specific
    cache.set(key, site, TIMEOUT)
    return site


#: The REST API and the Open Badges documents (and their DID) never ask for a site.
SITELESS = ("/api/", "/ob/", "/.well-known/")


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(SITELESS):
            # Site.find_for_request answers request._wagtail_site when it is set.
            request._wagtail_site = _site_for(request)
        return self.get_response(request)
