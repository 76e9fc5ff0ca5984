"""Subscriptions to cohorts events. Each receiver only calls a community service."""

from __future__ import annotations

from . import services


def on_membership_changed(sender, user_id: int, **kwargs) -> None:
    services.membership_changed(user_id=user_id)


def on_cohort_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        services.space_for_cohort(cohort=instance)


def on_team_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        services.space_for_team(team=instance)


def on_announcement_posted(sender, announcement, **kwargs) -> None:
    services.announcement_thread_create(announcement=announcement)
