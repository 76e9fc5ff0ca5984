"""A team lead's team: members' progress, the join link and email invitations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.errors import ApplicationError, fetch_or_404

from .. import selectors, services
from ..forms import SeatRequestForm, TeamInviteForm
from ._common import _fail


def _led_team(request, pk: int):
    team = fetch_or_404(selectors.teams_led_by(user=request.user), what="team", pk=pk)
    return team


@login_required
def team_dashboard(request, pk: int):
    team = _led_team(request, pk)
    roster = selectors.roster_progress(cohort=team.cohort, team=team, request=request)
    seat_requests = selectors.seat_requests_of_team(team=team)
    return render(
        request,
        "cohorts/team_dashboard.html",
        {
            "team": team,
            "roster": roster,
            "form": TeamInviteForm(),
            "seat_form": SeatRequestForm(),
            "seats_free": selectors.team_seats_free(team=team),
            "open_invitations": selectors.team_invitations_open(team=team),
            "seat_requests": seat_requests,
            "pending_request": next(
                (r for r in seat_requests if r.status == r.Status.PENDING), None
            ),
            "join_url": request.build_absolute_uri(
                reverse("cohorts:team_join", args=[team.join_token])
            ),
            "members": team.memberships.select_related("user").order_by(
                "role", "user__display_name"
            ),
        },
    )


@require_POST
@login_required
def team_invite(request, pk: int):
    team = _led_team(request, pk)
    form = TeamInviteForm(request.POST)
    if form.is_valid():
        try:
            services.team_invite(team=team, email=form.cleaned_data["email"], by=request.user)
        except ApplicationError as error:
            _fail(request, error)
        else:
            messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
    else:
        messages.error(request, "Enter a valid email address.")
    return redirect("cohorts:team", pk=team.pk)


@require_POST
@login_required
def team_seat_request(request, pk: int):
    team = _led_team(request, pk)
    form = SeatRequestForm(request.POST)
    if form.is_valid():
        try:
            services.seat_request_create(team=team, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            _fail(request, error)
        else:
            seats = form.cleaned_data["seats"]
            messages.success(
                request,
                f"Asked for {seats} more seat{'s' if seats != 1 else ''}. The cohort's "
                "facilitators were emailed; you'll get an email when they answer.",
            )
    else:
        messages.error(request, "Ask for between 1 and 100 seats.")
    return redirect(reverse("cohorts:team", args=[team.pk]) + "#seats")
