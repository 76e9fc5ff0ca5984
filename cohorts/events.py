"""Events other apps subscribe to. Every one is sent after the transaction that caused it
commits (``send_on_commit``), never for a write that rolled back, so a receiver sees the
committed rows and may write, email or broadcast in its own transaction.

``course_completed(user, course, completed_at)`` — sent once per person and course, when the
last lesson is completed. The badges app evaluates its award rules on it.
``reflection_written(user, reflection)`` — a reflection was saved (or rewritten). The badges
app re-evaluates its award rules on it.
``membership_changed(user_id)`` — someone's enrollments or team memberships changed; open
discussion sockets re-check their rights.
``announcement_posted(announcement)`` — the community app pins it in the cohort space.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

course_completed = Signal()
reflection_written = Signal()
membership_changed = Signal()
announcement_posted = Signal()


def send_on_commit(signal: Signal, *, sender, **kwargs) -> None:
    """Send ``signal`` once the current transaction commits (at once outside one). Robustly:
    the write is stored by then, so a failing receiver is logged (``django.dispatch``) rather
    than turning the finished request into an error, and the other receivers still run."""
    transaction.on_commit(lambda: signal.send_robust(sender=sender, **kwargs))
