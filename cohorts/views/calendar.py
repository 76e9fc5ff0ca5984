"""Calendar subscription: the page with a person's secret feed URL, and the two .ics feeds.

The feeds take no login (calendar apps cannot log in): the secret in the URL is the key, so an
unknown or rotated secret is a 404 and the response is cached privately only.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_POST, require_safe

from core.errors import fetch_or_404

from .. import calendars, services

FEED_CACHE = {"private": True, "max_age": 300}
NO_CALENDAR_AT_THIS_ADDRESS = "No calendar at this address."


def _ics(body: bytes) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="praxis.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_safe
@never_cache
def calendar_page(request):
    # The secret is made on the first visit; afterwards only "Make a new link" changes it.
    feed = calendars.calendar_feed_of(user=request.user) or services.calendar_feed_rotate(
        user=request.user
    )
    feed_url = request.build_absolute_uri(
        reverse("cohorts:calendar_feed", kwargs={"token": feed.token})
    )
    # https in production (behind the TLS proxy); webcal:// makes Apple Calendar and Outlook
    # offer to subscribe when the link is clicked.
    context = {"feed_url": feed_url, "webcal_url": "webcal://" + feed_url.split("://", 1)[1]}
    return render(request, "cohorts/calendar.html", context)


@login_required
@require_POST
def calendar_rotate(request):
    services.calendar_feed_rotate(user=request.user)
    messages.success(
        request,
        "Your calendar has a new link. The old link no longer works: subscribe again with "
        "the link below.",
    )
    return redirect("cohorts:calendar")


@require_safe
@cache_control(**FEED_CACHE)
def calendar_feed(request, token: str):
    feed = fetch_or_404(
        calendars.calendar_feed_by_token(token=token), message=NO_CALENDAR_AT_THIS_ADDRESS
    )
    return _ics(calendars.user_calendar(user=feed.user))


@require_safe
@cache_control(**FEED_CACHE)
def cohort_calendar_feed(request, pk: int, token: str):
    cohort = fetch_or_404(
        calendars.cohort_by_calendar_token(pk=pk, token=token), message=NO_CALENDAR_AT_THIS_ADDRESS
    )
    return _ics(calendars.cohort_calendar(cohort=cohort))
