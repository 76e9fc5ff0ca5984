"""The cohort catalog and a cohort's page, and joining or leaving: enroll, leave, accept an
invitation, join a team by its link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cms.errors import ApplicationError

from .. import page_selectors, selectors, services
from ..models import Pace
from ._common import _fail


def _visible_cohort(request, pk: int):
    cohort = selectors.cohort_get_visible(user=request.user, pk=pk)
    if cohort is None:
        raise Http404("No such cohort.")
    return cohort


def cohort_catalog(request):
    pace = request.GET.get("pace")
    pace = pace if pace in Pace.values else None
    cards = page_selectors.cohort_cards(user=request.user, pace=pace)
    return render(request, "cohorts/cohort_catalog.html", {"cards": cards, "pace": pace})


def cohort_detail(request, pk: int):
    cohort = selectors.cohort_get_visible(user=request.user, pk=pk, viewer=True)
    if cohort is None:
        raise Http404("No such cohort.")
    page = page_selectors.cohort_page(user=request.user, cohort=cohort)
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
        if enrollment.status == "active":
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
    enrollment = selectors.enrollment_of(user=request.user, cohort=cohort)
    if enrollment is None:
        raise Http404("You are not in this cohort.")
    try:
        services.enrollment_drop(enrollment=enrollment, by=request.user)
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(request, f"You left {cohort.title}.")
    return redirect("cohorts:detail", pk=cohort.pk)


@login_required
def invitation(request, token: str):
    invite = page_selectors.invitation_by_token(token=token)
    if invite is None:
        raise Http404("This invitation is not valid.")
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
    team = page_selectors.team_by_join_token(token=token)
    if team is None:
        raise Http404("This join link is not valid.")
    if request.method == "POST":
        try:
            enrollment = services.team_join(token=token, user=request.user)
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"You joined {team.name} in {enrollment.cohort.title}.")
            return redirect("cohorts:detail", pk=enrollment.cohort_id)
    return render(request, "cohorts/team_join.html", {"team": team})
