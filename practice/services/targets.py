"""Monthly commitments: a team lead sets the hours a month each member of their team owes."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from cohorts.models import TeamMembership
from core.errors import ApplicationError, PermissionDenied

from ..models import PracticeSettings

MAX_TARGET = Decimal("200")


def leads_coach(*, lead, coach) -> bool:
    return TeamMembership.objects.filter(
        user=coach,
        role=TeamMembership.Role.MEMBER,
        team__memberships__user=lead,
        team__memberships__role=TeamMembership.Role.LEAD,
    ).exists()


@transaction.atomic
def practice_target_set(*, coach, hours, by) -> PracticeSettings:
    """Set (or clear, with ``hours=None``) a coach's monthly target. Only a lead of a team
    the coach is a member of may do it."""
    if not leads_coach(lead=by, coach=coach):
        raise PermissionDenied("Only a lead of this coach's team can set their target.")
    if hours in (None, ""):
        value = None
    else:
        try:
            value = Decimal(str(hours)).quantize(Decimal("0.1"))
        except InvalidOperation:
            raise ApplicationError("Enter a number of hours.", field="hours") from None
        if value <= 0 or value > MAX_TARGET:
            raise ApplicationError(
                f"A monthly target is more than 0 and at most {MAX_TARGET} hours.",
                field="hours",
            )
    row, _ = PracticeSettings.objects.select_for_update().get_or_create(user=coach)
    row.monthly_target_hours = value
    row.target_set_by = by
    row.target_set_at = timezone.now()
    row.save(update_fields=["monthly_target_hours", "target_set_by", "target_set_at"])
    return row
