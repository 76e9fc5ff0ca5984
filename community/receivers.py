"""Subscriptions to cohorts events. Each receiver only calls a community service."""

from __future__ import annotations

from . import services


def on_membership_changed(sender, user_id: int, **kwargs) -> None:
    services.membership_changed(user_id=user_id)


def on_cohort_created(sender, cohort, **kwargs) -> None:
    services.space_for_cohort(cohort=cohort)


def on_team_created(sender, team, **kwargs) -> None:
    services.space_for_team(team=team)
