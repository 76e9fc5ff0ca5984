"""More seats for a team: a lead asks, a facilitator of the cohort (or an administrator) grants
within the cohort's capacity or declines, and the lead is told by email. Granting seats enrolls
the team's invitees who already signed up and were waiting for a seat, first invited first.

Seats come from the one seat sum (``general_seats_free``) under the cohort's row lock, so two
grants at once cannot promise the same free seats twice."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.errors import ApplicationError, PermissionDenied

from .. import emails
from ..models import Enrollment, EnrollmentStatus, Invitation, SeatRequest, Team, TeamMembership
from ..selectors import can_decide_seats, general_seats_free, is_team_lead, team_seats_free
from .cohorts import cohort_check_capacity
from .enrollment import _lock
from .teams import invitation_accept

MAX_SEATS_PER_REQUEST = 100


def _leads(team: Team) -> list:
    return [
        m.user
        for m in team.memberships.filter(role=TeamMembership.Role.LEAD).select_related("user")
    ]


@transaction.atomic
def seat_request_create(*, team: Team, seats: int, message: str = "", by) -> SeatRequest:
    """A team lead asks for ``seats`` more seats; the cohort's facilitators are emailed."""
    if not is_team_lead(user=by, team=team):
        raise PermissionDenied("Only the team's leads can ask for more seats.")
    if seats < 1 or seats > MAX_SEATS_PER_REQUEST:
        raise ApplicationError(
            f"Ask for between 1 and {MAX_SEATS_PER_REQUEST} seats.", field="seats"
        )
    team = Team.objects.select_for_update().select_related("cohort").get(pk=team.pk)
    if team.seat_requests.filter(status=SeatRequest.Status.PENDING).exists():
        raise ApplicationError(
            "Your team already has a request for seats waiting for an answer.",
            code="seat_request_pending",
        )
    request = SeatRequest.objects.create(
        team=team, requested_by=by, seats=seats, message=message.strip()[:2000]
    )
    emails.send_on_commit(
        "seat_request",
        list(team.cohort.facilitators.all()),
        {"team": team, "cohort": team.cohort, "seat_request": request, "lead": by},
    )
    return request


def _pending(seat_request: SeatRequest) -> SeatRequest:
    locked = (
        SeatRequest.objects.select_for_update(of=("self",))
        .select_related("team", "team__cohort")
        .get(pk=seat_request.pk)
    )
    if locked.status != SeatRequest.Status.PENDING:
        raise ApplicationError(
            f"This request was already {locked.get_status_display().lower()}.",
            code="seat_request_decided",
        )
    return locked


@transaction.atomic
def seat_request_grant(*, seat_request: SeatRequest, by, seats: int | None = None) -> SeatRequest:
    """Grant the request (or ``seats`` of it): the team reserves that many more seats, taken
    from the cohort's free seats. Invitees of the team who signed up without a seat are then
    enrolled into the new seats, first invited first."""
    if not can_decide_seats(user=by, team=seat_request.team):
        raise PermissionDenied(
            "Only a facilitator of this cohort or an administrator can grant seats."
        )
    cohort = _lock(seat_request.team.cohort)
    seat_request = _pending(seat_request)
    seats = seat_request.seats if seats is None else seats
    if seats < 1 or seats > seat_request.seats:
        raise ApplicationError(
            f"Grant between 1 and {seat_request.seats} seats.", field="seats", code="invalid"
        )
    free = general_seats_free(cohort)
    if free is not None and seats > free:
        raise ApplicationError(
            f"Only {free} seats are free in “{cohort.title}”: grant at most {free}, or decline.",
            field="seats",
            code="no_seats",
        )
    team = Team.objects.select_for_update().get(pk=seat_request.team_id)
    team.seats += seats
    team.save(update_fields=["seats"])
    seat_request.status = SeatRequest.Status.GRANTED
    seat_request.seats_granted = seats
    seat_request.decided_by = by
    seat_request.decided_at = timezone.now()
    seat_request.save(update_fields=["status", "seats_granted", "decided_by", "decided_at"])
    enrolled = _seat_waiting_invitees(team)
    emails.send_on_commit(
        "seat_request_decided",
        _leads(team),
        {"team": team, "cohort": cohort, "seat_request": seat_request, "enrolled": enrolled},
    )
    return seat_request


@transaction.atomic
def seat_request_decline(*, seat_request: SeatRequest, by, reason: str = "") -> SeatRequest:
    if not can_decide_seats(user=by, team=seat_request.team):
        raise PermissionDenied(
            "Only a facilitator of this cohort or an administrator can decline seats."
        )
    seat_request = _pending(seat_request)
    seat_request.status = SeatRequest.Status.DECLINED
    seat_request.decided_by = by
    seat_request.decided_at = timezone.now()
    seat_request.save(update_fields=["status", "decided_by", "decided_at"])
    emails.send_on_commit(
        "seat_request_decided",
        _leads(seat_request.team),
        {
            "team": seat_request.team,
            "cohort": seat_request.team.cohort,
            "seat_request": seat_request,
            "reason": reason.strip()[:2000],
            "enrolled": [],
        },
    )
    return seat_request


def team_check_seats(*, team: Team) -> None:
    """A team's seats as saved (in the caller's transaction): at least one, never fewer than
    its active members hold, and within the cohort's capacity. The admin's team form and
    ``team_seats_set`` both run it."""
    if team.seats < 1:
        raise ApplicationError("A team reserves at least one seat.", field="seats")
    held = Enrollment.objects.filter(team=team, status=EnrollmentStatus.ACTIVE).count()
    if team.seats < held:
        raise ApplicationError(
            f"{held} members of {team.name} hold seats: keep at least {held}.",
            field="seats",
            code="seats_below_members",
        )
    cohort_check_capacity(cohort=team.cohort)


@transaction.atomic
def team_seats_set(*, team: Team, seats: int, by) -> Team:
    """Set a team's seats directly, as whoever may reserve them does (``team_create``: a
    facilitator of the cohort or an administrator). More seats enroll the team's invitees
    who signed up while it was full, as a granted request does; the leads are not emailed
    (nobody asked)."""
    if not can_decide_seats(user=by, team=team):
        raise PermissionDenied(
            "Only a facilitator of this cohort or an administrator can change a team's seats."
        )
    _lock(team.cohort)
    team = Team.objects.select_for_update().select_related("cohort").get(pk=team.pk)
    more = seats > team.seats
    team.seats = seats
    team.save(update_fields=["seats"])
    team_check_seats(team=team)
    if more:
        _seat_waiting_invitees(team)
    return team


def _seat_waiting_invitees(team: Team) -> list:
    """Enroll the team's open invitations whose person already has an account (they signed up
    while the team was full), oldest first, while seats last. Returns the people enrolled."""
    User = get_user_model()
    enrolled = []
    invitations = Invitation.objects.filter(
        team=team, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("created_at", "pk")
    for invitation in invitations:
        if team_seats_free(team=team) < 1:
            break
        user = User.objects.filter(email__iexact=invitation.email).first()
        if user is None:
            continue
        try:  # its own savepoint
            invitation_accept(token=invitation.token, user=user)
        except ApplicationError:
            continue
        enrolled.append(user)
    return enrolled
