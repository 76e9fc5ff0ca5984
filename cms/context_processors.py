from __future__ import annotations

from django.conf import settings


def site_chrome(request):
    """What every page's header needs, without a query (the catalog lives at /courses/)."""
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME, "CATALOG_URL": "/courses/"}
