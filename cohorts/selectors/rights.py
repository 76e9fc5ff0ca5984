"""Who may manage a cohort or lead a team, and what they manage or lead."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.models import Role

from ..models import Cohort, Team, TeamMembership


def can_manage_cohort(*, user, cohort: Cohort) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return cohort.facilitators.filter(pk=user.pk).exists()


def can_decide_seats(*, user, team: Team) -> bool:
    """Who grants or declines a team's request for seats: a facilitator of the team's cohort
    or an administrator."""
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_staff or can_manage_cohort(user=user, cohort=team.cohort))
    )


def is_team_lead(*, user, team: Team) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return TeamMembership.objects.filter(
        team=team, user=user, role=TeamMembership.Role.LEAD
    ).exists()


def cohorts_managed_by(*, user):
    if not getattr(user, "is_authenticated", False):
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    return Cohort.objects.filter(facilitators=user)


def teams_led_by(*, user):
    if not getattr(user, "is_authenticated", False):
        return Team.objects.none()
    return Team.objects.filter(
        memberships__user=user, memberships__role=TeamMembership.Role.LEAD
    ).select_related("organization", "cohort", "cohort__course")


def facilitators_choosable(*, by, cohort: Cohort | None = None):
    """People who may be made facilitators of a cohort: facilitators and staff, not every
    coach on the platform, plus whoever already runs the cohort (so saving never drops them)
    and the person choosing. The admin form offers these; the API accepts only these."""
    people = Q(role=Role.FACILITATOR) | Q(is_staff=True)
    if cohort is not None and cohort.pk:
        people |= Q(facilitated_cohorts=cohort)
    if getattr(by, "is_authenticated", False):
        people |= Q(pk=by.pk)
    return get_user_model().objects.filter(people).distinct()


def teams_seats_changeable_by(*, user):
    """Teams whose seats this person may set: every team for an administrator (staff), the
    teams of the cohorts they facilitate for a facilitator (as ``can_decide_seats``)."""
    if not getattr(user, "is_authenticated", False):
        return Team.objects.none()
    teams = Team.objects.select_related("organization", "cohort", "cohort__course")
    if user.is_staff or user.is_superuser:
        return teams
    return teams.filter(cohort__in=cohorts_managed_by(user=user))
