from __future__ import annotations

from django.conf import settings


def site_chrome(request):
    """What every page's header needs. The unread count is lazy: one query, only for pages
    that show it to a logged-in person."""
    from django.utils.functional import SimpleLazyObject

    def unread():
        from community.notifications import unread_count

        return unread_count(user=request.user)

    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "CATALOG_URL": "/courses/",
        "UNREAD": SimpleLazyObject(unread),
    }
