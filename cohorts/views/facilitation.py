"""A facilitator's cohort: the progress dashboard and its CSV, announcements, adding, moving
and removing learners, reviewing reflections and giving feedback."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.converters import parse_id
from core.csv import csv_response
from core.errors import ApplicationError, fetch_or_404
from core.urls import safe_next

from .. import selectors, services
from ..forms import (
    AddLearnerForm,
    AnnouncementForm,
    EnrollCsvForm,
    FeedbackForm,
    RosterFilterForm,
    SeatDecisionForm,
)
from ..models import Enrollment, SeatRequest
from ..selectors import pages
from ._common import _fail

#: Learners per page of the facilitator dashboard (the CSV export has everyone).
DASHBOARD_PAGE_SIZE = 50


def _managed_cohort(request, pk: int):
    cohort = fetch_or_404(
        selectors.cohorts_managed_by(user=request.user).select_related("course"),
        what="cohort",
        pk=pk,
    )
    return cohort


@login_required
def dashboard(request, pk: int):
    cohort = _managed_cohort(request, pk)
    filter_form = RosterFilterForm(request.GET)
    roster = selectors.roster_progress(cohort=cohort, request=request, **filter_form.filters())
    # One page of learners (the slice builds only their rows); the counts cover everyone.
    page = Paginator(roster.learners, DASHBOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    seat_requests = list(selectors.seat_requests_pending(cohort=cohort))
    return render(
        request,
        "cohorts/dashboard.html",
        {
            "cohort": cohort,
            "roster": roster,
            "page": page,
            "filter_form": filter_form,
            "move_targets": pages.other_cohorts_managed(user=request.user, cohort=cohort),
            "announcement_form": AnnouncementForm(),
            "csv_form": EnrollCsvForm(),
            "add_form": AddLearnerForm(),
            "today": selectors.cohort_today(cohort),
            "seat_requests": seat_requests,
            # Only when someone asks: the free seats a grant can come out of.
            "seats_free": selectors.general_seats_free(cohort) if seat_requests else None,
        },
    )


def _decidable_request(request, pk: int, request_pk: int) -> SeatRequest:
    """A pending request in cohort ``pk`` that this person may decide (a facilitator of the
    cohort or an administrator), else 404."""
    seat_request = fetch_or_404(
        selectors.seat_requests_pending_for(user=request.user),
        what="request waiting for an answer",
        pk=request_pk,
        team__cohort_id=pk,
    )
    return seat_request


def _back(request, pk: int) -> str:
    default = reverse("cohorts:dashboard", args=[pk]) + "#seat-requests"
    return safe_next(request, request.POST.get("next"), default)


@login_required
def seat_requests(request):
    """Every request for team seats this person may decide (the Wagtail admin links here)."""
    return render(
        request,
        "cohorts/seat_requests.html",
        {"seat_requests": list(selectors.seat_requests_pending_for(user=request.user))},
    )


@require_POST
@login_required
def seat_request_grant(request, pk: int, request_pk: int):
    seat_request = _decidable_request(request, pk, request_pk)
    form = SeatDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter how many seats to grant (at least 1).")
        return redirect(_back(request, pk))
    try:
        decided = services.seat_request_grant(
            seat_request=seat_request, by=request.user, seats=form.cleaned_data["seats"]
        )
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(
            request,
            f"{decided.seats_granted} seat{'s' if decided.seats_granted != 1 else ''} granted "
            f"to {seat_request.team.name}; its leads were emailed.",
        )
    return redirect(_back(request, pk))


@require_POST
@login_required
def seat_request_decline(request, pk: int, request_pk: int):
    seat_request = _decidable_request(request, pk, request_pk)
    form = SeatDecisionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.seat_request_decline(seat_request=seat_request, by=request.user, reason=reason)
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(
            request, f"Request from {seat_request.team.name} declined; its leads were emailed."
        )
    return redirect(_back(request, pk))


@login_required
def dashboard_csv(request, pk: int):
    cohort = _managed_cohort(request, pk)
    roster = selectors.roster_progress(cohort=cohort)
    filename = f"praxis-cohort-{cohort.pk}-progress-{timezone.localdate():%Y-%m-%d}.csv"
    header = [
        "name",
        "email",
        "team",
        "lessons_done",
        "lessons_total",
        "percent",
        "behind",
        "last_activity",
    ] + [f"module_{m.number}" for m in roster.outline.modules]
    rows = (
        [
            learner.enrollment.user.public_name,
            learner.enrollment.user.email,
            learner.enrollment.team.name if learner.enrollment.team else "",
            learner.done,
            learner.total,
            learner.percent,
            "yes" if learner.behind else "no",
            learner.last_activity.isoformat() if learner.last_activity else "",
        ]
        + [f"{m.done}/{m.total}" for m in learner.modules]
        for learner in roster.learners
    )
    return csv_response(filename, [header, *rows])


@require_POST
@login_required
def dashboard_announce(request, pk: int):
    cohort = _managed_cohort(request, pk)
    form = AnnouncementForm(request.POST)
    if form.is_valid():
        try:
            services.announcement_post(cohort=cohort, author=request.user, **form.cleaned_data)
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, "Announcement posted and emailed to the cohort.")
    else:
        messages.error(request, "An announcement needs a title and a message.")
    return redirect("cohorts:dashboard", pk=cohort.pk)


@require_POST
@login_required
def dashboard_enroll_csv(request, pk: int):
    cohort = _managed_cohort(request, pk)
    form = EnrollCsvForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = [message for messages_ in form.errors.values() for message in messages_]
        messages.error(request, " ".join(errors) or "Check the list and retry.")
        return redirect("cohorts:dashboard", pk=cohort.pk)
    try:
        report = services.cohort_enroll_csv(
            cohort=cohort, text=form.cleaned_data["text"], by=request.user
        )
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(request, f"Done: {report.summary()}.")
    return redirect("cohorts:dashboard", pk=cohort.pk)


@require_POST
@login_required
def dashboard_add(request, pk: int):
    cohort = _managed_cohort(request, pk)
    form = AddLearnerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter a valid email address.")
        return redirect("cohorts:dashboard", pk=cohort.pk)
    try:
        report = services.cohort_enroll_csv(
            cohort=cohort, text=form.cleaned_data["email"], by=request.user
        )
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(request, f"Done: {report.summary()}.")
    return redirect("cohorts:dashboard", pk=cohort.pk)


def _roster_enrollment(cohort, enrollment_pk) -> Enrollment:
    enrollment = fetch_or_404(
        Enrollment.objects.select_related("user", "cohort", "team"),
        what="learner in this cohort",
        cohort=cohort,
        pk=enrollment_pk,
    )
    return enrollment


@require_POST
@login_required
def dashboard_remove(request, pk: int, enrollment_pk: int):
    cohort = _managed_cohort(request, pk)
    enrollment = _roster_enrollment(cohort, enrollment_pk)
    try:
        services.enrollment_drop(enrollment=enrollment, by=request.user)
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(request, f"{enrollment.user.public_name} was removed from the cohort.")
    return redirect("cohorts:dashboard", pk=cohort.pk)


@require_POST
@login_required
def dashboard_move(request, pk: int, enrollment_pk: int):
    cohort = _managed_cohort(request, pk)
    enrollment = _roster_enrollment(cohort, enrollment_pk)
    target = (
        selectors.cohorts_managed_by(user=request.user)
        .filter(pk=parse_id(request.POST.get("to_cohort")) or 0)
        .first()
    )
    if target is None:
        messages.error(request, "Choose a cohort to move the learner to.")
        return redirect("cohorts:dashboard", pk=cohort.pk)
    try:
        moved = services.enrollment_move(enrollment=enrollment, to_cohort=target, by=request.user)
    except ApplicationError as error:
        _fail(request, error)
    else:
        messages.success(
            request,
            f"{enrollment.user.public_name} moved to {target.title} ({moved.get_status_display()})"
            ", progress kept.",
        )
    return redirect("cohorts:dashboard", pk=cohort.pk)


@login_required
def reflections_review(request, pk: int):
    cohort = _managed_cohort(request, pk)
    show = request.GET.get("show", "waiting")
    reflections = (
        selectors.reflections_awaiting_feedback(cohort=cohort)
        if show == "waiting"
        else selectors.reflections_for_cohort(cohort=cohort)
    )
    return render(
        request,
        "cohorts/reflections_review.html",
        {"cohort": cohort, "reflections": reflections[:200], "show": show, "form": FeedbackForm()},
    )


@require_POST
@login_required
def reflection_feedback(request, pk: int, reflection_pk: int):
    cohort = _managed_cohort(request, pk)
    reflection = fetch_or_404(
        selectors.reflections_for_cohort(cohort=cohort), what="reflection", pk=reflection_pk
    )
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.reflection_feedback_add(
                reflection=reflection, author=request.user, text=form.cleaned_data["text"]
            )
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"Feedback sent to {reflection.user.public_name}.")
    else:
        messages.error(request, "Write your feedback before sending it.")
    return redirect(
        reverse("cohorts:reflections", args=[cohort.pk]) + f"#reflection-{reflection.pk}"
    )
