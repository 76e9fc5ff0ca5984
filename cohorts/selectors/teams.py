"""Teams: the teams a person leads or belongs to, and a team lead's view of their progress."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from ..models import Team, TeamMembership
from .progress import LearnerProgress, Roster, roster_progress


def teams_of(*, user):
    """Teams the person leads or belongs to, each annotated with ``my_role``."""
    if not getattr(user, "is_authenticated", False):
        return Team.objects.none()
    role = TeamMembership.objects.filter(team=OuterRef("pk"), user=user).values("role")[:1]
    return (
        Team.objects.filter(memberships__user=user)
        .annotate(my_role=Subquery(role))
        .select_related("organization", "cohort", "cohort__course")
    )


@dataclass
class TeamProgress:
    """A team lead's view: per-member progress and the team's totals. Never reflections."""

    team: Team
    roster: Roster

    @property
    def members(self) -> list[LearnerProgress]:
        return self.roster.learners

    @property
    def done(self) -> int:
        return sum(learner.done for learner in self.members)

    @property
    def total(self) -> int:
        return sum(learner.total for learner in self.members)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def behind(self) -> int:
        return sum(1 for learner in self.members if learner.behind)

    @property
    def complete(self) -> int:
        return sum(1 for learner in self.members if learner.total and learner.done >= learner.total)


def team_progress(*, team: Team, request=None) -> TeamProgress:
    return TeamProgress(
        team=team, roster=roster_progress(cohort=team.cohort, team=team, request=request)
    )
