from __future__ import annotations

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from badges.models import AwardStatus, RequestStatus
from cohorts.models import CohortStatus, EnrollmentStatus, Pace, SeatRequest
from community.models import Notification
from community.notifications import unread_count


def site_chrome(request):
    """What every page's header needs. The unread count is lazy: one query, only for pages
    that show it to a logged-in person."""

    def unread():
        return unread_count(user=request.user)

    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "CATALOG_URL": "/courses/",
        "UNREAD": SimpleLazyObject(unread),
    }


def choices(request):
    """The enumerations templates compare with (``{% if cohort.status == CohortStatus.RUNNING
    %}``), so no template spells a stored value again; Django's choices are never called by
    a template. Emails, rendered without a request, pass the ones they use themselves."""
    return {
        "AwardStatus": AwardStatus,
        "CertificationStatus": RequestStatus,
        "CohortStatus": CohortStatus,
        "EnrollmentStatus": EnrollmentStatus,
        "NotificationKind": Notification.Kind,
        "Pace": Pace,
        "SeatRequestStatus": SeatRequest.Status,
    }
