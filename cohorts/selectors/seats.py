"""Requests for team seats, and invitees waiting for one."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from ..models import Cohort, Enrollment, EnrollmentStatus, Invitation, SeatRequest, Team
from .cohorts import _team_seats_free

SEAT_REQUEST_HISTORY = 5


def seat_requests_pending(*, cohort: Cohort):
    """A cohort's requests for more team seats that wait for a facilitator's answer."""
    return (
        SeatRequest.objects.filter(team__cohort=cohort, status=SeatRequest.Status.PENDING)
        .select_related("team", "team__organization", "requested_by")
        .order_by("created_at", "pk")
    )


def seat_requests_pending_for(*, user):
    """Pending requests this person may decide: every one for an administrator (staff), those
    of the cohorts they facilitate for a facilitator, none for anyone else."""
    if not getattr(user, "is_authenticated", False):
        return SeatRequest.objects.none()
    pending = SeatRequest.objects.filter(status=SeatRequest.Status.PENDING).select_related(
        "team", "team__organization", "team__cohort", "requested_by"
    )
    if not (user.is_staff or user.is_superuser):
        pending = pending.filter(team__cohort__facilitators=user)
    return pending.order_by("created_at", "pk")


def seat_requests_of_team(*, team: Team) -> list[SeatRequest]:
    """The team's latest requests (pending first), for its lead."""
    return list(
        SeatRequest.objects.filter(team=team)
        .select_related("decided_by")
        .order_by("-created_at", "-pk")[:SEAT_REQUEST_HISTORY]
    )


def invitations_waiting_for_seat(*, user) -> list[Invitation]:
    """Open team invitations to this person's email for a cohort they are not active in: they
    signed up (or were invited) while the team was full. Each carries ``team_free``, the
    team's free seats now (a seat may have freed up since)."""
    if not getattr(user, "is_authenticated", False) or not user.email:
        return []
    active = Enrollment.objects.filter(
        cohort=OuterRef("cohort"), user=user, status=EnrollmentStatus.ACTIVE
    )
    invitations = list(
        Invitation.objects.filter(
            email__iexact=user.email,
            team__isnull=False,
            accepted_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .exclude(Exists(active))
        .select_related("team", "cohort")
        .order_by("created_at", "pk")
    )
    # Seats are counted only when there is an invitation to show: My learning asks on every
    # visit, and almost always the answer is none.
    if invitations:
        free = dict(
            Team.objects.filter(pk__in={invitation.team_id for invitation in invitations})
            .annotate(free=_team_seats_free(OuterRef("pk"), F("seats")))
            .values_list("pk", "free")
        )
        for invitation in invitations:
            invitation.team_free = free[invitation.team_id]
    return invitations


def team_invitations_open(*, team: Team) -> list[Invitation]:
    """The team's invitations not yet accepted, each with ``has_account``: that person signed
    up and is waiting for a seat (the lead sees whom a granted seat would enroll)."""
    accounts = get_user_model().objects.filter(email__iexact=OuterRef("email"))
    return list(
        Invitation.objects.filter(
            team=team, accepted_at__isnull=True, expires_at__gt=timezone.now()
        )
        .annotate(has_account=Exists(accounts))
        .order_by("created_at", "pk")
    )
