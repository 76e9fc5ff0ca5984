"""Subscriptions: award rules are evaluated again whenever what they read changes — a course
completed, a reflection written, practice logged. Each receiver only calls the service, after
the commit that caused it, and a failure is logged rather than breaking the learner's request
(the next event evaluates again)."""

from __future__ import annotations

import logging

from . import services

logger = logging.getLogger(__name__)


def _evaluate(user) -> None:
    try:
        services.badge_rules_evaluate(user=user)
    except Exception:  # noqa: BLE001 (never break the learner's own write)
        logger.exception("Badge rules evaluation failed for user %s", getattr(user, "pk", None))


def on_course_completed(sender, user, **kwargs) -> None:
    _evaluate(user)


def on_reflection_written(sender, user, **kwargs) -> None:
    _evaluate(user)


def on_practice_changed(sender, user, **kwargs) -> None:
    """Connect to ``practice.events.practice_changed`` (sent after commit) when the practice
    app is installed; see BadgesConfig.ready."""
    _evaluate(user)
