"""District teams, invitations and join links, calendar feed secrets."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from core.errors import ApplicationError, PermissionDenied

from .. import emails
from ..models import (
    CalendarFeed,
    Cohort,
    Enrollment,
    Invitation,
    Organization,
    Team,
    TeamMembership,
)
from ..selectors import can_manage_cohort, general_seats_free, is_team_lead, team_seats_free
from .enrollment import _lock, cohort_enroll, invitation_create
from .notices import _claim


@transaction.atomic
def organization_create(*, name: str) -> Organization:
    name = name.strip()
    if not name:
        raise ApplicationError("An organization needs a name.", field="name")
    organization, _ = Organization.objects.get_or_create(name=name)
    return organization


@transaction.atomic
def team_create(
    *, organization: Organization, cohort: Cohort, name: str, seats: int, leads=(), by
) -> Team:
    """Reserve ``seats`` in a cohort for a district team (they count against capacity)."""
    if not (can_manage_cohort(user=by, cohort=cohort) or by.is_staff):
        raise PermissionDenied("Only a facilitator or an administrator can reserve team seats.")
    cohort = _lock(cohort)
    if seats < 1:
        raise ApplicationError("A team reserves at least one seat.", field="seats")
    free = general_seats_free(cohort)
    if free is not None and seats > free:
        raise ApplicationError(
            f"Only {free} seats are free in “{cohort.title}”.", field="seats", code="no_seats"
        )
    if Team.objects.filter(cohort=cohort, name__iexact=name.strip()).exists():
        raise ApplicationError("A team with that name is already in this cohort.", field="name")
    team = Team.objects.create(
        organization=organization, cohort=cohort, name=name.strip(), seats=seats
    )
    TeamMembership.objects.bulk_create(
        TeamMembership(team=team, user=lead, role=TeamMembership.Role.LEAD) for lead in leads
    )
    return team


@transaction.atomic
def team_invite(*, team: Team, email: str, by) -> Invitation:
    """Invite someone into one of the team's free seats. A full team invites nobody: the lead
    is told at once and can ask for more seats (``seat_request_create``)."""
    if not (is_team_lead(user=by, team=team) or can_manage_cohort(user=by, cohort=team.cohort)):
        raise PermissionDenied("Only the team's leads can invite members.")
    if team_seats_free(team=team) < 1:
        raise ApplicationError(
            f"No seat is left: all {team.seats} seats of {team.name} are taken. "
            "Ask for more seats first; the invitation can go out once a seat is granted.",
            code="team_full",
        )
    return invitation_create(cohort=team.cohort, email=email.strip(), by=by, team=team)


def _join_team(team: Team, user, *, by, at=None) -> Enrollment:
    TeamMembership.objects.get_or_create(
        team=team, user=user, defaults={"role": TeamMembership.Role.MEMBER}
    )
    return cohort_enroll(cohort=team.cohort, user=user, team=team, by=by, at=at).enrollment


@transaction.atomic
def team_join(*, token: str, user, at=None) -> Enrollment:
    """Follow a team's join link: become a member and take one of the team's seats. ``at``
    backdates the enrollment (the demo), as in ``cohort_enroll``."""
    team = Team.objects.select_related("cohort").filter(join_token=token).first()
    if team is None:
        raise ApplicationError("This join link is not valid.", code="invalid_link", status=404)
    lead = team.memberships.filter(role=TeamMembership.Role.LEAD).select_related("user").first()
    return _join_team(team, user, by=lead.user if lead else user, at=at)


class SeatWanted(ApplicationError):
    """An invitee of a full team: the invitation stays open until a seat is granted."""

    def __init__(self, message: str, *, invitation: Invitation) -> None:
        super().__init__(message, code="team_full")
        self.invitation = invitation


def invitation_accept(*, token: str, user) -> Enrollment:
    """Accept an invitation: enroll (into the team's seat for a team invitation). When the
    team has no free seat, nothing changes, the leads are emailed once, and the error says
    what happens next."""
    try:
        return _invitation_accept(token=token, user=user)
    except SeatWanted as error:
        _tell_leads_seat_wanted(error.invitation, user)
        raise


@transaction.atomic
def _invitation_accept(*, token: str, user) -> Enrollment:
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("cohort", "team", "invited_by")
        .filter(token=token)
        .first()
    )
    if invitation is None:
        raise ApplicationError(
            "This invitation is not valid.", code="invalid_invitation", status=404
        )
    if invitation.accepted_at is not None:
        raise ApplicationError("This invitation has already been used.", code="invitation_used")
    if invitation.expires_at <= timezone.now():
        raise ApplicationError(
            "This invitation has expired. Ask for a new one.", code="invitation_expired"
        )
    if invitation.email.lower() != user.email.lower():
        raise PermissionDenied(
            f"This invitation was sent to {invitation.email}. "
            "Log in with that address to accept it."
        )
    inviter = invitation.invited_by or user
    if invitation.team is not None:
        if team_seats_free(team=invitation.team) < 1:
            team = invitation.team
            raise SeatWanted(
                f"{team.name} has no free seat for you yet: all {team.seats} seats are taken. "
                "Your team lead has been told and can ask for more seats; you'll be enrolled "
                "and emailed as soon as a seat is granted. Your invitation stays open until "
                f"{invitation.expires_at:%B %-d, %Y}.",
                invitation=invitation,
            )
        enrollment = _join_team(invitation.team, user, by=inviter)
    else:
        enrollment = cohort_enroll(cohort=invitation.cohort, user=user, by=inviter).enrollment
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return enrollment


def _tell_leads_seat_wanted(invitation: Invitation, user) -> None:
    """Email the team's leads, once per invitation, that an invitee is waiting for a seat.
    Runs after the caller's transaction commits or not at all, so it is recorded apart."""
    team = invitation.team
    leads = [
        m.user
        for m in team.memberships.filter(role=TeamMembership.Role.LEAD).select_related("user")
    ]

    def tell() -> None:
        for lead in leads:
            if _claim(lead, f"seat-wanted:{invitation.pk}"):
                emails.send_on_commit(
                    "seat_wanted", [lead], {"team": team, "cohort": team.cohort, "invitee": user}
                )

    transaction.on_commit(tell)


def invitations_redeem_for_user(*, user) -> list[Enrollment]:
    """After sign-up: accept every open invitation sent to the new account's email. One that
    cannot be honoured (a full team, a closed cohort) stays open and is skipped; a full team's
    leads are told (``invitations_waiting_for_seat`` tells the person)."""
    enrollments = []
    tokens = Invitation.objects.filter(
        email__iexact=user.email, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).values_list("token", flat=True)
    for token in list(tokens):
        try:  # each acceptance is its own savepoint
            enrollments.append(invitation_accept(token=token, user=user))
        except ApplicationError:
            continue
    return enrollments


@transaction.atomic
def calendar_feed_rotate(*, user) -> CalendarFeed:
    """Create the person's calendar feed secret, or replace it (the old URL stops working)."""
    feed, created = CalendarFeed.objects.get_or_create(user=user)
    if not created:
        feed.token = secrets.token_urlsafe(24)
        feed.save(update_fields=["token"])
    return feed
