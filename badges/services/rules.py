"""The service that acts on the award rules (``badges.rules``): award the badge, or queue a
certification request when the class needs approval."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ..models import BadgeAward, BadgeClass, CertificationRequest
from ..rules import RuleInputs, has_automatic_rules, rule_results, rules_met
from .awards import badge_award
from .requests import certification_request_open


@transaction.atomic
def badge_rules_evaluate(*, user, resubmit: bool = True) -> list[BadgeAward | CertificationRequest]:
    """Apply every active class's rules to one person: where all hold and they hold no
    current award, award the badge (method "rules"), or, when the class needs approval, put
    them in the certification queue. Safe to call any number of times and concurrently:
    awarding is idempotent and a person has at most one open request per class.

    ``resubmit``: a request a facilitator sent back ("changes requested") returns to the
    queue when the learner does something new (a reflection, practice).
    Returns the awards and requests created or reopened."""
    if not getattr(user, "email", ""):
        return []
    classes = [
        badge_class
        for badge_class in BadgeClass.objects.filter(is_active=True).select_related("course")
        if has_automatic_rules(badge_class)
    ]
    if not classes:
        return []
    open_awards = {
        award.badge_class_id: award
        for award in BadgeAward.objects.filter(recipient=user, closed_at__isnull=True)
    }
    revoked = set(
        BadgeAward.objects.filter(recipient=user, revoked_at__isnull=False).values_list(
            "badge_class_id", flat=True
        )
    )
    inputs = RuleInputs.load(user=user)
    changed: list = []
    for badge_class in classes:
        current = open_awards.get(badge_class.pk)
        if current is not None and not current.is_expired:
            continue
        if current is None and badge_class.pk in revoked:
            continue  # revoked: only a facilitator awards it again
        if not rules_met(rule_results(badge_class=badge_class, inputs=inputs)):
            continue
        if badge_class.requires_approval:
            request, touched = certification_request_open(
                badge_class=badge_class, learner=user, resubmit=resubmit
            )
            if touched:
                changed.append(request)
        else:
            award = badge_award(badge_class=badge_class, recipient=user, method="rules").award
            changed.append(award)
    return changed


def badges_renew_expired() -> dict[str, int]:
    """Evaluate everyone who holds an expired (still open) award: nothing else re-evaluates
    when a date passes. One transaction per person, so one failure does not undo the rest."""
    people = (
        BadgeAward.objects.filter(closed_at__isnull=True, expires_on__lte=timezone.now())
        .values_list("recipient", flat=True)
        .distinct()
    )
    report = {"people": 0, "awards": 0, "requests": 0}
    for person in get_user_model().objects.filter(pk__in=list(people), is_active=True):
        report["people"] += 1
        for item in badge_rules_evaluate(user=person, resubmit=False):
            report["awards" if isinstance(item, BadgeAward) else "requests"] += 1
    return report
