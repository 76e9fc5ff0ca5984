"""The cohort catalog and a cohort's page, and joining or leaving: enroll, leave, accept an
invitation, join a team by its link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.errors import ApplicationError, fetch_or_404

from .. import selectors, services
from ..models import EnrollmentStatus, Pace
from ..selectors import pages
from ._common import _fail


def _visible_cohort(request, pk: int):
    cohort = fetch_or_404(selectors.cohort_get_visible(user=request.user, pk=pk), what="cohort")
    return cohort


def cohort_catalog(request):
    pace = request.GET.get("pace")
    pace = pace if pace in Pace.values else None
    cards = pages.cohort_cards(user=request.user, pace=pace)
    return render(request, "cohorts/cohort_catalog.html", {"cards": cards, "pace": pace})


def cohort_detail(request, pk: int):
    cohort = fetch_or_404(
        selectors.cohort_get_visible(user=request.user, pk=pk, viewer=True), what="cohort"
    )
    page = pages.cohort_page(user=request.user, cohort=cohort)
    return render(
        request,
        "cohorts/cohort_detail.html",
        {"page": page, "cohort": cohort, "seats_left": selectors.seats_left(cohort)},
    )


@require_POST
@login_required
def cohort_enroll(request, pk: int):
    cohort = _visible_cohort(request, pk)
    try:
        enrollment = services.cohort_enroll(cohort=cohort, user=request.user).enrollment
    except ApplicationError as error:
        _fail(request, error)
    else:
        if enrollment.status == EnrollmentStatus.ACTIVE:
            messages.success(request, f"You're enrolled in {cohort.title}. Welcome!")
        else:
            messages.info(
                request, f"{cohort.title} is full: you're on the waitlist and we'll email you."
            )
    return redirect("cohorts:detail", pk=cohort.pk)


@require_POST
@login_required
def cohort_leave(request, pk: int):
    cohort = _visible_cohort(request, pk)
    enrollment = fetch_or_404(
        selectors.enrollment_of(user=request.user, cohort=cohort),
        message="You are not in this cohort.",
    )
    try:
        services.enrollment_drop(enrollment=enrollment, by=request.user)
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(request, f"You left {cohort.title}.")
    return redirect("cohorts:detail", pk=cohort.pk)


@login_required
def invitation(request, token: str):
    invite = fetch_or_404(
        pages.invitation_by_token(token=token), message="This invitation is not valid."
    )
    if request.method == "POST":
        try:
            enrollment = services.invitation_accept(token=token, user=request.user)
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"You joined {enrollment.cohort.title}.")
            return redirect("cohorts:detail", pk=enrollment.cohort_id)
    return render(request, "cohorts/invitation.html", {"invite": invite, "now": timezone.now()})


@login_required
def team_join(request, token: str):
    team = fetch_or_404(
        pages.team_by_join_token(token=token), message="This join link is not valid."
    )
    if request.method == "POST":
        try:
            enrollment = services.team_join(token=token, user=request.user)
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"You joined {team.name} in {enrollment.cohort.title}.")
            return redirect("cohorts:detail", pk=enrollment.cohort_id)
    return render(request, "cohorts/team_join.html", {"team": team})
